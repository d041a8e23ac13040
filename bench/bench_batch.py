"""A batch of drafts against shared pages, timed against one process per draft in the same run.

    .venv/bin/python bench/bench_batch.py                           # 200 pages x 60 drafts, 500 x 300
    .venv/bin/python bench/bench_batch.py --sizes 200x60 --rounds 3
    .venv/bin/python bench/bench_batch.py --sizes 500x300 --baseline-drafts 60

For each size PAGESxDRAFTS, bench/make_corpus.py writes that many news pages (50-200 KB of HTML)
and drafts (about 1,500 words, 30 quotes, 15 pages each), with ``all.sources.toml`` naming
every page. The contenders, each on a new, empty cache folder (so every page is read and its
text extracted: source reading included), take turns within each round:

- "one process per draft": ``verify check DRAFT --sources DRAFT.sources.toml`` in a subprocess
  for each draft in turn, all sharing one cache folder, as a newsroom checking drafts one by one
  would; with ``--baseline-drafts N``, only the first N drafts are run and the rate is theirs;
- "batch, --jobs 1" and "batch, --jobs 2": ``verify check DRAFTS/ --sources all.sources.toml``,
  every draft against every page, one report per draft written to a folder.
- "batch re-check": the --jobs 1 batch again on the cache its run filled (no HTML is read).

Wall time runs from the start of the first process to the end of the last (its reports written);
drafts per minute is drafts / wall time. CPU time is user + system of every process and worker
(this script's RUSAGE_CHILDREN before and after); CPU / wall near 2 means both cores were busy.
Peak memory is the largest single process's peak RSS (wait4), workers included. Medians over
rounds are printed, with ratios to the one-process-per-draft rate, and written to
bench/out/bench_batch.json. The machine's load average is recorded before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
MAKE_CORPUS = ROOT / "bench" / "make_corpus.py"
VERIFY = ROOT / ".venv" / "bin" / "verify"
CONTENDERS = ("per-draft", "batch-j1", "batch-j2", "batch-recheck")
LABELS = {
    "per-draft": "one process per draft",
    "batch-j1": "batch, --jobs 1",
    "batch-j2": "batch, --jobs 2",
    "batch-recheck": "batch re-check, --jobs 1",
}


@dataclass(frozen=True)
class Run:
    drafts: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float

    @property
    def per_minute(self) -> float:
        return 60 * self.drafts / self.seconds


def _start(command: list[str], work: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=work)


def timed(commands: list[list[str]], work: Path, drafts: int) -> Run:
    """The commands run one after the other: wall time, CPU time of all of them, largest peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = 0
    started = time.perf_counter()
    for command in commands:
        process = _start(command, work)
        _, status, usage = os.wait4(process.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # 1: some claim is unverified, as in any real draft
            assert process.stderr is not None
            raise SystemExit(f"{' '.join(command[:3])} … failed ({code}): {process.stderr.read()[-500:]!r}")
        peak = max(peak, usage.ru_maxrss)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(drafts, seconds, cpu, peak / 1024)  # ru_maxrss is in KiB


def make_corpus(folder: Path, seed: int, pages: int, drafts: int) -> None:
    subprocess.run([sys.executable, str(MAKE_CORPUS), "--seed", str(seed), "--out", str(folder), "--pages", str(pages),
                    "--drafts", str(drafts)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def per_draft_commands(corpus: Path, cache: Path, drafts: int) -> list[list[str]]:
    commands = []
    for n in range(1, drafts + 1):
        draft = corpus / "drafts" / f"draft-{n}.md"
        commands.append([str(VERIFY), "check", str(draft), "--sources", str(draft.with_suffix(".sources.toml")),
                         "--offline", "--format", "json", "--quiet", "--cache-dir", str(cache)])  # fmt: skip
    return commands


def batch_command(corpus: Path, cache: Path, jobs: int, out: Path) -> list[str]:
    return [str(VERIFY), "check", str(corpus / "drafts"), "--sources", str(corpus / "all.sources.toml"),
            "--offline", "--format", "json", "--quiet", "--cache-dir", str(cache), "--jobs", str(jobs),
            "-o", str(out)]  # fmt: skip


def run_size(pages: int, drafts: int, rounds: int, baseline_drafts: int, seed: int, work: Path) -> dict[str, Any]:
    corpus = work / f"corpus-{pages}x{drafts}"
    make_corpus(corpus, seed, pages, drafts)
    runs: dict[str, list[Run]] = {c: [] for c in CONTENDERS}
    # Untimed: bytecode for every module (the environment may forbid writing it at import), pages
    # in the file system's cache.
    subprocess.run([str(VERIFY.parent / "python"), "-m", "compileall", "-q", str(ROOT / "verify")],
                   check=False, stdout=subprocess.DEVNULL)  # fmt: skip
    timed([batch_command(corpus, work / "untimed", 1, work / "untimed-out")], work, drafts)
    for r in range(rounds):
        base = work / f"round-{pages}-{r}"
        runs["per-draft"].append(timed(per_draft_commands(corpus, base / "c0", baseline_drafts), work, baseline_drafts))
        runs["batch-j1"].append(timed([batch_command(corpus, base / "c1", 1, base / "o1")], work, drafts))
        runs["batch-j2"].append(timed([batch_command(corpus, base / "c2", 2, base / "o2")], work, drafts))
        runs["batch-recheck"].append(timed([batch_command(corpus, base / "c1", 1, base / "o3")], work, drafts))
        print(f"  {pages}x{drafts}: round {r + 1}/{rounds} done, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    result: dict[str, Any] = {"pages": pages, "drafts": drafts, "baseline_drafts": baseline_drafts, "contenders": {}}
    base_rate = statistics.median(r.per_minute for r in runs["per-draft"])
    for name, done in runs.items():
        rate = statistics.median(r.per_minute for r in done)
        result["contenders"][name] = {
            "drafts_per_minute": round(rate, 1),
            "seconds": round(statistics.median(r.seconds for r in done), 2),
            "cpu_over_wall": round(statistics.median(r.cpu_seconds / r.seconds for r in done), 2),
            "peak_rss_mib": round(max(r.peak_rss_mib for r in done), 1),
            "times_per_draft_rate": round(rate / base_rate, 2),
            "runs": [asdict(r) for r in done],
        }
    return result


def table(results: list[dict[str, Any]]) -> str:
    lines = []
    for result in results:
        lines.append(f"{result['pages']} pages x {result['drafts']} drafts (one process per draft: first "
                     f"{result['baseline_drafts']} drafts)")  # fmt: skip
        lines.append(f"{'':28}{'drafts/min':>11}{'wall s':>9}{'CPU/wall':>9}{'peak MiB':>9}{'vs per-draft':>13}")
        for name, row in result["contenders"].items():
            lines.append(f"{LABELS[name]:28}{row['drafts_per_minute']:>11.1f}{row['seconds']:>9.2f}"
                         f"{row['cpu_over_wall']:>9.2f}{row['peak_rss_mib']:>9.0f}"
                         f"{row['times_per_draft_rate']:>12.2f}x")  # fmt: skip
    return "\n".join(lines)


def _size(value: str) -> tuple[int, int]:
    pages, _, drafts = value.partition("x")
    return int(pages), int(drafts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200x60,500x300", help="PAGESxDRAFTS, comma-separated")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--baseline-drafts", type=int, help="drafts run one process each (default: all)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if not VERIFY.exists():
        parser.error(f"{VERIFY} does not exist (run `make .venv/.installed`)")
    load_before = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory(prefix="verify-bench-batch-") as tmp:
        for pages, drafts in map(_size, args.sizes.split(",")):
            baseline = min(drafts, args.baseline_drafts or drafts)
            results.append(run_size(pages, drafts, args.rounds, baseline, args.seed, Path(tmp)))
    summary = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                    "load_before": [round(x, 2) for x in load_before],
                    "load_after": [round(x, 2) for x in os.getloadavg()]},
        "rounds": args.rounds, "seed": args.seed, "sizes": results,
    }  # fmt: skip
    print(table(results))
    print(f"load average (1, 5, 15 min): before {summary['machine']['load_before']}, after "
          f"{summary['machine']['load_after']}")  # fmt: skip
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_batch.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"written: {OUT / 'bench_batch.json'}")


if __name__ == "__main__":
    main()
