"""Is a found page a copy of the draft itself? Then it is no evidence for the draft's quotes.

Searching a published story's quotes finds the story and its syndicated copies first. They carry
the quotes because they carry the draft, so the test looks at the draft's own words, the prose
outside its quotations: a page holding most of that prose is the draft again. A source that
carries the quotes but tells the story in its own words shares little of it.

Shingles are word 5-grams: long enough that stock phrases ("one of the most", "at the end of")
rarely make two unrelated texts look alike, short enough that a sentence of twenty words still
gives sixteen and a copy-editor's change to one word spoils only the five around it. Each
shingle is hashed, so both measures run in time linear in the texts' lengths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from verify.claims.quotes import find_quotations
from verify.match.normalize import normalize, words

SHINGLE = 5
COPY_SHARE = 0.6  # a page holding this share of the draft's own prose is a copy of the draft
MIN_SHINGLES = 8  # a draft with less prose than this outside its quotes cannot be told apart


def _hashed(tokens: list[str]) -> Iterator[int]:
    for i in range(len(tokens) - SHINGLE + 1):
        yield hash(tuple(tokens[i : i + SHINGLE]))


def prose_outside_quotes(draft_text: str) -> tuple[str, ...]:
    """The stretches of the draft between its quotations, in order."""
    pieces = []
    start = 0
    for quotation in find_quotations(draft_text):
        pieces.append(draft_text[start : quotation.open_at])
        start = max(start, quotation.close_end)
    pieces.append(draft_text[start:])
    return tuple(piece for piece in pieces if piece.strip())


def shingles_of(texts: Iterable[str]) -> frozenset[int]:
    """Hashed word 5-grams of each text; none spans two texts (a quotation lay between them)."""
    found: set[int] = set()
    for text in texts:
        found.update(_hashed(words(normalize(text).text)))
    return frozenset(found)


def draft_shingles(draft_text: str) -> frozenset[int]:
    """The draft's own prose as shingles: what a copy of the draft would carry besides the quotes.

    The hashes are Python's own, which differ from one process to the next: compare them
    within the run that made them, never store them.
    """
    return shingles_of(prose_outside_quotes(draft_text))


def copy_share(draft_shingles: frozenset[int], page_text: str) -> float:
    """Share of the draft's outside-quote shingles found on the page, in [0, 1]."""
    if not draft_shingles:
        return 0.0
    page = set(_hashed(words(normalize(page_text).text)))
    return len(draft_shingles & page) / len(draft_shingles)


def is_copy_of_draft(draft_shingles: frozenset[int], page_text: str) -> bool:
    """Whether a discovered page is the draft again (a source the user gave never is: call this
    for discovered pages only)."""
    return len(draft_shingles) >= MIN_SHINGLES and copy_share(draft_shingles, page_text) >= COPY_SHARE
