"""The network half of fetching: one ``httpx.AsyncClient`` for every URL that needs a request.

Imported only when some URL is neither in the cache nor ruled out without a request, so a
check against local files or cached snapshots never loads httpx, httpcore or asyncio's
networking.
"""

from __future__ import annotations

import asyncio
import time

import httpx

from verify.deadline import NO_DEADLINE, Deadline
from verify.model import Snapshot, SourceStatus
from verify.sources.cache import SnapshotCache, sha256_hex, utc_now
from verify.sources.client import FetchFailure, Got, HttpGetter, one_line, user_agent
from verify.sources.netpolicy import AddressPolicy, Resolver
from verify.sources.options import FetchOptions
from verify.sources.outcome import Outcome
from verify.sources.progress import FetchProgress
from verify.sources.provenance import ROBOTS_ALLOWED, ROBOTS_IGNORED, Provenance
from verify.sources.robots import ROBOTS_PARSE_LIMIT, RobotsGate
from verify.sources.transport import PinnedTransport


async def fetch_urls(
    urls: list[str],
    cache: SnapshotCache,
    options: FetchOptions,
    progress: bool,
    resolver: Resolver,
    deadline: Deadline = NO_DEADLINE,
) -> dict[str, Outcome]:
    """Every URL's outcome; none is started once ``deadline`` has passed, and none runs past it."""
    policy = AddressPolicy(allow_private=options.allow_private, resolver=resolver)
    timeout = httpx.Timeout(
        connect=options.connect_timeout,
        read=options.read_timeout,
        write=options.read_timeout,
        pool=options.deadline,
    )
    if options.use_proxy_env:
        # A proxy makes the connection, so addresses are checked by name only.
        transport: httpx.AsyncBaseTransport | None = None
    else:
        transport = PinnedTransport(policy, max_connections=max(options.concurrency, 1))
    client = httpx.AsyncClient(
        transport=transport,
        trust_env=options.use_proxy_env,
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": user_agent(options.contact)},
        limits=httpx.Limits(max_connections=max(options.concurrency, 1)),
    )
    async with client:
        getter = HttpGetter(client, policy, options)
        loop = asyncio.get_running_loop()

        async def get_robots(url: str) -> Got:
            seconds = deadline.cap(options.deadline)
            try:
                async with asyncio.timeout(seconds):
                    return await getter.get(
                        url,
                        deadline_at=loop.time() + seconds,
                        only_readable=False,
                        keep_first=ROBOTS_PARSE_LIMIT,
                    )
            except TimeoutError as error:
                raise FetchFailure(SourceStatus.TIMEOUT, f"no answer within {seconds:g} s") from error

        robots = RobotsGate(get_robots)
        in_flight = asyncio.Semaphore(max(options.concurrency, 1))

        with FetchProgress(len(urls), enabled=progress) as bar:

            async def one(url: str) -> tuple[str, Outcome]:
                async with in_flight:
                    if deadline.passed():  # the check is over: start nothing new
                        outcome = Outcome(SourceStatus.TIMEOUT, error="not fetched: the check's time limit had passed")
                    else:
                        bar.started(url, time.monotonic())
                        outcome = await fetch_url(url, getter, robots, cache, options, deadline)
                bar.advance(url, outcome.status.value)
                return url, outcome

            async def name_the_slow_one() -> None:
                while True:  # cancelled once every source has its answer
                    await asyncio.sleep(1.0)
                    bar.refresh()

            watcher = asyncio.create_task(name_the_slow_one()) if bar.shown else None
            try:
                pairs = await asyncio.gather(*(one(url) for url in urls))
            finally:
                if watcher is not None:
                    watcher.cancel()
    return dict(pairs)


async def fetch_url(
    url: str,
    getter: HttpGetter,
    robots: RobotsGate,
    cache: SnapshotCache,
    options: FetchOptions,
    deadline: Deadline = NO_DEADLINE,
) -> Outcome:
    """Fetch one URL within the per-source deadline (cut to what is left of the check's) and cache
    the body with how it was fetched, so a later check with other rules can tell whether it may read it."""
    ignored = options.ignore_robots
    loop = asyncio.get_running_loop()
    seconds = deadline.cap(options.deadline)
    deadline_at = loop.time() + seconds
    try:
        async with asyncio.timeout(seconds):
            got = await getter.get(url, deadline_at=deadline_at, hop_check=None if ignored else robots.check)
    except TimeoutError:
        return Outcome(SourceStatus.TIMEOUT, error=f"no complete answer within {seconds:g} s", robots_ignored=ignored)
    except FetchFailure as failure:
        return Outcome(failure.status, error=str(failure), http_status=failure.http_status, robots_ignored=ignored)
    except Exception as error:  # a bug or an error type nobody foresaw must not stop the run
        return Outcome(SourceStatus.HTTP_ERROR, error=f"unexpected {type(error).__name__}: {one_line(error)}"[:300])
    snapshot = Snapshot(
        location=url,
        final_url=got.final_url,
        http_status=got.http_status,
        content_type=got.content_type,
        charset=got.charset,
        fetched_at=utc_now(),
        sha256=sha256_hex(got.body),
        body=got.body,
    )
    provenance = Provenance(
        hops=got.hops,
        allow_private=options.allow_private,
        robots=ROBOTS_IGNORED if ignored else ROBOTS_ALLOWED,
        via_proxy=options.use_proxy_env,
    )
    try:
        snapshot = cache.store(url, snapshot, got.headers, provenance)
    except OSError:
        pass  # an unwritable cache loses the evidence copy, not the source
    return Outcome(SourceStatus.OK, snapshot=snapshot, http_status=got.http_status, robots_ignored=ignored)
