"""Readable text kept beside the snapshots, so that a re-check reads no HTML or PDF again.

Layout under the cache directory::

    texts/<version>/ab/<key>.json   {"text", "full_text", "comments", "outlet"} of one body

The key is the SHA-256 of the body with the content type and charset it was read under: the
same bytes read the same way give the same text, whichever URL or file they came from. The
version is a hash of the code and libraries that turn bytes into text, so a new extractor never
serves a text an older one made; ``verify cache prune`` removes the folders of other versions.
An entry that cannot be read or parsed is treated as absent.

No check reads a text here that it could not read as a snapshot: the key is made from the
body's hash, which only a snapshot in hand gives, and ``pool.load_pool`` asks only for the
snapshots that fetching served (a cached one only after the check's own address and robots
rules accepted how it was fetched, ``provenance.refusal_for``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from verify.model import Snapshot, SourceText, Span
from verify.sources import text as text_module
from verify.sources.cache import atomic_write
from verify.sources.text import document_kind, readable_text

TEXTS_FOLDER = "texts"
KEPT_KINDS = frozenset({"html", "pdf"})  # the kinds whose reading is worth keeping
# The libraries whose output is part of a readable text.
_READERS = ("trafilatura", "lxml", "beautifulsoup4", "pypdf", "charset-normalizer")
_METADATA = (".dist-info", ".egg-info")  # the folders an installed distribution's metadata sits in


@lru_cache(maxsize=1)
def text_version() -> str:
    """A short hash of ``verify.sources.text`` and the versions of the libraries it reads with."""
    digest = hashlib.sha256(Path(text_module.__file__).read_bytes())
    for name in _READERS:
        digest.update(f"{name}={installed_version(name)};".encode())
    return digest.hexdigest()[:16]


def installed_version(name: str) -> str:
    """The installed version of distribution ``name`` ("none" when absent), as ``importlib.metadata`` gives it.

    Read from the name of its ``.dist-info`` folder, the first on ``sys.path`` as importlib's
    is: importing ``importlib.metadata`` would cost a re-check a tenth of its time. Any other
    layout (an egg, two folders side by side) is left to ``importlib.metadata``.
    """
    prefix = name.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            found = [n for n in os.listdir(entry or ".") if n.lower().startswith(prefix) and n.endswith(_METADATA)]
        except OSError:
            continue
        if len(found) == 1 and found[0].endswith(".dist-info"):
            return found[0][len(prefix) : -len(".dist-info")]
        if found:
            break
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


class TextCache:
    """Readable texts under ``root`` (the cache directory)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def folder(self) -> Path:
        # Asked for only when an HTML or PDF text is read: a check of plain texts never pays for the version.
        return self.root / TEXTS_FOLDER / text_version()

    def _path(self, snapshot: Snapshot) -> Path:
        how = f"{snapshot.sha256}\n{snapshot.content_type or ''}\n{snapshot.charset or ''}"
        key = hashlib.sha256(how.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def needs_reading(self, snapshot: Snapshot) -> bool:
        """Whether the snapshot is HTML or PDF, whose reading is kept here (plain text is read as it is)."""
        return document_kind(snapshot.content_type, snapshot.body) in KEPT_KINDS

    def stored(self, source_id: str, snapshot: Snapshot) -> SourceText | None:
        """The snapshot's readable text as kept here, or None when there is none (or it is unusable)."""
        try:
            return _stored_text(source_id, json.loads(self._path(snapshot).read_text(encoding="utf-8")))
        except (OSError, ValueError, AttributeError, TypeError):
            return None

    def read(self, source_id: str, snapshot: Snapshot) -> SourceText:
        """The snapshot's readable text, from the cache or made (and kept) now.

        Raises ``SourceError`` as ``readable_text`` does; failures are not kept. Plain text is
        read as it is, which costs less than a cache entry.
        """
        if not self.needs_reading(snapshot):
            return readable_text(source_id, snapshot)
        stored = self.stored(source_id, snapshot)
        if stored is not None:
            return stored
        made = readable_text(source_id, snapshot)
        data = json.dumps(
            {
                "text": made.text,
                "full_text": made.full_text,
                "comments": [[span.start, span.end] for span in made.comments],
                "outlet": made.outlet,
            }
        )
        try:
            atomic_write(self._path(snapshot), data.encode("ascii"))
        except OSError:
            pass  # a read-only cache: the text is made again next time
        return made


def _stored_text(source_id: str, stored: dict[str, object]) -> SourceText | None:
    """The text an entry holds, or None when it is not the shape this version writes."""
    text, full, comments, outlet = (stored.get(k) for k in ("text", "full_text", "comments", "outlet"))
    if not isinstance(text, str) or not isinstance(full, str | None) or not isinstance(outlet, str | None):
        return None
    if not isinstance(comments, list):
        return None
    spans = tuple(Span(int(start), int(end)) for start, end in comments)
    return SourceText(source_id, text, full, spans, outlet)
