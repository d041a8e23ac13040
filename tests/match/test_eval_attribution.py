"""The labelled attribution claims in fixtures/attribution.toml, scored as bench/eval_attribution.py
scores them: the rules must keep the tuning set right and never call a claim misattributed or
contradicted that its label does not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eval_attribution", ROOT / "bench" / "eval_attribution.py")
assert _spec is not None and _spec.loader is not None
eval_attribution = importlib.util.module_from_spec(_spec)
sys.modules["eval_attribution"] = eval_attribution
_spec.loader.exec_module(eval_attribution)

SCORED = eval_attribution.evaluate()


def test_both_sets_are_there_and_apart() -> None:
    sets = {s.label.set for s in SCORED}
    assert sets == set(eval_attribution.SETS)
    tuned = {(s.label.claim.text, s.label.claim.speaker) for s in SCORED if s.label.set == "tune"}
    held = {(s.label.claim.text, s.label.claim.speaker) for s in SCORED if s.label.set == "heldout"}
    assert not tuned & held


def test_the_tuning_set_is_all_right() -> None:
    wrong = [s.label.claim.text for s in SCORED if s.label.set == "tune" and not (s.verdict_ok and s.flags_ok)]
    assert wrong == []


@pytest.mark.parametrize("reason", eval_attribution.REASONS)
def test_the_new_reasons_are_never_given_wrongly(reason: str) -> None:
    wrong = [s.label.claim.text for s in SCORED if s.reason == reason and s.label.reason != reason]
    assert wrong == []


def test_the_report_prints_each_set() -> None:
    text = eval_attribution.report(SCORED)
    assert "tune: " in text and "heldout: " in text and "misattributed  precision" in text
