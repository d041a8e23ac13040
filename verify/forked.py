"""Part of a computation in a forked copy of this process: the second core, without a pool.

Indexing thousands of source texts and matching hundreds of claims are pure Python and
CPU-bound; a check is one short-lived process, so a worker pool (which starts interpreters and
pickles every input across) costs more than it saves. A fork shares the inputs copy-on-write,
starts in a few milliseconds, and only the result travels back, pickled through an anonymous
in-memory file.

Forking is used only where it is safe and useful: on Linux (elsewhere a fork without exec is
unsafe or missing), with two or more usable cores, and only while the process runs a single
thread (a fork copies just the calling thread; a lock held by another one would stay held in
the child forever). ``VERIFY_NO_FORK=1`` turns it off. The callers fall back to doing the
work themselves whenever the child fails, so a fork can only change how long a check takes,
never what it finds.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")


class ForkFailed(Exception):
    """The child died, raised, or sent back something unreadable: do its part here instead."""


def can_fork() -> bool:
    """Whether splitting work with a forked child is safe and can help on this machine now."""
    if os.environ.get("VERIFY_NO_FORK") or sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    try:
        if len(os.sched_getaffinity(0)) < 2:
            return False
    except OSError:
        return False
    threading = sys.modules.get("threading")  # not imported: no thread was ever started by it
    return threading is None or threading.active_count() == 1


class Forked(Generic[T]):
    """``work()`` running in a forked child from the moment this is made.

    Use it as a context manager: ``result()`` waits for the child's value; leaving the block
    without collecting it (an error on this side) kills and reaps the child. Making one raises
    ``ForkFailed`` when no child can be started (out of memory or process slots).
    """

    def __init__(self, work: Callable[[], T]) -> None:
        # The child writes its pickled value to an anonymous in-memory file rather than a pipe,
        # so it never waits for this side to read, and this side reads it in one go.
        try:
            self._file = os.memfd_create("verify-forked", os.MFD_CLOEXEC)
        except (AttributeError, OSError) as error:
            raise ForkFailed(f"no in-memory file for the child's result: {error}") from error
        try:
            pid = os.fork()
        except OSError as error:  # no memory or process slots left: do the work here
            os.close(self._file)
            raise ForkFailed(f"cannot fork: {error}") from error
        if pid == 0:  # the child: never returns, never runs the parent's exit handlers
            status = 0
            try:
                try:
                    payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 - any failure means "parent, do it yourself"
                    payload, status = b"", 1
                with open(self._file, "wb", closefd=False) as out:
                    out.write(payload)
            finally:
                os._exit(status)
        self._pid = pid
        self._done = False

    def result(self) -> T:
        """The child's value; ``ForkFailed`` if it has none to give."""
        if self._done:
            raise ForkFailed("the result was already collected")
        self._done = True
        _, status = os.waitpid(self._pid, 0)
        with open(self._file, "rb") as written:  # closes the in-memory file too
            written.seek(0)  # the child's writes moved the offset both processes share
            payload = written.read()
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            raise ForkFailed(f"the child process ended with status {status}")
        try:
            value: T = pickle.loads(payload)
        except Exception as error:  # a truncated or corrupt payload
            raise ForkFailed(f"the child's result could not be read: {error}") from error
        return value

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._done:
            return
        self._done = True
        os.close(self._file)
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)


def in_two(work: Callable[[S], T], mine: S, theirs: S) -> tuple[T, T]:
    """``work(mine)`` here while a forked child computes ``work(theirs)``; both values.

    If the child fails, its part is done here afterwards: the values are the same either way.
    The caller decides first whether forking is safe (``can_fork``).
    """
    try:
        child = Forked(lambda: work(theirs))
    except ForkFailed:
        return work(mine), work(theirs)
    with child:
        here = work(mine)
        try:
            there = child.result()
        except ForkFailed:
            there = work(theirs)
    return here, there


def alternate(work: Callable[[Sequence[S]], list[T]], items: Sequence[S]) -> list[T]:
    """``work`` over ``items`` with every other item done by a forked child; one value per item,
    in order. Neighbouring items often cost alike, so the halves come out even."""
    evens, odds = in_two(work, items[0::2], items[1::2])
    return [evens[k // 2] if k % 2 == 0 else odds[k // 2] for k in range(len(items))]
