"""Sentence boundaries that respect quotations, abbreviations and paragraph breaks.

A sentence never ends inside a quotation: ``“It works. Really,” she said.`` is one
sentence. A quotation that ends a sentence (``... done.” Then``) ends it after its
closing mark. One pass over the text; the cost is linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from verify.claims.lexicon import ABBREVIATIONS
from verify.claims.quotes import Quotation
from verify.document import append_trimmed
from verify.model import Span

_CLOSERS = "”\"’')]»"


# No abbreviation is longer than this, so the word before a full stop is read no further back
# (a run of thousands of dots or letters is read in constant time per dot).
_ABBREVIATION_REACH = max(7, *(len(word) for word in ABBREVIATIONS)) + 1


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    j = dot
    floor = max(0, dot - _ABBREVIATION_REACH)
    while j > floor and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    if j == floor and j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        return False  # a longer word than any abbreviation
    word = text[j:dot].lower()
    if not word or (j > 0 and text[j - 1].isdigit()):
        return False  # "the 1970s." ends a sentence
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith", "N.Y."
    return word in ABBREVIATIONS or ("." in word and len(word) <= 6)


_CANDIDATE = re.compile(r"[.?!…]|\n")


def sentence_spans(text: str, paragraphs: tuple[Span, ...], quotations: tuple[Quotation, ...]) -> tuple[Span, ...]:
    """Sentences of every paragraph, in order, each trimmed of surrounding space."""
    opens = [q.open_at for q in quotations]
    spans: list[Span] = []
    for para in paragraphs:
        start = para.start
        for end_here in _boundaries(text, para, quotations, opens):
            if end_here > start:
                append_trimmed(text, start, end_here, spans)
                start = end_here
        append_trimmed(text, start, para.end, spans)
    return tuple(spans)


def _boundaries(text: str, para: Span, quotations: tuple[Quotation, ...], opens: list[int]) -> list[int]:
    """Offsets in ``para`` where a sentence ends, in order."""
    found: list[int] = []
    k = max(0, bisect_right(opens, para.start) - 1)
    for m in _CANDIDATE.finditer(text, para.start, para.end):
        i = m.start()
        while k < len(quotations) and quotations[k].close_end <= i:
            k += 1
        if k < len(quotations) and quotations[k].open_at < i < quotations[k].close_end:
            q = quotations[k]
            # Inside a quotation only its own end can end the sentence: “... done.” Then
            # (closing marks may pile up: “… blood.'” ends like “… blood.”)
            if text[i] in ".?!…" and _only_closers(text, i + 1, q.close_end):
                j = q.close_end
                while j < para.end and text[j] in _CLOSERS:
                    j += 1
                if j >= para.end or (text[j].isspace() and _starts_sentence(text, j, para.end)):
                    found.append(j)
            continue
        if text[i] == "\n":
            if i + 1 < para.end and _line_is_break(text, i):
                found.append(i)
            continue
        if text[i] == "." and is_abbreviation(text, i) and not _abbreviation_ends(text, i, para.end):
            continue
        j = i + 1
        while j < para.end and text[j] in _CLOSERS:
            j += 1
        if j >= para.end or (text[j].isspace() and _starts_sentence(text, j, para.end)):
            found.append(j)
    return found


# Abbreviations that only ever stand before a name ("Sen. Lind"), never at a sentence's end.
_TITLES = frozenset("mr mrs ms dr st sen rep gov gen col lt sgt capt prof rev vs no mt ft".split())
# Capitalised words that open a sentence and are no part of a name: "… in the U.S. The senator …"
_OPENERS = frozenset(
    "the a an he she it they we i this that these those but and in on at for his her its their our there if when "
    "while as after before some many most no so yet still meanwhile however both each all what why how".split()
)


def _abbreviation_ends(text: str, dot: int, end: int) -> bool:
    """Whether an abbreviation's full stop also ends the sentence: "the U.S. The senator", "9 a.m. He"."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if word in _TITLES or len(word) == 1:
        return False  # a title or an initial stands before a name
    k = dot + 1
    if k >= end or text[k] not in " \t":
        return False
    while k < end and text[k] in " \t":
        k += 1
    m = re.match(r"[A-Z][a-z]*\b", text[k : k + 12])
    return m is not None and m.group(0).lower() in _OPENERS


def _only_closers(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one or more closing marks (read only as far as needed)."""
    if start >= end:
        return False
    i = start
    while i < end and text[i] in _CLOSERS:
        i += 1
    return i == end


def _line_is_break(text: str, i: int) -> bool:
    nxt = i + 1
    while nxt < len(text) and text[nxt] in " \t\r":
        nxt += 1
    if nxt >= len(text):
        return True
    j = i
    while j > 0 and text[j - 1] in " \t\r":
        j -= 1
    last = text[j - 1] if j > 0 else "."
    return last in ".?!:…”\"’'" or not text[nxt].islower()


def _starts_sentence(text: str, j: int, end: int) -> bool:
    while j < end and text[j].isspace():
        j += 1
    if j >= end:
        return True
    ch = text[j]
    return ch.isupper() or ch.isdigit() or ch in "“‘\"'«„(—–―-["
