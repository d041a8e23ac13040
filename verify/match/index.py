"""The word index over every source text, built once per call of ``match_claims``.

Each readable text (a source's main text, and its full page text when it has one) becomes a
``Unit``: its normalised text, its words, and those words as a string of symbols, one
character per word. Only the words some claim uses get a symbol of their own (declared when
the index is built, with the stems of reported statements, which bring in every source word
sharing one); every other source word is ``FILLER``, which no claim symbol equals. A claim
segment is a symbol string too, so a verbatim match is a substring (``str.find``), the
occurrences of a word are ``str.find`` hits, and rapidfuzz and the aligner compare characters:
all of it runs in C, and the thousands of distinct words of a large corpus cost nothing.

Which units hold each claim word is noted while the symbol strings are built; where in a unit
the rare words sit is found only for the units a search visits, when it visits them.

A unit's words as strings (for diffs) and their offsets in the original text are needed only
for the passages that become evidence, so they are computed lazily per unit.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat

from verify.match.normalize import (
    NormalizedText,
    normalize,
    stem,
)
from verify.match.normalize import words as _words
from verify.model import SourceText

# The symbol of every source word that no claim uses.
FILLER = "\x00"
_FIRST_SYMBOL = 0x100
_SURROGATES = range(0xD800, 0xE000)  # not characters (UTF-8 cannot encode them): skipped


def symbol_of(number: int) -> str:
    """The one-character symbol of the ``number``-th claim word (never FILLER or a surrogate)."""
    code = _FIRST_SYMBOL + number
    if code >= _SURROGATES.start:
        code += len(_SURROGATES)
    return chr(code)


# Where a sentence ends in normalised text: terminal punctuation, closing quotes, then a space.
# A sentence ends at a stop, or where the normaliser left a blank line (two or more spaces):
# a headline, a caption or a list item has no full stop but is not part of the next sentence.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?= |$)|(?<=\S) {2,}(?=\S)")
# A word broken across a line by a hyphen, shown joined in diffs ("inter-\nnational").
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad][ \t]*\r?\n[ \t]*(?=[^\W\d_A-Z])")


# A word asked for more than this many words past the known spans is reached from an anchor
# (``Unit._anchor``): a word of at least SPAN_ANCHOR_MIN_CHARS characters, sought among
# SPAN_ANCHOR_TRIES words from SPAN_ANCHOR_MARGIN_WORDS before the word asked. The margin covers
# what one passage's evidence asks next: its diff, its span, then its snippet, which starts
# SNIPPET_CONTEXT_WORDS before the passage. Speed only: the spans are the same whatever these
# are. Chosen by replaying the 508 span requests of the bench corpus's evidence at 300 sources
# (74 units, their normalised texts and the word-end tables of the time made beforehand):
# 9.9 ms walking from word 0, 2.9 ms with these; margins of 24 to 48 words and thresholds of 48
# or 64 did as well within 0.3 ms, 6-character anchors took 4.4 ms.
SPAN_ANCHOR_AFTER_WORDS = 48
SPAN_ANCHOR_MARGIN_WORDS = 32
SPAN_ANCHOR_TRIES = 32
SPAN_ANCHOR_MIN_CHARS = 5


@dataclass
class Unit:
    """One searchable text of one source."""

    number: int
    source_id: str
    main: bool  # False for the full page text, searched when the main text fails
    original: str = field(repr=False)
    ids: str  # one symbol per word: its own if some claim uses the word, else FILLER
    token_text: str = field(repr=False)  # the normalised words joined by single spaces
    normalized: NormalizedText = field(repr=False)
    _span_base: int = field(default=0, repr=False)  # the word whose span is _span_starts[0], _span_ends[0]
    _span_starts: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _span_ends: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _sentence_of: array[int] | None = field(default=None, repr=False)

    def _word_offset(self, j: int, known: int = 0, known_offset: int = 0) -> int:
        """Where word ``j`` (``0 < j < len(ids)``) starts in ``token_text``, counting on from
        word ``known`` (at most ``j``) at ``known_offset``.

        Found by halving the text with ``str.count``, which runs at C speed, rather than from a
        table of where every word starts: a search asks for a few words of a unit at a time
        (163 requests over 111 units at 300 sources), and such a table, made from every word
        of each unit asked, took 10 ms at 300 sources and 51 ms at 3,000.
        """
        tokens, spaces = self.token_text, j - known  # the spaces to pass: one before each word
        low, high = known_offset, len(tokens)
        while high - low > 64 and spaces > 1:  # (in a short stretch, stepping from space to space is as quick)
            middle = (low + high) // 2
            passed = tokens.count(" ", low, middle)
            if passed >= spaces:
                high = middle
            else:
                spaces -= passed
                low = middle
        for _ in range(spaces):
            low = tokens.index(" ", low) + 1
        return low

    def words(self, start: int, end: int) -> list[str]:
        """Normalised words ``[start, end)`` (as a slice of a list of them would give)."""
        count = len(self.ids)  # one symbol per word
        start, end, _ = slice(start, end).indices(count)
        if end <= start:
            return []
        begin = self._word_offset(start) if start else 0
        if end == count:
            return self.token_text[begin:].split(" ")
        return self.token_text[begin : self._word_offset(end, start, begin) - 1].split(" ")

    def span(self, k: int) -> tuple[int, int]:
        """Normalised character offsets of word ``k``.

        Words are located only as far as asked: evidence needs a few words of a unit, and
        finding every word of every evidence unit cost more than the rest of the evidence.
        Each word is found with ``str.find`` from the end of the one before, not by scanning
        with the word pattern again: what lies between two words holds no letter or digit, so
        the first place the next word's text occurs is where that word is (about 40% less time
        than the pattern on the bench corpus's evidence).

        The known spans are a run of consecutive words, from word 0 or from an anchor: a word
        asked for far past the run (a passage in the middle of a long text) is reached from a
        word a little before it whose place is certain (``_anchor``), not by walking from the
        start of the text.
        """
        base, starts = self._span_base, self._span_starts
        if not base <= k < base + len(starts):
            if k < base or k - (base + len(starts)) > SPAN_ANCHOR_AFTER_WORDS:
                self._anchor(k)
            self._walk_to(k)
            base, starts = self._span_base, self._span_starts
        return starts[k - base], self._span_ends[k - base]

    def _anchor(self, k: int) -> None:
        """Restart the known spans at a word shortly before word ``k`` whose place is certain: one
        of ``SPAN_ANCHOR_MIN_CHARS`` characters or more whose text occurs once in the whole
        normalised text (a word's text is always there at its own place, so a single occurrence
        can only be that word). Failing that, from word 0, unless ``k`` lies past the known run."""
        text = self.normalized.text
        low = min(k, len(self.ids) - 1) - SPAN_ANCHOR_MARGIN_WORDS  # later requests of a passage lie a little before
        first = max(low - SPAN_ANCHOR_TRIES, 0) + 1
        if low >= first:
            candidates = self.words(first, low + 1)
            for j in range(low, first - 1, -1):
                word = candidates[j - first]
                if len(word) < SPAN_ANCHOR_MIN_CHARS:
                    continue
                at = text.find(word)
                if at >= 0 and text.find(word, at + 1) < 0:
                    self._span_base = j
                    self._span_starts, self._span_ends = array("q", [at]), array("q", [at + len(word)])
                    return
        if k < self._span_base:
            self._span_base, self._span_starts, self._span_ends = 0, array("q"), array("q")

    def _walk_to(self, k: int) -> None:
        """Extend the known run of spans up to word ``k`` (or the last word)."""
        starts, ends = self._span_starts, self._span_ends
        text = self.normalized.text
        at = ends[-1] if ends else 0
        first = self._span_base + len(starts)
        for word in self.words(first, k + 1):
            start = text.find(word, at)
            at = start + len(word)
            starts.append(start)
            ends.append(at)

    def _all_spans(self) -> None:
        """Make the known run of spans start at word 0 and cover every word."""
        if self._span_base:
            self._span_base, self._span_starts, self._span_ends = 0, array("q"), array("q")
        if self.ids:
            self._walk_to(len(self.ids) - 1)

    def norm_spans(self) -> list[tuple[int, int]]:
        """Normalised character offsets of every word."""
        self._all_spans()
        return list(zip(self._span_starts, self._span_ends, strict=True))

    def original_span(self, first: int, end: int) -> tuple[int, int]:
        """Original character offsets of words ``[first, end)`` (``end > first``)."""
        return (
            self.normalized.to_original_start(self.span(first)[0]),
            self.normalized.to_original_end(self.span(end - 1)[1]),
        )

    def original_words(self, first: int, end: int) -> str:
        """Words ``[first, end)`` as written in the source, whitespace collapsed."""
        if end <= first:
            return ""
        start, stop = self.original_span(first, end)
        return " ".join(_LINE_BREAK_HYPHEN.sub("", self.original[start:stop]).split())

    def sentence_of(self) -> array[int]:
        """For each word, the index of the sentence it belongs to."""
        if self._sentence_of is None:
            ends = [m.end() for m in _SENTENCE_END.finditer(self.normalized.text)]
            result = array("l")
            sentence = 0
            self._all_spans()
            for start in self._span_starts:
                while sentence < len(ends) and ends[sentence] <= start:
                    sentence += 1
                result.append(sentence)
            self._sentence_of = result
        return self._sentence_of


_NO_UNITS: array[int] = array("i")  # never changed: what units_of gives for a word no unit holds


class SourceIndex:
    """Units, the claims' vocabulary, and which units hold each claim word.

    ``words`` are every word a claim will be matched with (normalised); ``stems`` the content
    stems of reported statements, whose matching source words join the vocabulary. A word
    not declared here has no occurrences as far as the index knows.
    """

    def __init__(self, sources: Sequence[SourceText], words: Iterable[str] = (), stems: Iterable[str] = ()) -> None:
        self.vocab: dict[str, str] = {}  # word -> symbol, numbered in the order words were declared
        self.units: list[Unit] = []
        self._units_of: defaultdict[str, array[int]] = defaultdict(lambda: array("i"))
        self._stem_ids: dict[str, list[str]] = {}
        for word in words:
            self._word_id(word)
        wanted_stems = frozenset(stems)
        prefixes = tuple(wanted_stems)  # a stem is a prefix of its word: only such words can have one
        for source in sources:
            self._add(source.source_id, source.text, True, wanted_stems, prefixes)
            if source.full_text is not None and source.full_text != source.text:
                self._add(source.source_id, source.full_text, False, wanted_stems, prefixes)
        if wanted_stems:
            for word in sorted(w for w in self.vocab if w.startswith(prefixes)):
                word_stem = stem(word)
                if word_stem in wanted_stems:
                    self._stem_ids.setdefault(word_stem, []).append(self.vocab[word])

    def _add(self, source_id: str, text: str, main: bool, stems: frozenset[str], prefixes: tuple[str, ...]) -> None:
        """Index one text: its words, its symbol string, and which claim words it holds."""
        number = len(self.units)
        normalized = normalize(text)
        found = _words(normalized.text)
        if prefixes:
            # Source words sharing a reported statement's stem join the vocabulary (in sorted
            # order, so that the index does not depend on the order of a text's words).
            for word in sorted(w for w in set(found).difference(self.vocab) if w.startswith(prefixes)):
                if stem(word) in stems:
                    self._word_id(word)
        symbols = "".join(map(self.vocab.get, found, repeat(FILLER)))
        for symbol in set(symbols).difference(FILLER):
            self._units_of[symbol].append(number)
        self.units.append(Unit(number, source_id, main, text, symbols, " ".join(found), normalized))

    def _word_id(self, word: str) -> str:
        symbol = self.vocab.get(word)
        if symbol is None:
            symbol = self.vocab[word] = symbol_of(len(self.vocab))
        return symbol

    def ids_of(self, claim_words: Iterable[str]) -> str:
        """Claim words as a symbol string; a word not declared gets a fresh symbol with no occurrences."""
        return "".join(self._word_id(w) for w in claim_words)

    def stem_ids(self, word_stem: str) -> list[str]:
        """Symbols of every source word with this stem (the stem must have been declared)."""
        return self._stem_ids.get(word_stem, [])

    def frequency(self, word_id: str) -> int:
        """In how many units a claim word occurs."""
        found = self._units_of.get(word_id)  # get, not []: asking must not add an entry
        return len(found) if found is not None else 0

    def units_of(self, word_id: str) -> Sequence[int]:
        """The units (ascending) holding a claim word."""
        return self._units_of.get(word_id, _NO_UNITS)

    def positions(self, number: int, word_ids: Iterable[str]) -> dict[str, list[int]]:
        """Where each of these words occurs in one unit (word offsets, ascending; absent words left out)."""
        symbols = self.units[number].ids
        found: dict[str, list[int]] = {}
        for symbol in word_ids:
            at = symbols.find(symbol)
            if at < 0:
                continue
            hits = found[symbol] = []
            while at >= 0:
                hits.append(at)
                at = symbols.find(symbol, at + 1)
        return found
