"""Score verdicts, reasons and flags on the labelled attribution claims, set by set.

    .venv/bin/python bench/eval_attribution.py [--fixtures PATH] [--show-errors]

Every claim is matched against all the fixture's sources at once, with its speaker as the draft
names it. For each set ("tune", "heldout") it prints the share of claims whose verdict and
reason agree with the label, the share whose flags agree exactly, and the precision (and
recall) of the reasons ``misattributed`` and ``contradicted``. Values are compared as strings,
so the script also scores an older verify that lacks those reasons.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from verify.match import match_claims  # noqa: E402
from verify.model import Claim, ClaimKind, ClaimResult, SourceText, Span, Speaker  # noqa: E402

FIXTURES = ROOT / "tests" / "match" / "fixtures" / "attribution.toml"
SETS = ("tune", "heldout")
REASONS = ("misattributed", "contradicted")


@dataclass(frozen=True)
class Labelled:
    set: str
    claim: Claim
    verdict: str
    reason: str
    flags: frozenset[str]


@dataclass(frozen=True)
class Scored:
    label: Labelled
    result: ClaimResult

    @property
    def reason(self) -> str | None:
        return self.result.reason.value if self.result.reason else None

    @property
    def verdict_ok(self) -> bool:
        verdict = self.result.verdict.value if self.result.verdict else None
        return (verdict, self.reason) == (self.label.verdict, self.label.reason)

    @property
    def flags_ok(self) -> bool:
        return frozenset(f.value for f in self.result.flags) == self.label.flags


def load(path: Path = FIXTURES) -> tuple[list[SourceText], list[Labelled]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sources = [SourceText(s["id"], s["text"]) for s in data["source"]]
    labelled = []
    for number, row in enumerate(data["claim"], 1):
        text = row["text"]
        claim = Claim(f"C{number}", ClaimKind(row["kind"]), text, Span(0, len(text)), 0, Speaker(row["speaker"]),
                      "said", None)  # fmt: skip
        labelled.append(Labelled(row["set"], claim, row["verdict"], row["reason"], frozenset(row.get("flags", ()))))
    return sources, labelled


def evaluate(path: Path = FIXTURES) -> list[Scored]:
    sources, labelled = load(path)
    results = match_claims([row.claim for row in labelled], sources)
    return [Scored(row, result) for row, result in zip(labelled, results, strict=True)]


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.0%}" if total else "n/a (0)"


def report(scored: list[Scored], *, show_errors: bool = False) -> str:
    lines = []
    for name in SETS:
        rows = [s for s in scored if s.label.set == name]
        lines.append(f"{name}: {len(rows)} claims")
        lines.append(f"  verdict and reason agree: {_share(sum(s.verdict_ok for s in rows), len(rows))}")
        lines.append(f"  flags agree:              {_share(sum(s.flags_ok for s in rows), len(rows))}")
        for reason in REASONS:
            given = [s for s in rows if s.reason == reason]
            labelled = [s for s in rows if s.label.reason == reason]
            right = sum(s.label.reason == reason for s in given)
            lines.append(f"  {reason:<14} precision {_share(right, len(given))}, recall {_share(right, len(labelled))}")
        if show_errors:
            for s in rows:
                if not (s.verdict_ok and s.flags_ok):
                    verdict = s.result.verdict.value if s.result.verdict else None
                    got = f"{verdict}/{s.reason} {sorted(f.value for f in s.result.flags)}"
                    lines.append(f"    {s.label.claim.id} want {s.label.verdict}/{s.label.reason} "
                                 f"{sorted(s.label.flags)}, got {got}: {s.label.claim.text}")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    print(report(evaluate(args.fixtures), show_errors=args.show_errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
