"""How a check runs: one frozen object that the command line, the service and scripts fill in.

    options = verify.Options(offline=True, timeout=verify.Timeout(read=5))
    report = verify.check("draft.md", options=options)

Settings that change what is checked (the draft, its sources, a baseline, decisions) are
arguments of ``check``/``check_many``; everything here only says how the work is done.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from verify.discover.setup import ServiceURLs
from verify.sources.options import FetchOptions

if TYPE_CHECKING:  # pragma: no cover
    from verify.config import Config

_FETCH_DEFAULTS = FetchOptions()
QUERIES_PER_CLAIM = 4  # the four kinds of query, cheapest first (docs/discovery.md)
QUERIES_PER_RUN = 60


@dataclass(frozen=True)
class Timeout:
    """Seconds a fetch may wait: to connect, between bytes, and for all attempts at one source."""

    connect: float = _FETCH_DEFAULTS.connect_timeout
    read: float = _FETCH_DEFAULTS.read_timeout
    source: float = _FETCH_DEFAULTS.deadline


@dataclass(frozen=True)
class Limits:
    """How much fetching a check may do at once and per source."""

    concurrency: int = _FETCH_DEFAULTS.concurrency  # requests in flight across all hosts
    per_host: int = _FETCH_DEFAULTS.per_host  # requests in flight to one host
    retries: int = _FETCH_DEFAULTS.max_retries  # attempts after the first, for retryable failures
    redirects: int = _FETCH_DEFAULTS.max_redirects
    max_bytes: int = _FETCH_DEFAULTS.max_bytes  # body size as sent
    max_decoded_bytes: int = _FETCH_DEFAULTS.max_decoded_bytes  # body size after decompression


@dataclass(frozen=True)
class Options:
    """How a check runs. Every field has a default that suits a reporter's laptop."""

    offline: bool = False  # never touch the network: cache and local files only
    refresh: bool = False  # fetch again even when a snapshot is cached
    allow_private: bool = False  # permit loopback and private networks (an intranet source)
    ignore_robots: bool = False  # the user is entitled to read these sources
    cache_dir: str | Path | None = None  # None: ``default_cache_dir()``
    timeout: Timeout = field(default_factory=Timeout)
    limits: Limits = field(default_factory=Limits)
    contact: str | None = None  # a URL or address added to the User-Agent
    use_proxy_env: bool = False  # honour HTTP(S)_PROXY; the proxy then connects, so addresses are checked by name only
    jobs: int = 1  # worker processes that read a batch's pages and match its drafts in parallel
    progress: bool = False  # a progress display on standard error
    # Seconds for the whole check, fetching included; past them it stops at its next step
    # with CheckTimeout (a thread cannot be killed, so the check stops itself). None: no limit.
    time_limit: float | None = None
    # Each outlet's names, the one a sources file uses and those a draft may use ("The Harbour
    # Gazette", "the Gazette"): a source of one name is that outlet's under all of them.
    outlets: tuple[tuple[str, ...], ...] = ()
    # Searching for the sources a draft names but does not link. Off unless asked for on the
    # run: a query sends the draft's unpublished words to a third party (docs/discovery.md).
    discover: bool = False
    archive_fallback: bool = False  # dead links someone gave are read from the Wayback Machine; on with discover
    draft_date: date | None = None  # None: the draft's own date (front matter, page metadata), else today
    queries_per_claim: int = QUERIES_PER_CLAIM  # search requests for one claim, at most
    queries_per_run: int = QUERIES_PER_RUN  # search requests for the whole run, at most
    services: ServiceURLs = field(default_factory=ServiceURLs)  # where each search service lives

    @property
    def looks_up_archives(self) -> bool:
        return self.discover or self.archive_fallback
    archive_local: bool = False  # add local files to the desk archive too (web pages always are)
    # A Dask scheduler's address ("tcp://host:8786"), or "local" for a cluster on this machine:
    # a batch's drafts are then checked there. None: in this process (or ``jobs`` workers).
    scheduler: str | None = None

    def cache_path(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir is not None else default_cache_dir()

    def fetch_options(self) -> FetchOptions:
        """The fetcher's settings for these options."""
        return FetchOptions(
            offline=self.offline,
            refresh=self.refresh,
            allow_private=self.allow_private,
            ignore_robots=self.ignore_robots,
            concurrency=self.limits.concurrency,
            per_host=self.limits.per_host,
            connect_timeout=self.timeout.connect,
            read_timeout=self.timeout.read,
            deadline=self.timeout.source,
            max_retries=self.limits.retries,
            max_redirects=self.limits.redirects,
            max_bytes=self.limits.max_bytes,
            max_decoded_bytes=self.limits.max_decoded_bytes,
            contact=self.contact,
            use_proxy_env=self.use_proxy_env,
        )


def with_config(options: Options, config: Config) -> Options:
    """``options`` with every setting the configuration file makes laid over it."""
    fetch = config.fetch
    timeout = Timeout(
        connect=fetch.connect_timeout if fetch.connect_timeout is not None else options.timeout.connect,
        read=fetch.timeout if fetch.timeout is not None else options.timeout.read,
        source=fetch.deadline if fetch.deadline is not None else options.timeout.source,
    )
    limits = replace(
        options.limits,
        concurrency=fetch.concurrency if fetch.concurrency is not None else options.limits.concurrency,
        per_host=fetch.per_host if fetch.per_host is not None else options.limits.per_host,
    )
    found = config.discover
    services = replace(
        options.services,
        **{
            name: getattr(found, name) or getattr(options.services, name)
            for name in ("searxng_url", "brave_url", "gdelt_url", "wayback_url", "wikidata_url")
        },
    )
    return replace(
        options,
        services=services,
        queries_per_claim=found.queries_per_claim or options.queries_per_claim,
        queries_per_run=found.queries_per_run or options.queries_per_run,
        cache_dir=config.cache_dir if config.cache_dir is not None else options.cache_dir,
        timeout=timeout,
        limits=limits,
        contact=fetch.contact if fetch.contact is not None else options.contact,
        outlets=options.outlets + tuple((outlet.name, *outlet.aliases) for outlet in config.outlets),
    )


def default_cache_dir() -> Path:
    """``$VERIFY_CACHE_DIR``; else the repository's ``cache/`` when run from a checkout; else ~/.cache/verify."""
    configured = os.environ.get("VERIFY_CACHE_DIR")
    if configured:
        return Path(configured)
    checkout_cache = Path(__file__).resolve().parent.parent / "cache"
    if checkout_cache.is_dir() and (checkout_cache.parent / "pyproject.toml").is_file():
        return checkout_cache
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "verify"
