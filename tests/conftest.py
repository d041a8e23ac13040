"""Shared helpers: run the real CLI in a subprocess, as a newsroom script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def run_cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run ``python -m verify ARGS`` with a private cache; returns the CompletedProcess."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        # Output buffered as a user's terminal or pipe has it (PYTHONUNBUFFERED would hide a
        # missing flush), a private cache, no colour.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        env.update(VERIFY_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
        return subprocess.run(
            [sys.executable, "-m", "verify", *args],
            input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd or REPO,
            timeout=300,
        )

    return run
