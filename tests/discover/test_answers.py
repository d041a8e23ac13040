"""The answer cache: a re-check asks nothing, an old answer is asked again, offline never asks."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from verify.discover.answers import DAY, AnswerCache
from verify.discover.types import ArchiveCapture, BackendFailure, SearchHit, SearchRequest

REQUEST = SearchRequest("phrase", phrase="the planks were rotten through", since=date(2026, 3, 1))
HIT = SearchHit("https://gazette.example/pier", "Pier vote", "the planks were rotten", date(2026, 3, 2), "searxng",
                '"the planks were rotten through"', 1)  # fmt: skip
CAPTURE = ArchiveCapture("https://web.archive.org/web/20260301000000id_/https://a.example/x", "20260301000000",
                         "https://a.example/x")  # fmt: skip


class Asker:
    def __init__(self) -> None:
        self.calls = 0

    def search(self, request: SearchRequest) -> tuple[SearchHit, ...]:
        self.calls += 1
        return (HIT,)

    def closest(self, url: str, before: date) -> ArchiveCapture | None:
        self.calls += 1
        return CAPTURE


def cache(root: Path, at: float, *, offline: bool = False, refresh: bool = False) -> AnswerCache:
    return AnswerCache(root, offline=offline, refresh=refresh, now=lambda: at)


@pytest.mark.parametrize(
    ("later", "how", "asked_again", "hits"),
    [
        pytest.param(DAY / 2, {}, 0, 1, id="within a day: from the cache"),
        pytest.param(DAY * 1.5, {}, 1, 1, id="a day old: asked again"),
        pytest.param(DAY / 2, {"refresh": True}, 1, 1, id="refresh asks again"),
        pytest.param(DAY * 400, {"offline": True}, 0, 1, id="offline: any age"),
        pytest.param(DAY / 2, {"offline": True, "refresh": True}, 0, 1, id="offline wins over refresh"),
    ],
)
def test_search_answers_are_kept_for_a_day(
    tmp_path: Path, later: float, how: dict[str, bool], asked_again: int, hits: int
) -> None:
    asker = Asker()
    first = cache(tmp_path, 1000.0)
    assert first.search("searxng", REQUEST, asker.search) == (HIT,)
    assert (first.asked, asker.calls) == (1, 1)
    second = cache(tmp_path, 1000.0 + later, offline=how.get("offline", False), refresh=how.get("refresh", False))
    assert len(second.search("searxng", REQUEST, asker.search)) == hits
    assert (second.asked, asker.calls) == (asked_again, 1 + asked_again)


def test_offline_without_an_answer_asks_nothing(tmp_path: Path) -> None:
    asker = Asker()
    offline = cache(tmp_path, 0.0, offline=True)
    assert offline.search("searxng", REQUEST, asker.search) == ()
    assert (asker.calls, offline.asked, offline.misses) == (0, 0, 1)


@pytest.mark.parametrize(
    ("other", "asked"),
    [
        pytest.param({"backend": "brave"}, 1, id="another service"),
        pytest.param({"request": SearchRequest("phrase", phrase="the planks were rotten")}, 1, id="another phrase"),
        pytest.param({}, 0, id="the same question"),
    ],
)
def test_an_answer_is_kept_for_its_question_only(tmp_path: Path, other: dict[str, object], asked: int) -> None:
    asker = Asker()
    cache(tmp_path, 0.0).search("searxng", REQUEST, asker.search)
    again = cache(tmp_path, 10.0)
    again.search(str(other.get("backend", "searxng")), other.get("request", REQUEST), asker.search)  # type: ignore[arg-type]
    assert again.asked == asked


def test_a_failure_is_not_kept(tmp_path: Path) -> None:
    def failing(request: SearchRequest) -> tuple[SearchHit, ...]:
        raise BackendFailure("searxng", "the instance has JSON output switched off")

    with pytest.raises(BackendFailure):
        cache(tmp_path, 0.0).search("searxng", REQUEST, failing)
    asker = Asker()
    assert cache(tmp_path, 1.0).search("searxng", REQUEST, asker.search) == (HIT,)
    assert asker.calls == 1


@pytest.mark.parametrize(
    ("before", "later", "asked"),
    [
        pytest.param(date(2026, 3, 1), DAY * 20, 0, id="a past date: kept a month"),
        pytest.param(date(2026, 3, 1), DAY * 31, 1, id="a past date, after a month"),
        pytest.param(date(2026, 4, 1), DAY * 2, 1, id="today: kept a day"),
    ],
)
def test_archive_look_ups_for_past_dates_are_kept_a_month(
    tmp_path: Path, before: date, later: float, asked: int
) -> None:
    today = date(2026, 4, 1)
    asker = Asker()
    assert cache(tmp_path, 0.0).capture("https://a.example/x", before, today, asker.closest) == CAPTURE
    again = cache(tmp_path, later)
    assert again.capture("https://a.example/x", before, today, asker.closest) == CAPTURE
    assert again.asked == asked


def test_no_capture_is_an_answer_too(tmp_path: Path) -> None:
    calls = []

    def nothing(url: str, before: date) -> ArchiveCapture | None:
        calls.append(url)
        return None

    for _ in range(2):
        assert cache(tmp_path, 0.0).capture("https://a.example/y", date(2026, 1, 1), date(2026, 4, 1), nothing) is None
    assert calls == ["https://a.example/y"]


def test_a_damaged_answer_file_is_asked_again(tmp_path: Path) -> None:
    asker = Asker()
    cache(tmp_path, 0.0).search("searxng", REQUEST, asker.search)
    for path in (tmp_path / "answers").rglob("*.json"):
        path.write_text("{not json")
    assert cache(tmp_path, 1.0).search("searxng", REQUEST, asker.search) == (HIT,)
    assert asker.calls == 2


def test_the_cache_commands_count_and_prune_answers(tmp_path: Path) -> None:
    from verify.sources.cachedir import cache_stats, prune_cache

    cache(tmp_path, 0.0).search("searxng", REQUEST, Asker().search)
    areas = {a.name: a for a in cache_stats(tmp_path).areas}
    assert areas["search and archive answers"].files == 1
    assert prune_cache(tmp_path, 1.0).files == 0  # written just now
    assert prune_cache(tmp_path, 1.0, now=time.time() + 2 * DAY).files == 1
    assert not list((tmp_path / "answers").rglob("*.json"))
