"""The fetch logic against respx-mocked answers: statuses, retries, Retry-After, redirects,
robots.txt, limits, once-per-URL and the cache. Host names resolve to a public address
through a test resolver; respx answers every request, so nothing leaves the machine."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import brotli
import httpx
import pytest
import respx

from tests.helpers import fetch
from verify.model import SourceStatus
from verify.sources.client import USER_AGENT, parse_retry_after
from verify.version import __version__

PAGE = b"<html><body><p>The council voted to keep the library open.</p></body></html>"
NO_ROBOTS = httpx.Response(404)


@pytest.fixture
def mock() -> respx.MockRouter:
    with respx.mock(assert_all_called=False) as router:
        router.get("https://news.example/robots.txt").mock(return_value=NO_ROBOTS)
        yield router


@pytest.mark.parametrize(
    ("answers", "status", "http_status", "calls", "error_has"),
    [
        ([200], SourceStatus.OK, 200, 1, None),
        ([404], SourceStatus.NOT_FOUND, 404, 1, "HTTP 404"),
        ([410], SourceStatus.NOT_FOUND, 410, 1, "HTTP 410"),
        ([403], SourceStatus.HTTP_ERROR, 403, 1, "HTTP 403"),
        ([418], SourceStatus.HTTP_ERROR, 418, 1, "HTTP 418"),
        ([501], SourceStatus.HTTP_ERROR, 501, 1, "HTTP 501"),  # not in the retry list
        ([503, 200], SourceStatus.OK, 200, 2, None),
        ([500, 502, 504, 200], SourceStatus.OK, 200, 4, None),
        ([408, 429, 200], SourceStatus.OK, 200, 3, None),
        ([503, 503, 503, 503], SourceStatus.HTTP_ERROR, 503, 4, "after 4 attempts"),
    ],
)
def test_statuses_and_retries(
    mock: respx.MockRouter,
    waits: list[float],
    tmp_path: Path,
    answers: list[int],
    status: SourceStatus,
    http_status: int,
    calls: int,
    error_has: str | None,
) -> None:
    route = mock.get("https://news.example/story").mock(
        side_effect=[httpx.Response(code, content=PAGE, headers={"Content-Type": "text/html"}) for code in answers]
    )
    (result,) = fetch(["https://news.example/story"], tmp_path, max_retries=3)
    assert (result.status, result.http_status, route.call_count) == (status, http_status, calls)
    assert len(waits) == calls - 1
    if error_has is None:
        assert result.error is None and result.snapshot is not None and result.snapshot.body == PAGE
    else:
        assert result.error is not None and error_has in result.error and "\n" not in result.error


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (httpx.ConnectError("connection refused"), SourceStatus.HTTP_ERROR),
        (httpx.ReadTimeout("slow"), SourceStatus.TIMEOUT),
        (httpx.ConnectTimeout("slow"), SourceStatus.TIMEOUT),
        (httpx.RemoteProtocolError("server disconnected"), SourceStatus.HTTP_ERROR),
    ],
)
def test_connection_failures_are_retried_then_reported(
    mock: respx.MockRouter, waits: list[float], tmp_path: Path, error: Exception, status: SourceStatus
) -> None:
    route = mock.get("https://news.example/story").mock(side_effect=error)
    (result,) = fetch(["https://news.example/story"], tmp_path, max_retries=2)
    assert (result.status, route.call_count, len(waits)) == (status, 3, 2)


def test_a_connection_failure_then_success_is_ok(mock: respx.MockRouter, waits: list[float], tmp_path: Path) -> None:
    route = mock.get("https://news.example/story").mock(
        side_effect=[httpx.ConnectError("reset"), httpx.Response(200, content=PAGE)]
    )
    (result,) = fetch(["https://news.example/story"], tmp_path)
    assert (result.status, route.call_count) == (SourceStatus.OK, 2)


@pytest.mark.parametrize(
    ("retry_after", "cap", "expected_wait"),
    [
        ("2", 30.0, 2.0),
        ("0", 30.0, 0.0),
        ("120", 5.0, 5.0),  # capped at max_retry_after
        ("Wed, 21 Oct 2015 07:28:00 GMT", 30.0, 0.0),  # a date in the past: no wait
        ("Fri, 01 Jan 2100 00:00:00 GMT", 7.0, 7.0),  # far future: capped
    ],
)
def test_retry_after_is_honoured_and_capped(
    mock: respx.MockRouter, waits: list[float], tmp_path: Path, retry_after: str, cap: float, expected_wait: float
) -> None:
    mock.get("https://news.example/story").mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": retry_after}), httpx.Response(200, content=PAGE)]
    )
    (result,) = fetch(["https://news.example/story"], tmp_path, max_retry_after=cap)
    assert result.status is SourceStatus.OK
    assert waits == [expected_wait]


@pytest.mark.parametrize(
    ("header", "now", "seconds"),
    [
        ("30", 0.0, 30.0),
        (" 7 ", 0.0, 7.0),
        ("Thu, 01 Jan 1970 00:01:40 GMT", 40.0, 60.0),
        ("Thu, 01 Jan 1970 00:00:10 GMT", 40.0, 0.0),
        ("soon", 0.0, None),
        ("-5", 0.0, None),
        (None, 0.0, None),
    ],
)
def test_parse_retry_after(header: str | None, now: float, seconds: float | None) -> None:
    assert parse_retry_after(header, now=now) == seconds


def test_backoff_without_retry_after_grows(mock: respx.MockRouter, waits: list[float], tmp_path: Path) -> None:
    mock.get("https://news.example/story").mock(return_value=httpx.Response(500))
    fetch(["https://news.example/story"], tmp_path, max_retries=3)
    assert len(waits) == 3 and waits[0] < waits[2]


def test_each_url_is_fetched_once_per_run(mock: respx.MockRouter, tmp_path: Path) -> None:
    route = mock.get("https://news.example/story").mock(return_value=httpx.Response(200, content=PAGE))
    urls = ["https://news.example/story", "https://news.example/story#para-3", "https://NEWS.example/story"]
    results = fetch(urls, tmp_path)
    assert [r.status for r in results] == [SourceStatus.OK] * 3
    assert route.call_count == 1
    assert len({r.snapshot.sha256 for r in results if r.snapshot}) == 1


def test_requests_carry_an_honest_user_agent(mock: respx.MockRouter, tmp_path: Path) -> None:
    route = mock.get("https://news.example/story").mock(return_value=httpx.Response(200, content=PAGE))
    fetch(["https://news.example/story"], tmp_path)
    sent = route.calls.last.request.headers["user-agent"]
    assert sent == USER_AGENT and sent.startswith(f"verify/{__version__} ")


def test_a_contact_joins_the_user_agent(mock: respx.MockRouter, tmp_path: Path) -> None:
    route = mock.get("https://news.example/story").mock(return_value=httpx.Response(200, content=PAGE))
    fetch(["https://news.example/story"], tmp_path, ignore_robots=True, contact="mailto:desk@paper.example")
    assert route.calls.last.request.headers["user-agent"].endswith("; +mailto:desk@paper.example)")


# ---------------------------------------------------------------------------
# Redirects
# ---------------------------------------------------------------------------


def test_redirects_are_followed_and_the_final_url_kept(mock: respx.MockRouter, tmp_path: Path) -> None:
    mock.get("https://news.example/old").mock(return_value=httpx.Response(301, headers={"Location": "/new"}))
    mock.get("https://news.example/new").mock(return_value=httpx.Response(200, content=PAGE))
    (result,) = fetch(["https://news.example/old"], tmp_path)
    assert result.status is SourceStatus.OK
    assert result.snapshot is not None and result.snapshot.final_url == "https://news.example/new"
    assert result.snapshot.location == "https://news.example/old"


@pytest.mark.parametrize(
    ("location", "error_has"),
    [
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://127.0.0.1:8080/admin", "loopback"),
        ("http://[::ffff:10.0.0.1]/", "IPv4-mapped"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_a_redirect_to_a_private_address_is_blocked_before_sending(
    mock: respx.MockRouter, tmp_path: Path, location: str, error_has: str
) -> None:
    mock.get("https://news.example/go").mock(return_value=httpx.Response(302, headers={"Location": location}))
    inner = mock.route(host__in=("169.254.169.254", "127.0.0.1", "::ffff:10.0.0.1")).mock(
        return_value=httpx.Response(200, content=b"secret")
    )
    # ignore_robots: the hop's own check must stop it, not the robots.txt request before it
    (result,) = fetch(["https://news.example/go"], tmp_path, ignore_robots=True)
    assert result.status is SourceStatus.BLOCKED
    assert result.error is not None and error_has in result.error
    assert inner.call_count == 0


def test_too_many_redirects_is_blocked(mock: respx.MockRouter, tmp_path: Path) -> None:
    for hop in range(6):
        mock.get(f"https://news.example/r{hop}").mock(
            return_value=httpx.Response(302, headers={"Location": f"/r{hop + 1}"})
        )
    (result,) = fetch(["https://news.example/r0"], tmp_path, max_redirects=3)
    assert result.status is SourceStatus.BLOCKED and "more than 3 redirects" in (result.error or "")


def test_a_redirect_without_location_is_an_http_error(mock: respx.MockRouter, tmp_path: Path) -> None:
    mock.get("https://news.example/x").mock(return_value=httpx.Response(302))
    (result,) = fetch(["https://news.example/x"], tmp_path)
    assert (result.status, result.http_status) == (SourceStatus.HTTP_ERROR, 302)


# ---------------------------------------------------------------------------
# robots.txt
# ---------------------------------------------------------------------------

ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: verify\nDisallow: /drafts/\n"


@pytest.mark.parametrize(
    ("robots", "path", "status", "error_has"),
    [
        (httpx.Response(200, content=ROBOTS), "/news/a", SourceStatus.OK, None),
        (httpx.Response(200, content=ROBOTS), "/drafts/a", SourceStatus.BLOCKED, "disallowed by robots.txt"),
        (httpx.Response(200, content=b"User-agent: *\nDisallow: /\n"), "/a", SourceStatus.BLOCKED, "robots"),
        (httpx.Response(404), "/private/a", SourceStatus.OK, None),  # no robots.txt: all allowed
        (httpx.Response(403), "/private/a", SourceStatus.OK, None),  # 4xx: all allowed (RFC 9309)
        (httpx.Response(503), "/a", SourceStatus.BLOCKED, "HTTP 503"),  # unreachable: disallow (RFC 9309)
        (httpx.Response(500), "/a", SourceStatus.BLOCKED, "RFC 9309"),
    ],
)
def test_robots_txt_is_obeyed(
    waits: list[float],
    tmp_path: Path,
    robots: httpx.Response,
    path: str,
    status: SourceStatus,
    error_has: str | None,
) -> None:
    with respx.mock(assert_all_called=False) as router:
        router.get("https://site.example/robots.txt").mock(return_value=robots)
        page = router.get(f"https://site.example{path}").mock(return_value=httpx.Response(200, content=PAGE))
        (result,) = fetch([f"https://site.example{path}"], tmp_path)
    assert result.status is status
    assert page.call_count == (1 if status is SourceStatus.OK else 0)
    if error_has:
        assert error_has in (result.error or "")


def test_robots_txt_is_read_once_per_site(tmp_path: Path) -> None:
    with respx.mock(assert_all_called=False) as router:
        robots = router.get("https://site.example/robots.txt").mock(return_value=httpx.Response(200, content=ROBOTS))
        router.get(url__startswith="https://site.example/p").mock(return_value=httpx.Response(200, content=PAGE))
        results = fetch([f"https://site.example/p{i}" for i in range(5)], tmp_path)
    assert [r.status for r in results] == [SourceStatus.OK] * 5
    assert robots.call_count == 1


def test_ignore_robots_skips_robots_txt_and_says_so(tmp_path: Path) -> None:
    with respx.mock(assert_all_called=False) as router:
        robots = router.get("https://site.example/robots.txt").mock(
            return_value=httpx.Response(200, content=b"User-agent: *\nDisallow: /\n")
        )
        router.get("https://site.example/a").mock(return_value=httpx.Response(200, content=PAGE))
        (result,) = fetch(["https://site.example/a"], tmp_path, ignore_robots=True)
    assert (result.status, result.robots_ignored, robots.call_count) == (SourceStatus.OK, True, 0)


def test_every_redirect_hop_is_checked_against_its_robots_txt(tmp_path: Path) -> None:
    with respx.mock(assert_all_called=False) as router:
        router.get("https://a.example/robots.txt").mock(return_value=httpx.Response(404))
        router.get("https://b.example/robots.txt").mock(
            return_value=httpx.Response(200, content=b"User-agent: *\nDisallow: /closed\n")
        )
        router.get("https://a.example/go").mock(
            return_value=httpx.Response(301, headers={"Location": "https://b.example/closed"})
        )
        closed = router.get("https://b.example/closed").mock(return_value=httpx.Response(200, content=PAGE))
        (result,) = fetch(["https://a.example/go"], tmp_path)
    assert result.status is SourceStatus.BLOCKED and closed.call_count == 0


# ---------------------------------------------------------------------------
# Bodies: encodings, limits, types
# ---------------------------------------------------------------------------


def _brotli(data: bytes) -> bytes:
    return bytes(brotli.compress(data, quality=5))


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
        ("br", _brotli),
        ("identity", lambda data: data),
    ],
)
def test_compressed_bodies_are_decoded(mock: respx.MockRouter, tmp_path: Path, encoding: str, encode: object) -> None:
    body = encode(PAGE)  # type: ignore[operator]
    mock.get("https://news.example/z").mock(
        return_value=httpx.Response(200, content=body, headers={"Content-Encoding": encoding})
    )
    (result,) = fetch(["https://news.example/z"], tmp_path)
    assert result.status is SourceStatus.OK and result.snapshot is not None and result.snapshot.body == PAGE


BOMB = b"\0" * 5_000_000


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", _brotli)],
)
def test_decompression_bombs_are_blocked(mock: respx.MockRouter, tmp_path: Path, encoding: str, encode: object) -> None:
    body = encode(BOMB)  # type: ignore[operator]
    assert len(body) < 20_000  # small on the wire …
    mock.get("https://news.example/bomb").mock(
        return_value=httpx.Response(200, stream=httpx.ByteStream(body), headers={"Content-Encoding": encoding})
    )
    (result,) = fetch(["https://news.example/bomb"], tmp_path, max_decoded_bytes=100_000)
    assert result.status is SourceStatus.BLOCKED and "decompressed body" in (result.error or "")


@pytest.mark.parametrize(
    ("headers", "body", "status", "error_has"),
    [
        ({"Content-Type": "image/png"}, b"\x89PNG....", SourceStatus.BLOCKED, "image/png"),
        ({"Content-Type": "video/mp4"}, b"....", SourceStatus.BLOCKED, "video/mp4"),
        ({"Content-Type": "application/pdf"}, b"%PDF-1.4", SourceStatus.OK, None),
        ({"Content-Type": "text/plain; charset=utf-8"}, b"plain words", SourceStatus.OK, None),
        ({}, b"no type given", SourceStatus.OK, None),
        ({"Content-Encoding": "zstd"}, b"????", SourceStatus.UNREADABLE, "zstd"),
        ({}, b"x" * 2000, SourceStatus.BLOCKED, "1000-byte limit"),
    ],
)
def test_body_types_and_limits(
    mock: respx.MockRouter,
    tmp_path: Path,
    headers: dict[str, str],
    body: bytes,
    status: SourceStatus,
    error_has: str | None,
) -> None:
    answer = httpx.Response(200, stream=httpx.ByteStream(body), headers=headers)  # as sent, not decoded
    mock.get("https://news.example/b").mock(return_value=answer)
    (result,) = fetch(["https://news.example/b"], tmp_path, max_bytes=1000)
    assert result.status is status
    if error_has:
        assert error_has in (result.error or "")


def test_content_type_and_charset_are_kept(mock: respx.MockRouter, tmp_path: Path) -> None:
    mock.get("https://news.example/c").mock(
        return_value=httpx.Response(200, content=PAGE, headers={"Content-Type": "text/HTML; Charset=ISO-8859-1"})
    )
    (result,) = fetch(["https://news.example/c"], tmp_path)
    assert result.snapshot is not None
    assert (result.snapshot.content_type, result.snapshot.charset) == ("text/html", "iso-8859-1")


# ---------------------------------------------------------------------------
# URLs that are never fetched
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "error_has"),
    [
        ("ftp://files.example/a.txt", SourceStatus.BLOCKED, "only http and https"),
        ("javascript:alert(1)", SourceStatus.BLOCKED, "only http and https"),
        ("https://nowhere.invalid/", SourceStatus.NOT_FOUND, "not found"),
    ],
)
def test_urls_refused_without_a_request(tmp_path: Path, url: str, status: SourceStatus, error_has: str) -> None:
    async def no_such_host(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    from verify.model import SourceRef
    from verify.sources.fetch import fetch_sources
    from verify.sources.options import FetchOptions

    with respx.mock(assert_all_called=False) as router:
        anything = router.route().mock(return_value=httpx.Response(200))
        (result,) = fetch_sources(
            [SourceRef(url=url, path=None)], cache_dir=tmp_path, options=FetchOptions(), resolver=no_such_host
        )
    assert result.status is status and error_has in (result.error or "")
    assert anything.call_count == 0


# ---------------------------------------------------------------------------
# The cache
# ---------------------------------------------------------------------------


def test_a_cached_snapshot_is_used_without_the_network(mock: respx.MockRouter, tmp_path: Path) -> None:
    route = mock.get("https://news.example/story").mock(return_value=httpx.Response(200, content=PAGE))
    (first,) = fetch(["https://news.example/story"], tmp_path)
    (second,) = fetch(["https://news.example/story"], tmp_path)
    (third,) = fetch(["https://news.example/story"], tmp_path, offline=True)
    assert route.call_count == 1
    assert (first.snapshot.from_cache, second.snapshot.from_cache, third.snapshot.from_cache) == (False, True, True)  # type: ignore[union-attr]
    assert first.snapshot.cache_path == second.snapshot.cache_path  # type: ignore[union-attr]
    assert Path(second.snapshot.cache_path).read_bytes() == PAGE  # type: ignore[union-attr, arg-type]


def test_refresh_fetches_again(mock: respx.MockRouter, tmp_path: Path) -> None:
    route = mock.get("https://news.example/story").mock(
        side_effect=[httpx.Response(200, content=PAGE), httpx.Response(200, content=b"<p>Updated.</p>")]
    )
    fetch(["https://news.example/story"], tmp_path)
    (again,) = fetch(["https://news.example/story"], tmp_path, refresh=True)
    assert route.call_count == 2
    assert again.snapshot is not None and again.snapshot.body == b"<p>Updated.</p>" and not again.snapshot.from_cache


def test_offline_never_touches_the_network(tmp_path: Path) -> None:
    with respx.mock(assert_all_called=False) as router:
        anything = router.route().mock(return_value=httpx.Response(200, content=PAGE))
        (result,) = fetch(["https://news.example/never"], tmp_path, offline=True)
    assert (result.status, result.error, anything.call_count) == (
        SourceStatus.OFFLINE_MISS,
        "not in the cache (offline)",
        0,
    )


def test_failures_are_not_cached(mock: respx.MockRouter, tmp_path: Path) -> None:
    mock.get("https://news.example/gone").mock(return_value=httpx.Response(404))
    fetch(["https://news.example/gone"], tmp_path)
    (offline,) = fetch(["https://news.example/gone"], tmp_path, offline=True)
    assert offline.status is SourceStatus.OFFLINE_MISS
    assert not (tmp_path / "urls").exists() or not any((tmp_path / "urls").iterdir())


def test_the_cache_record_keeps_the_evidence(mock: respx.MockRouter, tmp_path: Path) -> None:
    mock.get("https://news.example/old").mock(return_value=httpx.Response(301, headers={"Location": "/new"}))
    mock.get("https://news.example/new").mock(
        return_value=httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html", "ETag": '"v1"'})
    )
    (result,) = fetch(["https://news.example/old"], tmp_path)
    (record_file,) = (tmp_path / "urls").iterdir()
    record = json.loads(record_file.read_text())
    assert record["url"] == "https://news.example/old"
    assert record["final_url"] == "https://news.example/new"
    assert record["http_status"] == 200 and record["headers"]["etag"] == '"v1"'
    assert record["sha256"] == result.snapshot.sha256  # type: ignore[union-attr]
    assert record["fetched_at"].endswith("Z")
