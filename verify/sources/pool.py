"""The sources of a run: named once, fetched once, read once, and shared by all its drafts.

Also where the local files that evidence cites are copied into the snapshot cache, so that a
report's snapshot survives later edits to the file.

``verify.pipeline`` imports this module only after it has forked its claims child, so that
the child starts before the source readers (the sources file's TOML, the fetcher, the word
store) are loaded: see the note on imports there.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from verify import forked
from verify.errors import SourceError
from verify.model import (
    ClaimResult,
    FetchedSource,
    Report,
    Snapshot,
    SourceEntry,
    SourceRef,
    SourceStatus,
    SourceText,
)
from verify.sources.cache import SnapshotCache, sha256_hex
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions
from verify.sources.resolve import (
    NumberedSource,
    load_sources_file,
    merge_refs,
    number_sources,
    ref_key,
    refs_from_arguments,
)
from verify.sources.text import readable_text


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

    def for_refs(self, refs: Sequence[SourceRef]) -> tuple[LoadedSource, ...]:
        """One draft's sources, numbered S1, S2, … in the order that draft names them."""
        loaded = []
        for numbered in number_sources(refs):
            fetched, text = self.by_location[ref_key(numbered.ref)]
            if text is not None:
                text = replace(text, source_id=numbered.id)
            loaded.append(LoadedSource(numbered, replace(fetched, ref=numbered.ref), text))
        return tuple(loaded)

    def keep_cited(self, report: Report) -> Report:
        """Name the copy in the snapshot cache of each local file that evidence cites.

        A fetched page is kept when it is fetched; a local file only once it is evidence,
        so that the report's snapshot survives later edits to the file. ``copy_cited_file``
        copies each such file as soon as it is cited; here every copy is checked (and made,
        if that early copy failed) before the report names it.
        """
        if self.cache_dir is None:
            return report
        cited = {r.evidence.source for r in report.results if r.evidence is not None}
        to_keep: list[tuple[int, Snapshot]] = []  # (position in report.sources, the file as read)
        for k, entry in enumerate(report.sources):
            if entry.id in cited and entry.path is not None:
                fetched, _ = self.by_location[ref_key(SourceRef(url=None, path=entry.path))]
                snapshot = _local_snapshot_to_keep(entry.path, fetched)
                if snapshot is not None:
                    to_keep.append((k, snapshot))
        entries = list(report.sources)
        cache = SnapshotCache(self.cache_dir)
        copies = store_bodies(cache, [s.body for _, s in to_keep], [s.sha256 for _, s in to_keep])
        for (k, _), copy in zip(to_keep, copies, strict=True):
            if copy is not None:  # else the report still names the file and its sha256
                entries[k] = replace(entries[k], snapshot=copy)
        return replace(report, sources=tuple(entries))


# With this many cited files or more still to copy (not already in the store), copy them in
# two processes: creating a file costs this disk 0.1 to 0.3 ms, mostly in the kernel, and two
# processes made 250 copies in 0.02-0.04 s instead of 0.03-0.1 s (a fork of a large check
# costs a few ms).
PARALLEL_MIN_COPIES = 40


def store_bodies(
    cache: SnapshotCache, bodies: Sequence[bytes], hashes: Sequence[str] | None = None
) -> list[str | None]:
    """Where each body was stored in the cache (None where it could not be written);
    ``hashes`` are the bodies' sha256, when the caller has them already."""
    if hashes is None:
        hashes = [sha256_hex(body) for body in bodies]

    def store_one(k: int) -> str | None:
        try:
            return str(cache.store_body(bodies[k], hashes[k]))
        except OSError:
            return None

    def stored_already(sha256: str) -> bool:
        try:
            return cache.object_path(sha256).is_file()
        except OSError:  # an unreadable cache folder: ``store_one`` reports it as not stored
            return False

    # Most are stored already (``copy_cited_file``): checking such a copy is cheap.
    to_write = sum(1 for sha256 in hashes if not stored_already(sha256))
    if to_write < PARALLEL_MIN_COPIES or not forked.can_fork():
        return [store_one(k) for k in range(len(bodies))]
    # (A body the child fails to store is stored here: a file written twice is the same file,
    # since writes are atomic renames of the same bytes under their hash.)
    shared: forked.Shared[str | None, None] = forked.share(store_one, len(bodies))
    return shared.values


def load_pool(
    refs: Sequence[SourceRef],
    *,
    options: FetchOptions,
    cache_dir: Path,
    progress: bool = False,
) -> SourcePool:
    """Fetch every source once and extract its readable text; failures become statuses."""
    unique = merge_refs(refs)
    fetched_all = fetch_sources(unique, cache_dir=cache_dir, options=options, progress=progress)
    by_location: dict[str, tuple[FetchedSource, SourceText | None]] = {}
    for ref, fetched in zip(unique, fetched_all, strict=True):
        text = None
        if fetched.status is SourceStatus.OK and fetched.snapshot is not None:
            try:
                text = readable_text(ref_key(ref), fetched.snapshot)
            except SourceError as exc:
                fetched = replace(fetched, status=SourceStatus(exc.status), error=str(exc))
        by_location[ref_key(ref)] = (fetched, text)
    return SourcePool(by_location, cache_dir)


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
    )


def copy_cited_file(
    result: ClaimResult, by_id: Mapping[str, LoadedSource], snapshots: SnapshotCache, copied: set[str]
) -> None:
    """Copy the local file a result's evidence cites into the snapshot store, once per process.

    Only a copy made early: ``keep_cited`` checks every cited file is in the store (writing
    any that is not, as when this copy failed) before the report names it.
    """
    evidence = result.evidence
    if evidence is None or evidence.source in copied or evidence.source not in by_id:
        return
    copied.add(evidence.source)
    loaded = by_id[evidence.source]
    snapshot = _local_snapshot_to_keep(loaded.numbered.ref.path, loaded.fetched)
    if snapshot is not None:
        with contextlib.suppress(OSError):
            snapshots.store_body(snapshot.body, snapshot.sha256)


def _local_snapshot_to_keep(path: str | None, fetched: FetchedSource) -> Snapshot | None:
    """A local source file as read (its bytes and their sha256), which the snapshot cache keeps
    once it is cited; None for anything else (a fetched page is kept when it is fetched, and
    names its copy)."""
    snapshot = fetched.snapshot
    if path is None or snapshot is None or snapshot.cache_path is not None:
        return None
    return snapshot
