"""``verify serve`` as a real uvicorn process on 127.0.0.1, checking a draft against a local page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests import helpers
from tests.helpers import source_server
from verify.baseline import claim_key
from verify.model import Report

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``verify serve --allow-private`` on a free port; stopped when the module's tests are done."""
    port = _free_port()
    env = {**os.environ, "VERIFY_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "verify", "serve", "--host", "127.0.0.1", "--port", str(port), "--allow-private"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
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


@pytest.mark.network
@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        pytest.param("json", '"verdict": "confirmed"', id="json"),
        pytest.param("markdown", "confirmed", id="markdown"),
    ],
)
def test_real_service_checks_a_draft_against_a_local_page(service_url: str, fmt: str, marker: str) -> None:
    with source_server() as source:
        response = httpx.post(
            f"{service_url}/v1/check",
            json={"text": helpers.DRAFT, "sources": [source], "format": fmt},
            timeout=60,
            trust_env=False,
        )
    assert response.status_code == 200, response.text
    assert marker in response.text
    if fmt == "json":
        report = Report.from_json(response.text)
        assert [s.status.value for s in report.sources] == ["ok"]
        (quote,) = [r for r in report.results if claim_key(r.claim.text) == claim_key(helpers.QUOTE)]
        assert quote.verdict is not None and quote.verdict.value == "confirmed"


@pytest.mark.network
@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        pytest.param("GET", "/", {}, 200, id="form"),
        pytest.param("POST", "/v1/check", {"content": b"{oops"}, 400, id="bad JSON"),
        pytest.param("POST", "/v1/check", {"content": b"x" * 2_000_001}, 413, id="body too large"),
        pytest.param("GET", "/healthz", {"headers": {"host": "rebound.attacker.example"}}, 400, id="foreign Host"),
    ],
)
def test_real_service_edges(service_url: str, method: str, path: str, kwargs: dict, status: int) -> None:  # type: ignore[type-arg]
    response = httpx.request(method, f"{service_url}{path}", timeout=30, trust_env=False, **kwargs)
    assert response.status_code == status
