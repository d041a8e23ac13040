"""The matching benchmark's building blocks, on a tiny corpus written here (no timing asserted)."""

from __future__ import annotations

import random

import pytest

from tests.helpers import load_bench_module as _load
from verify.model import Verdict

bench = _load("bench_matching")

PROSE = [
    "The lighthouse keeper rowed out every morning to check the lamp and the fog bell. "
    "In 1998 the station was automated and the keeper moved to the mainland with his family. "
    "Visitors can still climb the 120 steps to the gallery on weekends between April and October.",
    "The village bakery opens at six and usually sells out of rye bread before nine o'clock. "
    "Its owner says the ovens are older than the building and will not be replaced this year. "
    "A second shop is planned for the market square if the council approves the lease in 2025.",
]


@pytest.mark.parametrize("cls", bench.CLASSES)
def test_every_edit_class_produces_a_quote_with_its_label(cls: str) -> None:
    rng = random.Random(1)
    quotes = bench.build_quotes(PROSE[:1], PROSE[1:], len(bench.CLASSES), rng)
    made = [q for q in quotes if q.cls == cls]
    assert made and all(q.expected is bench.EXPECTED[cls] for q in made)


def test_matcher_and_baseline_run_on_the_same_quotes() -> None:
    rng = random.Random(2)
    quotes = bench.build_quotes(PROSE[:1], PROSE[1:], 8, rng)
    _, verdicts = bench.run_matcher(PROSE[:1], quotes)
    _, _, baseline = bench.run_baseline(PROSE[:1], quotes)
    assert len(verdicts) == len(baseline) == len(quotes)
    assert bench.agreement(quotes, verdicts) == 100.0


@pytest.mark.parametrize(
    ("score", "verdict"),
    [(100.0, Verdict.CONFIRMED), (99.9, Verdict.PARAPHRASED), (85.0, Verdict.PARAPHRASED),
     (84.9, Verdict.UNVERIFIED)],
)
def test_baseline_thresholds(score: float, verdict: Verdict) -> None:
    assert bench.baseline_verdict(score) is verdict
