"""Re-checks and editor decisions through the real command line, as a desk would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify.baseline import claim_key
from verify.model import Report

SOURCE = (
    "Ana Reyes has run the ferry café for eleven years. “We will not rest until the pier reopens,” "
    "Reyes said on Tuesday. “The town needs its ferry.”\n"
)
KEPT = "We will not rest until the pier reopens"
DROPPED = "The council never asked us once"
ADDED = "Every family on the quay signed the letter"

V1 = f"“{KEPT},” said Ana Reyes.\n\n“{DROPPED},” said Tom Brack.\n"
V2 = f"The vote is on Friday.\n\n“{KEPT},” said Ana Reyes.\n\n“{ADDED},” said Tom Brack.\n"


def _check(run_cli, tmp_path: Path, draft: str, *extra: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "pier.md"
    path.write_text(draft, encoding="utf-8")
    (tmp_path / "reyes.txt").write_text(SOURCE, encoding="utf-8")
    return run_cli("check", str(path), "--source", str(tmp_path / "reyes.txt"), "--offline", "--quiet",
                   "--format", "json", *extra)  # fmt: skip


def _by_text(report: Report, text: str):  # type: ignore[no-untyped-def]
    return next(r for r in report.results if claim_key(r.claim.text) == claim_key(text))


def test_recheck_marks_changes_and_problems(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _check(run_cli, tmp_path, V1, "-o", str(tmp_path / "old.json"))
    assert first.returncode == 1, first.stderr  # DROPPED is unverified
    second = _check(run_cli, tmp_path, V2, "--baseline", str(tmp_path / "old.json"))
    assert second.returncode == 1, second.stderr  # ADDED is unverified
    report = Report.from_json(second.stdout)
    assert (_by_text(report, KEPT).change, _by_text(report, ADDED).change) == ("unchanged", "new")
    assert _by_text(report, KEPT).verdict is not None and _by_text(report, KEPT).verdict.value == "confirmed"
    assert report.baseline is not None
    assert list(report.baseline.introduced) == [_by_text(report, ADDED).claim.id]
    assert [claim_key(t) for t in report.baseline.resolved] == [claim_key(DROPPED)]


@pytest.mark.parametrize(
    ("decisions", "status", "warning"),
    [
        pytest.param(None, 1, None, id="no decisions: the unverified quote fails"),
        pytest.param(
            f'[[decision]]\nclaim = "{DROPPED}"\nverdict = "confirmed"\nby = "desk"\nnote = "recording"\n',
            0,
            None,
            id="confirmed from a recording",
        ),  # fmt: skip
        pytest.param(
            f'[[decision]]\nclaim = "{DROPPED}"\nverdict = "confirmed"\nby = "desk"\n'
            '[[decision]]\nclaim = "A quote cut last week"\nverdict = "confirmed"\nby = "desk"\n',
            0,
            "decision 2 names no claim",
            id="a stale decision is reported",
        ),  # fmt: skip
    ],
)
def test_decisions_beside_the_draft(run_cli, tmp_path: Path, decisions: str | None, status: int,  # type: ignore[no-untyped-def]
                                    warning: str | None) -> None:  # fmt: skip
    if decisions is not None:
        (tmp_path / "pier.verify.toml").write_text(decisions, encoding="utf-8")
    result = _check(run_cli, tmp_path, V1)
    assert result.returncode == status, result.stderr
    claim = _by_text(Report.from_json(result.stdout), DROPPED)
    assert claim.verdict is not None and claim.verdict.value == "unverified"  # the machine verdict stays
    assert (claim.decision is not None) is (decisions is not None)
    if warning:
        assert warning in result.stderr and len(result.stderr.strip().splitlines()) == 1
    else:
        assert result.stderr == ""


@pytest.mark.parametrize(
    ("file_name", "content", "flag", "message"),
    [
        pytest.param(
            "pier.verify.toml",
            '[[decision]]\nclaim = "x"\nverdict = "maybe"\nby = "desk"\n',
            None,
            "'verdict' must be",
            id="bad decisions file",
        ),  # fmt: skip
        pytest.param("old.json", "not json", "--baseline", "not JSON", id="bad baseline"),
        pytest.param("rulings.toml", "[[decision]\n", "--decisions", "not valid TOML", id="bad --decisions file"),
    ],
)
def test_bad_workflow_files_exit_2(run_cli, tmp_path: Path, file_name: str, content: str, flag: str | None,  # type: ignore[no-untyped-def]
                                   message: str) -> None:  # fmt: skip
    (tmp_path / file_name).write_text(content, encoding="utf-8")
    result = _check(run_cli, tmp_path, V1, *((flag, str(tmp_path / file_name)) if flag else ()))
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout or "null") is None  # no report when an input is unusable
