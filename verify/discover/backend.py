"""What every search or archive service's client holds: where it lives, an HTTP client, a rate limit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import httpx

from verify.discover.http import backend_client, discovery_user_agent
from verify.discover.ratelimit import Limiter, RateLimit
from verify.discover.types import Clock, SystemClock


class Backend:
    """The shared half of each service's client; a subclass names the service and its limits."""

    name: str
    default_url: str | None = None  # None: no public default (SearXNG is the newsroom's own)
    default_limit: RateLimit
    give_up_reason: str | None = None  # said once repeated 429s stop the service for the run

    def __init__(
        self,
        base_url: str | None = None,
        *,
        client: httpx.Client | None = None,
        clock: Clock | None = None,
        user_agent: str | None = None,
        today: Callable[[], date] = date.today,
        limit: RateLimit | None = None,
    ) -> None:
        url = base_url or self.default_url
        if not url:
            raise ValueError(f"{self.name} has no default address: give its base URL")
        self.base_url = url
        self.client = client or backend_client(user_agent or discovery_user_agent())
        self.today = today
        self.limiter = Limiter(self.name, limit or self.default_limit, clock or SystemClock(), self.give_up_reason)

    def close(self) -> None:
        self.client.close()
