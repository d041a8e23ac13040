"""What happened to one distinct URL; shared by every source entry that names it."""

from __future__ import annotations

from dataclasses import dataclass

from verify.model import Snapshot, SourceStatus


@dataclass(frozen=True)
class Outcome:
    """What fetching one source came to: its status, snapshot and error."""

    status: SourceStatus
    snapshot: Snapshot | None = None
    error: str | None = None
    http_status: int | None = None
    robots_ignored: bool = False
