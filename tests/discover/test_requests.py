"""The exact requests each backend sends (respx): paths, parameters and their encoding, headers;
and that no Brave key reaches a failure, a repr or a traceback."""

from __future__ import annotations

import traceback
from datetime import date

import httpx
import pytest
import respx

from tests.discover.apis import FakeClock
from verify.discover.brave import BraveSearch
from verify.discover.gdelt import GdeltSearch
from verify.discover.http import discovery_user_agent
from verify.discover.searxng import SearxngSearch
from verify.discover.types import BackendFailure, SearchRequest
from verify.discover.wayback import WaybackArchive
from verify.discover.wikidata import WikidataOutlets

TODAY = date(2026, 12, 6)
PHRASE = "we will not rest until the pier reopens"
ENCODED = "%22we+will+not+rest+until+the+pier+reopens%22"
KEY = "BSA-sekret-0123456789abcdef"
UA = discovery_user_agent("desk@example.org")

SITE_PHRASE = SearchRequest(
    kind="site_phrase", phrase=PHRASE, site="coast-gazette.example", since=date(2026, 11, 1), until=date(2026, 11, 20)
)
SPEAKER_PHRASE = SearchRequest(kind="speaker_phrase", phrase=PHRASE, keywords=("Reyes",), since=date(2026, 12, 3))
PHRASE_ONLY = SearchRequest(kind="phrase", phrase=PHRASE)
KEYWORDS = SearchRequest(kind="keywords", keywords=("pier", "closure", "Reyes"), since=date(2025, 1, 1))
INNER_QUOTES = SearchRequest(kind="phrase", phrase='the deck is "beyond repair" now', since=TODAY)


def last_request(route: respx.Route) -> httpx.Request:
    request = route.calls.last.request
    assert isinstance(request, httpx.Request)
    return request


@pytest.mark.parametrize(
    ("request_", "expected_query"),
    [
        pytest.param(SITE_PHRASE, f"q={ENCODED}+site%3Acoast-gazette.example&format=json&time_range=year", id="site"),
        pytest.param(SPEAKER_PHRASE, f"q={ENCODED}+Reyes&format=json&time_range=month", id="speaker"),
        pytest.param(PHRASE_ONLY, f"q={ENCODED}&format=json", id="phrase, no dates"),
        pytest.param(KEYWORDS, "q=pier+closure+Reyes&format=json", id="keywords, older than a year"),
        pytest.param(INNER_QUOTES, "q=%22the+deck+is+beyond+repair+now%22&format=json&time_range=day", id="quotes"),
    ],
)
def test_searxng_request(request_: SearchRequest, expected_query: str, clock: FakeClock) -> None:
    with respx.mock(base_url="https://searx.newsroom.example/searx") as router:
        route = router.get("/search").respond(json={"query": "", "results": [], "unresponsive_engines": []})
        SearxngSearch("https://searx.newsroom.example/searx/", clock=clock, user_agent=UA, today=lambda: TODAY).search(
            request_
        )
    sent = last_request(route)
    assert sent.url.path == "/searx/search"
    assert sent.url.query.decode() == expected_query
    assert sent.headers["user-agent"] == UA and "+desk@example.org" in UA
    assert sent.headers["accept"] == "application/json"


@pytest.mark.parametrize(
    ("request_", "expected_query"),
    [
        pytest.param(
            SITE_PHRASE,
            f"q={ENCODED}+site%3Acoast-gazette.example&count=20&freshness=2026-11-01to2026-11-20",
            id="site, both dates",
        ),
        pytest.param(SPEAKER_PHRASE, f"q={ENCODED}+Reyes&count=20&freshness=2026-12-03to2026-12-06", id="up to today"),
        pytest.param(PHRASE_ONLY, f"q={ENCODED}&count=20", id="no dates"),
    ],
)
def test_brave_request(request_: SearchRequest, expected_query: str, clock: FakeClock) -> None:
    with respx.mock(base_url="https://api.search.brave.com") as router:
        route = router.get("/res/v1/web/search").respond(json={"type": "search"})
        BraveSearch(KEY, clock=clock, user_agent=UA, today=lambda: TODAY).search(request_)
    sent = last_request(route)
    assert sent.url.query.decode() == expected_query
    assert sent.headers["x-subscription-token"] == KEY
    assert sent.headers["user-agent"] == UA
    assert sent.headers["accept"] == "application/json"


GDELT_TAIL = "&mode=ArtList&format=json&maxrecords=25"


@pytest.mark.parametrize(
    ("request_", "expected_path", "expected_query"),
    [
        pytest.param(
            SITE_PHRASE,
            "/api/v2/context/context",
            f"query={ENCODED}+domainis%3Acoast-gazette.example{GDELT_TAIL}"
            "&startdatetime=20261101000000&enddatetime=20261120235959&isquote=1",
            id="phrase on a domain: quoted sentence",
        ),
        pytest.param(
            PHRASE_ONLY, "/api/v2/context/context", f"query={ENCODED}{GDELT_TAIL}&isquote=1", id="bare phrase: Context"
        ),
        pytest.param(
            SPEAKER_PHRASE,
            "/api/v2/doc/doc",
            f"query={ENCODED}+Reyes{GDELT_TAIL}&startdatetime=20261203000000",
            id="phrase with a surname: DOC",
        ),
        pytest.param(KEYWORDS, "/api/v2/doc/doc", f"query=pier+closure+Reyes{GDELT_TAIL}&startdatetime=20250101000000"),
    ],
)
def test_gdelt_request(request_: SearchRequest, expected_path: str, expected_query: str, clock: FakeClock) -> None:
    with respx.mock(base_url="https://api.gdeltproject.org") as router:
        route = router.get(expected_path).respond(json={})
        GdeltSearch(clock=clock, user_agent=UA).search(request_)
    sent = last_request(route)
    assert sent.url.query.decode() == expected_query
    assert sent.headers["user-agent"] == UA


PAGE = "http://coast-gazette.example/2026/11/pier?ref=rss"
PAGE_ENCODED = "http%3A%2F%2Fcoast-gazette.example%2F2026%2F11%2Fpier%3Fref%3Drss"


def test_wayback_requests_availability_then_cdx(clock: FakeClock) -> None:
    with respx.mock(base_url="https://web.archive.org") as router:
        available = router.get("/wayback/available").respond(json={"url": PAGE, "archived_snapshots": {}})
        cdx = router.get("/cdx/search/cdx").respond(json=[])
        assert WaybackArchive(clock=clock, user_agent=UA).closest(PAGE, date(2026, 11, 20)) is None
    assert available.calls.last.request.url.query.decode() == (
        f"url={PAGE_ENCODED}&timestamp=20261120235959&closest=before"
    )
    assert cdx.calls.last.request.url.query.decode() == (
        f"url={PAGE_ENCODED}&output=json&fl=timestamp%2Coriginal%2Cstatuscode"
        "&filter=statuscode%3A200&to=20261120235959&limit=-1"
    )
    assert cdx.calls.last.request.headers["user-agent"] == UA


def test_wikidata_requests_search_then_claims(clock: FakeClock) -> None:
    with respx.mock(base_url="https://www.wikidata.org") as router:
        route = router.get("/w/api.php")
        route.side_effect = [
            httpx.Response(200, json={"search": [{"id": "Q901"}, {"id": "Q902"}], "success": 1}),
            httpx.Response(200, json={"entities": {}, "success": 1}),
        ]
        assert WikidataOutlets(clock=clock, user_agent=UA).official_domains("  Coast   Gazette ") == ()
    first, second = (call.request for call in route.calls)
    assert first.url.path == "/w/api.php"
    assert first.url.query.decode() == (
        "action=wbsearchentities&search=Coast+Gazette&language=en&uselang=en&type=item&limit=5&format=json"
    )
    assert second.url.query.decode() == "action=wbgetentities&ids=Q901%7CQ902&props=claims&format=json"
    assert second.headers["user-agent"] == UA


def _brave_error(status: int, code: str) -> httpx.Response:
    return httpx.Response(status, json={"type": "ErrorResponse", "error": {"code": code, "status": status}})


@pytest.mark.parametrize(
    ("answer", "expected_reason"),
    [
        pytest.param(httpx.Response(401, text="Unauthorized"), "rejected the API key (HTTP 401)", id="401"),
        pytest.param(_brave_error(422, "SUBSCRIPTION_TOKEN_INVALID"), "rejected the API key (HTTP 422)", id="422 key"),
        pytest.param(_brave_error(422, "VALIDATION"), "invalid (HTTP 422, VALIDATION)", id="422 request"),
        pytest.param(_brave_error(429, "QUOTA_LIMITED"), "quota is spent", id="429 quota"),
        pytest.param(httpx.Response(503, text="busy"), "down or overloaded (HTTP 503)", id="503"),
        pytest.param(httpx.Response(200, text="<html>oops</html>"), "not JSON", id="not JSON"),
        pytest.param(
            httpx.ConnectTimeout(f"timed out sending X-Subscription-Token: {KEY}"), "did not answer", id="timeout"
        ),
        pytest.param(httpx.ConnectError(f"refused, token {KEY}"), "could not reach api.search.brave.com", id="refused"),
    ],
)
def test_brave_failures_never_carry_the_key(
    answer: httpx.Response | Exception, expected_reason: str, clock: FakeClock
) -> None:
    backend = BraveSearch(KEY, clock=clock, today=lambda: TODAY)
    with respx.mock(base_url="https://api.search.brave.com") as router:
        route = router.get("/res/v1/web/search")
        if isinstance(answer, Exception):
            route.side_effect = answer
        else:
            route.return_value = answer
        with pytest.raises(BackendFailure) as raised:
            backend.search(SITE_PHRASE)
    failure = raised.value
    assert expected_reason in failure.reason
    told = [
        str(failure),
        repr(failure),
        failure.reason,
        repr(failure.args),
        "".join(traceback.format_exception(failure)),
    ]
    told += [repr(backend), str(backend)]
    assert not [text for text in told if KEY in text]
    assert not [text for text in told if PHRASE in text]  # nor the draft's words


def test_a_rejected_brave_key_stops_brave_for_the_run(clock: FakeClock) -> None:
    backend = BraveSearch(KEY, clock=clock, today=lambda: TODAY)
    with respx.mock(base_url="https://api.search.brave.com") as router:
        route = router.get("/res/v1/web/search").mock(return_value=_brave_error(422, "SUBSCRIPTION_TOKEN_INVALID"))
        for _ in range(3):
            with pytest.raises(BackendFailure, match="rejected the API key"):
                backend.search(PHRASE_ONLY)
    assert route.call_count == 1


def test_an_empty_brave_key_is_refused_before_any_request() -> None:
    with pytest.raises(BackendFailure, match="no API key"):
        BraveSearch("   ")
