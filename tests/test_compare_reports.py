"""bench/compare_reports.py's comparison: what it sets aside between two runs, and what it reports."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import load_bench_module

ROOT = Path(__file__).resolve().parent.parent




compare_reports = load_bench_module("compare_reports")

TMP = "/tmp/verify-compare-x1"
REPORT: dict[str, Any] = {
    "schema": "verify-report/1",
    "tool": {"name": "verify", "version": "0.1.0"},
    "article": {"path": f"{TMP}/typical/drafts/draft-1.md", "sha256": "ab12"},
    "sources": [{"id": "S1", "path": f"{TMP}/typical/pages/p1.html", "fetched_at": "2026-12-06T03:52:07Z",
                 "snapshot": f"{TMP}/cache-typical-this/objects/cb/cb22"}],
    "claims": [{"id": "C1", "verdict": "confirmed", "score": 100.0, "evidence": {"version": "1"}},
               {"id": "C2", "verdict": "unverified", "score": None, "evidence": None}],
    "generated_at": "2026-12-06T03:52:09+00:00",
}  # fmt: skip


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(report: dict[str, Any]) -> None:
        target = report
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop_last_claim(report: dict[str, Any]) -> None:
    report["claims"].pop()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set(("generated_at",), "2027-01-01T00:00:00+00:00"), []),
        (_set(("sources", 0, "fetched_at"), "2027-01-01T00:00:00Z"), []),
        (_set(("tool", "version"), "0.2.0"), []),
        (_set(("sources", 0, "path"), f"{TMP}/typical/pages/p1.html"), []),
        (_set(("claims", 0, "verdict"), "paraphrased"), ['report.claims[0].verdict: "confirmed" -> "paraphrased"']),
        (_set(("claims", 0, "score"), 99.5), ["report.claims[0].score: 100.0 -> 99.5"]),
        (_set(("claims", 0, "evidence", "version"), "2"), ['report.claims[0].evidence.version: "1" -> "2"']),
        (_set(("tool", "name"), "other"), ['report.tool.name: "verify" -> "other"']),
        (_set(("sources", 0, "snapshot"), "/elsewhere/objects/cb/cb22"),
         ['report.sources[0].snapshot: "<cache>/objects/cb/cb22" -> "/elsewhere/objects/cb/cb22"']),
        (_drop_last_claim, ["report.claims: 2 items here, 1 in the other"]),
        (_set(("claims", 1, "extra"), True), ["report.claims[1].extra: only in the other checkout's report"]),
    ],
)  # fmt: skip
def test_only_what_differs_between_any_two_runs_is_set_aside(
    change: Callable[[dict[str, Any]], None], expected: list[str]
) -> None:
    theirs = copy.deepcopy(REPORT)
    theirs["sources"][0]["snapshot"] = f"{TMP}/cache-typical-other/objects/cb/cb22"  # each run has its own cache
    change(theirs)
    mine = compare_reports.normalise(REPORT, {TMP: "<tmp>", f"{TMP}/cache-typical-this": "<cache>"})
    other = compare_reports.normalise(theirs, {TMP: "<tmp>", f"{TMP}/cache-typical-other": "<cache>"})
    found = list(compare_reports.differences({"report": mine}, {"report": other}))
    assert found == expected


def test_an_exit_status_that_differs_is_a_difference() -> None:
    found = list(compare_reports.differences({"exit_status": 0}, {"exit_status": 1}))
    assert found == ["exit_status: 0 -> 1"]


def test_a_score_of_another_type_is_a_difference() -> None:
    assert list(compare_reports.differences({"score": 1}, {"score": 1.0})) == ["score: 1 -> 1.0"]
