"""Part of a computation in a forked copy of this process: the second core, without a pool.

Indexing thousands of source texts and matching hundreds of claims are pure Python and
CPU-bound; a check is one short-lived process, so a worker pool (which starts interpreters and
pickles every input across) costs more than it saves. A fork shares the inputs copy-on-write,
starts in a few milliseconds, and only the result travels back, pickled through an anonymous
in-memory file. Work made of many items (texts to index, claims to match) is shared through a
queue (``share``): each process takes the next item whenever it is free, so neither waits long
for the other, whichever core is slower at the time.

Forking is used only where it is safe and useful: on Linux (elsewhere a fork without exec is
unsafe or missing), with two or more usable cores, and only while the process runs a single
thread (a fork copies just the calling thread; a lock held by another one would stay held in
the child forever). ``VERIFY_NO_FORK=1`` turns it off. The callers fall back to doing the
work themselves whenever the child fails, so a fork can only change how long a check takes,
never what it finds.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Generic, TypeVar

E = TypeVar("E")
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
        _reap_exited()
        # The child writes its pickled value to an anonymous in-memory file rather than a pipe,
        # so it never waits for this side to read; this side maps the file and reads the value
        # from it in place. A byte on a pipe then says the value is there: this side need not
        # wait for the child to exit (tearing down a large copy of this process takes a few ms).
        try:
            self._file = os.memfd_create("verify-forked", os.MFD_CLOEXEC)
        except (AttributeError, OSError) as error:
            raise ForkFailed(f"no in-memory file for the child's result: {error}") from error
        try:
            self._ready, ready = os.pipe()
        except OSError as error:
            os.close(self._file)
            raise ForkFailed(f"no pipe for the child's signal: {error}") from error
        try:
            pid = os.fork()
        except OSError as error:  # no memory or process slots left: do the work here
            for fd in (self._file, self._ready, ready):
                os.close(fd)
            raise ForkFailed(f"cannot fork: {error}") from error
        if pid == 0:  # the child: never returns, never runs the parent's exit handlers
            status = 1
            try:
                try:
                    value = work()
                    # Written straight to the file: a pickled bytes copy of a large value would
                    # be as large again in fresh memory.
                    with open(self._file, "wb", closefd=False) as out:
                        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
                    status = 0
                except BaseException:  # noqa: BLE001 - any failure means "parent, do it yourself"
                    pass
                os.write(ready, bytes([status]))
            finally:
                os._exit(status)
        os.close(ready)  # this side's copy: if the child dies, reading the pipe finds it closed
        self._pid = pid
        self._done = False

    def result(self) -> T:
        """The child's value; ``ForkFailed`` if it has none to give."""
        if self._done:
            raise ForkFailed("the result was already collected")
        self._done = True
        try:
            signal_byte = os.read(self._ready, 1)  # nothing at all: the child died before writing it
        finally:
            os.close(self._ready)
        try:
            if signal_byte != b"\x00":
                _, status = os.waitpid(self._pid, 0)
                raise ForkFailed(f"the child process failed (exit status {status})")
            _EXITING.append(self._pid)  # reaped later: its value is all this side needs
            size = os.fstat(self._file).st_size
            if size == 0:
                raise ForkFailed("the child's result is empty")
            import mmap  # here, not before the first fork: see the note on imports in verify.pipeline

            with mmap.mmap(self._file, size, prot=mmap.PROT_READ) as written:
                try:
                    value: T = pickle.loads(written)
                except Exception as error:  # a truncated or corrupt payload
                    raise ForkFailed(f"the child's result could not be read: {error}") from error
        finally:
            os.close(self._file)
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
        os.close(self._ready)
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)


# Children that have sent their value and may still be exiting: reaped without waiting when the
# next child is made, so that a long-lived process (a ``--jobs`` worker) never gathers zombies,
# and waited for at exit, so that none outlives this process (and their CPU time counts in its
# children's, as a benchmark reads it).
_EXITING: list[int] = []


@atexit.register
def _reap_all() -> None:
    for pid in _EXITING:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    _EXITING.clear()


def _reap_exited() -> None:
    for pid in list(_EXITING):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # reaped already (by someone else's wait)
            done = pid
        if done:
            _EXITING.remove(pid)


# ``share`` hands out work through a pipe holding one token per group of items, all written
# before the fork: reading one token takes the next group, atomically, in whichever process asks
# first. Tokens are two bytes and at most 2,048, so they fill at most 4,096 bytes: one page,
# the least a Linux pipe holds, and PIPE_BUF, so they go in with one write that cannot block.
_TOKEN_BYTES = 2
_MAX_TOKENS = 2048


@dataclass(frozen=True)
class Shared(Generic[T, E]):
    """What ``share`` gives back."""

    values: list[T]  # work(k) for every item k, in order
    child_done: bool  # a child ran to the end and its part came back (it may have taken no item)
    child_last: E | None  # the child's ``child_last()``; None if none was given or no child helped


def share(
    work: Callable[[int], T],
    count: int,
    *,
    child_first: Callable[[], object] | None = None,
    child_last: Callable[[], E] | None = None,
) -> Shared[T, E]:
    """``work(k)`` for k in ``range(count)``, each item done by whichever of this process and a
    forked child is free first, so that neither waits long for the other however costs fall.

    The child runs ``child_first()`` before it takes an item (work that should not hold this
    process up) and sends back ``child_last()`` (say, what its items built up) with its values.
    If no child can start, or it fails, this process does every item the child did not give
    back, ``child_done`` is False and ``child_last`` None: whether ``child_first`` ran is then
    unknown, and the caller decides whether to do it here. The caller decides first whether
    forking is safe (``can_fork``).
    """
    per_token = max(1, -(-count // _MAX_TOKENS))
    queue = _work_queue(-(-count // per_token)) if count else None

    def take() -> range | None:
        token = os.read(queue, _TOKEN_BYTES) if queue is not None else b""
        if len(token) < _TOKEN_BYTES:  # empty, and nobody can write to it: no work left
            return None
        first = int.from_bytes(token, "little") * per_token
        return range(first, min(count, first + per_token))

    def child_part() -> tuple[dict[int, T], E | None]:
        if child_first is not None:
            child_first()
        done = {k: work(k) for items in iter(take, None) for k in items}
        return done, child_last() if child_last is not None else None

    values: dict[int, T] = {}
    theirs: dict[int, T] = {}
    last: E | None = None
    done = False
    try:
        child = Forked(child_part) if queue is not None else None
    except ForkFailed:
        child = None
    try:
        with child or contextlib.nullcontext():
            values = {k: work(k) for items in iter(take, None) for k in items}
            if child is not None:
                with contextlib.suppress(ForkFailed):
                    theirs, last = child.result()
                    done = True
    finally:
        if queue is not None:
            os.close(queue)
    values.update(theirs)
    for k in range(count):  # the items a failed child took and never gave back
        if k not in values:
            values[k] = work(k)
    return Shared([values[k] for k in range(count)], done, last)


def _work_queue(tokens: int) -> int | None:
    """The read end of a pipe holding ``tokens`` tokens (0, 1, 2, …), or None if none can be made."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        os.set_blocking(write_end, False)  # a pipe too small fails here rather than hanging
        os.write(write_end, b"".join(k.to_bytes(_TOKEN_BYTES, "little") for k in range(tokens)))
    except OSError:
        os.close(read_end)
        return None
    finally:
        os.close(write_end)  # a reader finding the pipe empty then reads nothing: no more work
    return read_end
