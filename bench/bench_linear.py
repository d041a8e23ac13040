"""Linear time, shown: each input is timed at a size N and at 2N, and the ratio printed.

    .venv/bin/python bench/bench_linear.py             # every input, the sizes of docs/benchmarks.md
    .venv/bin/python bench/bench_linear.py --quick     # every input at a tenth of the size, one run
    .venv/bin/python bench/bench_linear.py --only "run of [" "ordinary draft" --scale 0.02

Inputs are the corners that once took time growing with the square of their length (a run of
"[", runs of each quote mark, apostrophes, full stops, "according to", capitals, deep HTML
nesting) and an ordinary draft built from fictional sentences (2 MB at 2N). Each is timed as a
whole ``verify.extract`` (reading the draft, its paragraphs, links and claims); the ordinary draft
and the quote pairs are also timed as a whole ``verify.check`` offline against a small local
source written here. A run is the CPU time of this process (``time.process_time``, so another
program on the machine slows it little); each figure is the fastest of ``--runs`` runs, taken
in turns between N and 2N. Work that grows linearly gives a ratio close to 2, work that grows
with the square close to 4. Prints a Markdown table; writes bench/out/bench_linear.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import verify  # noqa: E402
from verify.document import load_text  # noqa: E402

OUT = ROOT / "bench" / "out"

# Fictional reporting, a sentence at a time: quotes with every mark, reported speech, names,
# numbers, apostrophes, brackets, a link. Drafts are drawn from these by a seeded generator.
SENTENCES = (
    "“The pier will reopen in spring,” said Ana Lind, who chairs the harbour board.",
    "Tom Vale, a fisherman, said the planks had been rotten for years.",
    "“Nobody listened to us,” he said. “Nobody.”",
    "The board’s report, published on Monday, puts the cost at 40,000 crowns.",
    "According to the report, the ferry will not be cancelled.",
    "Mayor Ines Morrow told the Harbour Gazette that the vote was “a disgrace”.",
    "She added: ‘We will not rest until the work is done.’",
    "Residents called the plan \"rushed\" and \"half-finished\" at Tuesday's meeting.",
    "Dr. Hugh Hill, a doctor who works nights, said the clinic had seen three injuries.",
    "“It’s not about money,” Lind said, “it’s about the ’90s promises [the board] made.”",
    "The union said in a statement that its members would strike on Friday.",
    "See [the minutes](https://council.example/minutes) for the full vote.",
    "Morrow’s claim that the repairs are finished was denied by the contractor.",
    "« Le quai est fermé », a dit un visiteur, and the board did not answer.",
    "„Wir bleiben“, sagte die Fährfrau, who has worked the crossing since 1998.",
    "The vote passed by six to five; two members were absent.",
)


def ordinary_draft(size: int, seed: int = 7) -> str:
    """About ``size`` characters of fictional reporting: paragraphs of two to five sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def deep_html(size: int) -> str:
    depth = size // 11  # "<div></div>"
    return "<html><body>" + "<div>" * depth + "<p>“It holds,” she said.</p>" + "</div>" * depth + "</body></html>"


def repeated(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


@dataclass(frozen=True)
class Input:
    name: str
    make: Callable[[int], str]  # a draft of about this many characters
    size: int  # N, in characters
    path: str  # the draft's name: its suffix is its format
    check: bool = False  # also time a whole offline check


INPUTS = (
    Input("run of [", repeated("["), 400_000, "draft.md"),
    Input("link openings [a](", repeated("[a]("), 400_000, "draft.md"),
    Input("quote pairs “a”", repeated("“a” "), 100_000, "draft.txt", check=True),
    Input('straight quote pairs "a"', repeated('"a" '), 100_000, "draft.txt"),
    Input("single quote pairs ‘a’", repeated("‘a’ "), 100_000, "draft.txt"),
    Input("guillemet pairs «a»", repeated("«a» "), 100_000, "draft.txt"),
    Input("low-high pairs „a“", repeated("„a“ "), 100_000, "draft.txt"),
    Input("run of ‘", repeated("‘"), 400_000, "draft.txt"),
    Input("run of “", repeated("“"), 400_000, "draft.txt"),
    Input("run of '", repeated("'"), 400_000, "draft.txt"),
    Input("'tis word runs", repeated("'tis word "), 200_000, "draft.txt"),
    Input("apostrophe openers 'a", repeated(" 'a"), 100_000, "draft.txt"),
    Input("run of full stops", repeated("."), 400_000, "draft.txt"),
    Input("according to, repeated", repeated("according to "), 400_000, "draft.txt"),
    Input("run of capitals", repeated("A"), 400_000, "draft.txt"),
    Input("deep HTML nesting", deep_html, 400_000, "draft.html"),
    Input("transcript turns Name: words", repeated("Ana Lind: The pier is shut.\nTom Vale: It is.\n"), 400_000,
          "draft.txt"),
    Input("colon labels without words", repeated("Tom Vale:\n"), 400_000, "draft.txt"),
    Input("who-clauses in one sentence", repeated("Tom Vale, who in 2010 said the pier was safe, has "),
          400_000, "draft.txt"),
    Input("ordinary draft", ordinary_draft, 1_000_000, "draft.md", check=True),
)


def _cpu(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    work()
    return time.process_time() - start


def _fastest(works: tuple[Callable[[], object], Callable[[], object]], runs: int) -> tuple[float, float]:
    """The fastest run of each, the two taken in turns so a slow spell falls on both."""
    best = [float("inf"), float("inf")]
    for _ in range(runs):
        for k, work in enumerate(works):
            best[k] = min(best[k], _cpu(work))
    return best[0], best[1]


def _extract(text: str, path: str) -> Callable[[], object]:
    return lambda: verify.extract(load_text(text, path=path))


def _check(text: str, path: str, source: Path, cache: Path) -> Callable[[], object]:
    options = verify.Options(offline=True, cache_dir=cache)
    return lambda: verify.check(load_text(text, path=path), sources=[str(source)], options=options)


def measure(chosen: list[Input], scale: float, runs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.txt"
        source.write_text(" ".join(SENTENCES), encoding="utf-8")
        for item in chosen:
            size = max(1, int(item.size * scale))
            texts = (item.make(size), item.make(2 * size))
            stages = [("extract", tuple(_extract(t, item.path) for t in texts))]
            if item.check:
                cache = Path(folder) / "cache"
                stages.append(("check", tuple(_check(t, item.path, source, cache) for t in texts)))
            for stage, works in stages:
                small, large = _fastest((works[0], works[1]), runs)
                row = {
                    "input": item.name, "stage": stage, "chars": len(texts[0]), "chars_2n": len(texts[1]),
                    "seconds": small, "seconds_2n": large, "ratio": large / small if small else float("nan"),
                }  # fmt: skip
                rows.append(row)
                print(_row(row), flush=True)
    return rows


def _row(row: dict[str, object]) -> str:
    return (f"| {row['input']} | {row['stage']} | {row['chars']:,} | {row['seconds']:.3f} s | "
            f"{row['seconds_2n']:.3f} s | **{row['ratio']:.2f}** |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of each size, one run: a smoke test")
    parser.add_argument("--scale", type=float, default=1.0, help="each N times this (default 1)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each size; the fastest counts (default 5)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only the inputs with these names")
    args = parser.parse_args()
    chosen = [i for i in INPUTS if not args.only or i.name in args.only]
    if not chosen:
        parser.error(f"no input is called {args.only}; the inputs are: {', '.join(i.name for i in INPUTS)}")
    scale, runs = (0.1, 1) if args.quick else (args.scale, args.runs)
    print("| input | stage | N (characters) | time at N | time at 2N | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    rows = measure(chosen, scale, runs)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_linear.json").write_text(json.dumps({"runs": runs, "scale": scale, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
