"""The Markdown report, rendered back to HTML with markdown-it (CommonMark + GFM tables and strikethrough)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from tests.reports import HOSTILE, HOSTILE_URL, LONG_URL, sample_report
from verify.model import DiffOp
from verify.report import render
from verify.report.markdown import diff_markdown, escape, escape_line, link

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(MD.render(markdown), "lxml")


def _rendered_text(markdown: str) -> str:
    return " ".join(_html(markdown).get_text(" ").split())


@pytest.mark.parametrize(
    "raw",
    [
        "*not emphasis* and _not either_",
        "<b>not bold</b> <script>x()</script>",
        "[not a link](https://example.org)",
        "![no image](https://example.org/i.png)",
        "a | pipe | in a cell",
        "`not code`",
        "~~not struck~~",
        "&amp; stays as typed",
        "# not a heading",
        "\\ backslash \\* kept",
        "{{ template }} and $maths$",
    ],
)
def test_escaped_text_renders_as_typed(raw: str) -> None:
    page = _html(escape(raw))
    assert page.get_text().strip() == raw
    assert page.find(["em", "strong", "a", "img", "b", "script", "code", "del", "s", "h1", "table"]) is None


@pytest.mark.parametrize(
    "raw",
    ["- not a list", "1. not numbered", "> not a quote", "+ not a list", "42) not numbered"],
)
def test_line_start_escapes(raw: str) -> None:
    page = _html("> " + escape_line(raw))
    assert page.find(["ul", "ol"]) is None
    assert page.find("blockquote").get_text().strip() == raw


def test_diff_uses_strikethrough_and_bold() -> None:
    diff = (
        (DiffOp.EQUAL, "walk on"),
        (DiffOp.DELETE, "boards"),
        (DiffOp.INSERT, "planks"),
        (DiffOp.EQUAL, "that *rot*"),
    )
    markdown = diff_markdown(diff)
    assert markdown == "walk on ~~boards~~ **planks** that \\*rot\\*"
    page = _html(markdown)
    assert [d.get_text() for d in page.find_all("s")] == ["boards"]
    assert [b.get_text() for b in page.find_all("strong")] == ["planks"]


@pytest.mark.parametrize(
    "url, linked",
    [
        ("https://example.org/a_b?c=1&d=(2)", True),
        (LONG_URL, True),
        (HOSTILE_URL, False),
        ("https://example.org/<x>", False),
    ],
)
def test_only_web_addresses_become_links(url: str, linked: bool) -> None:
    page = _html(link(url))
    anchor = page.find("a")
    if linked:
        assert anchor is not None and unquote(anchor["href"]) == url
    else:
        assert anchor is None
        assert page.get_text().strip() == url


@pytest.fixture(scope="module")
def markdown() -> str:
    return render(sample_report(), "markdown")


def test_summary_table(markdown: str) -> None:
    rows = [[c.get_text().strip() for c in tr.find_all(["td", "th"])] for tr in _html(markdown).find_all("tr")]
    assert ["✓ confirmed", "1"] == rows[1][:2]
    assert ["≈ paraphrased", "4"] == rows[2][:2]
    assert ["? unverified", "2"] == rows[3][:2]
    assert ["· term (not checked)", "1"] == rows[4][:2]


def test_sources_table_keeps_one_row_per_source(markdown: str) -> None:
    tables = _html(markdown).find_all("table")
    assert len(tables) == 2
    body = tables[1].find("tbody").find_all("tr")
    assert [r.find("td").get_text() for r in body] == ["S1", "S2", "S3", "S4"]
    assert all(len(r.find_all("td")) == 6 for r in body)
    assert "timed out" in body[2].get_text() and "no answer within 20 s" in body[2].get_text()


@pytest.mark.parametrize(
    "expected",
    [
        "C3 · ≈ paraphrased (words altered, score 88) · changed",
        "We cannot ask families to walk on boards that are rotting under them",
        "speaker: Ines Morrow (from “She”)",
        "Editor's ruling: ✓ confirmed by R. Osei",
        "C6 · ? unverified (its sources could not be read)",
        "The pier has stood for ninety years. Nobody asked us before the vote",
        "Flags: ⚑ number differs",
        "newly at fault: C7",
    ],
)
def test_claim_entries(markdown: str, expected: str) -> None:
    assert expected in _rendered_text(markdown)


def test_hostile_claim_stays_text(markdown: str) -> None:
    page = _html(markdown)
    assert page.find(["script", "img", "b", "i", "u"]) is None
    assert " ".join(HOSTILE.split()) in _rendered_text(markdown)
    assert all(a["href"].startswith("https://") for a in page.find_all("a"))
