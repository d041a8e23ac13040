"""Local files read a batch at a time, announced to the kernel first: same results, no leaks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from verify.model import SourceRef, SourceStatus
from verify.sources import fetch
from verify.sources.fetch import READ_AHEAD_FILES, read_local, read_locals


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture
def mixed_refs(tmp_path: Path) -> list[SourceRef]:
    """More files than one batch, with a missing file, a folder and a path-less ref among them."""
    refs = []
    for k in range(2 * READ_AHEAD_FILES + 3):
        path = tmp_path / f"notice-{k:03d}.txt"
        path.write_text(f"Harbour notice {k}: the north pier reopens on day {k}.\n", encoding="utf-8")
        refs.append(SourceRef(url=None, path=str(path)))
    refs.insert(5, SourceRef(url=None, path=str(tmp_path / "missing.txt")))
    (tmp_path / "a-folder").mkdir()
    refs.insert(READ_AHEAD_FILES, SourceRef(url=None, path=str(tmp_path / "a-folder")))
    refs.insert(40, SourceRef(url=None, path=None))
    return refs


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count descriptors")
def test_batched_reads_give_what_one_by_one_reads_give_and_close_every_file(mixed_refs: list[SourceRef]) -> None:
    before = open_descriptors()
    batched = read_locals(mixed_refs, "2026-11-24T00:00:00Z")
    assert open_descriptors() == before
    one_by_one = [read_local(ref, "2026-11-24T00:00:00Z") for ref in mixed_refs]
    assert batched == one_by_one
    statuses = [r.status for r in batched]
    assert statuses.count(SourceStatus.OK) == 2 * READ_AHEAD_FILES + 3
    assert statuses.count(SourceStatus.NOT_FOUND) == 2  # the missing file and the path-less ref
    assert statuses.count(SourceStatus.UNREADABLE) == 1  # the folder
    assert open_descriptors() == before


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise on this system")
def test_each_file_is_announced_before_its_batch_is_read(
    mixed_refs: list[SourceRef], monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    original_fadvise, original_read_local = os.posix_fadvise, fetch.read_local

    def announcing(fd: int, offset: int, length: int, advice: int) -> None:
        assert advice == os.POSIX_FADV_WILLNEED
        events.append("announce")
        original_fadvise(fd, offset, length, advice)

    def reading(ref: SourceRef, read_at: str | None = None, fd: int | None = None) -> object:
        events.append("read")
        return original_read_local(ref, read_at, fd)

    monkeypatch.setattr(os, "posix_fadvise", announcing)
    monkeypatch.setattr(fetch, "read_local", reading)
    read_locals(mixed_refs[:READ_AHEAD_FILES])
    openable = sum(1 for ref in mixed_refs[:READ_AHEAD_FILES] if ref.path and Path(ref.path).exists())
    assert events == ["announce"] * openable + ["read"] * READ_AHEAD_FILES
