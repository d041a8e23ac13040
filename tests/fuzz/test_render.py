"""Every renderer over reports holding any text at all: no exception, output that always encodes,
and a Markdown report in which GitHub finds no link but the sources' and no mention."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

import verify
from tests.fuzz.strategies import news_text
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
from verify.report import FORMATS
from verify.report.view import safe_link

anything = st.one_of(news_text(max_pieces=6), st.text(max_size=40))
maybe = st.one_of(st.none(), anything)
REASONS = {Verdict.CONFIRMED: [Reason.EXACT], Verdict.PARAPHRASED: [Reason.ALTERED, Reason.SUPPORTED],
           Verdict.UNVERIFIED: [Reason.NOT_FOUND, Reason.NO_SOURCE, Reason.SOURCE_UNAVAILABLE]}  # fmt: skip


@st.composite
def source_entries(draw: st.DrawFn, number: int) -> SourceEntry:
    url = draw(st.one_of(st.none(), anything, st.just("https://harbour.example/a?b=1#c"), st.just("javascript:x()")))
    return SourceEntry(
        id=f"S{number}", url=url, path=draw(maybe), outlet=draw(maybe), status=draw(st.sampled_from(SourceStatus)),
        http_status=draw(st.one_of(st.none(), st.integers(100, 599))), from_cache=draw(st.booleans()),
        fetched_at=draw(maybe), sha256=draw(st.one_of(st.none(), st.just("c" * 64))), content_type=draw(maybe),
        error=draw(maybe), aliases=tuple(draw(st.lists(anything, max_size=2))), final_url=draw(maybe),
    )  # fmt: skip


@st.composite
def results(draw: st.DrawFn, article: str, number: int, sources: int) -> ClaimResult:
    start = draw(st.integers(0, len(article)))
    end = draw(st.integers(start, len(article)))
    kind = draw(st.sampled_from(ClaimKind))
    speaker = draw(st.one_of(st.none(), st.builds(Speaker, maybe, maybe)))
    claim = Claim(f"C{number}", kind, article[start:end], Span(start, end), 0, speaker, draw(maybe), draw(maybe),
                  (Span(start, end),))  # fmt: skip
    if kind is ClaimKind.TERM:
        return ClaimResult(claim, None, None, None)
    verdict = draw(st.sampled_from(Verdict))
    evidence = None
    if verdict is not Verdict.UNVERIFIED and sources:
        evidence = Evidence(
            source=f"S{draw(st.integers(1, sources))}",
            start=0,
            end=10,
            snippet=draw(anything),
            diff=tuple(draw(st.lists(st.tuples(st.sampled_from(DiffOp), anything), max_size=5))),
            omitted=tuple(draw(st.lists(anything, max_size=2))),
            in_main_text=draw(st.booleans()),
        )
    ruling = st.sampled_from([Verdict.CONFIRMED, Verdict.PARAPHRASED])
    decision = draw(st.one_of(st.none(), st.builds(Decision, ruling, anything, anything.filter(bool), maybe)))
    return ClaimResult(
        claim,
        verdict,
        draw(st.sampled_from(REASONS[verdict])),
        None if verdict is Verdict.UNVERIFIED else draw(st.floats(0, 100)),
        tuple(draw(st.sets(st.sampled_from(Flag), max_size=3))),
        evidence,
        decision,
        draw(st.sampled_from([None, "new", "changed", "unchanged"])),
    )


@st.composite
def reports(draw: st.DrawFn) -> Report:
    article = draw(news_text())
    count = draw(st.integers(0, 3))
    sources = tuple(draw(source_entries(n)) for n in range(1, count + 1))
    claims = tuple(draw(results(article, n, count)) for n in range(1, draw(st.integers(0, 4)) + 1))
    resolved = st.lists(anything, max_size=2).map(tuple)
    baseline = draw(st.one_of(st.none(), st.builds(BaselineDiff, maybe, st.just(("C1",)), resolved)))
    fmt = draw(st.sampled_from(["text", "markdown", "html"]))
    info = ArticleInfo(draw(maybe), "b" * 64, article, fmt)
    return Report(draw(anything.filter(bool)), info, sources, claims, draw(maybe), baseline)


_GITHUB_REFERENCE = re.compile(r"(?<![\w/`])@[A-Za-z0-9]|(?<![\w&])#\d|\bGH-\d", re.IGNORECASE)


@given(report=reports())
def test_every_format_renders_and_encodes(report: Report) -> None:
    for fmt in FORMATS:
        verify.render(report, fmt).encode("utf-8")


@given(report=reports())
def test_github_links_nothing_but_the_sources(report: Report) -> None:
    import cmarkgfm

    page = BeautifulSoup(cmarkgfm.github_flavored_markdown_to_html(verify.render(report, "markdown")), "lxml")
    allowed = {safe_link(s.url) for s in report.sources} - {None}
    assert {a.get("href") for a in page.find_all("a")} <= allowed
    assert page.find(["img", "script", "iframe"]) is None
    for element in page.find_all(["a", "code"]):
        element.decompose()  # GitHub makes no reference inside a link or a code span
    assert _GITHUB_REFERENCE.search(page.get_text()) is None
