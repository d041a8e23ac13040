"""Query planning: distinctive spans, cheapest searches first, never a phrase of common words."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.discover.queries import (
    COMMON,
    MAX_SPAN,
    MIN_SPAN,
    distinctive_spans,
    fragments,
    is_common,
    keywords,
    plan_queries,
    surname_words,
)
from verify.discover.types import SearchRequest

KINDS = ("site_phrase", "speaker_phrase", "phrase", "keywords")
LONG = (
    "The harbour authority promised that every trawler in Port Ellery would be inspected before "
    "the winter storms, and that nobody would lose a licence over paperwork."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("one two three", [("one", "two", "three")]),
        ("we came... and we left", [("we", "came"), ("and", "we", "left")]),
        ("we came … and we left", [("we", "came"), ("and", "we", "left")]),
        ("we came . . . and we left", [("we", "came"), ("and", "we", "left")]),
        ("the [county] council voted", [("the",), ("council", "voted")]),
        ("It rained. Then it stopped!", [("It", "rained"), ("Then", "it", "stopped")]),
        ("Mr. Orrin Vale spoke", [("Mr", "Orrin", "Vale", "spoke")]),
        ("U.S. officials left", [("U.S", "officials", "left")]),
        ("“don’t stop,” she said", [("don't", "stop"), ("she", "said")]),
        ("a well\u2011known face", [("a", "well-known", "face")]),
        ("we will fight\u2014and win", [("we", "will", "fight", "and", "win")]),
        ("", []),
        ("… [sic] …", []),
    ],
)
def test_fragments(text: str, expected: list[tuple[str, ...]]) -> None:
    assert list(fragments(text)) == expected


@pytest.mark.parametrize(
    "text, spans",
    [
        pytest.param(LONG, 2, id="long-two-spans"),
        pytest.param("The trawlers of Port Ellery sail at dawn each day", 1, id="one-fragment"),
        pytest.param("I think that we are going to do what we have to do now", 0, id="all-common"),
        pytest.param("Trawlers sail", 0, id="too-short"),
        pytest.param("If there are any of them, take them to Ellery", 1, id="long-with-one-rare-word"),
        pytest.param("Just take them all to Ellery", 0, id="short-with-one-rare-word"),
        pytest.param("We are going to do it again. Ellery trawlers sail at dawn daily now", 1, id="sentence-picked"),
    ],
)
def test_span_count(text: str, spans: int) -> None:
    found = distinctive_spans(text)
    assert len(found) == spans
    for span in found:
        assert MIN_SPAN <= len(span.words) <= MAX_SPAN
        assert sum(not is_common(w) for w in span.words) >= (1 if len(span.words) >= 8 else 2)


def test_spans_prefer_names_and_do_not_overlap() -> None:
    first, second = distinctive_spans(LONG)
    assert "Ellery" in first.words
    assert first.start + len(first.words) <= second.start or second.start + len(second.words) <= first.start


def test_spans_are_trimmed_of_common_ends() -> None:
    (span,) = distinctive_spans("and then the trawlers of Port Ellery sail at dawn to the")
    assert span.words == ("trawlers", "of", "Port", "Ellery", "sail", "at", "dawn")


@pytest.mark.parametrize(
    "speaker, words",
    [
        ("Orrin Vale", ("Vale",)),
        ("Dr Orrin Vale Jr.", ("Vale",)),
        ("Vale", ("Vale",)),
        ("the Harbour Fishermen's Association", ("Harbour", "Fishermen's")),
        ("the Russian LGBT Network", ("Russian", "LGBT")),
        ("Harbour Board member Mira Osk", ("Osk",)),
        ("the harbour board's press officer Alvi Tamm", ("Tamm",)),
        ("a Port Ellery fishing union", ("Port", "Ellery")),
        ("one skipper, known as KT", ("KT",)),
        ("a spokesperson", ()),
        ("", ()),
        (None, ()),
    ],
)
def test_surname_words(speaker: str | None, words: tuple[str, ...]) -> None:
    assert surname_words(speaker) == words


def test_plan_cheapest_first() -> None:
    since, until = date(2026, 10, 1), date(2026, 11, 2)
    plan = plan_queries(
        LONG,
        speaker="Orrin Vale",
        domains=["ellerypost.example", "ellery.example"],
        since=since,
        until=until,
        budget=10,
    )
    kinds = [request.kind for request in plan]
    assert kinds == ["site_phrase", "site_phrase", "speaker_phrase", "phrase", "phrase", "keywords"]
    best = plan[0].phrase
    assert [r.site for r in plan[:2]] == ["ellerypost.example", "ellery.example"]
    assert plan[1].phrase == best and plan[2] == SearchRequest("speaker_phrase", best, ("Vale",), None, since, until)
    assert plan[3].phrase == best and plan[4].phrase != best
    assert plan[5].keywords[0] == "Vale" and len(plan[5].keywords) <= 5
    assert all(r.since == since and r.until == until for r in plan)


@pytest.mark.parametrize("budget, count", [(0, 0), (-1, 0), (1, 1), (3, 3), (50, 4)])
def test_budget(budget: int, count: int) -> None:
    plan = plan_queries(LONG, speaker=None, domains=["ellerypost.example"], since=None, until=None, budget=budget)
    assert len(plan) == count
    if count:
        assert plan[0].kind == "site_phrase"


def test_few_sites_only() -> None:
    domains = [f"site{i}.example" for i in range(6)]
    plan = plan_queries(LONG, speaker=None, domains=domains, since=None, until=None, budget=20)
    assert [r.site for r in plan if r.kind == "site_phrase"] == domains[:3]


@pytest.mark.parametrize(
    "text, speaker, domains, kinds",
    [
        pytest.param("a national disgrace", "Orrin Vale", ["ellerypost.example"], ["site_phrase", "speaker_phrase"]),
        pytest.param("a national disgrace", None, [], [], id="short-alone-gives-nothing"),
        pytest.param("a disgrace", "Orrin Vale", ["ellerypost.example"], [], id="two-words"),
        pytest.param("we will see", "Orrin Vale", ["ellerypost.example"], [], id="short-common"),
        pytest.param("", "Orrin Vale", ["ellerypost.example"], [], id="empty"),
        pytest.param("I think that we are going to do what we have to do", "Orrin Vale", ["x.example"], []),
    ],
)
def test_short_and_common_claims(text: str, speaker: str | None, domains: list[str], kinds: list[str]) -> None:
    plan = plan_queries(text, speaker=speaker, domains=domains, since=None, until=None, budget=10)
    assert [r.kind for r in plan] == kinds


def test_keywords_are_the_rarest_in_claim_order() -> None:
    assert keywords("Port Ellery trawlers were inspected before the storms", limit=3) == (
        "Ellery",
        "trawlers",
        "inspected",
    )


_VOCABULARY = sorted(COMMON)[:80] + ["Ellery", "trawler", "harbour", "licence", "1987", "Vale", "storms"]
_PUNCTUATION = [" ", " ", " ", ", ", ". ", "... ", " … ", " [sic] ", " — ", "! ", "“", "”"]


@st.composite
def claims(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_VOCABULARY), max_size=40))
    gaps = draw(st.lists(st.sampled_from(_PUNCTUATION), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True))


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(claims(), st.sampled_from([None, "Orrin Vale", "the Harbour Board"]), st.integers(0, 8))
def test_plan_properties(claim: str, speaker: str | None, budget: int) -> None:
    plan = plan_queries(claim, speaker=speaker, domains=["ellerypost.example"], since=None, until=None, budget=budget)
    assert len(plan) <= max(budget, 0)
    assert len(set(plan)) == len(plan)
    ranks = [KINDS.index(r.kind) for r in plan]
    assert ranks == sorted(ranks)
    for request in plan:
        if request.phrase is not None:
            words = request.phrase.split()
            assert not all(is_common(w) for w in words), request
            assert len(words) <= MAX_SPAN
            assert "…" not in request.phrase and "[" not in request.phrase and "..." not in request.phrase
            if request.kind == "phrase":
                assert len(words) >= MIN_SPAN
        if request.kind == "keywords":
            assert request.keywords and not all(is_common(w) for w in request.keywords)
