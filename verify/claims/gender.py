"""The gender a first name usually has, for resolving "he" and "she" to a named person.

The short lists in ``lexicon`` answer first; any other name is looked up in the
dictionary of first names that the ``gender-guesser`` package ships (read from the
installed package, loaded once, nothing fetched). A name the data calls unisex or
does not know has no gender, so a pronoun may still take it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from verify.claims.lexicon import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES

# The package's answers that count: "mostly" names still lean one way in news text.
_ANSWERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


class _Detector(Protocol):
    def get_gender(self, name: str, country: str | None = None) -> str: ...


@lru_cache(maxsize=1)
def _detector() -> _Detector:
    import gender_guesser.detector as detector

    found: _Detector = detector.Detector(case_sensitive=False)
    return found


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
    return _ANSWERS.get(_detector().get_gender(word.capitalize()))


__all__ = ["given_name_gender"]
