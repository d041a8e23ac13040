"""The JSON report round-trips exactly, and summary and --fail-on ranking follow SPEC.md."""

from dataclasses import replace

import pytest

from tests.reports import empty_report, report_of, result, sample_report
from verify.model import ClaimKind, ClaimResult, Flag, Reason, Report, Severity, Verdict

ROUND_TRIPS = {
    "the renderers' sample": sample_report,
    "empty": empty_report,
    "a decision and a term": lambda: report_of(
        [
            result("We will rebuild", "paraphrased", decided="confirmed"),
            result("harbour plan", None, kind=ClaimKind.TERM),
        ]
    ),
}


@pytest.mark.parametrize("make", ROUND_TRIPS.values(), ids=ROUND_TRIPS.keys())
def test_json_round_trip_is_exact(make) -> None:  # type: ignore[no-untyped-def]
    report = make()
    assert Report.from_json(report.to_json()) == report


def test_contract_fields_are_present() -> None:
    data = sample_report().to_dict()
    assert data["schema"] == "verify-report/1"
    assert data["tool"]["name"] == "verify"
    assert set(data["summary"]) == {"claims", "confirmed", "paraphrased", "unverified", "flagged"}
    claim = next(c for c in data["claims"] if c["evidence"])
    for key in ("id", "kind", "text", "span", "paragraph", "speaker", "cue", "outlet", "verdict", "reason", "score",
                "flags", "evidence"):  # fmt: skip
        assert key in claim
    diff = claim["evidence"]["diff"]
    assert all(op in ("equal", "delete", "insert") and isinstance(words, str) for op, words in diff)
    source = data["sources"][0]
    for key in ("id", "url", "path", "outlet", "status", "http_status", "from_cache", "fetched_at", "sha256",
                "content_type", "error"):  # fmt: skip
        assert key in source


def test_terms_are_not_counted_and_decisions_count_for_fail_on() -> None:
    report = ROUND_TRIPS["a decision and a term"]()
    assert report.summary() == {"claims": 1, "confirmed": 0, "paraphrased": 1, "unverified": 0, "flagged": 0}
    assert report.worst_verdict() is Verdict.CONFIRMED  # the editor's decision wins


@pytest.mark.parametrize(
    ("row", "severity"),
    [
        pytest.param(result("a", "confirmed"), Severity.CONFIRMED, id="confirmed"),
        pytest.param(result("a", "confirmed", flags=(Flag.OUTSIDE_MAIN_TEXT,)), Severity.CONFIRMED, id="informs"),
        pytest.param(result("a", "confirmed", flags=(Flag.SPEAKER_MISMATCH,)), Severity.LOOK, id="a look flag"),
        pytest.param(result("a", "paraphrased"), Severity.ALTERED, id="altered"),
        pytest.param(result("a", "unverified"), Severity.NOT_FOUND, id="not found"),
        pytest.param(replace(result("a", "unverified"), reason=Reason.CONTRADICTED), Severity.CONTRADICTED,
                     id="contradicted"),  # fmt: skip
        pytest.param(replace(result("a", "unverified"), reason=Reason.MISATTRIBUTED), Severity.MISATTRIBUTED,
                     id="misattributed"),  # fmt: skip
        pytest.param(replace(result("a", "unverified"), reason=Reason.SOURCE_UNAVAILABLE),
                     Severity.SOURCE_UNAVAILABLE, id="source unavailable"),  # fmt: skip
        pytest.param(result("a", "paraphrased", flags=(Flag.DATE_MISMATCH,)), Severity.ALTERED, id="altered, flagged"),
        pytest.param(result("a", "unverified", decided="confirmed"), Severity.CONFIRMED, id="an editor confirmed it"),
        pytest.param(result("a", None, kind=ClaimKind.TERM), None, id="a term"),
    ],
)
def test_one_order_of_severity(row: ClaimResult, severity: Severity | None) -> None:
    assert row.severity == severity


def test_problems_are_listed_worst_first_and_in_draft_order_among_equals() -> None:
    report = report_of(
        [
            result("fine", "confirmed"),
            result("look", "confirmed", flags=(Flag.NUMBER_MISMATCH,)),
            result("gone", "unverified"),
            result("changed", "paraphrased"),
            result("also gone", "unverified"),
        ]
    )
    assert [r.claim.text for r in report.problems()] == ["gone", "also gone", "changed", "look"]
    assert report.to_dict()["problems"] == ["C3", "C5", "C4", "C2"]
    assert report.summary()["flagged"] == 1


@pytest.mark.parametrize(
    ("rows", "fails"),
    [
        pytest.param([result("a", "confirmed")], False, id="all confirmed"),
        pytest.param([result("a", "paraphrased")], False, id="altered, no flag"),
        pytest.param([result("a", "confirmed", flags=(Flag.SPEAKER_MISMATCH,))], True, id="confirmed with a look flag"),
        pytest.param([result("a", "confirmed", flags=(Flag.OUTSIDE_MAIN_TEXT,))], False, id="an informing flag"),
        pytest.param([result("a", "paraphrased", flags=(Flag.DATE_MISMATCH,))], True, id="a changed date"),
        pytest.param([result("a", "unverified")], True, id="unverified"),
        pytest.param([result("a", "unverified", decided="confirmed")], False, id="settled by an editor"),
    ],
)
def test_fail_on_flagged(rows: list[ClaimResult], fails: bool) -> None:
    assert report_of(rows).fails("flagged") is fails
