"""robots.txt, read once per site per run and obeyed (RFC 9309), with Protego.

What an answer for ``/robots.txt`` means, following RFC 9309 section 2.3.1:

* 2xx: its rules apply to the product token ``verify`` (or the ``*`` group). Only the
  first 500 KiB are read and parsed, as the RFC allows (the line the cut falls in is
  dropped): a longer file is obeyed as far as that, whatever the size caps for pages.
* 4xx other than 429 (404, 410, 401, 403 …): "unavailable": every path is allowed.
* 429, 5xx (after retries): "unreachable": the RFC says assume complete disallow, so the
  source is ``blocked`` with a message saying why; ``--ignore-robots`` overrides it
  for a source the user is entitled to read.
* The site cannot be reached at all (refused, timed out, no such host): the source gets
  that failure as its status (``timeout``, ``http_error``, ``not_found``), since the page
  itself could not be reached either; nothing else is sent to the site.

Redirects of robots.txt are followed with the same per-hop address checks as pages; a
redirect loop, or more redirects than allowed, makes it unavailable (RFC 9309, 2.3.1.2).
Crawl-delay is not used: verify asks each site for a handful of pages at most, under
the per-host concurrency limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx
from protego import Protego

from verify.model import SourceStatus
from verify.sources.client import ROBOTS_TOKEN, AddressBlocked, FetchFailure, Got, RedirectTrap

ROBOTS_PARSE_LIMIT = 500 * 1024


@dataclass(frozen=True)
class RobotsRules:
    parser: Protego | None  # None: everything allowed
    refusal: str | None = None  # set when the whole site is to be treated as disallowed

    def allows(self, url: str) -> bool:
        if self.refusal is not None:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, ROBOTS_TOKEN))


def rules_from(got: Got | FetchFailure) -> RobotsRules:
    """What an answer (or failure) for /robots.txt means; re-raises failures to reach the site."""
    if isinstance(got, Got):
        body = got.body[:ROBOTS_PARSE_LIMIT]
        if len(body) == ROBOTS_PARSE_LIMIT:
            body = body.rpartition(b"\n")[0]  # a rule cut in half could mean something else
        return RobotsRules(Protego.parse(body.decode("utf-8", errors="replace")))
    if isinstance(got, RedirectTrap):
        return RobotsRules(None)  # a redirect loop or too many: unavailable (RFC 9309, 2.3.1.2)
    status = got.http_status
    if status is not None and 400 <= status < 500 and status != 429:
        return RobotsRules(None)
    if status is not None:
        return RobotsRules(None, f"robots.txt answered HTTP {status}; treated as disallow all (RFC 9309)")
    if isinstance(got, AddressBlocked):
        raise got  # the site's address is refused: the page would be too
    if got.status in (SourceStatus.UNREADABLE, SourceStatus.BLOCKED):
        return RobotsRules(None)  # undecodable, or redirected to another scheme: treat as unavailable
    raise got


def origin_of(url: httpx.URL) -> str:
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{url.host}{port}"


@dataclass
class RobotsGate:
    """Checks URLs against their site's robots.txt, fetching each robots.txt once per run.

    ``get_robots(url)`` fetches a robots.txt URL (through the same address checks and
    limits as any page) and returns the answer or raises FetchFailure.
    """

    get_robots: Callable[[str], Awaitable[Got]]
    _rules: dict[str, asyncio.Future[RobotsRules]] = field(default_factory=dict)

    async def check(self, url: httpx.URL) -> None:
        """Return if ``url`` may be fetched; else raise FetchFailure (blocked, or why unreachable)."""
        rules = await self._rules_for(origin_of(url))
        if rules.refusal is not None:
            raise FetchFailure(SourceStatus.BLOCKED, rules.refusal)
        if not rules.allows(str(url)):
            raise FetchFailure(SourceStatus.BLOCKED, f"disallowed by robots.txt ({origin_of(url)}/robots.txt)")

    async def _rules_for(self, origin: str) -> RobotsRules:
        future = self._rules.get(origin)
        if future is None:
            future = asyncio.ensure_future(self._load(origin))
            # A source that times out stops waiting, but others may still need the answer.
            future.add_done_callback(_consume_exception)
            self._rules[origin] = future
        return await asyncio.shield(future)

    async def _load(self, origin: str) -> RobotsRules:
        try:
            got: Got | FetchFailure = await self.get_robots(f"{origin}/robots.txt")
        except FetchFailure as failure:
            got = failure
        try:
            return rules_from(got)
        except AddressBlocked:
            raise
        except FetchFailure as failure:
            raise FetchFailure(failure.status, f"robots.txt: {failure}", failure.http_status) from failure


def _consume_exception(future: asyncio.Future[RobotsRules]) -> None:
    if not future.cancelled():
        future.exception()
