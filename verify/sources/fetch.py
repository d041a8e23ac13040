"""Getting every source of a run: local files from disk, URLs from the cache or the network.

``fetch_sources`` is synchronous for its caller and runs one ``httpx.AsyncClient``
inside. Each distinct URL (fragment ignored) is fetched at most once per call, however
often it is listed. Sources are fetched concurrently: at most ``options.concurrency``
URLs in flight, at most ``options.per_host`` requests to one host. Every problem with a
source becomes its status and a one-line error; nothing is raised for a source.

Per URL, in order: a cached snapshot (unless ``refresh``) → ``ok``, ``from_cache``;
``offline`` → ``offline_miss``; else fetch within ``options.deadline`` seconds, with
robots.txt (unless ``ignore_robots``) and the address policy checked at every redirect
hop, then keep the body in the cache.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from verify.model import FetchedSource, Snapshot, SourceRef, SourceStatus
from verify.sources.cache import SnapshotCache, sha256_hex
from verify.sources.client import FetchFailure, Got, HttpGetter, one_line, user_agent, utc_now
from verify.sources.netpolicy import ALLOWED_SCHEMES, AddressPolicy, Resolver, system_resolver
from verify.sources.options import FetchOptions
from verify.sources.progress import FetchProgress
from verify.sources.robots import RobotsGate
from verify.sources.transport import PinnedTransport

LOCAL_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/plain",
    ".markdown": "text/plain",
}


@dataclass(frozen=True)
class _Outcome:
    """What happened to one distinct URL; shared by every ref that names it."""

    status: SourceStatus
    snapshot: Snapshot | None = None
    error: str | None = None
    http_status: int | None = None
    robots_ignored: bool = False


def fetch_sources(
    refs: Sequence[SourceRef],
    *,
    cache_dir: Path,
    options: FetchOptions,
    progress: bool = False,
    resolver: Resolver | None = None,
) -> tuple[FetchedSource, ...]:
    """Get every source in ``refs``; the result is in the same order as ``refs``.

    ``resolver`` replaces the system's name lookup (tests map names to addresses with it).
    """
    job = _fetch_all(refs, Path(cache_dir), options, progress, resolver or system_resolver)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(job)
    # Called from inside an event loop (a server handler): run ours on a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, job).result()


async def _fetch_all(
    refs: Sequence[SourceRef], cache_dir: Path, options: FetchOptions, progress: bool, resolver: Resolver
) -> tuple[FetchedSource, ...]:
    cache = SnapshotCache(cache_dir)
    outcomes: dict[str, _Outcome] = {}
    keys: list[str | None] = []
    to_fetch: list[str] = []
    for ref in refs:
        if ref.path is not None or ref.url is None:
            keys.append(None)
            continue
        url = url_key(ref.url)
        keys.append(url)
        if url in outcomes or url in to_fetch:
            continue
        early = _without_network(url, cache, options)
        if early is not None:
            outcomes[url] = early
        else:
            to_fetch.append(url)
    if to_fetch:
        outcomes.update(await _fetch_urls(to_fetch, cache, options, progress, resolver))
    results: list[FetchedSource] = []
    for ref, key in zip(refs, keys, strict=True):
        if key is None:
            results.append(read_local(ref))
        else:
            outcome = outcomes[key]
            results.append(
                FetchedSource(
                    ref=ref,
                    status=outcome.status,
                    snapshot=outcome.snapshot,
                    error=outcome.error,
                    http_status=outcome.http_status,
                    robots_ignored=outcome.robots_ignored,
                )
            )
    return tuple(results)


def url_key(url: str) -> str:
    """The URL as fetched and cached: parsed and normalised by httpx, without its fragment."""
    try:
        return str(httpx.URL(url.strip()).copy_with(fragment=None))
    except (httpx.InvalidURL, ValueError, TypeError):
        return url.strip()


def _without_network(key: str, cache: SnapshotCache, options: FetchOptions) -> _Outcome | None:
    """The outcome when no request is needed (bad scheme, cache hit, offline), else None."""
    try:
        scheme = httpx.URL(key).scheme
    except (httpx.InvalidURL, ValueError):
        return _Outcome(SourceStatus.NOT_FOUND, error=f"invalid URL {key!r}")
    if scheme not in ALLOWED_SCHEMES:
        return _Outcome(SourceStatus.BLOCKED, error=f"only http and https URLs are fetched, not {scheme or '?'}:")
    if not options.refresh:
        cached = cache.load(key)
        if cached is not None:
            return _Outcome(SourceStatus.OK, snapshot=cached, http_status=cached.http_status)
    if options.offline:
        return _Outcome(SourceStatus.OFFLINE_MISS, error="not in the cache (offline)")
    return None


async def _fetch_urls(
    urls: list[str], cache: SnapshotCache, options: FetchOptions, progress: bool, resolver: Resolver
) -> dict[str, _Outcome]:
    policy = AddressPolicy(allow_private=options.allow_private, resolver=resolver)
    timeout = httpx.Timeout(
        connect=options.connect_timeout,
        read=options.read_timeout,
        write=options.read_timeout,
        pool=options.deadline,
    )
    if options.use_proxy_env:
        # A proxy makes the connection, so addresses are checked by name only (see README).
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
            try:
                async with asyncio.timeout(options.deadline):
                    return await getter.get(url, deadline_at=loop.time() + options.deadline, only_readable=False)
            except TimeoutError as error:
                raise FetchFailure(SourceStatus.TIMEOUT, f"no answer within {options.deadline:g} s") from error

        robots = RobotsGate(get_robots)
        in_flight = asyncio.Semaphore(max(options.concurrency, 1))

        with FetchProgress(len(urls), enabled=progress) as bar:

            async def one(url: str) -> tuple[str, _Outcome]:
                async with in_flight:
                    outcome = await fetch_url(url, getter, robots, cache, options)
                bar.advance(url, outcome.status.value)
                return url, outcome

            pairs = await asyncio.gather(*(one(url) for url in urls))
    return dict(pairs)


async def fetch_url(
    url: str, getter: HttpGetter, robots: RobotsGate, cache: SnapshotCache, options: FetchOptions
) -> _Outcome:
    """Fetch one URL from the network within the per-source deadline and cache the body."""
    ignored = options.ignore_robots
    loop = asyncio.get_running_loop()
    deadline_at = loop.time() + options.deadline
    try:
        async with asyncio.timeout(options.deadline):
            got = await getter.get(url, deadline_at=deadline_at, hop_check=None if ignored else robots.check)
    except TimeoutError:
        return _Outcome(
            SourceStatus.TIMEOUT, error=f"no complete answer within {options.deadline:g} s", robots_ignored=ignored
        )
    except FetchFailure as failure:
        return _Outcome(failure.status, error=str(failure), http_status=failure.http_status, robots_ignored=ignored)
    except Exception as error:  # a bug or an error type nobody foresaw must not stop the run
        return _Outcome(SourceStatus.HTTP_ERROR, error=f"unexpected {type(error).__name__}: {one_line(error)}"[:300])
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
    try:
        snapshot = cache.store(url, snapshot, got.headers)
    except OSError:
        pass  # an unwritable cache loses the evidence copy, not the source
    return _Outcome(SourceStatus.OK, snapshot=snapshot, http_status=got.http_status, robots_ignored=ignored)


def read_local(ref: SourceRef) -> FetchedSource:
    """A local source file, read from disk and never fetched.

    Its body is not copied into the cache here: only the files that end up cited as
    evidence are kept (``verify.pipeline.SourcePool.keep_cited``), so a check against
    thousands of local files does not write thousands of copies.
    """
    if ref.path is None:
        return FetchedSource(ref, SourceStatus.NOT_FOUND, None, error="the source has neither a URL nor a path")
    path = Path(ref.path)
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        return FetchedSource(ref, SourceStatus.NOT_FOUND, None, error=f"no such file: {ref.path}")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return FetchedSource(ref, SourceStatus.UNREADABLE, None, error=f"cannot read {ref.path}: {reason}")
    snapshot = Snapshot(
        location=ref.path,
        final_url=None,
        http_status=None,
        content_type=guess_local_type(path),
        charset=None,
        fetched_at=utc_now(),
        sha256=sha256_hex(body),
        body=body,
        from_cache=False,
        cache_path=None,
    )
    return FetchedSource(ref, SourceStatus.OK, snapshot)


def guess_local_type(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in LOCAL_TYPES:
        return LOCAL_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed
