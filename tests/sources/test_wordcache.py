"""The word store: each source text's words kept in the cache between runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from verify.match import match_claims
from verify.match.index import SourceIndex, words_key
from verify.model import Claim, ClaimKind, SourceText, Span
from verify.sources.wordcache import FILE_NAME, WordCache

HARBOUR = SourceText(
    "S1",
    "The harbour master said on Monday that the north pier “will not reopen before spring”.\n\n"
    "Repairs will cost 1,200,000 crowns, the council’s engineers wrote in their report.",
    full_text="Harbour news. The harbour master said on Monday that the north pier “will not reopen "
    "before spring”. Weather: rain.",
)
BRIDGE = SourceText("S2", "The bridge stays shut. “We expect traffic by May,” the engineer said.")


def claim(kind: ClaimKind, text: str, cid: str) -> Claim:
    return Claim(cid, kind, text, Span(0, len(text)), 0, None, "said", None)


CLAIMS = [
    claim(ClaimKind.DIRECT, "will not reopen before spring", "C1"),
    claim(ClaimKind.DIRECT, "We expect traffic by June", "C2"),
    claim(ClaimKind.REPORTED, "repairs will cost 1,200,000 crowns", "C3"),
    claim(ClaimKind.PARTIAL, "Weather: rain", "C4"),
]


class CountingStore:
    """A store in memory that records what it was asked."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}
        self.loads = 0
        self.hits = 0

    def load(self, keys: Sequence[str]) -> dict[str, str]:
        self.loads += 1
        found = {k: self.entries[k] for k in keys if k in self.entries}
        self.hits += len(found)
        return found

    def save(self, entries: Mapping[str, str]) -> None:
        self.entries.update(entries)


def test_stored_words_give_the_same_results_and_are_read_on_the_second_run() -> None:
    plain = match_claims(CLAIMS, [HARBOUR, BRIDGE])
    store = CountingStore()
    first = match_claims(CLAIMS, [HARBOUR, BRIDGE], word_store=store)
    assert store.hits == 0 and len(store.entries) == 3  # two main texts and one full page text
    second = match_claims(CLAIMS, [HARBOUR, BRIDGE], word_store=store)
    assert store.hits == 3
    assert plain == first == second
    assert [r.verdict.value if r.verdict else None for r in second] == ["confirmed", "paraphrased", "paraphrased",
                                                                        "confirmed"]  # fmt: skip


def test_units_built_from_stored_words_normalise_only_when_asked() -> None:
    store = CountingStore()
    SourceIndex([HARBOUR], words=["spring"], store=store).save_words()
    index = SourceIndex([HARBOUR], words=["spring"], store=store)
    assert store.hits == 2  # both texts of the source came from the store this time
    unit = index.units[0]
    assert unit._normalized is None
    assert unit.words(0, 3) == ["the", "harbour", "master"]
    assert unit.normalized.text.startswith("the harbour master")


def test_the_key_follows_the_text_and_the_tokeniser(monkeypatch: pytest.MonkeyPatch) -> None:
    import verify.match.index as index_module

    key = words_key("The pier is shut.")
    assert key == words_key("The pier is shut.") != words_key("The pier is shut!")
    monkeypatch.setattr(index_module, "TOKENISER_FINGERPRINT", "another tokeniser")
    assert words_key("The pier is shut.") != key


def test_the_sqlite_store_round_trips(tmp_path: Path) -> None:
    store = WordCache(tmp_path / "cache")
    assert store.load(["a"]) == {}  # no file yet: nothing, and nothing created
    assert not store.path.exists()
    store.save({"a": "the pier", "b": ""})
    store.save({"a": "ignored: a key is written once"})
    assert WordCache(tmp_path / "cache").load(["a", "b", "c"]) == {"a": "the pier", "b": ""}
    many = {f"k{i}": f"w{i}" for i in range(1200)}  # more keys than one SELECT takes
    store.save(many)
    assert store.load(list(many)) == many


def test_a_broken_store_never_stops_a_check(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"this is not a database" * 100)
    store = WordCache(folder)
    assert store.load(["a"]) == {}
    assert match_claims(CLAIMS, [HARBOUR, BRIDGE], word_store=store) == match_claims(CLAIMS, [HARBOUR, BRIDGE])


def test_a_damaged_store_is_removed_and_starts_afresh(tmp_path: Path) -> None:
    """A damaged file (a disk fault, a copy cut short) is removed by the next read rather than
    leaving every later run without a store."""
    store = WordCache(tmp_path)
    store.save({f"k{i}": "the pier " * 200 for i in range(50)})
    damaged = bytearray(store.path.read_bytes())
    damaged[4096 * 2 : 4096 * 3] = b"\xff" * 4096  # a page of the table overwritten
    store.path.write_bytes(bytes(damaged))
    assert store.load([f"k{i}" for i in range(50)]) == {}
    assert not store.path.exists()
    store.save({"a": "words"})
    assert store.load(["a"]) == {"a": "words"}


def test_a_locked_store_is_left_alone(tmp_path: Path) -> None:
    store = WordCache(tmp_path)
    store.save({"a": "words"})
    holder = sqlite3.connect(tmp_path / FILE_NAME, timeout=0)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        busy = WordCache(tmp_path)
        busy.busy_seconds = 0.05
        assert busy.load(["a"]) == {}  # locked: nothing read, and the file is kept
    finally:
        holder.close()
    assert store.path.exists() and store.load(["a"]) == {"a": "words"}


def test_a_cache_folder_that_cannot_be_made_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = WordCache(blocker / "cache")  # mkdir fails here, even for root
    store.save({"a": "words"})
    assert store.load(["a"]) == {}
    assert match_claims(CLAIMS, [HARBOUR], word_store=store) == match_claims(CLAIMS, [HARBOUR])


def test_the_store_file_is_sqlite_with_one_table(tmp_path: Path) -> None:
    WordCache(tmp_path).save({"k": "w"})
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        assert connection.execute("SELECT key, words FROM words").fetchall() == [("k", "w")]


def test_a_recheck_through_the_api_reads_the_words_it_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import verify

    loaded: list[int] = []
    original_load = WordCache.load

    def counting_load(self: WordCache, keys: Sequence[str]) -> dict[str, str]:
        found = original_load(self, keys)
        loaded.append(len(found))
        return found

    monkeypatch.setattr(WordCache, "load", counting_load)

    (tmp_path / "pier.txt").write_text(HARBOUR.text, encoding="utf-8")
    draft = "The pier “will not reopen before spring,” the harbour master said.\n"
    cache = tmp_path / "cache"
    first = verify.check(draft, sources=[str(tmp_path / "pier.txt")], cache_dir=cache, offline=True)
    assert (cache / FILE_NAME).exists()
    with sqlite3.connect(cache / FILE_NAME) as connection:
        assert connection.execute("SELECT count(*) FROM words").fetchone() == (1,)
    second = verify.check(draft, sources=[str(tmp_path / "pier.txt")], cache_dir=cache, offline=True)
    assert loaded == [0, 1]  # nothing stored before the first check; the second read its words
    assert [r.verdict for r in first.results] == [r.verdict for r in second.results] == [verify.Verdict.CONFIRMED]
