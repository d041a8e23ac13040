"""The sources of a run: named once, fetched once, read once, and shared by all its drafts.

Also where the local files that evidence cites are copied into the snapshot cache, so that a
report's snapshot survives later edits to the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from verify.deadline import NO_DEADLINE, Deadline
from verify.errors import SourceError
from verify.model import (
    FetchedSource,
    Report,
    Snapshot,
    SourceEntry,
    SourceRef,
    SourceStatus,
    SourceText,
)
from verify.sources.cache import SnapshotCache
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions
from verify.sources.resolve import (
    NumberedSource,
    load_sources_file,
    merge_refs,
    normalise_outlet,
    number_sources,
    ref_key,
    refs_from_arguments,
)
from verify.sources.textcache import TextCache

if TYPE_CHECKING:  # a check without workers never loads concurrent.futures
    from concurrent.futures import Executor, Future


def named_refs(
    *, sources: Sequence[str | SourceRef] = (), sources_file: str | Path | None = None
) -> tuple[SourceRef, ...]:
    """The sources named for every draft of a run: the sources file first, then arguments.

    Each draft adds its own links after these (``check_many``).
    """
    from_file = load_sources_file(sources_file) if sources_file is not None else ()
    given = tuple(s for s in sources if isinstance(s, SourceRef))
    given += refs_from_arguments(s for s in sources if isinstance(s, str))
    return merge_refs(from_file, given)


@dataclass(frozen=True)
class LoadedSource:
    """A numbered source after fetching and text extraction."""

    numbered: NumberedSource
    fetched: FetchedSource
    text: SourceText | None  # None unless status is ok


@dataclass(frozen=True)
class SourcePool:
    """Every source of a run, fetched once and read once, shared by all its drafts."""

    by_location: Mapping[str, tuple[FetchedSource, SourceText | None]]
    cache_dir: Path | None = None
    # What a source is for every draft that names it alike, worked out once per batch.
    _as_named: dict[SourceRef, tuple[SourceRef, FetchedSource, SourceText | None]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _light: dict[SourceRef, tuple[str, FetchedSource]] = field(default_factory=dict, repr=False, compare=False)

    def for_refs(self, refs: Sequence[SourceRef]) -> tuple[LoadedSource, ...]:
        """One draft's sources, numbered S1, S2, … in the order that draft names them."""
        loaded = []
        for numbered in number_sources(refs):
            ref, fetched, text = self._named(numbered.ref)
            if text is not None:
                text = replace(text, source_id=numbered.id)
            loaded.append(LoadedSource(NumberedSource(numbered.id, ref), fetched, text))
        return tuple(loaded)

    def _named(self, ref: SourceRef) -> tuple[SourceRef, FetchedSource, SourceText | None]:
        """The source's ref named by the page's own outlet, and its fetch and text."""
        if ref not in self._as_named:
            fetched, text = self.by_location[ref_key(ref)]
            named = with_page_outlet(ref, text.outlet) if text is not None else ref
            self._as_named[ref] = (named, replace(fetched, ref=named), text)
        return self._as_named[ref]

    def without_bodies(self, loaded: Sequence[LoadedSource]) -> tuple[tuple[LoadedSource, ...], tuple[str | None, ...]]:
        """A draft's sources as a worker gets them: no page bytes and no texts, only each text's location."""
        light, locations = [], []
        for source in loaded:
            ref = source.numbered.ref
            if ref not in self._light:
                snapshot = source.fetched.snapshot
                bare = replace(snapshot, body=b"") if snapshot is not None else None
                self._light[ref] = (ref_key(ref), replace(source.fetched, snapshot=bare))
            key, fetched = self._light[ref]
            light.append(LoadedSource(source.numbered, fetched, None))
            locations.append(key if source.text is not None else None)
        return tuple(light), tuple(locations)

    def texts(self) -> tuple[SourceText, ...]:
        """Every readable text of the run, each under its location (``ref_key``)."""
        return tuple(text for _, text in self.by_location.values() if text is not None)

    def keep_cited(self, report: Report) -> Report:
        """Copy each local file that evidence cites into the snapshot cache, and name the copy.

        A fetched page is kept when it is fetched; a local file only once it is evidence, so
        that the report's snapshot survives later edits to the file. A copy that cannot be
        written leaves the report naming the file and its sha256.
        """
        if self.cache_dir is None:
            return report
        cited = {r.evidence.source for r in report.results if r.evidence is not None}
        cache = SnapshotCache(self.cache_dir)
        entries = list(report.sources)
        for k, entry in enumerate(entries):
            if entry.id not in cited or entry.path is None:
                continue
            fetched, _ = self.by_location[ref_key(SourceRef(url=entry.url, path=entry.path))]
            snapshot = fetched.snapshot
            if snapshot is None or snapshot.cache_path is not None:
                continue
            try:
                copy = cache.store_body(snapshot.body, snapshot.sha256)
            except OSError:
                continue
            entries[k] = replace(entry, snapshot=str(copy))
        return replace(report, sources=tuple(entries))


def with_page_outlet(ref: SourceRef, outlet: str | None) -> SourceRef:
    """``ref`` named by the page's own name for its site: its outlet when none was given, else one more alias."""
    if not outlet:
        return ref
    if ref.outlet is None:
        return replace(ref, outlet=outlet)
    if normalise_outlet(outlet) in {normalise_outlet(n) for n in ref.names()}:
        return ref
    return replace(ref, aliases=(*ref.aliases, outlet))


def load_pool(
    refs: Sequence[SourceRef],
    *,
    options: FetchOptions,
    cache_dir: Path,
    progress: bool = False,
    deadline: Deadline = NO_DEADLINE,
    workers: Executor | None = None,
) -> SourcePool:
    """Fetch every source once and extract its readable text; failures become statuses.

    ``deadline`` is the check's: the fetcher keeps within it, and it is polled before each
    source's text is read (``CheckTimeout`` once it has passed). With ``workers`` (a batch's
    process pool), the HTML and PDF pages whose text is not cached yet are read there, in
    parallel; the rest is read here.
    """
    unique = merge_refs(refs)
    fetched_all = fetch_sources(unique, cache_dir=cache_dir, options=options, progress=progress, deadline=deadline)
    texts = TextCache(cache_dir)
    by_location: dict[str, tuple[FetchedSource, SourceText | None]] = {}
    elsewhere: dict[str, tuple[Future[SourceText | tuple[str, str]] | None, Snapshot]] = {}
    for ref, fetched in zip(unique, fetched_all, strict=True):
        deadline.poll()
        key, snapshot = ref_key(ref), fetched.snapshot
        text = None
        if fetched.status is SourceStatus.OK and snapshot is not None:
            if workers is not None and texts.needs_reading(snapshot):
                text = texts.stored(key, snapshot)
                if text is None:
                    elsewhere[key] = (_read_in_worker(workers, cache_dir, key, snapshot), snapshot)
            else:
                try:
                    text = texts.read(key, snapshot)
                except SourceError as exc:
                    fetched = replace(fetched, status=SourceStatus(exc.status), error=str(exc))
        by_location[key] = (fetched, text)
    for key, (future, snapshot) in elsewhere.items():
        deadline.poll()
        fetched, _ = by_location[key]
        read = _worker_result(future)
        if read is None:  # the workers have stopped: the page is read here
            read = read_text(cache_dir, key, snapshot)
        if isinstance(read, SourceText):
            by_location[key] = (fetched, read)
        else:
            status, error = read
            by_location[key] = (replace(fetched, status=SourceStatus(status), error=error), None)
    return SourcePool(by_location, cache_dir)


def _read_in_worker(
    workers: Executor, cache_dir: Path, key: str, snapshot: Snapshot
) -> Future[SourceText | tuple[str, str]] | None:
    """A worker's reading of the page, or None when the workers have stopped."""
    from concurrent.futures import BrokenExecutor

    try:
        return workers.submit(read_text, cache_dir, key, snapshot)
    except BrokenExecutor:  # a worker was killed (out of memory, a signal)
        return None


def _worker_result(future: Future[SourceText | tuple[str, str]] | None) -> SourceText | tuple[str, str] | None:
    """What the worker read, or None when it stopped before it could say."""
    from concurrent.futures import BrokenExecutor

    if future is None:
        return None
    try:
        return future.result()
    except BrokenExecutor:
        return None


def read_text(cache_dir: Path, key: str, snapshot: Snapshot) -> SourceText | tuple[str, str]:
    """The snapshot's readable text (kept in the text cache), or the status and reason it has none.

    Runs in a batch's worker process: the failure comes back as plain values, which pickle.
    """
    try:
        return TextCache(cache_dir).read(key, snapshot)
    except SourceError as exc:
        return exc.status, str(exc)


def source_entry(loaded: LoadedSource) -> SourceEntry:
    ref, fetched, snap = loaded.numbered.ref, loaded.fetched, loaded.fetched.snapshot
    return SourceEntry(
        id=loaded.numbered.id,
        url=ref.url,
        path=ref.path,
        outlet=ref.outlet,
        status=fetched.status,
        http_status=fetched.http_status if fetched.http_status is not None else (snap.http_status if snap else None),
        from_cache=bool(snap and snap.from_cache),
        fetched_at=snap.fetched_at if snap else None,
        sha256=snap.sha256 if snap else None,
        content_type=snap.content_type if snap else None,
        error=fetched.error,
        aliases=ref.aliases,
        final_url=snap.final_url if snap else None,
        snapshot=snap.cache_path if snap else None,
        robots_ignored=fetched.robots_ignored,
        origin=ref.origin,
        discovery=ref.discovery,
        archive=ref.archive,
    )
