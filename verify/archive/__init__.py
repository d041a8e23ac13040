"""The desk archive: every public page a check has read, searchable by its words.

``verify archive search "words"`` and ``verify archive stats``; ``DeskArchive`` from Python;
``ArchiveBackend`` lets discovery search it before any search engine. See docs/archive.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from verify.archive.store import ArchiveEntry, ArchiveHit, ArchiveStats, DeskArchive, archive_path

__all__ = ["ArchiveEntry", "ArchiveHit", "ArchiveStats", "DeskArchive", "archive_path"]


def __getattr__(name: str) -> Any:
    # The store (and sqlite3) loads when first named: a check with nothing to archive never needs it.
    if name in __all__:
        from verify.archive import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
