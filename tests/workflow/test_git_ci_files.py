"""The pre-commit hook and the CI example: they parse, name real flags, and the CI script really works.

yaml is not installed, so the two YAML files are read with small line-based readers that
understand only the shapes these files use.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from verify.cli import build_parser
from verify.model import Report

REPO = Path(__file__).resolve().parents[2]
HOOKS = REPO / ".pre-commit-hooks.yaml"
WORKFLOW = REPO / "docs" / "github-actions-example.yml"
CI_DOC = REPO / "docs" / "ci-example.md"


def _scalar(raw: str) -> object:
    raw = raw.split(" #", 1)[0].strip()
    if raw.startswith("["):
        return json.loads(raw)  # flow lists here are written with double quotes, as JSON
    if raw[:1] == "'" and raw[-1:] == "'":
        return raw[1:-1].replace("''", "'")
    if raw[:1] == '"' and raw[-1:] == '"':
        return json.loads(raw)
    return {"true": True, "false": False}.get(raw, raw)


def read_hooks(path: Path) -> list[dict[str, object]]:
    """A top-level YAML list of flat mappings (``- id: x`` then ``  key: value`` lines)."""
    hooks: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            hooks.append({})
            line = line[2:]
        key, _, value = line.strip().partition(":")
        assert hooks, f"content before the first hook: {line!r}"
        hooks[-1][key] = _scalar(value)
    return hooks


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return commands.choices[name]


def _hook() -> dict[str, object]:
    (hook,) = read_hooks(HOOKS)
    return hook


def test_hook_runs_verify_check_with_real_flags() -> None:
    hook = _hook()
    assert (hook["id"], hook["language"], hook["pass_filenames"]) == ("verify", "python", True)
    command, subcommand = str(hook["entry"]).split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert command in scripts and subcommand == "check"
    args = hook["args"]
    assert isinstance(args, list)
    drafts = ["drafts/pier.md", "drafts/ferry.html"]
    parsed = build_parser().parse_args([subcommand, *args, *drafts])
    assert (parsed.fail_on, parsed.quiet, parsed.articles) == ("unverified", True, drafts)


@pytest.mark.parametrize(
    ("name", "checked"),
    [
        ("drafts/pier.md", True),
        ("drafts/pier.markdown", True),
        ("notes/interview.txt", True),
        ("web/ferry.html", True),
        ("drafts/pier.verify.toml", False),
        ("drafts/pier.sources.toml", False),
        ("photos/quay.png", False),
        ("drafts/pier.md.orig", False),
    ],
)
def test_hook_files_pattern(name: str, checked: bool) -> None:
    assert bool(re.search(str(_hook()["files"]), name)) is checked  # pre-commit uses re.search


# -- the CI example ---------------------------------------------------------------------------


def run_blocks(path: Path) -> dict[str, str]:
    """Each ``run: |`` block of a workflow, by the name of its step, dedented."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: dict[str, str] = {}
    step = ""
    for i, line in enumerate(lines):
        if m := re.match(r"\s*- name: (.+)", line):
            step = m.group(1)
        if m := re.match(r"(\s*)run: \|\s*$", line):
            indent = len(m.group(1)) + 2
            body = []
            for following in lines[i + 1 :]:
                if following.strip() and len(following) - len(following.lstrip()) < indent:
                    break
                body.append(following[indent:])
            blocks[step] = "\n".join(body).strip() + "\n"
        elif m := re.match(r"\s*run: (.+)", line):
            blocks[step] = m.group(1) + "\n"
    return blocks


def test_workflow_scripts_are_valid_bash() -> None:
    blocks = run_blocks(WORKFLOW)
    assert {"Check changed drafts", "Post the report on the pull request"} <= set(blocks)
    for name, script in blocks.items():
        result = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, f"{name}: {result.stderr}"


def _verify_commands(text: str) -> list[list[str]]:
    """``verify …`` commands in a text, continuation lines joined, bash arrays left out."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [shlex.split(m) for m in re.findall(r"^\s*(verify (?:check|report|extract|serve)\b[^\n|>&]*)", joined, re.M)]


def test_every_documented_command_parses() -> None:
    commands = _verify_commands(CI_DOC.read_text(encoding="utf-8"))
    commands += _verify_commands(run_blocks(WORKFLOW)["Check changed drafts"])
    assert len(commands) >= 5
    for words in commands:
        build_parser().parse_args([w for w in words[1:] if not w.startswith(('"${', "${"))])  # exits 2 on a bad flag


def test_workflow_check_arguments_are_check_flags() -> None:
    script = run_blocks(WORKFLOW)["Check changed drafts"]
    flags = {w for m in re.findall(r"args\+?=\(([^)]*)\)", script) for w in shlex.split(m) if w.startswith("-")}
    known = {o for a in _subparser("check")._actions for o in a.option_strings}
    assert flags and flags <= known, flags - known


# The check step, run for real in a scratch git repository with the real `verify` on PATH.

QUOTED = "“We will not rest until the pier reopens,” said Ana Reyes, who runs the ferry café.\n"
SOURCE = "Ana Reyes spoke on the quay. “We will not rest until the pier reopens,” she said.\n"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize(
    ("changed", "status", "verdicts", "in_comment"),
    [
        pytest.param(
            {
                "drafts/pier vote.md": QUOTED,
                "drafts/pier vote.sources.toml": '[[source]]\npath = "../sources/reyes.txt"\n',
                "drafts/ferry.md": QUOTED,
                "photos/quay.txt": "not in the drafts folder",
            },
            1,
            ["unverified", "confirmed"],  # ferry.md (no source) sorts before "pier vote.md"
            ["pier vote.md", "ferry.md"],
            id="one quote confirmed by its sources file, one without a source: fails",
        ),
        pytest.param(
            {"drafts/scan.txt": b"\x89PNG\r\n\x1a\n\x00\x00"},
            2,
            [],
            ["scan.txt", "could not check"],
            id="unreadable draft",
        ),
    ],
)
def test_workflow_check_step_runs(tmp_path: Path, changed: dict, status: int, verdicts: list[str],  # type: ignore[type-arg]
                                  in_comment: list[str]) -> None:  # fmt: skip
    repo = tmp_path / "newsroom"
    (repo / "sources").mkdir(parents=True)
    (repo / "drafts").mkdir()
    (repo / "sources" / "reyes.txt").write_text(SOURCE, encoding="utf-8")
    (repo / "drafts" / "older.md").write_text("“Unchanged and unchecked,” said nobody.\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    base = _git(repo, "rev-parse", "HEAD")
    for name, content in changed.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "draft")
    output = tmp_path / "github-output"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "BASE_SHA": base,
        "DRAFTS": "drafts",
        "GITHUB_OUTPUT": str(output),
        "VERIFY_CACHE_DIR": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    script = run_blocks(WORKFLOW)["Check changed drafts"]
    # bash -e, as GitHub runs a step: the script must survive a failing `verify check` itself.
    result = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode == status, result.stderr
    saved = sorted((repo / "verify-reports").glob("*.json"))
    reports = [Report.from_json(p.read_text(encoding="utf-8")) for p in saved]
    assert [r.verdict.value for report in reports for r in report.checkable if r.verdict] == verdicts
    comment = (repo / "comment.md").read_text(encoding="utf-8")
    for fragment in in_comment:
        assert fragment in comment
    assert "older.md" not in comment  # only what the pull request changed
    drafts = sum(1 for name in changed if name.startswith("drafts/") and not name.endswith(".toml"))
    assert output.read_text().strip() == f"drafts={drafts}"
