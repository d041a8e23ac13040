"""Each draft's own sources file beside it, and the small things a desk meets on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import verify

MINUTES = "Minutes. “The pier will close in March,” the harbour master, Ines Morrow, said.\n"
LETTER = "A letter. “The ferry runs all winter,” the operator, Tom Brack, wrote.\n"
PIER = "“The pier will close in March,” Ines Morrow said.\n\n“The ferry runs all winter,” Tom Brack wrote.\n"


def _desk(tmp_path: Path) -> Path:
    """``drafts/pier.md`` with ``drafts/pier.sources.toml`` naming ``sources/minutes.txt``; the letter is loose."""
    drafts, saved = tmp_path / "drafts", tmp_path / "sources"
    drafts.mkdir()
    saved.mkdir()
    (saved / "minutes.txt").write_text(MINUTES)
    (tmp_path / "letter.txt").write_text(LETTER)
    (drafts / "pier.sources.toml").write_text(
        '[[source]]\npath = "../sources/minutes.txt"\noutlet = "the council minutes"\n'
    )
    (drafts / "pier.md").write_text(PIER)
    return drafts / "pier.md"


@pytest.mark.parametrize(
    ("extra_sources", "verdicts"),
    [
        pytest.param((), ["confirmed", "unverified"], id="the file beside the draft alone"),
        pytest.param(("letter",), ["confirmed", "confirmed"], id="--source adds to it"),
    ],
)
def test_the_sources_file_beside_the_draft_is_read(  # type: ignore[no-untyped-def]
    run_cli, tmp_path: Path, extra_sources: tuple[str, ...], verdicts: list[str]
) -> None:
    draft = _desk(tmp_path)
    extra = [arg for _ in extra_sources for arg in ("--source", str(tmp_path / "letter.txt"))]
    result = run_cli("check", str(draft), "--offline", "--format", "json", "--fail-on", "never", *extra)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [c["verdict"] for c in report["claims"]] == verdicts
    assert report["sources"][0]["outlet"] == "the council minutes"


def test_the_same_file_named_with_sources_is_read_once(tmp_path: Path) -> None:
    draft = _desk(tmp_path)
    options = verify.Options(offline=True, cache_dir=tmp_path / "cache")
    report = verify.check(draft, sources_file=draft.with_name("pier.sources.toml"), options=options)
    assert len(report.sources) == 1


def test_a_batch_keeps_going_past_a_draft_whose_own_sources_file_is_broken(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _desk(tmp_path)
    (draft.parent / "ferry.md").write_text("“The ferry runs all winter,” Tom Brack wrote.\n")
    (draft.parent / "ferry.sources.toml").write_text("[[sources]]\npath = '../sources/minutes.txt'\n")
    out = tmp_path / "reports"
    result = run_cli("check", str(draft.parent), "--offline", "--format", "json", "-o", str(out), "--fail-on", "never")
    assert result.returncode == 2
    assert "ferry.sources.toml: unknown table or key 'sources' (did you mean [[source]]?)" in result.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert {Path(d["path"]).name: d["error"] is None for d in summary["drafts"]} == {"ferry.md": False, "pier.md": True}
    assert (out / "pier.json").is_file()


def test_a_missing_local_source_is_a_usage_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _desk(tmp_path)
    result = run_cli("check", str(draft), "--source", str(tmp_path / "gone.txt"), "--offline")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"verify: {tmp_path / 'gone.txt'}: no such source file"


def test_timeout_is_the_longest_wait_for_one_source(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from verify.cli import build_parser

    args = build_parser().parse_args(["check", "x.md", "--timeout", "2.5"])
    assert args.timeout == 2.5
    refused = run_cli("check", str(_desk(tmp_path)), "--timeout", "0")
    assert refused.returncode == 2 and "--timeout: must be a positive number" in refused.stderr


def test_report_renders_a_saved_report_as_json_again(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _desk(tmp_path)
    saved = tmp_path / "pier.json"
    run_cli("check", str(draft), "--offline", "--format", "json", "-o", str(saved), "--fail-on", "never")
    again = run_cli("report", str(saved), "--format", "json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == json.loads(saved.read_text())


def test_a_reader_that_closes_the_pipe_early_gets_no_traceback(tmp_path: Path) -> None:
    draft = _desk(tmp_path)
    for n in range(40):  # enough output to outlast the pipe's buffer after the reader has gone
        (draft.parent / f"copy-{n}.md").write_text(PIER * 20)
    command = [sys.executable, "-m", "verify", "check", str(draft.parent), "--offline", "--fail-on", "never",
               "--cache-dir", str(tmp_path / "cache")]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        errors = process.stderr.read().decode()
        process.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors


def test_a_saved_copy_of_a_paywalled_page_is_reported_under_its_url(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``url`` and ``path`` together: the file is what that URL served; nothing is fetched."""
    url = "https://paywalled.example/pier-story"
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "pier-story.html").write_text(f"<html><body><article><p>{MINUTES}</p></article></body></html>")
    draft = tmp_path / "pier.md"
    draft.write_text(f"As [the Gazette]({url}) reported: “The pier will close in March,” Ines Morrow said.\n")
    (tmp_path / "pier.sources.toml").write_text(
        f'[[source]]\nurl = "{url}"\npath = "saved/pier-story.html"\noutlet = "the Gazette"\n'
    )
    result = run_cli("check", str(draft), "--format", "json", "--fail-on", "never")  # online: still no request
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    (source,) = report["sources"]  # the draft's link to the same URL is the same source
    assert (source["url"], source["path"], source["status"]) == (url, str(saved / "pier-story.html"), "ok")
    assert Path(source["snapshot"]).read_bytes() == (saved / "pier-story.html").read_bytes()
    (quote,) = [c for c in report["claims"] if c["kind"] == "direct"]
    assert quote["verdict"] == "confirmed" and quote["evidence"]["source"] == "S1"
