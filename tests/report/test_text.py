"""The terminal report: fits its width, colour only when asked, diff markers without colour."""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.reports import LONG_URL, result_by_id, sample_report
from verify.model import DiffOp, SourceEntry, SourceStatus
from verify.report import render
from verify.report.text import diff_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _long_report():
    """The sample plus a very long quote, an unbroken 150-character token and a long error."""
    report = sample_report()
    long_quote = " ".join(["the harbour front will be rebuilt in stone and steel"] * 12)
    token = "x" * 150
    claims = []
    for r in report.results:
        if r.claim.id == "C3":
            r = dataclasses.replace(r, claim=dataclasses.replace(r.claim, text=f"{long_quote} {token}"))
        claims.append(r)
    broken = SourceEntry(
        "S5", LONG_URL + "&" + token, None, None, SourceStatus.HTTP_ERROR, 503, False, None, None, None,
        "service unavailable: " + "the upstream server said no " * 10,
    )  # fmt: skip
    return dataclasses.replace(report, results=tuple(claims), sources=(*report.sources, broken))


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("color", [False, True])
def test_no_line_is_wider_than_asked(width: int, color: bool) -> None:
    out = render(_long_report(), "text", color=color, width=width)
    widths = [len(ANSI.sub("", line)) for line in out.splitlines()]
    assert max(widths) <= width
    assert max(widths) >= width - 10  # it does use the room it has


@pytest.mark.parametrize(
    "color, has_ansi",
    [(False, False), (True, True)],
)
def test_colour_only_when_asked(color: bool, has_ansi: bool) -> None:
    out = render(sample_report(), "text", color=color)
    assert bool(ANSI.search(out)) is has_ansi


@pytest.mark.parametrize(
    "color, expected, absent",
    [
        (False, "We cannot ask families to walk on [-boards-] {+planks+} that are", "\x1b"),
        (True, "boards", "[-boards-]"),
    ],
)
def test_word_diff_markers_without_colour(color: bool, expected: str, absent: str) -> None:
    evidence = result_by_id(sample_report(), "C3").evidence
    assert evidence is not None
    line = diff_text(evidence.diff, color=color).plain
    assert expected in line
    assert absent not in line


def test_diff_markers_in_the_full_report() -> None:
    out = " ".join(render(sample_report(), "text", width=200).split())
    assert (
        "diff: We cannot ask families to walk on [-boards-] {+planks+} that are rotting [-under-] {+beneath+} them"
        in out
    )


@pytest.mark.parametrize(
    "expected",
    [
        "7 claims: ✓ 1 confirmed, ≈ 4 paraphrased, ? 2 unverified · ⚑ 2 flagged · 1 term not checked",
        "✗ 1 of your sources could not be read: S3 (timed out)",
        "S3 ✗ timed out Ellery Fishermen’s Association",
        "error: no answer within 20 s, 3 attempts",
        "fetched 2026-11-19T17:40:00Z (cache)",
        "≈ PARAPHRASED (words altered, score 88) C3 direct ¶3 [changed]",
        "— the mayor, Ines Morrow, told, in the Ellery Gazette",
        "— Ines Morrow (from “She”), said",
        "editor: ✓ confirmed by R. Osei, 2026-11-20T11:02:00Z: Confirmed by phone",
        "· TERM C5 term ¶5",
        "⚑ number differs",
        "Source passage, S1 Ellery Gazette: “Speaking after the vote",
        "snapshot 3f1c9a7be2d0",
        "Since the baseline reports/pier-vote.previous.json: newly at fault: C7",
    ],
)
def test_report_mentions(expected: str) -> None:
    out = " ".join(render(sample_report(), "text", width=200).split())
    assert expected in out


def test_long_quote_is_shortened() -> None:
    out = render(_long_report(), "text", width=80)
    assert "x" * 150 not in out.replace("\n", "")
    assert "…" in out


@pytest.mark.parametrize(
    "hostile, shown",
    [
        ("[bold red]styled[/]", "[bold red]styled[/]"),
        ("\x1b[2Jwiped", "\\x1b[2Jwiped"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
    ],
)
def test_terminal_text_cannot_style_or_control_the_terminal(hostile: str, shown: str) -> None:
    report = sample_report()
    claims = tuple(
        dataclasses.replace(r, claim=dataclasses.replace(r.claim, text=hostile)) if r.claim.id == "C2" else r
        for r in report.results
    )
    out = render(dataclasses.replace(report, results=claims), "text", color=False, width=120)
    assert shown in out
    assert "\x1b" not in out and "\x07" not in out


def test_equal_only_diff_adds_no_markers() -> None:
    line = diff_text(((DiffOp.EQUAL, "all the same"),), color=False).plain
    assert line == "all the same"


def test_long_diff_run_is_cut_in_the_middle() -> None:
    context = " ".join(f"w{n}" for n in range(40))
    line = diff_text(((DiffOp.INSERT, context), (DiffOp.EQUAL, "the quote")), color=False).plain
    assert line.startswith("{+w0 w1") and line.endswith(" w39+} the quote") and " … " in line
    assert "w20" not in line.split()


@pytest.mark.parametrize(
    ("speaker", "outlet", "line"),
    [
        ("The Ledger", "The Ledger", "— The Ledger, reported"),  # "The Ledger reported": named once
        ("Ana Lind", "The Ledger", "— Ana Lind, reported, in The Ledger"),
    ],
)
def test_attribution_line_names_an_outlet_once(speaker: str, outlet: str, line: str) -> None:
    from verify.model import Speaker

    report = sample_report()
    first = report.results[0]
    claim = dataclasses.replace(first.claim, speaker=Speaker(speaker), cue="reported", outlet=outlet)
    report = dataclasses.replace(report, results=(dataclasses.replace(first, claim=claim),))
    assert line in [row.strip() for row in render(report, "text", width=120).splitlines()]
