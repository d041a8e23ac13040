"""The word store: each source text's words, kept in the cache between runs.

Finding the words of a text (normalising it and splitting it into words) is most of what the
matcher spends on a large set of sources, and it depends on nothing but the text. A re-check
of a draft, or a second draft against the same sources, reads the words from here instead.

One SQLite file (``words.sqlite3`` in the cache folder) maps ``verify.match.index.words_key``
(a hash of the text and of the tokeniser) to the words. SQLite gives one file instead of
thousands, safe concurrent writers (``--jobs``, the service) and one transaction per run. The
store never stops a check: if it cannot be opened, read or written, the words are found again.

A file SQLite finds damaged (cut short, overwritten, not a database) is removed when it is next
read, so the store starts afresh instead of failing every run after. Writes are flushed to
disk as SQLite does by default: with the flush off a power cut could leave a file that still
reads but hands back another text's words, and a wrong word can change a verdict.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

# sqlite3 is imported by the first load or save, not with this module: a first check has
# nothing to load, and saves in the matcher's forked child (``SourceIndex.save_words``), so
# the process that prints the report never needs it (about 1.5 ms of start-up).

FILE_NAME = "words.sqlite3"
BUSY_SECONDS = 10.0  # how long to wait for another process's write before doing without the store
_BATCH = 500  # keys per SELECT (SQLite's limit on bound parameters is far above this)


class WordCache:
    """A ``verify.match.index.WordStore`` in ``cache_dir``."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = Path(cache_dir) / FILE_NAME
        self.busy_seconds = BUSY_SECONDS

    def _connect(self) -> sqlite3.Connection:
        import sqlite3

        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=self.busy_seconds)
        connection.execute("CREATE TABLE IF NOT EXISTS words (key TEXT PRIMARY KEY, words TEXT NOT NULL)")
        return connection

    def load(self, keys: Sequence[str]) -> dict[str, str]:
        if not keys or not self.path.exists():
            return {}
        import sqlite3

        found: dict[str, str] = {}
        try:
            with closing(self._connect()) as connection:
                for at in range(0, len(keys), _BATCH):
                    batch = list(keys[at : at + _BATCH])
                    marks = ",".join("?" * len(batch))
                    found.update(connection.execute(f"SELECT key, words FROM words WHERE key IN ({marks})", batch))
        except sqlite3.DatabaseError as error:
            self._discard_if_damaged(error)
            return {}
        except (sqlite3.Error, OSError):
            return {}
        return found

    def _discard_if_damaged(self, error: sqlite3.DatabaseError) -> None:
        import sqlite3

        # Exactly DatabaseError is a damaged or foreign file ("file is not a database",
        # "database disk image is malformed"); a locked or read-only file raises a subclass.
        if type(error) is sqlite3.DatabaseError:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def save(self, entries: Mapping[str, str]) -> None:
        import sqlite3

        try:
            with closing(self._connect()) as connection, connection:  # closed, after one committed transaction
                connection.executemany("INSERT OR IGNORE INTO words (key, words) VALUES (?, ?)", entries.items())
        except (sqlite3.Error, OSError):
            pass  # an unwritable cache costs the next run the time to find the words again
