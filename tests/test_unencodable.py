"""Text no encoding can write (a lone surrogate) never ends a run in UnicodeEncodeError: drafts
turn it into U+FFFD as they are read, and every report leaves in a form that encodes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import verify
from tests.reports import sample_report
from verify.report import FORMATS

DRAFT = "“The pier will \ud800 reopen,” said Ana \udfff Lind.\n\nTom Vale told [the \ud83d Gazette](https://g.example/\udc80)."


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.txt"
    path.write_text("The board met. “The pier will reopen,” said Ana Lind, who chairs it.", encoding="utf-8")
    return path


def test_extract_and_check_of_a_draft_with_lone_surrogates(tmp_path: Path, source: Path) -> None:
    claims = verify.extract(text=DRAFT)
    assert [c.text for c in claims][:1] == ["The pier will \ufffd reopen"]
    options = verify.Options(offline=True, cache_dir=tmp_path / "cache")
    report = verify.check(text=DRAFT, sources=[str(source)], options=options)
    assert len(report.article.text) == len(DRAFT) and "\ufffd" in report.article.text
    for fmt in FORMATS:
        verify.render(report, fmt).encode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_verify_report_renders_a_report_holding_lone_surrogates(run_cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    data = sample_report().to_dict()
    data["article"]["path"] = "pier-\ud800.md"
    data["claims"][0]["text"] = "We will \udc80 rebuild"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="ascii")  # the surrogates as \\ud800 escapes
    result = run_cli("report", str(path), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # shown as U+FFFD, or in the terminal report as the visible escape it gives every control character
    assert "\ufffd" in result.stdout or "\\ud800" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="a file name that is not UTF-8 needs a POSIX file system")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_draft_whose_file_name_is_not_utf8(run_cli, tmp_path: Path, source: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    name = os.fsdecode(b"pier-\xff.md")  # "pier-\udcff.md": the undecodable byte kept as a surrogate
    (tmp_path / name).write_text("“The pier will reopen,” said Ana Lind.", encoding="utf-8")
    result = run_cli("check", name, "--source", str(source), "--offline", "--format", fmt, cwd=tmp_path)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["article"]["path"] == "pier-\ufffd.md"
