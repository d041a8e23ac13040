"""The shared normaliser: what it folds away, and that offsets lead back to the original."""

from __future__ import annotations

import random
import re

import pytest

from verify.match.normalize import normalize, number_values, word_spans, words


@pytest.mark.parametrize(
    ("name", "text", "expected_words"),
    [
        ("case", "The Mayor SAID", ["the", "mayor", "said"]),
        ("curly apostrophe", "it\u2019s Kadyrov\u2019s", ["it's", "kadyrov's"]),
        ("backtick and prime", "don`t don\u2032t", ["don't", "don't"]),
        ("double quotes", "\u201cyes\u201d \u00abno\u00bb \u201ehm\u201c", ["yes", "no", "hm"]),
        ("dashes separate", "left\u2014right \u2013 centre", ["left", "right", "centre"]),
        ("zero-width inside a word", "sec\u200bret", ["secret"]),
        ("soft hyphen inside a word", "inter\u00adnational", ["international"]),
        ("PDF hyphenation", "inter-\nnational", ["international"]),
        ("PDF hyphenation with spaces", "inter- \n  national", ["international"]),
        ("real hyphen kept apart", "well-known", ["well", "known"]),
        ("capital after a broken line is a real hyphen", "Jean-\nPaul", ["jean", "paul"]),
        ("line breaks and runs of spaces", "one\n\ntwo   three\tfour", ["one", "two", "three", "four"]),
        ("non-breaking space", "ten\u00a0people", ["ten", "people"]),
        ("html entities", "Tom &amp; Jerry&#8217;s &quot;show&quot;", ["tom", "jerry's", "show"]),
        ("unknown entity left alone", "a &bogus; b", ["a", "bogus", "b"]),
        ("thousands separators", "1,000 and 12,500,000", ["1000", "and", "12500000"]),
        ("a list is not a thousands separator", "1,2 and 10,50", ["1", "2", "and", "10", "50"]),
        ("decimal point kept", "3.5 per cent.", ["3.5", "per", "cent"]),
        ("NFKC compatibility forms", "\uff21\uff22\uff23 \ufb01ne", ["abc", "fine"]),
        ("combining accent composed", "cafe\u0301", ["caf\u00e9"]),
        ("ellipsis character", "wait\u2026 what", ["wait", "what"]),
        ("German sharp s folds", "Stra\u00dfe", ["strasse"]),
    ],
)
def test_words_after_normalisation(name: str, text: str, expected_words: list[str]) -> None:
    assert words(normalize(text).text) == expected_words


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii words, nothing else",
        "\u201cCurly\u201d quotes and it\u2019s \u2014 a dash",
        "inter-\nnational   spacing\n\nand 1,000 people",
        "Tom &amp; Jerry&#8217;s caf\u00e9 \uff21\uff22",
        "zero\u200bwidth soft\u00adhyphen",
    ],
)
def test_word_offsets_point_at_the_original_characters(text: str) -> None:
    for word, start, end in word_spans(normalize(text)):
        original = text[start:end]
        # the original slice normalises back to exactly the word
        assert words(normalize(original).text) == [word], (word, original)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("forty", ["40"]),
        ("forty two", ["42"]),
        ("two hundred and five", ["205"]),
        ("three thousand", ["3000"]),
        ("42 and 7", ["42", "7"]),
        ("one victim", []),  # "one" is a pronoun or determiner far more often than a count
        ("no numbers here", []),
        ("1.2 million", ["1200000"]),
        ("1,200,000", ["1200000"]),
        ("one million", ["1000000"]),
        ("a thousand", ["1000"]),
        ("twenty-one thousand", ["21000"]),
        ("twenty one", ["21"]),
        ("3 hundred", ["300"]),
        ("0.5 billion and 2 trillion", ["500000000", "2000000000000"]),
        ("1.2345 thousand", ["1234.5"]),
        ("007 agents", ["007"]),  # digits alone are taken as written
        ("version 3.11.7 million", ["3.11.7"]),  # not a decimal number: no scale applied
        ("a victim, one thousand", ["1000"]),
        ("5 hundred thousand", ["500000"]),
        ("2 million and 7", ["2000000", "7"]),
    ],
)
def test_number_values(text: str, expected: list[str]) -> None:
    assert number_values(words(normalize(text).text)) == expected


# The single alternation the split scans replace: the oracle for which spans they must give.
_ONE_SCAN = re.compile(
    r"&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|[-\u00ad\u2010\u2011][ \t]*\r?\n[ \t]*"
    r"|,(?=\d{3}(?!\d))"
    r"|[^\x00-\x7f]+"
    r"|`"
)


def test_split_scans_find_the_spans_one_alternation_would() -> None:
    from verify.match.normalize import _candidates

    pieces = [*"ab ,-\n\t&;#x1`'é", "\u00ad", "\u2010", "\u2011", "\u2019", "e\u0301", "&amp;", ",000", "-\n",
              "\u00ad\n", "é\u2010\n", "&#8217;", "1,000,000", "ﬁ", "\u200b"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _candidates(text) == [m.span() for m in _ONE_SCAN.finditer(text)], repr(text)


def test_words_of_a_mixed_text_are_those_of_one_unicode_scan() -> None:
    """A text that is not all ASCII is split in pieces at spaces: the words must not change."""
    from verify.match.normalize import _WORDS_PIECE, WORD_RE

    pieces = [*"ab1 .'", "  ", "é", "\u2022", "ß", "3.5", "don't", "\u0663", "x" * 40, "é" * 30]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4 * _WORDS_PIECE // 3)))
        assert words(text) == WORD_RE.findall(text), repr(text)
    long_text = ("plain words here " * 40 + "café naïve " + "more plain words " * 40) * 3
    assert words(long_text) == WORD_RE.findall(long_text)


def test_words_read_chunk_by_chunk_are_those_of_one_scan() -> None:
    """A text is read in chunks cut at spaces: its words, and their offsets read chunk by chunk
    with the ASCII pattern where a chunk allows it, must be those of one Unicode scan."""
    from verify.match.normalize import WORD_RE, chunked_words, word_offsets

    pieces = [*"ab1 .'", "  ", "é", "\u2022", "ß", "3.5", "don't", "\u0663", "x" * 40, "é" * 30, "1.", ".2"]
    rng = random.Random(23)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 200)))
        size = rng.choice([1, 5, 40, 300])
        found, starts, firsts = chunked_words(text, size)
        assert found == WORD_RE.findall(text), repr(text)
        assert starts[0] == firsts[0] == 0 and list(starts) == sorted(starts) and list(firsts) == sorted(firsts)
        ends = [*starts[1:], len(text)]
        offsets = [o for start, end in zip(starts, ends, strict=True) for o in word_offsets(text, start, end)]
        assert offsets == [m.span() for m in WORD_RE.finditer(text)], repr(text)
        assert [len(word_offsets(text, start, end)) for start, end in zip(starts, ends, strict=True)] == [
            b - a for a, b in zip(firsts, [*firsts[1:], len(found)], strict=True)
        ]


def test_ascii_words_split_at_spaces_are_the_patterns_own() -> None:
    """Pieces between non-word characters skip the pattern when they are plainly one word: on any
    ASCII text the words must be exactly the pattern's (every ASCII character can turn up)."""
    import string

    from verify.match.normalize import ASCII_WORD_RE, WORD_RE, _ascii_words

    pieces = [*string.printable, "..", "...", "''", "3.5", "3.", ".5", "1.2.3", "don't", "x'", "'y", "5a", "a5",
              "1990s", "spring.", "U.S.", "Mr.", "rock'n'roll", "word.'", "3's", "a..b", "2.5.x"]  # fmt: skip
    rng = random.Random(17)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert _ascii_words(text) == ASCII_WORD_RE.findall(text), repr(text)
        assert words(text) == WORD_RE.findall(text), repr(text)


def test_split_scans_agree_on_long_texts_whose_runs_cross_the_pieces_scanned() -> None:
    """Long texts are tested for ASCII piece by piece: a run of non-ASCII characters over the
    edge of a piece, or a piece with none, must change nothing."""
    from verify.match.normalize import _ASCII_PIECE, _candidates

    pieces = ["plain text ", "é", "\u2019", "\u00e9\u00e8\u00ea", "\u00ad\n", "1,000 ", "-\n", "x" * 50, "\u2022 "]
    rng = random.Random(3)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3 * _ASCII_PIECE // 4)))
        assert _candidates(text) == [m.span() for m in _ONE_SCAN.finditer(text)], repr(text)
    edge = "a" * (_ASCII_PIECE - 2) + "\u00e9" * 5 + "b" * (2 * _ASCII_PIECE) + "\u2019"
    assert _candidates(edge) == [(_ASCII_PIECE - 2, _ASCII_PIECE + 3), (len(edge) - 1, len(edge))]


def test_the_possessive_word_patterns_find_the_words_of_the_greedy_ones() -> None:
    """Possessive quantifiers are only a speed-up: on any text they must find the same words."""
    from verify.match.normalize import ASCII_WORD_RE, WORD_RE

    greedy = re.compile(r"\d+(?:\.\d+)*|[^\W_]+(?:'[^\W_]+)*")
    ascii_greedy = re.compile(r"[0-9]+(?:\.[0-9]+)*|[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
    pieces = [*"aZ09 .'_-", "..", "''", "3.5", "1.2.3", "don't", "x'", "'y", "é", "\u0663", "_a", "a_", "5a", "a5."]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert WORD_RE.findall(text) == greedy.findall(text), repr(text)
        if text.isascii():
            assert ASCII_WORD_RE.findall(text) == ascii_greedy.findall(text), repr(text)
