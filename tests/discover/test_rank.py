"""Ranking: one candidate per page, the named outlet first, snippets, dates and agreement."""

from __future__ import annotations

from datetime import date
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.discover.rank import (
    AFTER_DRAFT_FIT,
    STALE_FIT,
    UNKNOWN_DATE_FIT,
    Candidate,
    agreement,
    canonical_url,
    date_fit,
    outlet_fit,
    rank_candidates,
    snippet_fit,
)
from verify.discover.types import SearchHit

CLAIM = "Every trawler in Port Ellery will be inspected before the winter storms arrive"
DRAFT = date(2026, 11, 20)


def hit(
    url: str,
    *,
    title: str = "",
    snippet: str = "",
    published: date | None = None,
    backend: str = "searxng",
    rank: int = 1,
) -> SearchHit:
    return SearchHit(url, title, snippet, published, backend, f'"{CLAIM[:20]}"', rank)


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("HTTPS://News.Example.COM/a/b", "https://news.example.com/a/b"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a/#comments", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/story/", "https://example.com/story"),
        ("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=abc&gclid=1", "https://example.com/a?id=7"),
        ("https://example.com/a?UTM_Campaign=z&page=2", "https://example.com/a?page=2"),
        ("https://example.com/a?q=a%20b&x=%2F", "https://example.com/a?q=a%20b&x=%2F"),
        ("https://example.com/a?&&id=3&", "https://example.com/a?id=3"),
        ("https://example.com./a", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("mailto:desk@example.com", "mailto:desk@example.com"),
        ("not a url", "not a url"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


_URLS = st.builds(
    lambda scheme, host, port, path, query, fragment: f"{scheme}://{host}{port}{path}{query}{fragment}",
    st.sampled_from(["http", "https", "HTTPS"]),
    st.sampled_from(["example.com", "News.Example.com", "example.com.", "127.0.0.1"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.lists(st.sampled_from(["a", "b", "", "%2F", "c.html"]), max_size=4).map(lambda p: "/" + "/".join(p)),
    st.lists(st.sampled_from(["utm_source=x", "id=1", "fbclid=2", "", "q=a+b", "k"]), max_size=4).map(
        lambda q: ("?" + "&".join(q)) if q else ""
    ),
    st.sampled_from(["", "#top", "#"]),
)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(_URLS)
def test_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "#" not in once and "utm_" not in once and "fbclid" not in once


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=60))
def test_canonical_url_never_fails(text: str) -> None:
    once = canonical_url(text)
    assert canonical_url(once) == once


@pytest.mark.parametrize(
    "url, title, domains, name, fit",
    [
        ("https://www.ellerypost.example/news/1", "", ["ellerypost.example"], "Ellery Post", 1.0),
        ("https://live.ellerypost.example/1", "", ["ellerypost.example"], "Ellery Post", 1.0),
        ("https://news.ellery.co.uk/1", "", ["news.ellery.co.uk"], "Ellery", 1.0),
        ("https://sport.ellery.co.uk/1", "", ["news.ellery.co.uk"], "Ellery", 0.8),
        ("https://elsewhere.example/1", "", ["ellerypost.example"], "Ellery Post", 0.0),
        ("https://elsewhere.example/1", "Trawlers | Ellery Post", ["ellerypost.example"], "Ellery Post", 0.2),
        ("https://ellerypost.example/1", "", [], "The Ellery Post", 0.6),
        ("https://theellerypost.example/1", "", [], "Ellery Post", 0.6),
        ("https://hfa.example/1", "", [], "Harbour Fishers Association", 0.6),
        ("https://blog.example/1", "Trawlers inspected - Ellery Post", [], "Ellery Post", 0.6),
        ("https://blog.example/1", "Trawlers inspected", [], "Ellery Post", 0.0),
        ("https://blog.example/1", "Trawlers inspected", [], None, 0.0),
        ("https://ellerypostal.example/1", "", [], "Ellery Post", 0.0),
    ],
)
def test_outlet_fit(url: str, title: str, domains: list[str], name: str | None, fit: float) -> None:
    assert outlet_fit(url, title, outlet_domains=domains, outlet_name=name)[0] == fit


@pytest.mark.parametrize(
    "published, draft, fit",
    [
        (None, DRAFT, UNKNOWN_DATE_FIT),
        (date(2026, 11, 1), None, UNKNOWN_DATE_FIT),
        (date(2026, 11, 19), DRAFT, 1.0),
        (date(2026, 11, 21), DRAFT, 1.0),
        (date(2026, 11, 25), DRAFT, AFTER_DRAFT_FIT),
        (date(2026, 10, 25), DRAFT, 1.0),
        (date(2024, 1, 1), DRAFT, STALE_FIT),
    ],
)
def test_date_fit(published: date | None, draft: date | None, fit: float) -> None:
    assert date_fit(published, draft)[0] == fit


def test_date_fit_falls_with_age() -> None:
    fits = [date_fit(date(2026, month, 1), DRAFT)[0] for month in range(1, 11)]
    assert fits == sorted(fits) and STALE_FIT < fits[0] < fits[-1] <= 1.0


@pytest.mark.parametrize(
    "title, snippet, low, high",
    [
        ("", CLAIM, 0.95, 1.0),
        ("Port Ellery trawlers", "every trawler will be inspected before the storms", 0.7, 1.0),
        ("Weather", "Storms arrive in the north this winter", 0.2, 0.6),
        ("Cooking", "A recipe for lemon cake", 0.0, 0.35),
        ("", "", 0.0, 0.0),
    ],
)
def test_snippet_fit(title: str, snippet: str, low: float, high: float) -> None:
    assert low <= snippet_fit(CLAIM, title, snippet) <= high


def test_agreement() -> None:
    one = agreement([hit("https://a.example/", rank=1)])
    two = agreement([hit("https://a.example/", rank=1), hit("https://a.example/", backend="brave", rank=1)])
    same_backend_twice = agreement([hit("https://a.example/", rank=1), hit("https://a.example/", rank=3)])
    low = agreement([hit("https://a.example/", rank=9)])
    assert two == (1.0, 2) and one[1] == 1 and one[0] == pytest.approx(0.5)
    assert same_backend_twice == one and low[0] < one[0]


def test_one_candidate_per_page_with_all_its_hits() -> None:
    hits = [
        hit("https://ellerypost.example/story?utm_source=feed", snippet=CLAIM, rank=2),
        hit("https://ellerypost.example/story/", backend="brave", rank=1),
        hit("https://other.example/x", rank=1),
    ]
    ranked = rank_candidates(
        hits, claim_text=CLAIM, outlet_domains=["ellerypost.example"], outlet_name="Ellery Post", draft_date=DRAFT
    )
    assert [c.url for c in ranked] == ["https://ellerypost.example/story", "https://other.example/x"]
    assert len(ranked[0].hits) == 2 and "found by 2 backends" in ranked[0].reasons


def test_named_outlet_beats_a_better_snippet_elsewhere() -> None:
    hits = [
        hit("https://aggregator.example/copy", snippet=CLAIM, rank=1),
        hit("https://ellerypost.example/news/trawlers", snippet="Port Ellery trawler inspections", rank=4),
    ]
    ranked = rank_candidates(
        hits, claim_text=CLAIM, outlet_domains=["ellerypost.example"], outlet_name="Ellery Post", draft_date=DRAFT
    )
    assert ranked[0].url == "https://ellerypost.example/news/trawlers"
    assert any("Ellery Post" in reason for reason in ranked[0].reasons)


def test_a_page_after_the_draft_drops() -> None:
    before = hit("https://a.example/1", snippet=CLAIM, published=date(2026, 11, 18))
    after = hit("https://b.example/1", snippet=CLAIM, published=date(2026, 12, 1))
    ranked = rank_candidates([after, before], claim_text=CLAIM, outlet_domains=[], outlet_name=None, draft_date=DRAFT)
    assert [c.url for c in ranked] == ["https://a.example/1", "https://b.example/1"]
    assert any("after the draft" in reason for reason in ranked[1].reasons)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    st.lists(
        st.builds(
            hit,
            st.sampled_from(
                ["https://a.example/1", "https://a.example/1/", "https://b.example/2", "https://c.example/"]
            ),
            snippet=st.sampled_from(["", CLAIM, "storms arrive", "unrelated words"]),
            published=st.sampled_from([None, date(2026, 11, 1), date(2026, 12, 1)]),
            backend=st.sampled_from(["searxng", "brave", "gdelt"]),
            rank=st.integers(1, 10),
        ),
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_ranking_is_deterministic_and_complete(hits: list[SearchHit], random: Random) -> None:
    def ranked(order: list[SearchHit]) -> tuple[Candidate, ...]:
        return rank_candidates(order, claim_text=CLAIM, outlet_domains=["b.example"], outlet_name="B", draft_date=DRAFT)

    shuffled = list(hits)
    random.shuffle(shuffled)
    first = ranked(hits)
    assert first == ranked(shuffled)
    assert sum(len(c.hits) for c in first) == len(hits)
    assert len({c.url for c in first}) == len(first)
    scores = [c.score for c in first]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)
