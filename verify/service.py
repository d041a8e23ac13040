"""``verify serve``: the checker over HTTP, for a newsroom's CMS or a colleague's browser.

Routes:

- ``POST /v1/check``: JSON ``{"text": "…", "sources": ["https://…"], "format": "json"}``
  answers 200 with the report in the format asked for (json, html, markdown or text). With
  ``"discover": true`` the sources the draft names are searched for (docs/discovery.md).
- ``GET /``: a paste-in form; ``POST /check`` (a form post) answers the HTML report.
- ``GET /healthz``: ``{"status": "ok", "version": "…"}``.

Errors are ``{"error": "one line"}``: 400 for bad JSON or fields, 403 for a post from another
site, 408 for a body that does not arrive in time, 413 for a body over the size limit (by
Content-Length up front, and while reading), 415 for a body of the wrong media type, 504
when a check runs over the time limit, 500 for anything unexpected (logged, never shown).

A request comes from someone else, so it gets less than the command line: sources must
be http(s) URLs (a path would read the server's disk), the draft is only ever text
(never a file name), and private addresses are refused unless the server was started
with ``allow_private``. A post must come from the service's own page or from a program
(no ``Origin`` of another site, no cross-site ``Sec-Fetch-Site``), since any web page a
user visits can post to a service on their loopback. The check itself is blocking and runs
in a worker thread; at most ``max_checks`` run at once, and each one stops itself at its
time limit (``Options.time_limit``), so a request answered 504 frees its slot within a step.

``serve`` runs the app with hypercorn, whose keep-alive timer runs from the moment a
connection is idle until a request's headers are complete and is not restarted by the bytes
that trickle in: it is the header deadline. The body deadline is the app's (``read_body``).
"""

from __future__ import annotations

import email.message
import email.parser
import email.policy
import html
import json
import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from verify.baseline import compare_with_baseline
from verify.deadline import Deadline
from verify.decisions import EditorDecision, decisions_from_tables
from verify.errors import CheckTimeout, DecisionsFileError, VerifyError
from verify.model import Report, SourceRef
from verify.options import Options, Timeout, default_cache_dir
from verify.sources.resolve import is_url
from verify.version import __version__

log = logging.getLogger("verify.service")

FORMATS = ("json", "html", "markdown", "text")
MEDIA_TYPES = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
MAX_SOURCES = 50  # per request: each one is a fetch the server makes on the caller's behalf
MAX_URL_LENGTH = 2048
MAX_FORM_FIELDS = 10
REQUEST_FIELDS = frozenset({"text", "sources", "format", "decisions", "baseline", "discover"})
SOURCE_FIELDS = frozenset({"url", "outlet", "aliases"})
# Host names the Host header is checked against when the service listens on loopback.
# (IPv6 "::1" is left out: Starlette's host check cannot parse "[::1]:port".)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
JSON_TYPES = frozenset({"application/json"})
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
# Sec-Fetch-Site values of a request a person made on the service's own page, or typed in.
OWN_FETCH_SITES = frozenset({"same-origin", "none"})


class RequestError(Exception):
    """A request the service refuses; ``status`` is the HTTP status, ``str()`` one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class CheckRequest:
    """A validated request: the draft's text, its sources, the format wanted, and optionally the
    editor's rulings and an earlier report (only ever used to say what changed)."""

    text: str
    sources: tuple[SourceRef, ...] = ()
    format: str = "json"
    decisions: tuple[EditorDecision, ...] = ()
    baseline: Report | None = None
    discover: bool = False  # search for the sources the draft names (its words go to search services)


@dataclass(frozen=True)
class ServiceSettings:
    allow_private: bool = False
    cache_dir: Path | None = None  # None: service_cache_dir(), the service's own
    max_body_bytes: int = 2_000_000
    time_limit: float = 120.0  # seconds per request, waiting for a worker included
    offline: bool = False
    max_checks: int = 2  # checks running at once (this is a 2-core machine's worth)
    body_timeout: float = 30.0  # seconds for a request's body to arrive, once its headers have


def service_cache_dir() -> Path:
    """The service's own snapshot cache, beside the command's: pages a user fetched with
    ``--allow-private`` or ``--ignore-robots`` never become answers to a service client."""
    return default_cache_dir() / "service"


# ---------------------------------------------------------------------------
# Refusing requests before reading them (pure)
# ---------------------------------------------------------------------------


def cross_site_refusal(headers: Mapping[str, str]) -> str | None:
    """Why a post must be refused as sent by another site's page, or None.

    A browser names the page's origin in ``Origin`` and its relation to the service in
    ``Sec-Fetch-Site``; a program such as curl sends neither and is let through.
    """
    site = headers.get("sec-fetch-site")
    if site is not None and site.strip().lower() not in OWN_FETCH_SITES:
        return "a page of another site may not post to this service (Sec-Fetch-Site)"
    origin = headers.get("origin")
    if origin is not None and origin.strip().lower() not in own_origins(headers.get("host", "")):
        return "a page of another site may not post to this service (Origin)"
    return None


def own_origins(host: str) -> frozenset[str]:
    """The origins of the service's own pages for a ``Host`` header, over http or https.

    Either scheme, since behind a TLS proxy the page is https and the service plain http.
    """
    host = host.strip().lower()
    if not host:
        return frozenset()
    return frozenset({"http://" + host.removesuffix(":80"), "https://" + host.removesuffix(":443")})


def media_type(headers: Mapping[str, str]) -> str:
    """The body's media type without parameters, lower-cased ('' when there is none)."""
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def require_media_type(headers: Mapping[str, str], accepted: frozenset[str]) -> str:
    found = media_type(headers)
    if found not in accepted:
        shown = " or ".join(sorted(accepted))
        raise RequestError(415, f"the body must be sent as {shown}, not {found or 'an unnamed type'}")
    return found


# ---------------------------------------------------------------------------
# Validating requests (pure)
# ---------------------------------------------------------------------------


def parse_json_body(body: bytes) -> object:
    """The body as JSON data; a ``RequestError(400)`` for anything that is not."""
    try:
        return json.loads(body)
    except RecursionError:  # "[[[[…" nested past the interpreter's limit
        raise RequestError(400, "body is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # also UnicodeDecodeError, and integers too long to convert
        raise RequestError(400, f"body is not valid JSON ({' '.join(str(exc).split())[:200]})") from None


def parse_check_request(data: object) -> CheckRequest:
    """The fields of a ``POST /v1/check`` body, checked; a ``RequestError(400)`` says what is wrong."""
    if not isinstance(data, dict):
        raise RequestError(400, 'body must be a JSON object like {"text": "...", "sources": ["https://..."]}')
    unknown = sorted(set(data) - REQUEST_FIELDS)
    if unknown:
        raise RequestError(400, f"unknown field {unknown[0][:40]!r} (expected {', '.join(sorted(REQUEST_FIELDS))})")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RequestError(400, "'text' must be the draft, a non-empty string")
    _require_encodable(text, "'text'")
    sources = data.get("sources", [])
    if sources is None:
        sources = []
    if not isinstance(sources, list):
        raise RequestError(400, "'sources' must be a list of URLs or {\"url\", \"outlet\", \"aliases\"} objects")
    fmt = data.get("format", "json")
    if fmt is None:
        fmt = "json"
    if not isinstance(fmt, str) or fmt not in FORMATS:
        raise RequestError(400, f"'format' must be one of {', '.join(FORMATS)}")
    discover = data.get("discover")
    if discover is None:
        discover = False
    if not isinstance(discover, bool):
        raise RequestError(400, "'discover' must be true or false")
    return CheckRequest(
        text=text,
        sources=_checked_sources(sources),
        format=fmt,
        decisions=_checked_decisions(data.get("decisions")),
        baseline=_checked_baseline(data.get("baseline")),
        discover=discover,
    )


def _checked_decisions(value: object) -> tuple[EditorDecision, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RequestError(400, "'decisions' must be a list of {\"claim\", \"verdict\", \"by\", …} objects")
    try:
        return decisions_from_tables(value, "decisions")
    except DecisionsFileError as exc:
        raise RequestError(400, str(exc)) from None


def _checked_baseline(value: object) -> Report | None:
    """A client's earlier report: used only to say what changed, never to reuse a verdict."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RequestError(400, "'baseline' must be a verify JSON report (an object)")
    try:
        return Report.from_dict(value)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise RequestError(400, f"'baseline' is not a verify JSON report ({detail})") from None


def _require_encodable(value: str, name: str) -> None:
    """JSON may spell a lone surrogate ("\\ud800"), which is no character and cannot be written out."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestError(400, f"{name} holds a lone surrogate at offset {exc.start}, which is not text") from None


def _checked_sources(sources: Sequence[object]) -> tuple[SourceRef, ...]:
    """URL strings or ``{"url", "outlet", "aliases"}`` objects, each URL once, in order."""
    refs: dict[str, SourceRef] = {}
    for number, item in enumerate(sources, start=1):
        outlet, aliases = None, ()
        if isinstance(item, dict):
            unknown = sorted(set(item) - SOURCE_FIELDS)
            if unknown:
                expected = "expected url, outlet, aliases"
                raise RequestError(400, f"source {number}: unknown field {unknown[0][:40]!r} ({expected})")
            url, outlet, aliases = item.get("url"), item.get("outlet"), item.get("aliases", [])
            if outlet is not None and (not isinstance(outlet, str) or not outlet.strip()):
                raise RequestError(400, f"source {number}: 'outlet' must be a non-empty string")
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise RequestError(400, f"source {number}: 'aliases' must be a list of names")
            for name in (outlet or "", *aliases):
                _require_encodable(name, f"source {number}")
        else:
            url = item
        if not isinstance(url, str):
            raise RequestError(400, f"source {number} must be a URL or a {{\"url\", \"outlet\", \"aliases\"}} object")
        url = url.strip()
        if not url:
            continue
        _require_encodable(url, f"source {number}")
        if len(url) > MAX_URL_LENGTH or not is_url(url) or any(c.isspace() for c in url):
            shown = url if len(url) <= 80 else url[:79] + "…"
            raise RequestError(400, f"source {number} ({shown!r}) must be an http(s) URL; the service reads no files")
        refs.setdefault(url, SourceRef(url=url, path=None, outlet=outlet, aliases=tuple(aliases), origin="argument"))
    if len(refs) > MAX_SOURCES:
        raise RequestError(400, f"too many sources ({len(refs)}; at most {MAX_SOURCES})")
    return tuple(refs.values())


def form_fields(body: bytes, content_type: str = "application/x-www-form-urlencoded") -> tuple[str, str]:
    """The paste-in form's ``text`` and ``sources``, url-encoded or ``multipart/form-data``.

    ``content_type`` is the whole header (a multipart body needs its boundary parameter).
    """
    if content_type.split(";", 1)[0].strip().lower() == "multipart/form-data":
        return _multipart_fields(body, content_type)
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except (UnicodeDecodeError, ValueError) as exc:
        raise RequestError(400, "the form could not be read") from exc
    return (fields.get("text") or [""])[0], (fields.get("sources") or [""])[0]


def _multipart_fields(body: bytes, content_type: str) -> tuple[str, str]:
    # The standard library's MIME parser: the body is already read and size-capped.
    header = b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n"
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
    if not message.is_multipart() or message.defects:
        raise RequestError(400, "the form could not be read")
    parts = message.get_payload()
    if not isinstance(parts, list) or len(parts) > MAX_FORM_FIELDS:
        raise RequestError(400, "the form could not be read")
    found: dict[str, str] = {}
    for part in parts:
        if not isinstance(part, email.message.Message):
            continue
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or name in found or not isinstance(payload, bytes):
            continue
        try:
            found[name] = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RequestError(400, "the form could not be read (not UTF-8)") from exc
    return found.get("text", ""), found.get("sources", "")


def parse_form(text: str, sources: str) -> CheckRequest:
    """A form request: the draft, and source URLs one per line; the answer is HTML."""
    if not text.strip():
        raise RequestError(400, "paste a draft to check")
    _require_encodable(text, "the draft")
    return CheckRequest(text=text, sources=_checked_sources(sources.splitlines()), format="html")


async def read_body(request: Request, limit: int, timeout: float = 30.0) -> bytes:
    """The request body: 413 as soon as it is known to exceed ``limit`` bytes, 408 when it
    has not all arrived ``timeout`` seconds after the headers (a client that trickles bytes)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise RequestError(400, "invalid Content-Length")
        if int(declared) > limit:
            raise RequestError(413, f"body too large (limit {limit} bytes)")
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise RequestError(413, f"body too large (limit {limit} bytes)")
                chunks.append(chunk)
    except TimeoutError:
        raise RequestError(408, f"the request body did not arrive within {timeout:g} s") from None
    except ClientDisconnect:
        raise RequestError(400, "the client closed the connection before sending the whole body") from None
    return b"".join(chunks)


# ---------------------------------------------------------------------------
# Running a check
# ---------------------------------------------------------------------------


def run_check(request: CheckRequest, settings: ServiceSettings) -> Report:
    """The blocking check of one request, stopped after ``settings.time_limit`` seconds
    (``CheckTimeout``). The draft is text, never a path; sources are URLs only."""
    from verify.document import load_text
    from verify.pipeline import check  # imported here: the service module loads without the pipeline

    options = Options(
        offline=settings.offline,
        allow_private=settings.allow_private,
        cache_dir=settings.cache_dir if settings.cache_dir is not None else service_cache_dir(),
        timeout=Timeout(source=min(Timeout().source, settings.time_limit)),
        time_limit=settings.time_limit,
        discover=request.discover,
        archive_fallback=request.discover,
    )
    document = load_text(request.text)
    # Links in the draft are sources too: cap them with the rest, or one pasted page of
    # links would have the server fetch thousands of addresses for one request.
    locations = {link.url for link in document.links} | {ref.url for ref in request.sources}
    if len(locations) > MAX_SOURCES:
        raise RequestError(400, f"too many sources with the draft's links ({len(locations)}; at most {MAX_SOURCES})")
    report = check(document, sources=request.sources, decisions=request.decisions or None, options=options)
    if request.baseline is not None:
        # Anything in a request can be forged: the client's report only says what changed.
        report = compare_with_baseline(report, request.baseline, None)
    return report


def render_report(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json()
    if fmt == "html":
        from verify.report.html import render_html

        return render_html(report, back_link="/")  # the paste-in form, for the next draft
    from verify.report import render

    return render(report, fmt)


def _check_and_render(
    request: CheckRequest, settings: ServiceSettings, gate: threading.BoundedSemaphore, deadline: Deadline
) -> str:
    # The gate is taken inside the thread, so a check abandoned by its request (504)
    # still counts until it really ends, which its own time limit makes soon.
    if not gate.acquire(timeout=deadline.remaining()):
        raise CheckTimeout("no worker became free within the time limit")
    try:
        deadline.poll()
        return render_report(run_check(request, replace(settings, time_limit=deadline.remaining())), request.format)
    finally:
        gate.release()


async def _answer(request: CheckRequest, settings: ServiceSettings, gate: threading.BoundedSemaphore) -> Response:
    deadline = Deadline.after(settings.time_limit)  # waiting for a worker counts too
    work = partial(_check_and_render, request, settings, gate, deadline)
    try:
        with anyio.fail_after(settings.time_limit):
            body = await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except (TimeoutError, CheckTimeout):
        raise RequestError(504, f"the check took longer than {settings.time_limit:g} s") from None
    except VerifyError as exc:
        raise RequestError(400, " ".join(str(exc).split())) from exc
    return Response(body, media_type=MEDIA_TYPES[request.format])


def _closing(request: Request, status: int) -> dict[str, str]:
    """``Connection: close`` after a body that did not arrive: the rest of it is not waited for."""
    return {"connection": "close"} if status == 408 and request.scope.get("http_version", "1.1") < "2" else {}


def _error(request: Request, status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=_closing(request, status))


def _guard(request: Request, accepted: frozenset[str]) -> None:
    """Refuse a post from another site's page (403), then a body of another media type (415)."""
    refusal = cross_site_refusal(request.headers)
    if refusal is not None:
        raise RequestError(403, refusal)
    require_media_type(request.headers, accepted)


# ---------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------


def create_app(
    *,
    allow_private: bool = False,
    cache_dir: Path | None = None,
    max_body_bytes: int = 2_000_000,
    time_limit: float = 120.0,
    offline: bool = False,
    max_checks: int = 2,
    allowed_hosts: Sequence[str] | None = None,
    body_timeout: float = 30.0,
) -> Starlette:
    """The service as an ASGI app. ``allowed_hosts`` limits the Host header (None: any)."""
    settings = ServiceSettings(
        allow_private, cache_dir, max_body_bytes, time_limit, offline, max_checks, body_timeout
    )
    gate = threading.BoundedSemaphore(max_checks)

    async def check_json(request: Request) -> Response:
        try:
            _guard(request, JSON_TYPES)
            body = await read_body(request, settings.max_body_bytes, settings.body_timeout)
            return await _answer(parse_check_request(parse_json_body(body)), settings, gate)
        except RequestError as exc:
            return _error(request, exc.status, str(exc))
        except Exception:
            log.exception("check failed")
            return _error(request, 500, "internal error; see the server log")

    async def check_form(request: Request) -> Response:
        try:
            _guard(request, FORM_TYPES)
        except RequestError as exc:  # not the form's own post: no form page to show
            return PlainTextResponse(str(exc) + "\n", status_code=exc.status)
        text = sources = ""
        try:
            body = await read_body(request, settings.max_body_bytes, settings.body_timeout)
            text, sources = form_fields(body, request.headers.get("content-type", ""))
            return await _answer(parse_form(text, sources), settings, gate)
        except RequestError as exc:
            page = _page(_form_body(error=str(exc), text=text, sources=sources))
            headers = {"Content-Security-Policy": _FORM_CSP, **_closing(request, exc.status)}
            return HTMLResponse(page, status_code=exc.status, headers=headers)
        except Exception:
            log.exception("check failed")
            page = _page(_form_body(error="internal error; see the server log", text=text, sources=sources))
            return HTMLResponse(page, status_code=500, headers={"Content-Security-Policy": _FORM_CSP})

    async def form(request: Request) -> Response:
        return HTMLResponse(_page(_form_body()), headers={"Content-Security-Policy": _FORM_CSP})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__})

    middleware = []
    if allowed_hosts is not None:
        # Behind a loopback bind, refusing other Host names stops a web page from reaching
        # the service through DNS rebinding (and, with allow_private, the intranet through it).
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    routes = [
        Route("/", form, methods=["GET"]),
        Route("/check", check_form, methods=["POST"]),
        Route("/v1/check", check_json, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=middleware)


def serve(
    host: str = "127.0.0.1",
    port: int = 8080,
    allow_private: bool = False,
    *,
    cache_dir: Path | None = None,
    time_limit: float = 120.0,
    header_timeout: float = 10.0,
    body_timeout: float = 30.0,
) -> None:
    """Run the service with hypercorn until interrupted (SIGINT or SIGTERM).

    ``header_timeout``: seconds from a connection's start, or the end of its last response,
    until a request's headers are complete; ``body_timeout``: seconds for the body after that.
    """
    import asyncio

    from hypercorn.asyncio import serve as serve_app
    from hypercorn.config import Config

    loopback = host in LOOPBACK_HOSTS
    if allow_private and not loopback:
        log.warning("--allow-private on %s: anyone who can reach this port can make it fetch private addresses", host)
    app = create_app(
        allow_private=allow_private,
        cache_dir=cache_dir,
        time_limit=time_limit,
        allowed_hosts=LOOPBACK_HOSTS if loopback else None,
        body_timeout=body_timeout,
    )
    config = Config()
    config.bind = [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    # hypercorn's keep-alive timer runs while no request is in progress and ignores bytes
    # that arrive before the headers are complete: so it bounds the time to send them.
    config.keep_alive_timeout = header_timeout
    config.include_server_header = False
    config.graceful_timeout = 5
    config.accesslog = "-"
    asyncio.run(serve_app(app, config, mode="asgi"))  # type: ignore[arg-type]  # Starlette is an ASGI app


# ---------------------------------------------------------------------------
# The paste-in form: one self-contained page, no script, no outside resources
# ---------------------------------------------------------------------------

_FORM_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
label { display: block; font-weight: 600; margin-top: 1rem; }
textarea { width: 100%; box-sizing: border-box; font: 15px/1.4 ui-monospace, monospace; padding: .5rem; }
button { margin-top: 1rem; padding: .5rem 1.25rem; font-size: 1rem; }
.hint { color: #555; font-size: .9rem; margin: .25rem 0; }
.error { border-left: 4px solid #b00020; background: #fdecee; padding: .5rem .75rem; }
"""


def _page(body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>verify: check a draft</title><style>{_STYLE}</style></head><body>{body}</body></html>\n"
    )


def _form_body(error: str | None = None, text: str = "", sources: str = "") -> str:
    """The form, filled in again with what was sent when there is an error to show."""
    alert = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    return f"""<h1>Check a draft</h1>
{alert}
<form method="post" action="/check">
<label for="text">Draft</label>
<p class="hint" id="text-hint">Plain text, Markdown or HTML. Links in it are checked as sources too.</p>
<textarea id="text" name="text" rows="16" required aria-describedby="text-hint">{html.escape(text)}</textarea>
<label for="sources">Sources</label>
<p class="hint" id="sources-hint">Web addresses (https://…), one per line. Files cannot be read here.</p>
<textarea id="sources" name="sources" rows="5" aria-describedby="sources-hint">{html.escape(sources)}</textarea>
<button type="submit">Check</button>
</form>
"""
