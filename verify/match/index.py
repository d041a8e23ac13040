"""The word index over source texts: built once per batch, and seen by each draft through a view.

Each readable text (a source's main text, and its full page text when it has one) becomes a
``Unit``: its normalised text, its words, and those words as a string of symbols, one
character per word. In a batch's index every distinct word gets a symbol of its own, so the
index depends on the sources alone and one index serves every draft of the batch. An index of
one draft's claims gives a symbol only to the words its claims use (and to the source words
sharing a reported statement's stem); every other word is ``FILLER``, which no claim symbol
equals. Matching compares claim symbols with source symbols only, never two source symbols, so
both give the same matches. A claim segment is a symbol string too, so a verbatim match is a
substring (``str.find``), the occurrences of a word are ``str.find`` hits, and rapidfuzz and
the aligner compare characters: all of it runs in C.

Which units hold each word is noted while the symbol strings are built; where in a unit the
rare words sit is found only for the units a search visits, when it visits them. A draft sees
only its own sources' units (``IndexView``), numbered as its own index would number them.

A unit's words as strings (for diffs), their offsets in the original text and its sentence
boundaries are needed only for the units a search visits, so they are found lazily, once per
text, and shared by every view of it.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice, repeat

from verify.match.normalize import (
    NormalizedText,
    chunked_words,
    normalize,
    stem,
    word_offsets,
)
from verify.match.normalize import words as _words
from verify.model import SourceText, Span

# The symbol of every source word no claim uses, in an index of one draft's claims.
FILLER = "\x00"
_FIRST_SYMBOL = 0x100  # clear of the control and Latin-1 characters
_CHUNK_CHARS = 1024  # about 170 words: what is read to locate one word
_SURROGATES = range(0xD800, 0xE000)  # not characters (UTF-8 cannot encode them): skipped


def symbol_of(number: int) -> str:
    """The one-character symbol of the ``number``-th word (never a surrogate, never below U+0100)."""
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


class _Reading:
    """What is found out about a text when first asked, shared by every view of its unit."""

    __slots__ = ("words", "spans", "sentence_of")

    def __init__(self) -> None:
        self.words: list[str] | None = None
        self.spans: dict[int, list[tuple[int, int]]] = {}  # by chunk: its words' offsets
        self.sentence_of: array[int] | None = None


@dataclass
class Unit:
    """One searchable text of one source."""

    number: int
    source_id: str
    main: bool  # False for the full page text, searched when the main text fails
    original: str = field(repr=False)
    ids: str  # one symbol per word (FILLER for a word no claim uses, in an index of claim words)
    normalized: NormalizedText = field(repr=False)
    comments: tuple[Span, ...] = field(default=(), repr=False)  # the page's comments sections in ``original``
    # Where each chunk of the normalised text starts, and how many words come before it: a word's
    # offsets are found by reading its chunk alone, never the text from its start.
    chunk_starts: tuple[int, ...] = field(default=(0,), repr=False)
    chunk_firsts: tuple[int, ...] = field(default=(0,), repr=False)
    # Made when first asked, once per text: only the units a search visits ever need them.
    _reading: _Reading = field(default_factory=_Reading, repr=False)

    def in_comments(self, start: int) -> bool:
        """Whether original offset ``start`` lies in one of the page's comments sections."""
        return any(span.start <= start < span.end for span in self.comments)

    def words(self, start: int, end: int) -> list[str]:
        """Normalised words ``[start, end)`` (as a slice of a list of them would give)."""
        reading = self._reading
        if reading.words is None:
            reading.words = _words(self.normalized.text)
        return reading.words[start:end]

    def span(self, k: int) -> tuple[int, int]:
        """Normalised character offsets of word ``k``; a chunk's words are located when first asked."""
        chunk = bisect_right(self.chunk_firsts, k) - 1
        found = self._reading.spans.get(chunk)
        if found is None:
            text = self.normalized.text
            end = self.chunk_starts[chunk + 1] if chunk + 1 < len(self.chunk_starts) else len(text)
            found = self._reading.spans[chunk] = word_offsets(text, self.chunk_starts[chunk], end)
        return found[k - self.chunk_firsts[chunk]]

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
        """For each word, the index of the sentence it belongs to; found once per text.

        Counted sentence by sentence: a sentence ends before a space, which no word holds, so
        the words of each piece between two ends are that sentence's words.
        """
        reading = self._reading
        if reading.sentence_of is None:
            text = self.normalized.text
            result = array("l")
            start = 0
            for number, end in enumerate([m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]):
                result.extend(repeat(number, len(_words(text[start:end]))))
                start = end
            reading.sentence_of = result
        return reading.sentence_of


_NO_UNITS: array[int] = array("i")  # never changed: what units_of gives for a word no unit holds


class SourceIndex:
    """Units, a symbol for every word (or every claim word), and which units hold each word.

    Built from the source texts alone, so one index serves every draft that cites them
    (``IndexView``). ``words`` are the claim words in the order a match declares them (see
    ``rank``). With ``claim_words_only`` only ``words``, and the source words whose stem is one
    of ``stems`` (a reported statement's content stems), get a symbol: the index of one draft,
    whose claims are known before it is built, spends nothing on the others.
    """

    def __init__(
        self,
        sources: Sequence[SourceText],
        words: Iterable[str] = (),
        stems: Iterable[str] = (),
        *,
        claim_words_only: bool = False,
    ) -> None:
        self.vocab: dict[str, str] = {}  # word -> symbol, numbered in the order words were met
        self.units: list[Unit] = []
        self.units_by_source: dict[str, list[int]] = {}
        self._units_of: defaultdict[str, array[int]] = defaultdict(lambda: array("i"))
        self._stem_ids: dict[str, list[str]] = {}
        self._source_words: list[str] | None = None  # sorted, made when a stem is first asked for
        self._rank: dict[str, int] = {}
        # None: every word gets a symbol; else the stems whose source words get one too.
        self._stems: frozenset[str] | None = frozenset(stems) if claim_words_only else None
        self._stem_prefixes = tuple(self._stems or ())  # a stem is a prefix of its word
        if claim_words_only:
            self.declare(words)
        for source in sources:
            self._add(source.source_id, source.text, True)
            if source.full_text is not None and source.full_text != source.text:
                self._add(source.source_id, source.full_text, False, source.comments)
        if not claim_words_only:
            self.declare(words)

    def _add(self, source_id: str, text: str, main: bool, comments: tuple[Span, ...] = ()) -> None:
        """Index one text: its words, its symbol string, and which words it holds."""
        number = len(self.units)
        normalized = normalize(text)
        found, starts, firsts = chunked_words(normalized.text, _CHUNK_CHARS)
        vocab = self.vocab
        if self._stems is None:
            for word in sorted(set(found).difference(vocab)):  # sorted: numbering does not hang on hashing
                vocab[word] = symbol_of(len(vocab))
            symbols = "".join(map(vocab.__getitem__, found))
            held = set(symbols)
        else:
            if self._stems:  # only a word starting with a stem can have it
                prefixes = self._stem_prefixes
                for word in sorted(w for w in set(found).difference(vocab) if w.startswith(prefixes)):
                    if stem(word) in self._stems:
                        self._word_id(word)
            symbols = "".join(map(vocab.get, found, repeat(FILLER)))
            held = set(symbols)
            held.discard(FILLER)
        for symbol in held:
            self._units_of[symbol].append(number)
        self.units.append(Unit(number, source_id, main, text, symbols, normalized, comments, starts, firsts))
        self.units_by_source.setdefault(source_id, []).append(number)

    def _word_id(self, word: str) -> str:
        symbol = self.vocab.get(word)
        if symbol is None:
            symbol = self.vocab[word] = symbol_of(len(self.vocab))
        return symbol

    def declare(self, words: Iterable[str]) -> None:
        """Note the order of first declaration of claim words (``rank``)."""
        for word in words:
            self._rank.setdefault(self._word_id(word), len(self._rank))

    def rank(self, word_id: str) -> int:
        """Where a claim word was first declared: ties between equally rare words go by it."""
        found = self._rank.get(word_id)
        return found if found is not None else len(self._rank) + ord(word_id)

    def ids_of(self, claim_words: Iterable[str]) -> str:
        """Claim words as a symbol string; a word no source holds gets a fresh symbol with no occurrences."""
        return "".join(self._word_id(w) for w in claim_words)

    def stem_ids(self, word_stem: str) -> list[str]:
        """Symbols of every source word with this stem (a stem is a prefix of its word).

        An index of claim words only knows the source words of the stems it was given.
        """
        found = self._stem_ids.get(word_stem)
        if found is None:
            if self._source_words is None:
                self._source_words = sorted(w for w, symbol in self.vocab.items() if symbol in self._units_of)
            listed = self._source_words
            first = bisect_left(listed, word_stem)
            found = []
            for word in islice(listed, first, None):
                if not word.startswith(word_stem):
                    break
                if stem(word) == word_stem:
                    found.append(self.vocab[word])
            self._stem_ids[word_stem] = found
        return found

    def frequency(self, word_id: str) -> int:
        """In how many units a word occurs."""
        return len(self.units_of(word_id))

    def units_of(self, word_id: str) -> Sequence[int]:
        """The units (ascending) holding a word."""
        return self._units_of.get(word_id, _NO_UNITS)  # get, not []: asking must not add an entry

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


class IndexView(SourceIndex):
    """One draft's part of a shared index: the units of its own sources, under its own ids.

    Units are numbered, and words ranked, as an index of that draft's sources alone would
    number and rank them, so a draft matched through a view gets the report it would get on
    its own. A unit's text, and what is found out about it, is the shared index's.
    """

    def __init__(self, shared: SourceIndex, sources: Sequence[tuple[str, str]], words: Iterable[str] = ()) -> None:
        """``sources``: (id in ``shared``, id in the draft) of each of the draft's sources, in its order."""
        self.vocab = shared.vocab
        self.units = []
        self.units_by_source = {}
        self._shared = shared
        self._local: dict[int, int] = {}  # shared unit number -> this view's
        self._units_of = defaultdict(lambda: array("i"))  # filled when asked
        self._rank = {}
        for shared_id, own_id in sources:
            for number in shared.units_by_source.get(shared_id, ()):
                self._local[number] = len(self.units)
                self.units_by_source.setdefault(own_id, []).append(len(self.units))
                self.units.append(replace(shared.units[number], number=len(self.units), source_id=own_id))
        self.declare(words)
        self._sees_all = len(self._local) == len(shared.units)
        self._shared_numbers = sorted(self._local)  # this view's units by their shared number

    def stem_ids(self, word_stem: str) -> list[str]:
        return self._shared.stem_ids(word_stem)

    def frequency(self, word_id: str) -> int:
        if self._sees_all:  # every draft of a batch with one sources file: no list to make
            return self._shared.frequency(word_id)
        return len(self.units_of(word_id))

    def units_of(self, word_id: str) -> Sequence[int]:
        found = self._units_of.get(word_id)
        if found is None:
            local, everywhere = self._local, self._shared.units_of(word_id)
            if len(everywhere) > 8 * len(local):  # a few sources in a large batch: look each of them up
                held = (n for n in self._shared_numbers if _holds(everywhere, n))
            else:
                held = (n for n in everywhere if n in local)
            found = self._units_of[word_id] = array("i", sorted(local[n] for n in held))
        return found


def _holds(ascending: Sequence[int], value: int) -> bool:
    at = bisect_left(ascending, value)
    return at < len(ascending) and ascending[at] == value
