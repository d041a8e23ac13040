"""Editor decisions kept in draft.verify.toml: where they live, how they read, what they change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports import report_of, result
from verify.decisions import (
    DecisionsFileError,
    apply_decisions,
    decisions_file_for,
    load_decisions,
    unused_decisions,
    unused_warning,
)
from verify.errors import InputError
from verify.model import ClaimKind, Report, Verdict

RECORDED = "The pier will reopen before the summer"
ALTERED = "Nobody asked us before the vote"


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        pytest.param("draft.md", "draft.verify.toml", id="markdown"),
        pytest.param("desk/pier-vote.html", "desk/pier-vote.verify.toml", id="in a folder"),
        pytest.param("notes", "notes.verify.toml", id="no suffix"),
        pytest.param("v2.final.txt", "v2.final.verify.toml", id="dots in the name"),
    ],
)
def test_decisions_file_sits_beside_the_draft(draft: str, expected: str) -> None:
    assert decisions_file_for(draft) == Path(expected)


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "pier.verify.toml"
    path.write_text(content, encoding="utf-8")
    return path


def test_decisions_file_reads(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        f'[[decision]]\nclaim = "{RECORDED}"\nverdict = "confirmed"\nnote = "press-call recording, 14:02"\n'
        'by = "R. Okafor"\nat = 2026-11-20\n\n'
        f'[[decision]]\nclaim = "{ALTERED}"\nverdict = "paraphrased"\nby = "desk"\nat = "2026-11-21T09:30:00"\n',
    )
    first, second = load_decisions(path)
    assert (first.claim, first.decision.verdict, first.decision.note, first.decision.by, first.decision.at) == (
        RECORDED, Verdict.CONFIRMED, "press-call recording, 14:02", "R. Okafor", "2026-11-20")  # fmt: skip
    assert (second.decision.verdict, second.decision.note, second.decision.at, second.number) == (
        Verdict.PARAPHRASED, "", "2026-11-21T09:30:00", 2)  # fmt: skip


def test_empty_decisions_file_is_no_decisions(tmp_path: Path) -> None:
    assert load_decisions(_write(tmp_path, "# nothing decided yet\n")) == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("[[decision]\nclaim =", "not valid TOML", id="malformed"),
        pytest.param('decision = "x"', "array of tables", id="not tables"),
        pytest.param('[[decisions]]\nclaim = "x"', "unknown key 'decisions'", id="misspelt table"),
        pytest.param('[[decision]]\nverdict = "confirmed"\nby = "desk"', "'claim'", id="no claim"),
        pytest.param('[[decision]]\nclaim = " "\nverdict = "confirmed"\nby = "desk"', "'claim'", id="blank claim"),
        pytest.param(
            '[[decision]]\nclaim = "x"\nverdict = "unverified"\nby = "desk"',
            "'verdict' must be",
            id="verdict unverified",
        ),  # fmt: skip
        pytest.param('[[decision]]\nclaim = "x"\nverdict = "confirmed"', "'by' must name", id="no by"),
        pytest.param(
            '[[decision]]\nclaim = "x"\nverdict = "confirmed"\nby = "desk"\nat = "yesterday"',
            "'at' must be a date",
            id="bad date",
        ),  # fmt: skip
        pytest.param(
            '[[decision]]\nclaim = "x"\nverdict = "confirmed"\nby = "desk"\nnote = 3',
            "'note' must be",
            id="note not text",
        ),  # fmt: skip
        pytest.param(
            '[[decision]]\nclaim = "x"\nverdict = "confirmed"\nby = "desk"\nwho = "me"',
            "unknown key 'who'",
            id="unknown key",
        ),  # fmt: skip
        pytest.param(
            '[[decision]]\nclaim = "We won’t go"\nverdict = "confirmed"\nby = "a"\n'
            '[[decision]]\nclaim = "we won\'t go."\nverdict = "paraphrased"\nby = "b"',
            "decision 2 rules on the same claim as decision 1",
            id="same claim twice",
        ),  # fmt: skip
    ],
)
def test_bad_decisions_file_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(DecisionsFileError, match=message) as info:
        load_decisions(_write(tmp_path, content))
    assert "\n" not in str(info.value)
    assert isinstance(info.value, InputError)  # the CLI's exit status 2


def test_missing_decisions_file(tmp_path: Path) -> None:
    with pytest.raises(DecisionsFileError, match="no such decisions file"):
        load_decisions(tmp_path / "none.verify.toml")


def _decisions(tmp_path: Path, *rows: tuple[str, str]) -> tuple:  # type: ignore[type-arg]
    body = "".join(f'[[decision]]\nclaim = "{claim}"\nverdict = "{verdict}"\nby = "desk"\n' for claim, verdict in rows)
    return load_decisions(_write(tmp_path, body))


@pytest.mark.parametrize(
    ("claims", "rows", "effective", "unused"),
    [
        pytest.param([(RECORDED, "unverified")], [(RECORDED, "confirmed")], ["confirmed"], [], id="recording confirms"),
        pytest.param(
            [(ALTERED, "paraphrased")], [(ALTERED, "paraphrased")], ["paraphrased"], [], id="accepted as paraphrase"
        ),  # fmt: skip
        pytest.param(
            [("The pier will  reopen before the summer.", "unverified")],
            [(RECORDED.upper(), "confirmed")],
            ["confirmed"],
            [],
            id="case, spacing and end punctuation do not count",
        ),  # fmt: skip
        pytest.param(
            [(RECORDED, "unverified")],
            [("The pier will reopen before the autumn", "confirmed")],
            ["unverified"],
            [1],
            id="other words: no decision, reported unused",
        ),  # fmt: skip
        pytest.param(
            [(RECORDED, "unverified"), (RECORDED, "unverified")],
            [(RECORDED, "confirmed")],
            ["confirmed", "confirmed"],
            [],
            id="a quote used twice gets it twice",
        ),  # fmt: skip
        pytest.param([(RECORDED, None)], [(RECORDED, "confirmed")], [None], [1], id="a term takes no decision"),
    ],
)
def test_apply_decisions(tmp_path: Path, claims, rows, effective, unused) -> None:  # type: ignore[no-untyped-def]
    report = report_of(
        [result(text, verdict, kind=ClaimKind.DIRECT if verdict else ClaimKind.TERM) for text, verdict in claims]
    )
    decisions = _decisions(tmp_path, *rows)
    decided = apply_decisions(report, decisions)
    assert [r.effective_verdict.value if r.effective_verdict else None for r in decided.results] == effective
    assert [d.number for d in unused_decisions(decided, decisions)] == unused
    assert [r.verdict for r in decided.results] == [r.verdict for r in report.results]  # machine verdict kept


def test_decision_changes_fail_on_and_survives_json(tmp_path: Path) -> None:
    report = report_of([result(RECORDED, "unverified"), result(ALTERED, "paraphrased", paragraph=1)])
    decided = apply_decisions(report, _decisions(tmp_path, (RECORDED, "confirmed")))
    assert (report.worst_verdict(), decided.worst_verdict()) == (Verdict.UNVERIFIED, Verdict.PARAPHRASED)
    again = Report.from_json(decided.to_json())
    assert again.results[0].decision == decided.results[0].decision
    assert again.results[0].decision is not None and again.results[0].decision.by == "desk"


def test_unused_warning_is_one_short_line(tmp_path: Path) -> None:
    (decision,) = _decisions(tmp_path, ("A very long quote " * 10, "confirmed"))
    line = unused_warning(decision, "pier.verify.toml")
    assert "\n" not in line and line.startswith("pier.verify.toml: decision 1") and len(line) < 140
