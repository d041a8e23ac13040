"""What a check adds to the desk archive, and who may find it: pages always, files on request,
private pages only by checks that allow private addresses, the service's in an archive of its own."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette's note about a future httpx; not ours to act on
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import verify
from tests.helpers import fetched_from
from verify.archive import DeskArchive
from verify.archive.backend import ArchiveBackend
from verify.discover.types import SearchRequest
from verify.model import Snapshot
from verify.service import create_app
from verify.sources.cache import SnapshotCache, sha256_hex, utc_now

DRAFT = "“The old pier will close in March,” the mayor, Ines Morrow, said.\n"
PAGE = ("<html><head><title>Pier to close | The Harbour Gazette</title><script>var ad = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><article><p>The mayor, Ines Morrow, said: “The old pier will close in "
        "March.” Fishermen want a ferry.</p></article></body></html>")  # fmt: skip
PUBLIC_URL = "https://gazette.example/pier"
PRIVATE_URL = "http://intranet.example/pier"


def cache_page(
    cache: Path, url: str, html: str = PAGE, *, address: str = "93.184.215.14", fetched_at: str | None = None
) -> None:
    """A snapshot of ``url`` in the cache, fetched from ``address`` (a private one needs allow_private)."""
    body = html.encode()
    snapshot = Snapshot(url, url, 200, "text/html", "utf-8", fetched_at or utc_now(), sha256_hex(body), body)
    private = not address.startswith("93.")
    SnapshotCache(cache).store(url, snapshot, {}, fetched_from(url, address, allow_private=private))


def check(tmp_path: Path, sources: list[str], **options: object) -> verify.Report:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return verify.check(draft, sources=sources, options=verify.Options(offline=True, cache_dir=tmp_path, **options))  # type: ignore[arg-type]


def found(cache: Path, words: str, **how: bool) -> list[str]:
    return [hit.location for hit in DeskArchive(cache).search(words, **how)]


def test_a_checked_page_is_archived_with_its_title_and_readable_text(tmp_path: Path) -> None:
    cache_page(tmp_path, PUBLIC_URL)
    report = check(tmp_path, [PUBLIC_URL])
    assert report.results[0].verdict is verify.Verdict.CONFIRMED
    (hit,) = DeskArchive(tmp_path).search('"old pier will close"')
    assert (hit.location, hit.final_url, hit.title) == (PUBLIC_URL, PUBLIC_URL, "Pier to close | The Harbour Gazette")
    assert hit.sha256 == report.sources[0].sha256 and not hit.private and not hit.local
    assert found(tmp_path, "Home") == [] and found(tmp_path, "var ad") == []  # navigation and scripts are not text


@pytest.mark.parametrize(
    ("archive_local", "archived"),
    [pytest.param(False, [], id="a local file stays out by default"),
     pytest.param(True, ["minutes.txt"], id="and is archived when asked")],
)  # fmt: skip
def test_local_files_are_archived_only_when_asked(tmp_path: Path, archive_local: bool, archived: list[str]) -> None:
    (tmp_path / "minutes.txt").write_text("The mayor said the old pier will close in March.\n", encoding="utf-8")
    check(tmp_path, [str(tmp_path / "minutes.txt")], archive_local=archive_local)
    assert [Path(location).name for location in found(tmp_path, "pier march")] == archived


@pytest.mark.parametrize(
    ("allow_private", "public_search", "private_search"),
    [
        pytest.param(True, [], [PRIVATE_URL], id="read under allow_private: found only by private searches"),
        pytest.param(False, [], [], id="refused without allow_private: never archived"),
    ],
)
def test_private_pages_stay_with_checks_that_allow_them(
    tmp_path: Path, allow_private: bool, public_search: list[str], private_search: list[str]
) -> None:
    cache_page(tmp_path, PRIVATE_URL, address="10.0.0.7")
    check(tmp_path, [PRIVATE_URL], allow_private=allow_private)
    assert found(tmp_path, "pier") == public_search
    assert found(tmp_path, "pier", allow_private=True) == private_search
    hits = ArchiveBackend(tmp_path).search(SearchRequest("phrase", phrase="old pier will close"))
    assert [hit.url for hit in hits] == public_search


def test_a_read_only_archive_does_not_fail_the_check(tmp_path: Path) -> None:
    cache_page(tmp_path, PUBLIC_URL)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "desk.sqlite").write_bytes(b"not a database" * 50)
    assert check(tmp_path, [PUBLIC_URL]).results[0].verdict is verify.Verdict.CONFIRMED


def test_the_service_keeps_an_archive_of_its_own(tmp_path: Path) -> None:
    service_cache, desk_cache = tmp_path / "service", tmp_path / "desk"
    cache_page(service_cache, PUBLIC_URL)
    with TestClient(create_app(offline=True, cache_dir=service_cache)) as client:
        response = client.post("/v1/check", json={"text": DRAFT, "sources": [PUBLIC_URL]})
    assert response.status_code == 200, response.text
    assert found(service_cache, "pier") == [PUBLIC_URL] and found(desk_cache, "pier") == []


@pytest.mark.parametrize(
    ("request_", "urls"),
    [
        pytest.param(SearchRequest("phrase", phrase="old pier will close"), [PUBLIC_URL], id="a phrase"),
        pytest.param(SearchRequest("phrase", phrase="pier old will close"), [], id="words out of order"),
        pytest.param(SearchRequest("keywords", keywords=("Morrow", "ferry")), [PUBLIC_URL], id="keywords"),
        pytest.param(SearchRequest("site_phrase", phrase="old pier", site="gazette.example"), [PUBLIC_URL], id="site"),
        pytest.param(SearchRequest("site_phrase", phrase="old pier", site="tribune.example"), [], id="other site"),
        pytest.param(SearchRequest("phrase", phrase='say "NEAR(" AND'), [], id="syntax is words"),
    ],
)
def test_the_archive_as_a_discovery_backend(tmp_path: Path, request_: SearchRequest, urls: list[str]) -> None:
    cache_page(tmp_path, PUBLIC_URL)
    check(tmp_path, [PUBLIC_URL])
    hits = ArchiveBackend(tmp_path).search(request_)
    assert [(hit.url, hit.backend, hit.rank) for hit in hits] == [(url, "archive", 1) for url in urls]
    assert all(hit.title == "Pier to close | The Harbour Gazette" and hit.published is None for hit in hits)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "verify", *args], capture_output=True, text=True, check=False)


def test_archive_search_and_stats_commands(tmp_path: Path) -> None:
    cache_page(tmp_path, PUBLIC_URL, fetched_at="2026-01-05T09:00:00+00:00")  # long before any prune cutoff
    check(tmp_path, [PUBLIC_URL])
    text = run("archive", "search", '"old pier"', "march", "--cache-dir", str(tmp_path))
    assert text.returncode == 0 and text.stdout.startswith("1. Pier to close | The Harbour Gazette\n"), text
    as_json = json.loads(run("archive", "search", "pier", "--cache-dir", str(tmp_path), "--format", "json").stdout)
    assert [hit["location"] for hit in as_json["hits"]] == [PUBLIC_URL]
    stats = json.loads(run("archive", "stats", "--cache-dir", str(tmp_path), "--format", "json").stdout)
    assert (stats["snapshots"], stats["private"], stats["local"]) == (1, 0, 0) and stats["bytes"] > 0
    cache = json.loads(run("cache", "stats", "--cache-dir", str(tmp_path), "--format", "json").stdout)
    assert cache["archived_snapshots"] == 1
    pruned = run("cache", "prune", "--older-than", "1", "--cache-dir", str(tmp_path))
    assert "1 archived snapshots" in pruned.stdout, pruned
    assert "no archived page" in run("archive", "search", "pier", "--cache-dir", str(tmp_path)).stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["archive", "search", "--", '"" ( *'], id="no words"),
        pytest.param(["archive", "search", "pier", "--limit", "0"], id="a limit below one"),
        pytest.param(["archive", "frobnicate"], id="no such command"),
    ],
)
def test_bad_archive_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    done = run(*args[:2], "--cache-dir", str(tmp_path), *args[2:]) if args[1] == "search" else run(*args)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and done.stdout == "", done
