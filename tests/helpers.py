"""Helpers the whole test suite shares.

- claims: ``claims_of`` and ``claim_starting`` run the extractor on a short text;
- sources: ``serving``/``LiveServer``, a real HTTP server on 127.0.0.1 whose answers each test
  sets per path; ``send`` to answer; ``stalling``, an answer that never comes until released;
  ``fetch`` over test host names that resolve to a public address; ``fetched_from``, the
  provenance a cache record keeps; ``make_pdf``, a tiny valid
  PDF; ``closed_port``;
- workflow: ``PAGE``, a fictional source page quoting ``QUOTE``, served by ``source_server``.

The fixtures built on these (``live_server``, ``waits``) are in ``tests/conftest.py``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # pragma: no cover
    from playwright.sync_api import Browser

from verify.claims import extract_claims
from verify.document import load_text
from verify.model import Claim, FetchedSource, SourceRef
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions
from verify.sources.provenance import ROBOTS_ALLOWED, Hop, Provenance

# -- claims -----------------------------------------------------------------------------------


def claims_of(text: str) -> tuple[Claim, ...]:
    return extract_claims(load_text(text, format="text"))


def claim_starting(text: str, words: str) -> Claim:
    """The claim whose text begins with ``words`` (fails the test if there is none)."""
    found = [c for c in claims_of(text) if c.text.startswith(words)]
    assert found, f"no claim starts with {words!r}: {[c.text for c in claims_of(text)]}"
    return found[0]


# -- sources ----------------------------------------------------------------------------------

PUBLIC_IP = "93.184.215.14"  # any global address: respx answers, nothing is sent

Handler = Callable[[BaseHTTPRequestHandler], None]


def fetched_from(url: str, address: str = PUBLIC_IP, **how: object) -> Provenance:
    """How a snapshot of ``url`` was fetched: in one request, from ``address``, robots.txt allowing it."""
    settings: dict[str, object] = {"allow_private": False, "robots": ROBOTS_ALLOWED, **how}
    return Provenance(hops=(Hop(url, (address,)),), **settings)  # type: ignore[arg-type]


@dataclass
class LiveServer:
    """A threaded http.server whose answers are set per path by the test."""

    routes: dict[str, Handler] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # the Host header of each request
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def count(self, path: str) -> int:
        return self.hits.count(path)


@contextlib.contextmanager
def serving() -> Iterator[LiveServer]:
    """A LiveServer running on 127.0.0.1 (any free port) until the block ends."""
    server_state = LiveServer()

    class RouteHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            server_state.hits.append(self.path)
            server_state.hosts.append(self.headers.get("Host", ""))
            route = server_state.routes.get(self.path)
            if route is None:
                send(self, 404, b"no such page", "text/plain")
            else:
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    with running(RouteHandler) as port:
        server_state.port = port
        yield server_state


@contextlib.contextmanager
def running(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """``handler`` served by a threaded server on 127.0.0.1 (any free port) until the block ends."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str | None = "text/html; charset=utf-8",
    headers: Sequence[tuple[str, str]] = (),
    content_length: bool = True,
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in headers:
        handler.send_header(name, value)
    if content_length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def stalling(release: threading.Event) -> Handler:
    """A route that sends nothing until ``release`` is set (or 60 s pass), then a short page."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        release.wait(timeout=60)  # the timeout only ends a broken test's server thread
        with contextlib.suppress(OSError):  # the client has usually given up by now
            send(handler, 200, b"<p>late</p>")

    return answer


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def public_resolver(host: str, port: int) -> list[str]:
    return [PUBLIC_IP]


def fetch(urls: Sequence[str], cache_dir: Path, **options: object) -> tuple[FetchedSource, ...]:
    """fetch_sources over URLs, every test host name resolving to a public address."""
    refs = [SourceRef(url=u, path=None) for u in urls]
    return fetch_sources(refs, cache_dir=cache_dir, options=FetchOptions(**options), resolver=public_resolver)  # type: ignore[arg-type]


def make_pdf(lines: Sequence[str]) -> bytes:
    """A minimal valid one-page PDF showing ``lines`` in Helvetica (ASCII text only)."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


# -- workflow ---------------------------------------------------------------------------------

QUOTE = "We will not rest until the pier reopens"
DRAFT = f"“{QUOTE},” said Ana Reyes, who runs the ferry café on the quay.\n"

PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Café owner vows to fight pier closure</title></head>
<body><article>
<h1>Café owner vows to fight pier closure</h1>
<p>Ana Reyes has run the ferry café on the quay for eleven years, and she does not mean to stop now.</p>
<p>“{QUOTE},” Reyes said on Tuesday, standing by the locked gate. “The town needs its ferry.”</p>
<p>The council says repairs to the timber deck would cost more than the harbour earns in a decade.</p>
</article></body></html>
""".encode()


def _serve_page(handler: BaseHTTPRequestHandler) -> None:
    send(handler, 200, PAGE)


@contextlib.contextmanager
def source_server() -> Iterator[str]:
    """Serve ``PAGE`` on a free port of 127.0.0.1; yields its URL."""
    with serving() as server:
        server.routes["/pier-story"] = _serve_page
        yield server.url("/pier-story")


# -- bench ------------------------------------------------------------------------------------

BENCH = Path(__file__).resolve().parent.parent / "bench"


def load_bench_module(name: str) -> ModuleType:
    """A script of ``bench/`` as a module (the folder is no package), registered under its name."""
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# -- browser ----------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; no browser is ever downloaded
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright. Skipped when it is missing, except under CI (the
    ``CI`` environment variable set), where a missing browser is a failure."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright  # here: only the browser tests load it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
