"""What a quote leaves out of the speaker's words: inside it (an ellipsis) or after it (a cut).

An ellipsis that drops a negation changes what was said; one that drops a qualifier ("in most
schools", "if funding continues") narrows it. A quote that stops where the speaker's sentence
goes on inside a phrase (a list, or a clause that restricts the last noun) changes what was
said; one that stops before a contrast or a condition leaves out something an editor should
see; one that stops at any other clause boundary is ordinary quoting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from verify.match.index import Unit

# Words that make the words around them hold only in part, or only on a condition.
QUALIFIER_WORDS = frozenset(
    """if unless provided providing except only most many some few partly largely mainly mostly
    partially probably possibly perhaps sometimes usually generally temporarily""".split()
)
# Words that open a contrast or a condition: what follows may undo what came before.
CONTRAST_WORDS = frozenset("but unless although though if except yet whereas provided providing".split())
# Words that open a clause restricting the noun before them ("every worker who has ...").
RESTRICTIVE_WORDS = frozenset("who whom whose that which where".split())
# A list going on after a comma: a few words, "and" or "or", a word or two, then a stop.
_LIST_AFTER_COMMA = re.compile(r"\s*,\s*(?:[^\W_]+[\s,]+){1,4}?(?:and|or)\s+[^\W_]+(?:\s+[^\W_]+)?\s*(?:[.;:!?\",]|$)")
_LIST_AFTER_AND = re.compile(r"\s+(?:and|or)\s+[^\W_]+(?:\s+[^\W_]+){0,2}\s*(?:[.;:!?\",]|$)")
# Where the speaker's sentence, or their quotation, stops.
_STOPS = re.compile(r"[.!?;:\"]")
# How much of what follows a cut is shown, at most.
FOLLOWED_BY_WORDS = 30


class CutKind(Enum):
    PHRASE = "phrase"  # stops inside a list or before a restrictive clause: the words change
    CLAUSE = "clause"  # stops before a contrast or a condition: the verdict stands


@dataclass(frozen=True)
class Cut:
    """The kind of cut a quote makes where the speaker's sentence goes on, and the words that follow."""

    kind: CutKind
    followed_by: str  # the speaker's words after the quote, to the end of their sentence


def omits_qualifier(omitted: list[str]) -> bool:
    return any(word in QUALIFIER_WORDS for word in omitted)


def cut_after(unit: Unit, end: int) -> Cut | None:
    """How a quote whose last word is unit word ``end - 1`` stops short, if it does."""
    if end <= 0 or end >= len(unit.ids):
        return None
    text = unit.normalized.text
    gap_start, gap_end = unit.span(end - 1)[1], unit.span(end)[0]
    between = text[gap_start:gap_end]
    if _STOPS.search(between):
        return None
    following = text[gap_end : unit.span(end)[1]]
    ahead = text[gap_start : gap_start + 200]
    kind: CutKind | None = None
    if following in CONTRAST_WORDS and (following != "yet" or "," in between):
        kind = CutKind.CLAUSE
    elif between.strip() == "" and following in RESTRICTIVE_WORDS:
        kind = CutKind.PHRASE
    elif _LIST_AFTER_COMMA.match(ahead) or (between.strip() == "" and _LIST_AFTER_AND.match(ahead)):
        kind = CutKind.PHRASE
    if kind is None:
        return None
    return Cut(kind, _rest_of_sentence(unit, end))


def _rest_of_sentence(unit: Unit, end: int) -> str:
    """The unit's words from ``end`` to the end of the sentence (or the quotation) they are in."""
    sentence_of = unit.sentence_of()
    last = end
    limit = min(len(unit.ids), end + FOLLOWED_BY_WORDS)
    text = unit.normalized.text
    while last < limit and sentence_of[last] == sentence_of[end - 1]:
        if last > end and '"' in text[unit.span(last - 1)[1] : unit.span(last)[0]]:
            break
        last += 1
    return unit.original_words(end, last)
