"""A simulated web on 127.0.0.1: fictional pages, and the search, archive and Wikidata APIs over them.

One threaded HTTP server (like ``tests.helpers.serving``) answers:

- **pages**, by the request's Host header and path: a request for ``http://gazette.example:PORT/x``
  resolved to 127.0.0.1 gets the ``Page`` whose URL has host ``gazette.example`` and path ``/x``
  (``ApiEmulator.site_url`` writes such URLs); dead pages answer their status, moved ones
  redirect; ``/robots.txt`` of a host is a 404 (everything allowed) unless a page is given for it;
- **APIs**, under ``ApiEmulator.base_url(api)`` (``http://127.0.0.1:PORT/<api>``), with the
  services' real response shapes: ``searxng`` (``/search``), ``brave`` (``/res/v1/web/search``),
  ``gdelt`` (``/api/v2/doc/doc``, ``/api/v2/context/context``), ``wayback``
  (``/wayback/available``, ``/cdx/search/cdx``, ``/web/<timestamp>id_/<url>``) and
  ``wikidata`` (``/w/api.php``).

The search APIs answer from the pages (``SearchIndex``): a page matches when its visible text
holds every quoted phrase and every other word (case, punctuation and curly quotes aside)
and its host is the ``site:``/``domainis:`` domain or under it. The failure modes are the
services' own and are switched on with data: SearXNG with JSON off (403), a wrong Brave key
(422) and Brave's rate-limit headers and quota (429), GDELT's HTTP-200 text errors for short
phrases, the availability API's empty answer for archived pages, CDX exclusions (403), replay
redirects to another timestamp, and, for anything else (a 429 with Retry-After, a 401, a
500), ``ApiEmulator.script(api, Scripted(...))`` queues answers given before the real ones.
Every API request is recorded (``ApiEmulator.seen``); ``SimulatedWeb.delays`` makes an API slow
(benchmarks); ``FakeClock`` is the clock the backends' limiters take in tests.

Dead pages, soft 404s and paywalled teasers are pages like any other: a ``status`` of 404 or
410, or a 200 whose HTML says "page not found" or holds only a teaser. To fetch the pages with
verify's fetcher, resolve every fictional host to 127.0.0.1 and allow private addresses.

Decisions the real services do not document are marked "emulator:" below.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from tests.helpers import running, send

APIS = ("searxng", "brave", "gdelt", "wayback", "wikidata")
ENGINES = frozenset({"searxng", "brave", "gdelt"})
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
GDELT_WINDOW_DAYS = 90


# -- the data -------------------------------------------------------------------------------


@dataclass
class Page:
    """One page of the simulated web."""

    url: str  # as search results list it, e.g. ApiEmulator.site_url("gazette.example", "/2026/pier")
    html: str
    title: str = ""
    published: date | None = None  # what search APIs report; GDELT lists only pages with a date
    status: int = 200  # 404 or 410: a dead page, still listed by the search engines
    redirect_to: str | None = None  # answered with 301 to this URL
    engines: frozenset[str] = ENGINES  # which search services index it
    content_type: str = "text/html; charset=utf-8"


@dataclass
class Capture:
    """One Wayback Machine capture."""

    original_url: str
    timestamp: str  # 14 digits
    html: str
    status: int = 200  # the archived answer's status
    mimetype: str = "text/html"
    replay_redirect: str | None = None  # replay answers 302 to this other timestamp (a revisit record)


@dataclass
class Entity:
    """One Wikidata item."""

    qid: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    types: tuple[str, ...] = ()  # P31 values
    websites: tuple[str, ...] = ()  # P856 values


@dataclass(frozen=True)
class Scripted:
    """An answer given instead of the emulated one (a 429, a 401, an outage)."""

    status: int
    body: str | bytes = b""
    content_type: str | None = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class SimulatedWeb:
    """Everything the emulator answers from; tests may change it while the server runs."""

    pages: list[Page] = field(default_factory=list)
    captures: list[Capture] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    today: date = field(default_factory=date.today)  # "now" for GDELT's window and SearXNG's time_range
    searxng_formats: frozenset[str] = frozenset({"html", "json"})  # search.formats of the instance
    brave_key: str = "brave-test-key"
    brave_per_second: int = 1
    brave_month_quota: int = 15000
    brave_month_reset: int = 1_419_704  # seconds until the monthly quota renews, as Brave reports it
    gdelt_min_phrase_chars: int = 5  # emulator: GDELT's real threshold is undocumented
    gdelt_min_interval: float | None = None  # real seconds; a faster request gets GDELT's 429
    availability_misses: set[str] = field(default_factory=set)  # URLs the availability API wrongly calls unarchived
    archive_excluded_hosts: set[str] = field(default_factory=set)  # CDX answers 403 AccessControlException
    cdx_per_minute: int | None = None  # real requests a minute before CDX answers 429
    delays: dict[str, float] = field(default_factory=dict)  # real seconds an API takes to answer (benchmarks)

    def page(self, url: str) -> Page | None:
        host, path = _host_path(url)
        for page in self.pages:
            if _host_path(page.url) == (host, path):
                return page
        return None


# -- time ----------------------------------------------------------------------------------


class FakeClock:
    """A monotonic clock that only moves when something sleeps on it (or a test moves it)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


# -- the server -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """One API request as the emulator received it."""

    api: str
    path: str  # below the API's mount point, e.g. "/search"
    params: tuple[tuple[str, str], ...]
    headers: dict[str, str]
    raw_query: str

    def param(self, name: str) -> str | None:
        return next((value for key, value in self.params if key == name), None)


class ApiEmulator:
    def __init__(self, web: SimulatedWeb) -> None:
        self.web = web
        self.port = 0
        self.requests: list[Seen] = []
        self.page_hits: list[str] = []  # "host/path" of every page request
        self._scripts: dict[str, list[Scripted]] = {api: [] for api in APIS}
        self._lock = threading.Lock()
        self._brave_month_used = 0
        self._gdelt_last: float | None = None
        self._cdx_times: list[float] = []

    def base_url(self, api: str) -> str:
        assert api in APIS, api
        return f"http://127.0.0.1:{self.port}/{api}"

    def site_url(self, host: str, path: str = "/") -> str:
        """A page address on a fictional host, reachable here when the host resolves to 127.0.0.1."""
        return f"http://{host}:{self.port}{path}"

    def script(self, api: str, *answers: Scripted) -> None:
        with self._lock:
            self._scripts[api].extend(answers)

    def seen(self, api: str, path: str | None = None) -> list[Seen]:
        return [s for s in self.requests if s.api == api and (path is None or s.path == path)]

    # -- dispatch

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        host = (handler.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        split = urlsplit(handler.path)
        if host not in LOCAL_HOSTS:
            self._serve_page(handler, host, split.path + (f"?{split.query}" if split.query else ""))
            return
        api, _, rest = split.path.lstrip("/").partition("/")
        if api not in APIS:
            send(handler, 404, b"no such API", "text/plain")
            return
        seen = Seen(
            api=api,
            path="/" + rest,
            params=tuple(parse_qsl(split.query, keep_blank_values=True)),
            headers={k.lower(): v for k, v in handler.headers.items()},
            raw_query=split.query,
        )
        with self._lock:
            self.requests.append(seen)
            scripted = self._scripts[api].pop(0) if self._scripts[api] else None
        if self.web.delays.get(api):
            time.sleep(self.web.delays[api])
        if scripted is not None:
            body = scripted.body.encode() if isinstance(scripted.body, str) else scripted.body
            send(handler, scripted.status, body, scripted.content_type, scripted.headers)
            return
        answer = getattr(self, f"_{api}")(seen)
        send(handler, answer.status, _bytes(answer.body), answer.content_type, answer.headers)

    def _serve_page(self, handler: BaseHTTPRequestHandler, host: str, path: str) -> None:
        self.page_hits.append(host + path)
        page = self.web.page(f"http://{host}{path}")
        if page is None:
            send(handler, 404, b"<h1>Not found</h1>")
        elif page.redirect_to:
            send(handler, 301, b"", None, (("Location", page.redirect_to),))
        else:
            send(handler, page.status, page.html.encode(), page.content_type)

    # -- SearXNG

    def _searxng(self, seen: Seen) -> Scripted:
        if seen.path not in ("/search", "/"):
            return Scripted(404, "Not Found")
        wanted = seen.param("format") or "html"
        if wanted not in self.web.searxng_formats:
            # SearXNG aborts with Flask's plain 403 page when a format is not enabled.
            return Scripted(403, _FORBIDDEN, "text/html; charset=utf-8")
        if wanted != "json":
            return Scripted(200, "<html><body>results</body></html>", "text/html; charset=utf-8")
        query = seen.param("q") or ""
        since = _searxng_since(seen.param("time_range"), self.web.today)
        hits = [
            p
            for p in SearchIndex(self.web).search(query, "searxng")
            if since is None or p.published is None or p.published >= since
        ]
        results = []
        for rank, page in enumerate(hits, start=1):
            split = urlsplit(page.url)
            results.append(
                {
                    "url": page.url,
                    "title": page.title,
                    "content": SearchIndex.snippet(page, query),
                    "engine": "brave",
                    "engines": ["brave", "mojeek"],
                    "parsed_url": [split.scheme, split.netloc, split.path, "", split.query, ""],
                    "positions": [rank],
                    "score": round(2.0 / rank, 3),
                    "category": "general",
                    "publishedDate": f"{page.published.isoformat()}T00:00:00" if page.published else None,
                    "template": "default.html",
                }
            )
        body = {
            "query": query,
            "number_of_results": 0,
            "results": results,
            "answers": [],
            "corrections": [],
            "infoboxes": [],
            "suggestions": [],
            "unresponsive_engines": [],
        }
        return _json(body)

    # -- Brave

    def _brave(self, seen: Seen) -> Scripted:
        if seen.path != "/res/v1/web/search":
            return Scripted(404, "Not Found")
        token = seen.headers.get("x-subscription-token")
        if token is None:
            return _brave_error(422, "VALIDATION", "Unable to validate request parameter(s)")
        if token != self.web.brave_key:
            return _brave_error(422, "SUBSCRIPTION_TOKEN_INVALID", "The provided subscription token is invalid.")
        with self._lock:
            left = self.web.brave_month_quota - self._brave_month_used
            if left > 0:
                self._brave_month_used += 1
        if left <= 0:
            return _brave_error(429, "QUOTA_LIMITED", "Request quota limit exceeded for plan.", self._brave_headers(0))
        query = seen.param("q") or ""
        if not query or len(query) > 400:
            return _brave_error(422, "VALIDATION", "Unable to validate request parameter(s)")
        window = _brave_window(seen.param("freshness"), self.web.today)
        if window is False:
            return _brave_error(422, "VALIDATION", "Unable to validate request parameter(s)")
        count = min(int(seen.param("count") or 20), 20)
        pages = [
            p
            for p in SearchIndex(self.web).search(query, "brave")
            if not window or (p.published is not None and window[0] <= p.published <= window[1])
        ][:count]
        body: dict[str, object] = {"type": "search", "query": {"original": query, "more_results_available": False}}
        if pages:  # Brave leaves out a section it has nothing for
            body["web"] = {
                "type": "search",
                "family_friendly": True,
                "results": [
                    {
                        "type": "search_result",
                        "title": page.title,
                        "url": page.url,
                        "description": SearchIndex.snippet(page, query, mark=("<strong>", "</strong>")),
                        "page_age": f"{page.published.isoformat()}T00:00:00" if page.published else None,
                        "age": f"{page.published:%B} {page.published.day}, {page.published.year}"
                        if page.published
                        else None,
                        "language": "en",
                        "family_friendly": True,
                        "meta_url": {"scheme": urlsplit(page.url).scheme, "hostname": _host_path(page.url)[0]},
                    }
                    for page in pages
                ],
            }
        return _json(body, self._brave_headers(left - 1))

    def _brave_headers(self, month_left: int) -> tuple[tuple[str, str], ...]:
        per_second = self.web.brave_per_second
        return (
            ("X-RateLimit-Limit", f"{per_second}, {self.web.brave_month_quota}"),
            ("X-RateLimit-Policy", f"{per_second};w=1, {self.web.brave_month_quota};w=2592000"),
            ("X-RateLimit-Remaining", f"{max(per_second - 1, 0)}, {max(month_left, 0)}"),
            ("X-RateLimit-Reset", f"1, {self.web.brave_month_reset}"),
        )

    # -- GDELT

    def _gdelt(self, seen: Seen) -> Scripted:
        if seen.path not in ("/api/v2/doc/doc", "/api/v2/context/context"):
            return Scripted(404, "Not Found")
        now = time.monotonic()
        with self._lock:
            last, self._gdelt_last = self._gdelt_last, now
        if self.web.gdelt_min_interval is not None and last is not None and now - last < self.web.gdelt_min_interval:
            return Scripted(429, "Please limit requests to one every 5 seconds.", "text/plain; charset=utf-8")
        query = seen.param("query") or ""
        phrases, _, _ = parse_query(query)
        if any(len(phrase) < self.web.gdelt_min_phrase_chars for phrase in phrases):
            return Scripted(200, "The specified phrase is too short.", "text/html; charset=utf-8")
        start = _gdelt_time(seen.param("startdatetime")) or self.web.today - timedelta(days=GDELT_WINDOW_DAYS)
        end = _gdelt_time(seen.param("enddatetime")) or self.web.today
        start = max(start, self.web.today - timedelta(days=GDELT_WINDOW_DAYS))
        limit = int(seen.param("maxrecords") or 75)
        context = seen.path == "/api/v2/context/context"
        rows = []
        for page in SearchIndex(self.web).search(
            query, "gdelt", per_sentence=context, quotes_only=context and seen.param("isquote") == "1"
        ):
            if page.published is None or not start <= page.published <= end:
                continue
            row: dict[str, object] = {
                "url": page.url,
                "url_mobile": "",
                "title": page.title,
                "seendate": page.published.strftime("%Y%m%d") + "T120000Z",
                "socialimage": "",
                "domain": _host_path(page.url)[0],
                "language": "English",
                "sourcecountry": "United Kingdom",
            }
            if context:
                sentence, around = SearchIndex.sentence(page, query, quotes_only=seen.param("isquote") == "1")
                row["sentence"] = sentence
                row["context"] = around
            rows.append(row)
        # No "articles" key at all when nothing matched.
        return _json({"articles": rows[:limit]} if rows else {})

    # -- Wayback Machine

    def _wayback(self, seen: Seen) -> Scripted:
        if seen.path == "/wayback/available":
            return self._available(seen)
        if seen.path == "/cdx/search/cdx":
            return self._cdx(seen)
        if seen.path.startswith("/web/"):
            return self._replay(seen)
        return Scripted(404, "Not Found")

    def captures_of(self, url: str) -> list[Capture]:
        key = _host_path(url)
        return sorted((c for c in self.web.captures if _host_path(c.original_url) == key), key=lambda c: c.timestamp)

    def _available(self, seen: Seen) -> Scripted:
        url = seen.param("url") or ""
        stamp = (seen.param("timestamp") or "").ljust(14, "0")[:14]
        good = [c for c in self.captures_of(url) if c.status == 200]
        if url in self.web.availability_misses or not good:
            return _json({"url": url, "archived_snapshots": {}})
        if seen.param("closest") == "before":
            before = [c for c in good if c.timestamp <= stamp]
            good = before or good
        best = min(good, key=lambda c: abs(_seconds(c.timestamp) - _seconds(stamp)) if stamp.strip("0") else 0)
        closest = {
            "status": "200",
            "available": True,
            "url": f"{self.base_url('wayback')}/web/{best.timestamp}/{best.original_url}",
            "timestamp": best.timestamp,
        }
        return _json({"url": url, "archived_snapshots": {"closest": closest}})

    def _cdx(self, seen: Seen) -> Scripted:
        now = time.monotonic()
        if self.web.cdx_per_minute is not None:
            with self._lock:
                self._cdx_times = [t for t in self._cdx_times if t > now - 60] + [now]
                too_many = len(self._cdx_times) > self.web.cdx_per_minute
            if too_many:
                return Scripted(429, "Too Many Requests", "text/html", (("Retry-After", "60"),))
        url = seen.param("url") or ""
        if _host_path(url)[0] in self.web.archive_excluded_hosts:
            return Scripted(
                403,
                "org.archive.wayback.exception.AdministrativeAccessControlException: Blocked Site Error",
                "text/plain",
            )
        captures = self.captures_of(url)
        low, high = (seen.param("from") or "").ljust(14, "0"), (seen.param("to") or "").ljust(14, "9")
        rows = [c for c in captures if low <= c.timestamp <= high]
        for _, spec in (kv for kv in seen.params if kv[0] == "filter"):
            negate, _, rule = spec.partition("!") if spec.startswith("!") else ("", "", spec)
            name, _, pattern = rule.partition(":")
            rows = [c for c in rows if bool(re.fullmatch(pattern, _cdx_field(c, name))) != bool(negate)]
        limit = int(seen.param("limit") or 0)
        if limit > 0:
            rows = rows[:limit]
        elif limit < 0:
            rows = rows[limit:]
        fields = (seen.param("fl") or "urlkey,timestamp,original,mimetype,statuscode,digest,length").split(",")
        if seen.param("output") != "json":
            return Scripted(200, "".join(" ".join(_cdx_field(c, f) for f in fields) + "\n" for c in rows))
        return _json([fields] + [[_cdx_field(c, f) for f in fields] for c in rows] if rows else [])

    def _replay(self, seen: Seen) -> Scripted:
        match = re.fullmatch(
            r"/web/(\d{1,14})(id_)?/(.+)", seen.path + (f"?{seen.raw_query}" if seen.raw_query else "")
        )
        if not match:
            return Scripted(404, "Not Found")
        stamp, flag, original = match[1].ljust(14, "0"), match[2] or "", match[3]
        captures = self.captures_of(original)
        exact = next((c for c in captures if c.timestamp == stamp), None)
        if exact is not None and exact.replay_redirect is None:
            return Scripted(exact.status, exact.html, f"{exact.mimetype}; charset=utf-8")
        if exact is not None:
            target = exact.replay_redirect
        elif captures:
            target = min(captures, key=lambda c: abs(_seconds(c.timestamp) - _seconds(stamp))).timestamp
        else:
            return Scripted(404, "<p>The Wayback Machine has not archived that URL.</p>", "text/html; charset=utf-8")
        location = f"{self.base_url('wayback')}/web/{target}{flag}/{original}"
        return Scripted(302, b"", None, (("Location", location),))

    # -- Wikidata

    def _wikidata(self, seen: Seen) -> Scripted:
        if seen.path != "/w/api.php":
            return Scripted(404, "Not Found")
        action = seen.param("action")
        if action == "wbsearchentities":
            return self._wbsearchentities(seen)
        if action == "wbgetentities":
            return self._wbgetentities(seen)
        return _json({"error": {"code": "badvalue", "info": 'Unrecognized value for parameter "action".'}})

    def _wbsearchentities(self, seen: Seen) -> Scripted:
        wanted = " ".join((seen.param("search") or "").split()).casefold()
        language = seen.param("language") or "en"
        found = []
        for entity in self.web.entities:
            names = [("label", entity.label)] + [("alias", alias) for alias in entity.aliases]
            match = next(((kind, name) for kind, name in names if name.casefold() == wanted), None)
            match = match or next(((kind, name) for kind, name in names if name.casefold().startswith(wanted)), None)
            if wanted and match:
                exact = match[1].casefold() == wanted
                found.append((0 if exact else 1, entity, match))
        found.sort(key=lambda item: item[0])
        limit = int(seen.param("limit") or 7)
        results = []
        for _, entity, (kind, text) in found[:limit]:
            row: dict[str, object] = {
                "id": entity.qid,
                "title": entity.qid,
                "pageid": int(entity.qid[1:]) + 1000,
                "concepturi": f"http://www.wikidata.org/entity/{entity.qid}",
                "repository": "wikidata",
                "url": f"//www.wikidata.org/wiki/{entity.qid}",
                "display": {
                    "label": {"value": entity.label, "language": language},
                    "description": {"value": entity.description, "language": language},
                },
                "label": entity.label,
                "description": entity.description,
                "match": {"type": kind, "language": language, "text": text},
            }
            if kind == "alias":
                row["aliases"] = [text]
            results.append(row)
        return _json({"searchinfo": {"search": seen.param("search") or ""}, "search": results, "success": 1})

    def _wbgetentities(self, seen: Seen) -> Scripted:
        entities: dict[str, object] = {}
        by_id = {e.qid: e for e in self.web.entities}
        for qid in (seen.param("ids") or "").split("|"):
            entity = by_id.get(qid)
            if entity is None:
                entities[qid] = {"id": qid, "missing": ""}
                continue
            claims = {
                "P31": [_statement(qid, "P31", "wikibase-item", _item_value(t), n) for n, t in enumerate(entity.types)],
                "P856": [
                    _statement(qid, "P856", "url", {"value": w, "type": "string"}, n)
                    for n, w in enumerate(entity.websites)
                ],
            }
            entities[qid] = {
                "pageid": int(qid[1:]) + 1000,
                "ns": 0,
                "title": qid,
                "type": "item",
                "id": qid,
                "claims": claims,
            }
        return _json({"entities": entities, "success": 1})


@contextlib.contextmanager
def emulating(web: SimulatedWeb | None = None) -> Iterator[ApiEmulator]:
    """An ``ApiEmulator`` serving ``web`` on a free port of 127.0.0.1 until the block ends."""
    emulator = ApiEmulator(web or SimulatedWeb())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            emulator.handle(self)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    with running(Handler) as port:
        emulator.port = port
        yield emulator


# -- the search index -----------------------------------------------------------------------


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title", "head"):
            self._skip += 1
        elif tag in ("p", "div", "br", "h1", "h2", "h3", "li", "article", "section"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title", "head") and self._skip:
            self._skip -= 1
        elif tag in ("p", "div", "h1", "h2", "h3", "li"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(" ".join(line.split()) for line in "".join(parser.parts).split("\n") if line.strip())


def words(text: str) -> list[str]:
    """Lower-case word tokens; apostrophes of any kind kept inside words, other punctuation dropped."""
    return re.findall(r"\w+(?:'\w+)*", text.replace("\u2019", "'").replace("\u2018", "'").casefold())


def parse_query(query: str) -> tuple[list[str], list[str], str | None]:
    """``"a phrase" word site:example.org`` → (phrases as normalised text, words, domain)."""
    phrases, free, site = [], [], None
    for quoted_text, token in re.findall(r'"([^"]*)"|(\S+)', query):
        if quoted_text:
            phrases.append(" ".join(words(quoted_text)))
        elif token.lower().startswith(("site:", "domainis:", "domain:")):
            site = token.split(":", 1)[1].lower()
        elif token.upper() not in ("AND", "OR"):
            free.extend(words(token))
    return [p for p in phrases if p], free, site


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|(?<=[.!?][\u201d\"])\s+|\n", text) if s.strip()]


QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")


class SearchIndex:
    """The pages that answer a query, in the order the simulated web lists them."""

    def __init__(self, web: SimulatedWeb) -> None:
        self.web = web

    def search(self, query: str, engine: str, *, per_sentence: bool = False, quotes_only: bool = False) -> list[Page]:
        phrases, free, site = parse_query(query)
        if not phrases and not free:
            return []
        found = []
        for page in self.web.pages:
            host = _host_path(page.url)[0]
            if engine not in page.engines or (site and host != site and not host.endswith("." + site)):
                continue
            units = sentences(visible_text(page.html)) if per_sentence else [visible_text(page.html)]
            for unit in units:
                if quotes_only and not any(mark in unit for mark in QUOTE_MARKS):
                    continue
                if _holds(unit, phrases, free):
                    found.append(page)
                    break
        return found

    @staticmethod
    def sentence(page: Page, query: str, quotes_only: bool = False) -> tuple[str, str]:
        """The first sentence of ``page`` matching ``query``, and it with its neighbours."""
        phrases, free, _ = parse_query(query)
        units = sentences(visible_text(page.html))
        for i, unit in enumerate(units):
            if quotes_only and not any(mark in unit for mark in QUOTE_MARKS):
                continue
            if _holds(unit, phrases, free):
                return unit, " ".join(units[max(0, i - 1) : i + 2])
        return "", ""

    @staticmethod
    def snippet(page: Page, query: str, mark: tuple[str, str] | None = None) -> str:
        """The sentence holding the first phrase (or word) of ``query``; the match wrapped in ``mark``."""
        phrases, free, _ = parse_query(query)
        target = (phrases or free or [""])[0]
        for unit in sentences(visible_text(page.html)):
            if target and f" {target} " in f" {' '.join(words(unit))} ":
                return f"{mark[0]}{unit}{mark[1]}" if mark else unit
        return visible_text(page.html)[:160]


def _holds(text: str, phrases: Sequence[str], free: Sequence[str]) -> bool:
    joined = f" {' '.join(words(text))} "
    present = set(joined.split())
    return all(f" {p} " in joined for p in phrases) and all(w in present for w in free)


# -- small pieces ---------------------------------------------------------------------------


_FORBIDDEN = (
    "<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n"
    "<p>You don&#39;t have the permission to access the requested resource. "
    "It is either read-protected or not readable by the server.</p>\n"
)
_request_ids = itertools.count(1)


def _host_path(url: str) -> tuple[str, str]:
    split = urlsplit(url if "//" in url else "http://" + url)
    path = (split.path or "/") + (f"?{split.query}" if split.query else "")
    return (split.hostname or "").lower(), path


def _bytes(body: str | bytes) -> bytes:
    return body.encode() if isinstance(body, str) else body


def _json(data: object, headers: tuple[tuple[str, str], ...] = ()) -> Scripted:
    return Scripted(200, json.dumps(data), "application/json", headers)


def _brave_error(status: int, code: str, detail: str, headers: tuple[tuple[str, str], ...] = ()) -> Scripted:
    body = {
        "type": "ErrorResponse",
        "error": {
            "id": f"00000000-0000-4000-8000-{next(_request_ids):012d}",
            "status": status,
            "code": code,
            "detail": detail,
            "meta": {"component": "rate_limiter" if status == 429 else "authentication"},
        },
        "time": int(time.time()),
    }
    return Scripted(status, json.dumps(body), "application/json", headers)


def _brave_window(value: str | None, today: date) -> tuple[date, date] | None | bool:
    """The date range of a ``freshness`` value; None for none, False for a value Brave rejects."""
    if not value:
        return None
    relative = {"pd": 1, "pw": 7, "pm": 31, "py": 365}
    if value in relative:
        return today - timedelta(days=relative[value]), today
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})to(\d{4}-\d{2}-\d{2})", value)
    if not match:
        return False
    return date.fromisoformat(match[1]), date.fromisoformat(match[2])


def _searxng_since(time_range: str | None, today: date) -> date | None:
    days = {"day": 1, "week": 7, "month": 31, "year": 366}.get(time_range or "")
    return today - timedelta(days=days) if days else None


def _gdelt_time(value: str | None) -> date | None:
    if not value or len(value) < 8:
        return None
    return datetime.strptime(value[:8], "%Y%m%d").date()


def _seconds(stamp: str) -> float:
    return datetime.strptime(stamp.ljust(14, "0")[:14], "%Y%m%d%H%M%S").timestamp()


def _cdx_field(capture: Capture, name: str) -> str:
    host, path = _host_path(capture.original_url)
    values = {
        "urlkey": ",".join(reversed(host.split("."))) + ")" + path.lower(),
        "timestamp": capture.timestamp,
        "original": capture.original_url,
        "mimetype": capture.mimetype,
        "statuscode": str(capture.status),
        "digest": base64.b32encode(hashlib.sha1(capture.html.encode()).digest()).decode(),
        "length": str(len(capture.html)),
    }
    return values.get(name, "-")


def _item_value(qid: str) -> dict[str, object]:
    return {"value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}, "type": "wikibase-entityid"}


def _statement(subject: str, prop: str, datatype: str, datavalue: dict[str, object], n: int) -> dict[str, object]:
    return {
        "mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue, "datatype": datatype},
        "type": "statement",
        "id": f"{subject}${prop}-{n:04d}",
        "rank": "normal",
    }
