"""The snapshot cache: content-addressed bodies, atomic records, corrupt entries refused;
and local source files, read from disk and never fetched."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest
import respx

from tests.helpers import fetch, fetched_from, make_pdf
from verify.model import Snapshot, SourceRef, SourceStatus
from verify.sources.cache import SnapshotCache, sha256_hex
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions

URL = "https://news.example/story"
BODY = b"<p>The ferry will run twice a day from May, the operator said.</p>"


def stored(cache: SnapshotCache, body: bytes = BODY, url: str = URL) -> Snapshot:
    snapshot = Snapshot(
        location=url,
        final_url=url,
        http_status=200,
        content_type="text/html",
        charset="utf-8",
        fetched_at="2026-11-23T10:00:00Z",
        sha256=sha256_hex(body),
        body=body,
    )
    headers = {"Content-Type": "text/html; charset=utf-8", "Set-Cookie": "secret"}
    return cache.store(url, snapshot, headers, fetched_from(url))


def test_store_then_load_round_trips(tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path)
    saved = stored(cache)
    cached = cache.load(URL)
    assert cached is not None and cached.provenance == fetched_from(URL)
    loaded = cached.snapshot
    assert loaded.from_cache
    assert (loaded.body, loaded.sha256, loaded.final_url, loaded.charset) == (BODY, saved.sha256, URL, "utf-8")
    assert loaded.cache_path == saved.cache_path == str(tmp_path / "objects" / saved.sha256[:2] / saved.sha256)
    record = json.loads(cache.record_path(URL).read_text())
    assert record["headers"] == {"content-type": "text/html; charset=utf-8"}  # cookies are not evidence


def test_identical_bodies_share_one_object(tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path)
    stored(cache, url="https://a.example/1")
    stored(cache, url="https://b.example/2")
    assert len(list((tmp_path / "objects").rglob("*"))) == 2  # one folder, one body
    assert len(list((tmp_path / "urls").iterdir())) == 2


def _bad_json(cache: SnapshotCache, snapshot: Snapshot) -> None:
    cache.record_path(URL).write_text('{"schema": "verify-snapshot/2", "url": ')


def _missing_body(cache: SnapshotCache, snapshot: Snapshot) -> None:
    Path(str(snapshot.cache_path)).unlink()


def _truncated_body(cache: SnapshotCache, snapshot: Snapshot) -> None:
    Path(str(snapshot.cache_path)).write_bytes(BODY[:10])


def _altered_body(cache: SnapshotCache, snapshot: Snapshot) -> None:
    Path(str(snapshot.cache_path)).write_bytes(BODY.replace(b"twice", b"three times"))


def _other_url(cache: SnapshotCache, snapshot: Snapshot) -> None:
    record = json.loads(cache.record_path(URL).read_text())
    record["url"] = "https://elsewhere.example/"
    cache.record_path(URL).write_text(json.dumps(record))


def _wrong_schema(cache: SnapshotCache, snapshot: Snapshot) -> None:
    cache.record_path(URL).write_text(json.dumps({"schema": "something-else", "url": URL}))


def _missing_field(cache: SnapshotCache, snapshot: Snapshot) -> None:
    record = json.loads(cache.record_path(URL).read_text())
    del record["fetched_at"]
    cache.record_path(URL).write_text(json.dumps(record))


@pytest.mark.parametrize(
    "damage",
    [_bad_json, _missing_body, _truncated_body, _altered_body, _other_url, _wrong_schema, _missing_field],
)
def test_a_damaged_entry_is_never_trusted(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    cache = SnapshotCache(tmp_path)
    damage(cache, stored(cache))
    assert cache.load(URL) is None


@pytest.mark.parametrize("damage", [_truncated_body, _bad_json])
def test_a_damaged_entry_is_fetched_again_and_repaired(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    damage(SnapshotCache(tmp_path), stored(SnapshotCache(tmp_path)))
    with respx.mock(assert_all_called=False) as router:
        router.get("https://news.example/robots.txt").mock(return_value=httpx.Response(404))
        page = router.get(URL).mock(return_value=httpx.Response(200, content=BODY))
        (result,) = fetch([URL], tmp_path)
    assert (result.status, page.call_count) == (SourceStatus.OK, 1)
    repaired = SnapshotCache(tmp_path).load(URL)
    assert repaired is not None and repaired.snapshot.body == BODY


def test_two_writers_at_once_leave_a_valid_entry(tmp_path: Path) -> None:
    bodies = [BODY + str(i).encode() * 5000 for i in range(8)]
    threads = [threading.Thread(target=stored, args=(SnapshotCache(tmp_path), body)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    loaded = SnapshotCache(tmp_path).load(URL)
    assert loaded is not None and loaded.snapshot.body in bodies
    assert not [p for p in tmp_path.rglob("*.tmp")]  # no temporary files left behind


def test_a_body_is_written_under_the_hash_it_is_given_without_hashing_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A caller holding a snapshot passes its sha256 rather than hashing the body again."""
    import verify.sources.cache as cache_module

    known = sha256_hex(BODY)
    cache = SnapshotCache(tmp_path)

    def no_hashing(data: bytes) -> str:
        raise AssertionError("the body was hashed again")

    monkeypatch.setattr(cache_module, "sha256_hex", no_hashing)
    path = cache.store_body(BODY, known)
    assert path == cache.object_path(known) and path.read_bytes() == BODY
    monkeypatch.undo()
    assert cache.store_body(BODY) == path  # the same file, found and not written again


# ---------------------------------------------------------------------------
# Local files
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("release.html", b"<p>Statement from the council.</p>", "text/html"),
        ("release.htm", b"<p>Statement from the council.</p>", "text/html"),
        ("report.pdf", make_pdf(["Annual report of the water board."]), "application/pdf"),
        ("transcript.txt", b"Q: Will it open?\nA: In May.", "text/plain"),
        ("notes.md", b"# Notes\n\nThe mayor said yes.", "text/plain"),
    ],
)
def test_local_files_are_read_from_disk(tmp_path: Path, name: str, content: bytes, content_type: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with respx.mock(assert_all_called=False) as router:
        anything = router.route().mock(return_value=httpx.Response(200))
        (result,) = fetch_sources(
            [SourceRef(url=None, path=str(path))], cache_dir=tmp_path / "cache", options=FetchOptions(offline=True)
        )
    assert anything.call_count == 0
    assert result.status is SourceStatus.OK and result.snapshot is not None
    assert (result.snapshot.body, result.snapshot.content_type) == (content, content_type)
    assert result.snapshot.final_url is None and result.snapshot.http_status is None
    assert result.snapshot.sha256 == sha256_hex(content)
    assert result.snapshot.cache_path is None  # copied into the cache only once cited (see tests/test_api.py)


def test_a_missing_local_file_is_not_found(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    (result,) = fetch_sources([SourceRef(url=None, path=missing)], cache_dir=tmp_path, options=FetchOptions())
    assert (result.status, result.error, result.snapshot) == (SourceStatus.NOT_FOUND, f"no such file: {missing}", None)


def test_a_directory_given_as_a_source_is_unreadable(tmp_path: Path) -> None:
    (result,) = fetch_sources([SourceRef(url=None, path=str(tmp_path))], cache_dir=tmp_path, options=FetchOptions())
    assert result.status is SourceStatus.UNREADABLE and result.error is not None and "\n" not in result.error


def test_mixed_sources_come_back_in_order(tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("local words")
    refs = [
        SourceRef(url="https://news.example/never", path=None),
        SourceRef(url=None, path=str(local)),
        SourceRef(url=None, path=str(tmp_path / "gone.txt")),
        SourceRef(url="ftp://old.example/file", path=None),
    ]
    results = fetch_sources(refs, cache_dir=tmp_path / "cache", options=FetchOptions(offline=True))
    assert [r.ref for r in results] == refs
    assert [r.status for r in results] == [
        SourceStatus.OFFLINE_MISS,
        SourceStatus.OK,
        SourceStatus.NOT_FOUND,
        SourceStatus.BLOCKED,
    ]
