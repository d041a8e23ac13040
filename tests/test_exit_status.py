"""--fail-on: exit 1 when some claim's verdict (an editor's decision winning) is at or below it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reports import report_of, result
from verify.cli import exit_status
from verify.model import Report, Verdict

ROOT = Path(__file__).resolve().parent.parent


def _report(*verdicts: Verdict, decided: Verdict | None = None) -> Report:
    rows = [result(f"quote {n}", v.value) for n, v in enumerate(verdicts, start=1)]
    if decided is not None and rows:
        rows[-1] = result(f"quote {len(rows)}", verdicts[-1].value, decided=decided.value)
    return report_of(rows)


C, P, U = Verdict.CONFIRMED, Verdict.PARAPHRASED, Verdict.UNVERIFIED


@pytest.mark.parametrize(
    ("verdicts", "decided", "fail_on", "status"),
    [
        ((C, C), None, "unverified", 0),
        ((C, P), None, "unverified", 0),
        ((C, U), None, "unverified", 1),
        ((C, P), None, "paraphrased", 1),
        ((C, C), None, "paraphrased", 0),
        ((U,), None, "never", 0),
        ((), None, "unverified", 0),
        ((C, U), C, "unverified", 0),  # the editor confirmed it by other means
        ((C, U), P, "paraphrased", 1),  # accepted as paraphrase still counts as paraphrased
    ],
)
def test_exit_status(verdicts: tuple[Verdict, ...], decided: Verdict | None, fail_on: str, status: int) -> None:
    assert exit_status([_report(*verdicts, decided=decided)], fail_on) == status


# The ``verify`` command itself (``verify.cli.run``): it ends the process without tearing the
# heap down, so what it printed and the status must survive that. The report is kept under the
# 8 KB output buffer, so a missing flush would lose all of it.
@pytest.mark.parametrize(("fail_on", "status"), [("unverified", 1), ("never", 0)])
def test_the_command_flushes_its_whole_report_and_keeps_its_status(
    fail_on: str, status: int, tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    (tmp_path / "pier.txt").write_text("The pier will not reopen before spring, the harbour master said.\n")
    (tmp_path / "draft.md").write_text(
        "\u201cThe pier will not reopen before spring,\u201d the harbour master said.\n\n"
        "\u201cThe ferry will run all winter,\u201d she added.\n"
    )
    done = run_cli(
        "check", str(tmp_path / "draft.md"), "--source", str(tmp_path / "pier.txt"), "--offline",
        "--format", "json", "--fail-on", fail_on,
    )  # fmt: skip
    assert done.returncode == status, done.stderr
    assert len(done.stdout) < 8192
    report = json.loads(done.stdout)  # complete: it parses
    assert [c["verdict"] for c in report["claims"]] == ["confirmed", "unverified"]


def test_the_command_reports_bad_input_in_one_line_with_status_2(
    tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    done = run_cli("check", str(tmp_path / "missing.md"), "--offline")
    assert done.returncode == 2
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1


def test_the_command_runs_exit_handlers_before_it_ends(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'w').close())\n"
        "sys.argv = ['verify', 'extract', 'seeds/demo-draft.md']\n"
        "from verify.cli import run\n"
        "run()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as in use
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout and marker.exists()
