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
