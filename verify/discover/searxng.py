"""SearXNG, the newsroom's own metasearch instance: ``GET /search?q=…&format=json``.

JSON output is off unless the instance's admin lists ``json`` in ``search.formats``; public
instances switch it off on purpose, so there is no default instance.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from verify.discover.backend import Backend
from verify.discover.http import (
    endpoint,
    get,
    hits_from_rows,
    host_of,
    iso_day,
    json_body,
    unexpected_status,
)
from verify.discover.ratelimit import RateLimit, retry_after_of
from verify.discover.types import BackendFailure, SearchHit, SearchRequest
from verify.discover.websyntax import web_query

NAME = "searxng"

# An instance of one's own: a second between queries keeps its upstream engines from blocking it.
SEARXNG_LIMIT = RateLimit(min_interval=1.0, max_429s=2, backoff=30.0)

# SearXNG's relative windows, smallest first; a wider one than asked is fine, the ranker judges dates.
TIME_RANGES = (("day", 1), ("month", 31), ("year", 366))

JSON_OFF = (
    "JSON output is switched off on this instance (HTTP 403); "
    "add json to search.formats in its settings.yml and restart it"
)


def time_range(since: date | None, today: date) -> str | None:
    """The narrowest ``time_range`` reaching back to ``since``; None (no filter) past a year."""
    if since is None:
        return None
    age = (today - since).days
    for name, days in TIME_RANGES:
        if age <= days:
            return name
    return None


class SearxngSearch(Backend):
    name = NAME
    default_limit = SEARXNG_LIMIT
    _stopped: str | None = None  # JSON switched off: every later query would get the same 403

    def search(self, request: SearchRequest) -> tuple[SearchHit, ...]:
        if self._stopped:
            raise BackendFailure(NAME, self._stopped)
        query = web_query(request)
        params = [("q", query), ("format", "json")]
        window = time_range(request.since, self.today())
        if window:
            params.append(("time_range", window))
        with self.limiter.turn():
            response = get(self.client, NAME, endpoint(self.base_url, "/search"), params)
        if response.status_code == 403:
            self._stopped = JSON_OFF
            raise BackendFailure(NAME, JSON_OFF)
        if response.status_code == 429:
            self.limiter.throttled(retry_after_of(response.headers))
            raise BackendFailure(
                NAME,
                f"{host_of(self.base_url)} refused the query (HTTP 429, its bot limiter); "
                "let verify's address through or switch the limiter off",
            )
        if response.status_code != 200:
            raise unexpected_status(response, NAME)
        data = json_body(response, NAME)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise BackendFailure(NAME, "answered JSON without a result list")
        if not results:
            _raise_if_engines_failed(data)
        return hits_from_rows(results, NAME, query, _read_row)


def _raise_if_engines_failed(data: dict[str, object]) -> None:
    """No results because every engine failed is a failure, not an answer."""
    failed = data.get("unresponsive_engines")
    if not isinstance(failed, list) or not failed:
        return
    names = []
    for entry in failed:
        if isinstance(entry, list) and entry and isinstance(entry[0], str):
            reason = f" ({entry[1]})" if len(entry) > 1 and isinstance(entry[1], str) else ""
            names.append(entry[0] + reason)
    raise BackendFailure(NAME, "no results, and its engines did not answer: " + ", ".join(names[:5]))


def _read_row(row: dict[str, Any]) -> tuple[object, object, date | None]:
    return row.get("title"), row.get("content"), iso_day(row.get("publishedDate"))
