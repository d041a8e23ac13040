"""Indexing and matching split with a forked child give exactly what one process gives."""

from __future__ import annotations

import contextlib
import os
import select
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import verify.match.index as index_module
from verify import forked
from verify.match import match_claims
from verify.match.index import SourceIndex, words_key
from verify.match.reported import ReportedClaim
from verify.model import Claim, ClaimKind, ClaimResult, SourceText, Span

from .test_eval import eval_matching

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="this machine cannot fork for verify")

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_claims(name: str) -> tuple[list[SourceText], list[Claim]]:
    sources, pairs = eval_matching.load(FIXTURES / name)
    claims = [Claim(f"C{p.number}", p.kind, p.claim, Span(0, len(p.claim)), 0, None, "said", None) for p in pairs]
    return sources, claims


@contextlib.contextmanager
def indexing_in_both(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Makes a split index really split: one text a chunk, and this process holds its second
    text until the child has indexed one. Gives the numbers of the texts this process indexed."""
    here = os.getpid()
    signal_read, signal_write = os.pipe()
    mine: list[int] = []
    real_add = index_module._Indexer.add

    def add(self: index_module._Indexer, number: int, text: str, stored: str | None) -> tuple[str, str]:
        if os.getpid() != here:
            row = real_add(self, number, text, stored)
            os.write(signal_write, b"x")
            return row
        if len(mine) == 1:  # the child has started and taken a text, or the test fails here
            assert select.select([signal_read], [], [], 30)[0], "the child never indexed a text"
        mine.append(number)
        return real_add(self, number, text, stored)

    with monkeypatch.context() as patch:
        patch.setattr(index_module, "CHUNK_CHARS", 1)
        patch.setattr(index_module._Indexer, "add", add)
        try:
            yield mine
        finally:
            os.close(signal_read)
            os.close(signal_write)


def as_words(index: SourceIndex) -> tuple[object, ...]:
    """The index with every symbol read back as its word: symbol numbers may differ, words may not."""
    word_of = {symbol: word for word, symbol in index.vocab.items()}
    units = [(u.source_id, u.main, u.token_text, [word_of.get(s) for s in u.ids]) for u in index.units]
    holders = {word: index.units_of(symbol) for word, symbol in index.vocab.items()}
    return units, holders


@pytest.mark.parametrize("name", ["pairs.toml", "heldout.toml"])
def test_match_results_are_the_same_in_one_process_or_two(name: str, forks: list[int]) -> None:
    sources, claims = fixture_claims(name)
    alone = match_claims(claims, sources, parallel=False)
    assert forks == []
    split = match_claims(claims, sources, parallel=True)
    assert len(forks) == 2  # the index and the claims
    assert split == alone
    assert any(c.kind is ClaimKind.REPORTED for c in claims)  # stems are split across processes too


def test_the_index_is_the_same_in_one_process_or_two(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    sources, claims = fixture_claims("pairs.toml")
    statements = [ReportedClaim.parse(c.text) for c in claims if c.kind is ClaimKind.REPORTED]
    words = [w for c in claims for w in c.text.lower().split()]
    stems = {s for statement in statements for s in statement.stems}
    assert stems
    alone = SourceIndex(sources, words=words, stems=stems, parallel=False)
    with indexing_in_both(monkeypatch) as mine:
        split = SourceIndex(sources, words=words, stems=stems, parallel=True)
    assert 0 < len(mine) < len(split.units)
    assert len(forks) == 1
    assert as_words(split) == as_words(alone)
    for word_stem in stems:
        word_of = {symbol: word for word, symbol in split.vocab.items()}
        alone_of = {symbol: word for word, symbol in alone.vocab.items()}
        assert [word_of[s] for s in split.stem_ids(word_stem)] == [alone_of[s] for s in alone.stem_ids(word_stem)]


def test_a_child_that_fails_changes_nothing(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    sources, claims = fixture_claims("heldout.toml")
    alone = match_claims(claims, sources, parallel=False)

    def failing(self: forked.Forked[object]) -> object:
        raise forked.ForkFailed("as if the child had been killed")

    monkeypatch.setattr(forked.Forked, "result", failing)
    assert match_claims(claims, sources, parallel=True) == alone
    assert len(forks) == 2  # the index and the claims were both given to a child that failed


def test_small_checks_stay_in_one_process(forks: list[int]) -> None:
    sources, claims = fixture_claims("heldout.toml")
    match_claims(claims[:3], sources[:2])
    assert forks == []


def test_forking_is_never_tried_where_it_is_unsafe(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    sources, claims = fixture_claims("heldout.toml")
    match_claims(claims, sources, parallel=True)
    assert forks == []


def test_words_stored_by_a_split_index_serve_the_next_check(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from verify.sources.wordcache import WordCache

    sources, claims = fixture_claims("pairs.toml")
    words = [w for c in claims for w in c.text.lower().split()]
    store = WordCache(tmp_path)
    with indexing_in_both(monkeypatch) as mine:
        first = SourceIndex(sources, words=words, store=store, parallel=True)
    assert 0 < len(mine) < len(first.units)
    keys = [words_key(u.original) for u in first.units]
    # Nothing is saved while the index is built, by either process: save_words saves it all.
    assert store.load(keys) == {}
    first.save_words()
    stored = store.load(keys)
    assert sorted(stored.values()) == sorted(u.token_text for u in first.units)
    again = SourceIndex(sources, words=words, store=store, parallel=True)
    assert len(forks) == 2
    assert as_words(again) == as_words(first) == as_words(SourceIndex(sources, words=words, parallel=False))


@pytest.mark.parametrize("failure", [None, "no matching child", "both children fail"])
def test_match_claims_stores_the_words_of_every_text(
    failure: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    """The matching child saves the words both indexing processes found; without it, this process does."""
    from verify.sources.wordcache import WordCache

    real_init, real_result = forked.Forked.__init__, forked.Forked.result

    def init(self: forked.Forked[object], work: Callable[[], object]) -> None:
        if failure == "no matching child" and forks:  # the index's child was made: not the next one
            raise forked.ForkFailed("no process slots left")
        real_init(self, work)

    def result(self: forked.Forked[object]) -> object:
        value = real_result(self)  # the index's child ran, found words, and is collected
        if failure == "both children fail":
            raise forked.ForkFailed("as if the child had failed")
        return value

    sources, claims = fixture_claims("pairs.toml")
    plain = match_claims(claims, sources, parallel=False)
    monkeypatch.setattr(forked.Forked, "__init__", init)
    monkeypatch.setattr(forked.Forked, "result", result)
    store = WordCache(tmp_path)
    with indexing_in_both(monkeypatch):
        assert match_claims(claims, sources, word_store=store, parallel=True) == plain
    units = SourceIndex(sources).units
    stored = store.load([words_key(u.original) for u in units])
    assert sorted(stored.values()) == sorted(u.token_text for u in units)


@pytest.mark.parametrize("failure", ["no fork", "child killed", "child dies midway"])
def test_every_text_s_words_are_stored_when_the_child_cannot_help(
    failure: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the fork cannot start or the child dies, this process indexes and stores what it left."""
    import os

    from verify.sources.wordcache import WordCache

    here = os.getpid()

    def cannot(*args: object) -> None:
        raise forked.ForkFailed(failure)

    if failure == "child dies midway":
        real_normalize = index_module.normalize

        def normalize_then_die(text: str) -> object:
            if os.getpid() != here:
                os._exit(3)
            return real_normalize(text)

        monkeypatch.setattr(index_module, "normalize", normalize_then_die)
        monkeypatch.setattr(index_module, "CHUNK_CHARS", 1)  # one text a chunk: the child takes some
    else:
        monkeypatch.setattr(forked.Forked, "__init__" if failure == "no fork" else "result", cannot)
    sources, claims = fixture_claims("pairs.toml")
    words = [w for c in claims for w in c.text.lower().split()]
    store = WordCache(tmp_path)
    index = SourceIndex(sources, words=words, store=store, parallel=True)
    index.save_words()
    stored = store.load([words_key(u.original) for u in index.units])
    assert sorted(stored.values()) == sorted(u.token_text for u in index.units)
    assert as_words(index) == as_words(SourceIndex(sources, words=words, parallel=False))


@pytest.mark.parametrize("parallel", [False, True])
def test_the_finishing_step_runs_once_on_every_result_wherever_it_is_made(
    parallel: bool, forks: list[int]
) -> None:
    """``finish`` runs in the process that made the result: a child's finished results come back."""
    sources, claims = fixture_claims("pairs.toml")
    plain = match_claims(claims, sources, parallel=False)

    def finish(result: ClaimResult) -> ClaimResult:
        return replace(result, score=-1.0 if result.score is None else result.score + 1000)

    finished = match_claims(claims, sources, parallel=parallel, finish=finish)
    assert finished == tuple(finish(r) for r in plain)
    assert (len(forks) > 0) is parallel
