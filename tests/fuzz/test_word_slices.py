"""The words of a slice, taken from the words of the text it was cut from, are the words the
slice splits into alone: offsets from the slice's start, the same text and norm, whatever
characters sit at the cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verify.claims import attribution
from verify.claims.attribution import words

# letters, digits and every character the word pattern treats specially, at any cut
PIECES = ["Ana", "lind", "U.S.", "e-mail", "’s", "'", "&", "-", ".", "..", "_", "’", " ", ",", "\n", "9", "3.5",
          "Łódź", "é", "i̇", "said.", "co-op", "Q&A", "--", "“", "”"]  # fmt: skip


def _split_alone(text: str) -> list[tuple[str, int, int, str]]:
    return [(m[0], m.start(), m.end(), m[0].rstrip(".").lower()) for m in attribution._TOKEN.finditer(text)]


@given(
    parent=st.lists(st.sampled_from(PIECES), min_size=8, max_size=60).map("".join),
    cut=st.tuples(st.integers(0, 400), st.integers(0, 400)),
)
def test_a_slice_has_the_words_it_has_alone(parent: str, cut: tuple[int, int]) -> None:
    attribution._tokens.cache_clear()
    attribution._parents.cache_clear()
    a, b = sorted(x % (len(parent) + 1) for x in cut)
    words(parent)  # the parent is split first, as a sentence is before its clauses
    assert [tuple(w) for w in words(parent[a:b])] == _split_alone(parent[a:b])


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join))
def test_every_suffix_and_prefix_has_its_own_words(text: str) -> None:
    attribution._tokens.cache_clear()
    attribution._parents.cache_clear()
    words(text)
    for k in range(len(text) + 1):
        assert [tuple(w) for w in words(text[k:])] == _split_alone(text[k:])
        assert [tuple(w) for w in words(text[:k])] == _split_alone(text[:k])
