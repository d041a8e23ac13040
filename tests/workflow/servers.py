"""``verify serve`` as a real server process on 127.0.0.1, for the tests that need one."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running(argv: Sequence[str], port: int, cache_dir: Path) -> Iterator[str]:
    """Run ``python ARGV`` (a server listening on ``port``) until the block ends; yields its URL."""
    env = {**os.environ, "VERIFY_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, *argv], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def serve_command(port: int, *options: str) -> list[str]:
    """``verify serve`` on ``port`` of 127.0.0.1, with more options."""
    return ["-m", "verify", "serve", "--host", "127.0.0.1", "--port", str(port), *options]


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    give_up = time.monotonic() + 30  # start-up allowance, not an assertion about speed
    while time.monotonic() < give_up:
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"verify serve exited with {process.returncode}: {stderr[-2000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail("verify serve did not answer /healthz")
