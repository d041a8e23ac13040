"""The Brave Search API: ``GET /res/v1/web/search`` with the key in ``X-Subscription-Token``.

Brave reads ``site:`` and quoted phrases in ``q`` and takes a date range as
``freshness=YYYY-MM-DDtoYYYY-MM-DD``. Every answer carries ``X-RateLimit-Remaining`` and
``X-RateLimit-Reset``, comma lists with one entry per window (per second, per month):
when an entry reaches 0 the next request waits for its reset, or, when that is a monthly
quota, the backend stops for the run. The key is sent in that header and nowhere else: no
message, repr or exception carries it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import httpx

from verify.discover.backend import Backend
from verify.discover.http import (
    endpoint,
    get,
    hits_from_rows,
    iso_day,
    json_body,
    unexpected_status,
)
from verify.discover.ratelimit import RateLimit, duration, retry_after_of
from verify.discover.types import BackendFailure, SearchHit, SearchRequest
from verify.discover.websyntax import web_query

NAME = "brave"
DEFAULT_URL = "https://api.search.brave.com"
PATH = "/res/v1/web/search"
COUNT = 20  # the most web results one request returns

# Waits come from the answers' headers; a wait past ``max_wait`` is a spent quota, not a pause.
BRAVE_LIMIT = RateLimit(max_429s=3, backoff=1.0, max_wait=60.0)

KEY_CODES = frozenset({"SUBSCRIPTION_TOKEN_INVALID", "SUBSCRIPTION_TOKEN_MISSING", "SUBSCRIPTION_NOT_FOUND"})
KEY_REJECTED = "rejected the API key (HTTP {status}); check VERIFY_BRAVE_API_KEY and the key's plan"
_CODE = re.compile(r"[A-Z][A-Z_]{0,39}")


def freshness(since: date | None, until: date | None, today: date) -> str | None:
    """Brave's date range, ``2026-10-01to2026-11-02``; open ends run to today. None without ``since``."""
    if since is None:
        return None
    return f"{since.isoformat()}to{(until or today).isoformat()}"


def budget_wait(headers: httpx.Headers) -> float | None:
    """Seconds until a spent window resets (the longest, if several are spent), or None."""
    remaining = _numbers(headers.get("x-ratelimit-remaining"))
    reset = _numbers(headers.get("x-ratelimit-reset"))
    spent = [reset[i] for i, left in enumerate(remaining) if left <= 0 and i < len(reset)]
    return max(spent) if spent else None


def _numbers(value: str | None) -> list[float]:
    numbers = []
    for part in (value or "").split(","):
        try:
            numbers.append(float(part.strip()))
        except ValueError:
            return []
    return numbers


def error_code(response: httpx.Response) -> str | None:
    """The code of Brave's error body (``{"error": {"code": …}}``, or a list under ``errors``)."""
    try:
        data = response.json()
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    error = data.get("error")
    if not isinstance(error, dict) and isinstance(data.get("errors"), list) and data["errors"]:
        error = data["errors"][0]
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) and _CODE.fullmatch(code) else None


class BraveSearch(Backend):
    name = NAME
    default_url = DEFAULT_URL
    default_limit = BRAVE_LIMIT
    _stopped: str | None = None  # why the run asks no more (a spent quota, a rejected key)

    def __init__(self, api_key: str, *args: Any, **kwargs: Any) -> None:
        """The key first; the rest as every service takes it (``Backend``)."""
        if not api_key.strip():
            raise BackendFailure(NAME, "no API key given (VERIFY_BRAVE_API_KEY)")
        super().__init__(*args, **kwargs)
        self.__key = api_key.strip()

    def __repr__(self) -> str:
        return f"BraveSearch(base_url={self.base_url!r})"

    def search(self, request: SearchRequest) -> tuple[SearchHit, ...]:
        if self._stopped:
            raise BackendFailure(NAME, self._stopped)
        query = web_query(request)
        params = [("q", query), ("count", str(COUNT))]
        window = freshness(request.since, request.until, self.today())
        if window:
            params.append(("freshness", window))
        while True:
            with self.limiter.turn():
                response = get(
                    self.client, NAME, endpoint(self.base_url, PATH), params, {"X-Subscription-Token": self.__key}
                )
            wait = budget_wait(response.headers)
            if response.status_code != 429:
                break
            if error_code(response) == "QUOTA_LIMITED" or (wait is not None and wait > self.limiter.limit.max_wait):
                self._stop(f"the plan's quota is spent (HTTP 429); it resets in {duration(wait or 0)}")
            retry_after = retry_after_of(response.headers)
            self.limiter.throttled(wait if wait is not None else retry_after)
        if response.status_code in (401, 403) or (response.status_code == 422 and error_code(response) in KEY_CODES):
            self._stop(KEY_REJECTED.format(status=response.status_code))
        if response.status_code == 422:
            code = error_code(response)
            raise BackendFailure(NAME, f"refused the query as invalid (HTTP 422{', ' + code if code else ''})")
        if response.status_code != 200:
            raise unexpected_status(response, NAME)
        if wait is not None:
            if wait > self.limiter.limit.max_wait:
                self._stopped = f"the plan's quota is spent; it resets in {duration(wait)}"
            else:
                self.limiter.hold(wait)
        return _hits(json_body(response, NAME), query)

    def _stop(self, reason: str) -> None:
        self._stopped = reason
        raise BackendFailure(NAME, reason)


def _hits(data: object, query: str) -> tuple[SearchHit, ...]:
    if not isinstance(data, dict):
        raise BackendFailure(NAME, "answered JSON that is not a search response")
    web = data.get("web")  # absent when the web has nothing for the query
    results = web.get("results") if isinstance(web, dict) else []
    if not isinstance(results, list):
        raise BackendFailure(NAME, "answered JSON without a result list")
    return hits_from_rows(results, NAME, query, _read_row)


def _read_row(row: dict[str, Any]) -> tuple[object, object, date | None]:
    return row.get("title"), row.get("description"), iso_day(row.get("page_age"))
