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


def pid_of(k: int) -> tuple[int, int]:
    return k, os.getpid()


@linux_only
def test_share_gives_one_value_per_item_in_order_made_by_either_process() -> None:
    here = os.getpid()
    shared = forked.share(pid_of, 200, child_first=lambda: None, child_last=os.getpid)
    assert [k for k, _ in shared.values] == list(range(200))
    assert shared.child_done and shared.child_last not in (None, here)  # the child's pid: child_last ran there
    assert {pid for _, pid in shared.values} <= {here, shared.child_last}


@linux_only
def test_share_hands_every_item_to_this_process_while_the_child_is_busy_first() -> None:
    """The child is held in ``child_first`` until this process has taken the last item."""
    go_read, go_write = os.pipe()
    try:

        def work(k: int) -> tuple[int, int]:
            if k == 19:
                os.write(go_write, b"x")
            return pid_of(k)

        shared = forked.share(work, 20, child_first=lambda: os.read(go_read, 1), child_last=lambda: "done")
    finally:
        os.close(go_read)
        os.close(go_write)
    assert shared.child_last == "done"
    assert shared.child_done  # it took no item, but it ran to the end
    assert {pid for _, pid in shared.values} == {os.getpid()}


@linux_only
def test_share_hands_the_rest_to_the_child_while_this_process_is_busy() -> None:
    """This process is held in its first item until the child has found no work left (and the
    child starts taking items only once this process holds one: else it could take them all)."""
    here = os.getpid()
    go_read, go_write = os.pipe()
    held_read, held_write = os.pipe()
    try:

        def work(k: int) -> tuple[int, int]:
            if os.getpid() == here:
                os.write(held_write, b"x")
                os.read(go_read, 1)
            return pid_of(k)

        shared = forked.share(
            work, 30, child_first=lambda: os.read(held_read, 1), child_last=lambda: os.write(go_write, b"x")
        )
    finally:
        for fd in (go_read, go_write, held_read, held_write):
            os.close(fd)
    assert [k for k, _ in shared.values] == list(range(30))
    assert sum(pid == here for _, pid in shared.values) == 1  # the child made the other 29


@linux_only
def test_share_redoes_here_what_a_failed_child_took() -> None:
    """This process waits in its first item until the child, having taken the others, is dead."""
    here = os.getpid()
    go_read, go_write = os.pipe()
    waited: list[bytes] = []

    def work(k: int) -> tuple[int, int]:
        if os.getpid() != here:
            if k >= 5:
                os.kill(os.getpid(), signal.SIGKILL)  # the child dies holding an item
        elif not waited:
            os.close(go_write)  # now only the child holds the pipe open: it reads empty once the child is gone
            waited.append(os.read(go_read, 1))
        return pid_of(k)

    try:
        shared = forked.share(work, 50, child_last=lambda: "never sent")
    finally:
        os.close(go_read)
    assert waited == [b""]
    assert [k for k, _ in shared.values] == list(range(50))
    assert {pid for _, pid in shared.values} == {here}
    assert shared.child_last is None and not shared.child_done


@linux_only
def test_share_does_everything_here_when_no_child_can_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    ran_first: list[int] = []
    shared = forked.share(pid_of, 7, child_first=lambda: ran_first.append(1), child_last=lambda: "x")
    assert shared.values == [(k, os.getpid()) for k in range(7)]
    assert (shared.child_done, shared.child_last, ran_first) == (False, None, [])


@linux_only
@pytest.mark.parametrize("count", [0, 1, 2047, 2048, 2049, 5000])
def test_share_covers_every_item_once_at_any_count(count: int, forks: list[int]) -> None:
    """Past 2,048 items the pipe's tokens stand for groups of items: still each item once."""
    here = os.getpid()
    calls: list[int] = []

    def work(k: int) -> tuple[int, int]:
        calls.append(k)  # this process's calls only: the child's list is its own copy
        return k * k, os.getpid()

    shared = forked.share(work, count)
    assert [square for square, _ in shared.values] == [k * k for k in range(count)]
    by_child = [k for k, (_, pid) in enumerate(shared.values) if pid != here]
    assert sorted(calls + by_child) == list(range(count))
    assert len(forks) == (1 if count else 0)


@linux_only
def test_children_that_sent_their_value_are_reaped_by_the_next_fork_or_at_exit() -> None:
    """``result`` does not wait for the child to exit; no child is left a zombie for long."""
    with forked.Forked(os.getpid) as first:
        first_pid = first.result()
    assert first_pid in forked._EXITING
    with forked.Forked(os.getpid) as second:  # making it reaps the first, once that has exited
        second_pid = second.result()
    forked._reap_all()  # what exit does
    assert forked._EXITING == []
    for pid in (first_pid, second_pid):
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@linux_only
def test_share_says_the_child_finished_even_with_nothing_to_send_back() -> None:
    shared = forked.share(pid_of, 10)
    assert shared.child_done and shared.child_last is None
    assert [k for k, _ in shared.values] == list(range(10))
