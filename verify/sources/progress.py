"""A progress bar on standard error while sources are fetched, only for a person watching.

Shown when asked for and standard error is a terminal; otherwise every call is a no-op,
so logs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class FetchProgress:
    """``with FetchProgress(total, enabled=…) as bar: bar.advance(url, status)``."""

    def __init__(
        self, total: int, *, enabled: bool, stream: TextIO | None = None, label: str = "fetching sources"
    ) -> None:
        stream = stream if stream is not None else sys.stderr
        self._progress: Progress | None = None
        self._task_id: TaskID | None = None
        self._waiting: dict[str, float] = {}  # location -> when its fetch started
        if enabled and total > 0 and _is_terminal(stream):
            # rich is loaded only when a bar is shown: a piped or scripted run never pays for it
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=Console(file=stream),
                transient=True,
            )
            self._task_id = self._progress.add_task("", total=total)

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def __enter__(self) -> FetchProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def started(self, location: str, at: float) -> None:
        """``location`` is being fetched since ``at`` (a monotonic time)."""
        self._waiting[location] = at

    def advance(self, location: str, status: str) -> None:
        self._waiting.pop(location, None)
        if self._progress is not None and self._task_id is not None:
            description = self.waiting_text() or f"{status}: {_short(location)}"
            self._progress.update(self._task_id, advance=1, description=description)

    def waiting_text(self, now: float | None = None) -> str:
        """The source waited on longest, and for how long: what a person watching wants to know."""
        if not self._waiting:
            return ""
        location, since = min(self._waiting.items(), key=lambda item: item[1])
        seconds = (time.monotonic() if now is None else now) - since
        more = f" (+{len(self._waiting) - 1} more)" if len(self._waiting) > 1 else ""
        return f"waiting {seconds:.0f} s for {_short(location)}{more}"

    def refresh(self) -> None:
        """Say again which source is slow (called while waiting, between answers)."""
        if self._progress is not None and self._task_id is not None and self._waiting:
            self._progress.update(self._task_id, description=self.waiting_text())


def _short(location: str) -> str:
    return location if len(location) <= 60 else location[:57] + "…"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
