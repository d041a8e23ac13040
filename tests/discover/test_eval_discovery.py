"""Discovery's labelled set, scored as bench/eval_discovery.py scores it: the figures the docs give hold."""

from __future__ import annotations

import pytest

from tests.helpers import load_bench_module

pytestmark = pytest.mark.network


def test_recall_at_5_is_at_least_0_9_and_few_wrong_pages() -> None:
    evaluation = load_bench_module("eval_discovery")
    scored = evaluation.evaluate()
    figures = evaluation.figures(scored)
    assert len(scored) >= 20
    assert figures["recall@5"] >= 0.9
    assert figures["recall@1"] <= figures["recall@5"]
    assert figures["wrong page"] <= 0.1
    assert figures["found end to end"] + figures["wrong page"] <= 1.0
