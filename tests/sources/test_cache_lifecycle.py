"""The readable-text cache (keyed by body and code version) and the cache's stats and pruning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import fetched_from
from verify.model import Snapshot
from verify.sources import textcache
from verify.sources.cache import SnapshotCache, sha256_hex
from verify.sources.cachedir import DAY_SECONDS, cache_stats, prune_cache
from verify.sources.textcache import TextCache, text_version

PAGE = b"<html><body><article><p>The ferry will run twice a day from May, the operator said.</p></article></body>"
NOW = 1_800_000_000.0  # a fixed "now" for pruning


def snapshot_of(body: bytes, content_type: str = "text/html", fetched_at: str = "2026-11-23T10:00:00Z") -> Snapshot:
    return Snapshot(
        location="https://news.example/ferry",
        final_url=None,
        http_status=200,
        content_type=content_type,
        charset="utf-8",
        fetched_at=fetched_at,
        sha256=sha256_hex(body),
        body=body,
    )


@pytest.fixture
def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time the text is really made from bytes, the source id is listed."""
    made: list[str] = []
    real = textcache.readable_text

    def counting(source_id: str, snapshot: Snapshot) -> object:
        made.append(source_id)
        return real(source_id, snapshot)

    monkeypatch.setattr(textcache, "readable_text", counting)
    return made


def test_a_text_is_made_once_and_then_read_from_the_cache(tmp_path: Path, counted_reads: list[str]) -> None:
    first = TextCache(tmp_path).read("S1", snapshot_of(PAGE))
    second = TextCache(tmp_path).read("S7", snapshot_of(PAGE))
    assert counted_reads == ["S1"]
    assert second.source_id == "S7" and (second.text, second.full_text) == (first.text, first.full_text)
    assert "twice a day from May" in first.text


@pytest.mark.parametrize(
    ("other", "made_again"),
    [
        pytest.param(snapshot_of(PAGE), False, id="same bytes, same type"),
        pytest.param(snapshot_of(PAGE, fetched_at="2026-12-01T08:00:00Z"), False, id="fetched again, same bytes"),
        pytest.param(snapshot_of(PAGE + b" "), True, id="other bytes"),
        pytest.param(snapshot_of(PAGE, content_type="text/plain"), True, id="same bytes read as plain text"),
    ],
)
def test_the_key_is_the_bytes_and_how_they_are_read(
    tmp_path: Path, counted_reads: list[str], other: Snapshot, made_again: bool
) -> None:
    TextCache(tmp_path).read("S1", snapshot_of(PAGE))
    TextCache(tmp_path).read("S1", other)
    assert len(counted_reads) == (2 if made_again else 1)


def test_another_code_version_never_reads_an_older_text(
    tmp_path: Path, counted_reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    TextCache(tmp_path).read("S1", snapshot_of(PAGE))
    monkeypatch.setattr(textcache, "text_version", lambda: "another-version")
    TextCache(tmp_path).read("S1", snapshot_of(PAGE))
    assert len(counted_reads) == 2
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == sorted(["another-version", text_version()])


@pytest.mark.parametrize(
    ("content_type", "asks_version"),
    [
        pytest.param("text/plain", False, id="plain text: read as it is, no version needed"),
        pytest.param("text/html", True, id="html: kept under the readers' version"),
    ],
)
def test_the_readers_version_is_worked_out_only_for_a_text_worth_keeping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content_type: str, asks_version: bool
) -> None:
    asked: list[str] = []

    def version() -> str:
        asked.append("version")
        return "some-version"

    monkeypatch.setattr(textcache, "text_version", version)
    TextCache(tmp_path).read("S1", snapshot_of(PAGE, content_type=content_type))
    assert bool(asked) is asks_version


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"text": 3}', b"[]", b"\xff\xfe"])
def test_a_damaged_entry_is_made_again(tmp_path: Path, counted_reads: list[str], damage: bytes) -> None:
    cache = TextCache(tmp_path)
    good = cache.read("S1", snapshot_of(PAGE))
    (entry,) = (tmp_path / "texts").rglob("*.json")
    entry.write_bytes(damage)
    assert cache.read("S1", snapshot_of(PAGE)) == good
    assert len(counted_reads) == 2


def test_a_lone_surrogate_in_a_text_survives_the_cache(tmp_path: Path) -> None:
    body = "plain words \ud800 and more".encode("utf-8", "surrogatepass")
    snapshot = snapshot_of(body, content_type="text/plain")
    first = TextCache(tmp_path).read("S1", snapshot)
    assert TextCache(tmp_path).read("S1", snapshot) == first


# -- stats and pruning -----------------------------------------------------------------------


def _age(path: Path, days: float) -> None:
    os.utime(path, (NOW - days * DAY_SECONDS, NOW - days * DAY_SECONDS))


def _cache_with(tmp_path: Path) -> dict[str, Path]:
    """A cache with a fresh and an old URL record, a kept local copy, and texts of two versions."""
    cache = SnapshotCache(tmp_path)
    fresh_url, old_url = "https://a.example/fresh", "https://a.example/old"
    fresh_snapshot = snapshot_of(b"fresh page", fetched_at="2027-01-15T00:00:00Z")
    fresh = cache.store(fresh_url, fresh_snapshot, {}, fetched_from(fresh_url))
    old = cache.store(old_url, snapshot_of(b"old page", fetched_at="2026-01-01T00:00:00Z"), {}, fetched_from(old_url))
    kept_recent = cache.store_body(b"a local file cited last week")
    kept_long_ago = cache.store_body(b"a local file cited last year")
    text = tmp_path / "texts" / text_version() / "ab" / "x.json"
    stale_text = tmp_path / "texts" / "0000000000000000" / "cd" / "y.json"
    for path in (text, stale_text):
        path.parent.mkdir(parents=True)
        path.write_text('{"text": "t", "full_text": null}')
    left_batch, running_batch = tmp_path / "batches" / "a1-7.texts", tmp_path / "batches" / "b2-8.texts"
    left_batch.parent.mkdir()
    for path in (left_batch, running_batch):
        path.write_bytes(b"[]\n")
    paths = {
        "left batch": left_batch,
        "running batch": running_batch,
        "fresh body": Path(fresh.cache_path or ""),
        "old body": Path(old.cache_path or ""),
        "fresh record": cache.record_path("https://a.example/fresh"),
        "old record": cache.record_path("https://a.example/old"),
        "kept recent": kept_recent,
        "kept long ago": kept_long_ago,
        "text": text,
        "stale text": stale_text,
    }
    for name, path in paths.items():
        _age(path, 400 if name in ("old body", "kept long ago", "old record") else 0.1 if "running" in name else 3)
    _age(paths["fresh body"], 400)  # written long ago, but a fresh record still names it
    return paths


@pytest.mark.parametrize(
    ("days", "left"),
    [
        pytest.param(30, {"fresh body", "fresh record", "kept recent", "text", "running batch"},
                     id="older than 30 days"),
        pytest.param(1000, {"fresh body", "old body", "fresh record", "old record", "kept recent", "kept long ago",
                            "text", "running batch"}, id="older than 1000 days: only other versions' texts go"),
        pytest.param(1, {"fresh body", "fresh record", "running batch"}, id="older than a day"),  # fmt: skip
    ],
)
def test_prune_removes_what_is_old_and_what_no_record_names(tmp_path: Path, days: float, left: set[str]) -> None:
    paths = _cache_with(tmp_path)
    before = {name for name, path in paths.items() if path.exists()}
    dry = prune_cache(tmp_path, days, now=NOW, dry_run=True)
    assert {name for name, path in paths.items() if path.exists()} == before
    done = prune_cache(tmp_path, days, now=NOW)
    assert {name for name, path in paths.items() if path.exists()} == left
    assert done == dry and done.files == len(before - left)


def test_stats_count_every_area(tmp_path: Path) -> None:
    _cache_with(tmp_path)
    areas = {area.name: area for area in cache_stats(tmp_path).areas}
    assert areas["url records"].files == 2
    assert areas["snapshots and kept files"].files == 4
    assert areas["readable texts"].files == 1 and areas["readable texts of other versions"].files == 1
    assert cache_stats(tmp_path / "absent").bytes == 0


def test_the_cache_commands(tmp_path: Path) -> None:
    _cache_with(tmp_path)
    verify = [sys.executable, "-m", "verify", "cache"]
    stats = subprocess.run([*verify, "stats", "--cache-dir", str(tmp_path), "--format", "json"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert {a["name"]: a["files"] for a in json.loads(stats.stdout)["areas"]}["url records"] == 2
    pruned = subprocess.run([*verify, "prune", "--older-than", "0.5", "--cache-dir", str(tmp_path)],
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert pruned.stdout.startswith("removed ") and str(tmp_path) in pruned.stdout
    refused = subprocess.run([*verify, "prune", "--older-than", "-3"], capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "must be a positive number" in refused.stderr


@pytest.mark.parametrize("name", ["trafilatura", "lxml", "beautifulsoup4", "pypdf", "charset-normalizer", "pytest"])
def test_an_installed_version_is_the_one_importlib_metadata_gives(name: str) -> None:
    from importlib import metadata

    assert textcache.installed_version(name) == metadata.version(name)


def test_a_distribution_not_installed_has_no_version() -> None:
    assert textcache.installed_version("no-such-distribution-here") == "none"


def test_the_version_comes_from_the_first_metadata_folder_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "trafilatura-9.9.9.dist-info").mkdir(parents=True)
    (second / "trafilatura-1.0.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    assert textcache.installed_version("trafilatura") == "9.9.9"
