"""Each backend against the emulated services on 127.0.0.1: real answers, real failure modes.

The backends' limiters run on a fake clock, so the waits they choose are recorded, not slept.
"""

from __future__ import annotations

import time
from datetime import date

import httpx
import pytest

from tests.discover.apis import ApiEmulator, Capture, Entity, FakeClock, Page, Scripted, SimulatedWeb
from tests.helpers import closed_port
from verify.discover.brave import BraveSearch
from verify.discover.gdelt import GdeltSearch, covers
from verify.discover.searxng import SearxngSearch
from verify.discover.types import ArchiveCapture, BackendFailure, SearchRequest
from verify.discover.wayback import WaybackArchive
from verify.discover.wikidata import WikidataOutlets

pytestmark = pytest.mark.network

TODAY = date(2026, 12, 6)
QUOTE = "We will not rest until the pier reopens"
PIER = f"""<html><head><title>Café owner vows to fight pier closure</title></head><body><article>
<h1>Café owner vows to fight pier closure</h1>
<p>Ana Reyes has run the ferry café on the quay for eleven years.</p>
<p>“{QUOTE},” Reyes told the Coast Gazette on Tuesday. “The town needs its ferry.”</p>
<p>The council says we will not rest until the pier reopens is a slogan, not a plan.</p>
</article></body></html>"""
ECHO = f"""<html><body><p>Readers wrote in all week.</p>
<p>One letter put it plainly: {QUOTE.lower()} and the council should listen.</p></body></html>"""
OLD = f"""<html><body><p>“{QUOTE},” a spokesman for the harbour board said in 2024.</p></body></html>"""


def web_of(apis: ApiEmulator) -> SimulatedWeb:
    web = apis.web
    web.today = TODAY
    web.pages += [
        Page(apis.site_url("coast-gazette.example", "/2026/11/pier"), PIER, "Café owner vows", date(2026, 11, 17)),
        Page(apis.site_url("letters.example", "/week-47"), ECHO, "Letters of the week", date(2026, 11, 21)),
        Page(apis.site_url("harbour-news.example", "/2024/board"), OLD, "Harbour board", date(2024, 3, 2)),
    ]
    return web


def phrase(**how: object) -> SearchRequest:
    return SearchRequest(kind="phrase", phrase=QUOTE, **how)  # type: ignore[arg-type]


# -- SearXNG ------------------------------------------------------------------------------------


def test_searxng_finds_the_pages_holding_the_phrase(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    backend = SearxngSearch(apis.base_url("searxng"), clock=clock, today=lambda: TODAY)
    hits = backend.search(phrase())
    assert [h.url for h in hits] == [p.url for p in apis.web.pages]
    assert [h.rank for h in hits] == [1, 2, 3]
    assert hits[0].snippet.startswith(f"“{QUOTE},” Reyes told")
    assert hits[0].published == date(2026, 11, 17) and hits[0].backend == "searxng"
    assert hits[0].query == f'"{QUOTE}"'


def test_searxng_site_and_time_range_narrow_the_results(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    backend = SearxngSearch(apis.base_url("searxng"), clock=clock, today=lambda: TODAY)
    assert [h.url for h in backend.search(phrase(site="coast-gazette.example"))] == [apis.web.pages[0].url]
    assert len(backend.search(phrase(since=date(2026, 11, 1)))) == 2  # the 2024 page is past a year's range


def test_searxng_with_json_switched_off_says_how_to_switch_it_on(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis).searxng_formats = frozenset({"html"})
    backend = SearxngSearch(apis.base_url("searxng"), clock=clock)
    with pytest.raises(BackendFailure) as raised:
        backend.search(phrase())
    assert "HTTP 403" in raised.value.reason
    assert "add json to search.formats in its settings.yml" in raised.value.reason
    assert "\n" not in str(raised.value)
    with pytest.raises(BackendFailure, match="search.formats"):
        backend.search(phrase())
    assert len(apis.seen("searxng")) == 1  # the instance's settings do not change during a run


def test_searxng_without_results_because_its_engines_failed_is_a_failure(apis: ApiEmulator, clock: FakeClock) -> None:
    body = '{"query": "x", "results": [], "unresponsive_engines": [["google", "timeout"], ["bing", "CAPTCHA"]]}'
    apis.script("searxng", Scripted(200, body, "application/json"))
    with pytest.raises(BackendFailure, match=r"engines did not answer: google \(timeout\), bing \(CAPTCHA\)"):
        SearxngSearch(apis.base_url("searxng"), clock=clock).search(phrase())


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        pytest.param(f"http://127.0.0.1:{closed_port()}", "could not reach 127.0.0.1", id="nothing listening"),
        pytest.param("searx.newsroom.example", "could not reach", id="no scheme"),
    ],
)
def test_an_unreachable_instance_is_a_one_line_failure(base_url: str, expected: str, clock: FakeClock) -> None:
    with pytest.raises(BackendFailure) as raised:
        SearxngSearch(base_url, clock=clock).search(phrase())
    assert raised.value.reason.startswith(expected) and QUOTE not in str(raised.value)


# -- Brave --------------------------------------------------------------------------------------


def test_brave_finds_pages_in_the_freshness_window_and_strips_its_markup(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    backend = BraveSearch(apis.web.brave_key, apis.base_url("brave"), clock=clock, today=lambda: TODAY)
    hits = backend.search(phrase(since=date(2026, 11, 1), until=date(2026, 11, 30)))
    assert [h.url for h in hits] == [p.url for p in apis.web.pages[:2]]
    assert "<strong>" not in hits[0].snippet and hits[0].snippet.startswith(f"“{QUOTE}")
    assert apis.seen("brave")[0].param("freshness") == "2026-11-01to2026-11-30"


def test_brave_waits_out_the_per_second_window_its_headers_announce(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    backend = BraveSearch(apis.web.brave_key, apis.base_url("brave"), clock=clock)
    backend.search(phrase())
    backend.search(phrase())
    assert clock.sleeps == [1.0]  # "X-RateLimit-Remaining: 0, …" with "X-RateLimit-Reset: 1, …"


def test_brave_wrong_key_is_one_line_and_sends_no_more_requests(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    backend = BraveSearch("not-the-key", apis.base_url("brave"), clock=clock)
    for _ in range(2):
        with pytest.raises(BackendFailure) as raised:
            backend.search(phrase())
        assert raised.value.reason.startswith("rejected the API key (HTTP 422)")
        assert "not-the-key" not in str(raised.value)
    assert len(apis.seen("brave")) == 1


def test_brave_401(apis: ApiEmulator, clock: FakeClock) -> None:
    apis.script("brave", Scripted(401, '{"type": "ErrorResponse"}', "application/json"))
    with pytest.raises(BackendFailure, match=r"rejected the API key \(HTTP 401\)"):
        BraveSearch(apis.web.brave_key, apis.base_url("brave"), clock=clock).search(phrase())


def test_brave_429_waits_for_the_reset_then_asks_again(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    limited = Scripted(
        429,
        '{"type": "ErrorResponse", "error": {"code": "RATE_LIMITED", "status": 429}}',
        "application/json",
        (("X-RateLimit-Remaining", "0, 900"), ("X-RateLimit-Reset", "3, 86400")),
    )
    apis.script("brave", limited)
    hits = BraveSearch(apis.web.brave_key, apis.base_url("brave"), clock=clock).search(phrase())
    assert len(hits) == 3 and clock.sleeps == [3.0] and len(apis.seen("brave")) == 2


def test_brave_spent_monthly_quota_stops_brave_for_the_run(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis).brave_month_quota = 1
    backend = BraveSearch(apis.web.brave_key, apis.base_url("brave"), clock=clock)
    assert backend.search(phrase())  # the last request of the month still answers
    with pytest.raises(BackendFailure, match="quota is spent; it resets in 16 days"):
        backend.search(phrase())
    assert len(apis.seen("brave")) == 1  # the answer's headers said so: nothing more was sent


# -- GDELT --------------------------------------------------------------------------------------


def test_gdelt_context_returns_the_quoting_sentence_as_snippet(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    hits = GdeltSearch(apis.base_url("gdelt"), clock=clock).search(phrase())
    # The letters page holds the words but not as a quotation; the 2024 page is past GDELT's window.
    assert [h.url for h in hits] == [apis.web.pages[0].url]
    assert hits[0].snippet == f"“{QUOTE},” Reyes told the Coast Gazette on Tuesday."
    assert hits[0].published == date(2026, 11, 17)


def test_gdelt_doc_matches_whole_articles_without_a_snippet(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    request = SearchRequest(kind="speaker_phrase", phrase=QUOTE, keywords=("Reyes",))
    hits = GdeltSearch(apis.base_url("gdelt"), clock=clock).search(request)
    assert [(h.url, h.snippet) for h in hits] == [(apis.web.pages[0].url, "")]
    assert apis.seen("gdelt")[0].path == "/api/v2/doc/doc"


def test_gdelt_text_error_with_http_200_is_a_failure_not_an_empty_result(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    with pytest.raises(BackendFailure, match="phrase is too short for GDELT"):
        GdeltSearch(apis.base_url("gdelt"), clock=clock).search(SearchRequest(kind="phrase", phrase="pier"))


def test_gdelt_answer_with_raw_control_characters_still_reads(apis: ApiEmulator, clock: FakeClock) -> None:
    body = '{"articles": [{"url": "http://a.example/x", "title": "Pier\x0b plans", "seendate": "20261120T101500Z"}]}'
    apis.script("gdelt", Scripted(200, body, "application/json"))
    hits = GdeltSearch(apis.base_url("gdelt"), clock=clock).search(phrase())
    assert [(h.url, h.title, h.published) for h in hits] == [("http://a.example/x", "Pier plans", date(2026, 11, 20))]


def test_gdelt_answer_without_articles_is_no_hits(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    assert GdeltSearch(apis.base_url("gdelt"), clock=clock).search(phrase(site="letters.example")) == ()


def test_gdelt_requests_go_five_seconds_apart(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    backend = GdeltSearch(apis.base_url("gdelt"), clock=clock)
    for _ in range(3):
        backend.search(phrase())
    assert clock.sleeps == [5.0, 5.0]


def test_gdelt_429_backs_off_then_asks_again(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    apis.script("gdelt", Scripted(429, "Please limit requests to one every 5 seconds."))
    hits = GdeltSearch(apis.base_url("gdelt"), clock=clock).search(phrase())
    assert len(hits) == 1 and clock.sleeps == [30.0]


def test_gdelt_repeated_429s_stop_gdelt_for_the_run(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis)
    apis.script("gdelt", *[Scripted(429, "Please limit requests to one every 5 seconds.")] * 3)
    backend = GdeltSearch(apis.base_url("gdelt"), clock=clock)
    with pytest.raises(BackendFailure) as raised:
        backend.search(phrase())
    assert str(raised.value) == "gdelt: rate-limited; no more GDELT queries in this run"
    assert clock.sleeps == [30.0, 60.0]
    with pytest.raises(BackendFailure, match="no more GDELT queries"):
        backend.search(phrase())
    assert len(apis.seen("gdelt")) == 3


def test_gdelt_real_spacing_rule_is_met_by_the_limiter(apis: ApiEmulator) -> None:
    """With the emulator enforcing a real interval, a real clock waits it out and gets no 429."""
    web_of(apis).gdelt_min_interval = 0.2
    from verify.discover.ratelimit import RateLimit

    backend = GdeltSearch(apis.base_url("gdelt"), limit=RateLimit(min_interval=0.25, max_429s=1))
    assert backend.search(phrase()) and backend.search(phrase())


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 6), True),
        (date(2026, 9, 7), True),
        (date(2026, 9, 6), False),
        (date(2026, 12, 7), False),
        (date(2025, 12, 6), False),
    ],
)
def test_gdelt_covers_about_the_last_three_months(day: date, expected: bool) -> None:
    assert covers(day, TODAY) is expected
    assert GdeltSearch().covers(day, TODAY) is expected


# -- Wayback Machine ----------------------------------------------------------------------------

DEAD = "http://coast-gazette.example/2026/10/ferry"


def archive(apis: ApiEmulator, *stamps: str) -> WaybackArchive:
    apis.web.captures += [Capture(DEAD, stamp, f"<p>capture {stamp}</p>") for stamp in stamps]
    return WaybackArchive(apis.base_url("wayback"), clock=FakeClock())


def test_availability_answer_gives_the_raw_replay_address(apis: ApiEmulator) -> None:
    capture = archive(apis, "20261015090000", "20261101120000", "20261201080000").closest(DEAD, date(2026, 11, 20))
    assert capture == ArchiveCapture(
        url=f"{apis.base_url('wayback')}/web/20261101120000id_/{DEAD}", timestamp="20261101120000", original_url=DEAD
    )
    assert [s.path for s in apis.seen("wayback")] == ["/wayback/available"]
    assert httpx.get(capture.url).text == "<p>capture 20261101120000</p>"


def test_availability_false_negative_falls_back_to_cdx(apis: ApiEmulator) -> None:
    backend = archive(apis, "20261015090000", "20261101120000", "20261201080000")
    apis.web.availability_misses.add(DEAD)
    capture = backend.closest(DEAD, date(2026, 11, 20))
    assert capture is not None and capture.timestamp == "20261101120000"
    assert [s.path for s in apis.seen("wayback")] == ["/wayback/available", "/cdx/search/cdx"]


@pytest.mark.parametrize(
    ("stamps", "before", "expected"),
    [
        pytest.param(("20261101120000",), date(2026, 11, 1), "20261101120000", id="same day counts"),
        pytest.param(("20261201080000",), date(2026, 11, 20), None, id="only later captures: none"),
        pytest.param((), date(2026, 11, 20), None, id="never archived"),
        pytest.param(("20260101000000", "20261119235959"), date(2026, 11, 19), "20261119235959", id="latest wins"),
    ],
)
def test_cdx_picks_the_latest_capture_on_or_before_the_day(
    apis: ApiEmulator, stamps: tuple[str, ...], before: date, expected: str | None
) -> None:
    backend = archive(apis, *stamps)
    apis.web.availability_misses.add(DEAD)
    capture = backend.closest(DEAD, before)
    assert (capture.timestamp if capture else None) == expected


def test_availability_capture_after_the_day_sends_the_question_to_cdx(apis: ApiEmulator) -> None:
    backend = archive(apis, "20261201080000")
    assert backend.closest(DEAD, date(2026, 11, 20)) is None
    assert [s.path for s in apis.seen("wayback")] == ["/wayback/available", "/cdx/search/cdx"]


def test_cdx_skips_captures_that_were_not_200(apis: ApiEmulator) -> None:
    backend = archive(apis, "20261001000000")
    apis.web.captures.append(Capture(DEAD, "20261110000000", "<p>gone</p>", status=404))
    apis.web.availability_misses.add(DEAD)
    capture = backend.closest(DEAD, date(2026, 11, 20))
    assert capture is not None and capture.timestamp == "20261001000000"


def test_cdx_429_is_waited_out_as_retry_after_says(apis: ApiEmulator) -> None:
    clock = FakeClock()
    apis.web.captures.append(Capture(DEAD, "20261101120000", "<p>x</p>"))
    apis.web.availability_misses.add(DEAD)
    apis.script("wayback", Scripted(200, '{"archived_snapshots": {}}', "application/json"))
    apis.script("wayback", Scripted(429, "Too Many Requests", "text/html", (("Retry-After", "7"),)))
    capture = WaybackArchive(apis.base_url("wayback"), clock=clock).closest(DEAD, date(2026, 11, 20))
    assert capture is not None and capture.timestamp == "20261101120000"
    assert clock.sleeps == [7.0]
    assert [s.path for s in apis.seen("wayback")] == ["/wayback/available", "/cdx/search/cdx", "/cdx/search/cdx"]


def test_cdx_429s_without_end_stop_archive_lookups(apis: ApiEmulator) -> None:
    clock = FakeClock()
    apis.web.availability_misses.add(DEAD)
    apis.script("wayback", Scripted(200, '{"archived_snapshots": {}}', "application/json"))
    apis.script("wayback", *[Scripted(429, "Too Many Requests", "text/html")] * 3)
    backend = WaybackArchive(apis.base_url("wayback"), clock=clock)
    with pytest.raises(BackendFailure, match="no more archive look-ups in this run"):
        backend.closest(DEAD, date(2026, 11, 20))
    assert clock.sleeps == [60.0, 120.0]  # 60 s without Retry-After, doubled
    with pytest.raises(BackendFailure):
        backend.closest(DEAD, date(2026, 11, 20))
    assert len(apis.seen("wayback")) == 4


def test_cdx_stays_under_24_requests_a_minute(apis: ApiEmulator) -> None:
    clock = FakeClock()
    apis.web.availability_misses.add(DEAD)
    backend = WaybackArchive(apis.base_url("wayback"), clock=clock)
    for _ in range(13):  # two requests each: availability, then CDX
        backend.closest(DEAD, date(2026, 11, 20))
    assert len(apis.seen("wayback")) == 26 and clock.sleeps == [60.0]


def test_excluded_site_has_no_capture(apis: ApiEmulator) -> None:
    backend = archive(apis, "20261101120000")
    apis.web.availability_misses.add(DEAD)
    apis.web.archive_excluded_hosts.add("coast-gazette.example")
    assert backend.closest(DEAD, date(2026, 11, 20)) is None


def test_replay_redirect_to_another_timestamp_is_read_back(apis: ApiEmulator) -> None:
    backend = archive(apis, "20261101120000")
    apis.web.captures.append(Capture(DEAD, "20261102000000", "", replay_redirect="20261101120000"))
    asked = f"{apis.base_url('wayback')}/web/20261102000000id_/{DEAD}"
    answer = httpx.get(asked, follow_redirects=True)
    assert answer.text == "<p>capture 20261101120000</p>"
    assert backend.capture_from_replay_url(str(answer.url)) == ArchiveCapture(
        url=f"{apis.base_url('wayback')}/web/20261101120000id_/{DEAD}", timestamp="20261101120000", original_url=DEAD
    )


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        pytest.param(
            "https://web.archive.org/web/20261101120000id_/https://gazette.example/a?b=1",
            ("20261101120000", "https://gazette.example/a?b=1"),
            id="raw replay with a query",
        ),
        pytest.param(
            "https://web.archive.org/web/20261101120000/http://gazette.example/a",
            ("20261101120000", "http://gazette.example/a"),
            id="toolbar replay",
        ),
        pytest.param(
            "https://web.archive.org/web/20261101120000id_/http:/gazette.example/a",
            ("20261101120000", "http://gazette.example/a"),
            id="collapsed scheme slashes",
        ),
        pytest.param("https://web.archive.org/web/2026/http://gazette.example/a", None, id="short timestamp"),
        pytest.param("https://mirror.example/web/20261101120000id_/http://gazette.example/a", None, id="other host"),
        pytest.param("https://web.archive.org/cdx/search/cdx?url=gazette.example", None, id="not a replay"),
    ],
)
def test_capture_from_replay_url(address: str, expected: tuple[str, str] | None) -> None:
    capture = WaybackArchive(clock=FakeClock()).capture_from_replay_url(address)
    if expected is None:
        assert capture is None
    else:
        assert capture is not None and (capture.timestamp, capture.original_url) == expected
        assert capture.url == f"https://web.archive.org/web/{expected[0]}id_/{expected[1]}"


# -- Wikidata -----------------------------------------------------------------------------------

GAZETTE = Entity(
    "Q9001",
    "Coast Gazette",
    ("The Coast Gazette",),
    "weekly newspaper",
    ("Q11032",),
    ("https://www.coast-gazette.example/",),
)
FILM = Entity("Q9002", "Coast Gazette", (), "2019 film", ("Q11424",), ("https://coast-gazette-film.example/",))
LEAGUE = Entity(
    "Q9003",
    "Harbour Rights League",
    ("HRL",),
    "campaign group",
    ("Q79913",),
    ("https://harbourrights.example/", "https://www.harbourrights.example/en"),
)


@pytest.mark.parametrize(
    ("entities", "name", "expected"),
    [
        pytest.param([GAZETTE], "Coast Gazette", ("www.coast-gazette.example",), id="newspaper by label"),
        pytest.param([GAZETTE], "the coast gazette", ("www.coast-gazette.example",), id="by alias, any case"),
        pytest.param([FILM, GAZETTE], "Coast Gazette", ("www.coast-gazette.example",), id="a film first: skipped"),
        pytest.param([FILM], "Coast Gazette", (), id="only the film: nothing"),
        pytest.param([LEAGUE], "HRL", ("harbourrights.example", "www.harbourrights.example"), id="organisation"),
        pytest.param([GAZETTE], "Inland Courier", (), id="no match"),
    ],
)
def test_wikidata_official_domains(
    apis: ApiEmulator, entities: list[Entity], name: str, expected: tuple[str, ...]
) -> None:
    apis.web.entities += entities
    assert WikidataOutlets(apis.base_url("wikidata"), clock=FakeClock()).official_domains(name) == expected


def test_wikidata_answers_are_kept_for_the_run(apis: ApiEmulator) -> None:
    apis.web.entities.append(GAZETTE)
    backend = WikidataOutlets(apis.base_url("wikidata"), clock=FakeClock())
    assert backend.official_domains("Coast Gazette") == backend.official_domains(" coast  gazette")
    assert len(apis.seen("wikidata")) == 2


def test_wikidata_429_retry_after_is_honoured(apis: ApiEmulator) -> None:
    clock = FakeClock()
    apis.web.entities.append(GAZETTE)
    apis.script("wikidata", Scripted(429, "Too many requests", "text/plain", (("Retry-After", "12"),)))
    backend = WikidataOutlets(apis.base_url("wikidata"), clock=clock)
    assert backend.official_domains("Coast Gazette") == ("www.coast-gazette.example",)
    assert clock.sleeps == [12.0, 0.5]  # the Retry-After, then the usual half second before the claims


def test_wikidata_api_error_is_a_failure(apis: ApiEmulator) -> None:
    apis.script("wikidata", Scripted(200, '{"error": {"code": "maxlag", "info": "Waiting"}}', "application/json"))
    with pytest.raises(BackendFailure, match=r"API error \(maxlag\)"):
        WikidataOutlets(apis.base_url("wikidata"), clock=FakeClock()).official_domains("Coast Gazette")


# -- the emulator's pages -----------------------------------------------------------------------


def test_pages_are_served_by_host_and_path(apis: ApiEmulator) -> None:
    web = web_of(apis)
    web.pages.append(Page(apis.site_url("coast-gazette.example", "/gone"), "<p>Not here</p>", status=410))
    moved = apis.site_url("coast-gazette.example", "/moved")
    web.pages.append(Page(moved, "", redirect_to=web.pages[0].url))
    local = f"http://127.0.0.1:{apis.port}"
    host = {"Host": f"coast-gazette.example:{apis.port}"}
    assert "Reyes told" in httpx.get(f"{local}/2026/11/pier", headers=host).text
    assert httpx.get(f"{local}/gone", headers=host).status_code == 410
    assert httpx.get(f"{local}/moved", headers=host).headers["location"] == web.pages[0].url
    assert httpx.get(f"{local}/robots.txt", headers=host).status_code == 404
    assert httpx.get(f"{local}/2026/11/pier", headers={"Host": "other.example"}).status_code == 404


def test_an_api_can_be_made_slow_for_benchmarks(apis: ApiEmulator, clock: FakeClock) -> None:
    web_of(apis).delays["searxng"] = 0.2
    started = time.monotonic()
    SearxngSearch(apis.base_url("searxng"), clock=clock).search(phrase())
    assert time.monotonic() - started >= 0.2
