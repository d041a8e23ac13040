"""Cited local files are copied into the snapshot cache, in two processes when there are many."""

from __future__ import annotations

from pathlib import Path

import pytest

import verify
from verify import forked, pipeline
from verify.match import matcher
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


@pytest.mark.skipif(not forked.can_fork(), reason="this machine cannot fork for verify")
def test_many_cited_files_are_copied_in_two_processes_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    count = pipeline.PARALLEL_MIN_COPIES + 5
    draft, files = many_cited_sources(tmp_path, count)
    monkeypatch.setattr(matcher, "PARALLEL_MIN_CLAIMS", 10_000)  # only the copies may fork
    monkeypatch.setattr(pipeline, "CLAIMS_IN_CHILD_MIN_CHARS", 10**12)
    split = check(draft, files, tmp_path / "cache-split")
    assert forks == [1]
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    alone = check(draft, files, tmp_path / "cache-alone")
    assert forks == [1]  # no more children for the run in one process

    assert [r.verdict for r in split.results] == [verify.Verdict.CONFIRMED] * count
    kept = snapshots(split)
    assert all(kept[str(f)] is not None for f in files)
    for source in files:
        copy = Path(kept[str(source)] or "")
        assert copy.read_bytes() == source.read_bytes()
        assert copy.is_relative_to(tmp_path / "cache-split")

    def names(kept: dict[str, str | None]) -> dict[str, str]:
        return {source: Path(copy or "").name for source, copy in kept.items()}

    assert names(kept) == names(snapshots(alone))  # the same copies as one process makes


def test_a_copy_that_cannot_be_written_leaves_the_file_named_without_a_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, files = many_cited_sources(tmp_path, 3)

    def refuse(self: object, body: bytes) -> Path:
        raise PermissionError("read-only cache")

    monkeypatch.setattr(SnapshotCache, "store_body", refuse)
    report = check(draft, files, tmp_path / "cache")
    assert [r.verdict for r in report.results] == [verify.Verdict.CONFIRMED] * 3
    assert all(entry.snapshot is None and entry.sha256 for entry in report.sources)
