"""Score the matcher on the labelled claim/source pairs and print a confusion matrix.

    .venv/bin/python bench/eval_matching.py [--fixtures PATH] [--show-errors]

Every pair's claim is matched against all the fixture sources at once (the other passages are
distractors). The matrix counts, for each edit class, the verdicts given. A pair is correct
when its verdict is the expected one and its flags include the expected flags (no extra
number or negation flag either). The must-never-confuse property: number and negation edits
are never confirmed; verbatim, ellipsis and bracket quotes are never paraphrased.

The fixture set is development data: some thresholds were tuned while looking at it (see
verify/match/thresholds.py), so its figures are not a held-out measurement.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.match import match_claims  # noqa: E402
from verify.model import Claim, ClaimKind, ClaimResult, Flag, SourceText, Span, Verdict  # noqa: E402

FIXTURES = ROOT / "tests" / "match" / "fixtures" / "pairs.toml"

EXPECTED = {
    "verbatim": Verdict.CONFIRMED,
    "case_punct": Verdict.CONFIRMED,
    "ellipsis": Verdict.CONFIRMED,
    "bracket": Verdict.CONFIRMED,
    "word_changed": Verdict.PARAPHRASED,
    "number_changed": Verdict.PARAPHRASED,
    "negation": Verdict.PARAPHRASED,
    "reworded": Verdict.PARAPHRASED,
    "reported_number": Verdict.UNVERIFIED,
    "absent": Verdict.UNVERIFIED,
}
NEVER = {  # class -> verdict it must never get
    "number_changed": Verdict.CONFIRMED,
    "negation": Verdict.CONFIRMED,
    "verbatim": Verdict.PARAPHRASED,
    "ellipsis": Verdict.PARAPHRASED,
    "bracket": Verdict.PARAPHRASED,
}
CHECKED_FLAGS = {Flag.NUMBER_MISMATCH, Flag.NEGATION_MISMATCH, Flag.ELLIPSIS_OMITS_NEGATION, Flag.ELLIPSIS_OMITS_NUMBER}


@dataclass(frozen=True)
class Pair:
    number: int
    source: str
    cls: str
    kind: ClaimKind
    claim: str
    expect: Verdict
    flags: frozenset[Flag]
    note: str


@dataclass(frozen=True)
class Outcome:
    pair: Pair
    result: ClaimResult

    @property
    def flags_ok(self) -> bool:
        return frozenset(self.result.flags) & CHECKED_FLAGS == self.pair.flags

    @property
    def source_ok(self) -> bool:
        if self.result.evidence is None or not self.pair.source:
            return True
        return self.result.evidence.source == self.pair.source

    @property
    def correct(self) -> bool:
        return self.result.verdict is self.pair.expect and self.flags_ok and self.source_ok

    @property
    def confused(self) -> bool:
        # a pair labelled with its own verdict (an ellipsis that drops a "not") may get it
        return NEVER.get(self.pair.cls) is self.result.verdict and self.result.verdict is not self.pair.expect


def load(path: Path = FIXTURES) -> tuple[list[SourceText], list[Pair]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sources = [SourceText(s["id"], s["text"]) for s in data["source"]]
    pairs = [
        Pair(
            number=i,
            source=p["source"],
            cls=p["class"],
            kind=ClaimKind(p.get("kind", "direct")),
            claim=p["claim"],
            expect=Verdict(p["expect"]) if "expect" in p else EXPECTED[p["class"]],
            flags=frozenset(Flag(f) for f in p.get("flags", ())),
            note=p.get("note", ""),
        )
        for i, p in enumerate(data["pair"], 1)
    ]
    return sources, pairs


def evaluate(path: Path = FIXTURES) -> list[Outcome]:
    sources, pairs = load(path)
    claims = [
        Claim(f"C{p.number}", p.kind, p.claim, Span(0, len(p.claim)), 0, None, "said", None) for p in pairs
    ]
    results = match_claims(claims, sources)
    return [Outcome(p, r) for p, r in zip(pairs, results, strict=True)]


def report(outcomes: list[Outcome], show_errors: bool) -> str:
    verdicts = [Verdict.CONFIRMED, Verdict.PARAPHRASED, Verdict.UNVERIFIED]
    classes = list(dict.fromkeys(o.pair.cls for o in outcomes))
    matrix = Counter((o.pair.cls, o.result.verdict) for o in outcomes)
    lines = [f"{'class':<16}" + "".join(f"{v.value:>13}" for v in verdicts) + f"{'correct':>10}"]
    for cls in classes:
        rows = [o for o in outcomes if o.pair.cls == cls]
        right = sum(o.correct for o in rows)
        lines.append(
            f"{cls:<16}" + "".join(f"{matrix[(cls, v)]:>13}" for v in verdicts) + f"{right:>6}/{len(rows):<3}"
        )
    total = len(outcomes)
    right = sum(o.correct for o in outcomes)
    verdict_right = sum(o.result.verdict is o.pair.expect for o in outcomes)
    confused = [o for o in outcomes if o.confused]
    lines.append("")
    lines.append(f"pairs: {total}   correct (verdict + flags + source): {right} = {100 * right / total:.1f}%")
    lines.append(f"verdict only: {verdict_right} = {100 * verdict_right / total:.1f}%")
    lines.append(f"must-never-confuse violations: {len(confused)}")
    if show_errors:
        for o in outcomes:
            if not o.correct:
                flags = ",".join(f.value for f in o.result.flags)
                lines.append(
                    f"  #{o.pair.number} [{o.pair.cls}] expected {o.pair.expect.value} "
                    f"{sorted(f.value for f in o.pair.flags)}, got {o.result.verdict} [{flags}] "
                    f"source={o.result.evidence.source if o.result.evidence else None}: {o.pair.claim}"
                )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    print(report(evaluate(args.fixtures), args.show_errors))


if __name__ == "__main__":
    main()
