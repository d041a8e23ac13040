"""One order of severity everywhere: each claim is painted in its worst problem's colour, and every
reason, flag and paint has words for the reader."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.reports import report_of, result
from verify.model import ClaimKind, ClaimResult, Flag, Reason
from verify.report import render, view

MAYOR = "I have never seen the reserves this low"


@pytest.mark.parametrize(
    "row, paint",
    [
        pytest.param(result(MAYOR, "unverified", reason="misattributed", flags=(Flag.SPEAKER_MISMATCH,),
                            snippet=MAYOR, attributed_to="Joan Wu"), "misattributed", id="misattributed"),
        pytest.param(result("Reserves fell by 20 percent", "unverified", reason="contradicted",
                            kind=ClaimKind.REPORTED, flags=(Flag.NUMBER_MISMATCH,), snippet="fell by 12 percent"),
                     "contradicted", id="contradicted"),
        pytest.param(result(MAYOR, "unverified"), "not-found", id="not found"),
        pytest.param(result(MAYOR, "unverified", reason="no_source"), "not-found", id="no source"),
        pytest.param(result(MAYOR, "unverified", reason="source_unavailable"), "unavailable", id="unavailable"),
        pytest.param(result(MAYOR, "paraphrased", flags=(Flag.CUT_SHORT,)), "altered", id="altered and cut short"),
        pytest.param(result(MAYOR, "confirmed", flags=(Flag.CUT_SHORT,)), "look", id="confirmed, cut short"),
        pytest.param(result(MAYOR, "confirmed", flags=(Flag.SPEAKER_MISMATCH, Flag.STYLE)), "look",
                     id="a look flag outranks style"),
        pytest.param(result(MAYOR, "confirmed", flags=(Flag.STYLE,)), "style", id="style only"),
        pytest.param(result(MAYOR, "confirmed", flags=(Flag.OUTSIDE_MAIN_TEXT,)), "confirmed",
                     id="outside the main text only informs"),
        pytest.param(result(MAYOR, "paraphrased", reason="supported", kind=ClaimKind.REPORTED), "paraphrased",
                     id="supported"),
        pytest.param(result(MAYOR, "unverified", decided="confirmed"), "confirmed", id="an editor confirmed it"),
        pytest.param(result(MAYOR, None, kind=ClaimKind.TERM), "term", id="term"),
    ],
)  # fmt: skip
def test_each_claim_is_painted_in_its_worst_problem(row: ClaimResult, paint: str) -> None:
    assert view.paint(row) == paint
    page = BeautifulSoup(render(report_of([row]), "html"), "lxml")
    for selector in ("#card-C1", "#hl-C1", '#draft mark[data-claim="C1"]'):
        node = page.select_one(selector)
        assert node is not None and f"s-{paint}" in node["class"], selector


def test_the_paints_follow_the_one_order_of_severity() -> None:
    rows = [
        result("We kept the ferry", "confirmed", flags=(Flag.STYLE,)),
        result("We sold the pier", "confirmed", flags=(Flag.CUT_SHORT,)),
        result("We fixed the deck", "paraphrased"),
        result("We paid the crew", "unverified", reason="source_unavailable"),
        result("We asked nobody", "unverified"),
        result("We lost 20 boats", "unverified", reason="contradicted", snippet="We lost 12 boats"),
        result(MAYOR, "unverified", reason="misattributed", snippet=MAYOR, attributed_to="Joan Wu"),
    ]
    report = report_of(rows)
    assert [view.paint(r) for r in report.problems()] == list(view.PAINT_ORDER[:6])
    page = BeautifulSoup(render(report, "html"), "lxml")
    problems = [li["class"][1] for li in page.select("section.problems li")]
    assert problems == [f"s-{p}" for p in view.PAINT_ORDER[:6]]
    legend = [mark["class"][1] for mark in page.select(".legend mark")]
    assert legend == [f"s-{p}" for p in view.PAINT_ORDER[:7]]


@pytest.mark.parametrize(
    "row, badge",
    [
        (result(MAYOR, "unverified", reason="misattributed", snippet=MAYOR), "misattributed"),
        (result("We lost 20 boats", "unverified", reason="contradicted", snippet="We lost 12 boats"), "contradicted"),
        (result(MAYOR, "confirmed", flags=(Flag.CUT_SHORT,)), "flagged"),
        (result(MAYOR, "confirmed", flags=(Flag.STYLE,)), "house style"),
        (result(MAYOR, "unverified"), None),
        (result(MAYOR, "confirmed"), None),
    ],
)
def test_a_card_names_the_problem_its_verdict_would_hide(row: ClaimResult, badge: str | None) -> None:
    page = BeautifulSoup(render(report_of([row]), "html"), "lxml")
    found = page.select_one("#card-C1 .card-head .paint")
    assert (found.get_text() if found else None) == badge


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_words(reason: Reason) -> None:
    assert view.REASON_TEXT[reason.value] and "_" not in view.REASON_TEXT[reason.value]


@pytest.mark.parametrize("flag", list(Flag))
def test_every_flag_has_words(flag: Flag) -> None:
    assert view.FLAG_TEXT[flag.value] and "_" not in view.FLAG_TEXT[flag.value]


@pytest.mark.parametrize("paint", view.PAINT_ORDER)
def test_every_paint_has_an_icon_words_help_and_a_colour(paint: str) -> None:
    css = (view.__file__.rsplit("/", 1)[0] + "/templates/report.css")
    with open(css, encoding="utf-8") as handle:
        assert f".s-{paint} {{ --c:" in handle.read()
    assert view.PAINT_ICONS[paint] and view.PAINT_TEXT[paint] and view.PAINT_HELP[paint]


@pytest.mark.parametrize("reason", ["contradicted", "misattributed", "source_unavailable"])
def test_the_unverified_help_names_every_way_to_be_unverified(reason: str) -> None:
    words = {"contradicted": "contradicted", "misattributed": "someone else", "source_unavailable": "could not be read"}
    assert words[reason] in view.VERDICT_HELP["unverified"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(
    "flag, mark",
    [(Flag.CUT_SHORT, "⚑"), (Flag.NUMBER_MISMATCH, "⚑"), (Flag.STYLE, "·"), (Flag.OUTSIDE_MAIN_TEXT, "·")],
)
def test_a_flag_that_only_informs_is_a_quiet_note(flag: Flag, mark: str, fmt: str) -> None:
    from tests.report.shown import shown

    seen = shown(report_of([result(MAYOR, "confirmed", flags=(flag,))]), fmt)
    words = view.flag_text(flag.value)
    assert f"{mark} {words}" in seen
    assert f"{'·' if mark == '⚑' else '⚑'} {words}" not in seen
