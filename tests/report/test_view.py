"""The shared presentation rules: highlight segments, safe links, terminal-safe text."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.reports import DRAFT, empty_report, sample_report
from verify.model import Claim, ClaimKind, ClaimResult, Span, Verdict
from verify.report import FORMATS, render, view


def _result(claim_id: str, *spans: tuple[int, int]) -> ClaimResult:
    parts = tuple(Span(a, b) for a, b in spans)
    claim = Claim(claim_id, ClaimKind.DIRECT, "", Span(parts[0].start, parts[-1].end), 0, None, None, None, parts)
    return ClaimResult(claim, Verdict.CONFIRMED, None, None)


def _layout(text: str, results: tuple[ClaimResult, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """Each segment's text with the ids of the claims over it, outermost first."""
    return [(seg.text, tuple(results[i].claim.id for i in seg.claims)) for seg in view.segment_draft(text, results)]


@pytest.mark.parametrize(
    "text, claims, expected",
    [
        pytest.param("abcdef", [("A", (1, 3))], [("a", ()), ("bc", ("A",)), ("def", ())], id="one span"),
        pytest.param(
            "abcdefgh",
            [("OUT", (1, 7)), ("IN", (3, 5))],
            [("a", ()), ("bc", ("OUT",)), ("de", ("OUT", "IN")), ("fg", ("OUT",)), ("h", ())],
            id="partial inside reported speech",
        ),
        pytest.param(
            "abcdefgh",
            [("IN", (3, 5)), ("OUT", (1, 7))],
            [("a", ()), ("bc", ("OUT",)), ("de", ("OUT", "IN")), ("fg", ("OUT",)), ("h", ())],
            id="outermost first whatever the order",
        ),
        pytest.param(
            "abcdef",
            [("A", (0, 4)), ("B", (2, 6))],
            [("ab", ("A",)), ("cd", ("A", "B")), ("ef", ("B",))],
            id="crossing spans",
        ),
        pytest.param(
            "ab\n\ncd\n\nef",
            [("M", (0, 2), (4, 6))],
            [("ab", ("M",)), ("\n\n", ()), ("cd", ("M",)), ("\n\nef", ())],
            id="two paragraphs, gap not highlighted",
        ),
        pytest.param("abc", [("X", (2, 99))], [("ab", ()), ("c", ("X",))], id="span past the end is clamped"),
        pytest.param("abc", [("E", (1, 1))], [("abc", ())], id="empty span ignored"),
        pytest.param("", [("A", (0, 3))], [], id="no text"),
    ],
)
def test_segments(text: str, claims: list, expected: list) -> None:
    results = tuple(_result(cid, *spans) for cid, *spans in claims)
    assert _layout(text, results) == expected


def test_segments_of_sample_join_back_and_cover_each_claim_exactly() -> None:
    report = sample_report()
    segments = view.segment_draft(DRAFT, report.results)
    assert "".join(s.text for s in segments) == DRAFT
    for index, result in enumerate(report.results):
        covered = "".join(s.text for s in segments if index in s.claims)
        assert covered == "".join(DRAFT[p.start : p.end] for p in result.claim.parts)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("vbscript:msgbox", None),
        ("file:///etc/passwd", None),
        ("//evil.example/x", None),
        ('https://example.org/"onmouseover="x', None),
        ("https://", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link(url: str | None, expected: str | None) -> None:
    assert view.safe_link(url) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("plain words", "plain words"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
        ("bell\x07", "bell\\x07"),
        ("right\u202eto left", "right\\u202eto left"),
    ],
)
def test_printable(raw: str, expected: str) -> None:
    assert view.printable(raw) == expected


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("short", 10, "short"),
        ("one two three four five", 12, "one two…"),
        ("line\nbreaks   squeezed", 40, "line breaks squeezed"),
        ("x" * 30, 10, "x" * 9 + "…"),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert view.shorten(text, limit) == expected


def test_anchor_names_are_unique_and_tidy() -> None:
    report = sample_report()
    odd = [_result(cid, (0, 1)) for cid in ("C1", "C1", '"><x>', "")]
    names = view.anchor_names(dataclasses.replace(report, results=tuple(odd)))
    assert len(set(names)) == len(names) == 4
    assert all(name and name.replace("-", "").replace("_", "").isalnum() for name in names)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_every_claim_id_and_an_empty_report(fmt: str) -> None:
    out = render(sample_report(), fmt)
    for result in sample_report().results:
        assert result.claim.id in out
    assert render(empty_report(), fmt)


def test_json_is_the_model_json() -> None:
    report = sample_report()
    assert render(report, "json") == report.to_json()
    assert json.loads(render(report, "json"))["schema"] == "verify-report/1"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(sample_report(), "pdf")


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("a b c", 4, "a b c"),
        ("a b c d e f g h", 4, "a b … g h"),
        ("a  b\nc", 4, "a b c"),
    ],
)
def test_shorten_words(text: str, limit: int, expected: str) -> None:
    assert view.shorten_words(text, limit) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("one line", "one line"),
        ("Title\n\n\n  body   text  \n\nend", "Title\nbody text\nend"),
    ],
)
def test_tidy_passage(text: str, expected: str) -> None:
    assert view.tidy_passage(text) == expected
