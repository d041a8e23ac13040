"""What only a real server shows: a threaded http.server on 127.0.0.1 started per test.

These tests set ``allow_private=True`` (the server is on loopback), except the one that
shows loopback is refused without it, and that the server then saw nothing.
"""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.helpers import LiveServer, closed_port, make_pdf, send, serving
from verify.model import SourceRef, SourceStatus
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions
from verify.sources.text import readable_text

pytestmark = pytest.mark.network

ARTICLE = (
    "<html><body><article><p>The harbour master said the new pier would open in spring.</p></article></body></html>"
)


def run(server: LiveServer, paths: list[str], tmp_path: Path, **options: object):  # type: ignore[no-untyped-def]
    settings = {"allow_private": True, "connect_timeout": 2.0, "read_timeout": 2.0, "deadline": 10.0, **options}
    refs = [SourceRef(url=server.url(p), path=None) for p in paths]
    return fetch_sources(refs, cache_dir=tmp_path / "cache", options=FetchOptions(**settings))  # type: ignore[arg-type]


def page(body: str | bytes = ARTICLE, content_type: str = "text/html; charset=utf-8"):  # type: ignore[no-untyped-def]
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda handler: send(handler, 200, data, content_type)


def test_loopback_is_blocked_without_allow_private_and_nothing_is_sent(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.routes["/a"] = page()
    (result,) = run(live_server, ["/a"], tmp_path, allow_private=False)
    assert result.status is SourceStatus.BLOCKED and "loopback" in (result.error or "")
    assert live_server.hits == []


def test_a_page_is_fetched_and_its_text_read(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.routes["/a"] = page()
    (result,) = run(live_server, ["/a"], tmp_path)
    assert result.status is SourceStatus.OK and result.snapshot is not None
    assert "new pier would open in spring" in readable_text("S1", result.snapshot).text
    assert live_server.count("/robots.txt") == 1 and live_server.count("/a") == 1


def test_retries_honour_retry_after_on_a_real_server(
    live_server: LiveServer, waits: list[float], tmp_path: Path
) -> None:
    answers = iter([503, 429, 200])

    def flaky(handler: BaseHTTPRequestHandler) -> None:
        code = next(answers)
        retry_after = [("Retry-After", "3")] if code == 503 else [("Retry-After", "1")]
        send(handler, code, ARTICLE.encode() if code == 200 else b"busy", headers=retry_after)

    live_server.routes["/busy"] = flaky
    (result,) = run(live_server, ["/busy"], tmp_path)
    assert result.status is SourceStatus.OK
    assert live_server.count("/busy") == 3
    assert waits == [3.0, 1.0]


def test_a_slow_answer_times_out(live_server: LiveServer, tmp_path: Path) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.0)
        send(handler, 200, ARTICLE.encode())

    live_server.routes["/slow"] = slow
    (result,) = run(live_server, ["/slow"], tmp_path, read_timeout=0.2, max_retries=0)
    assert result.status is SourceStatus.TIMEOUT and "timed out reading" in (result.error or "")


def test_the_deadline_bounds_the_whole_attempt(live_server: LiveServer, tmp_path: Path) -> None:
    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()
        for _ in range(20):  # a byte every 0.1 s: never a read timeout, never done in time
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.1)

    live_server.routes["/trickle"] = trickle
    (result,) = run(live_server, ["/trickle"], tmp_path, read_timeout=1.0, deadline=0.5, ignore_robots=True)
    assert result.status is SourceStatus.TIMEOUT and "0.5 s" in (result.error or "")


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_body_over_the_cap_is_blocked(live_server: LiveServer, tmp_path: Path, declare_length: bool) -> None:
    big = b"<p>" + b"word " * 20_000 + b"</p>"
    live_server.routes["/big"] = lambda h: send(h, 200, big, "text/html", content_length=declare_length)
    (result,) = run(live_server, ["/big"], tmp_path, max_bytes=10_000)
    assert result.status is SourceStatus.BLOCKED and "10000-byte limit" in (result.error or "")


def test_a_gzip_bomb_is_blocked_without_being_unpacked(live_server: LiveServer, tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)
    live_server.routes["/bomb"] = lambda h: send(h, 200, bomb, "text/html", [("Content-Encoding", "gzip")])
    tracemalloc.start()
    try:
        (result,) = run(live_server, ["/bomb"], tmp_path, max_decoded_bytes=1_000_000, ignore_robots=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(bomb) < 100_000
    assert result.status is SourceStatus.BLOCKED and "decompressed body" in (result.error or "")
    assert peak < 8_000_000  # decompression stopped near the 1 MB cap; 20 MB were never made


@pytest.mark.parametrize(
    ("encoding", "body", "status"),
    [
        ("gzip", gzip.compress(ARTICLE.encode()), SourceStatus.OK),
        ("deflate", zlib.compress(ARTICLE.encode()), SourceStatus.OK),
        ("gzip", b"this is not gzip", SourceStatus.UNREADABLE),
    ],
)
def test_compressed_answers(
    live_server: LiveServer, tmp_path: Path, encoding: str, body: bytes, status: SourceStatus
) -> None:
    live_server.routes["/z"] = lambda h: send(h, 200, body, "text/html", [("Content-Encoding", encoding)])
    (result,) = run(live_server, ["/z"], tmp_path)
    assert result.status is status
    if status is SourceStatus.OK:
        assert result.snapshot is not None and result.snapshot.body == ARTICLE.encode()


@pytest.mark.parametrize(
    ("redirects", "status", "error"),
    [
        ({"/a": "/b", "/b": "/a"}, SourceStatus.HTTP_ERROR, "redirect loop: /a → /b → /a"),
        ({"/a": "/a"}, SourceStatus.HTTP_ERROR, "redirect loop: /a → /a"),
        ({"/a": "/b", "/b": "/c?x=1", "/c?x=1": "/b"}, SourceStatus.HTTP_ERROR, "redirect loop: /b → /c?x=1 → /b"),
        # a long chain without a loop passes a limit verify sets: refused on purpose, as before
        ({f"/r{i}": f"/r{i + 1}" for i in range(7)} | {"/a": "/r0"}, SourceStatus.BLOCKED, "more than 5 redirects"),
    ],
    ids=["two pages", "to itself", "after a first hop", "too many"],
)
def test_a_redirect_loop_is_the_servers_error_and_names_the_loop(
    live_server: LiveServer, tmp_path: Path, redirects: dict[str, str], status: SourceStatus, error: str
) -> None:
    for path, target in redirects.items():
        live_server.routes[path] = lambda h, target=target: send(h, 302, headers=[("Location", target)])
    (result,) = run(live_server, ["/a"], tmp_path)
    assert (result.status, result.snapshot) == (status, None)
    assert error in (result.error or "")
    assert all(live_server.count(path) <= 1 for path in redirects)  # no page asked for twice


def test_robots_txt_on_a_real_server(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.routes["/robots.txt"] = page("User-agent: *\nDisallow: /members/\n", "text/plain")
    live_server.routes["/open"] = page()
    live_server.routes["/members/list"] = page()
    results = run(live_server, ["/open", "/members/list", "/open#again"], tmp_path)
    assert [r.status for r in results] == [SourceStatus.OK, SourceStatus.BLOCKED, SourceStatus.OK]
    assert results[1].error == f"disallowed by robots.txt (http://127.0.0.1:{live_server.port}/robots.txt)"
    assert live_server.count("/robots.txt") == 1
    assert live_server.count("/members/list") == 0
    assert live_server.count("/open") == 1


def test_a_robots_txt_in_a_redirect_loop_counts_as_unavailable(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.routes["/robots.txt"] = lambda h: send(h, 301, headers=[("Location", "/robots-old.txt")])
    live_server.routes["/robots-old.txt"] = lambda h: send(h, 301, headers=[("Location", "/robots.txt")])
    live_server.routes["/a"] = page()
    (result,) = run(live_server, ["/a"], tmp_path)
    assert (result.status, live_server.count("/a")) == (SourceStatus.OK, 1)  # RFC 9309: unavailable, all allowed


KIB = 1024
FILLER_LINE = b"# " + b"n" * 97 + b"\n"  # a comment line of 100 bytes


def robots_file(before: bytes, filler_bytes: int, after: bytes = b"") -> bytes:
    """A robots.txt: ``before``, comment lines up to ``filler_bytes`` more, then ``after``."""
    filler = FILLER_LINE * (filler_bytes // len(FILLER_LINE))
    rest = filler_bytes - len(filler)
    return before + filler + (b"#" * (rest - 1) + b"\n" if rest else b"") + after


# The size cap for pages is 200 KB in these rows, so every robots.txt here is over it.
@pytest.mark.parametrize(
    ("robots", "encoding", "page", "status"),
    [
        (robots_file(b"User-agent: *\nDisallow: /\n", 700 * KIB), None, "/story", SourceStatus.BLOCKED),
        (robots_file(b"User-agent: *\n", 400 * KIB, b"Disallow: /story\n"), None, "/story", SourceStatus.BLOCKED),
        (robots_file(b"User-agent: *\n", 700 * KIB, b"Disallow: /\n"), None, "/story", SourceStatus.OK),
        # the cut at 500 KiB falls inside "/storyboard": the half rule would disallow /story
        (robots_file(b"User-agent: *\n", 500 * KIB - 30, b"Disallow: /storyboard\n"), None, "/story", SourceStatus.OK),
        (
            gzip.compress(robots_file(b"User-agent: *\nDisallow: /\n", 3_000 * KIB)),
            "gzip",
            "/story",
            SourceStatus.BLOCKED,
        ),
    ],
    ids=["disallow first", "disallow within 500 KiB", "disallow past 500 KiB", "rule cut in half", "gzip bomb"],
)
def test_a_robots_txt_over_the_size_caps_is_obeyed_for_its_first_500_kib(
    live_server: LiveServer, tmp_path: Path, robots: bytes, encoding: str | None, page: str, status: SourceStatus
) -> None:
    headers = [("Content-Encoding", encoding)] if encoding else []
    live_server.routes["/robots.txt"] = lambda h: send(h, 200, robots, "text/plain", headers)
    live_server.routes[page] = lambda h: send(h, 200, ARTICLE.encode())
    (result,) = run(live_server, [page], tmp_path, max_bytes=200_000, max_decoded_bytes=1_000_000)
    assert result.status is status
    assert live_server.count(page) == (status is SourceStatus.OK)
    if status is SourceStatus.BLOCKED:
        assert result.error == f"disallowed by robots.txt (http://127.0.0.1:{live_server.port}/robots.txt)"


def test_a_refused_connection_is_reported(waits: list[float], tmp_path: Path) -> None:
    port = closed_port()
    refs = [SourceRef(url=f"http://127.0.0.1:{port}/story", path=None)]
    (result,) = fetch_sources(
        refs, cache_dir=tmp_path, options=FetchOptions(allow_private=True, max_retries=2, ignore_robots=True)
    )
    assert result.status is SourceStatus.HTTP_ERROR and "could not connect" in (result.error or "")
    assert len(waits) == 2  # connection failures are retried


def test_a_wrong_charset_header_still_reads_right(live_server: LiveServer, tmp_path: Path) -> None:
    # The header says UTF-8 but the bytes are Windows-1252: strict UTF-8 fails, detection wins.
    text = (
        "<html><body><p>Café owners in Zürich said “prices will rise” next year, "
        "according to the café guild.</p></body></html>"
    )
    live_server.routes["/cp"] = page(text.encode("cp1252"), "text/html; charset=utf-8")
    (result,) = run(live_server, ["/cp"], tmp_path)
    assert result.snapshot is not None
    assert "Café owners in Zürich said “prices will rise”" in readable_text("S1", result.snapshot).text


def test_a_pdf_source_gives_its_text(live_server: LiveServer, tmp_path: Path) -> None:
    pdf = make_pdf(["The committee found no evidence of", "wrongdoing by the treasurer."])
    live_server.routes["/report.pdf"] = page(pdf, "application/pdf")
    (result,) = run(live_server, ["/report.pdf"], tmp_path)
    assert result.status is SourceStatus.OK and result.snapshot is not None
    assert result.snapshot.content_type == "application/pdf"
    text = readable_text("S1", result.snapshot).text
    assert "The committee found no evidence of wrongdoing by the treasurer." in text


def test_many_sources_at_once_each_fetched_once(live_server: LiveServer, tmp_path: Path) -> None:
    for i in range(12):
        live_server.routes[f"/p{i}"] = page(ARTICLE.replace("spring", f"spring {i}"))
    paths = [f"/p{i}" for i in range(12)] * 2
    results = run(live_server, paths, tmp_path, concurrency=4, per_host=4)
    assert all(r.status is SourceStatus.OK for r in results)
    assert sorted(live_server.hits) == sorted(["/robots.txt", *[f"/p{i}" for i in range(12)]])
    assert [r.ref.url for r in results] == [live_server.url(p) for p in paths]


def test_the_connection_goes_to_the_checked_address_with_the_name_kept(live_server: LiveServer, tmp_path: Path) -> None:
    # "pinned.test" exists only in this resolver: the system is never asked, so the request
    # can only arrive if the client connected to the address the policy checked.
    lookups: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    live_server.routes["/a"] = page()
    refs = [SourceRef(url=f"http://pinned.test:{live_server.port}/a", path=None)]
    (result,) = fetch_sources(refs, cache_dir=tmp_path, options=FetchOptions(allow_private=True), resolver=resolver)
    assert result.status is SourceStatus.OK
    assert lookups == ["pinned.test"]  # resolved once for robots.txt and the page
    assert set(live_server.hosts) == {f"pinned.test:{live_server.port}"}


@pytest.mark.parametrize("use_proxy_env", [False, True])
def test_proxy_variables_are_ignored_unless_asked_for(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_proxy_env: bool
) -> None:
    live_server.routes["/a"] = page()
    with serving() as proxy:
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
        run(live_server, ["/a"], tmp_path, use_proxy_env=use_proxy_env, ignore_robots=True)
    assert (len(proxy.hits) > 0, len(live_server.hits) > 0) == (use_proxy_env, not use_proxy_env)


def test_fetch_sources_works_when_called_inside_an_event_loop(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.routes["/a"] = page()

    async def handler() -> SourceStatus:  # as a server handler would call it
        (result,) = run(live_server, ["/a"], tmp_path)
        return result.status

    assert asyncio.run(handler()) is SourceStatus.OK


@pytest.mark.parametrize("host", ["pinned.test", "bücher.test", "UPPER.test"])
def test_names_are_pinned_in_the_form_the_connection_uses(live_server: LiveServer, tmp_path: Path, host: str) -> None:
    async def resolver(name: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    live_server.routes["/a"] = page()
    refs = [SourceRef(url=f"http://{host}:{live_server.port}/a", path=None)]
    (result,) = fetch_sources(refs, cache_dir=tmp_path, options=FetchOptions(allow_private=True), resolver=resolver)
    assert result.status is SourceStatus.OK, result.error
