"""Matching speed and agreement: verify's matcher against the naive rapidfuzz baseline.

    .venv/bin/python bench/bench_matching.py            # 300 x 100 and 3,000 x 300, growth with N
    .venv/bin/python bench/bench_matching.py --quick    # a smoke run of a few seconds
    .venv/bin/python bench/bench_matching.py --small-only   # the 300 x 100 row alone
    .venv/bin/python bench/bench_matching.py --full-baseline   # no sampling of the baseline

The corpus is real prose found on this machine at run time (never committed): paragraphs of
the Python standard library's docstrings and of the text files (plain or gzipped) under
/usr/share/doc and /usr/share/common-licenses, de-duplicated, grouped into sources of about 3,500 characters.
Quotes are sentences drawn from the chosen sources and edited the way reporters do (the classes
of tests/match/fixtures/pairs.toml, direct quotes only) plus "absent" sentences taken from
prose outside the chosen sources. Each quote's label is the verdict its edit must get.

Three contenders, on the same corpus:

- ``match_claims`` (in process; wall time, and peak traced memory in a second run);
- the naive baseline: ``fuzz.partial_ratio`` of every quote against every whole source
  (both lower-cased and stripped of punctuation by ``rapidfuzz.utils.default_process``, runs of
  whitespace collapsed, once),
  every pair scored in full (no ``score_cutoff`` shortcut; ``process.extractOne`` with its
  running cutoff is about 2.5x faster on this corpus), best source wins; 100 means confirmed,
  at least ``BASELINE_PARAPHRASED`` paraphrased, less unverified. The thresholds were fixed
  before any run and never tuned. At 3,000 x 300 it is
  measured on a sample of quotes and scaled up unless ``--full-baseline`` is given (the report
  says which);
- the whole ``verify check DRAFT --sources FILE --offline --format json`` process on the same
  corpus written to a temporary directory (one draft holding every quote as a direct quote),
  "cold" (an empty cache folder) and "warm" (a re-check on the cache the first run left), each
  the median of three runs.

Results are printed and written to bench/out/bench_matching.json.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_matching import EXPECTED as LABELLED_VERDICTS  # noqa: E402

from verify.match import match_claims  # noqa: E402
from verify.model import Claim, ClaimKind, SourceText, Span, Verdict  # noqa: E402

OUT = ROOT / "bench" / "out"
VERIFY = ROOT / ".venv" / "bin" / "verify"
SOURCE_CHARS = 3500
BASELINE_CONFIRMED = 100.0  # partial_ratio of the processed strings; fixed a priori
BASELINE_PARAPHRASED = 85.0  # fixed a priori, not tuned
SEED = 20261123
FULL_PLAN = ((300, 100), (3000, 300))  # sources x quotes of a full run
SPARE_SOURCES = 400  # sources built beyond the largest run: "absent" quotes come from them

CLASSES = ("verbatim", "case_punct", "ellipsis", "bracket", "word_changed", "number_changed", "negation", "absent")
# The verdict each edit must get: the labelled pairs' table (bench/eval_matching.py).
EXPECTED = {cls: LABELLED_VERDICTS[cls] for cls in CLASSES}


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


def _is_prose(paragraph: str) -> bool:
    words = paragraph.split()
    if len(words) < 12 or ">>>" in paragraph or "\t" in paragraph:
        return False
    alphabetic = sum(1 for w in words if w.strip(".,;:()").isalpha())
    return alphabetic >= 0.6 * len(words)


def _paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if _is_prose(p)]


def prose_files() -> Iterator[tuple[str, list[str]]]:
    """(name, prose paragraphs) for each readable file, in a fixed order."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(stdlib.rglob("*.py")):
        if any(part in ("test", "tests", "idle_test", "site-packages") for part in path.parts):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        paragraphs = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    paragraphs.extend(_paragraphs_of(doc))
        yield str(path), paragraphs
    for folder in (Path("/usr/share/common-licenses"), Path("/usr/share/doc")):
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix in {".html", ".png", ".svg", ".js", ".css", ".pdf", ".bz2", ".xz"}:
                continue
            try:
                if path.suffix == ".gz":  # compressed READMEs, NEWS files and changelogs
                    text = gzip.decompress(path.read_bytes()).decode("utf-8")
                else:
                    text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError, EOFError, gzip.BadGzipFile):
                continue
            yield str(path), _paragraphs_of(text)


def build_sources(needed: int) -> list[str]:
    """At least ``needed`` source texts of about SOURCE_CHARS, no paragraph twice."""
    seen: set[str] = set()
    sources: list[str] = []
    current: list[str] = []
    size = 0
    for _, paragraphs in prose_files():  # a source may run on from one file into the next
        for paragraph in paragraphs:
            key = hashlib.sha1(" ".join(paragraph.lower().split()).encode()).hexdigest()
            if key in seen:
                continue
            seen.add(key)
            current.append(paragraph)
            size += len(paragraph)
            if size >= SOURCE_CHARS:
                sources.append("\n\n".join(current))
                current, size = [], 0
        if len(sources) >= needed:
            break
    return sources


# --------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_QUOTE_CHARS = re.compile(r"[\"“”‘’`]|(?<![A-Za-z])'|'(?![A-Za-z])|\[|\]|\.\.\.|…")
_REPLACEMENTS = ("particular", "important", "different", "several", "simple", "general", "useful")
_NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nothing", "cannot", "can't", "don't", "isn't", "won't"})
_NEGATABLE = re.compile(r"\b(is|are|was|were|can|will|should|must|does|do|may)\b")


@dataclass(frozen=True)
class Quote:
    cls: str
    text: str
    expected: Verdict


def _sentences(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n\n"):
        for sentence in _SENTENCE.split(" ".join(paragraph.split())):
            words = sentence.split()
            if 12 <= len(words) <= 40 and not _QUOTE_CHARS.search(sentence) and _is_prose(sentence):
                found.append(sentence.rstrip(".!?:;,"))
    return found


def _edit(cls: str, sentence: str, rng: random.Random) -> str | None:
    words = sentence.split()
    if cls in ("verbatim", "absent"):
        return sentence
    if cls == "case_punct":
        changed = sentence.replace(",", "").replace(";", ",")
        return (changed.upper() if rng.random() < 0.3 else changed.lower()) + "!"
    if cls == "ellipsis":
        cut = rng.randint(2, 5)
        at = rng.randint(3, len(words) - cut - 3)
        if _NEGATIONS.intersection(w.lower().strip(",.;:") for w in words[at : at + cut]):
            return None  # cutting out a "not" changes what was said: that quote is no longer confirmed
        return " ".join(words[:at]) + rng.choice([" ... ", " … ", " [...] "]) + " ".join(words[at + cut :])
    if cls == "bracket":
        at = rng.randint(2, len(words) - 3)
        return " ".join(words[:at]) + " [the program] " + " ".join(words[at + 1 :])
    if cls == "word_changed":
        spots = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 5 and i > 0]
        if not spots:
            return None
        at = rng.choice(spots)
        replacement = rng.choice([r for r in _REPLACEMENTS if r != words[at].lower()])
        if rng.random() < 0.3:  # a dropped word instead
            return " ".join(words[:at] + words[at + 1 :])
        return " ".join(words[:at] + [replacement] + words[at + 1 :])
    if cls == "number_changed":
        numbers = [i for i, w in enumerate(words) if re.fullmatch(r"\d+[,.;:)]?", w)]
        if not numbers:
            return None
        at = rng.choice(numbers)
        digits = re.match(r"\d+", words[at])
        assert digits is not None
        changed = str(int(digits.group()) + rng.randint(1, 9)) + words[at][digits.end() :]
        return " ".join(words[:at] + [changed] + words[at + 1 :])
    if cls == "negation":
        if " not " in sentence:
            return sentence.replace(" not ", " ", 1)
        match = _NEGATABLE.search(sentence)
        if not match:
            return None
        return sentence[: match.end()] + " not" + sentence[match.end() :]
    raise ValueError(cls)


def _near_copy_in(sentence: str, corpus: str) -> bool:
    """True when any of five spread-out six-word runs of the sentence occurs in the corpus.

    Changelogs and licences repeat templates ("Reported by ... CVE-2021-..."); a sentence that
    shares such a run with the chosen sources is not "absent", so it is not used as one.
    """
    words = sentence.lower().split()
    if len(words) < 6:
        return sentence.lower() in corpus
    starts = sorted({round(i * (len(words) - 6) / 4) for i in range(5)})
    return any(" ".join(words[i : i + 6]) in corpus for i in starts)


def build_quotes(chosen: list[str], spare: list[str], count: int, rng: random.Random) -> list[Quote]:
    pool = [s for text in chosen for s in _sentences(text)]
    with_numbers = [s for s in pool if re.search(r"(?<![\w.])\d+(?![\w.])", s)]
    outside = [s for text in spare for s in _sentences(text)]
    corpus = " ".join(" ".join(t.lower().split()) for t in chosen)
    outside = [s for s in outside if not _near_copy_in(s, corpus)]
    quotes: list[Quote] = []
    attempts = 0
    while len(quotes) < count and attempts < count * 50:
        attempts += 1
        cls = CLASSES[len(quotes) % len(CLASSES)]
        source = outside if cls == "absent" else with_numbers if cls == "number_changed" else pool
        if not source:
            continue
        edited = _edit(cls, rng.choice(source), rng)
        if edited is not None:
            quotes.append(Quote(cls, edited, EXPECTED[cls]))
    return quotes


# --------------------------------------------------------------------------------------------
# Contenders
# --------------------------------------------------------------------------------------------


def run_matcher(sources: list[str], quotes: list[Quote]) -> tuple[float, list[Verdict | None]]:
    texts = [SourceText(f"S{i + 1}", text) for i, text in enumerate(sources)]
    claims = [
        Claim(f"C{i + 1}", ClaimKind.DIRECT, q.text, Span(0, len(q.text)), i, None, "said", None)
        for i, q in enumerate(quotes)
    ]
    started = time.perf_counter()
    results = match_claims(claims, texts)
    return time.perf_counter() - started, [r.verdict for r in results]


def matcher_peak_memory(sources: list[str], quotes: list[Quote]) -> int:
    tracemalloc.start()
    run_matcher(sources, quotes)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def baseline_verdict(score: float) -> Verdict:
    if score >= BASELINE_CONFIRMED:
        return Verdict.CONFIRMED
    if score >= BASELINE_PARAPHRASED:
        return Verdict.PARAPHRASED
    return Verdict.UNVERIFIED


def _baseline_text(text: str) -> str:
    """The baseline's own normalisation: rapidfuzz's default_process, runs of spaces collapsed."""
    return " ".join(utils.default_process(text).split())


def run_baseline(sources: list[str], quotes: list[Quote]) -> tuple[float, int, list[Verdict]]:
    """Wall time, peak traced memory and verdicts of the naive all-pairs partial_ratio."""
    tracemalloc.start()
    started = time.perf_counter()
    processed = [_baseline_text(s) for s in sources]
    verdicts = []
    for quote in quotes:
        needle = _baseline_text(quote.text)
        best = max((fuzz.partial_ratio(needle, source) for source in processed), default=0.0)
        verdicts.append(baseline_verdict(best))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, verdicts


PROCESS_RUNS = 3  # each kind of process run is repeated and the median kept (the machine is noisy)


def draft_paragraph(quote: Quote) -> str:
    return f"“{quote.text},” the spokesperson said."


def write_check_corpus(folder: Path, sources: list[str], quotes: list[Quote]) -> tuple[Path, Path]:
    """The corpus as ``verify check`` reads it: one text file per source, a sources file, and one
    draft holding every quote as a direct quote. Returns the draft's and the sources file's paths."""
    lines = []
    for i, text in enumerate(sources):
        (folder / f"s{i + 1:05d}.txt").write_text(text, encoding="utf-8")
        lines.append(f'[[source]]\npath = "s{i + 1:05d}.txt"\n')
    (folder / "sources.toml").write_text("\n".join(lines), encoding="utf-8")
    draft = "\n\n".join(draft_paragraph(q) for q in quotes) + "\n"
    (folder / "draft.md").write_text(draft, encoding="utf-8")
    return folder / "draft.md", folder / "sources.toml"


def run_process(sources: list[str], quotes: list[Quote]) -> dict[str, Any] | None:
    """The whole ``verify check`` process: wall time, peak RSS and verdicts, or None if unusable.

    "cold" runs start from an empty cache folder; "warm" runs re-check on the cache a run left, as
    a re-check of a draft against the same sources does. Each is run PROCESS_RUNS times; the
    median is kept.
    """
    if not VERIFY.exists():
        return None
    # An installed package has its bytecode compiled; an editable checkout may not yet.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "verify")], check=False)
    with tempfile.TemporaryDirectory(prefix="verify-bench-") as tmp:
        folder = Path(tmp)
        draft_path, sources_path = write_check_corpus(folder, sources, quotes)
        timings: dict[str, list[float]] = {"cold": [], "warm": []}
        cpu: dict[str, list[float]] = {"cold": [], "warm": []}
        peaks: dict[str, int] = {"cold": 0, "warm": 0}
        child_peaks: dict[str, int] = {"cold": 0, "warm": 0}
        stdout = ""
        for run in range(PROCESS_RUNS):
            # A new cache folder for each cold run: deleting the last one right before a run
            # would time the file system's clean-up, not verify.
            cache = folder / f"cache-{run}"
            command = [str(VERIFY), "check", str(draft_path), "--sources", str(sources_path),
                       "--offline", "--format", "json", "--fail-on", "never", "--cache-dir", str(cache)]
            for kind in ("cold", "warm"):
                outcome = _timed(command)
                if outcome is None:
                    return None
                timings[kind].append(outcome.seconds)
                cpu[kind].append(outcome.cpu_seconds)
                peaks[kind] = max(peaks[kind], outcome.peak)
                child_peaks[kind] = max(child_peaks[kind], outcome.child_peak)
                stdout = outcome.stdout
    report = json.loads(stdout)
    # Map each quote to the claim whose span starts inside its paragraph.
    verdicts: list[Verdict | None] = [None] * len(quotes)
    starts = []
    offset = 0
    for q in quotes:
        starts.append(offset)
        offset += len(draft_paragraph(q)) + 2
    for claim in report["claims"]:
        if claim["kind"] not in ("direct", "partial") or claim["verdict"] is None:
            continue
        index = max(i for i, s in enumerate(starts) if s <= claim["span"]["start"])
        if verdicts[index] is None:
            verdicts[index] = Verdict(claim["verdict"])
    return {
        # Milliseconds kept: a check of 0.2 s rounded to 0.01 s moves its speed-up by up to 2.5%.
        kind: {"seconds": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times],
               "cpu_seconds": round(statistics.median(cpu[kind]), 3),
               "peak_rss_mib": round(peaks[kind] / 2**20, 1),
               "child_peak_rss_mib": round(child_peaks[kind] / 2**20, 1)}
        for kind, times in timings.items()
    } | {"verdicts": verdicts}


# Runs ``verify check`` as the console script does and reports, on exit, the process's own peak
# RSS (VmHWM). The rusage of the process itself is no use for its peak: Linux keeps the
# high-water mark of the image before exec, which for a child of this benchmark is the
# benchmark's own memory. CPU time (both processes) comes from the rusage of this benchmark's
# children, read before and after the run.
_WITH_PEAK = (
    "import atexit, resource, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('\\nPEAK_KIB ' + line.split()[1] + '\\n')\n"
    "    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    sys.stderr.write('\\nCHILD_PEAK_KIB ' + str(child) + '\\n')\n"
    "atexit.register(peak)\n"
    "from verify.cli import run\n"
    "sys.argv[0] = 'verify'\n"
    "run()\n"
)


@dataclass(frozen=True)
class ProcessRun:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the process and any child it forked
    peak: int  # bytes; 0 if unknown
    child_peak: int  # bytes; 0 when no child was forked
    stdout: str


def _timed(command: list[str]) -> ProcessRun | None:
    """One ``verify`` run, or None if it failed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(VERIFY.parent / "python"), "-c", _WITH_PEAK, *command[1:]],
                          capture_output=True, text=True, check=False)  # fmt: skip
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        print(f"verify check unusable (exit status {done.returncode}): {done.stderr.strip()[:300]}", file=sys.stderr)
        return None
    peak = re.search(r"PEAK_KIB (\d+)", done.stderr)
    child_peak = re.search(r"CHILD_PEAK_KIB (\d+)", done.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return ProcessRun(
        elapsed,
        cpu,
        int(peak.group(1)) * 1024 if peak else 0,
        int(child_peak.group(1)) * 1024 if child_peak else 0,
        done.stdout,
    )


def agreement(quotes: list[Quote], verdicts: Sequence[Verdict | None]) -> float:
    return 100.0 * sum(q.expected is v for q, v in zip(quotes, verdicts, strict=True)) / max(1, len(quotes))


# --------------------------------------------------------------------------------------------


def corpus(all_sources: list[str], n: int, m: int, seed: int) -> tuple[list[str], list[Quote]]:
    rng = random.Random(seed)
    order = list(range(len(all_sources)))
    rng.shuffle(order)
    chosen = [all_sources[i] for i in order[:n]]
    spare = [all_sources[i] for i in order[n : n + max(50, m)]]
    return chosen, build_quotes(chosen, spare, m, rng)


def sized_corpus(all_sources: list[str], n: int, m: int) -> tuple[list[str], list[Quote]]:
    """The corpus of n sources and m quotes that a run of this size measures."""
    return corpus(all_sources, n, m, SEED + n + m)


def measure(
    all_sources: list[str], n: int, m: int, baseline_sample: int | None, with_process: bool
) -> dict[str, Any]:
    chosen, quotes = sized_corpus(all_sources, n, m)
    row: dict[str, Any] = {"sources": n, "quotes": len(quotes), "source_chars": sum(map(len, chosen))}
    seconds, verdicts = run_matcher(chosen, quotes)
    row["matcher"] = {
        "seconds": round(seconds, 3),
        "peak_traced_mib": round(matcher_peak_memory(chosen, quotes) / 2**20, 1),
        "agreement_pct": round(agreement(quotes, verdicts), 1),
        "by_class": _by_class(quotes, verdicts),
    }
    sample = quotes if baseline_sample is None or baseline_sample >= len(quotes) else quotes[:baseline_sample]
    b_seconds, b_peak, b_verdicts = run_baseline(chosen, sample)
    scale = len(quotes) / len(sample)
    row["baseline"] = {
        "seconds": round(b_seconds * scale, 2),
        "estimated": scale != 1,
        "measured_quotes": len(sample),
        "measured_seconds": round(b_seconds, 2),
        "peak_traced_mib": round(b_peak / 2**20, 1),
        "agreement_pct": round(agreement(sample, b_verdicts), 1),
        "matcher_agreement_on_same_sample_pct": round(agreement(sample, verdicts[: len(sample)]), 1),
        "by_class": _by_class(sample, b_verdicts),
    }
    if with_process:
        outcome = run_process(chosen, quotes)
        if outcome is not None:
            p_verdicts = outcome.pop("verdicts")
            row["verify_check"] = {"agreement_pct": round(agreement(quotes, p_verdicts), 1)}
            for kind, figures in outcome.items():
                figures["speedup_vs_baseline"] = round(row["baseline"]["seconds"] / figures["seconds"], 1)
                row["verify_check"][kind] = figures
    row["matcher"]["speedup_vs_baseline"] = round(row["baseline"]["seconds"] / max(seconds, 1e-6), 1)
    return row


def _by_class(quotes: list[Quote], verdicts: Sequence[Verdict | None]) -> dict[str, str]:
    table: dict[str, list[int]] = {}
    for q, v in zip(quotes, verdicts, strict=False):
        right_total = table.setdefault(q.cls, [0, 0])
        right_total[0] += q.expected is v
        right_total[1] += 1
    return {cls: f"{r}/{t}" for cls, (r, t) in table.items()}


def growth(all_sources: list[str], sizes: list[int], m: int) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        chosen, quotes = corpus(all_sources, n, m, SEED + 7)
        seconds, verdicts = run_matcher(chosen, quotes)
        rows.append({"sources": n, "quotes": len(quotes), "matcher_seconds": round(seconds, 3),
                     "agreement_pct": round(agreement(quotes, verdicts), 1)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: 40 sources x 16 quotes")
    parser.add_argument("--full-baseline", action="store_true", help="run the baseline on every quote")
    parser.add_argument("--no-process", action="store_true", help="skip timing the verify check process")
    parser.add_argument("--small-only", action="store_true", help="only the 300 x 100 row, no growth table")
    parser.add_argument("--baseline-sample", type=int, default=30, help="quotes measured at 3,000 x 300")
    args = parser.parse_args()

    if args.quick:
        plan = [(40, 16, None)]
        sizes = [20, 40]
    else:
        (small, small_quotes), (large, large_quotes) = FULL_PLAN
        plan = [(small, small_quotes, None),
                (large, large_quotes, None if args.full_baseline else args.baseline_sample)]  # fmt: skip
        sizes = [300, 1000, 2000, 3000]
        if args.small_only:
            plan, sizes = plan[:1], []
    largest = max(n for n, _, _ in plan)
    started = time.perf_counter()
    all_sources = build_sources(largest + SPARE_SOURCES)
    print(f"corpus: {len(all_sources)} sources built in {time.perf_counter() - started:.1f}s", flush=True)

    runs: list[dict[str, Any]] = []
    results: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "runs": runs}
    for n, m, sample in plan:
        row = measure(all_sources, n, m, sample, not args.no_process)
        runs.append(row)
        print(json.dumps(row, indent=2), flush=True)
    results["growth"] = growth(all_sources, sizes, 100 if not args.quick else 16)
    print("growth with N (matcher only):")
    for g in results["growth"]:
        print(f"  N={g['sources']:>5}  M={g['quotes']}  {g['matcher_seconds']:.3f}s  agreement {g['agreement_pct']}%")
    OUT.mkdir(parents=True, exist_ok=True)
    name = "quick" if args.quick else "small" if args.small_only else None
    name = f"bench_matching_{name}.json" if name else "bench_matching.json"
    (OUT / name).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written: {OUT / name}")


if __name__ == "__main__":
    main()
