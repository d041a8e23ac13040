"""Small hand-built reports for the workflow tests: a claim is a line of a table.

``result("We will not rest", "confirmed", speaker="Ana Reyes", paragraph=2)`` is one
claim of a fictional draft; ``report_of(...)`` wraps results in a Report whose only
source is ``SOURCE_URL`` with snapshot ``SNAPSHOT``.
"""

from __future__ import annotations

from verify.model import (
    ArticleInfo,
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
from verify.version import __version__

SOURCE_URL = "https://harbour-times.example/pier-vote"
SNAPSHOT = "a" * 64

_REASONS = {
    Verdict.CONFIRMED: Reason.EXACT,
    Verdict.PARAPHRASED: Reason.ALTERED,
    Verdict.UNVERIFIED: Reason.NOT_FOUND,
}


def result(
    text: str,
    verdict: str | None,
    *,
    speaker: str | None = "Ana Reyes",
    paragraph: int = 0,
    kind: ClaimKind = ClaimKind.DIRECT,
    claim_id: str = "C1",
    start: int = 0,
    outlet: str | None = None,
    decided: str | None = None,
    flags: tuple[Flag, ...] = (),
    source_id: str = "S1",
) -> ClaimResult:
    """One claim and its verdict; evidence points at ``source_id`` unless unverified."""
    claim = Claim(
        id=claim_id,
        kind=kind,
        text=text,
        span=Span(start, start + len(text)),
        paragraph=paragraph,
        speaker=Speaker(speaker) if speaker else None,
        cue="said",
        outlet=outlet,
    )
    if kind is ClaimKind.TERM or verdict is None:
        return ClaimResult(claim, None, None, None)
    found = Verdict(verdict)
    evidence = None
    if found is not Verdict.UNVERIFIED:
        evidence = Evidence(source_id, 10, 10 + len(text), text, ((DiffOp.EQUAL, text),), snapshot=SNAPSHOT)
    decision = Decision(Verdict(decided), "heard on the recording", "desk") if decided else None
    score = None if found is Verdict.UNVERIFIED else 100.0
    return ClaimResult(claim, found, _REASONS[found], score, flags, evidence, decision)


def numbered(results: list[ClaimResult]) -> tuple[ClaimResult, ...]:
    """The results with ids C1, C2, … in order, as the extractor numbers them."""
    out = []
    for n, r in enumerate(results, start=1):
        out.append(ClaimResult(**{**r.__dict__, "claim": Claim(**{**r.claim.__dict__, "id": f"C{n}"})}))
    return tuple(out)


def source_entry(source_id: str = "S1", url: str = SOURCE_URL, sha256: str = SNAPSHOT) -> SourceEntry:
    return SourceEntry(
        id=source_id, url=url, path=None, outlet="Harbour Times", status=SourceStatus.OK, http_status=200,
        from_cache=False, fetched_at="2026-11-23T20:00:00+00:00", sha256=sha256, content_type="text/html",
        error=None,
    )  # fmt: skip


def report_of(
    results: list[ClaimResult], *, sources: tuple[SourceEntry, ...] | None = None, version: str = __version__
) -> Report:
    text = "\n\n".join(r.claim.text for r in results)
    return Report(
        tool_version=version,
        article=ArticleInfo(path="pier.md", sha256="b" * 64, text=text, format="markdown"),
        sources=(source_entry(),) if sources is None else sources,
        results=numbered(results),
        generated_at="2026-11-23T20:00:00+00:00",
    )
