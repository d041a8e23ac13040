"""The gender a first name usually has, for resolving "he" and "she" to a named person.

The short lists in ``lexicon`` answer first; any other name is looked up in the dictionary of
first names that the ``gender-guesser`` package ships (its data file, read from the installed
package once; nothing is fetched). A name is found by plain string search rather than by
loading the package's whole table, which costs a few milliseconds instead of a fraction of a
second. Where the data lists a name for both genders, the one used in more countries, and more
often there, wins, as the package itself decides. A name the data calls unisex or does not know
has no gender, so a pronoun may still take it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verify.claims.lexicon import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES

# The data's gender codes: "1M"/"?M" mostly male, "1F"/"?F" mostly female, "?" unisex.
_CODES = {"M": "male", "1M": "male", "?M": "male", "F": "female", "1F": "female", "?F": "female", "?": None}
# Where a line's name starts, and where its per-country frequencies start (the package's layout).
_NAME_COLUMN = 3
_COUNTRY_COLUMN = 30


@lru_cache(maxsize=1)
def _data() -> bytes:
    from importlib.resources import files  # only a pronoun whose name the short lists lack gets here

    # bytes, not str: searching one-byte data is several times faster than the wide str it decodes to
    return (files("gender_guesser") / "data" / "nam_dict.txt").read_bytes()


def _weight(countries: str) -> tuple[int, int]:
    """How widely and how often a name is used: countries listing it, then their frequency digits."""
    digits = countries.replace(" ", "")
    return len(digits), sum(ord(c) - 55 if ord(c) > 64 else ord(c) - 48 for c in digits)


# After this many names looked up by search, an index of every line is built once: a single draft
# needs a handful (searching is cheaper), a batch of drafts many (indexing is cheaper).
_SEARCHES_BEFORE_INDEX = 24
_LINE = re.compile(rb"^[MF1?][MF ]? +([^\s+]+) ", re.MULTILINE)


class _Lines:
    """Where each name's lines start in the data: found by search at first, then by an index."""

    def __init__(self) -> None:
        self.searches = 0
        self.index: dict[bytes, list[int]] | None = None

    def starts(self, data: bytes, name: bytes) -> list[int]:
        if self.index is not None:
            return self.index.get(name, [])
        self.searches += 1
        if self.searches > _SEARCHES_BEFORE_INDEX:
            index: dict[bytes, list[int]] = {}
            for m in _LINE.finditer(data):
                index.setdefault(m.group(1), []).append(m.start())
            self.index = index
            return index.get(name, [])
        found = []
        key = b" " + name + b" "
        at = data.find(key)
        while at >= 0:
            line_start = data.rfind(b"\n", 0, at) + 1
            if at + 1 - line_start == _NAME_COLUMN:
                found.append(line_start)
            at = data.find(key, at + 1)
        return found


_LINES = _Lines()


def _package_gender(name: str) -> str | None:
    data = _data()
    best: str | None = None
    best_weight = (0, 0)
    for k, line_start in enumerate(_LINES.starts(data, name.encode())):
        line_end = data.find(b"\n", line_start)
        line = data[line_start : line_end if line_end >= 0 else len(data)].decode("utf-8", "replace").strip()
        code = line[:_NAME_COLUMN].strip()
        if code in _CODES:
            weight = _weight(line[_COUNTRY_COLUMN:-1])
            if k == 0 or weight > best_weight:
                best, best_weight = _CODES[code], max(weight, best_weight)
    return best if best_weight[0] > 0 else None


@lru_cache(maxsize=4096)
def given_name_gender(name: str) -> str | None:
    """"male", "female" or None for a first name as written ("Hillary", "JOAN")."""
    word = name.strip(".’'").lower()
    if word in MALE_GIVEN_NAMES:
        return "male"
    if word in FEMALE_GIVEN_NAMES:
        return "female"
    if len(word) < 2 or not word.isalpha():
        return None  # an initial ("J.") says nothing
    return _package_gender(word.capitalize())


__all__ = ["given_name_gender"]
