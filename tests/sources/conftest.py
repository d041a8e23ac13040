"""Fixtures for the source tests: a live server on 127.0.0.1, and backoff recorded instead of slept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import LiveServer, serving
from verify.sources import client


@pytest.fixture
def live_server() -> Iterator[LiveServer]:
    with serving() as server:
        yield server


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Backoff waits are recorded here instead of slept, so retry tests run instantly."""
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(client, "backoff_sleep", record)
    return recorded
