"""The Markdown report, rendered back to HTML with markdown-it (CommonMark + GFM tables and strikethrough)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from tests.reports import HOSTILE, HOSTILE_URL, LONG_URL, report_of, result, sample_report
from verify.model import DiffOp
from verify.report import render
from verify.report.markdown import WORD_JOINER, diff_markdown, escape, escape_line, link

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
    assert page.get_text().replace(WORD_JOINER, "").strip() == raw
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
        assert page.get_text().replace(WORD_JOINER, "").strip() == url


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


# -- GitHub: no autolink, mention or issue reference out of quoted text ----------------------------

# What a reporter may quote that GitHub would otherwise turn into a link or a notification.
AUTOLINK_BAIT = [
    "see http://harbour.example/plan now",
    "HTTPS://HARBOUR.EXAMPLE/PLAN",
    "(https://harbour.example/a_b)",
    "ftp://files.harbour.example/x",
    "visit www.harbour.example/minutes today",
    "*www.harbour.example*",
    "write to desk@harbour.example",
    "mailto:desk@harbour.example and xmpp:desk@chat.harbour.example",
    "thanks @ana-lind and @harbour/board",
    "fixed in #123 and GH-45",
    "see harbour/pier#7",
]

# GitHub's own references, found in the text it shows (not a Markdown feature, so cmark-gfm
# does not make them): a mention, an issue number, a GH- reference.
_GITHUB_REFERENCE = re.compile(r"(?<![\w/`])@[A-Za-z0-9]|(?<![\w&])#\d|\bGH-\d", re.IGNORECASE)


def _github_html(markdown: str) -> BeautifulSoup:
    import cmarkgfm

    return BeautifulSoup(cmarkgfm.github_flavored_markdown_to_html(markdown), "lxml")


@pytest.mark.parametrize("raw", AUTOLINK_BAIT)
def test_github_makes_no_link_or_mention_of_quoted_text(raw: str) -> None:
    page = _github_html(escape(raw))
    assert page.find("a") is None
    shown = page.get_text()
    assert _GITHUB_REFERENCE.search(shown) is None
    assert shown.replace(WORD_JOINER, "").strip() == raw  # the joiner shows nothing


def test_github_links_only_the_sources_in_a_whole_report() -> None:
    bait = " ".join(AUTOLINK_BAIT)
    report = report_of([result(bait, "confirmed", speaker="@ana-lind", outlet="www.harbour.example"),
                        result(bait, "unverified", claim_id="C2")])  # fmt: skip
    page = _github_html(render(report, "markdown"))
    assert {a["href"] for a in page.find_all("a")} == {report.sources[0].url}
    assert _GITHUB_REFERENCE.search(page.get_text()) is None
    assert bait in page.get_text().replace(WORD_JOINER, "")
