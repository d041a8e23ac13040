"""Re-checks against a baseline report: claims recognised by their words, problems introduced and resolved."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.reports import SNAPSHOT, SOURCE_URL, report_of, result, source_entry
from verify.baseline import (
    SAME_CLAIM_MIN_SHARED_WORDS,
    baseline_applies,
    claim_key,
    compare_with_baseline,
    load_baseline,
    reuse_from_baseline,
    shared_words,
)
from verify.errors import InputError, ReportFormatError
from verify.model import ClaimKind, Flag, Report

PRISONS = "We will not rest until every secret prison has been closed"
PRISONS_EDITED = "We will never rest until every secret prison has been closed"
WATER = "The water ran out on Tuesday"
WATER_LONGER = "The water ran out early on Tuesday"
BUS = "We were told to wait for a bus that never came"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("We won’t go", "We won't go", True, id="apostrophe style"),
        pytest.param("«Enough»", '"Enough"', True, id="angled quotes"),
        pytest.param("We  won't\n go", "We won't go", True, id="whitespace"),
        pytest.param("we won't go", "We won't go", True, id="case"),
        pytest.param("We won't go,", "We won't go.", True, id="end punctuation"),
        pytest.param("wait… and see", "wait... and see", True, id="ellipsis character"),
        pytest.param("a two–day wait", "a two-day wait", True, id="en dash"),
        pytest.param("We won't go", "We will go", False, id="different words"),
        pytest.param("We won't go!", "We won't go?", False, id="question is not exclamation"),
    ],
)
def test_claim_key_ignores_typography_only(a: str, b: str, same: bool) -> None:
    assert (claim_key(a) == claim_key(b)) is same


# Each case: baseline claims, new claims (text, verdict, speaker, paragraph[, decision]),
# expected change per new claim, ids introduced, texts resolved.
C = "confirmed"
P = "paraphrased"
U = "unverified"
CASES = [
    pytest.param(
        [(PRISONS, C, "Ana Reyes", 2)], [(PRISONS, C, "Ana Reyes", 3)], ["unchanged"], [], [],
        id="paragraph inserted above: unchanged",
    ),
    pytest.param(
        [("We won’t  go back", C, "Ana Reyes", 0)], [("We won't go back", C, "Ana Reyes", 0)], ["unchanged"], [], [],
        id="quote style and spacing: unchanged",
    ),
    pytest.param(
        [(PRISONS, C, "Ana Reyes", 2)], [(PRISONS, U, "Ana Reyes", 2)], ["changed"], ["C1"], [],
        id="same words, verdict worse: changed and introduced",
    ),
    pytest.param(
        [(PRISONS, U, "Ana Reyes", 2)], [(PRISONS, C, "Ana Reyes", 2)], ["changed"], [], [PRISONS],
        id="source found: changed and resolved",
    ),
    pytest.param(
        [(PRISONS, C, "Ana Reyes", 2)], [(PRISONS_EDITED, P, "Ana Reyes", 5)], ["changed"], ["C1"], [],
        id="words edited, same speaker elsewhere: changed",
    ),
    pytest.param(
        [(WATER, C, "Ana Reyes", 1)], [(WATER_LONGER, C, "Ana Reyes", 1)], ["changed"], [], [],
        id="a word added, same speaker: changed",
    ),
    pytest.param(
        [(WATER, C, "Ana Reyes", 1)], [(WATER, C, "Tom Brack", 1)], ["new"], [], [],
        id="same words, another speaker: new, and the old one gone",
    ),
    pytest.param(
        [(BUS, P, "Ana Reyes", 2)], [(BUS, U, "Ana Reyes", 2, None, (Flag.NUMBER_MISMATCH,))], ["changed"], ["C1"], [],
        id="paraphrased to unverified with a new number_mismatch: newly at fault",
    ),
    pytest.param(
        [(BUS, C, "Ana Reyes", 2)], [(BUS, C, "Ana Reyes", 2, None, (Flag.SPEAKER_MISMATCH,))], ["unchanged"], ["C1"],
        [], id="same verdict, a look flag gained: newly at fault",
    ),
    pytest.param(
        [(BUS, C, "Ana Reyes", 2, None, (Flag.SPEAKER_MISMATCH,))], [(BUS, C, "Ana Reyes", 2)], ["unchanged"], [],
        [BUS], id="same verdict, a look flag lost: resolved",
    ),
    pytest.param(
        [(PRISONS, U, "Ana Reyes", 2)], [(PRISONS_EDITED, U, "Tom Brack", 6)], ["new"], ["C1"], [PRISONS],
        id="similar words but other speaker and paragraph: new",
    ),
    pytest.param(
        [(WATER, C, "Ana Reyes", 1)], [(WATER, C, "Ana Reyes", 1), (BUS, U, "Ana Reyes", 1)],
        ["unchanged", "new"], ["C2"], [],
        id="different quote by the same speaker: new and introduced",
    ),
    pytest.param(
        [(WATER, C, "Ana Reyes", 1), (BUS, U, "Ana Reyes", 2)], [(WATER, C, "Ana Reyes", 1)], ["unchanged"], [], [BUS],
        id="problem quote removed: resolved",
    ),
    pytest.param(
        [(BUS, P, "Ana Reyes", 2)], [(BUS, P, "Ana Reyes", 2)], ["unchanged"], [], [],
        id="paraphrase still paraphrase: neither introduced nor resolved",
    ),
    pytest.param(
        [(BUS, U, "Ana Reyes", 2, None, (), ClaimKind.REPORTED)],
        [(BUS, P, "Ana Reyes", 2, None, (), ClaimKind.REPORTED)],
        ["changed"], [], [BUS], id="reported speech now supported: resolved",
    ),
    pytest.param(
        [(BUS, U, "Ana Reyes", 2)], [(BUS, U, "Ana Reyes", 2, C)], ["changed"], [], [BUS],
        id="editor decision settles it: resolved",
    ),
    pytest.param(
        [(WATER, C, "Ana Reyes", 1), (WATER, U, "Ana Reyes", 4)],
        [(WATER, C, "Ana Reyes", 1), (WATER, U, "Ana Reyes", 5)],
        ["unchanged", "unchanged"], [], [],
        id="a quote used twice pairs in order",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "changes", "introduced", "resolved"), CASES)
def test_compare_with_baseline(old, new, changes, introduced, resolved) -> None:  # type: ignore[no-untyped-def]
    def build(rows):  # type: ignore[no-untyped-def]
        def row(text, verdict, who, para, decided=None, flags=(), kind=ClaimKind.DIRECT):  # type: ignore[no-untyped-def]
            return result(text, verdict, speaker=who, paragraph=para, decided=decided, flags=flags, kind=kind)

        return report_of([row(*r) for r in rows])

    compared = compare_with_baseline(build(new), build(old), "old.json")
    assert [r.change for r in compared.results] == changes
    assert compared.baseline is not None
    assert list(compared.baseline.introduced) == introduced
    assert list(compared.baseline.resolved) == resolved
    assert compared.baseline.baseline_path == "old.json"


def test_terms_are_never_problems() -> None:
    old = report_of([result("gay purge", None, kind=ClaimKind.TERM)])
    new = report_of([result("the purge", None, kind=ClaimKind.TERM), result(BUS, U, paragraph=3)])
    compared = compare_with_baseline(new, old, None)
    assert compared.baseline is not None
    assert (compared.baseline.introduced, compared.baseline.resolved) == (("C2",), ())


def test_threshold_sits_between_edits_and_other_quotes() -> None:
    edits = [(PRISONS, PRISONS_EDITED), (WATER, WATER_LONGER)]
    others = [(WATER, BUS), (PRISONS, BUS)]
    assert all(shared_words(a, b) >= SAME_CLAIM_MIN_SHARED_WORDS for a, b in edits)
    assert all(shared_words(a, b) < SAME_CLAIM_MIN_SHARED_WORDS for a, b in others)


@pytest.mark.parametrize(
    ("same_snapshot", "listed_as"),
    [
        pytest.param(True, "rules_changed", id="same words, same snapshot: the new rules"),
        pytest.param(False, "introduced", id="the source changed: the draft's own problem"),
    ],
)
def test_a_baseline_from_another_version_lists_rule_changes_apart(same_snapshot: bool, listed_as: str) -> None:
    old = report_of([result(BUS, C)], version="0.0.9")
    new = report_of([result(BUS, C, flags=(Flag.NUMBER_MISMATCH,))])
    if not same_snapshot:
        evidence = new.results[0].evidence
        assert evidence is not None
        new = replace(new, results=(replace(new.results[0], evidence=replace(evidence, snapshot="b" * 64)),))
    compared = compare_with_baseline(new, old, None)
    assert compared.baseline is not None
    listed = {"introduced": compared.baseline.introduced, "rules_changed": compared.baseline.rules_changed}
    assert listed[listed_as] == ("C1",) and not any(v for k, v in listed.items() if k != listed_as)


def test_compared_report_survives_json() -> None:
    old = report_of([result(BUS, U, paragraph=2)])
    new = report_of([result(WATER, C), result(BUS, C, paragraph=3)])
    compared = compare_with_baseline(new, old, "old.json")
    again = Report.from_json(compared.to_json())
    assert again.baseline == compared.baseline
    assert [r.change for r in again.results] == ["new", "changed"]


# -- reuse ------------------------------------------------------------------------------------

OTHER_URL = "https://ferry-news.example/statement"


@pytest.mark.parametrize(
    ("old", "new", "snapshots", "version", "reused"),
    [
        pytest.param(result(PRISONS, C, decided=P), result(PRISONS, C, claim_id="C7", start=400, paragraph=9),
                     {SOURCE_URL: SNAPSHOT}, None, True, id="same words, same snapshot"),
        pytest.param(result(PRISONS, C), result("We will  not rest until every secret prison\nhas been closed", C),
                     {SOURCE_URL: SNAPSHOT}, None, True, id="whitespace only"),
        pytest.param(result(PRISONS, C), result(PRISONS, C), {SOURCE_URL: "c" * 64}, None, False,
                     id="source page changed"),
        pytest.param(result(PRISONS, C), result(PRISONS, C), {}, None, False, id="source unavailable now"),
        pytest.param(result(PRISONS, U), result(PRISONS, U), {SOURCE_URL: SNAPSHOT}, None, False,
                     id="unverified never reused"),
        pytest.param(result(PRISONS, C), result(PRISONS_EDITED, C), {SOURCE_URL: SNAPSHOT}, None, False,
                     id="words changed"),
        pytest.param(result(PRISONS, C), result(PRISONS, C, speaker="Tom Brack"), {SOURCE_URL: SNAPSHOT}, None,
                     False, id="speaker changed"),
        pytest.param(result(PRISONS, C), result(PRISONS, C, outlet="Ferry News"), {SOURCE_URL: SNAPSHOT}, None,
                     False, id="outlet named now"),
        pytest.param(result(PRISONS, P), result(PRISONS, P), {SOURCE_URL: SNAPSHOT}, None, True,
                     id="paraphrase, same sources"),
        pytest.param(result(PRISONS, P), result(PRISONS, P), {SOURCE_URL: SNAPSHOT, OTHER_URL: "d" * 64}, None,
                     False, id="paraphrase, a source was added"),
        pytest.param(result(PRISONS, C, flags=(Flag.OUTLET_MISMATCH,)), result(PRISONS, C),
                     {SOURCE_URL: SNAPSHOT, OTHER_URL: "d" * 64}, None, False, id="outlet mismatch, a source added"),
        pytest.param(result(PRISONS, C), result(PRISONS, C), {SOURCE_URL: SNAPSHOT, OTHER_URL: "d" * 64}, None,
                     True, id="confirmed, a source was added"),
        pytest.param(result(PRISONS, C), result(PRISONS, C), {SOURCE_URL: SNAPSHOT}, "0.0.1", False,
                     id="baseline from another version"),
        pytest.param(result("gay purge", None, kind=ClaimKind.TERM), result("gay purge", None, kind=ClaimKind.TERM),
                     {SOURCE_URL: SNAPSHOT}, None, False, id="terms are not reused"),
    ],
)  # fmt: skip
def test_reuse_from_baseline(old, new, snapshots, version, reused: bool) -> None:  # type: ignore[no-untyped-def]
    baseline = report_of([old], version=version) if version else report_of([old])
    found = reuse_from_baseline([new.claim], snapshots, baseline)
    assert (new.claim.id in found) is reused
    if reused:
        again = found[new.claim.id]
        assert again.claim == new.claim  # new id, span and paragraph
        assert (again.verdict, again.evidence) == (baseline.results[0].verdict, baseline.results[0].evidence)
        assert again.decision is None  # rulings come from the decisions file, each run


def test_reused_evidence_names_this_runs_source_id() -> None:
    baseline = report_of([result(PRISONS, C, source_id="S2")], sources=(source_entry("S1", OTHER_URL, "d" * 64),
                                                                         source_entry("S2")))  # fmt: skip
    claim = result(PRISONS, C).claim
    found = reuse_from_baseline([claim], {SOURCE_URL: SNAPSHOT, OTHER_URL: "d" * 64}, baseline,
                                source_ids={SOURCE_URL: "S1", OTHER_URL: "S2"})  # fmt: skip
    evidence = found["C1"].evidence
    assert evidence is not None and evidence.source == "S1"


# -- reading a baseline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        pytest.param(None, InputError, "no such baseline report", id="missing"),
        pytest.param(b"verdict: confirmed", ReportFormatError, "not JSON", id="text report"),
        pytest.param(b"[1, 2]", ReportFormatError, "not a verify JSON report", id="JSON array"),
        pytest.param(b'{"schema": "other/1"}', ReportFormatError, "not a verify JSON report", id="other schema"),
        pytest.param(
            b'{"schema": "verify-report/1", "tool": {}}',
            ReportFormatError,
            "not a verify JSON report",
            id="truncated report",
        ),  # fmt: skip
        pytest.param(b'{"schema": "verify-batch/1", "drafts": []}', ReportFormatError, "batch", id="batch summary"),
        pytest.param(b"\xff\xfe\x00x", ReportFormatError, "not UTF-8", id="binary"),
    ],
)
def test_bad_baseline_is_one_line(tmp_path: Path, content: bytes | None, error: type, message: str) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error, match=message) as info:
        load_baseline(path)
    assert "\n" not in str(info.value)


def test_baseline_round_trips(tmp_path: Path) -> None:
    report = report_of([result(PRISONS, C), result(BUS, U, paragraph=1)])
    path = tmp_path / "old.json"
    path.write_text(json.dumps(report.to_dict()), encoding="utf-8")
    assert load_baseline(path) == report


@pytest.mark.parametrize(
    ("ours", "theirs", "only_draft", "applies"),
    [
        pytest.param("drafts/pier.md", "drafts/pier.md", False, True, id="same path"),
        pytest.param("drafts/pier.md", "drafts/../drafts/pier.md", False, True, id="same file, other spelling"),
        pytest.param("drafts/pier.md", "drafts/ferry.md", False, False, id="another draft of a batch"),
        pytest.param("drafts/pier-v2.md", "drafts/pier.md", True, True, id="the only draft, renamed"),
        pytest.param(None, "drafts/pier.md", False, False, id="standard input in a batch"),
        pytest.param(None, None, True, True, id="standard input alone"),
    ],
)
def test_baseline_applies(ours: str | None, theirs: str | None, only_draft: bool, applies: bool) -> None:
    report = report_of([result(PRISONS, C)])
    baseline = replace(report, article=replace(report.article, path=theirs))
    assert baseline_applies(ours, baseline, only_draft=only_draft) is applies
