"""Any words at all, FTS5 syntax or not, searched in the desk archive: hits or none, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.archive import ArchiveEntry, DeskArchive

TEXT = "The harbour master said the old pier would close in March; “no ferry,” she added."
SYNTAX = st.sampled_from(['"', "“", "”", "(", ")", "*", ":", "^", "-", "+", "AND", "OR", "NOT", "NEAR", "{", "}",
                          "title:", "\x00", "\ud800", "'", ",", "NEAR(", "pier", "March", " "])  # fmt: skip


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> DeskArchive:
    desk = DeskArchive(Path(tmp_path_factory.mktemp("archive")))
    url = "https://gazette.example/pier"
    desk.add([ArchiveEntry(url, url, "Pier | Gazette", None, "2026-03-01T10:00:00Z", "0" * 64, TEXT, False)])
    return desk


@given(words=st.one_of(st.text(), st.lists(st.one_of(SYNTAX, st.text(max_size=4))).map("".join)))
def test_any_words_search_without_error(archive: DeskArchive, words: str) -> None:
    hits = archive.search(words)
    assert all(hit.location == "https://gazette.example/pier" for hit in hits)


@given(start=st.integers(0, len(TEXT.split()) - 1), length=st.integers(1, 4), noise=SYNTAX)
def test_words_of_the_page_find_it_with_syntax_around_them(
    archive: DeskArchive, start: int, length: int, noise: str
) -> None:
    phrase = " ".join(TEXT.split()[start : start + length]).replace("“", "").replace("”", "")
    assert archive.search(f'"{phrase}"'), phrase
    if not any(ch.isalnum() for ch in noise):  # marks that are not words change nothing
        assert archive.search(f"{noise}{phrase} {noise}"), (noise, phrase)
