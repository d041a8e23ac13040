"""The JSON report round-trips exactly, and summary and --fail-on ranking follow SPEC.md."""

from verify.model import (
    ArticleInfo,
    BaselineDiff,
    Claim,
    ClaimKind,
    ClaimResult,
    Decision,
    DiffOp,
    Evidence,
    Flag,
    Reason,
    Report,
    SourceEntry,
    SourceStatus,
    Span,
    Speaker,
    Verdict,
)


def _report() -> Report:
    claim = Claim("C1", ClaimKind.DIRECT, "We will rebuild", Span(1, 16), 0, Speaker("Ann Lee", "she"), "said", None,
                  (Span(1, 16),))  # fmt: skip
    term = Claim("C2", ClaimKind.TERM, "harbour plan", Span(30, 42), 0, None, None, None)
    evidence = Evidence("S1", 5, 22, "… We will rebuild …", ((DiffOp.EQUAL, "We will"), (DiffOp.DELETE, "rebuild"),
                        (DiffOp.INSERT, "restore")), "ab" * 32, ("because",), True)  # fmt: skip
    source = SourceEntry("S1", "https://a.example/x", None, "The Ledger", SourceStatus.OK, 200, True,
                         "2026-11-23T10:00:00+00:00", "ab" * 32, "text/html", None, ("Ledger TV",))  # fmt: skip
    return Report(
        tool_version="1.2.3",
        article=ArticleInfo("draft.md", "cd" * 32, "“We will rebuild,” she said.", "markdown"),
        sources=(source,),
        results=(
            ClaimResult(claim, Verdict.PARAPHRASED, Reason.ALTERED, 87.5, (Flag.NUMBER_MISMATCH,), evidence,
                        Decision(Verdict.CONFIRMED, "heard on tape", "desk"), "changed"),  # fmt: skip
            ClaimResult(term, None, None, None),
        ),
        generated_at="2026-11-23T10:00:01+00:00",
        baseline=BaselineDiff("old.json", ("C1",), ()),
    )


def test_json_round_trip_is_exact() -> None:
    report = _report()
    assert Report.from_json(report.to_json()) == report


def test_contract_fields_are_present() -> None:
    data = _report().to_dict()
    assert data["schema"] == "verify-report/1"
    assert data["tool"]["name"] == "verify"
    assert set(data["summary"]) == {"claims", "confirmed", "paraphrased", "unverified"}
    claim = data["claims"][0]
    for key in ("id", "kind", "text", "span", "paragraph", "speaker", "cue", "outlet", "verdict", "reason", "score",
                "flags", "evidence"):  # fmt: skip
        assert key in claim
    assert claim["evidence"]["diff"][1] == ["delete", "rebuild"]
    source = data["sources"][0]
    for key in ("id", "url", "path", "outlet", "status", "http_status", "from_cache", "fetched_at", "sha256",
                "content_type", "error"):  # fmt: skip
        assert key in source


def test_terms_are_not_counted_and_decisions_count_for_fail_on() -> None:
    report = _report()
    assert report.summary() == {"claims": 1, "confirmed": 0, "paraphrased": 1, "unverified": 0}
    assert report.worst_verdict() is Verdict.CONFIRMED  # the editor's decision wins
