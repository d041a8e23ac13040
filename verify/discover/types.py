"""What the parts of discovery hand each other: queries, hits, archive captures, failures.

Backends (one module each) answer ``SearchRequest``s with ``SearchHit``s; the planner writes
the requests, the ranker merges the hits, and the run fetches the best of them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class SearchRequest:
    """One query, in words every backend can express in its own syntax."""

    kind: str  # "site_phrase", "speaker_phrase", "phrase" or "keywords", cheapest first
    phrase: str | None = None  # searched as an exact phrase
    keywords: tuple[str, ...] = ()  # extra words, not quoted (a surname, distinctive words)
    site: str | None = None  # a registrable domain the results must come from
    since: date | None = None  # earliest publication date wanted
    until: date | None = None  # latest publication date wanted


@dataclass(frozen=True)
class SearchHit:
    """One result of one backend for one request."""

    url: str
    title: str
    snippet: str  # the words the backend shows around the match; may be empty (GDELT ArtList)
    published: date | None
    backend: str  # "searxng", "brave", "gdelt", "archive" (the desk archive), …
    query: str  # the query exactly as sent to the backend
    rank: int  # 1 for the backend's first result


@dataclass(frozen=True)
class ArchiveCapture:
    """A page as the Wayback Machine holds it."""

    url: str  # the raw replay address, ``…/web/<timestamp>id_/<original_url>`` (no toolbar)
    timestamp: str  # 14 digits, UTC, as the archive writes it
    original_url: str


class BackendFailure(Exception):
    """A backend could not answer: misconfigured, rate-limited, down, or an error in its answer.

    ``reason`` is one line for a person and never contains a key or a draft's words.
    """

    def __init__(self, backend: str, reason: str) -> None:
        super().__init__(f"{backend}: {reason}")
        self.backend = backend
        self.reason = reason


class SearchBackend(Protocol):
    """A search service: a request in, hits out, or ``BackendFailure``."""

    name: str

    def search(self, request: SearchRequest) -> tuple[SearchHit, ...]: ...


class Clock(Protocol):
    """Time as rate limits see it; tests pass a fake one so waiting takes no time."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)
