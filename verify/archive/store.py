"""The desk archive on disk: one SQLite database with an FTS5 index, under the cache directory.

    <cache>/archive/desk.sqlite   (with -wal and -shm files beside it while in use)

One row per snapshot (a location and the SHA-256 of its body), with the readable text the
matcher read from it. The database is in WAL mode, so searches never wait for a writer, and
only the process that ran a check's fetching writes to it. A snapshot is ``private`` when
every check that read it allowed private addresses: only such checks find it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from verify.archive.query import fts_query
from verify.errors import InputError
from verify.surrogates import replace_lone_surrogates

ARCHIVE_FOLDER = "archive"
ARCHIVE_FILE = "desk.sqlite"
SCHEMA_VERSION = 1
# Title words count for more than body words when ranking.
_TITLE_WEIGHT, _TEXT_WEIGHT = 4.0, 1.0
_SNIPPET_WORDS = 16

_SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY,
    location TEXT NOT NULL,          -- the URL asked for, or a local file's path
    final_url TEXT,                  -- after redirects
    host TEXT,                       -- of final_url (else location), lower case; NULL for a file
    title TEXT,
    outlet TEXT,
    fetched_at TEXT NOT NULL,        -- ISO 8601, UTC, as the snapshot says
    fetched_ts REAL NOT NULL,        -- the same, as seconds since the epoch
    sha256 TEXT NOT NULL,            -- of the body
    private INTEGER NOT NULL,        -- 1: found only by checks that allow private addresses
    local INTEGER NOT NULL,          -- 1: a local file (archived only when asked to)
    UNIQUE (location, sha256)
);
CREATE INDEX IF NOT EXISTS snapshots_by_time ON snapshots (fetched_ts);
CREATE VIRTUAL TABLE IF NOT EXISTS snapshot_words
    USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');
"""


@dataclass(frozen=True)
class ArchiveEntry:
    """One snapshot to add, with the readable text a check read from it."""

    location: str
    final_url: str | None
    title: str | None
    outlet: str | None
    fetched_at: str
    sha256: str
    text: str
    private: bool
    local: bool = False


@dataclass(frozen=True)
class ArchiveHit:
    """One snapshot whose text or title holds the words searched for; best first."""

    location: str
    final_url: str | None
    title: str | None
    outlet: str | None
    fetched_at: str
    sha256: str
    snippet: str  # the words around the match
    score: float  # bm25, lower is better
    private: bool
    local: bool


@dataclass(frozen=True)
class ArchiveStats:
    path: Path
    snapshots: int
    private: int
    local: int
    bytes: int  # the database and its journal files
    oldest: str | None  # fetched_at of the oldest snapshot
    newest: str | None


def archive_path(cache_dir: Path) -> Path:
    return cache_dir / ARCHIVE_FOLDER / ARCHIVE_FILE


def _timestamp(fetched_at: str) -> float:
    try:
        return datetime.fromisoformat(fetched_at.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return time.time()


def _host(entry: ArchiveEntry) -> str | None:
    if entry.local:
        return None
    try:
        return urlsplit(entry.final_url or entry.location).hostname
    except ValueError:
        return None


def _clean(text: str | None) -> str | None:
    """Text SQLite can store and FTS5 can read whole: no lone surrogates, no NUL."""
    return None if text is None else replace_lone_surrogates(text).replace("\x00", " ")


class DeskArchive:
    """The archive of the cache directory ``cache_dir``."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = archive_path(cache_dir)

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30)) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            with db:  # one transaction: committed at the end, rolled back on an error
                yield db

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        """A connection that only reads; None when there is no archive yet."""
        if not self.path.is_file():
            yield None
            return
        try:
            with closing(sqlite3.connect(self.path, timeout=30)) as db:
                if db.execute("SELECT name FROM sqlite_master WHERE name = 'snapshots'").fetchone() is None:
                    yield None
                else:
                    yield db
        except sqlite3.Error as exc:
            raise InputError(f"{self.path}: cannot read the desk archive ({exc})") from None

    def add(self, entries: Iterable[ArchiveEntry]) -> int:
        """Add snapshots not yet archived; of those already there, refresh the date and privacy.

        A snapshot once read by a check that refused private addresses is public from then on:
        that check's fetch (or its use of the cached copy) proved it came from a public address.
        Returns the number of snapshots added.
        """
        added = 0
        with self._writing() as db:
            for entry in entries:
                row = db.execute(
                    "SELECT id FROM snapshots WHERE location = ? AND sha256 = ?", (_clean(entry.location), entry.sha256)
                ).fetchone()
                if row is not None:
                    db.execute(
                        "UPDATE snapshots SET private = private AND ?, fetched_at = max(fetched_at, ?),"
                        " fetched_ts = max(fetched_ts, ?) WHERE id = ?",
                        (entry.private, entry.fetched_at, _timestamp(entry.fetched_at), row[0]),
                    )
                    continue
                cursor = db.execute(
                    "INSERT INTO snapshots (location, final_url, host, title, outlet, fetched_at, fetched_ts, sha256,"
                    " private, local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        _clean(entry.location),
                        _clean(entry.final_url),
                        _host(entry),
                        _clean(entry.title),
                        _clean(entry.outlet),
                        entry.fetched_at,
                        _timestamp(entry.fetched_at),
                        entry.sha256,
                        entry.private,
                        entry.local,
                    ),
                )
                db.execute(
                    "INSERT INTO snapshot_words (rowid, title, text) VALUES (?, ?, ?)",
                    (cursor.lastrowid, _clean(entry.title) or "", _clean(entry.text)),
                )
                added += 1
        return added

    def search(
        self,
        words: str,
        *,
        limit: int = 10,
        allow_private: bool = False,
        site: str | None = None,
        fetched_since: float | None = None,
    ) -> tuple[ArchiveHit, ...]:
        """The snapshots that hold all of ``words`` (phrases in quotes), best first (bm25).

        ``site`` keeps hosts of that domain and its subdomains; ``fetched_since`` (seconds
        since the epoch) keeps snapshots fetched then or later. Words that hold nothing to
        search for find nothing.
        """
        query = fts_query(words)
        if query is None or limit < 1:
            return ()
        site = site.lower().strip(".") if site else None
        with self._reading() as db:
            if db is None:
                return ()
            try:
                ranked = db.execute(
                    f"""
                    SELECT s.id, bm25(snapshot_words, {_TITLE_WEIGHT}, {_TEXT_WEIGHT}) AS score
                    FROM snapshot_words JOIN snapshots s ON s.id = snapshot_words.rowid
                    WHERE snapshot_words MATCH :query
                      AND (:private OR s.private = 0)
                      AND (:site IS NULL OR s.host = :site OR substr(s.host, -length(:site) - 1) = '.' || :site)
                      AND s.fetched_ts >= :since
                    ORDER BY score LIMIT :limit
                    """,
                    {
                        "query": query,
                        "private": allow_private,
                        "site": site,
                        "since": fetched_since if fetched_since is not None else float("-inf"),
                        "limit": limit,
                    },
                ).fetchall()
                # Snippets only for the hits shown: made for every match, they would cost more than the ranking.
                marks = ",".join("?" * len(ranked))
                rows = db.execute(
                    f"""
                    SELECT s.id, s.location, s.final_url, s.title, s.outlet, s.fetched_at, s.sha256, s.private, s.local,
                           snippet(snapshot_words, 1, '', '', '…', {_SNIPPET_WORDS})
                    FROM snapshot_words JOIN snapshots s ON s.id = snapshot_words.rowid
                    WHERE snapshot_words MATCH ? AND snapshot_words.rowid IN ({marks})
                    """,
                    (query, *(row_id for row_id, _ in ranked)),
                ).fetchall()
            except sqlite3.Error as exc:
                raise InputError(f"{self.path}: cannot search the desk archive ({exc})") from None
        by_id = {row[0]: row[1:] for row in rows}
        hits = []
        for row_id, score in ranked:
            loc, final, title, outlet, at, sha, private, local, snip = by_id[row_id]
            hits.append(ArchiveHit(loc, final, title, outlet, at, sha, " ".join(snip.split()), score, bool(private),
                                   bool(local)))  # fmt: skip
        return tuple(hits)

    def stats(self) -> ArchiveStats:
        size = sum(p.stat().st_size for p in self.path.parent.glob(ARCHIVE_FILE + "*") if p.is_file())
        with self._reading() as db:
            if db is None:
                return ArchiveStats(self.path, 0, 0, 0, size, None, None)
            count, private, local = db.execute(
                "SELECT count(*), coalesce(sum(private), 0), coalesce(sum(local), 0) FROM snapshots"
            ).fetchone()
            oldest = db.execute("SELECT fetched_at FROM snapshots ORDER BY fetched_ts LIMIT 1").fetchone()
            newest = db.execute("SELECT fetched_at FROM snapshots ORDER BY fetched_ts DESC LIMIT 1").fetchone()
        return ArchiveStats(
            self.path, count, private, local, size, oldest[0] if oldest else None, newest[0] if newest else None
        )

    def prune(self, cutoff: float, *, dry_run: bool = False) -> tuple[int, int]:
        """Remove snapshots fetched before ``cutoff`` (seconds since the epoch): how many, and the bytes freed.

        A dry run counts the bytes of their texts instead, since only a real run can measure
        what the database shrinks by.
        """
        if not self.path.is_file():
            return 0, 0
        try:
            return self._prune(cutoff, dry_run)
        except sqlite3.Error as exc:
            raise InputError(f"{self.path}: cannot prune the desk archive ({exc})") from None

    def _prune(self, cutoff: float, dry_run: bool) -> tuple[int, int]:
        before = self.stats().bytes
        with self._writing() as db:
            count, text_bytes = db.execute(
                "SELECT count(*), coalesce(sum(length(CAST(w.text AS BLOB))), 0) FROM snapshots s"
                " JOIN snapshot_words w ON w.rowid = s.id WHERE s.fetched_ts < ?",
                (cutoff,),
            ).fetchone()
            if dry_run or count == 0:
                return count, text_bytes if dry_run else 0
            db.execute("DELETE FROM snapshot_words WHERE rowid IN (SELECT id FROM snapshots WHERE fetched_ts < ?)",
                       (cutoff,))  # fmt: skip
            db.execute("DELETE FROM snapshots WHERE fetched_ts < ?", (cutoff,))
            db.execute("INSERT INTO snapshot_words (snapshot_words) VALUES ('optimize')")
        with closing(sqlite3.connect(self.path, timeout=30)) as db:
            db.execute("VACUUM")  # give the freed pages back to the file system
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count, max(0, before - self.stats().bytes)
