"""Cited local files are copied into the snapshot cache as they are cited, in two processes when
the matching is split."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path

import pytest

import verify
from verify import forked, pipeline
from verify.match import matcher
from verify.sources import pool
from verify.sources.cache import SnapshotCache

HARBOURS = ["Elmsport", "Kerrow", "Dunmere", "Saltby", "Orrin", "Wexley", "Brannock", "Tidewell"]


def many_cited_sources(folder: Path, count: int) -> tuple[Path, list[Path]]:
    """``count`` small statements, one file each, and a draft quoting every one of them."""
    files, paragraphs = [], []
    for k in range(count):
        name = f"{HARBOURS[k % len(HARBOURS)]} {k}"
        statement = f"The {name} harbour will reopen on day {k + 3} after the storm repairs"
        path = folder / f"harbour-{k:03d}.txt"
        path.write_text(f"Notice from the {name} harbour board.\n\n{statement}, the harbour master said.\n")
        files.append(path)
        paragraphs.append(f"\u201c{statement},\u201d the harbour master said.")
    draft = folder / "draft.md"
    draft.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return draft, files


def check(draft: Path, files: list[Path], cache: Path) -> verify.Report:
    return verify.check(str(draft), sources=[str(f) for f in files], offline=True, cache_dir=cache)


def snapshots(report: verify.Report) -> dict[str, str | None]:
    return {entry.path or "": entry.snapshot for entry in report.sources}


def test_cited_files_are_copied_while_matching_and_only_checked_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    """Each process copies the files its results cite as it makes them; ``keep_cited`` then
    finds every copy in place, whether the matching was split over two processes or not."""
    count = pool.PARALLEL_MIN_COPIES + 5
    draft, files = many_cited_sources(tmp_path, count)
    monkeypatch.setattr(pipeline, "CLAIMS_IN_CHILD_MIN_CHARS", 10**12)
    found_stored: list[tuple[int, int]] = []  # (bodies to keep, of them already in the store)
    real_store_bodies = pool.store_bodies

    def spy(cache: SnapshotCache, bodies: list[bytes], hashes: list[str] | None = None) -> list[str | None]:
        assert hashes == [sha256(body).hexdigest() for body in bodies]  # the snapshots' own
        stored = sum(cache.object_path(sha256(body).hexdigest()).is_file() for body in bodies)
        found_stored.append((len(bodies), stored))
        return real_store_bodies(cache, bodies, hashes)

    monkeypatch.setattr(pool, "store_bodies", spy)
    runs = {}
    for name, split in (("split", True), ("alone", False)):
        monkeypatch.setattr(matcher, "PARALLEL_MIN_CLAIMS", 2 if split else 10_000)
        runs[name] = check(draft, files, tmp_path / f"cache-{name}")
        # Where forking is possible the split run's matching made a child (and nothing else
        # did: the copies were all in place, so keep_cited made none).
        assert len(forks) == (1 if forked.can_fork() else 0)
    assert found_stored == [(count, count), (count, count)]
    for name, report in runs.items():
        assert [r.verdict for r in report.results] == [verify.Verdict.CONFIRMED] * count
        kept = snapshots(report)
        for source in files:
            copy = Path(kept[str(source)] or "")
            assert copy.read_bytes() == source.read_bytes()
            assert copy.is_relative_to(tmp_path / f"cache-{name}")

    def names(kept: dict[str, str | None]) -> dict[str, str]:
        return {source: Path(copy or "").name for source, copy in kept.items()}

    assert names(snapshots(runs["split"])) == names(snapshots(runs["alone"]))


@pytest.mark.skipif(not forked.can_fork(), reason="this machine cannot fork for verify")
def test_many_files_still_to_copy_are_copied_in_two_processes_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    bodies = [f"Notice {k}: the harbour reopens on day {k}.\n".encode() for k in range(pool.PARALLEL_MIN_COPIES)]
    split = pool.store_bodies(SnapshotCache(tmp_path / "split"), bodies)
    assert forks == [1]
    assert pool.store_bodies(SnapshotCache(tmp_path / "split"), bodies) == split  # all there: no fork
    assert forks == [1]
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    alone = pool.store_bodies(SnapshotCache(tmp_path / "alone"), bodies)
    assert [Path(p or "").name for p in split] == [Path(p or "").name for p in alone]
    assert [Path(p or "").read_bytes() for p in split] == bodies


def test_a_copy_that_cannot_be_written_leaves_the_file_named_without_a_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, files = many_cited_sources(tmp_path, 3)

    def refuse(self: object, body: bytes, sha256: str | None = None) -> Path:
        raise PermissionError("read-only cache")

    monkeypatch.setattr(SnapshotCache, "store_body", refuse)
    report = check(draft, files, tmp_path / "cache")
    assert [r.verdict for r in report.results] == [verify.Verdict.CONFIRMED] * 3
    assert all(entry.snapshot is None and entry.sha256 for entry in report.sources)


def test_a_failed_early_copy_is_made_when_the_report_names_the_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, files = many_cited_sources(tmp_path, 3)
    monkeypatch.setattr(pool, "copy_cited_file", lambda *args: None)  # as if every early copy failed
    report = check(draft, files, tmp_path / "cache")
    for source in files:
        assert Path(snapshots(report)[str(source)] or "").read_bytes() == source.read_bytes()


def test_a_cache_folder_that_cannot_be_read_leaves_the_files_named_without_a_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for a copy must not stop the check either (a folder without read permission)."""
    draft, files = many_cited_sources(tmp_path, 3)
    real_is_file = Path.is_file

    def unreadable(path: Path) -> bool:
        if "objects" in path.parts:
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", unreadable)
    report = check(draft, files, tmp_path / "cache")
    assert [r.verdict for r in report.results] == [verify.Verdict.CONFIRMED] * 3
    assert all(entry.snapshot is None and entry.sha256 for entry in report.sources)
