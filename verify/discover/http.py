"""The one place a discovery backend gets its HTTP client and sends a request.

Each backend owns one ``httpx.Client`` with verify's descriptive User-Agent (Wikidata
requires one and GDELT rate-limits requests without), bounded timeouts, and no automatic
redirects (a redirect would carry a key header to another host). A backend's URL comes
from configuration and is trusted, so no address policy applies here; every URL that comes
from a draft or a search result is fetched by the fetcher, under the policy.

Failures become ``BackendFailure`` with a line built only from the backend's host and the
status: never from the request URL, which carries the draft's words.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import httpx

from verify.discover.types import BackendFailure, SearchHit
from verify.sources.client import user_agent

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)  # GDELT can take 20 s to answer a loaded query

Params = Sequence[tuple[str, str]]


def discovery_user_agent(contact: str | None = None) -> str:
    """The User-Agent the fetcher sends, so a service sees one tool with one contact."""
    return user_agent(contact)


def backend_client(
    user_agent: str,
    *,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """A client for one backend: its User-Agent, JSON wanted, bounded waits, redirects not followed."""
    # The backend's base URL comes from configuration and is trusted: no address policy applies.
    return httpx.Client(
        headers={"User-Agent": user_agent, "Accept": "application/json", **(headers or {})},
        timeout=timeout,
        follow_redirects=False,
        transport=transport,
    )


def endpoint(base_url: str, path: str) -> str:
    """``path`` under a configured base URL, which may itself have a path (a proxy, a mount point)."""
    return base_url.rstrip("/") + path


def host_of(base_url: str) -> str:
    return httpx.URL(base_url).host or base_url


def get(
    client: httpx.Client, backend: str, url: str, params: Params, headers: Mapping[str, str] | None = None
) -> httpx.Response:
    """GET ``url``; a network failure is a ``BackendFailure`` naming the host only."""
    try:
        host = httpx.URL(url).host
        return client.get(url, params=list(params), headers=headers)
    except httpx.InvalidURL:
        raise BackendFailure(backend, "its configured URL is not a valid URL") from None
    except httpx.TimeoutException:
        raise BackendFailure(backend, f"{host} did not answer in time") from None
    except httpx.RequestError:
        raise BackendFailure(backend, f"could not reach {host or 'its configured URL'}") from None


def json_body(response: httpx.Response, backend: str, *, lenient: bool = False) -> Any:
    """The answer's JSON; anything else is a ``BackendFailure``. ``lenient`` accepts raw control
    characters inside strings (GDELT's answers carry some)."""
    try:
        return json.loads(response.text, strict=not lenient)
    except ValueError:
        raise BackendFailure(backend, f"answered HTTP {response.status_code} with something that is not JSON") from None


def unexpected_status(response: httpx.Response, backend: str) -> BackendFailure:
    """The failure for a status the backend has no special reading of."""
    status = response.status_code
    if 300 <= status < 400:
        return BackendFailure(backend, f"answered with a redirect (HTTP {status}); check its configured URL")
    if status >= 500:
        return BackendFailure(backend, f"is down or overloaded (HTTP {status})")
    return BackendFailure(backend, f"refused the request (HTTP {status})")


_TAG = re.compile(r"<[^>]*>")


def plain(text: object) -> str:
    """A snippet as text: tags such as Brave's ``<strong>`` dropped, entities decoded, one line."""
    if not isinstance(text, str):
        return ""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def iso_day(value: object) -> date | None:
    """The day of an ISO 8601 date or date-time (``2026-11-02T08:00:00``), or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# A result row's title, snippet and publication day, read the way one service writes them.
RowReader = Callable[[dict[str, Any]], tuple[object, object, date | None]]


def hits_from_rows(rows: Sequence[object], backend: str, query: str, read: RowReader) -> tuple[SearchHit, ...]:
    """The rows of an answer that have a URL, as hits ranked in the service's order."""
    hits: list[SearchHit] = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("url"), str):
            continue
        title, snippet, published = read(row)
        hits.append(SearchHit(url=row["url"], title=plain(title), snippet=plain(snippet), published=published,
                              backend=backend, query=query, rank=len(hits) + 1))  # fmt: skip
    return tuple(hits)
