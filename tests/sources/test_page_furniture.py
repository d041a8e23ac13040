"""Only the article supports a claim: a page's furniture is left out of its full text, its
comments are kept and known, and the page's own name for its site is read on the way."""

from __future__ import annotations

import pytest

from verify.match import match_claims
from verify.model import Claim, ClaimKind, Snapshot, Span, Speaker
from verify.sources.text import read_page, readable_text, title_site_name

ARTICLE = "<article><p>The vote was held on Tuesday.</p></article>"
VOTE = "The vote was held on Tuesday."


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(f"<nav><a>Home</a> <a>Watch</a></nav>{ARTICLE}", VOTE, id="nav"),
        pytest.param(f"<header><a>Gazette</a></header>{ARTICLE}", VOTE, id="page-header"),
        pytest.param(f"{ARTICLE}<footer>Copyright</footer>", VOTE, id="page-footer"),
        pytest.param(f"{ARTICLE}<aside>Most read</aside>", VOTE, id="page-aside"),
        pytest.param(
            "<article><header><h1>Vote held</h1></header><p>Body.</p><footer>By Jo Park</footer></article>",
            "Vote held\nBody.\nBy Jo Park",
            id="article-header-and-footer-stay",
        ),
        pytest.param(
            f'{ARTICLE}<aside class="pull-quote">“We waited,” she said.</aside>',
            "The vote was held on Tuesday.\n“We waited,” she said.",
            id="pull-quote-aside-stays",
        ),
        pytest.param(
            "<article><p>Body.</p><aside>“We waited,” she said.</aside></article>",
            "Body.\n“We waited,” she said.",
            id="aside-in-article-stays",
        ),
        pytest.param(f'<div role="navigation">Sections</div>{ARTICLE}', VOTE, id="role"),
        pytest.param(f'<div class="site-menu">Sections</div>{ARTICLE}', VOTE, id="menu-class"),
        pytest.param(f'{ARTICLE}<div id="relatedStories">Other</div>', VOTE, id="camel-id"),
        pytest.param(f'{ARTICLE}<div class="ad-slot">Buy now</div>', VOTE, id="ad"),
        pytest.param(f'{ARTICLE}<div class="share-bar">Share on X</div>', VOTE, id="share"),
        pytest.param(f'<div class="has-nav wrapper">{ARTICLE}</div>', VOTE, id="state-class-stays"),
        pytest.param(
            '<body class="menu related"><p>Whole page.</p></body>', "Whole page.", id="body-class-never-drops"
        ),
        pytest.param(f"<div class='loading'>{ARTICLE}</div>", VOTE, id="word-not-substring"),
        pytest.param(
            f'{ARTICLE}<ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">Pier shut</a></li></ul>',
            "The vote was held on Tuesday.",
            id="link-list",
        ),
        pytest.param(
            '<ul><li>Fares rise in May, <a href="/r">the report</a> says</li><li>Pier shut</li></ul>',
            "Fares rise in May, the report says\nPier shut",
            id="list-with-some-links-stays",
        ),
        pytest.param(
            '<ul><li>First</li><li><a href="/a">Second</a></li><li>Third</li></ul>',
            "First\nSecond\nThird",
            id="list-with-one-link-item-in-three-stays",
        ),
        pytest.param(
            "<p>Before</p><ul><li><a>One</a><ul><li><a>Two</a></li></ul></li></ul><p>After</p>",
            "Before\nAfter",
            id="nested-link-lists",
        ),
        pytest.param(
            f'{ARTICLE}<section id="comments"><p>A reader wrote this.</p></section>',
            "The vote was held on Tuesday.\nA reader wrote this.",
            id="comments-stay",
        ),
    ],
)
def test_full_text_leaves_out_the_furniture(html: str, expected: str) -> None:
    assert read_page(html).text == expected


@pytest.mark.parametrize(
    ("html", "sections"),
    [
        pytest.param(ARTICLE, [], id="none"),
        pytest.param(
            f'{ARTICLE}<section id="comments"><p>First.</p><p>Second.</p></section><p>After.</p>',
            ["First.\nSecond."],
            id="one-section",
        ),
        pytest.param(
            f'{ARTICLE}<div class="comment-list"><div class="comment"><p>Nested.</p></div></div>',
            ["Nested."],
            id="nested-marks-one-section",
        ),
        pytest.param(
            f'<div class="comments"><p>Top.</p></div>{ARTICLE}<ol class="commentlist"><li>Bottom.</li></ol>',
            ["Top.", "Bottom."],
            id="two-sections",
        ),
        pytest.param(f'{ARTICLE}<div id="disqus_thread"></div>', [], id="empty-section"),
        pytest.param(f'<div class="no-comments">{ARTICLE}</div>', [], id="state-class"),
    ],
)
def test_comments_sections_are_known(html: str, sections: list[str]) -> None:
    page = read_page(html)
    assert [page.text[s.start : s.end] for s in page.comments] == sections


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        pytest.param('<meta property="og:site_name" content="The Harbour Gazette">', "The Harbour Gazette", id="og"),
        pytest.param(
            '<title>Pier shut | Daily Tide</title><meta property="og:site_name" content="Harbour Gazette">',
            "Harbour Gazette",
            id="og-before-title",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"publisher": {"name": "Ellery Post"}}</script>',
            "Ellery Post",
            id="json-ld",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
            '{"publisher": [{"@type": "Organization", "name": "Ellery Post"}]}]}</script>',
            "Ellery Post",
            id="json-ld-graph",
        ),
        pytest.param('<script type="application/ld+json">{not json</script>', None, id="json-ld-broken"),
        pytest.param("<title>Pier to shut in March | Financial Times</title>", "Financial Times", id="title-bar"),
        pytest.param("<title>Pier shut - The Harbour Gazette</title>", "The Harbour Gazette", id="title-dash"),
        pytest.param("<title>Pier to shut - what it means for fishermen</title>", None, id="title-not-a-name"),
        pytest.param("<title>Pier to shut in March</title>", None, id="title-without-site"),
        pytest.param("", None, id="nothing"),
    ],
)
def test_the_site_names_itself(head: str, outlet: str | None) -> None:
    assert read_page(f"<html><head>{head}</head><body>{ARTICLE}</body></html>").outlet == outlet


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Budget passed | Ellery Post", "Ellery Post"),
        ("Budget passed – Le Monde de la Mer", "Le Monde de la Mer"),
        ("Ellery Post | Budget passed on Tuesday night", None),  # a headline after the bar is no name
        ("Q&A | a long talk with the mayor about the harbour", None),
        ("Home", None),
    ],
)
def test_title_site_name(title: str, name: str | None) -> None:
    assert title_site_name(title) == name


PAGE = """<html><head><title>Schools budget | The Harbour Gazette</title></head><body>
<header><a href="/">Harbour Gazette</a> <a href="/minister">The minister's diary</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/watch">Watch</a></li>
<li><a href="/m">Minister</a></li></ul></nav>
<article><h1>Budget for schools</h1>
<p>The council approved the schools budget on Tuesday after a long debate about class sizes.</p>
</article>
<aside class="pullquote"><p>“We will hire forty new cooks by the autumn term,” the mayor wrote.</p></aside>
<div class="related-stories"><h2>Related</h2><ul>
<li><a href="/a">Teachers were leaving the district in numbers, union says</a></li>
<li><a href="/b">Ferry fares to rise</a></li></ul></div>
<section id="comments"><h2>Comments</h2>
<p>A reader said the harbour district needs three more schools before the autumn.</p></section>
<footer><p>Watch us on the harbour channel every evening.</p></footer>
</body></html>"""


@pytest.mark.parametrize(
    ("kind", "text", "verdict", "flags", "where"),
    [
        ("reported", "the minister was watching", "unverified", [], None),
        ("reported", "teachers were leaving the district", "unverified", [], None),
        ("reported", "the gazette can be watched on the harbour channel every evening", "unverified", [], None),
        ("reported", "the harbour district needs three more schools before the autumn", "paraphrased",
         ["outside_main_text"], "comments"),
        ("partial", "hire forty new cooks by the autumn term", "confirmed", ["outside_main_text"], "page"),
        ("partial", "approved the schools budget on Tuesday", "confirmed", [], "main_text"),
    ],
)  # fmt: skip
def test_only_the_article_supports_a_claim(
    kind: str, text: str, verdict: str, flags: list[str], where: str | None
) -> None:
    snapshot = Snapshot("x", "x", 200, "text/html", "utf-8", "2026-01-01T00:00:00Z", "0" * 64, PAGE.encode())
    claim = Claim("C1", ClaimKind(kind), text, Span(0, len(text)), 0, Speaker("Ana Ruiz"), "said", None)
    found = match_claims([claim], [readable_text("S1", snapshot)])[0]
    assert found.verdict is not None and found.verdict.value == verdict
    assert sorted(f.value for f in found.flags) == flags
    assert (found.evidence.where if found.evidence else None) == where
