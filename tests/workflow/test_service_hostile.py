"""A real ``verify serve`` process on 127.0.0.1 under clients that stall it or trickle bytes:
it answers them with 504 or closes them within its limits, and a normal check still gets its
report meanwhile and right after.

Bounds on time here only prove that nothing is stuck; they are several times the limits.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import helpers
from tests.helpers import serving, source_server, stalling
from tests.workflow.servers import free_port, running, serve_command
from verify.baseline import claim_key
from verify.model import Report

pytestmark = pytest.mark.network

TIME_LIMIT = 3  # seconds per request, for the server that meets stalling sources
HEADER_TIMEOUT = 2  # seconds, for the server that meets slow clients
BODY_TIMEOUT = 2
STALLED_PER_REQUEST = 24  # three rounds of the fetcher's 8 requests in flight


def _check(url: str, text: str, sources: list[str]) -> httpx.Response:
    return httpx.post(f"{url}/v1/check", json={"text": text, "sources": sources}, timeout=60, trust_env=False)


def _confirmed(response: httpx.Response) -> bool:
    report = Report.from_json(response.text)
    quote = next(r for r in report.results if claim_key(r.claim.text) == claim_key(helpers.QUOTE))
    return quote.verdict is not None and quote.verdict.value == "confirmed"


@pytest.mark.timeout(180)
def test_checks_whose_sources_stall_end_at_the_limit_and_free_their_slots(tmp_path: Path) -> None:
    release = threading.Event()
    port = free_port()
    command = serve_command(
        port, "--allow-private", "--time-limit", str(TIME_LIMIT), "--cache-dir", str(tmp_path / "service")
    )
    with serving() as stalled, source_server() as page, running(command, port, tmp_path / "default") as url:
        paths = {name: [f"/stall-{name}-{n}" for n in range(STALLED_PER_REQUEST)] for name in "ab"}
        for path in paths["a"] + paths["b"]:
            stalled.routes[path] = stalling(release)
        try:
            # Both of the service's check slots, each taken by a check whose sources never answer.
            with ThreadPoolExecutor(max_workers=2) as pool:
                jammed = list(pool.map(lambda name: _check(url, helpers.DRAFT, [stalled.url(p) for p in paths[name]]),
                                       "ab"))  # fmt: skip
            # Right after: normal checks get their reports, not a 504 while the stalled ones linger.
            after = [_check(url, helpers.DRAFT, [page]) for _ in range(2)]
        finally:
            release.set()
    assert [r.status_code for r in jammed] == [504, 504]
    assert all("longer than 3 s" in r.json()["error"] for r in jammed)
    assert [r.status_code for r in after] == [200, 200], [r.text[:200] for r in after]
    assert all(_confirmed(r) for r in after)
    # No source is started once a check's limit has passed: one round of requests in flight each.
    for name in "ab":
        assert sum(stalled.count(p) for p in paths[name]) <= 8
    assert (tmp_path / "service").is_dir() and not (tmp_path / "default").exists()  # --cache-dir used


@dataclass
class Client:
    """A raw connection that sends ``payload`` one byte per tick after ``opening``."""

    kind: str
    opening: bytes
    payload: bytes
    sock: socket.socket = field(init=False)
    closed_after: float | None = None
    received: bytes = b""

    def connect(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        if self.opening:
            self.sock.sendall(self.opening)
        self.sock.setblocking(False)

    def tick(self, n: int, elapsed: float) -> None:
        """Read what the server sent, note a close, and send the next byte."""
        if self.closed_after is not None:
            return
        try:
            while data := self.sock.recv(4096):
                self.received += data
            self.closed_after = elapsed  # recv() gave b"": the server closed the connection
            return
        except BlockingIOError:
            pass  # still open, nothing to read
        except OSError:
            self.closed_after = elapsed
            return
        if self.payload:
            try:
                self.sock.send(self.payload[n % len(self.payload) : n % len(self.payload) + 1])
            except OSError:
                self.closed_after = elapsed


def _slow_clients() -> list[Client]:
    body_headers = (
        b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 5000\r\n\r\n"
    )
    return (
        [Client("headers", b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Pad: " + b"a" * 200) for _ in range(10)]
        + [Client("body", body_headers, b'{"text": "' + b"b" * 4000) for _ in range(5)]
        + [Client("idle", b"", b"") for _ in range(5)]
    )


@pytest.fixture
def guarded_service(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A service with short header and body timeouts (``serve``'s own parameters)."""
    port = free_port()
    code = (
        "from verify.service import serve; "
        f"serve('127.0.0.1', {port}, header_timeout={HEADER_TIMEOUT}, body_timeout={BODY_TIMEOUT})"
    )
    with running(["-c", code], port, tmp_path / "cache") as url:
        yield url, port


@pytest.mark.timeout(120)
def test_slow_clients_are_disconnected_while_normal_requests_are_answered(guarded_service: tuple[str, int]) -> None:
    url, port = guarded_service
    clients = _slow_clients()
    for client in clients:
        client.connect(port)
    started = time.monotonic()
    normal: list[int] = []
    open_meanwhile = 0
    try:
        for n in range(15):  # 15 ticks of 1 s: five times the limits, bounded whatever happens
            elapsed = time.monotonic() - started
            for client in clients:
                client.tick(n, elapsed)
            if n == 1:  # while the slow clients hold their connections
                open_meanwhile = sum(c.closed_after is None for c in clients)
                normal.append(httpx.get(f"{url}/healthz", timeout=10, trust_env=False).status_code)
                draft = {"text": "“The ferry runs all winter,” said Ana Reyes."}
                normal.append(httpx.post(f"{url}/v1/check", json=draft, timeout=30, trust_env=False).status_code)
            if all(c.closed_after is not None for c in clients):
                break
            time.sleep(1)
    finally:
        for client in clients:
            client.sock.close()
    assert normal == [200, 200] and open_meanwhile == len(clients)
    still_open = [c.kind for c in clients if c.closed_after is None]
    assert still_open == []
    # Each limit is 2 s and a client is looked at once a second: 6 s means "dropped", not "stuck".
    late = [(c.kind, round(c.closed_after or 0, 1)) for c in clients if (c.closed_after or 0) > 6]
    assert late == []
    for client in clients:
        if client.kind == "body":  # its headers were complete: it gets a status before the close
            assert client.received.startswith(b"HTTP/1.1 408"), client.received[:80]


# Each attack on the real service, with the answer it must get; a normal check after each one
# must still be answered, so no attack leaves the service busy or broken.
ATTACKS = [
    pytest.param("post", "/v1/check", {"json": {"text": "[" * 60_000}}, {200}, id="a draft of brackets"),
    pytest.param("post", "/v1/check", {"json": {"text": "“a” " * 20_000}}, {200}, id="quote pairs"),
    pytest.param("post", "/v1/check", {"json": {"text": "'tis word " * 20_000}}, {200}, id="apostrophe runs"),
    pytest.param("post", "/v1/check", {"json": {"text": "<div>" * 5000 + "x", "format": "html"}}, {200},
                 id="deep HTML"),  # fmt: skip
    pytest.param("post", "/v1/check", {"content": b"[" * 100_000, "headers": {"content-type": "application/json"}},
                 {400}, id="JSON nested deep"),  # fmt: skip
    pytest.param("post", "/v1/check",
                 {"content": b'{"text": "\\ud800"}', "headers": {"content-type": "application/json"}},
                 {400}, id="a lone surrogate"),  # fmt: skip
    pytest.param("post", "/v1/check", {"content": b'{"text": "x"}', "headers": {"content-type": "text/plain"}}, {415},
                 id="a text/plain post"),  # fmt: skip
    pytest.param("post", "/check", {"data": {"text": "x"}, "headers": {"origin": "https://elsewhere.example"}}, {403},
                 id="a post from another site"),  # fmt: skip
    pytest.param("post", "/v1/check", {"json": {"text": "x", "sources": ["http://127.0.0.1:9/intranet"]}}, {200},
                 id="a private address, refused inside the report"),  # fmt: skip
]


@pytest.fixture(scope="module")
def plain_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("service")
    port = free_port()
    with running(serve_command(port, "--time-limit", "20"), port, folder / "cache") as url:
        yield url


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("method", "path", "kwargs", "statuses"), ATTACKS)
def test_each_attack_gets_a_4xx_or_a_bounded_report_and_the_service_stays_responsive(
    plain_service: str, method: str, path: str, kwargs: dict[str, Any], statuses: set[int]
) -> None:
    # httpx's timeout bounds the wait: an attack that pinned the service would fail here.
    answer = httpx.request(method.upper(), plain_service + path, timeout=60, trust_env=False, **kwargs)
    assert answer.status_code in statuses, answer.text[:200]
    if path == "/v1/check" and answer.status_code == 200 and "sources" in kwargs.get("json", {}):
        assert answer.json()["sources"][0]["status"] == "blocked"
    draft = {"text": "“The ferry runs all winter,” said Ana Reyes."}
    normal = httpx.post(f"{plain_service}/v1/check", json=draft, timeout=30, trust_env=False)
    assert normal.status_code == 200
