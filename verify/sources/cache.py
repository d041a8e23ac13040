"""Snapshots on disk, kept as evidence of what a source said when it was checked.

Layout under the cache directory::

    objects/ab/<sha256>        a body, named by the SHA-256 of its bytes
    urls/<sha256 of url>.json  what was fetched for one URL: final URL, status,
                               the headers that matter, fetch time, body sha256, and
                               how it was fetched (``provenance.Provenance``)

Bodies are content-addressed, so two runs (or two URLs) with the same bytes share
one file and a body can never be changed in place. Every write goes to a temporary
file in the same folder and is moved into place with ``os.replace``, so a reader
sees the old file or the new one, never half of one, even when two runs share the
cache. A record that is not valid JSON, names a missing body, or whose body no longer
hashes to the recorded sha256 is treated as absent: the source is fetched again.
Only successful (2xx) bodies are stored; a failure is never cached.

A record says how its snapshot was fetched: the address every hop's answer came from,
whether private addresses were permitted, whether robots.txt allowed it. Whoever reads a
snapshot decides with that whether its check may (``provenance.refusal_for``); a record
without it, as an older verify wrote, is treated as absent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from verify.model import Snapshot
from verify.sources.provenance import Provenance, from_record

# /2 added how the snapshot was fetched; /1 records are never trusted (fetched again).
RECORD_SCHEMA = "verify-snapshot/2"
_OLDER_SCHEMAS = frozenset({"verify-snapshot/1"})

# Response headers worth keeping with the evidence; the rest is noise.
KEPT_HEADERS = (
    "content-type",
    "content-language",
    "content-length",
    "date",
    "etag",
    "last-modified",
    "location",
    "server",
)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def kept_headers(headers: Mapping[str, str]) -> dict[str, str]:
    lowered = {k.lower(): v for k, v in headers.items()}
    return {name: lowered[name] for name in KEPT_HEADERS if name in lowered}


@dataclass(frozen=True)
class CachedSnapshot:
    """A snapshot read from the cache, with how it was fetched."""

    snapshot: Snapshot
    provenance: Provenance


@dataclass(frozen=True)
class SnapshotCache:
    """The snapshot cache on disk: page bodies by their sha256, and a record per URL."""

    root: Path

    def object_path(self, sha256: str) -> Path:
        return self.root / "objects" / sha256[:2] / sha256

    def record_path(self, url: str) -> Path:
        return self.root / "urls" / f"{sha256_hex(url.encode('utf-8'))}.json"

    def load(self, url: str) -> CachedSnapshot | None:
        """The cached snapshot of ``url`` and how it was fetched, or None when absent or not trustworthy.

        Whether the caller's check may read it is the caller's question (``provenance.refusal_for``).
        """
        record = _read_record(self.record_path(url))
        if record is None or record.get("url") != url:
            return None
        provenance = from_record(record)
        if provenance is None:
            return None  # nothing says how it was fetched, so no check may rely on it
        try:
            sha256 = str(record["sha256"])
            body_path = self.object_path(sha256)
            body = body_path.read_bytes()
            if sha256_hex(body) != sha256:
                return None  # a partial or altered body: refetch rather than trust it
            snapshot = Snapshot(
                location=url,
                final_url=record.get("final_url"),
                http_status=record.get("http_status"),
                content_type=record.get("content_type"),
                charset=record.get("charset"),
                fetched_at=str(record["fetched_at"]),
                sha256=sha256,
                body=body,
                from_cache=True,
                cache_path=str(body_path),
            )
        except (KeyError, OSError, TypeError, ValueError):
            return None
        return CachedSnapshot(snapshot, provenance)

    def written_by_older_version(self, url: str) -> bool:
        """Whether ``url`` has a record of an older schema, which is never served."""
        try:
            record = json.loads(self.record_path(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(record, dict) and record.get("schema") in _OLDER_SCHEMAS

    def store_body(self, body: bytes, sha256: str | None = None) -> Path:
        """Write ``body`` under its hash (once) and return where it lies; ``sha256`` is the
        body's hash when the caller has it already (a snapshot's), to save hashing it again."""
        sha256 = sha256 or sha256_hex(body)
        path = self.object_path(sha256)
        if not (path.is_file() and _file_matches(path, sha256)):
            atomic_write(path, body)
        return path

    def store(self, url: str, snapshot: Snapshot, headers: Mapping[str, str], provenance: Provenance) -> Snapshot:
        """Keep ``snapshot``, fetched as ``provenance`` says, as the evidence for ``url``;
        returns it with ``cache_path`` set."""
        body_path = self.store_body(snapshot.body)
        record: dict[str, Any] = {
            "schema": RECORD_SCHEMA,
            "url": url,
            "final_url": snapshot.final_url,
            "http_status": snapshot.http_status,
            "content_type": snapshot.content_type,
            "charset": snapshot.charset,
            "headers": kept_headers(headers),
            "fetched_at": snapshot.fetched_at,
            "sha256": snapshot.sha256,
            "size": len(snapshot.body),
            **provenance.to_record(),
        }
        data = json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8")
        atomic_write(self.record_path(url), data)
        return replace(snapshot, cache_path=str(body_path))


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("schema") != RECORD_SCHEMA:
        return None
    return record


def _file_matches(path: Path, sha256: str) -> bool:
    try:
        return sha256_hex(path.read_bytes()) == sha256
    except OSError:
        return False


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, so no reader sees half of it."""
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError:  # the folder is made on the first write into it
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
        # No fsync: a body cut short by a power loss fails its sha256 check on load and is
        # fetched again, so durability is not worth a disk flush per source.
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def utc_now() -> str:
    """The time a snapshot is taken, as recorded in reports (UTC, whole seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
