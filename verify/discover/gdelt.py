"""GDELT's DOC 2.0 and Context 2.0 APIs: full-text news search of about the last three months, no key.

A request with an exact phrase and no extra words goes to Context 2.0 with ``isquote=1``,
which matches within one sentence that holds a quotation mark and returns that sentence
(the hit's snippet). Anything else goes to DOC 2.0 ``ArtList``, which matches anywhere in
an article and returns no snippet.

GDELT sheds load with 429s and asks for one request every 5 seconds: requests here go one
at a time, 5 s apart; a 429 backs off (30 s, then 60 s) and the third stops GDELT for the
run. Some errors come back as HTTP 200 with a line of text instead of JSON: those are
failures, never an empty result. An answer without ``articles`` is no hits.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from verify.discover.backend import Backend
from verify.discover.http import (
    endpoint,
    get,
    hits_from_rows,
    json_body,
    unexpected_status,
)
from verify.discover.ratelimit import RateLimit, retry_after_of
from verify.discover.types import BackendFailure, SearchHit, SearchRequest
from verify.discover.websyntax import quoted

NAME = "gdelt"
DEFAULT_URL = "https://api.gdeltproject.org"
DOC_PATH = "/api/v2/doc/doc"
CONTEXT_PATH = "/api/v2/context/context"
WINDOW_DAYS = 90  # "a rolling window of the last 3 months"
MAX_RECORDS = 25

GDELT_LIMIT = RateLimit(min_interval=5.0, max_429s=3, backoff=30.0, max_wait=120.0)
GIVE_UP = "rate-limited; no more GDELT queries in this run"

# GDELT's text errors that echo nothing of the query, as a line for the report.
TEXT_ERRORS = (
    ("too short", "the phrase is too short for GDELT"),
    ("too long", "the query is too long for GDELT"),
    ("timed out", "the query timed out at GDELT"),
)


def covers(day: date, today: date) -> bool:
    """Whether GDELT's window (the last ``WINDOW_DAYS`` days up to today) holds ``day``."""
    return today - timedelta(days=WINDOW_DAYS) <= day <= today


def uses_context(request: SearchRequest) -> bool:
    """A bare phrase is looked for as a quoted sentence; words to find beside it need a whole article."""
    return bool(request.phrase) and not request.keywords


def gdelt_query(request: SearchRequest) -> str:
    """GDELT's query language: ``"phrase" words domainis:example.org`` (``domain:`` would match substrings)."""
    parts = [quoted(request.phrase)] if request.phrase else []
    parts.extend(word for word in request.keywords if word.strip())
    if request.site:
        parts.append(f"domainis:{request.site}")
    return " ".join(part for part in parts if part)


def gdelt_params(request: SearchRequest) -> list[tuple[str, str]]:
    params = [
        ("query", gdelt_query(request)),
        ("mode", "ArtList"),
        ("format", "json"),
        ("maxrecords", str(MAX_RECORDS)),
    ]
    if request.since:
        params.append(("startdatetime", request.since.strftime("%Y%m%d") + "000000"))
    if request.until:
        params.append(("enddatetime", request.until.strftime("%Y%m%d") + "235959"))
    if uses_context(request):
        params.append(("isquote", "1"))
    return params


def text_error(body: str) -> str:
    lowered = body.lower()
    for marker, reason in TEXT_ERRORS:
        if marker in lowered:
            return f"{reason} (it answered with a text error)"
    return "answered with a text error instead of results"


def seen_day(value: object) -> date | None:
    """The day of a ``seendate`` such as ``20261102T081500Z`` (when GDELT saw the article)."""
    if not isinstance(value, str) or len(value) < 8 or not value[:8].isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


class GdeltSearch(Backend):
    name = NAME
    default_url = DEFAULT_URL
    default_limit = GDELT_LIMIT
    give_up_reason = GIVE_UP

    def covers(self, day: date, today: date) -> bool:
        return covers(day, today)

    def search(self, request: SearchRequest) -> tuple[SearchHit, ...]:
        path = CONTEXT_PATH if uses_context(request) else DOC_PATH
        params = gdelt_params(request)
        while True:
            with self.limiter.turn():
                response = get(self.client, NAME, endpoint(self.base_url, path), params)
            if response.status_code != 429:
                break
            self.limiter.throttled(retry_after_of(response.headers))
        if response.status_code != 200:
            raise unexpected_status(response, NAME)
        body = response.text.strip()
        if not body.startswith(("{", "[")):
            raise BackendFailure(NAME, text_error(body) if body else "answered with an empty page instead of results")
        data = json_body(response, NAME, lenient=True)
        if not isinstance(data, dict):
            raise BackendFailure(NAME, "answered JSON that is not an article list")
        articles = data.get("articles", [])
        if not isinstance(articles, list):
            raise BackendFailure(NAME, "answered JSON with a malformed article list")
        query = gdelt_query(request)
        return hits_from_rows(articles, NAME, query, _read_row)


def _read_row(row: dict[str, Any]) -> tuple[object, object, date | None]:
    """Context 2.0 rows carry the quoting ``sentence``; DOC 2.0 rows no snippet at all."""
    return row.get("title"), row.get("sentence") or row.get("context"), seen_day(row.get("seendate"))
