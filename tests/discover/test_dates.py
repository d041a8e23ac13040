"""The draft's date: the option, front matter, page metadata, else today."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.discover.dates import draft_date

TODAY = date(2026, 12, 6)
BODY = "Trawler crews in Port Ellery waited at the harbour wall.\n"


@pytest.mark.parametrize(
    "text, format, expected",
    [
        pytest.param(
            "---\ntitle: Trawlers\ndate: 2026-11-20\n---\n" + BODY, "markdown", (date(2026, 11, 20), "front matter")
        ),
        pytest.param(
            '---\ndate: "2026-11-20T18:30:00-05:00"\n---\n' + BODY, "markdown", (date(2026, 11, 20), "front matter")
        ),
        pytest.param(
            "---\r\nDate: '2026-11-20 09:00'\r\n---\r\n" + BODY, "markdown", (date(2026, 11, 20), "front matter")
        ),
        pytest.param(
            "+++\ntitle = 'Trawlers'\ndate = 2026-11-19T08:00:00Z\n+++\n" + BODY,
            "markdown",
            (date(2026, 11, 19), "front matter"),
        ),
        pytest.param(
            "\ufeff---\ndate: 2026-11-18\n---\n" + BODY, "markdown", (date(2026, 11, 18), "front matter"), id="bom"
        ),
        pytest.param(
            "---\ndate: 2026-11-18\n---\n" + BODY, "text", (date(2026, 11, 18), "front matter"), id="text-draft"
        ),
        pytest.param("---\nupdated: 2026-11-18\n---\n" + BODY, "markdown", (TODAY, "today"), id="no-date-key"),
        pytest.param("---\ndate: 2026-02-30\n---\n" + BODY, "markdown", (TODAY, "today"), id="impossible-date"),
        pytest.param("---\ndate: soon\n---\n" + BODY, "markdown", (TODAY, "today"), id="not-a-date"),
        pytest.param(BODY + "---\ndate: 2026-11-18\n---\n", "markdown", (TODAY, "today"), id="not-at-the-top"),
        pytest.param("---\ndate: 2026-11-18\n" + BODY, "markdown", (TODAY, "today"), id="unclosed"),
        pytest.param(BODY + "date: 2026-11-18\n", "markdown", (TODAY, "today"), id="a-line-in-the-body"),
        pytest.param("---\ndate: 2026-11-18\n---\n" + BODY, "html", (TODAY, "today"), id="front-matter-in-html"),
        pytest.param(
            '<html><head><meta property="article:published_time" content="2026-11-17T22:10:00+01:00"></head>',
            "html",
            (date(2026, 11, 17), "page metadata"),
            id="og-article",
        ),
        pytest.param(
            "<html><head><meta content='2026-11-16' name='article:published_time'/></head>",
            "html",
            (date(2026, 11, 16), "page metadata"),
            id="content-first",
        ),
        pytest.param(
            '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2026-11-15T07:00:00Z", "dateModified": "2026-11-20"}</script></head>',
            "html",
            (date(2026, 11, 15), "page metadata"),
            id="json-ld",
        ),
        pytest.param(
            '<meta property="article:published_time" content="yesterday">'
            '<script type="application/ld+json">{"datePublished":"2026-11-14"}</script>',
            "html",
            (date(2026, 11, 14), "page metadata"),
            id="bad-meta-then-json-ld",
        ),
        pytest.param(
            '<meta property="og:updated_time" content="2026-11-13">', "html", (TODAY, "today"), id="other-meta"
        ),
        pytest.param("<p>published 2026-11-12</p>", "html", (TODAY, "today"), id="date-in-text"),
        pytest.param('<meta property="article:published_time" content="2026-11-17">', "markdown", (TODAY, "today")),
        pytest.param("", "text", (TODAY, "today"), id="empty"),
    ],
)
def test_draft_date(text: str, format: str, expected: tuple[date, str]) -> None:
    assert draft_date(given=None, text=text, format=format, today=TODAY) == expected


def test_the_option_wins() -> None:
    text = "---\ndate: 2026-11-20\n---\n" + BODY
    assert draft_date(given=date(2026, 1, 2), text=text, format="markdown", today=TODAY) == (date(2026, 1, 2), "option")


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=200), st.sampled_from(["text", "markdown", "html"]))
def test_never_fails(text: str, format: str) -> None:
    found, origin = draft_date(given=None, text=text, format=format, today=TODAY)
    assert isinstance(found, date) and origin in ("front matter", "page metadata", "today")
