"""The word index over every source text, built once per call of ``match_claims``.

Each readable text (a source's main text, and its full page text when it has one) becomes a
``Unit``: its normalised text, its words, and those words as ids. Only the words some claim
uses are given ids (declared when the index is built, with the stems of reported statements,
which bring in every source word sharing one): every other source word is ``None``, a word no
claim word can equal. Matching compares claim ids with source ids and never needs more, so
the thousands of distinct words of a large corpus cost no dictionary of their own.

The postings map a word id to the (unit, word offset) pairs where it occurs; only rare words
get postings, which keeps the index small when there are thousands of sources and few claims.

A unit's words as strings (for diffs) and their offsets in the original text are needed only
for the passages that become evidence, so they are computed lazily per unit.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, count

from verify.match.normalize import ASCII_WORD_RE, WORD_RE, NormalizedText, is_number, normalize
from verify.match.normalize import words as _words
from verify.model import SourceText

# English function words: never content words of a reported statement.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it it's its itself
    just me more most my myself now of off on once only or other our ours ourselves out over own
    said same say says she should so some such than that that's the their theirs them themselves
    then there there's these they this those through to too told under until up us very was we were
    what when where which while who whom why will with would you your yours yourself also according
    week year last told tells telling""".split()
)

_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")
STEM_LENGTH = 6  # a crude stem keeps this many characters after suffix stripping

# Where a sentence ends in normalised text: terminal punctuation, closing quotes, then a space.
# A sentence ends at a stop, or where the normaliser left a blank line (two or more spaces):
# a headline, a caption or a list item has no full stop but is not part of the next sentence.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?= |$)|(?<=\S) {2,}(?=\S)")
# A word broken across a line by a hyphen, shown joined in diffs ("inter-\nnational").
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad][ \t]*\r?\n[ \t]*(?=[^\W\d_A-Z])")


def stem(word: str) -> str:
    """A crude stem so that "detained"/"detains" or "reports"/"reported" meet; numbers stay whole."""
    if is_number(word):
        return word
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


@dataclass
class Unit:
    """One searchable text of one source."""

    number: int
    source_id: str
    main: bool  # False for the full page text, searched when the main text fails
    normalized: NormalizedText
    ids: list[int | None]  # per word: its id if some claim uses it, else None
    token_text: str = field(repr=False)  # the normalised words joined by single spaces
    _tokens: list[str] | None = field(default=None, repr=False)
    _norm_spans: list[tuple[int, int]] | None = field(default=None, repr=False)
    _sentence_of: array[int] | None = field(default=None, repr=False)

    @property
    def original(self) -> str:
        return self.normalized.original

    def words(self, start: int, end: int) -> list[str]:
        """Normalised words ``[start, end)``."""
        if self._tokens is None:
            self._tokens = self.token_text.split(" ") if self.token_text else []
        return self._tokens[start:end]

    def norm_spans(self) -> list[tuple[int, int]]:
        if self._norm_spans is None:
            text = self.normalized.text
            pattern = ASCII_WORD_RE if text.isascii() else WORD_RE
            self._norm_spans = [m.span() for m in pattern.finditer(text)]
        return self._norm_spans

    def original_span(self, first: int, end: int) -> tuple[int, int]:
        """Original character offsets of words ``[first, end)`` (``end > first``)."""
        spans = self.norm_spans()
        return (
            self.normalized.to_original_start(spans[first][0]),
            self.normalized.to_original_end(spans[end - 1][1]),
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
            for start, _ in self.norm_spans():
                while sentence < len(ends) and ends[sentence] <= start:
                    sentence += 1
                result.append(sentence)
            self._sentence_of = result
        return self._sentence_of


class SourceIndex:
    """Units, the claims' vocabulary, which units hold each claim word, and postings for rare ones.

    ``words`` are every word a claim will be matched with (normalised); ``stems`` the content
    stems of reported statements, whose matching source words join the vocabulary. A word
    not declared here has no occurrences as far as the index knows.
    """

    def __init__(
        self, sources: Sequence[SourceText], words: Iterable[str] = (), stems: Iterable[str] = ()
    ) -> None:
        self.vocab: dict[str, int] = {}
        self.lexicon: list[str] = []  # word by id
        self.units: list[Unit] = []
        self.postings: dict[int, list[tuple[int, int]]] = {}  # word id -> (unit, word offset)
        self._units_of: dict[int, list[int]] = {}
        self._stem_ids: dict[str, list[int]] = {}
        for word in words:
            self._word_id(word)
        wanted_stems = frozenset(stems)
        corpus_words: set[str] = set()
        lookup = self.vocab.get
        for source in sources:
            texts = [(source.text, True)]
            if source.full_text is not None and source.full_text != source.text:
                texts.append((source.full_text, False))
            for text, main in texts:
                normalized = normalize(text)
                found = _words(normalized.text)
                if wanted_stems:
                    corpus_words.update(found)
                    ids: list[int | None] = []  # filled in once the stems' words are known
                else:
                    ids = list(map(lookup, found))
                unit = Unit(len(self.units), source.source_id, main, normalized, ids, " ".join(found))
                self.units.append(unit)
        if wanted_stems:
            self._add_stem_words(wanted_stems, corpus_words)
            lookup = self.vocab.get
            for unit in self.units:
                unit.ids = list(map(lookup, unit.token_text.split(" "))) if unit.token_text else []

    def _add_stem_words(self, wanted: frozenset[str], corpus_words: set[str]) -> None:
        """Give an id to every source word whose stem a reported statement has."""
        # A stem is a prefix of its word, so only words starting with a wanted stem can have it.
        prefixes = tuple(wanted)
        for word in sorted(w for w in corpus_words.union(self.vocab) if w.startswith(prefixes)):
            word_stem = stem(word)
            if word_stem in wanted:
                self._stem_ids.setdefault(word_stem, []).append(self._word_id(word))

    def _word_id(self, word: str) -> int:
        word_id = self.vocab.get(word)
        if word_id is None:
            word_id = self.vocab[word] = len(self.lexicon)
            self.lexicon.append(word)
        return word_id

    def ids_of(self, claim_words: Iterable[str]) -> list[int]:
        """Vocabulary ids of claim words; a word not declared gets a fresh id with no occurrences."""
        return [self._word_id(w) for w in claim_words]

    def stem_ids(self, word_stem: str) -> list[int]:
        """Ids of every source word with this stem (the stem must have been declared)."""
        return self._stem_ids.get(word_stem, [])

    def count_units(self, claim_words: set[int]) -> None:
        """Note which units hold each of these words (one set intersection per unit)."""
        units_of = self._units_of
        todo = claim_words.difference(units_of)
        for word_id in todo:
            units_of[word_id] = []
        if not todo:
            return
        for unit in self.units:
            for word_id in todo.intersection(unit.ids):
                units_of[word_id].append(unit.number)

    def frequency(self, word_id: int) -> int:
        """In how many units a counted word occurs (0 for a word never counted)."""
        found = self._units_of.get(word_id)
        return len(found) if found is not None else 0

    def build_postings(self, wanted: set[int]) -> None:
        """Record where each wanted word occurs: (unit number, word offset) pairs, in order.

        Only the units known to hold a wanted word are read, each once, and the scan of a
        unit's words runs in C (``map`` and ``compress``); Python sees only the hits.
        """
        present_in: dict[int, set[int]] = {}
        for word_id in wanted:
            for number in self._units_of.get(word_id, ()):
                present_in.setdefault(number, set()).add(word_id)
        postings: dict[int, list[tuple[int, int]]] = {w: [] for w in wanted}
        for number in sorted(present_in):
            ids = self.units[number].ids
            for offset in compress(count(), map(present_in[number].__contains__, ids)):
                postings[ids[offset]].append((number, offset))  # type: ignore[index]  # a hit is never None
        self.postings = postings
