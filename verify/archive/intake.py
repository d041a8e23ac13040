"""What a check adds to the desk archive: each snapshot it read, with the text it matched against.

Called once per check by the process that fetched the sources (``check_many``), never by a
worker. Local files are added only with ``Options.archive_local``; a snapshot read by a check
that allows private addresses is marked private. The archive is an aid: a check never fails
because its archive cannot be written.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from verify.model import Snapshot, SourceStatus
from verify.options import Options
from verify.sources.pool import SourcePool

if TYPE_CHECKING:
    from verify.archive.store import ArchiveEntry

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_TITLE_SCAN_BYTES = 65_536  # a page's title sits in its head
_TITLE_MAX_CHARS = 300


def page_title(snapshot: Snapshot) -> str | None:
    """The ``<title>`` of an HTML snapshot, squashed to one line; None for other kinds or none."""
    if snapshot.content_type not in {"text/html", "application/xhtml+xml"}:
        return None
    found = _TITLE.search(snapshot.body[:_TITLE_SCAN_BYTES])
    if found is None:
        return None
    try:
        raw = found.group(1).decode(snapshot.charset or "utf-8", "replace")
    except LookupError:  # a charset Python does not know
        raw = found.group(1).decode("utf-8", "replace")
    title = " ".join(html.unescape(raw).split())[:_TITLE_MAX_CHARS]
    return title or None


def archive_entries(pool: SourcePool, *, allow_private: bool, include_local: bool) -> tuple[ArchiveEntry, ...]:
    """The snapshots of ``pool`` that were read and may be archived."""
    kept = [
        (fetched, snapshot, text)
        for fetched, text in pool.by_location.values()
        if fetched.status is SourceStatus.OK
        and (snapshot := fetched.snapshot) is not None
        and text is not None
        and (include_local or fetched.ref.path is None)
    ]
    if not kept:
        return ()
    from verify.archive.store import ArchiveEntry  # with sqlite3: only a check with something to archive

    entries = []
    for fetched, snapshot, text in kept:
        local = fetched.ref.path is not None
        entries.append(
            ArchiveEntry(
                location=snapshot.location,
                final_url=snapshot.final_url,
                title=page_title(snapshot),
                outlet=fetched.ref.outlet or text.outlet,
                fetched_at=snapshot.fetched_at,
                sha256=snapshot.sha256,
                text=text.full_text or text.text,
                private=allow_private,
                local=local,
            )
        )
    return tuple(entries)


def archive_sources(pool: SourcePool, options: Options) -> None:
    """Add the snapshots a check read to the archive of its cache directory."""
    entries = archive_entries(pool, allow_private=options.allow_private, include_local=options.archive_local)
    if not entries:
        return
    import sqlite3

    from verify.archive.store import DeskArchive

    try:
        DeskArchive(options.cache_path()).add(entries)
    except (sqlite3.Error, OSError):
        pass  # a read-only or damaged archive: the check's report does not depend on it
