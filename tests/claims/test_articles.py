"""Whole fictional articles with every reported statement marked by hand.

Each file in ``tests/claims/articles/`` is an article written for these tests, in the
shapes of wire copy, features, analysis and opinion. The content of every statement the
article reports someone as making (after a verb of saying, "according to", a noun such as
"claim that") is marked ``⟦…⟧``; quotations are left unmarked, since they are direct claims.
Two marks record what the extractor is known to get wrong, each a strict xfail row so that
a fix shows up: ``⟦?…⟧`` a statement it misses, ``⟦!…⟧`` a stretch it wrongly reports.

Rows: each marked statement must be found (verify's non-term claims cover at least half
of it, the rule `bench/eval_extraction.py` scores PolNeAR with), and each reported claim
must lie mostly inside some marked statement or quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.helpers import claims_of
from verify.model import Claim, ClaimKind

ARTICLES = Path(__file__).parent / "articles"
_MARK = re.compile(r"⟦([?!]?)(.*?)⟧", re.DOTALL)


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    flag: str  # "", "?" (known miss) or "!" (known false statement)


@cache
def article(name: str) -> tuple[str, tuple[Marked, ...]]:
    """The article's text without marks, and its marked stretches by offset in that text."""
    raw = (ARTICLES / name).read_text(encoding="utf-8")
    pieces: list[str] = []
    marks: list[Marked] = []
    pos = length = 0
    for m in _MARK.finditer(raw):
        before = raw[pos : m.start()]
        pieces.append(before)
        length += len(before)
        pieces.append(m.group(2))
        marks.append(Marked(length, length + len(m.group(2)), m.group(1)))
        length += len(m.group(2))
        pos = m.end()
    pieces.append(raw[pos:])
    return "".join(pieces), tuple(marks)


@cache
def claims(name: str) -> tuple[Claim, ...]:
    return claims_of(article(name)[0])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _spans(claim: Claim) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in (claim.parts or (claim.span,))]


def _covered(mark: Marked, found: tuple[Claim, ...]) -> bool:
    inside = sum(_overlap((mark.start, mark.end), s) for c in found if c.kind is not ClaimKind.TERM for s in _spans(c))
    return 2 * inside >= mark.end - mark.start


_QUOTED = re.compile(r"[“\"‘][^“”\"‘’\n]*[”\"’]")


def _mostly_marked(claim: Claim, text: str, marks: tuple[Marked, ...]) -> bool:
    zones = [(m.start, m.end) for m in marks if m.flag != "!"]
    zones += [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    spans = _spans(claim)
    inside = sum(_overlap(s, z) for s in spans for z in zones)
    return 2 * inside >= sum(e - s for s, e in spans)


def _names() -> list[str]:
    return sorted(p.name for p in ARTICLES.glob("*.md"))


def _found_rows() -> list[object]:
    rows: list[object] = []
    for name in _names():
        text, marks = article(name)
        for mark in marks:
            if mark.flag == "!":
                continue
            words = " ".join(text[mark.start : mark.end].split()[:6])
            marks_ = (pytest.mark.xfail(strict=True, reason="known miss"),) if mark.flag == "?" else ()
            rows.append(pytest.param(name, mark, id=f"{name}:{words}", marks=marks_))
    return rows


def _reported_rows() -> list[object]:
    rows: list[object] = []
    for name in _names():
        text, marks = article(name)
        for index, mark in enumerate(marks):
            if mark.flag == "!":
                words = " ".join(text[mark.start : mark.end].split()[:6])
                rows.append(
                    pytest.param(
                        name,
                        index,
                        id=f"{name}:!{words}",
                        marks=pytest.mark.xfail(strict=True, reason="known false statement"),
                    )
                )
        rows.append(pytest.param(name, None, id=f"{name}:every reported claim"))
    return rows


@pytest.mark.parametrize(("name", "mark"), _found_rows())
def test_each_marked_statement_is_found(name: str, mark: Marked) -> None:
    assert _covered(mark, claims(name)), article(name)[0][mark.start : mark.end]


@pytest.mark.parametrize(("name", "index"), _reported_rows())
def test_reported_claims_lie_inside_marked_statements(name: str, index: int | None) -> None:
    text, marks = article(name)
    reported = [c for c in claims(name) if c.kind is ClaimKind.REPORTED]
    if index is not None:  # a known false statement: verify should report nothing there
        mark = marks[index]
        assert not any(_overlap((mark.start, mark.end), s) for c in reported for s in _spans(c))
        return
    known_false = [(m.start, m.end) for m in marks if m.flag == "!"]
    stray = [
        c.text
        for c in reported
        if not _mostly_marked(c, text, marks) and not any(_overlap(s, z) for s in _spans(c) for z in known_false)
    ]
    assert stray == []


def test_marks_are_well_formed() -> None:
    for name in _names():
        raw = (ARTICLES / name).read_text(encoding="utf-8")
        assert raw.count("⟦") == raw.count("⟧"), name
        assert not re.search(r"⟦[^⟧]*⟦", raw), f"{name}: nested marks"
