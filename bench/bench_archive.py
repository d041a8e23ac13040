"""Desk archive search at 10,000 snapshots, and a batch's drafts per minute on a Dask LocalCluster.

    .venv/bin/python bench/bench_archive.py                          # both parts
    .venv/bin/python bench/bench_archive.py --part archive --snapshots 10000
    .venv/bin/python bench/bench_archive.py --part batch --drafts 60 --pages 200 --rounds 2

Archive: an archive of N snapshots is built in a temporary cache folder from fictional stories
written by ``bench/newsworld`` (headline, standfirst, paragraphs and caption: the readable text a
check archives; no HTML is rendered, since the archive never holds any). A fresh child process
then times ``DeskArchive.search``, opening the database anew for every search as ``verify archive
search`` does, for five kinds of query, each asked with 20 different instances after one untimed
search: one very common word, a person's full name, a five-word phrase in quotes, a town and a
topic word, and two words no story holds. Reported: median, 95th percentile and slowest search
of each kind (ten hits asked for), with the median CPU time (less moved by other work on the
machine than wall time); the baseline in the same process, a scan that reads every archived text
and looks for the words in it (5 instances of each kind); the child's peak RSS (VmHWM); the
build time and the database's size.

Batch: ``bench/make_corpus.py`` writes D drafts (30 quotes, 15 pages each, drawn from P pages of
50-200 KB). One untimed run fills the cache (texts and the snapshot store), then the contenders
take turns, ``--rounds`` times: ``verify check DRAFTS --offline --format json -o OUT --quiet
--cache-dir C`` with ``--jobs 1`` (the baseline), ``--jobs 2``, and ``--scheduler local --jobs 2``
(a LocalCluster of two worker processes, started and stopped inside the timed run). Wall time is
from the start of the process to its exit, after the last report is written; drafts per minute
follow from it, and each contender's speed against ``--jobs 1`` both from the medians and as
the median of each round's own ratio. CPU time and peak RSS come from wait4: CPU time of the
command and the processes it waited for, peak RSS of the largest single one of them.

The load average is recorded before and after each part, since other work on the machine slows
every contender. Everything is written to bench/out/bench_archive.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))

from newsworld.story import NameBook, Story, TemplateUse, build_newsroom, write_story  # noqa: E402

from verify.archive import ArchiveEntry, DeskArchive  # noqa: E402

QUERY_KINDS = ("common word", "full name", "phrase", "town and topic", "no match")
INSTANCES = 20
SCANNED = 5  # instances of each kind the baseline scan is timed on (it is slow)
CONTENDERS = (
    ("--jobs 1", ["--jobs", "1"]),
    ("--jobs 2", ["--jobs", "2"]),
    ("LocalCluster, 2 workers", ["--scheduler", "local", "--jobs", "2"]),
)


def load() -> float:
    return round(os.getloadavg()[0], 2)


# -- the archive -------------------------------------------------------------------------------


def stories(count: int, seed: int) -> list[Story]:
    names = NameBook()
    newsroom = build_newsroom(random.Random(f"{seed}:newsroom"), names)
    use = TemplateUse()
    return [write_story(n, random.Random(f"{seed}:page:{n}"), newsroom, names, use) for n in range(1, count + 1)]


def entry(story: Story) -> ArchiveEntry:
    url = f"https://{story.outlet.name.lower().replace(' ', '')}.example/{story.published:%Y/%m}/{story.number}"
    text = "\n".join([story.headline, story.standfirst, *story.paragraphs, story.caption])
    fetched = f"{story.published:%Y-%m-%d}T12:00:00Z"
    sha = f"{story.number:064x}"
    title = f"{story.headline} | {story.outlet.name}"
    return ArchiveEntry(url, url, title, story.outlet.name, fetched, sha, text, False)


def queries(written: list[Story], rng: random.Random) -> dict[str, list[str]]:
    picked = rng.sample(written, INSTANCES)
    phrases = []
    for story in picked:
        words = rng.choice(story.paragraphs).split()
        start = rng.randrange(max(1, len(words) - 5))
        phrases.append('"' + " ".join(words[start : start + 5]) + '"')
    return {
        "common word": ["said"] * INSTANCES,
        "full name": [rng.choice(story.people).full for story in picked],
        "phrase": phrases,
        "town and topic": [f"{story.slots['town']} {story.topic.key}" for story in picked],
        "no match": [f"zeppelin quokka{n}" for n in range(INSTANCES)],
    }


def scan(cache: Path, words: str) -> int:
    """The baseline: every archived text read and searched for the words, as without an index."""
    import sqlite3

    from verify.archive.query import query_parts

    parts = [" ".join(part.casefold().split()) for part in query_parts(words)]
    with sqlite3.connect(DeskArchive(cache).path) as db:
        texts = db.execute("SELECT c0 || ' ' || c1 FROM snapshot_words_content")
        return sum(1 for (text,) in texts if all(part in " ".join(text.casefold().split()) for part in parts))


def time_searches(cache: Path, asked: dict[str, list[str]]) -> dict[str, Any]:
    """In this (fresh) process: each query's wall and CPU time, the baseline's, and the peak RSS of searching."""
    archive = DeskArchive(cache)
    archive.search("harbour")  # untimed: the first search loads sqlite3's FTS5 code and the file's first pages
    result: dict[str, Any] = {}
    for kind, instances in asked.items():
        walls, cpus, hits = [], [], []
        for words in instances:
            start, cpu = time.perf_counter(), time.process_time()
            found = archive.search(words, limit=10)
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            hits.append(len(found))
        walls.sort()
        result[kind] = {
            "median_ms": round(statistics.median(walls) * 1000, 2),
            "p95_ms": round(walls[int(0.95 * (len(walls) - 1))] * 1000, 2),
            "max_ms": round(walls[-1] * 1000, 2),
            "median_cpu_ms": round(statistics.median(cpus) * 1000, 2),
            "median_hits": statistics.median(hits),
        }
    result["peak_rss_mib"] = round(high_water_mark_kib() / 1024, 1)  # before the scans, which hold every text
    for kind, instances in asked.items():
        scans = []
        for words in instances[:SCANNED]:
            start = time.perf_counter()
            scan(cache, words)
            scans.append(time.perf_counter() - start)
        result[kind]["scan_median_ms"] = round(statistics.median(scans) * 1000, 1)
        result[kind]["speed_vs_scan"] = round(statistics.median(scans) * 1000 / result[kind]["median_ms"], 1)
    return result


def high_water_mark_kib() -> int:
    """This process's peak RSS since its exec (VmHWM); getrusage would report the forking parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bench_archive(snapshots: int, seed: int) -> dict[str, Any]:
    before = load()
    written = stories(snapshots, seed)
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as folder:
        cache = Path(folder)
        archive = DeskArchive(cache)
        start = time.perf_counter()
        for first in range(0, len(written), 500):  # one transaction per 500, as a large batch adds them
            archive.add(entry(story) for story in written[first : first + 500])
        build = time.perf_counter() - start
        stats = archive.stats()
        asked = queries(written, random.Random(f"{seed}:queries"))
        child = subprocess.run(
            [sys.executable, __file__, "--search-child", str(cache)],
            input=json.dumps(asked), capture_output=True, text=True, check=True,
        )  # fmt: skip
        searched = json.loads(child.stdout)
    text_kb = statistics.mean(len(entry(s).text.encode()) for s in written[:500]) / 1000
    return {
        "snapshots": stats.snapshots,
        "mean_text_kb": round(text_kb, 1),
        "build_seconds": round(build, 1),
        "database_mib": round(stats.bytes / 2**20, 1),
        "search": {kind: searched[kind] for kind in QUERY_KINDS},
        "search_peak_rss_mib": searched["peak_rss_mib"],
        "load_before": before,
        "load_after": load(),
    }


# -- the batch ---------------------------------------------------------------------------------


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (with waited-for descendants) and peak RSS (MiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench_batch(drafts: int, pages: int, rounds: int, seed: int) -> dict[str, Any]:
    before = load()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        corpus, cache = Path(folder) / "corpus", Path(folder) / "cache"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--seed", str(seed), "--out",
                        str(corpus), "--drafts", str(drafts), "--pages", str(pages)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        base = [sys.executable, "-m", "verify", "check", str(corpus / "drafts"), "--offline", "--format", "json",
                "--quiet", "--cache-dir", str(cache)]  # fmt: skip
        timed([*base, "-o", str(Path(folder) / "warm-up")])  # untimed: fills the cache as a first check would
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in CONTENDERS}
        for round_ in range(rounds):
            for name, flags in CONTENDERS:
                runs[name].append(timed([*base, *flags, "-o", str(Path(folder) / f"out-{round_}-{len(runs[name])}")]))
                print(f"  {name}: {runs[name][-1][0]:.1f} s", file=sys.stderr)
    baseline = statistics.median(wall for wall, _, _ in runs[CONTENDERS[0][0]])
    result: dict[str, Any] = {"drafts": drafts, "pages": pages, "rounds": rounds, "contenders": {}}
    for name, measured in runs.items():
        wall = statistics.median(w for w, _, _ in measured)
        result["contenders"][name] = {
            "seconds": round(wall, 1),
            "drafts_per_minute": round(drafts * 60 / wall, 1),
            "speed_vs_jobs_1": round(baseline / wall, 2),
            # Each round's own ratio: the contenders of a round ran back to back, under much the same load.
            "median_round_speed_vs_jobs_1": round(
                statistics.median(b[0] / m[0] for b, m in zip(runs[CONTENDERS[0][0]], measured, strict=True)), 2
            ),
            "cpu_per_wall": round(statistics.median(c / w for w, c, _ in measured), 2),
            "peak_rss_mib": round(max(r for _, _, r in measured), 1),
            "runs": [round(w, 1) for w, _, _ in measured],
        }
    result["load_before"], result["load_after"] = before, load()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("archive", "batch", "both"), default="both")
    parser.add_argument("--snapshots", type=int, default=10_000)
    parser.add_argument("--drafts", type=int, default=60)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--search-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.search_child is not None:
        print(json.dumps(time_searches(args.search_child, json.loads(sys.stdin.read()))))
        return 0
    result: dict[str, Any] = {"cores": os.cpu_count()}
    if args.part in ("archive", "both"):
        result["archive"] = archive = bench_archive(args.snapshots, args.seed)
        print(f"archive of {archive['snapshots']} snapshots ({archive['database_mib']} MiB, built in "
              f"{archive['build_seconds']} s; load {archive['load_before']} -> {archive['load_after']}):")  # fmt: skip
        for kind in QUERY_KINDS:
            s = archive["search"][kind]
            print(f"  {kind:15} median {s['median_ms']:7.2f} ms (CPU {s['median_cpu_ms']:6.2f})"
                  f"  p95 {s['p95_ms']:7.2f} ms  max {s['max_ms']:7.2f} ms"
                  f"  scan {s['scan_median_ms']:7.1f} ms ({s['speed_vs_scan']}x)")
        print(f"  peak RSS of the searching process: {archive['search_peak_rss_mib']} MiB")
    if args.part in ("batch", "both"):
        result["batch"] = batch = bench_batch(args.drafts, args.pages, args.rounds, args.seed)
        print(f"batch of {batch['drafts']} drafts against {batch['pages']} pages "
              f"(load {batch['load_before']} -> {batch['load_after']}):")  # fmt: skip
        for name, c in batch["contenders"].items():
            print(f"  {name:24} {c['seconds']:6.1f} s  {c['drafts_per_minute']:6.1f} drafts/min  "
                  f"{c['speed_vs_jobs_1']:.2f}x (per round {c['median_round_speed_vs_jobs_1']:.2f}x)"
                  f"  CPU/wall {c['cpu_per_wall']:.2f}  peak RSS {c['peak_rss_mib']} MiB")
    OUT.mkdir(exist_ok=True)
    saved = OUT / "bench_archive.json"
    earlier = json.loads(saved.read_text(encoding="utf-8")) if saved.is_file() else {}
    # A part run alone keeps the other part's figures.
    saved.write_text(json.dumps(earlier | result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
