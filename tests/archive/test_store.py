"""The desk archive's index: what a search finds, in what order, for whom; stats and pruning."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from verify.archive import ArchiveEntry, DeskArchive
from verify.archive.query import fts_query, query_parts
from verify.errors import InputError

PAGES = {
    "https://gazette.example/pier": ("Pier to close | The Harbour Gazette",
        "The mayor said the old pier would close in March. Fishermen asked for a ferry instead."),
    "https://news.gazette.example/ferry": ("Ferry timetable", "The ferry will run all winter, the operator said."),
    "https://tribune.example/market": ("Market day", "Stalls line the square. The pier is mentioned once."),
    "https://tribune.example/close": ("Shops", "In March the close of the season; the old shop would pier nothing."),
}  # fmt: skip


def entry(url: str, *, private: bool = False, fetched_at: str = "2026-03-01T10:00:00Z", text: str = "") -> ArchiveEntry:
    title, body = PAGES.get(url, ("", text))
    return ArchiveEntry(url, url, title, None, fetched_at, f"{abs(hash(url + body)):064d}"[:64], text or body, private)


@pytest.fixture
def archive(tmp_path: Path) -> DeskArchive:
    desk = DeskArchive(tmp_path)
    assert desk.add(entry(url) for url in PAGES) == len(PAGES)
    return desk


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("pier", ["https://gazette.example/pier", "https://tribune.example/market",
                              "https://tribune.example/close"], id="a word, the title's match first"),
        pytest.param('"old pier would close"', ["https://gazette.example/pier"], id="a phrase"),
        pytest.param("“old pier would close”", ["https://gazette.example/pier"], id="a phrase in curly quotes"),
        pytest.param("close pier march", ["https://gazette.example/pier", "https://tribune.example/close"],
                     id="every word, anywhere"),
        pytest.param("Ferry WINTER", ["https://news.gazette.example/ferry"], id="any case"),
        pytest.param("pier OR ferry", [], id="OR is a word, not an operator"),
        pytest.param("gondola", [], id="no page"),
    ],
)  # fmt: skip
def test_search_finds_the_pages_that_hold_the_words(archive: DeskArchive, words: str, expected: list[str]) -> None:
    assert [hit.location for hit in archive.search(words)] == expected


@pytest.mark.parametrize(
    ("words", "parts", "query"),
    [
        ("pier ferry", ("pier", "ferry"), '"pier" "ferry"'),
        ('"old pier" close', ("old pier", "close"), '"old pier" "close"'),
        ('say "it"s fine', ("say", "it", "s", "fine"), '"say" "it" "s" "fine"'),
        ('NEAR(pier, 3) title:x*', ("NEAR(pier,", "3)", "title:x*"), '"NEAR(pier," "3)" "title:x*"'),
        ('"unclosed phrase here', ("unclosed phrase here",), '"unclosed phrase here"'),
        ("- * ( ) \"\" ''", (), None),
        ("a\x00b \ud800c", ("a", "b", "\ufffdc"), '"a" "b" "\ufffdc"'),
    ],
)
def test_words_become_fts5_strings(words: str, parts: tuple[str, ...], query: str | None) -> None:
    assert query_parts(words) == parts
    assert fts_query(words) == query


def test_search_limit_and_snippet(archive: DeskArchive) -> None:
    (best,) = archive.search("pier", limit=1)
    assert best.title == "Pier to close | The Harbour Gazette" and "pier" in best.snippet
    assert archive.search("pier", limit=0) == ()


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("gazette.example", {"https://gazette.example/pier", "https://news.gazette.example/ferry"}),
        ("news.gazette.example", {"https://news.gazette.example/ferry"}),
        ("zette.example", set()),
    ],
)
def test_a_site_keeps_its_domain_and_subdomains(archive: DeskArchive, site: str, expected: set[str]) -> None:
    assert {hit.location for hit in archive.search("the", site=site)} == expected


@pytest.mark.parametrize(
    ("first", "then", "public_search_finds_it"),
    [
        pytest.param(True, None, False, id="read under allow_private: private"),
        pytest.param(False, None, True, id="read without: public"),
        pytest.param(True, False, True, id="read again without allow_private: public from then on"),
        pytest.param(False, True, True, id="a public page stays public"),
    ],
)
def test_private_snapshots_are_found_only_by_searches_that_allow_them(
    tmp_path: Path, first: bool, then: bool | None, public_search_finds_it: bool
) -> None:
    desk = DeskArchive(tmp_path)
    url = "https://intranet.example/memo"
    desk.add([entry(url, private=first, text="The memo says the budget doubles.")])
    if then is not None:
        assert desk.add([entry(url, private=then, text="The memo says the budget doubles.")]) == 0
    assert bool(desk.search("memo budget")) is public_search_finds_it
    assert [h.location for h in desk.search("memo budget", allow_private=True)] == [url]


def test_a_new_body_at_the_same_address_is_a_new_snapshot(tmp_path: Path) -> None:
    desk = DeskArchive(tmp_path)
    url = "https://gazette.example/live"
    desk.add([entry(url, text="First version: the pier is open.")])
    desk.add([entry(url, text="Second version: the pier is closed.", fetched_at="2026-03-02T10:00:00Z")])
    assert desk.stats().snapshots == 2
    assert [h.snippet for h in desk.search("closed pier")] == ["Second version: the pier is closed."]


def test_stats_and_prune(tmp_path: Path) -> None:
    desk = DeskArchive(tmp_path)
    assert desk.stats().snapshots == 0 and desk.search("pier") == ()
    old = [entry(f"https://old.example/{n}", fetched_at="2026-01-01T00:00:00Z", text=f"pier story {n} " * 200)
           for n in range(30)]  # fmt: skip
    desk.add([*old, entry("https://new.example/1", fetched_at="2026-03-01T00:00:00Z", text="pier story new")])
    stats = desk.stats()
    assert (stats.snapshots, stats.oldest, stats.newest) == (31, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z")
    cutoff = datetime(2026, 2, 1, tzinfo=UTC).timestamp()
    count, estimate = desk.prune(cutoff, dry_run=True)
    assert count == 30 and estimate > 30 * 2000 and desk.stats().snapshots == 31
    count, freed = desk.prune(cutoff)
    assert count == 30 and freed > 0 and desk.stats().bytes < stats.bytes
    assert [h.location for h in desk.search("pier story")] == ["https://new.example/1"]


def test_a_damaged_archive_is_one_line_not_a_crash(tmp_path: Path) -> None:
    desk = DeskArchive(tmp_path)
    desk.path.parent.mkdir(parents=True)
    desk.path.write_bytes(b"this is not a database" * 100)
    for use in (lambda: desk.search("pier"), desk.stats, lambda: desk.prune(0.0)):
        with pytest.raises(InputError, match="desk archive") as raised:
            use()
        assert "\n" not in str(raised.value)


def test_text_with_nul_and_lone_surrogates_is_stored(tmp_path: Path) -> None:
    desk = DeskArchive(tmp_path)
    odd = replace(entry("https://odd.example/x", text="pier\x00side \ud83d walk"), title="t\ud800")
    desk.add([odd])
    assert [h.location for h in desk.search("pierside walk")] == [] and desk.search("side walk")
