"""The progress display: shown on a terminal when asked for, silent otherwise."""

from __future__ import annotations

import io

import pytest

from verify.sources.progress import FetchProgress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("enabled", "stream", "total", "shown"),
    [
        (True, FakeTerminal(), 3, True),
        (False, FakeTerminal(), 3, False),  # not asked for
        (True, io.StringIO(), 3, False),  # a pipe or a file: stay silent
        (True, FakeTerminal(), 0, False),  # nothing to fetch
    ],
)
def test_progress_is_shown_only_on_a_terminal_when_asked(
    enabled: bool, stream: io.StringIO, total: int, shown: bool
) -> None:
    with FetchProgress(total, enabled=enabled, stream=stream) as bar:
        assert bar.shown is shown
        for i in range(total):
            bar.advance(f"https://news.example/{i}", "ok")
    assert (stream.getvalue() != "") is shown


@pytest.mark.parametrize(
    ("started", "finished", "text"),
    [
        pytest.param({}, [], "", id="nothing in flight"),
        pytest.param({"https://a.example/1": 90.0}, [], "waiting 10 s for https://a.example/1", id="one slow source"),
        pytest.param({"https://a.example/1": 95.0, "https://b.example/2": 88.0, "https://c.example/3": 99.0}, [],
                     "waiting 12 s for https://b.example/2 (+2 more)", id="longest first"),  # fmt: skip
        pytest.param({"https://a.example/1": 95.0, "https://b.example/2": 88.0}, ["https://b.example/2"],
                     "waiting 5 s for https://a.example/1", id="answered is done"),  # fmt: skip
    ],
)
def test_the_display_names_the_source_it_waits_on_longest(
    started: dict[str, float], finished: list[str], text: str
) -> None:
    bar = FetchProgress(len(started) or 1, enabled=True, stream=FakeTerminal())
    for location, at in started.items():
        bar.started(location, at)
    for location in finished:
        bar.advance(location, "ok")
    assert bar.waiting_text(now=100.0) == text
