"""The outlet a draft names against the outlets of the sources: known from the sources file, a
link's text, or the page's own name for its site."""

from __future__ import annotations

from pathlib import Path

import pytest

import verify
from verify.match.outlets import names_an_outlet, with_outlet_checks
from verify.model import Claim, ClaimKind, ClaimResult, Evidence, Flag, Reason, SourceRef, Span, Speaker, Verdict
from verify.sources.pool import with_page_outlet


@pytest.mark.parametrize(
    ("outlet", "named"),
    [
        ("Sky News", True),
        ("the BBC", True),
        ("The Harbour Gazette", True),
        ("X", True),
        ("a statement", False),
        ("his blog", False),
        ("", False),
        (None, False),
    ],
)
def test_names_an_outlet(outlet: str | None, named: bool) -> None:
    assert names_an_outlet(outlet) is named


def result(outlet: str | None, verdict: Verdict = Verdict.CONFIRMED, source: str | None = "S1") -> ClaimResult:
    text = "we will not sell the harbour"
    claim = Claim("C1", ClaimKind.DIRECT, text, Span(0, len(text)), 0, Speaker("Lund"), "said", outlet)
    evidence = None if source is None else Evidence(source, 0, len(text), text, ())
    reason = Reason.EXACT if verdict is Verdict.CONFIRMED else Reason.NOT_FOUND
    return ClaimResult(claim, verdict, reason, 100.0 if verdict is Verdict.CONFIRMED else None, (), evidence)


FT = {"S1": ("Financial Times",)}
UNNAMED = {"S1": ()}
SKY = {"S1": ("Financial Times",), "S2": ("Sky News",)}


@pytest.mark.parametrize(
    ("found", "names", "flags", "notes"),
    [
        # the named outlet has no source; the passage is in another known outlet's
        (result("Sky News"), FT, ["outlet_mismatch"], ["no source from Sky News was checked"]),
        # the passage's source names no outlet: nothing to say it is another
        (result("Sky News"), UNNAMED, [], ["no source from Sky News was checked"]),
        # not found: noted, never flagged
        (result("Sky News", Verdict.UNVERIFIED, None), FT, [], ["no source from Sky News was checked"]),
        # a source of the named outlet exists: the matcher's to judge
        (result("Sky News"), SKY, [], []),
        (result("the Financial Times"), FT, [], []),
        # no outlet, or a channel rather than an outlet
        (result(None), FT, [], []),
        (result("a statement"), FT, [], []),
    ],
)
def test_outlet_checks(
    found: ClaimResult, names: dict[str, tuple[str, ...]], flags: list[str], notes: list[str]
) -> None:
    checked = with_outlet_checks([found], names)[0]
    assert [f.value for f in checked.flags] == flags
    assert list(checked.notes) == notes


@pytest.mark.parametrize(
    ("ref", "page", "outlet", "aliases"),
    [
        (SourceRef("https://ft.example/a", None), "Financial Times", "Financial Times", ()),
        (SourceRef("https://ft.example/a", None), None, None, ()),
        (SourceRef("https://ft.example/a", None, outlet="FT"), "Financial Times", "FT", ("Financial Times",)),
        (SourceRef("https://ft.example/a", None, outlet="the Financial Times"), "Financial Times",
         "the Financial Times", ()),
    ],
)  # fmt: skip
def test_the_page_names_its_source(
    ref: SourceRef, page: str | None, outlet: str | None, aliases: tuple[str, ...]
) -> None:
    named = with_page_outlet(ref, page)
    assert (named.outlet, named.aliases) == (outlet, aliases)


PAGE = """<html><head><title>Port deal signed | Financial Times</title></head><body>
<article><h1>Port deal signed</h1>
<p>“We will not sell the harbour to anyone who cannot run the ferries,” Lund said on Monday.</p>
<p>The port authority will vote on the deal next month.</p></article></body></html>"""

DRAFT = """“We will not sell the harbour to anyone who cannot run the ferries,” Lund said in an interview with Sky News.

“We will not sell the harbour to anyone who cannot run the ferries,” Lund told the Financial Times.
"""


def test_a_quote_credited_to_another_outlet(tmp_path: Path) -> None:
    (tmp_path / "ft.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    report = verify.check(
        tmp_path / "draft.md",
        sources=[str(tmp_path / "ft.html")],
        options=verify.Options(offline=True, cache_dir=tmp_path / "cache"),
    )
    assert report.sources[0].outlet == "Financial Times"
    sky, ft = report.results
    assert (sky.verdict, sky.flags, sky.notes) == (
        Verdict.CONFIRMED,
        (Flag.OUTLET_MISMATCH,),
        ("no source from Sky News was checked",),
    )
    assert (ft.verdict, ft.flags, ft.notes) == (Verdict.CONFIRMED, (), ())
    again = verify.Report.from_json(report.to_json())
    assert again.results[0].notes == sky.notes
