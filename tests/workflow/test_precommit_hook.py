"""The hook this repository ships, run by the real pre-commit tool in a newsroom repository whose
drafts keep their sources files beside them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

SOURCE = "Harbour board minutes. “The pier will reopen in the spring,” the harbour master, Ines Morrow, said.\n"
RIGHT = "# Pier\n\n“The pier will reopen in the spring,” Ines Morrow said.\n"
WRONG = RIGHT + "\n“We were never consulted,” Tom Brack said.\n"


def _hook_as_local() -> dict[str, object]:
    """This repository's hook (its manifest), run from this environment rather than installed anew:
    pre-commit would otherwise build a virtual environment for it from the package index."""
    (manifest,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    return {**manifest, "language": "system", "entry": f"{Path(sys.executable).with_name('verify')} check"}


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)


@pytest.fixture
def newsroom(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None or not PRE_COMMIT.exists():
        pytest.skip("git and pre-commit are needed")
    repo = tmp_path / "desk"
    (repo / "drafts").mkdir(parents=True)
    (repo / "sources").mkdir()
    (repo / "sources" / "minutes.txt").write_text(SOURCE)
    (repo / "drafts" / "pier.sources.toml").write_text('[[source]]\npath = "../sources/minutes.txt"\n')
    hook = {**_hook_as_local(), "files": r"^drafts/.*\.md$"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "VERIFY_CACHE_DIR": str(tmp_path / "c"),
           "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org", "GIT_COMMITTER_NAME": "Desk",
           "GIT_COMMITTER_EMAIL": "desk@example.org", "NO_COLOR": "1"}  # fmt: skip
    env.pop("PYTHONUNBUFFERED", None)
    assert _git(repo, "init", "-q").returncode == 0
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    return repo, env


@pytest.mark.parametrize(
    ("draft", "committed"),
    [
        pytest.param(RIGHT, True, id="quotes right: the commit goes through"),
        pytest.param(WRONG, False, id="a quote no source has: the commit stops"),
    ],
)
def test_the_hook_reads_each_drafts_own_sources_and_stops_a_wrong_commit(
    newsroom: tuple[Path, dict[str, str]], draft: str, committed: bool
) -> None:
    repo, env = newsroom
    (repo / "drafts" / "pier.md").write_text(draft)
    _git(repo, "add", "-A")
    commit = subprocess.run(["git", "commit", "-q", "-m", "pier story"], cwd=repo, env=env, capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    output = commit.stdout + commit.stderr
    assert (commit.returncode == 0) is committed, output
    if not committed:
        assert "Needs a look (1), worst first" in output
        assert "We were never consulted" in output
        assert "The pier will reopen" not in output.split("Needs a look", 1)[1]  # only the problem follows
