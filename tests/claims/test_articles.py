"""Whole fictional articles with every reported statement marked by hand.

Each file in ``tests/claims/articles/`` is an article written for these tests, in the
shapes of wire copy, features, analysis and opinion. The content of every statement the
article reports someone as making (after a verb of saying, "according to", a noun such as
"claim that") is marked ``⟦…⟧``; quotations are left unmarked, since they are direct claims.
Two marks record what the extractor is known to get wrong, each a strict xfail row so that
a fix shows up: ``⟦?…⟧`` a statement it misses, ``⟦!…⟧`` a stretch it wrongly reports.
Reading the marks and scoring them is ``bench/eval_articles.py``'s, which also prints totals.

Rows: each marked statement must be found (verify's non-term claims cover at least half
of it, the rule ``bench/eval_extraction.py`` scores PolNeAR with), and each reported claim
must lie mostly inside some marked statement or quotation.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import load_bench_module
from verify.model import Claim, ClaimKind

scoring = load_bench_module("eval_articles")
ARTICLES = scoring.ARTICLES


@cache
def article(name: str) -> Any:
    return scoring.read_marked((ARTICLES / name).read_text(encoding="utf-8"))


@cache
def claims(name: str) -> tuple[Claim, ...]:
    return tuple(scoring.claims_of(article(name)))


def _names() -> list[str]:
    return sorted(p.name for p in ARTICLES.glob("*.md"))


def _first_words(name: str, mark: Any) -> str:
    text = article(name).text
    return " ".join(text[mark.start : mark.end].split()[:6])


def _found_rows() -> list[object]:
    rows: list[object] = []
    for name in _names():
        for mark in article(name).marks:
            if mark.flag == "!":
                continue
            known = (pytest.mark.xfail(strict=True, reason="known miss"),) if mark.flag == "?" else ()
            rows.append(pytest.param(name, mark, id=f"{name}:{_first_words(name, mark)}", marks=known))
    return rows


def _reported_rows() -> list[object]:
    rows: list[object] = []
    for name in _names():
        for index, mark in enumerate(article(name).marks):
            if mark.flag == "!":
                known = pytest.mark.xfail(strict=True, reason="known false statement")
                rows.append(pytest.param(name, index, id=f"{name}:!{_first_words(name, mark)}", marks=known))
        rows.append(pytest.param(name, None, id=f"{name}:every reported claim"))
    return rows


@pytest.mark.parametrize(("name", "mark"), _found_rows())
def test_each_marked_statement_is_found(name: str, mark: Any) -> None:
    assert scoring.covered(mark, claims(name)), article(name).text[mark.start : mark.end]


@pytest.mark.parametrize(("name", "index"), _reported_rows())
def test_reported_claims_lie_inside_marked_statements(name: str, index: int | None) -> None:
    marked = article(name)
    reported = [c for c in claims(name) if c.kind is ClaimKind.REPORTED]
    if index is not None:  # a known false statement: verify should report nothing there
        mark = marked.marks[index]
        assert not any(scoring.overlap((mark.start, mark.end), s) for c in reported for s in scoring.spans(c))
        return
    known_false = [(m.start, m.end) for m in marked.marks if m.flag == "!"]
    stray = [
        c.text
        for c in reported
        if not scoring.mostly_marked(c, marked)
        and not any(scoring.overlap(s, z) for s in scoring.spans(c) for z in known_false)
    ]
    assert stray == []


def test_marks_are_well_formed() -> None:
    for name in _names():
        raw = (ARTICLES / name).read_text(encoding="utf-8")
        assert raw.count("⟦") == raw.count("⟧"), name
        assert not re.search(r"⟦[^⟧]*⟦", raw), f"{name}: nested marks"


def test_the_scoring_counts_a_miss_and_a_stray_claim(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "a.md").write_text(
        "Lind said ⟦the pier was unsafe⟧. ⟦?Vale wants the pier to close⟧.\n\nFares will rise, the mayor said.\n",
        encoding="utf-8",
    )
    tally = scoring.score(folder)
    assert (tally.statements, tally.found) == (2, 1)
    assert (tally.reported, tally.inside) == (2, 1)
