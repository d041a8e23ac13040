"""Copies of the draft: the draft's own prose found again on a page, quotes left out."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.discover.copies import (
    COPY_SHARE,
    copy_share,
    draft_shingles,
    is_copy_of_draft,
    prose_outside_quotes,
    shingles_of,
)

DRAFT = (
    "Trawler crews in Port Ellery spent Tuesday waiting at the harbour wall while inspectors "
    "walked the decks of every boat in the fleet. "
    "“Nobody will lose a licence over paperwork,” said Orrin Vale, who chairs the harbour board. "
    "The inspections follow two sinkings last winter, when a storm caught the fleet far from port "
    "and the coastguard spent a night searching for a missing skipper. "
    "Crews said the checks were slow but fair, and most boats were cleared by nightfall. "
    "“We were inspected before the storms, and that is how it should be,” one skipper said."
)
QUOTES = (
    "“Nobody will lose a licence over paperwork,” and "
    "“We were inspected before the storms, and that is how it should be,”"
)

# The source the quotes came from: the same words quoted, the story told its own way.
SOURCE = (
    "Harbour board chair Orrin Vale addressed crews on the quay. Nobody will lose a licence over "
    "paperwork, he told them, as officials began a fleet-wide safety check prompted by last "
    "year's losses. One skipper welcomed the timing: We were inspected before the storms, and "
    "that is how it should be. Officials expect to finish by the end of the week."
)
SYNDICATED = "Ellery Evening Star | Regional news\n\n" + DRAFT + "\n\nShare this story. More from the coast."
EDITED = DRAFT.replace("spent Tuesday waiting", "waited all Tuesday").replace("slow but fair", "slow yet fair")
SHORTENED = DRAFT.split(" Crews said")[0]


def test_quotations_are_left_out() -> None:
    prose = " ".join(prose_outside_quotes(DRAFT))
    assert "paperwork" not in prose and "Trawler crews" in prose and "one skipper said" in prose


@pytest.mark.parametrize(
    "page, low, high",
    [
        pytest.param(DRAFT, 1.0, 1.0, id="the-draft"),
        pytest.param(SYNDICATED, 1.0, 1.0, id="syndicated-with-chrome"),
        pytest.param(EDITED, 0.75, 0.95, id="lightly-edited"),
        pytest.param(SHORTENED, 0.6, 0.9, id="first-paragraphs"),
        pytest.param(SOURCE, 0.0, 0.05, id="the-source"),
        pytest.param(QUOTES, 0.0, 0.0, id="the-quotes-alone"),
        pytest.param("", 0.0, 0.0, id="empty-page"),
    ],
)
def test_copy_share(page: str, low: float, high: float) -> None:
    share = copy_share(draft_shingles(DRAFT), page)
    assert low <= share <= high


@pytest.mark.parametrize(
    "page, copy",
    [(DRAFT, True), (SYNDICATED, True), (EDITED, True), (SOURCE, False), (QUOTES, False)],
)
def test_is_copy(page: str, copy: bool) -> None:
    assert is_copy_of_draft(draft_shingles(DRAFT), page) is copy


def test_a_draft_of_quotes_only_has_no_prose_to_compare() -> None:
    only_quotes = "“Nobody will lose a licence over paperwork, not one of them, not this year,” Vale said."
    shingles = draft_shingles(only_quotes)
    assert not shingles
    assert copy_share(shingles, only_quotes) == 0.0 and not is_copy_of_draft(shingles, only_quotes)


def test_shingles_ignore_case_and_quote_styles() -> None:
    assert shingles_of(["The board’s chair said — twice — no"]) == shingles_of(["the BOARD'S chair said - twice - no"])


def test_threshold() -> None:
    assert COPY_SHARE == 0.6


def test_linear_in_size() -> None:
    # A quadratic comparison of these would take hours; a hashed one takes well under a second.
    draft = " ".join(f"word{i % 5000} filler{i % 7}" for i in range(20_000))
    page = " ".join(f"term{i % 9000} word{i % 5000}" for i in range(100_000))
    started = time.perf_counter()
    share = copy_share(draft_shingles(draft), page)
    assert 0.0 <= share <= 1.0
    assert time.perf_counter() - started < 10


_WORDS = st.sampled_from(["harbour", "storm", "crew", "the", "a", "licence", "“", "”", ",", ".", "Vale"])


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join), st.lists(_WORDS, max_size=60).map(" ".join))
def test_share_is_a_share(draft: str, page: str) -> None:
    shingles = draft_shingles(draft)
    assert 0.0 <= copy_share(shingles, page) <= 1.0
    if shingles:
        assert copy_share(shingles, draft) == 1.0
