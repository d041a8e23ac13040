"""A batch on a Dask cluster: the same reports as a plain batch, sources read from the shared store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import verify
from tests.helpers import fetched_from
from verify.cluster import SharedSource, restored, shared, valid_scheduler
from verify.errors import InputError
from verify.model import Snapshot
from verify.sources.cache import SnapshotCache, sha256_hex, utc_now
from verify.sources.pool import load_pool, named_refs
from verify.sources.resolve import load_sources_file

PAGES = {
    "https://gazette.example/pier": "The mayor, Ines Morrow, said: “The old pier will close in March.”",
    "https://tribune.example/ferry": "“The ferry will run all winter,” the operator, Ana Reyes, said on Monday.",
    "https://courier.example/market": "Stalls will move to the square, said Tom Ilves. “It is warmer there,” he said.",
}
DRAFTS = {
    "pier.md": "“The old pier will close in March,” said Ines Morrow.\n",
    "ferry.md": "“The ferry will run all winter,” Ana Reyes said. “The old pier will close in May,” Morrow said.\n",
    "market.txt": "“It is warmer there,” said Tom Ilves. The council said rents will fall.\n",
    "notes/minutes.md": "“We vote on the budget in June,” the clerk said.\n",
}


def cache_page(cache: Path, url: str, text: str) -> None:
    body = f"<html><head><title>{url}</title></head><body><article><p>{text}</p></article></body></html>".encode()
    snapshot = Snapshot(url, url, 200, "text/html", "utf-8", utc_now(), sha256_hex(body), body)
    SnapshotCache(cache).store(url, snapshot, {}, fetched_from(url))


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    for url, text in PAGES.items():
        cache_page(tmp_path / "cache", url, text)
    (tmp_path / "clerk.txt").write_text("The clerk said: “We vote on the budget in June.”\n", encoding="utf-8")
    sources = "".join(f'[[source]]\nurl = "{url}"\n' for url in PAGES)
    sources += '[[source]]\npath = "clerk.txt"\n[[source]]\nurl = "https://gone.example/never-cached"\n'
    (tmp_path / "sources.toml").write_text(sources, encoding="utf-8")
    for name, text in DRAFTS.items():
        (tmp_path / "drafts" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "drafts" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _without_times(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_times(v) for k, v in data.items() if k not in {"generated_at", "fetched_at"}}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data


def _reports(folder: Path) -> dict[str, Any]:
    return {p.name: _without_times(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.iterdir())}


def test_a_local_cluster_of_two_workers_gives_the_plain_batchs_reports(newsroom: Path) -> None:
    outputs = {}
    batch = ["check", str(newsroom / "drafts"), "--sources", str(newsroom / "sources.toml"), "--offline",
             "--cache-dir", str(newsroom / "cache"), "--format", "json"]  # fmt: skip
    for name, extra in (("plain", []), ("cluster", ["--scheduler", "local", "--jobs", "2"])):
        done = subprocess.run([sys.executable, "-m", "verify", *batch, "-o", str(newsroom / name), *extra],
                              capture_output=True, text=True, check=False, timeout=300)  # fmt: skip
        assert done.returncode == 1, done.stderr  # "rents will fall" and the May quote are in no source
        outputs[name] = _reports(newsroom / name)
    assert sorted(outputs["cluster"]) == ["ferry.json", "market.json", "minutes.json", "pier.json", "summary.json"]
    assert outputs["cluster"] == outputs["plain"]
    verdicts = {name: [c["verdict"] for c in report.get("claims", [])] for name, report in outputs["cluster"].items()}
    assert verdicts["ferry.json"][0] == "confirmed" and "confirmed" in verdicts["minutes.json"]


def test_only_a_named_scheduler_loads_dask(newsroom: Path) -> None:
    probe = (
        "import sys, verify\n"
        "options = verify.Options(offline=True, cache_dir=sys.argv[4], jobs=2)\n"
        "verify.check_many(sys.argv[1:3], sources_file=sys.argv[3], options=options)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )  # fmt: skip
    drafts = [str(newsroom / "drafts" / name) for name in ("pier.md", "market.txt")]
    args = [*drafts, str(newsroom / "sources.toml"), str(newsroom / "cache")]
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def test_each_outcome_is_handed_over_as_it_is_finished(newsroom: Path) -> None:
    seen: list[tuple[int, str]] = []
    drafts = [newsroom / "drafts" / "pier.md", newsroom / "drafts" / "absent.md", newsroom / "drafts" / "market.txt"]
    options = verify.Options(offline=True, cache_dir=newsroom / "cache")
    outcomes = verify.check_many(drafts, sources_file=newsroom / "sources.toml", options=options,
                                 on_outcome=lambda k, done: seen.append((k, Path(done.location).name)))  # fmt: skip
    assert seen == [(0, "pier.md"), (2, "market.txt")]
    assert [o.report is None for o in outcomes] == [False, True, False]


def test_a_task_carries_no_page_a_worker_can_read_from_the_store(newsroom: Path) -> None:
    pool = load_pool(
        named_refs(sources_file=newsroom / "sources.toml"),
        options=verify.Options(offline=True).fetch_options(),
        cache_dir=newsroom / "cache",
    )
    loaded = pool.for_refs(load_sources_file(newsroom / "sources.toml"))
    tasks = [shared(source, SnapshotCache(newsroom / "cache")) for source in loaded]
    assert [task.in_store for task in tasks] == [True, True, True, True, False]  # the file is put in the store
    assert all(t.loaded.text is None and t.loaded.fetched.snapshot.body == b"" for t in tasks[:4])  # type: ignore[union-attr]
    root = str(newsroom / "cache")
    assert [restored(t, root).text for t in tasks] == [source.text for source in loaded]
    elsewhere = newsroom / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(InputError, match="snapshot store") as raised:
        restored(SharedSource(tasks[0].loaded, True), str(elsewhere))
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("address", "valid"),
    [("local", True), ("tcp://10.0.0.5:8786", True), ("tls://scheduler.example:8786", True),
     ("10.0.0.5:8786", False), ("tcp://", False), ("tcp://a b", False), ("", False), ("LOCAL", False)],
)  # fmt: skip
def test_scheduler_addresses(address: str, valid: bool) -> None:
    assert valid_scheduler(address) is valid


def test_a_bad_scheduler_address_is_one_line_and_exit_2(newsroom: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "verify", "check", str(newsroom / "drafts"), "--scheduler", "nowhere"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "scheduler" in done.stderr
