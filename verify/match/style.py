"""House style: differences in how words are written that leave them the same words.

UK and US spelling ("colour"/"color") come from the word list of the ``eng`` package (about
1,900 pairs, kept up by its authors, read as data); units and scales ("$2.5bn"/"$2.5 billion",
"3.1%"/"3.1 per cent", "£40m"/"40 million pounds") and numerals against number words compare
by value. A contraction ("can't"/"cannot", "we're"/"we are") is also the same words, but many
desks treat changing one inside a direct quote as altering the speaker's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from verify.match.normalize import is_number, is_number_word, number_values

# Words that only say the unit or scale of a figure beside them: the figure is compared by value.
UNIT_WORDS = frozenset(
    """per cent percent pc pound pounds dollar dollars euro euros pence cents bn mn m k tn trn
    thousand million billion trillion hundred""".split()
)
# Contracted forms that are not a word plus a suffix.
_WHOLE_CONTRACTIONS = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
}
_SUFFIXES = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would"}
# Only after these does "'s" stand for "is" ("it's"); elsewhere it is a possessive.
_IS_AFTER = frozenset("it that there he she what who here where how".split())


class Difference(IntEnum):
    """How a quote's words differ from the speaker's, least first."""

    NONE = 0  # the same words, written the same way
    STYLE = 1  # the same words in another house style: spelling, units, numerals
    CONTRACTION = 2  # a contraction made or undone


@lru_cache(maxsize=1)
def _us_spelling() -> dict[str, str]:
    """UK spelling -> US spelling, from the ``eng`` package's word list."""
    # Found, not imported: importing ``eng`` (and importlib.resources) would cost more than reading the list.
    spec = find_spec("eng")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the eng package (its UK/US word list) is not installed")
    table: dict[str, str] = {}
    words = Path(spec.submodule_search_locations[0], "words.txt")
    for line in words.read_text(encoding="utf-8").splitlines():
        uk, _, us = line.partition("\t")
        if uk.strip() and us.strip():
            table[uk.strip().lower()] = us.strip().lower()
    return table


def spelling(word: str) -> str:
    """The word in US spelling (unchanged when it has no UK form)."""
    return _us_spelling().get(word, word)


def expand(words: Sequence[str]) -> list[str]:
    """The words with every contraction written out: "can't" -> "can not"."""
    out: list[str] = []
    for word in words:
        if word in _WHOLE_CONTRACTIONS:
            out.extend(_WHOLE_CONTRACTIONS[word])
            continue
        for suffix, full in _SUFFIXES.items():
            if word.endswith(suffix) and len(word) > len(suffix):
                out.extend((word[: -len(suffix)], full))
                break
        else:
            base, _, rest = word.partition("'")
            out.extend((base, "is") if rest == "s" and base in _IS_AFTER else (word,))
    return out


@lru_cache(maxsize=4096)
def _canonical(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Cached: one claim run is compared with several source runs around it.
    figures = tuple(number_values(list(words)))
    others = tuple(spelling(w) for w in words if not (is_number(w) or is_number_word(w) or w in UNIT_WORDS))
    return figures, others


def _has_contraction(words: Sequence[str]) -> bool:
    """Whether ``expand`` could change any of the words: each form it writes out has an apostrophe, or is "cannot"."""
    return any("'" in w or w == "cannot" for w in words)


def difference(claim: Sequence[str], source: Sequence[str]) -> Difference | None:
    """How a run of a quote's words differs from the source's run there; None when the words
    themselves differ."""
    if "".join(claim) == "".join(source):
        return Difference.NONE
    if _canonical(tuple(claim)) == _canonical(tuple(source)):
        return Difference.STYLE
    if not (_has_contraction(claim) or _has_contraction(source)):
        return None  # written out, both runs would be as they are: compared just above
    if _canonical(tuple(expand(claim))) == _canonical(tuple(expand(source))):
        return Difference.CONTRACTION
    return None
