"""The one report factory of the test suite.

Two ways to build a report by hand:

- a table row per claim: ``result("We will not rest", "confirmed", speaker="Ana Reyes")`` is
  one claim of a fictional draft, and ``report_of([...])`` wraps results in a Report whose only
  source is ``SOURCE_URL`` with snapshot ``SNAPSHOT``;
- ``sample_report()``: one rich report for the renderers, with every kind of claim, a quote
  over two paragraphs, failed sources, a baseline block and hostile text in every field a
  renderer shows; ``empty_report()``: no claims, no sources, no text.
"""

from __future__ import annotations

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
    reason: str | None = None,
    snippet: str | None = None,
    diff: tuple[tuple[DiffOp, str], ...] | None = None,
    attributed_to: str | None = None,
    followed_by: str | None = None,
) -> ClaimResult:
    """One claim and its verdict (``reason`` defaults to the verdict's plainest); evidence points
    at ``source_id`` unless unverified, and for any verdict once a ``snippet`` is given."""
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
    if found is not Verdict.UNVERIFIED or snippet is not None:
        passage = text if snippet is None else snippet
        evidence = Evidence(
            source_id, 10, 10 + len(passage), passage, ((DiffOp.EQUAL, text),) if diff is None else diff,
            snapshot=SNAPSHOT, attributed_to=attributed_to, followed_by=followed_by,
        )  # fmt: skip
    decision = Decision(Verdict(decided), "heard on the recording", "desk") if decided else None
    score = None if found is Verdict.UNVERIFIED else 100.0
    return ClaimResult(claim, found, Reason(reason) if reason else _REASONS[found], score, flags, evidence, decision)


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


# -- the renderers' sample report --------------------------------------------------


# What a hostile draft or source might carry; tests check none of it takes effect.
HOSTILE = (
    "<script>window.pwned = 1; document.title = 'owned'</script>"
    '<img src=x onerror="window.pwned = 2">"><b>bold</b>{{ 7 * 7 }}'
)
HOSTILE_SPEAKER = '<img src=y onerror="window.pwned = 4">Dr <i>Vale</i> {{ config }}'
HOSTILE_URL = "javascript:window.pwned=3"

LONG_URL = (
    "https://port-ellery.example/council/meetings/2026/11/minutes-of-the-extraordinary-session-"
    "on-the-future-of-the-old-ferry-pier-and-the-harbour-front.pdf?download=1&lang=en"
)

DRAFT = (
    "Port Ellery votes to close the old ferry pier\n"
    "\n"
    "The council of Port Ellery voted on Tuesday to close the old ferry pier, after engineers "
    "said that the timber deck was “beyond repair in several places”.\n"
    "\n"
    "“We cannot ask families to walk on boards that are rotting under them,” the mayor, "
    "Ines Morrow, told the Ellery Gazette.\n"
    "\n"
    "She said the town would “look for money to rebuild it within two years”.\n"
    "\n"
    "Local fishermen called the decision a “death sentence” for the harbour.\n"
    "\n"
    "“The pier has stood for ninety years.\n"
    "\n"
    "“Nobody asked us before the vote, and nobody will pay our lost wages,” said Tom Brack, "
    "who chairs the fishermen’s association.\n"
    "\n"
    "A spokesperson for the port authority said the closure would cost 40 jobs.\n"
    "\n"
    f"The caterer’s menu read “{HOSTILE}”, a guest said.\n"
)


def span_of(fragment: str, text: str = DRAFT) -> Span:
    start = text.index(fragment)
    return Span(start, start + len(fragment))


def paragraph_of(offset: int, text: str = DRAFT) -> int:
    return text.count("\n\n", 0, offset)


def _claim(
    claim_id: str,
    kind: ClaimKind,
    fragment: str,
    speaker: Speaker | None,
    cue: str | None,
    outlet: str | None = None,
) -> Claim:
    span = span_of(fragment)
    return Claim(claim_id, kind, fragment, span, paragraph_of(span.start), speaker, cue, outlet, (span,))


MULTI_FIRST = "The pier has stood for ninety years."
MULTI_SECOND = "Nobody asked us before the vote, and nobody will pay our lost wages,"


def _multi_paragraph_claim() -> Claim:
    first, second = span_of(MULTI_FIRST), span_of(MULTI_SECOND)
    return Claim(
        id="C6",
        kind=ClaimKind.DIRECT,
        text=f"{MULTI_FIRST} {MULTI_SECOND}",
        span=Span(first.start, second.end),
        paragraph=paragraph_of(first.start),
        speaker=Speaker("Tom Brack"),
        cue="said",
        outlet=None,
        parts=(first, second),
    )


SOURCES = (
    SourceEntry(
        id="S1",
        url="https://ellery-gazette.example/news/pier-vote",
        path=None,
        outlet="Ellery Gazette",
        status=SourceStatus.OK,
        http_status=200,
        from_cache=False,
        fetched_at="2026-11-20T09:14:03Z",
        sha256="3f1c9a7be2d04c55e8a1b6f0c9d2e7a4b1c3d5e6f708192a3b4c5d6e7f809a1b",
        content_type="text/html",
        error=None,
        aliases=("the Gazette",),
        final_url="https://www.ellery-gazette.example/news/2026/11/pier-vote",
        snapshot="cache/ellery-gazette.example/3f1c9a7b.html",
    ),
    SourceEntry(
        id="S2",
        url=LONG_URL,
        path=None,
        outlet="Port Ellery Council",
        status=SourceStatus.OK,
        http_status=200,
        from_cache=True,
        fetched_at="2026-11-19T17:40:00Z",
        sha256="9b8a7c6d5e4f30211a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081",
        content_type="application/pdf",
        error=None,
    ),
    SourceEntry(
        id="S3",
        url="https://fishermen-ellery.example/statement",
        path=None,
        outlet="Ellery Fishermen’s Association",
        status=SourceStatus.TIMEOUT,
        http_status=None,
        from_cache=False,
        fetched_at=None,
        sha256=None,
        content_type=None,
        error="no answer within 20 s, 3 attempts",
    ),
    SourceEntry(
        id="S4",
        url=HOSTILE_URL,
        path=None,
        outlet="<b>Menu</b> {{ 6 * 7 }}",
        status=SourceStatus.OK,
        http_status=200,
        from_cache=False,
        fetched_at="2026-11-20T09:15:00Z",
        sha256="0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
        content_type="text/html",
        error=None,
    ),
)

MAYOR_SOURCE_SNIPPET = (
    "Speaking after the vote, Mayor Ines Morrow said: “We cannot ask families to walk on planks "
    "that are rotting beneath them.”"
)


def _results() -> tuple[ClaimResult, ...]:
    deck = _claim(
        "C1",
        ClaimKind.REPORTED,
        "the timber deck was “beyond repair in several places”",
        Speaker("engineers"),
        "said",
    )
    repair = _claim("C2", ClaimKind.PARTIAL, "beyond repair in several places", Speaker("engineers"), "said")
    mayor = _claim(
        "C3",
        ClaimKind.DIRECT,
        "We cannot ask families to walk on boards that are rotting under them",
        Speaker("the mayor, Ines Morrow"),
        "told",
        "the Ellery Gazette",
    )
    rebuild = _claim(
        "C4",
        ClaimKind.PARTIAL,
        "look for money to rebuild it within two years",
        Speaker("Ines Morrow", resolved_from="She"),
        "said",
    )
    term = _claim("C5", ClaimKind.TERM, "death sentence", None, None)
    jobs = _claim(
        "C7",
        ClaimKind.REPORTED,
        "the closure would cost 40 jobs",
        Speaker("A spokesperson for the port authority"),
        "said",
    )
    hostile = _claim("C8", ClaimKind.DIRECT, HOSTILE, Speaker(HOSTILE_SPEAKER, resolved_from="<u>he</u>"), "said")
    return (
        ClaimResult(
            deck,
            Verdict.PARAPHRASED,
            Reason.SUPPORTED,
            81.5,
            evidence=Evidence(
                source="S2",
                start=1200,
                end=1262,
                snippet="The engineers found the timber deck beyond repair in several places along the east side.",
                diff=(
                    (DiffOp.INSERT, "The engineers found"),
                    (DiffOp.EQUAL, "the timber deck"),
                    (DiffOp.DELETE, "was"),
                    (DiffOp.EQUAL, "beyond repair in several places"),
                ),
                snapshot=SOURCES[1].sha256,
            ),
        ),
        ClaimResult(
            repair,
            Verdict.CONFIRMED,
            Reason.EXACT,
            100.0,
            evidence=Evidence(
                source="S2",
                start=1227,
                end=1258,
                snippet="The engineers found the timber deck beyond repair in several places along the east side.",
                diff=((DiffOp.EQUAL, "beyond repair in several places"),),
                snapshot=SOURCES[1].sha256,
            ),
        ),
        ClaimResult(
            mayor,
            Verdict.PARAPHRASED,
            Reason.ALTERED,
            88.0,
            evidence=Evidence(
                source="S1",
                start=512,
                end=580,
                snippet=MAYOR_SOURCE_SNIPPET,
                diff=(
                    (DiffOp.EQUAL, "We cannot ask families to walk on"),
                    (DiffOp.DELETE, "boards"),
                    (DiffOp.INSERT, "planks"),
                    (DiffOp.EQUAL, "that are rotting"),
                    (DiffOp.DELETE, "under"),
                    (DiffOp.INSERT, "beneath"),
                    (DiffOp.EQUAL, "them"),
                ),
                snapshot=SOURCES[0].sha256,
            ),
            change="changed",
        ),
        ClaimResult(
            rebuild,
            Verdict.UNVERIFIED,
            Reason.NOT_FOUND,
            41.0,
            decision=Decision(
                Verdict.CONFIRMED,
                note="Confirmed by phone with the mayor’s office on 20 November.",
                by="R. Osei",
                at="2026-11-20T11:02:00Z",
            ),
        ),
        ClaimResult(term, None, None, None),
        ClaimResult(_multi_paragraph_claim(), Verdict.UNVERIFIED, Reason.SOURCE_UNAVAILABLE, None),
        ClaimResult(
            jobs,
            Verdict.PARAPHRASED,
            Reason.SUPPORTED,
            76.0,
            flags=(Flag.NUMBER_MISMATCH,),
            evidence=Evidence(
                source="S2",
                start=2040,
                end=2101,
                snippet="The port authority estimates that 14 jobs at the pier would be lost.",
                diff=(
                    (DiffOp.DELETE, "the closure would cost 40"),
                    (DiffOp.INSERT, "The port authority estimates that 14"),
                    (DiffOp.EQUAL, "jobs"),
                    (DiffOp.INSERT, "at the pier would be lost"),
                ),
                snapshot=SOURCES[1].sha256,
            ),
            change="new",
        ),
        ClaimResult(
            hostile,
            Verdict.PARAPHRASED,
            Reason.ALTERED,
            90.0,
            flags=(Flag.SPEAKER_MISMATCH,),
            evidence=Evidence(
                source="S4",
                start=10,
                end=90,
                snippet=f"Menu of the day: {HOSTILE} and soup.",
                diff=(
                    (DiffOp.EQUAL, "<script>window.pwned = 1;"),
                    (DiffOp.DELETE, '<img src=z onerror="window.pwned = 5">'),
                    (DiffOp.INSERT, "{{ 8 * 8 }} <b>"),
                ),
                snapshot=SOURCES[3].sha256,
            ),
        ),
    )


def sample_report() -> Report:
    return Report(
        tool_version="0.1.0",
        article=ArticleInfo(path="drafts/pier-vote.md", sha256="c0ffee" * 10 + "abcd", text=DRAFT, format="markdown"),
        sources=SOURCES,
        results=_results(),
        generated_at="2026-11-20T09:15:30Z",
        baseline=BaselineDiff(
            baseline_path="reports/pier-vote.previous.json",
            introduced=("C7",),
            resolved=("The council will meet again in the spring to discuss the harbour front.",),
        ),
    )


def empty_report() -> Report:
    """A draft with no claims, checked against nothing, saved without its text."""
    return Report(
        tool_version="0.1.0",
        article=ArticleInfo(path=None, sha256="0" * 64),
        sources=(),
        results=(),
    )


def result_by_id(report: Report, claim_id: str) -> ClaimResult:
    return next(r for r in report.results if r.claim.id == claim_id)
