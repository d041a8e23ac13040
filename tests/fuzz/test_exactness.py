"""The linear scanners find exactly what the simple forms they replace find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import news_text
from verify.claims.lexicon import ABBREVIATIONS
from verify.claims.quotes import find_quotations
from verify.claims.sentences import is_abbreviation
from verify.document import _LINK_ADDRESS, _LINK_CLOSE, markdown_links

# The pattern the link scanner stands for (quadratic on runs of "[" and of link openings).
LINK_PATTERN = re.compile(r"\[([^\]\n]*)\]\((https?://[^)\s]+)(?:\s+\"[^\"]*\")?\)")
bracket_text = st.lists(
    st.sampled_from(["[", "]", "(", ")", "![", "](", "https://", "http://", "x.example/", "a", " ", "\n", '"', "ftp:"]),
    max_size=40,
).map("".join)


@given(text=st.one_of(bracket_text, news_text()))
def test_link_scanner_finds_what_the_pattern_finds(text: str) -> None:
    links = markdown_links(text, _LINK_ADDRESS, _LINK_CLOSE)
    found = [(link.start, link.close, link.end, link.target) for link in links]
    expected = [(m.start(), m.end(1), m.end(), m.group(2)) for m in LINK_PATTERN.finditer(text)]
    assert found == expected


def _abbreviation_read_to_the_word_start(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word or (j > 0 and text[j - 1].isdigit()):
        return False
    if len(word) == 1 and word.isalpha():
        return True
    return word in ABBREVIATIONS or ("." in word and len(word) <= 6)


letters_and_dots = st.lists(st.sampled_from(["a", "B", ".", "Mr", "u.s", "Calif", "1", " ", "x" * 9]), max_size=12)


@given(text=letters_and_dots.map("".join).map(lambda t: t + "."))
def test_abbreviations_are_read_no_further_back_than_needed(text: str) -> None:
    for dot in (i for i, ch in enumerate(text) if ch == "."):
        assert is_abbreviation(text, dot) == _abbreviation_read_to_the_word_start(text, dot)


@given(text=news_text())
def test_quotations_are_in_order_and_apart(text: str) -> None:
    quotations = find_quotations(text)
    assert all(a.close_end <= b.open_at for a, b in zip(quotations, quotations[1:], strict=False))
    assert all(q.open_at < q.start <= q.end <= q.close_end for q in quotations)
