"""Cited local files are copied into the snapshot cache, so the evidence outlives later edits."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path

import pytest

import verify
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
    return verify.check(draft, sources=[str(f) for f in files], options=verify.Options(offline=True, cache_dir=cache))


def snapshots(report: verify.Report) -> dict[str, str | None]:
    return {entry.path or "": entry.snapshot for entry in report.sources}


def test_each_cited_file_is_kept_as_read_and_survives_later_edits(tmp_path: Path) -> None:
    draft, files = many_cited_sources(tmp_path, 5)
    report = check(draft, files, tmp_path / "cache")
    kept = snapshots(report)
    for source in files:
        copy = Path(kept[str(source)] or "")
        assert copy.read_bytes() == source.read_bytes()
        assert copy.name == sha256(source.read_bytes()).hexdigest()
    files[0].write_text("Rewritten.\n")
    assert Path(kept[str(files[0])] or "").read_bytes() != files[0].read_bytes()


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
