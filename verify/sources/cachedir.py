"""What the cache directory holds, and pruning it: ``verify cache stats`` and ``verify cache prune``.

Areas under the cache directory:

    urls/      one record per URL fetched (``SnapshotCache``)
    objects/   the bodies those records name, and cited local files, by SHA-256
    texts/     readable texts, one folder per version of the code that made them (``TextCache``)
    answers/   search and archive answers of discovery (``verify.discover.answers``)
    archive/   the desk archive: the text of every page read, indexed for search (``DeskArchive``)
    batches/   a running ``--jobs`` batch's texts for its workers (``shared.texts_file``)

Pruning removes URL records fetched more than N days ago, then bodies that no remaining record
names and that were written more than N days ago, texts of other code versions, texts not
used for N days, discovery's answers asked more than N days ago, batch files that a batch
which died left a day ago or more, and archived snapshots fetched more than N days ago.
Reports that name a removed body keep its sha256; the body is gone.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from verify.archive.store import ARCHIVE_FOLDER, DeskArchive
from verify.sources.shared import BATCH_FOLDER
from verify.sources.textcache import TEXTS_FOLDER, text_version

DAY_SECONDS = 86_400
# A temporary file this old was left by a run that died mid-write.
STALE_TEMPORARY_SECONDS = DAY_SECONDS


@dataclass(frozen=True)
class AreaStats:
    name: str
    files: int
    bytes: int
    oldest: float | None  # modification time (seconds since the epoch) of the oldest file


@dataclass(frozen=True)
class CacheStats:
    root: Path
    areas: tuple[AreaStats, ...]

    @property
    def bytes(self) -> int:
        return sum(area.bytes for area in self.areas)


@dataclass(frozen=True)
class PruneResult:
    files: int
    bytes: int  # the archive's included
    archived: int = 0  # snapshots removed from the desk archive


def _files(folder: Path) -> Iterator[tuple[Path, os.stat_result]]:
    if not folder.is_dir():
        return
    for directory, _, names in os.walk(folder):
        for name in names:
            path = Path(directory) / name
            try:
                yield path, path.stat()
            except OSError:
                continue  # removed meanwhile by another run


def _area(name: str, folders: list[Path]) -> AreaStats:
    count = size = 0
    oldest: float | None = None
    for folder in folders:
        for _, stat in _files(folder):
            count += 1
            size += stat.st_size
            oldest = stat.st_mtime if oldest is None else min(oldest, stat.st_mtime)
    return AreaStats(name, count, size, oldest)


def cache_stats(root: Path) -> CacheStats:
    texts = root / TEXTS_FOLDER
    current = texts / text_version()
    others = [p for p in texts.iterdir() if p.is_dir() and p != current] if texts.is_dir() else []
    return CacheStats(
        root,
        (
            _area("url records", [root / "urls"]),
            _area("snapshots and kept files", [root / "objects"]),
            _area("readable texts", [current]),
            _area("readable texts of other versions", others),
            _area("search and archive answers", [root / "answers"]),
            _area("desk archive", [root / ARCHIVE_FOLDER]),
        ),
    )


def _fetched_at(path: Path, stat: os.stat_result) -> float:
    """When a URL record's snapshot was fetched; its file's time when the record says nothing usable."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return datetime.fromisoformat(str(record["fetched_at"]).replace("Z", "+00:00")).timestamp()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return stat.st_mtime


def _named_body(path: Path) -> str | None:
    try:
        sha256 = json.loads(path.read_text(encoding="utf-8")).get("sha256")
    except (OSError, ValueError, AttributeError):
        return None
    return sha256 if isinstance(sha256, str) else None


def prune_cache(root: Path, older_than_days: float, *, now: float | None = None, dry_run: bool = False) -> PruneResult:
    """Remove what is older than ``older_than_days`` (see the module docstring); what was (or would be) freed."""
    now = time.time() if now is None else now
    cutoff = now - older_than_days * DAY_SECONDS
    doomed: list[tuple[Path, int]] = []
    kept_bodies: set[str] = set()
    for path, stat in _files(root / "urls"):
        if path.name.endswith(".tmp"):
            if stat.st_mtime < now - STALE_TEMPORARY_SECONDS:
                doomed.append((path, stat.st_size))
        elif _fetched_at(path, stat) < cutoff:
            doomed.append((path, stat.st_size))
        else:
            body = _named_body(path)
            if body is not None:
                kept_bodies.add(body)
    for path, stat in _files(root / "objects"):
        if path.name.endswith(".tmp"):
            stale = stat.st_mtime < now - STALE_TEMPORARY_SECONDS
        else:
            stale = path.name not in kept_bodies and stat.st_mtime < cutoff
        if stale:
            doomed.append((path, stat.st_size))
    texts = root / TEXTS_FOLDER
    current = texts / text_version()
    for path, stat in _files(texts):
        # A text's access time says when a check last read it (where the file system keeps it).
        last_used = max(stat.st_mtime, stat.st_atime)
        if current not in path.parents or last_used < cutoff:
            doomed.append((path, stat.st_size))
    for path, stat in _files(root / "answers"):
        if stat.st_mtime < cutoff:  # written when asked: an answer's age is its file's
            doomed.append((path, stat.st_size))
    for path, stat in _files(root / BATCH_FOLDER):
        if stat.st_mtime < now - STALE_TEMPORARY_SECONDS:  # a running batch removes its own
            doomed.append((path, stat.st_size))
    freed = 0
    for path, size in doomed:
        if not dry_run:
            try:
                path.unlink()
            except OSError:
                continue
        freed += size
    if not dry_run:
        _remove_empty_folders(root)
    archived, archive_freed = DeskArchive(root).prune(cutoff, dry_run=dry_run)  # last: a damaged one stops only itself
    return PruneResult(len(doomed), freed + archive_freed, archived)


def _remove_empty_folders(root: Path) -> None:
    for area in ("urls", "objects", TEXTS_FOLDER, BATCH_FOLDER):
        folder = root / area
        if not folder.is_dir():
            continue
        for directory, _, _ in sorted(os.walk(folder), key=lambda entry: len(entry[0]), reverse=True):
            if Path(directory) != folder:
                try:
                    os.rmdir(directory)
                except OSError:
                    pass  # not empty
