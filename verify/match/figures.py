"""Numbers and dates a statement gives, compared with a passage's: agreement, estimates, contradiction.

A number after an approximator ("about 1,400", "nearly 20%") is an estimate and agrees with any
figure inside the rounding its word allows (``APPROXIMATORS``). A date is compared only with a
date of the same kind: a month with a month, a weekday with a weekday, a year with a year;
relative words ("yesterday", "last week") are never dates here, as their day depends on when
each text was written.
"""

from __future__ import annotations

from collections.abc import Sequence

from verify.match.normalize import is_number, is_number_word, number_values
from verify.match.thresholds import APPROXIMATORS

MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words before a four-digit number that make it a year ("in 2024", "since 1998").
_YEAR_CUES = frozenset({"in", "since", "until", "till", "during", "of", "year"}) | MONTHS
# Words around "May" that make it the month and not the verb ("in May", "by May 4").
_MONTH_CUES = frozenset(
    {"in", "of", "by", "until", "till", "since", "from", "before", "after", "early", "late", "mid", "end", "next",
     "last", "this", "on", "during"}
)
_APPROXIMATOR_WORDS = tuple((tuple(phrase.split()), limits) for phrase, limits in APPROXIMATORS.items())
# The approximators by their first word, in the same order: a word is tried only against those.
_APPROXIMATORS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[float, float]]]] = {}
for _words, _limits in _APPROXIMATOR_WORDS:
    _APPROXIMATORS_BY_FIRST.setdefault(_words[0], []).append((_words, _limits))

# Words that only shape a figure or name a date: left out of a statement's content words, as a
# figure and a date are compared on their own.
# Only one-word approximators: the words of "close to" or "at least" also carry meaning elsewhere.
FIGURE_WORDS = frozenset(phrase for phrase in APPROXIMATORS if " " not in phrase) | MONTHS | WEEKDAYS


def _value(word: str) -> float | None:
    try:
        return float(word)
    except ValueError:
        return None


def estimates(tokens: Sequence[str]) -> list[tuple[float, float, float]]:
    """Each estimate in a run of words as (lowest, highest) bounds with the stated value."""
    found: list[tuple[float, float, float]] = []
    for k, token in enumerate(tokens):
        for words, (below, above) in _APPROXIMATORS_BY_FIRST.get(token, ()):
            n = len(words)
            if tuple(tokens[k : k + n]) != words or k + n >= len(tokens):
                continue
            following = tokens[k + n]
            if not (is_number(following) or is_number_word(following) or following == "a"):
                continue
            values = number_values(list(tokens[k + n : k + n + 4]))
            stated = _value(values[0]) if values else None
            if stated is not None:
                found.append((stated * (1 - below), stated * (1 + above), stated))
    return found


def _within(value: str, estimated: list[tuple[float, float, float]]) -> bool:
    number = _value(value)
    return number is not None and any(low <= number <= high for low, high, _ in estimated)


def years(tokens: Sequence[str]) -> set[str]:
    """Four-digit numbers that a cue word makes a year ("in 2024", "May 2023")."""
    return {
        word
        for k, word in enumerate(tokens)
        if k > 0 and len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2199 and tokens[k - 1] in _YEAR_CUES
    }


def unexplained_numbers(claim: Sequence[str], passage: Sequence[str]) -> tuple[set[str], set[str]]:
    """The numbers (years left out) each side states that the other neither states nor estimates.

    Returns (the claim's, the passage's).
    """
    either = years(claim) | years(passage)  # a year is a date, compared as one
    mine = set(number_values(list(claim))) - either
    theirs = set(number_values(list(passage))) - either
    my_estimates, their_estimates = estimates(claim), estimates(passage)
    missing = {v for v in mine - theirs if not _within(v, their_estimates)}
    missing = {
        v for v in missing if not any(_within(p, [e]) for e in my_estimates if e[2] == _value(v) for p in theirs)
    }
    other = {v for v in theirs - mine if not _within(v, my_estimates)}
    other = {v for v in other if not any(_within(c, [e]) for e in their_estimates if e[2] == _value(v) for c in mine)}
    return missing, other


def dates(tokens: Sequence[str], originals: Sequence[str]) -> dict[str, set[str]]:
    """The explicit dates of a run of words by kind: "month", "weekday", "year".

    ``originals`` are the same words as written: a month name counts only capitalised, and "May"
    only next to a word that makes it a date.
    """
    found: dict[str, set[str]] = {"month": set(), "weekday": set(), "year": years(tokens)}
    for k, word in enumerate(tokens):
        if word in WEEKDAYS:
            found["weekday"].add(word)
        elif word in MONTHS and originals[k][:1].isupper():
            if word == "may":
                before = tokens[k - 1] if k > 0 else ""
                after = tokens[k + 1] if k + 1 < len(tokens) else ""
                if before not in _MONTH_CUES and not after.isdigit():
                    continue
            found["month"].add(word)
    return found


def dates_differ(claim: dict[str, set[str]], passage: dict[str, set[str]]) -> bool:
    """Whether the claim gives a date of some kind that the passage gives otherwise."""
    return any(claim[kind] and passage[kind] and not claim[kind] <= passage[kind] for kind in claim)
