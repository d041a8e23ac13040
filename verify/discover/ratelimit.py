"""How often one backend may be asked, on an injected clock so tests wait no real time.

A ``Limiter`` lets one request through at a time, spaces requests by a minimum interval
(counted from the end of the previous answer, so a slow answer does not let the next
request start sooner), keeps to a number of requests per sliding window, and, after a
429, holds every further request until the service's Retry-After (or a default back-off
that doubles with each 429) has passed. After ``max_429s`` 429s in one run it gives up
for good: each later request fails at once, so nothing keeps knocking on a closed door.
"""

from __future__ import annotations

import email.utils
import threading
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from verify.discover.types import BackendFailure, Clock
from verify.sources.client import parse_retry_after


@dataclass(frozen=True)
class RateLimit:
    """One service's manners, as numbers."""

    min_interval: float = 0.0  # seconds from the end of one answer to the next request
    per_window: int | None = None  # at most this many requests started in any ``window`` seconds
    window: float = 60.0
    max_429s: int = 3  # the run stops asking after this many 429s
    backoff: float = 60.0  # wait after a 429 without Retry-After; doubles with each further 429
    max_wait: float = 300.0  # a wait longer than this fails the request instead of stalling the check


def retry_after_of(headers: Mapping[str, str]) -> float | None:
    """The Retry-After of an answer's headers, in seconds (None when absent or unreadable)."""
    return retry_after_seconds(headers.get("retry-after"), headers.get("date"))


def retry_after_seconds(value: str | None, date_header: str | None = None) -> float | None:
    """Seconds a Retry-After header asks for: delta-seconds, or an HTTP date read against the
    answer's own Date header when there is one (the server's clock, not ours), else None."""
    now: float | None = None
    if date_header:
        try:
            now = email.utils.parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError, IndexError):
            now = None
    return parse_retry_after(value, now=now)


class Limiter:
    """The gate every request of one backend passes; thread-safe, one request at a time."""

    def __init__(self, backend: str, limit: RateLimit, clock: Clock, give_up_reason: str | None = None) -> None:
        self.backend = backend
        self.limit = limit
        self.clock = clock
        self.give_up_reason = give_up_reason or "rate-limited; no more queries to it in this run"
        self._lock = threading.Lock()
        self._starts: deque[float] = deque()
        self._last_done: float | None = None
        self._hold_until = 0.0
        self._throttled = 0
        self.gave_up = False
        self.waited = 0.0  # total seconds this limiter made requests wait

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for this backend's next slot, then hold it while the request runs."""
        with self._lock:
            if self.gave_up:
                raise BackendFailure(self.backend, self.give_up_reason)
            self._wait_for_slot()
            self._starts.append(self.clock.monotonic())
            try:
                yield
            finally:
                self._last_done = self.clock.monotonic()

    def throttled(self, retry_after: float | None) -> None:
        """Count a 429 and hold later requests; raise ``BackendFailure`` when the run should stop asking."""
        self._throttled += 1
        if self._throttled >= self.limit.max_429s:
            self.gave_up = True
            raise BackendFailure(self.backend, self.give_up_reason)
        wait = retry_after if retry_after is not None else self.limit.backoff * 2 ** (self._throttled - 1)
        if wait > self.limit.max_wait:
            self.gave_up = True
            raise BackendFailure(self.backend, f"rate-limited for {duration(wait)}; no more queries to it in this run")
        self.hold(wait)

    def hold(self, seconds: float) -> None:
        """Let no request start for ``seconds`` from now (a spent budget, a Retry-After)."""
        self._hold_until = max(self._hold_until, self.clock.monotonic() + max(0.0, seconds))

    def _wait_for_slot(self) -> None:
        while True:
            now = self.clock.monotonic()
            ready = self._hold_until
            if self._last_done is not None:
                ready = max(ready, self._last_done + self.limit.min_interval)
            if self.limit.per_window is not None:
                while self._starts and self._starts[0] <= now - self.limit.window:
                    self._starts.popleft()
                if len(self._starts) >= self.limit.per_window:
                    ready = max(ready, self._starts[0] + self.limit.window)
            if ready <= now:
                return
            self.waited += ready - now
            self.clock.sleep(ready - now)


def duration(seconds: float) -> str:
    """A wait as a person reads it: ``"45 s"``, ``"12 min"``, ``"3 h"``, ``"16 days"``."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} days"
