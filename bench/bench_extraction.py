"""Claim extraction of ordinary drafts, timed against another checkout in the same run.

    .venv/bin/python bench/bench_extraction.py                          # this checkout only
    .venv/bin/python bench/bench_extraction.py --against /path/to/other  # and another checkout, interleaved
    .venv/bin/python bench/bench_extraction.py --rounds 9 --drafts 20
    .venv/bin/python bench/bench_extraction.py --against OTHER --first   # each draft in a new process

The drafts are written by bench/make_corpus.py into a temporary folder (``--drafts`` Markdown
drafts of about 1,500 words each, quotes and reported speech). A round is one fresh Python
process per checkout, importing that checkout's ``verify`` (with this script's interpreter,
so both read the same installed packages): it reads every draft, then times
``verify.claims.extract_claims`` on each, CPU time (``time.process_time``), with every cache
of texts and names in ``verify`` emptied before each draft, so no draft profits from the one
before (data read once per process, such as the first-name list, stays loaded). The figure
of a round is the sum over the drafts. Checkouts take turns, so a slow spell of the machine
falls on both; one untimed round comes first (bytecode compiled, files cached). With
``--first`` each draft is extracted in a process of its own, as a user's check of one draft
does it: the figure then includes what a first extraction pays once (patterns compiled on
first use, the name list read), and no cache is shared between drafts. Prints the medians and
minima and their ratios; writes bench/out/bench_extraction.json.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

# Runs in the contender's process: its own verify first on the path.
_ROUND = r"""
import functools, gc, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from verify.claims import extract_claims
from verify.document import load_text
drafts = [load_text(p.read_text(encoding="utf-8"), format="markdown") for p in sorted(Path(sys.argv[2]).glob("*.md"))]
# caches of texts and names; a cache of one entry holds data read once per process (the name list)
caches = [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)
          and getattr(o, "__module__", "").startswith("verify") and o.cache_parameters()["maxsize"] != 1]
total = 0.0
for draft in drafts:
    for cache in caches:
        cache.cache_clear()
    began = time.process_time()
    extract_claims(draft)
    total += time.process_time() - began
print(total)
"""


def _round(checkout: Path, drafts: Path, first: bool) -> float:
    if not first:
        return _run(checkout, drafts)
    total = 0.0
    with tempfile.TemporaryDirectory() as one:
        for draft in sorted(drafts.glob("*.md")):
            only = Path(one) / draft.name
            only.write_bytes(draft.read_bytes())
            total += _run(checkout, Path(one))
            only.unlink()
    return total


def _run(checkout: Path, drafts: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _ROUND, str(checkout), str(drafts)], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--first", action="store_true", help="each draft extracted in a new process")
    args = parser.parse_args()
    contenders = [ROOT] + ([args.against.resolve()] if args.against else [])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--seed", str(args.seed), "--out", tmp,
             "--drafts", str(args.drafts), "--pages", str(15 * args.drafts)],
            check=True, capture_output=True,
        )  # fmt: skip
        drafts = Path(tmp) / "drafts"
        for checkout in contenders:
            compileall.compile_dir(checkout / "verify", quiet=1)
            _round(checkout, drafts, args.first)  # untimed
        times: dict[Path, list[float]] = {c: [] for c in contenders}
        for r in range(args.rounds):
            for checkout in contenders if r % 2 == 0 else contenders[::-1]:
                times[checkout].append(_round(checkout, drafts, args.first))
    results = {str(c): {"median_s": statistics.median(t), "min_s": min(t), "runs_s": t} for c, t in times.items()}
    for c, t in times.items():
        print(f"{c}: median {statistics.median(t):.3f} s, fastest {min(t):.3f} s ({args.drafts} drafts)")
    if args.against:
        this, other = times[ROOT], times[contenders[1]]
        print(f"this / other: medians {statistics.median(this) / statistics.median(other):.3f}, "
              f"fastest {min(this) / min(other):.3f}")  # fmt: skip
    OUT.mkdir(exist_ok=True)
    name = "bench_extraction_first.json" if args.first else "bench_extraction.json"
    (OUT / name).write_text(json.dumps({"drafts": args.drafts, "first": args.first, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
