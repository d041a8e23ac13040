"""Page kinds: the article, or what stands in for it (gone, soft 404, parked, walled)."""

from __future__ import annotations

import pytest

from verify.discover.pages import PageKind, classify_page

ARTICLE = " ".join(
    ["Trawler crews in Port Ellery waited at the harbour wall while inspectors walked the decks."] * 30
)  # about 450 words: a story
TEASER = "Trawler crews in Port Ellery waited at the harbour wall while inspectors walked the decks of every boat."
STATEMENT = " ".join(["The harbour board will publish the inspection results on Friday."] * 8)  # a short page

PAYWALL_JSONLD = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Trawlers inspected",
 "isAccessibleForFree": false, "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False",
 "cssSelector": ".locked"}}
</script></head><body><article><p>%s</p><div class="locked"></div></article></body></html>"""
PAYWALL_SCRIPT = (
    '<html><head><script src="https://cdn.tinypass.example/piano.io/api.js"></script></head><body></body></html>'
)
CONSENT = """<html><head><script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js"></script>
</head><body><div id="onetrust-banner-sdk">We use cookies. Accept all cookies</div></body></html>"""
CLOUDFLARE = """<html><head><title>Just a moment...</title></head><body>
<div id="cf-challenge-running"></div><script src="https://challenges.cloudflare.com/turnstile/v0/api.js"></script>
</body></html>"""
PARKED = """<html><head><title>ellerypost.example</title><script src="/js/parking.js"></script></head>
<body><h1>ellerypost.example</h1><p>Related searches: boats, fishing, weather</p></body></html>"""
ARTICLE_WITH_EVERYTHING = (
    '<html><head><script src="https://consent.cookiebot.example/uc.js"></script>'
    "<script>var paywall = {}; window.captchaReady = 1;</script></head><body><article><p>"
    + ARTICLE
    + "</p></article></body></html>"
)


def page(
    *,
    status: int | None = 200,
    final_url: str | None = "https://ellerypost.example/news/trawlers",
    title: str = "Trawlers inspected before the storms | Ellery Post",
    text: str = ARTICLE,
    html: str | None = None,
) -> PageKind:
    return classify_page(http_status=status, final_url=final_url, title=title, main_text=text, html=html)


@pytest.mark.parametrize(
    "kwargs, kind",
    [
        pytest.param({}, PageKind.OK, id="article"),
        pytest.param({"status": None, "final_url": None, "html": None}, PageKind.OK, id="local-file"),
        pytest.param({"text": STATEMENT, "title": "Inspection results"}, PageKind.OK, id="short-page-no-markers"),
        pytest.param({"html": ARTICLE_WITH_EVERYTHING}, PageKind.OK, id="long-article-with-markers"),
        pytest.param({"title": "404 arrests after harbour protest"}, PageKind.OK, id="headline-with-404"),
        # dead
        pytest.param({"status": 404}, PageKind.DEAD, id="404"),
        pytest.param({"status": 410, "text": ""}, PageKind.DEAD, id="410"),
        # soft 404
        pytest.param({"title": "Page not found | Ellery Post", "text": "Try the search box."}, PageKind.SOFT_404),
        pytest.param({"title": "Not Found", "text": ""}, PageKind.SOFT_404, id="bare-not-found"),
        pytest.param(
            {"title": "Ellery Post", "text": "Sorry, we can't find that page. It may have moved."},
            PageKind.SOFT_404,
            id="text-says-so",
        ),
        pytest.param(
            {"final_url": "https://ellerypost.example/404?from=news", "title": "Ellery Post", "text": "Home News"},
            PageKind.SOFT_404,
            id="redirected-to-error-address",
        ),
        pytest.param({"title": "Page not found", "text": ARTICLE}, PageKind.OK, id="long-text-is-not-an-error"),
        # parked
        pytest.param(
            {"final_url": "https://www.sedoparking.com/ellerypost.example", "title": "", "text": ""},
            PageKind.PARKED,
            id="parking-host",
        ),
        pytest.param(
            {"title": "ellerypost.example", "text": "This domain is for sale! Make an offer today."},
            PageKind.PARKED,
            id="for-sale",
        ),
        pytest.param({"title": "ellerypost.example", "text": "boats fishing", "html": PARKED}, PageKind.PARKED),
        # restricted
        pytest.param({"status": 402, "text": ""}, PageKind.RESTRICTED, id="402"),
        pytest.param({"status": 403, "text": "", "html": CLOUDFLARE}, PageKind.RESTRICTED, id="403"),
        pytest.param({"text": TEASER, "html": PAYWALL_JSONLD % TEASER}, PageKind.RESTRICTED, id="json-ld-not-free"),
        pytest.param({"text": TEASER + " Subscribe to continue reading."}, PageKind.RESTRICTED, id="subscribe"),
        pytest.param({"text": "", "html": PAYWALL_SCRIPT}, PageKind.RESTRICTED, id="paywall-script-no-text"),
        pytest.param({"text": STATEMENT, "html": PAYWALL_SCRIPT}, PageKind.OK, id="paywall-script-short-page"),
        pytest.param({"text": ARTICLE, "html": PAYWALL_JSONLD % ARTICLE}, PageKind.OK, id="json-ld-full-text-served"),
        pytest.param({"title": "", "text": "We use cookies. Accept all cookies", "html": CONSENT}, PageKind.RESTRICTED),
        pytest.param({"title": "Just a moment...", "text": "", "html": CLOUDFLARE}, PageKind.RESTRICTED, id="bot"),
        pytest.param(
            {"title": "Ellery Post", "text": "Please verify you are a human. Press & Hold", "html": "<html></html>"},
            PageKind.RESTRICTED,
            id="press-and-hold",
        ),
        pytest.param(
            {"title": "Reporters turned away", "text": STATEMENT + " Access denied, said the harbour master."},
            PageKind.OK,
            id="story-about-access-denied",
        ),
        pytest.param(
            {"text": STATEMENT, "html": CONSENT.replace("We use cookies. Accept all cookies", "")}, PageKind.OK
        ),
    ],
)
def test_classify_page(kwargs: dict[str, object], kind: PageKind) -> None:
    assert page(**kwargs) is kind  # type: ignore[arg-type]


def test_kinds_are_strings_for_reports() -> None:
    assert [k.value for k in PageKind] == ["ok", "dead", "soft_404", "parked", "restricted"]
