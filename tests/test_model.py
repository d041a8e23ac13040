"""The JSON report round-trips exactly, and summary and --fail-on ranking follow SPEC.md."""

import pytest

from tests.reports import empty_report, report_of, result, sample_report
from verify.model import ClaimKind, Report, Verdict

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
    assert set(data["summary"]) == {"claims", "confirmed", "paraphrased", "unverified"}
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
    assert report.summary() == {"claims": 1, "confirmed": 0, "paraphrased": 1, "unverified": 0}
    assert report.worst_verdict() is Verdict.CONFIRMED  # the editor's decision wins
