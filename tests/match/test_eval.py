"""The labelled pairs in fixtures/pairs.toml, scored as bench/eval_matching.py scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import load_bench_module
from verify.model import Verdict

ROOT = Path(__file__).resolve().parents[2]




eval_matching = load_bench_module("eval_matching")
OUTCOMES = eval_matching.evaluate()
SECOND_SET = ROOT / "tests" / "match" / "fixtures" / "heldout.toml"
ALL_OUTCOMES = OUTCOMES + eval_matching.evaluate(SECOND_SET)


def test_the_fixture_set_is_big_enough() -> None:
    sources, pairs = eval_matching.load()
    assert len(sources) >= 15 and len(pairs) >= 150
    assert {p.cls for p in pairs} == set(eval_matching.EXPECTED)


@pytest.mark.parametrize(
    ("cls", "never"),
    [
        ("number_changed", Verdict.CONFIRMED),
        ("negation", Verdict.CONFIRMED),
        ("verbatim", Verdict.PARAPHRASED),
        ("ellipsis", Verdict.PARAPHRASED),
        ("bracket", Verdict.PARAPHRASED),
    ],
)
def test_classes_that_must_never_be_confused(cls: str, never: Verdict) -> None:
    # a pair labelled with its own verdict (an ellipsis that drops a "not": altered) may get it
    wrong = [
        o.pair.claim
        for o in ALL_OUTCOMES
        if o.pair.cls == cls and o.result.verdict is never and o.pair.expect is not never
    ]
    assert wrong == []


@pytest.mark.parametrize("name", ["pairs", "heldout"])
def test_overall_accuracy_is_at_least_97_percent(name: str) -> None:
    outcomes = OUTCOMES if name == "pairs" else eval_matching.evaluate(SECOND_SET)
    right = sum(o.correct for o in outcomes)
    assert right / len(outcomes) >= 0.97, eval_matching.report(outcomes, show_errors=True)


def test_the_eval_report_prints_a_confusion_matrix() -> None:
    text = eval_matching.report(OUTCOMES, show_errors=False)
    assert text.splitlines()[0].split() == ["class", "confirmed", "paraphrased", "unverified", "correct"]
    assert "must-never-confuse violations: 0" in text
