"""bench/bench_discovery.py measures what it says: searches, look-ups and waiting per claim, none on a re-check."""

from __future__ import annotations

import pytest

from tests.helpers import load_bench_module

pytestmark = pytest.mark.network


def test_the_benchmark_counts_queries_and_waiting_per_claim() -> None:
    bench = load_bench_module("bench_discovery")
    with_web, keyless, again = bench.measure()
    assert with_web.claims == keyless.claims == again.claims > 20
    assert with_web.searches >= with_web.claims  # at least one search a claim: no claim has a source given
    assert keyless.waited >= 5.0 * (keyless.searches - 1)  # GDELT's spacing is waited, on the fake clock
    assert (again.searches, again.lookups, again.waited) == (0, 0, 0.0)
