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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice, repeat

from verify.match.normalize import (
    WORD_RE,
    NormalizedText,
    normalize,
    stem,
)
from verify.match.normalize import words as _words
from verify.model import SourceText, Span

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


@dataclass
class Unit:
    """One searchable text of one source."""

    number: int
    source_id: str
    main: bool  # False for the full page text, searched when the main text fails
    original: str = field(repr=False)
    ids: str  # one symbol per word: its own if some claim uses the word, else FILLER
    normalized: NormalizedText = field(repr=False)
    comments: tuple[Span, ...] = field(default=(), repr=False)  # the page's comments sections in ``original``
    # Made when first asked: only the few units that become evidence ever need them.
    _words: list[str] | None = field(default=None, repr=False)
    _spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _more_spans: Iterator[re.Match[str]] | None = field(default=None, repr=False)
    _sentence_of: array[int] | None = field(default=None, repr=False)

    def in_comments(self, start: int) -> bool:
        """Whether original offset ``start`` lies in one of the page's comments sections."""
        return any(span.start <= start < span.end for span in self.comments)

    def words(self, start: int, end: int) -> list[str]:
        """Normalised words ``[start, end)`` (as a slice of a list of them would give)."""
        if self._words is None:
            self._words = _words(self.normalized.text)
        return self._words[start:end]

    def norm_spans(self) -> list[tuple[int, int]]:
        """Normalised character offsets of every word."""
        if self.ids:
            self.span(len(self.ids) - 1)
        return self._spans

    def span(self, k: int) -> tuple[int, int]:
        """Normalised character offsets of word ``k``; words are located only as far as asked."""
        if k >= len(self._spans):
            if self._more_spans is None:
                self._more_spans = WORD_RE.finditer(self.normalized.text)
            self._spans.extend(map(re.Match.span, islice(self._more_spans, k + 1 - len(self._spans))))
        return self._spans[k]

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
        """For each word, the index of the sentence it belongs to.

        Counted sentence by sentence: a sentence ends before a space, which no word holds, so
        the words of each piece between two ends are that sentence's words.
        """
        if self._sentence_of is None:
            text = self.normalized.text
            result = array("l")
            start = 0
            for number, end in enumerate([m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]):
                result.extend(repeat(number, len(_words(text[start:end]))))
                start = end
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
                self._add(source.source_id, source.full_text, False, wanted_stems, prefixes, source.comments)
        if wanted_stems:
            for word in sorted(w for w in self.vocab if w.startswith(prefixes)):
                word_stem = stem(word)
                if word_stem in wanted_stems:
                    self._stem_ids.setdefault(word_stem, []).append(self.vocab[word])

    def _add(
        self,
        source_id: str,
        text: str,
        main: bool,
        stems: frozenset[str],
        prefixes: tuple[str, ...],
        comments: tuple[Span, ...] = (),
    ) -> None:
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
        self.units.append(Unit(number, source_id, main, text, symbols, normalized, comments))

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
