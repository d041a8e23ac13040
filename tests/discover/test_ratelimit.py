"""The limiter on a fake clock: spacing, windows, 429 back-off, giving up, Retry-After."""

from __future__ import annotations

import threading

import pytest

from tests.discover.apis import FakeClock
from verify.discover.ratelimit import Limiter, RateLimit, duration, retry_after_seconds
from verify.discover.types import BackendFailure


def run(limiter: Limiter, clock: FakeClock, requests: int, takes: float = 0.0) -> list[float]:
    """Start times of ``requests`` requests that each take ``takes`` seconds."""
    starts = []
    for _ in range(requests):
        with limiter.turn():
            starts.append(clock.monotonic())
            clock.now += takes
    return starts


@pytest.mark.parametrize(
    ("limit", "requests", "takes", "expected_starts"),
    [
        pytest.param(RateLimit(), 3, 0.0, [0, 0, 0], id="no limit: no wait"),
        pytest.param(RateLimit(min_interval=5), 3, 0.0, [0, 5, 10], id="5 s apart"),
        pytest.param(RateLimit(min_interval=5), 3, 2.0, [0, 7, 14], id="5 s from the end of a slow answer"),
        pytest.param(RateLimit(per_window=2, window=60), 5, 1.0, [0, 1, 60, 61, 120], id="2 a minute"),
        pytest.param(
            RateLimit(min_interval=1, per_window=3, window=10), 5, 0.0, [0, 1, 2, 10, 11], id="spacing and window"
        ),
    ],
)
def test_requests_wait_for_their_slot(
    limit: RateLimit, requests: int, takes: float, expected_starts: list[float], clock: FakeClock
) -> None:
    starts = run(Limiter("x", limit, clock), clock, requests, takes)
    assert [s - 1000.0 for s in starts] == expected_starts


def test_twenty_four_a_minute_means_the_twenty_fifth_waits_for_the_first_to_age(clock: FakeClock) -> None:
    limiter = Limiter("wayback", RateLimit(per_window=24, window=60), clock)
    starts = run(limiter, clock, 25)
    assert starts[23] == 1000.0 and starts[24] == 1060.0
    assert clock.sleeps == [60.0]


@pytest.mark.parametrize(
    ("retry_afters", "expected_sleeps"),
    [
        pytest.param([7.0], [7.0], id="Retry-After honoured"),
        pytest.param([None], [60.0], id="default back-off without Retry-After"),
        pytest.param([None, None], [60.0, 120.0], id="back-off doubles"),
        pytest.param([None, 5.0], [60.0, 5.0], id="a given Retry-After wins over the back-off"),
    ],
)
def test_a_429_holds_the_next_request(
    retry_afters: list[float | None], expected_sleeps: list[float], clock: FakeClock
) -> None:
    limiter = Limiter("x", RateLimit(max_429s=5, backoff=60.0), clock)
    for retry_after in retry_afters:
        with limiter.turn():
            pass
        limiter.throttled(retry_after)
    with limiter.turn():
        pass
    assert clock.sleeps == expected_sleeps


def test_after_max_429s_the_run_stops_asking(clock: FakeClock) -> None:
    limiter = Limiter("gdelt", RateLimit(max_429s=2, backoff=1), clock, give_up_reason="stopped for this run")
    limiter.throttled(None)
    with pytest.raises(BackendFailure, match="stopped for this run"):
        limiter.throttled(None)
    asked = []
    with pytest.raises(BackendFailure, match="stopped for this run"):
        with limiter.turn():
            asked.append(1)
    assert asked == [] and limiter.gave_up


def test_a_wait_past_max_wait_fails_instead_of_stalling_the_check(clock: FakeClock) -> None:
    limiter = Limiter("x", RateLimit(max_wait=300), clock)
    with pytest.raises(BackendFailure, match="rate-limited for 1 h"):
        limiter.throttled(3600)
    assert clock.sleeps == []


def test_hold_delays_the_next_request(clock: FakeClock) -> None:
    limiter = Limiter("x", RateLimit(), clock)
    limiter.hold(1.5)
    run(limiter, clock, 1)
    assert clock.sleeps == [1.5] and limiter.waited == 1.5


def test_one_request_at_a_time(clock: FakeClock) -> None:
    limiter = Limiter("x", RateLimit(), clock)
    inside, most = [0], [0]
    lock = threading.Lock()

    def ask() -> None:
        for _ in range(50):
            with limiter.turn():
                with lock:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                with lock:
                    inside[0] -= 1

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1


@pytest.mark.parametrize(
    ("value", "date_header", "expected"),
    [
        pytest.param("120", None, 120.0, id="seconds"),
        pytest.param(" 7 ", None, 7.0, id="seconds with spaces"),
        pytest.param("Sun, 06 Dec 2026 07:01:00 GMT", "Sun, 06 Dec 2026 07:00:30 GMT", 30.0, id="HTTP date"),
        pytest.param("Sun, 06 Dec 2026 06:59:00 GMT", "Sun, 06 Dec 2026 07:00:00 GMT", 0.0, id="HTTP date passed"),
        pytest.param("soon", None, None, id="unreadable"),
        pytest.param(None, None, None, id="absent"),
        pytest.param("-5", None, None, id="negative"),
    ],
)
def test_retry_after(value: str | None, date_header: str | None, expected: float | None) -> None:
    assert retry_after_seconds(value, date_header) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(45, "45 s"), (600, "10 min"), (3 * 3600, "3 h"), (1_419_704, "16 days")],
)
def test_duration(seconds: float, expected: str) -> None:
    assert duration(seconds) == expected
