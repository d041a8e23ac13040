"""Every human-readable format opens with the claims that need an editor, worst first, one line each."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.reports import report_of, result
from verify.model import Flag
from verify.report import render

ROWS = [
    result("The pier is safe", "confirmed", paragraph=0),
    result("Repairs cost four million", "confirmed", flags=(Flag.NUMBER_MISMATCH,), paragraph=1),
    result("We never asked anyone", "unverified", paragraph=2),
    result("The ferry will run again", "paraphrased", paragraph=3),
]
WORST_FIRST = ["C3 ¶3 unverified", "C4 ¶4 paraphrased", "C2 ¶2 confirmed"]


def _problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if any(line.lstrip("?≈✓⚑ ").startswith(p) for p in WORST_FIRST)]


def test_the_terminal_report_lists_problems_first() -> None:
    rendered = render(report_of(ROWS), "text", width=200)
    heading, claims = rendered.index("Needs a look (3), worst first"), rendered.index("\nClaims")
    lines = _problem_lines(rendered[heading:claims])
    assert [next(p for p in WORST_FIRST if p in line) for line in lines] == WORST_FIRST
    assert "number" in lines[2]  # the flag is on the line
    assert "The pier is safe" not in rendered[heading:claims]


def test_the_html_report_lists_problems_first_with_links_to_their_cards() -> None:
    page = BeautifulSoup(render(report_of(ROWS), "html"), "html.parser")
    items = page.select("section.problems li")
    assert [next(p for p in WORST_FIRST if p in li.get_text()) for li in items] == WORST_FIRST
    for li in items:
        target = li.a["href"].lstrip("#")
        assert page.find(id=target) is not None


def test_a_report_without_problems_has_no_such_list() -> None:
    report = report_of([result("The pier is safe", "confirmed")])
    assert "Needs a look" not in render(report, "text") and "Needs a look" not in render(report, "html")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_what_changed_since_the_baseline_comes_first_with_rule_changes_apart(fmt: str) -> None:
    from dataclasses import replace

    from verify.model import BaselineDiff

    report = replace(report_of(ROWS), baseline=BaselineDiff("old.json", ("C3",), ("gone quote",), ("C2",)))
    rendered = render(report, fmt, width=200)
    since = rendered.index("Since the baseline")
    assert since < rendered.index("Needs a look") if fmt != "markdown" else since >= 0
    assert "not by the draft: C2" in rendered or "not the draft: C2" in rendered
