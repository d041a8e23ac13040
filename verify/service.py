"""``verify serve``: the checker over HTTP, for a newsroom's CMS or a colleague's browser.

Routes:

- ``POST /v1/check``: JSON ``{"text": "…", "sources": ["https://…"], "format": "json"}``
  answers 200 with the report in the format asked for (json, html, markdown or text).
- ``GET /``: a paste-in form; ``POST /check`` (form-encoded) answers the HTML report.
- ``GET /healthz``: ``{"status": "ok", "version": "…"}``.

Errors are ``{"error": "one line"}``: 400 for bad JSON or fields, 413 for a body over
the size limit (by Content-Length up front, and while reading), 504 when a check runs
over the time limit, 500 for anything unexpected (logged, never shown).

A request comes from someone else, so it gets less than the command line: sources must
be http(s) URLs (a path would read the server's disk), the draft is only ever text
(never a file name), and private addresses are refused unless the server was started
with ``allow_private``. The check itself is blocking and runs in a worker thread; at
most ``max_checks`` run at once, and a request that waits or runs past its time limit
gets its 504 while the thread finishes on its own.
"""

from __future__ import annotations

import html
import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from verify.errors import VerifyError
from verify.model import Report, SourceRef
from verify.options import Options, Timeout
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
REQUEST_FIELDS = frozenset({"text", "sources", "format"})
# Host names the Host header is checked against when the service listens on loopback.
# (IPv6 "::1" is left out: Starlette's host check cannot parse "[::1]:port".)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


class RequestError(Exception):
    """A request the service refuses; ``status`` is the HTTP status, ``str()`` one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class CheckRequest:
    """A validated request: the draft's text, its source URLs and the format wanted."""

    text: str
    sources: tuple[str, ...] = ()
    format: str = "json"


@dataclass(frozen=True)
class ServiceSettings:
    allow_private: bool = False
    cache_dir: Path | None = None  # None: verify.pipeline.default_cache_dir()
    max_body_bytes: int = 2_000_000
    time_limit: float = 120.0  # seconds per request, waiting for a worker included
    offline: bool = False
    max_checks: int = 2  # checks running at once (this is a 2-core machine's worth)


# ---------------------------------------------------------------------------
# Validating requests (pure)
# ---------------------------------------------------------------------------


def parse_check_request(data: object) -> CheckRequest:
    """The fields of a ``POST /v1/check`` body, checked; a ``RequestError(400)`` says what is wrong."""
    if not isinstance(data, dict):
        raise RequestError(400, 'body must be a JSON object like {"text": "...", "sources": ["https://..."]}')
    unknown = sorted(set(data) - REQUEST_FIELDS)
    if unknown:
        raise RequestError(400, f"unknown field {unknown[0]!r} (expected text, sources, format)")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RequestError(400, "'text' must be the draft, a non-empty string")
    sources = data.get("sources", [])
    if sources is None:
        sources = []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise RequestError(400, "'sources' must be a list of URL strings")
    fmt = data.get("format", "json")
    if fmt is None:
        fmt = "json"
    if fmt not in FORMATS:
        raise RequestError(400, f"'format' must be one of {', '.join(FORMATS)}")
    return CheckRequest(text=text, sources=_checked_sources(sources), format=fmt)


def _checked_sources(sources: Sequence[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(s.strip() for s in sources if s.strip()))
    if len(cleaned) > MAX_SOURCES:
        raise RequestError(400, f"too many sources ({len(cleaned)}; at most {MAX_SOURCES})")
    for number, url in enumerate(cleaned, start=1):
        if len(url) > MAX_URL_LENGTH or not is_url(url) or any(c.isspace() for c in url):
            shown = url if len(url) <= 80 else url[:79] + "…"
            raise RequestError(400, f"source {number} ({shown!r}) must be an http(s) URL; the service reads no files")
    return cleaned


def form_fields(body: bytes) -> tuple[str, str]:
    """The paste-in form's ``text`` and ``sources`` (``application/x-www-form-urlencoded``)."""
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError) as exc:
        raise RequestError(400, "the form could not be read") from exc
    return (fields.get("text") or [""])[0], (fields.get("sources") or [""])[0]


def parse_form(text: str, sources: str) -> CheckRequest:
    """A form request: the draft, and source URLs one per line; the answer is HTML."""
    if not text.strip():
        raise RequestError(400, "paste a draft to check")
    return CheckRequest(text=text, sources=_checked_sources(sources.splitlines()), format="html")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise RequestError(400, "invalid Content-Length")
        if int(declared) > limit:
            raise RequestError(413, f"body too large (limit {limit} bytes)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, f"body too large (limit {limit} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


# ---------------------------------------------------------------------------
# Running a check
# ---------------------------------------------------------------------------


def run_check(request: CheckRequest, settings: ServiceSettings) -> Report:
    """The blocking check of one request. The draft is text, never a path; sources are URLs only."""
    from verify.document import load_text
    from verify.pipeline import check  # imported here: the service module loads without the pipeline

    options = Options(
        offline=settings.offline,
        allow_private=settings.allow_private,
        cache_dir=settings.cache_dir,
        timeout=Timeout(source=min(Timeout().source, settings.time_limit)),
    )
    document = load_text(request.text)
    # Links in the draft are sources too: cap them with the rest, or one pasted page of
    # links would have the server fetch thousands of addresses for one request.
    locations = {link.url for link in document.links} | set(request.sources)
    if len(locations) > MAX_SOURCES:
        raise RequestError(400, f"too many sources with the draft's links ({len(locations)}; at most {MAX_SOURCES})")
    refs = [SourceRef(url=url, path=None, origin="argument") for url in request.sources]
    return check(document, sources=refs, options=options)


def render_report(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json()
    from verify.report import render

    return render(report, fmt)


def _check_and_render(request: CheckRequest, settings: ServiceSettings, gate: threading.BoundedSemaphore) -> str:
    # The gate is taken inside the thread, so a check abandoned by its request (504)
    # still counts until it really ends: timed-out work cannot pile up behind the limit.
    if not gate.acquire(timeout=settings.time_limit):
        raise TimeoutError
    try:
        return render_report(run_check(request, settings), request.format)
    finally:
        gate.release()


async def _answer(request: CheckRequest, settings: ServiceSettings, gate: threading.BoundedSemaphore) -> Response:
    work = partial(_check_and_render, request, settings, gate)
    try:
        with anyio.fail_after(settings.time_limit):
            body = await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except TimeoutError:
        raise RequestError(504, f"the check took longer than {settings.time_limit:g} s") from None
    except VerifyError as exc:
        raise RequestError(400, " ".join(str(exc).split())) from exc
    return Response(body, media_type=MEDIA_TYPES[request.format])


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


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
) -> Starlette:
    """The service as an ASGI app. ``allowed_hosts`` limits the Host header (None: any)."""
    settings = ServiceSettings(allow_private, cache_dir, max_body_bytes, time_limit, offline, max_checks)
    gate = threading.BoundedSemaphore(max_checks)

    async def check_json(request: Request) -> Response:
        try:
            body = await read_body(request, settings.max_body_bytes)
            try:
                data: Any = json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise RequestError(400, f"body is not valid JSON ({' '.join(str(exc).split())})") from exc
            return await _answer(parse_check_request(data), settings, gate)
        except RequestError as exc:
            return _error(exc.status, str(exc))
        except Exception:
            log.exception("check failed")
            return _error(500, "internal error; see the server log")

    async def check_form(request: Request) -> Response:
        text = sources = ""
        try:
            text, sources = form_fields(await read_body(request, settings.max_body_bytes))
            return await _answer(parse_form(text, sources), settings, gate)
        except RequestError as exc:
            page = _page(_form_body(error=str(exc), text=text, sources=sources))
            return HTMLResponse(page, status_code=exc.status, headers={"Content-Security-Policy": _FORM_CSP})
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


def serve(host: str = "127.0.0.1", port: int = 8080, allow_private: bool = False) -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    loopback = host in LOOPBACK_HOSTS
    if allow_private and not loopback:
        log.warning("--allow-private on %s: anyone who can reach this port can make it fetch private addresses", host)
    app = create_app(allow_private=allow_private, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)


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
