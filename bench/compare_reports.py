"""Do two checkouts report the same? Both run ``verify check --offline --format json`` on the same corpora.

    .venv/bin/python bench/compare_reports.py --against /path/to/other/checkout
    .venv/bin/python bench/compare_reports.py --against ../other --only demo typical

Corpora, each checked cold (a new, empty cache folder per checkout and corpus):

- ``demo``: seeds/demo-draft.md with seeds/demo-draft.sources.toml (this checkout's files);
- ``typical``: the typical draft of bench/bench_check.py (make_corpus.py: 1 draft, 30 quotes, 15 pages);
- ``matching-300x100`` and ``matching-3000x300``: the corpora that bench/bench_matching.py times,
  built by its own functions and written the way its process runs write them.

Both checkouts get the same files, the same arguments and the same working folder. Before
comparing, what differs between any two runs is set aside: ``generated_at`` and ``fetched_at``,
the tool's version, and the temporary and cache folders inside paths (written as ``<tmp>`` and
``<cache>``). The exit status is compared too. Prints "identical" or the differences for each
corpus; exits 1 when any corpus differs, 2 when a check could not run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_matching  # noqa: E402
from bench_check import DEFAULT_SEED, child_environment, make_typical_corpus  # noqa: E402

VOLATILE_KEYS = frozenset({"generated_at", "fetched_at"})
SHOWN_DIFFERENCES = 12
CORPORA = ("demo", "typical", *(f"matching-{n}x{m}" for n, m in bench_matching.FULL_PLAN))


@dataclass(frozen=True)
class Corpus:
    name: str
    arguments: tuple[str, ...]  # the draft and its sources, as given to ``verify check``
    cwd: Path


@dataclass(frozen=True)
class Outcome:
    exit_status: int
    report: Any  # the parsed report, or None when the check failed
    error: str


def normalise(value: Any, replacements: Mapping[str, str], key: str | None = None) -> Any:
    """The report without what differs between any two runs: run times, the tool's version, and
    the temporary and cache folders inside strings."""
    if isinstance(value, dict):
        kept = {k: v for k, v in value.items() if k not in VOLATILE_KEYS and not (key == "tool" and k == "version")}
        return {k: normalise(v, replacements, k) for k, v in kept.items()}
    if isinstance(value, list):
        return [normalise(v, replacements) for v in value]
    if isinstance(value, str):
        for path in sorted(replacements, key=len, reverse=True):  # a cache folder inside the temporary one
            value = value.replace(path, replacements[path])
        return value
    return value


def differences(a: Any, b: Any, where: str = "") -> Iterator[str]:
    """Where two JSON values differ, one line each, in document order."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            here = f"{where}.{k}" if where else k
            if k not in b:
                yield f"{here}: only in this checkout's report"
            elif k not in a:
                yield f"{here}: only in the other checkout's report"
            else:
                yield from differences(a[k], b[k], here)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{where}: {len(a)} items here, {len(b)} in the other"
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from differences(x, y, f"{where}[{i}]")
    elif a != b or type(a) is not type(b):
        yield f"{where}: {_short(a)} -> {_short(b)}"


def _short(value: Any, limit: int = 70) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_check(verify: Path, corpus: Corpus, cache: Path) -> Outcome:
    command = [str(verify), "check", *corpus.arguments, "--offline", "--format", "json", "--quiet",
               "--cache-dir", str(cache)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, cwd=corpus.cwd, env=child_environment(),
                          check=False)  # fmt: skip
    if done.returncode not in (0, 1):
        return Outcome(done.returncode, None, done.stderr.strip()[-400:])
    return Outcome(done.returncode, json.loads(done.stdout), "")


def compare(corpus: Corpus, this: Path, other: Path, tmp: Path) -> tuple[str, list[str]]:
    """("identical" | "differs" | "failed", detail lines) for one corpus."""
    outcomes = {}
    replacements = {str(tmp): "<tmp>", str(tmp.resolve()): "<tmp>"}
    for name, verify in (("this", this), ("other", other)):
        cache = tmp / f"cache-{corpus.name}-{name}"
        replacements |= {str(cache): "<cache>", str(cache.resolve()): "<cache>"}
        outcomes[name] = run_check(verify, corpus, cache)
    failed = [f"{name}: exit status {o.exit_status}: {o.error}" for name, o in outcomes.items() if o.report is None]
    if failed:
        return "failed", failed
    mine, theirs = (
        {"exit_status": o.exit_status, "report": normalise(o.report, replacements)} for o in outcomes.values()
    )
    found = list(differences(mine, theirs))
    if not found:
        claims = len(mine["report"].get("claims", []))
        return "identical", [f"{claims} claims, exit status {mine['exit_status']}"]
    shown = found[:SHOWN_DIFFERENCES]
    if len(found) > len(shown):
        shown.append(f"… and {len(found) - len(shown)} more")
    return "differs", shown


def _demo(tmp: Path) -> Corpus:
    return Corpus("demo", ("seeds/demo-draft.md", "--sources", "seeds/demo-draft.sources.toml"), ROOT)


def _typical(tmp: Path) -> Corpus:
    typical = make_typical_corpus(tmp / "typical", DEFAULT_SEED)
    return Corpus("typical", (str(typical.draft), "--sources", str(typical.sources)), tmp)


def _matching(n: int, m: int, all_sources: Callable[[], list[str]], tmp: Path) -> Corpus:
    folder = tmp / f"matching-{n}x{m}"
    folder.mkdir()
    chosen, quotes = bench_matching.sized_corpus(all_sources(), n, m)
    draft, sources = bench_matching.write_check_corpus(folder, chosen, quotes)
    return Corpus(f"matching-{n}x{m}", (str(draft), "--sources", str(sources)), tmp)


def corpus_makers() -> dict[str, Callable[[Path], Corpus]]:
    """Each corpus's maker, by name; the matching corpora share one reading of the machine's prose."""
    cached: list[list[str]] = []

    def all_sources() -> list[str]:
        if not cached:
            largest = max(n for n, _ in bench_matching.FULL_PLAN)
            cached.append(bench_matching.build_sources(largest + bench_matching.SPARE_SOURCES))
        return cached[0]

    makers: dict[str, Callable[[Path], Corpus]] = {"demo": _demo, "typical": _typical}
    for n, m in bench_matching.FULL_PLAN:
        makers[f"matching-{n}x{m}"] = partial(_matching, n, m, all_sources)
    return makers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="the other checkout, with its own .venv")
    parser.add_argument("--only", nargs="+", choices=CORPORA, help="compare these corpora only")
    args = parser.parse_args()
    this = ROOT / ".venv" / "bin" / "verify"
    other = args.against.resolve() / ".venv" / "bin" / "verify"
    for verify in (this, other):
        if not verify.exists():
            parser.error(f"{verify} does not exist")
    makers = corpus_makers()
    worst = 0
    with tempfile.TemporaryDirectory(prefix="verify-compare-") as tmp:
        for name in args.only or CORPORA:
            verdict, lines = compare(makers[name](Path(tmp)), this, other, Path(tmp))
            print(f"{name:20} {verdict}" + (f" ({lines[0]})" if verdict == "identical" else ""), flush=True)
            if verdict != "identical":
                for line in lines:
                    print(f"    {line}")
            worst = max(worst, {"identical": 0, "differs": 1, "failed": 2}[verdict])
    sys.exit(worst)


if __name__ == "__main__":
    main()
