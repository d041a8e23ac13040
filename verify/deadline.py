"""A check's time limit as a point on the monotonic clock, polled between steps.

A check may run in a thread that nobody can kill (the service's workers), so it stops on its
own: ``check_many`` makes one ``Deadline`` from ``Options.time_limit`` and hands it to each
stage, which calls ``poll()`` between stages, sources and claims. Abandoned work therefore
ends within one step of the limit.

    deadline = Deadline.after(30.0)
    for claim in claims:
        deadline.poll()          # raises CheckTimeout once the 30 s are over
        ...

``NO_DEADLINE`` never passes. ``time.monotonic`` is the clock asyncio's loop uses too, so the
fetcher can hand ``at`` to ``asyncio.timeout_at`` as it is.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from verify.errors import CheckTimeout, InputError


@dataclass(frozen=True)
class Deadline:
    """The moment (``time.monotonic()`` seconds) a check must stop, and the limit it came from."""

    at: float = math.inf
    limit: float | None = None  # seconds given for the whole check, for the message

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        """A deadline ``seconds`` from now; ``None`` gives one that never passes."""
        if seconds is None:
            return NO_DEADLINE
        if not seconds > 0 or math.isnan(seconds):
            raise InputError(f"a time limit must be a positive number of seconds, not {seconds!r}")
        return cls(at=time.monotonic() + seconds, limit=seconds)

    def remaining(self) -> float:
        """Seconds left (``math.inf`` without a limit; never below 0)."""
        return max(0.0, self.at - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def poll(self) -> None:
        """Raise ``CheckTimeout`` once the deadline has passed; return at once otherwise."""
        if self.passed():
            raise CheckTimeout(f"the check took longer than its time limit of {self.limit or 0:g} s")

    def cap(self, seconds: float) -> float:
        """``seconds``, or what is left when that is less: a step's own timeout within the check's."""
        return min(seconds, self.remaining())


NO_DEADLINE = Deadline()
