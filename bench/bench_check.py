"""The typical check, timed as a whole process: one draft of 30 quotes against 15 news pages.

    .venv/bin/python bench/bench_check.py                          # this checkout only
    .venv/bin/python bench/bench_check.py --against /path/to/other  # and another checkout, interleaved
    .venv/bin/python bench/bench_check.py --runs 5 --seed 7

The corpus is written by bench/make_corpus.py into a temporary folder (1 draft, 30 quotes, 15 HTML
pages of 50-200 KB). Each contender is its checkout's own ``.venv/bin/verify``, run as a user runs
it: ``verify check DRAFT --sources FILE --offline --format json --quiet --cache-dir DIR``.

- "cold": a new, empty cache folder, so every page is read, its text extracted and split into words;
- "warm": the same command again on the cache the cold run just filled, as a re-check does.

Contenders take turns (this cold, other cold, this warm, other warm, and again), so a slow spell of
the machine falls on both. One untimed round comes first: each checkout's modules compiled to bytecode (the environment
may forbid writing it at import), and the file system's cache warmed.
For each run: wall time; CPU time (user + system of the process and every child it forked, from
this script's RUSAGE_CHILDREN before and after); peak RSS (from wait4, the largest of the process
and its children). This script stays small (it imports no verify code and writes the corpus in a
child), because a child's peak RSS can never read below that of the process that started it: the
figure is recorded as ``peak_rss_floor_mib``. Each checkout runs with its own defaults.

Medians are printed with the ratio other / this (above 1: this checkout is faster or smaller),
and everything is written to bench/out/bench_check.json.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
MAKE_CORPUS = ROOT / "bench" / "make_corpus.py"
DEFAULT_SEED = 2026
DEFAULT_RUNS = 10
KINDS = ("cold", "warm")
# (median's key, every run's key, label, unit)
MEASURES = (
    ("seconds", "runs", "wall", "s"),
    ("cpu_seconds", "cpu_runs", "CPU", "s"),
    ("peak_rss_mib", "peak_rss_runs", "peak RSS", "MiB"),
)


@dataclass(frozen=True)
class Contender:
    name: str  # "this" or "other"
    checkout: Path
    verify: Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    exit_status: int
    summary: dict[str, int]  # the report's verdict counts (the report itself is not kept: see peak RSS)


@dataclass(frozen=True)
class TypicalCorpus:
    draft: Path
    sources: Path
    page_bytes: int
    pages: int
    quotes: int
    words: int


def make_typical_corpus(folder: Path, seed: int) -> TypicalCorpus:
    """The typical draft and its pages, written by make_corpus.py in a child process."""
    subprocess.run([sys.executable, str(MAKE_CORPUS), "--seed", str(seed), "--out", str(folder)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    draft = manifest["drafts"][0]
    return TypicalCorpus(
        draft=folder / draft["file"],
        sources=folder / draft["sources"],
        page_bytes=sum(p["bytes"] for p in manifest["pages"]),
        pages=len(manifest["pages"]),
        quotes=sum(1 for d in draft["drawn"] if d["kind"] != "reported"),
        words=draft["words"],
    )


def child_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "VERIFY_NO_FORK"}


def check_command(verify: Path, corpus: TypicalCorpus, cache: Path) -> list[str]:
    return [str(verify), "check", str(corpus.draft), "--sources", str(corpus.sources), "--offline",
            "--format", "json", "--quiet", "--cache-dir", str(cache)]  # fmt: skip


def timed(command: list[str], work: Path) -> Run:
    """One run of ``command``: wall and CPU time, peak RSS, and the JSON report it printed."""
    out_path, err_path = work / "stdout.json", work / "stderr.txt"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=child_environment(), cwd=work)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):  # 1: some claim is unverified, as in any real draft
        message = err_path.read_text(encoding="utf-8", errors="replace").strip()[-500:]
        raise SystemExit(f"{command[0]} failed (exit status {process.returncode}): {message}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = json.loads(out_path.read_text(encoding="utf-8"))["summary"]
    return Run(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, summary)  # ru_maxrss is in KiB


def checkout_state(checkout: Path) -> dict[str, Any]:
    """The checkout's commit and whether it has uncommitted changes, when git can tell."""
    def git(*args: str) -> str | None:
        done = subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--untracked-files=no")
    return {"path": str(checkout), "commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_changes": bool(status) if status is not None else None}  # fmt: skip


Timings = dict[str, dict[str, list[Run]]]  # contender -> "cold" or "warm" -> its runs in order


def run_all(contenders: list[Contender], corpus: TypicalCorpus, runs: int, work: Path) -> Timings:
    """Every timed run, contenders in turn: cold A, cold B, warm A, warm B, and again."""
    results: Timings = {c.name: {k: [] for k in KINDS} for c in contenders}
    for c in contenders:  # untimed: bytecode for every module, as an installed package has, and a warm file cache
        subprocess.run([str(c.verify.parent / "python"), "-m", "compileall", "-q", str(c.checkout / "verify")],
                       check=False, stdout=subprocess.DEVNULL)  # fmt: skip
        timed(check_command(c.verify, corpus, work / f"cache-{c.name}-untimed"), work)
    for i in range(runs):
        for kind in KINDS:
            for c in contenders:
                # A cold run gets a folder nobody used; the warm run re-uses the one it filled.
                results[c.name][kind].append(timed(check_command(c.verify, corpus, work / f"cache-{c.name}-{i}"), work))
        print(f"  round {i + 1}/{runs} done", file=sys.stderr, flush=True)
    return results


def figures(runs: list[Run]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, every, _, _ in MEASURES:
        values = [getattr(r, key) for r in runs]
        row[key] = round(statistics.median(values), 3)
        row[every] = [round(v, 3) for v in values]
    return row


def summarise(contenders: list[Contender], corpus: TypicalCorpus, runs: Timings,
              seed: int) -> dict[str, Any]:  # fmt: skip
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "corpus": {"seed": seed, "pages": corpus.pages, "page_bytes": corpus.page_bytes, "quotes": corpus.quotes,
                   "draft_words": corpus.words},
        "runs": len(runs[contenders[0].name]["cold"]),
        "order": "interleaved: " + ", ".join(f"{c.name} {k}" for k in KINDS for c in contenders),
        "peak_rss_floor_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "contenders": {},
    }  # fmt: skip
    for c in contenders:
        first = runs[c.name]["cold"][0]
        entry = checkout_state(c.checkout) | {"verify": str(c.verify), "summary": first.summary,
                                              "exit_status": first.exit_status}  # fmt: skip
        entry |= {kind: figures(runs[c.name][kind]) for kind in KINDS}
        result["contenders"][c.name] = entry
    if len(contenders) == 2:
        this, other = (result["contenders"][c.name] for c in contenders)
        result["ratio_other_over_this"] = {
            kind: {key: round(other[kind][key] / this[kind][key], 3) for key, _, _, _ in MEASURES} for kind in KINDS
        }
    return result


def table(result: dict[str, Any]) -> str:
    names = list(result["contenders"])
    corpus = result["corpus"]
    lines = [
        f"typical draft: {corpus['quotes']} quotes, {corpus['draft_words']} words, {corpus['pages']} pages "
        f"({corpus['page_bytes'] / 1e6:.1f} MB); median of {result['runs']} runs each, {result['order']}",
        f"{'':18}" + "".join(f"{n:>12}" for n in names) + (f"{'other/this':>12}" if len(names) == 2 else ""),
    ]
    for kind in KINDS:
        for key, _, label, unit in MEASURES:
            cells = "".join(f"{result['contenders'][n][kind][key]:>12.3f}" for n in names)
            ratio = f"{result['ratio_other_over_this'][kind][key]:>12.2f}" if len(names) == 2 else ""
            lines.append(f"{kind + ' ' + label + ' (' + unit + ')':18}{cells}{ratio}")
    for n in names:
        entry = result["contenders"][n]
        changed = " with uncommitted changes" if entry["uncommitted_changes"] else ""
        lines.append(f"{n}: {entry['path']} at {entry['commit']}{changed}, verdicts {entry['summary']}")
    lines.append(f"peak RSS floor (this script's own): {result['peak_rss_floor_mib']} MiB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout with its own .venv to compare with")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed runs of each kind per checkout")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="the corpus's seed")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    contenders = [Contender("this", ROOT, ROOT / ".venv" / "bin" / "verify")]
    if args.against is not None:
        other = args.against.resolve()
        contenders.append(Contender("other", other, other / ".venv" / "bin" / "verify"))
    for c in contenders:
        if not c.verify.exists():
            parser.error(f"{c.verify} does not exist (run `make .venv/.installed` in {c.checkout})")
    with tempfile.TemporaryDirectory(prefix="verify-bench-check-") as tmp:
        work = Path(tmp)
        corpus = make_typical_corpus(work / "corpus", args.seed)
        runs = run_all(contenders, corpus, args.runs, work)
        result = summarise(contenders, corpus, runs, args.seed)
    print(table(result))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_check.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {OUT / 'bench_check.json'}")


if __name__ == "__main__":
    main()
