"""Getting every source of a run: local files from disk, URLs from the cache or the network.

``fetch_sources`` is synchronous for its caller; the URLs that need a request are fetched
by one ``httpx.AsyncClient`` (``verify.sources.network``). Each distinct URL (fragment
ignored) is fetched at most once per call, however often it is listed. Sources are fetched
concurrently: at most ``options.concurrency`` URLs in flight, at most ``options.per_host``
requests to one host. Every problem with a source becomes its status and a one-line error;
nothing is raised for a source.

Per URL, in order: a host that is an IP literal the address policy refuses → ``blocked``;
a cached snapshot (unless ``refresh``) that this check's rules accept → ``ok``,
``from_cache``; one they refuse → ``blocked`` offline, fetched again online;
``offline`` → ``offline_miss``; else fetch within ``options.deadline`` seconds, with
robots.txt (unless ``ignore_robots``) and the address policy checked at every redirect
hop, then keep the body in the cache with how it was fetched. Under a check's ``deadline`` no
request starts once it has passed, and each source's own deadline is cut to what is left of it.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from verify.deadline import NO_DEADLINE, Deadline
from verify.model import FetchedSource, Snapshot, SourceRef, SourceStatus
from verify.sources.addresses import AddressRefused, check_address, parse_ip
from verify.sources.cache import SnapshotCache, sha256_hex, utc_now
from verify.sources.options import ALLOWED_SCHEMES, FetchOptions
from verify.sources.outcome import Outcome
from verify.sources.provenance import ROBOTS_IGNORED, refusal_for

if TYPE_CHECKING:
    from verify.sources.netpolicy import Resolver

LOCAL_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/plain",
    ".markdown": "text/plain",
}


def fetch_sources(
    refs: Sequence[SourceRef],
    *,
    cache_dir: Path,
    options: FetchOptions,
    progress: bool = False,
    resolver: Resolver | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> tuple[FetchedSource, ...]:
    """Get every source in ``refs``; the result is in the same order as ``refs``.

    ``resolver`` replaces the system's name lookup (tests map names to addresses with it).
    Local files and cache hits are read here; only URLs that need a request go to
    ``verify.sources.network``, which is imported for them alone.
    """
    cache = SnapshotCache(Path(cache_dir))
    outcomes: dict[str, Outcome] = {}
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
        outcomes.update(_over_network(to_fetch, cache, options, progress, resolver, deadline))
    results: list[FetchedSource] = []
    read_at = utc_now()  # one time for the whole run's local files
    local = iter(read_locals([ref for ref, key in zip(refs, keys, strict=True) if key is None], read_at))
    for ref, key in zip(refs, keys, strict=True):
        if key is None:
            results.append(next(local))
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


def _over_network(
    urls: list[str],
    cache: SnapshotCache,
    options: FetchOptions,
    progress: bool,
    resolver: Resolver | None,
    deadline: Deadline,
) -> dict[str, Outcome]:
    import asyncio
    import concurrent.futures

    from verify.sources.netpolicy import system_resolver
    from verify.sources.network import fetch_urls

    job = fetch_urls(urls, cache, options, progress, resolver or system_resolver, deadline)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(job)
    # Called from inside an event loop (a server handler): run ours on a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, job).result()


# Characters a URL may carry as they are; anything else (a space, a non-ASCII letter) is
# percent-encoded as UTF-8, as browsers and httpx do. "%" is kept so escapes stay as written.
_URL_KEEP = "!$%&'()*+,/:;=?@[]~"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def url_key(url: str) -> str:
    """The URL as fetched and cached: one spelling for one address.

    Scheme and host lower-cased, the host in IDNA, a default port and the fragment dropped,
    spaces and non-ASCII characters percent-encoded; the same key httpx's URL parser gives
    for ordinary URLs (tested), without importing httpx, which a run whose URLs are all in
    the cache (or offline) does not otherwise need. It differs from httpx on rare spellings:
    ``| { } ^`` and a backslash are percent-encoded here and kept by httpx, an empty query ("a?") is dropped
    here, and an ``@`` inside a password is left as it is. A string that does not parse is its
    own key.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    host = parts.hostname
    if host is not None:
        if not host.isascii():
            try:
                host = host.encode("idna").decode("ascii")
            except UnicodeError:
                host = quote(host, safe="")
        if ":" in host:
            host = f"[{host}]"  # an IPv6 address
        userinfo = netloc.rpartition("@")[0] + "@" if "@" in netloc else ""
        shown_port = f":{port}" if port is not None and port != _DEFAULT_PORTS.get(scheme) else ""
        netloc = quote(userinfo, safe=_URL_KEEP) + host + shown_port
    path = quote(_without_dot_segments(parts.path), safe=_URL_KEEP)
    query = quote(parts.query, safe=_URL_KEEP)
    return urlunsplit((scheme, netloc, path, query, ""))


def _without_dot_segments(path: str) -> str:
    """``/a/../b/./c`` as ``/b/c`` (RFC 3986, section 5.2.4), as httpx reads it."""
    if "." not in path:
        return path
    kept: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    return "/".join(kept)  # like httpx, a trailing "." or ".." leaves no trailing slash


def _without_network(key: str, cache: SnapshotCache, options: FetchOptions) -> Outcome | None:
    """The outcome when no request is needed (bad scheme or address, cache hit, offline), else None.

    A cached snapshot is served only if this check's own rules would have let it be fetched
    the way its record says it was (``provenance.refusal_for``). Online a refused snapshot is
    fetched again, and the address policy and robots.txt decide as for any fetch; offline the
    refusal is the outcome. The readable-text cache is keyed by body hash, so it is reached
    only through a snapshot served here.
    """
    try:
        parts = urlsplit(key)
        parts.port  # noqa: B018  # a port that is not a number raises here
    except ValueError:
        return Outcome(SourceStatus.NOT_FOUND, error=f"invalid URL {key!r}")
    scheme = parts.scheme
    if scheme not in ALLOWED_SCHEMES:
        return Outcome(SourceStatus.BLOCKED, error=f"only http and https URLs are fetched, not {scheme or '?'}:")
    literal = parse_ip(parts.hostname or "")
    if literal is not None:
        try:
            check_address(literal, allow_private=options.allow_private)
        except AddressRefused as refused:  # as the fetch would be, before any request
            return Outcome(SourceStatus.BLOCKED, error=f"address refused: {refused}")
    if not options.refresh:
        cached = cache.load(key)
        if cached is not None:
            refused_because = refusal_for(
                cached.provenance, allow_private=options.allow_private, ignore_robots=options.ignore_robots
            )
            if refused_because is None:
                snapshot, ignored = cached.snapshot, cached.provenance.robots == ROBOTS_IGNORED
                return Outcome(SourceStatus.OK, snapshot, http_status=snapshot.http_status, robots_ignored=ignored)
            if options.offline:
                return Outcome(SourceStatus.BLOCKED, error=refused_because)
    if options.offline:
        if cache.written_by_older_version(key):
            older = "cached by an older verify that did not record how it was fetched (offline)"
            return Outcome(SourceStatus.OFFLINE_MISS, error=older)
        return Outcome(SourceStatus.OFFLINE_MISS, error="not in the cache (offline)")
    return None


# Local files are announced to the kernel (POSIX_FADV_WILLNEED) this many at a time, so files
# not in the page cache come off the disk together rather than one after another.
READ_AHEAD_FILES = 32


def read_locals(refs: Sequence[SourceRef], read_at: str | None = None) -> list[FetchedSource]:
    """``read_local`` of each ref, in order, a batch announced to the kernel at a time."""
    results: list[FetchedSource] = []
    for at in range(0, len(refs), READ_AHEAD_FILES):
        batch = refs[at : at + READ_AHEAD_FILES]
        opened = [_open_for_reading(ref.path) for ref in batch]
        try:
            for k, ref in enumerate(batch):
                fd, opened[k] = opened[k], None  # read_local closes it
                results.append(read_local(ref, read_at, fd))
        finally:
            for fd in opened:  # only if reading stopped early
                if fd is not None:
                    os.close(fd)
    return results


def _open_for_reading(path: str | None) -> int | None:
    """A descriptor of ``path``, its reading announced; None if it cannot be had (read_local says why)."""
    if path is None or not hasattr(os, "posix_fadvise"):
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    return fd


def read_local(ref: SourceRef, read_at: str | None = None, fd: int | None = None) -> FetchedSource:
    """A local source file, read from disk and never fetched (``read_at``: the time to record).

    ``fd``, if given, is the file already opened for reading (it is closed here).
    Its body is not copied into the cache here: only the files that end up cited as
    evidence are kept (``verify.sources.pool.SourcePool.keep_cited``), so a check against
    thousands of local files does not write thousands of copies.
    """
    if ref.path is None:
        return FetchedSource(ref, SourceStatus.NOT_FOUND, None, error="the source has neither a URL nor a path")
    try:
        body = _read_all(ref.path, fd)
    except FileNotFoundError:
        return FetchedSource(ref, SourceStatus.NOT_FOUND, None, error=f"no such file: {ref.path}")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return FetchedSource(ref, SourceStatus.UNREADABLE, None, error=f"cannot read {ref.path}: {reason}")
    snapshot = Snapshot(
        location=ref.path,
        final_url=None,
        http_status=None,
        content_type=guess_local_type(ref.path),
        charset=None,
        fetched_at=read_at or utc_now(),
        sha256=sha256_hex(body),
        body=body,
        from_cache=False,
        cache_path=None,
    )
    return FetchedSource(ref, SourceStatus.OK, snapshot)


def _read_all(path: str, fd: int | None) -> bytes:
    if fd is None:
        with open(path, "rb") as file:
            return file.read()
    try:
        file = open(fd, "rb")  # closed by the with below; if this fails, the descriptor is not
    except BaseException:
        os.close(fd)  # a descriptor that open() refused (a directory) stays ours to close
        raise
    with file:
        return file.read()


def guess_local_type(path: str | Path) -> str | None:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in LOCAL_TYPES:
        return LOCAL_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(os.path.basename(path))
    return guessed
