"""Fixtures of the discovery tests: a clock that waits no real time, and the simulated web's APIs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.discover.apis import ApiEmulator, FakeClock, SimulatedWeb, emulating


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def apis() -> Iterator[ApiEmulator]:
    """The emulator over an empty simulated web; tests fill ``apis.web``."""
    with emulating(SimulatedWeb()) as emulator:
        yield emulator
