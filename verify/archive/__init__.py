"""The desk archive: every public page a check has read, searchable by its words.

``verify archive search "words"`` and ``verify archive stats``; ``DeskArchive`` from Python;
``ArchiveBackend`` lets discovery search it before any search engine. See docs/archive.md.
"""

from __future__ import annotations

from verify.archive.store import ArchiveEntry, ArchiveHit, ArchiveStats, DeskArchive, archive_path

__all__ = ["ArchiveEntry", "ArchiveHit", "ArchiveStats", "DeskArchive", "archive_path"]
