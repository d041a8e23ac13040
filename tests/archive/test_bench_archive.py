"""The archive benchmark's own workings, small: its queries find what they are meant to find."""

from __future__ import annotations

import pytest

from tests.helpers import load_bench_module

bench_archive = load_bench_module("bench_archive")


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    return bench_archive.bench_archive(snapshots=60, seed=3)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("kind", "finds"),
    [("common word", True), ("full name", True), ("phrase", True), ("town and topic", True), ("no match", False)],
)
def test_each_kind_of_query_finds_pages_or_none_as_meant(figures: dict[str, object], kind: str, finds: bool) -> None:
    searched = figures["search"][kind]  # type: ignore[index]
    assert (searched["median_hits"] > 0) is finds
    assert searched["median_ms"] > 0 and searched["scan_median_ms"] > 0


def test_the_archive_holds_every_snapshot(figures: dict[str, object]) -> None:
    assert figures["snapshots"] == 60 and figures["database_mib"] > 0 and figures["search_peak_rss_mib"] > 0  # type: ignore[operator]
