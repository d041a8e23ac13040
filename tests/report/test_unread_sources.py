"""Failed sources are listed once at the top of every human format, and a claim not found while
some source went unread says so; the summary counts flagged claims."""

from __future__ import annotations

import pytest

from tests.report.shown import HUMAN_FORMATS, shown
from tests.reports import report_of, result, source_entry
from verify.model import ClaimResult, Flag, SourceEntry, SourceStatus
from verify.report import view


def _failed(source_id: str, status: SourceStatus) -> SourceEntry:
    return SourceEntry(
        id=source_id, url=f"https://{source_id.lower()}.example/page", path=None, outlet=None, status=status,
        http_status=None, from_cache=False, fetched_at=None, sha256=None, content_type=None, error="gone",
    )  # fmt: skip


READ = source_entry("S1")
TIMEOUT, MISSING = _failed("S3", SourceStatus.TIMEOUT), _failed("S5", SourceStatus.NOT_FOUND)
NOT_FOUND = result("We never asked anyone", "unverified")
UNAVAILABLE = result("We never asked anyone", "unverified", reason="source_unavailable")
CONFIRMED = result("The pier is safe", "confirmed")


@pytest.mark.parametrize(
    "sources, expected",
    [
        ((READ, TIMEOUT, MISSING), "2 of your sources could not be read: S3 (timed out), S5 (not found)"),
        ((READ, MISSING), "1 of your sources could not be read: S5 (not found)"),
        ((TIMEOUT, MISSING), "None of your 2 sources could be read: S3 (timed out), S5 (not found)"),
        ((TIMEOUT,), "Your source could not be read: S3 (timed out)"),
        ((READ,), None),
        ((), None),
    ],
)
def test_the_unread_line(sources: tuple[SourceEntry, ...], expected: str | None) -> None:
    assert view.unread_line(report_of([CONFIRMED], sources=sources)) == expected


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
@pytest.mark.parametrize("only_problems", [False, True])
def test_failed_sources_are_listed_once_before_the_problems(fmt: str, only_problems: bool) -> None:
    report = report_of([NOT_FOUND], sources=(READ, TIMEOUT, MISSING))
    seen = shown(report, fmt, only_problems=only_problems) if fmt != "html" else shown(report, fmt)
    line = "2 of your sources could not be read: S3 (timed out), S5 (not found)"
    assert seen.count(line) == 1
    assert seen.index(line) < seen.index("Needs a look")


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
@pytest.mark.parametrize(
    "row, sources, noted",
    [
        pytest.param(NOT_FOUND, (READ, TIMEOUT, MISSING), True, id="not found, two unread"),
        pytest.param(NOT_FOUND, (READ,), False, id="not found, every source read"),
        pytest.param(UNAVAILABLE, (READ, TIMEOUT, MISSING), False, id="its own sources failed: the reason says so"),
        pytest.param(CONFIRMED, (READ, TIMEOUT, MISSING), False, id="confirmed"),
        pytest.param(
            result("Rents rose by 9 percent", "unverified", reason="contradicted", flags=(Flag.NUMBER_MISMATCH,),
                   snippet="Rents rose by 4 percent."),
            (READ, TIMEOUT, MISSING), False, id="contradicted: it was found",
        ),
    ],
)  # fmt: skip
def test_a_claim_not_found_while_sources_are_unread_says_so(
    row: ClaimResult, sources: tuple[SourceEntry, ...], noted: bool, fmt: str
) -> None:
    seen = shown(report_of([row], sources=sources), fmt)
    note = "2 of your sources could not be read"
    # once in the top line, then on the problem line and on the claim when noted
    assert seen.lower().count(note.lower()) == (3 if noted else 1 if len(sources) == 3 else 0)


@pytest.mark.parametrize("fmt, words", [("text", "⚑ 2 flagged"), ("markdown", "⚑ 2 flagged"), ("html", "⚑ 2 flagged")])
def test_the_summary_counts_flagged_claims(fmt: str, words: str) -> None:
    rows = [
        result("The pier is safe", "confirmed", flags=(Flag.CUT_SHORT,)),
        result("Repairs cost four million", "paraphrased", flags=(Flag.NUMBER_MISMATCH,)),
        result("The ferry runs", "confirmed", flags=(Flag.STYLE,)),
    ]
    assert words in shown(report_of(rows), fmt)
    assert "flagged" not in shown(report_of([CONFIRMED]), fmt)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_claims_own_notes_and_comments_evidence_are_shown(fmt: str) -> None:
    from dataclasses import replace

    from verify.report import render

    row = result("We will keep the pool open", "confirmed")
    assert row.evidence is not None
    row = replace(row, notes=("no source from Sky News was checked",), evidence=replace(row.evidence, where="comments"))
    rendered = render(report_of([row]), fmt, width=200).lower()
    assert "no source from sky news was checked" in rendered
    assert "found only in the page" in rendered and "comments" in rendered
