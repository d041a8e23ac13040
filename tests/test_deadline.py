"""A check's time limit: a deadline polled between stages, sources and claims, so a check that
nobody waits for any more (a service request answered 504) stops on its own.
"""

from __future__ import annotations

import math
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import verify
from tests.helpers import DRAFT, serving, stalling
from verify.deadline import NO_DEADLINE, Deadline
from verify.errors import CheckTimeout, InputError
from verify.match import match_claims
from verify.model import Claim, ClaimKind, SourceText, Span

SOURCE = SourceText("S1", "The harbour master said the pier would open in spring. The ferry runs all winter.")


@pytest.mark.parametrize(
    ("seconds", "passed_now", "passed_later"),
    [
        pytest.param(None, False, False, id="no limit never passes"),
        pytest.param(0.05, False, True, id="a short limit passes"),
        pytest.param(3600.0, False, False, id="a long limit has not passed"),
    ],
)
def test_a_deadline_passes_after_its_limit(seconds: float | None, passed_now: bool, passed_later: bool) -> None:
    deadline = Deadline.after(seconds)
    assert deadline.passed() is passed_now
    deadline.poll()  # returns quietly while time is left
    time.sleep(0.1)
    assert deadline.passed() is passed_later
    if passed_later:
        with pytest.raises(CheckTimeout, match="time limit of 0.05 s"):
            deadline.poll()
        assert deadline.remaining() == 0 and deadline.cap(60) == 0
    else:
        assert deadline.cap(60) == 60


def test_no_deadline_has_all_the_time_there_is() -> None:
    assert NO_DEADLINE.remaining() == math.inf and not NO_DEADLINE.passed()


@pytest.mark.parametrize("seconds", [0, -1, math.nan])
def test_a_limit_that_is_not_a_positive_number_is_an_input_error(seconds: float) -> None:
    with pytest.raises(InputError, match="positive number"):
        Deadline.after(seconds)


@dataclass(frozen=True)
class PollsAllowed(Deadline):
    """A deadline that passes after ``allowed`` polls, recording each poll."""

    allowed: int = 0
    polls: list[int] = field(default_factory=list)

    def poll(self) -> None:
        self.polls.append(len(self.polls))
        if len(self.polls) > self.allowed:
            raise CheckTimeout("over")


def _claims(count: int) -> list[Claim]:
    text = "the pier would open in spring"
    return [Claim(f"C{n}", ClaimKind.DIRECT, text, Span(0, len(text)), 0, None, "said", None) for n in range(count)]


@pytest.mark.parametrize(
    ("claims", "allowed", "stops", "polls"),
    [
        pytest.param(3, 10, False, 3, id="time for every claim: one poll each"),
        pytest.param(3, 3, False, 3, id="just enough"),
        pytest.param(3, 1, True, 2, id="stops at the second claim"),
        pytest.param(3, 0, True, 1, id="stops before the first claim"),
    ],
)
def test_match_claims_polls_once_per_claim(claims: int, allowed: int, stops: bool, polls: int) -> None:
    deadline = PollsAllowed(allowed=allowed)
    if stops:
        with pytest.raises(CheckTimeout):
            match_claims(_claims(claims), [SOURCE], deadline=deadline)
    else:
        results = match_claims(_claims(claims), [SOURCE], deadline=deadline)
        assert [r.verdict.value if r.verdict else None for r in results] == ["confirmed"] * claims
    assert len(deadline.polls) == polls


def test_a_check_within_its_limit_is_unchanged(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(SOURCE.text, encoding="utf-8")
    draft = "“The pier would open in spring,” the harbour master said.\n"
    options = verify.Options(offline=True, cache_dir=tmp_path / "cache")
    plain = verify.check(text=draft, sources=[str(page)], options=options)
    limited = verify.check(text=draft, sources=[str(page)], options=verify.Options(time_limit=60, **_fields(options)))
    assert [r.verdict for r in limited.results] == [r.verdict for r in plain.results] != []


def _fields(options: verify.Options) -> dict[str, object]:
    return {"offline": options.offline, "cache_dir": options.cache_dir}


@pytest.mark.network
@pytest.mark.timeout(120)
def test_a_check_stops_at_its_limit_while_its_sources_stall(tmp_path: Path) -> None:
    release = threading.Event()
    with serving() as server:
        server.routes["/stall-1"] = stalling(release)
        server.routes["/stall-2"] = stalling(release)
        # One request at a time, so the second source would start only after the first gives up.
        options = verify.Options(
            allow_private=True, cache_dir=tmp_path, time_limit=1.0, limits=verify.Limits(concurrency=1)
        )
        started = time.monotonic()
        try:
            with pytest.raises(CheckTimeout, match="time limit of 1 s"):
                verify.check(text=DRAFT, sources=[server.url("/stall-1"), server.url("/stall-2")], options=options)
            elapsed = time.monotonic() - started
        finally:
            release.set()
    # Each source alone may take 60 s (20 s between bytes): far below that means it was cut.
    assert elapsed < 15
    assert server.count("/stall-1") == 1
    assert server.count("/stall-2") == 0  # nothing starts after the limit


@pytest.mark.network
@pytest.mark.timeout(120)
def test_the_command_stops_at_its_time_limit_with_one_line_and_status_2(
    tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    release = threading.Event()
    with serving() as server:
        server.routes["/stall"] = stalling(release)
        try:
            done = run_cli(
                "check", str(draft), "--source", server.url("/stall"), "--allow-private", "--time-limit", "1"
            )
        finally:
            release.set()
    assert done.returncode == 2
    assert done.stderr.strip() == "verify: the check took longer than its time limit of 1 s"
    assert done.stdout == ""


@pytest.mark.parametrize("value", ["0", "-3", "soon"])
def test_a_time_limit_that_is_not_a_positive_number_is_a_usage_error(
    value: str, tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    done = run_cli("check", str(draft), "--offline", "--time-limit", value)
    assert done.returncode == 2 and "--time-limit" in done.stderr and "Traceback" not in done.stderr
