"""A Markdown draft in the HTML report: markup read as formatting, every character kept for the highlights."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.reports import report_of, result
from verify.report import render
from verify.report.draftstyle import HIDE, styles


def _shown(text: str) -> str:
    return "".join(c for c, mark in zip(text, styles(text), strict=True) if mark != HIDE)


def _styled(text: str, style: str) -> str:
    return "".join(c for c, mark in zip(text, styles(text), strict=True) if mark == style)


@pytest.mark.parametrize(
    ("markdown", "shown", "style", "styled"),
    [
        pytest.param("# The pier vote\n", "The pier vote\n", "h", "The pier vote", id="heading"),
        pytest.param("A **firm** no.", "A firm no.", "strong", "firm", id="strong"),
        pytest.param("A *firm* no.", "A firm no.", "em", "firm", id="emphasis"),
        pytest.param("As [the Gazette](https://g.example/a) said", "As the Gazette said", "a", "the Gazette", id="a"),
        pytest.param("Run `make demo` now", "Run make demo now", "code", "make demo", id="code"),
        pytest.param("> A quoted line", "A quoted line", "", "A quoted line", id="block quote"),
        pytest.param("snake_case_name and 2*3*4", "snake_case_name and 2*3*4", "em", "", id="no emphasis inside words"),
        pytest.param("an ** unclosed marker", "an ** unclosed marker", "strong", "", id="unclosed"),
    ],
)
def test_markup_is_hidden_and_read_as_formatting(markdown: str, shown: str, style: str, styled: str) -> None:
    assert _shown(markdown) == shown
    assert _styled(markdown, style) == styled
    assert len(styles(markdown)) == len(markdown)


def test_the_html_draft_panel_keeps_every_character_and_the_highlights() -> None:
    text = "# Pier\n\n“We will **not** rest,” said Ana Reyes.\n"
    row = result("We will **not** rest", "confirmed", start=text.index("We"))
    report = report_of([row])
    report = type(report)(**{**report.__dict__, "article": type(report.article)(None, "0" * 64, text, "markdown")})
    panel = BeautifulSoup(render(report, "html"), "html.parser").select_one(".draft")
    assert panel is not None
    assert "We will **not** rest" in panel.get_text().replace("\u202f", "")  # all characters, markers hidden by CSS
    assert [span.get_text() for span in panel.select(".md-hide")][:1] == ["# "]
    assert panel.select_one("mark.hl") is not None


@pytest.mark.parametrize("unit", ["[", "*", "**", "_", "`", "#", "[a](", "![", "> "])
def test_long_runs_of_markup_stay_cheap(unit: str) -> None:
    """Every pattern is bounded to one line and a few hundred characters: no input makes it quadratic."""
    text = unit * 20_000
    assert len(styles(text)) == len(text)
