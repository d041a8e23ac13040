"""verify.forked: part of the work in a forked child, and every way that child can fail."""

from __future__ import annotations

import os
import signal
import sys
import threading
from dataclasses import dataclass

import pytest

from verify import forked

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="verify forks only on Linux")
# The "no fork when ..." tests mean something only where forking is otherwise allowed.
can_fork_here = pytest.mark.skipif(not forked.can_fork(), reason="forking is not allowed here anyway")


@dataclass(frozen=True)
class Tally:
    words: tuple[str, ...]
    pid: int


def tally(text: str) -> Tally:
    return Tally(tuple(text.split()), os.getpid())


@can_fork_here
def test_no_fork_when_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_NO_FORK", "1")
    assert not forked.can_fork()


@can_fork_here
def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not forked.can_fork()
    finally:
        release.set()
        other.join()


@can_fork_here
def test_no_fork_with_a_single_usable_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not forked.can_fork()


@linux_only
def test_the_child_computes_in_another_process_and_sends_its_value_back() -> None:
    with forked.Forked(lambda: tally("the pier will reopen")) as child:
        value = child.result()
    assert value.words == ("the", "pier", "will", "reopen")
    assert value.pid != os.getpid()


@linux_only
@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(lambda: 1 / 0, id="raises"),
        pytest.param(lambda: os.kill(os.getpid(), signal.SIGKILL), id="killed"),
        pytest.param(lambda: threading.Lock(), id="unpicklable value"),
        pytest.param(lambda: sys.exit(0), id="exits"),
    ],
)
def test_a_child_that_fails_raises_fork_failed(failure: object) -> None:
    with forked.Forked(failure) as child, pytest.raises(forked.ForkFailed):  # type: ignore[arg-type]
        child.result()


@linux_only
def test_a_failed_child_leaves_its_part_to_the_parent() -> None:
    parent = os.getpid()

    def only_here(text: str) -> Tally:
        if os.getpid() != parent:
            raise RuntimeError("the child gives up")
        return tally(text)

    mine, theirs = forked.in_two(only_here, "a b", "c d e")
    assert (mine.words, theirs.words) == (("a", "b"), ("c", "d", "e"))
    assert mine.pid == theirs.pid == parent


@linux_only
def test_in_two_gives_both_values_in_order() -> None:
    mine, theirs = forked.in_two(tally, "a b", "c d e")
    assert (mine.words, theirs.words) == (("a", "b"), ("c", "d", "e"))
    assert mine.pid == os.getpid() != theirs.pid


@linux_only
def test_alternate_gives_one_value_per_item_in_order_half_from_the_child() -> None:
    def pids(part: list[str]) -> list[tuple[str, int]]:
        return [(item, os.getpid()) for item in part]

    for items in (["a"], ["a", "b", "c", "d", "e"], [str(k) for k in range(6)]):
        done = forked.alternate(pids, items)
        assert [item for item, _ in done] == items
        assert {pid for _, pid in done[0::2]} == {os.getpid()}
        if len(items) > 1:
            assert {pid for _, pid in done[1::2]} != {os.getpid()}


@linux_only
def test_leaving_without_collecting_kills_and_reaps_the_child() -> None:
    def forever() -> None:
        threading.Event().wait()

    with pytest.raises(KeyError), forked.Forked(forever) as child:
        pid = child._pid
        raise KeyError("an error on the parent's side")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already reaped: no zombie left behind


@linux_only
def test_when_no_child_can_be_started_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    with pytest.raises(forked.ForkFailed):
        forked.Forked(lambda: tally("x"))
    mine, theirs = forked.in_two(tally, "a b", "c")
    assert (mine.words, theirs.words) == (("a", "b"), ("c",))
    assert mine.pid == theirs.pid == os.getpid()
