"""A batch's drafts checked on a Dask cluster: ``verify check DIR --scheduler tcp://host:8786``.

The client (the process that runs ``check_many``) fetches every source into the cache
directory, reads its text there and adds it to the desk archive, as a plain batch does. Each
draft then goes to a worker as one task with its sources' records only: a source whose body
the snapshot store holds travels without its body and text, and the worker reads both from
that store (``objects/`` and ``texts/`` of the cache directory), local files included, which
the client puts there first. The store is a directory that every worker sees at the client's
path (a shared or network file system). Reports come back as each draft finishes; the desk
archive is written by the client only.

``--scheduler local`` starts a ``dask.distributed.LocalCluster`` of worker processes on this
machine (``jobs`` of them, else one per core). Dask is imported only here, and this module
only when a scheduler is named.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from verify.deadline import NO_DEADLINE, Deadline
from verify.errors import InputError
from verify.model import Document, Report, Snapshot, SourceText
from verify.options import Options
from verify.sources.cache import SnapshotCache, sha256_hex
from verify.sources.pool import LoadedSource
from verify.sources.textcache import TextCache

LOCAL = "local"
_CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True)
class SharedSource:
    """A draft's source as a task carries it: without body and text when the store holds them."""

    loaded: LoadedSource
    in_store: bool  # the worker reads the body and text from the snapshot store


def shared(source: LoadedSource, store: SnapshotCache) -> SharedSource:
    """``source`` stripped of what a worker can read from the snapshot store.

    A local file's body is put in the store first (as a cited one would be): the workers may
    not see the client's files, and a page then crosses the network once, not once per draft.
    """
    snapshot = source.fetched.snapshot
    if snapshot is None or source.text is None:
        return SharedSource(source, False)
    if snapshot.cache_path is None:
        try:
            store.store_body(snapshot.body, snapshot.sha256)
        except OSError:
            return SharedSource(source, False)  # a read-only store: the bytes travel with the task
    bare = replace(source.fetched, snapshot=replace(snapshot, body=b""))
    return SharedSource(replace(source, fetched=bare, text=None), True)


@lru_cache(maxsize=1024)
def _stored_text(cache_root: str, bare: Snapshot) -> SourceText:
    """The readable text of a stored snapshot, read once per worker process."""
    root = Path(cache_root)
    path = SnapshotCache(root).object_path(bare.sha256)
    try:
        body = path.read_bytes()
    except OSError:
        body = b""
    if sha256_hex(body) != bare.sha256:
        raise InputError(f"{path}: not in the snapshot store the workers read (is {root} shared with them?)")
    return TextCache(root).read("", replace(bare, body=body))


def restored(source: SharedSource, cache_root: str) -> LoadedSource:
    """The source as the client loaded it (its body left out: matching reads only the text)."""
    if not source.in_store:
        return source.loaded
    snapshot = source.loaded.fetched.snapshot
    assert snapshot is not None
    text = replace(_stored_text(cache_root, snapshot), source_id=source.loaded.numbered.id)
    return replace(source.loaded, text=text)


def check_on_worker(
    document: Document,
    sources: tuple[SharedSource, ...],
    baseline: Report | None,
    cache_root: str,
    seconds_left: float | None,
    limit: float | None,
) -> Report:
    """One draft's report, made on a worker from its sources' records and the shared store."""
    from verify.pipeline import check_document  # the pipeline imports this module

    # The client's monotonic clock means nothing on another machine: the time left travels instead.
    deadline = NO_DEADLINE if seconds_left is None else Deadline(time.monotonic() + seconds_left, limit)
    return check_document(document, tuple(restored(s, cache_root) for s in sources), baseline, deadline)


def match_on_cluster(
    documents: Sequence[Document],
    loaded: Sequence[tuple[LoadedSource, ...]],
    baselines: Sequence[Report | None],
    options: Options,
    deadline: Deadline,
) -> Iterator[tuple[int, Report]]:
    """Each draft's position and report, in the order the cluster finishes them."""
    from dask.distributed import as_completed

    root = str(options.cache_path().resolve())
    store = SnapshotCache(Path(root))
    remaining = deadline.remaining()
    seconds_left = None if math.isinf(remaining) else remaining
    with _client(options) as client:
        futures = {
            client.submit(
                check_on_worker,
                document,
                tuple(shared(s, store) for s in sources),
                baseline,
                root,
                seconds_left,
                deadline.limit,
                pure=False,
            ): k
            for k, (document, sources, baseline) in enumerate(zip(documents, loaded, baselines, strict=True))
        }
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            yield futures[future], future.result()


@contextmanager
def _client(options: Options) -> Iterator[Any]:
    """A client of the named scheduler, or of a cluster started here for ``local``."""
    from dask.distributed import Client, LocalCluster

    address = options.scheduler
    if address == LOCAL:
        workers = options.jobs if options.jobs > 1 else (os.cpu_count() or 1)
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,  # matching holds the GIL: one draft per process at a time
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield client
        return
    try:
        client = Client(address, timeout=_CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, ValueError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    with client:
        yield client


def valid_scheduler(address: str) -> bool:
    """``local``, or an address with a scheme (``tcp://host:8786``, ``tls://…``)."""
    scheme, _, rest = address.partition("://")
    return address == LOCAL or (scheme.isalpha() and bool(rest) and not any(ch.isspace() for ch in rest))
