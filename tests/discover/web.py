"""A small simulated web on 127.0.0.1 for discovery's end-to-end tests, evaluation and benchmark.

One threaded server plays every part, told apart by the Host header: fictional outlets' pages
(any host but 127.0.0.1; a test's resolver sends every name to 127.0.0.1), a SearXNG instance
that really searches those pages (exact phrases, ``site:``, words), GDELT's DOC API, the
Wayback Machine (availability, CDX, raw replay) and Wikidata's API, each in its real response
shape. ``requests`` records every API request, so a test can say that none was sent.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

API_HOST = "127.0.0.1"


@dataclass(frozen=True)
class Page:
    """One page of the simulated web; ``status`` 404 or 410 makes it dead (it stays in the search index)."""

    url: str  # http://host/path, without the port: the server's port is added when served
    title: str
    body: str  # the article's HTML, inside <main>
    published: date | None = None
    status: int = 200
    site_name: str | None = None

    def html(self) -> str:
        site = f'<meta property="og:site_name" content="{html.escape(self.site_name)}">' if self.site_name else ""
        return (f"<!doctype html><html><head><title>{html.escape(self.title)}</title>{site}</head>"
                f"<body><main><h1>{html.escape(self.title)}</h1>{self.body}</main></body></html>")  # fmt: skip


@dataclass(frozen=True)
class Capture:
    original_url: str
    timestamp: str  # 14 digits
    page: Page


@dataclass
class SimulatedWeb:
    pages: list[Page] = field(default_factory=list)  # index order is search rank order
    captures: list[Capture] = field(default_factory=list)
    outlets: dict[str, str] = field(default_factory=dict)  # Wikidata: outlet name -> official website
    availability_misses: set[str] = field(default_factory=set)  # original URLs the availability API wrongly denies
    search_status: int = 200  # 403: SearXNG with JSON output switched off
    gdelt_text_error: str | None = None  # GDELT's HTTP-200 plain-text error, for every query
    latency: float = 0.0  # seconds each API answer waits (the benchmark's realistic web)
    requests: list[str] = field(default_factory=list)  # API requests, "path?query"
    page_requests: list[str] = field(default_factory=list)  # page requests, "host/path"
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://{API_HOST}:{self.port}"

    def served(self, url: str) -> str:
        """``url`` with the server's port, as the fetcher and search results see it."""
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.hostname}:{self.port}{parts.path}"

    def env(self) -> dict[str, str]:
        """The environment that points every service at this web (no Brave key)."""
        return {
            "VERIFY_SEARXNG_URL": self.base,
            "VERIFY_GDELT_URL": self.base,
            "VERIFY_WAYBACK_URL": self.base,
            "VERIFY_WIKIDATA_URL": self.base,
        }

    def api_requests(self, prefix: str = "") -> list[str]:
        return [r for r in self.requests if r.startswith(prefix)]

    # --- answers ----------------------------------------------------------------------------------------

    def answer(self, host: str, target: str) -> tuple[int, str, str]:
        """(status, content type, body) for a request of ``target`` (path and query) to ``host``."""
        parts = urlsplit(target)
        if host != API_HOST:
            self.page_requests.append(f"{host}{parts.path}")
            return self._page(host, parts.path)
        self.requests.append(target)
        if self.latency:
            time.sleep(self.latency)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/search":
            return self._searxng(query)
        if parts.path.startswith("/api/v2/"):
            return self._gdelt(query)
        if parts.path == "/wayback/available":
            return self._available(query)
        if parts.path == "/cdx/search/cdx":
            return self._cdx(query)
        if parts.path.startswith("/web/"):
            return self._replay(target)
        if parts.path == "/w/api.php":
            return self._wikidata(query)
        return 404, "text/plain", "no such API"

    def _page(self, host: str, path: str) -> tuple[int, str, str]:
        for page in self.pages:
            parts = urlsplit(page.url)
            if parts.hostname == host and parts.path == path:
                if page.status != 200:
                    return page.status, "text/html", "<html><body><h1>Not found</h1></body></html>"
                return 200, "text/html; charset=utf-8", page.html()
        return 404, "text/html", "<html><body><h1>Not found</h1></body></html>"

    def _searxng(self, query: Mapping[str, str]) -> tuple[int, str, str]:
        if self.search_status != 200 or query.get("format") != "json":
            return 403, "text/html", "<html><body>403 Forbidden</body></html>"
        results = [
            {"url": self.served(p.url), "title": p.title, "content": _snippet(p, query.get("q", "")),
             "publishedDate": f"{p.published.isoformat()}T08:00:00" if p.published else None,
             "engine": "simulated", "score": 1.0}  # fmt: skip
            for p in self.search(query.get("q", ""))
        ]
        answer = {"query": query.get("q", ""), "number_of_results": len(results), "results": results,
                  "answers": [], "corrections": [], "infoboxes": [], "suggestions": [], "unresponsive_engines": []}  # fmt: skip
        return 200, "application/json", json.dumps(answer)

    def search(self, q: str) -> list[Page]:
        """The pages a query finds, best first: every exact phrase, the site, and every other word."""
        phrases = [_norm(p) for p in re.findall(r'"([^"]*)"', q)]
        rest = re.sub(r'"[^"]*"', " ", q)
        sites = re.findall(r"(?:site|domainis):(\S+)", rest)
        words = _norm(re.sub(r"(?:site|domainis):\S+", " ", rest)).split()
        found = []
        for page in self.pages:
            host = urlsplit(page.url).hostname or ""
            if sites and not any(host == s or host.endswith("." + s) for s in sites):
                continue
            text = _norm(page.title + " " + _text(page.body))
            if all(p in text for p in phrases) and all(re.search(rf"\b{re.escape(w)}\b", text) for w in words):
                found.append(page)
        return found[:10]

    def _gdelt(self, query: Mapping[str, str]) -> tuple[int, str, str]:
        if self.gdelt_text_error:
            return 200, "text/html", self.gdelt_text_error
        articles = [
            {"url": self.served(p.url), "title": p.title, "seendate": p.published.strftime("%Y%m%dT080000Z")
             if p.published else "", "domain": urlsplit(p.url).hostname, "language": "English"}  # fmt: skip
            for p in self.search(query.get("query", ""))
        ]
        return 200, "application/json", json.dumps({"articles": articles} if articles else {})

    def _closest(self, url: str, bound: str) -> Capture | None:
        plain = _without_port(url)
        found = [c for c in self.captures if c.original_url == plain and c.timestamp <= bound]
        return max(found, key=lambda c: c.timestamp) if found else None

    def _available(self, query: Mapping[str, str]) -> tuple[int, str, str]:
        url = query.get("url", "")
        capture = self._closest(url, query.get("timestamp", "99999999999999"))
        if capture is None or _without_port(url) in self.availability_misses:
            return 200, "application/json", json.dumps({"url": url, "archived_snapshots": {}})
        closest = {"status": "200", "available": True, "timestamp": capture.timestamp,
                   "url": f"http://web.archive.org/web/{capture.timestamp}/{url}"}  # fmt: skip
        return 200, "application/json", json.dumps({"url": url, "archived_snapshots": {"closest": closest}})

    def _cdx(self, query: Mapping[str, str]) -> tuple[int, str, str]:
        url = query.get("url", "")
        plain = _without_port(url)
        rows = [["timestamp", "original", "statuscode"]]
        rows += [[c.timestamp, url, "200"] for c in sorted(self.captures, key=lambda c: c.timestamp)
                 if c.original_url == plain and c.timestamp <= query.get("to", "99999999999999")]  # fmt: skip
        return 200, "application/json", json.dumps(rows if len(rows) > 1 else [])

    def _replay(self, target: str) -> tuple[int, str, str]:
        found = re.match(r"/web/(\d{14})id_/(.+)$", unquote(target))
        if not found:
            return 404, "text/plain", "not in the archive"
        capture = self._closest(found.group(2), found.group(1))
        if capture is None:
            return 404, "text/plain", "not in the archive"
        return 200, "text/html; charset=utf-8", capture.page.html()

    def _wikidata(self, query: Mapping[str, str]) -> tuple[int, str, str]:
        names = list(self.outlets)
        if query.get("action") == "wbsearchentities":
            wanted = _norm(query.get("search", ""))
            hits = [{"id": f"Q{900000 + i}", "label": n, "description": "news outlet"}
                    for i, n in enumerate(names) if _norm(n) == wanted]  # fmt: skip
            return 200, "application/json", json.dumps({"searchinfo": {"search": wanted}, "search": hits, "success": 1})
        entities = {}
        for item in query.get("ids", "").split("|"):
            index = int(item[1:]) - 900000 if item[1:].isdigit() else -1
            if 0 <= index < len(names):
                entities[item] = {"id": item, "claims": {
                    "P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q11032"}}}, "rank": "normal"}],
                    "P856": [{"mainsnak": {"datavalue": {"value": self.outlets[names[index]]}}, "rank": "normal"}],
                }}  # fmt: skip
        return 200, "application/json", json.dumps({"entities": entities, "success": 1})


def _without_port(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}{parts.path}"


def _text(body: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.sub(r"[^\w']+", " ", text.casefold()).split())


def _snippet(page: Page, q: str) -> str:
    text = " ".join(_text(page.body).split())
    phrases = re.findall(r'"([^"]*)"', q)
    at = text.casefold().find(phrases[0].casefold()[:20]) if phrases else 0
    start = max(0, at - 60)
    return ("…" if start else "") + text[start : start + 240] + "…"


@contextlib.contextmanager
def serving(web: SimulatedWeb) -> Iterator[SimulatedWeb]:
    """``web`` served on 127.0.0.1 (any free port) until the block ends."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            host = (self.headers.get("Host") or API_HOST).rsplit(":", 1)[0]
            if self.path.startswith("/robots.txt"):
                status, kind, body = 404, "text/plain", "no robots.txt"
            else:
                status, kind, body = web.answer(host, self.path)
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((API_HOST, 0), Handler)
    server.daemon_threads = True
    web.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()


async def loopback_resolver(host: str, port: int) -> list[str]:
    """Every name of the simulated web lives on 127.0.0.1 (so a run needs ``allow_private``)."""
    return [API_HOST]
