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

import hashlib
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Protocol

from verify import forked
from verify.match.normalize import (
    ASCII_WORD_RE,
    TOKENISER_FINGERPRINT,
    WORD_RE,
    NormalizedText,
    is_number,
    normalize,
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


class WordStore(Protocol):
    """Somewhere to keep each text's words between runs (``verify.sources.wordcache``).

    Keys come from ``words_key``; a value is the text's normalised words joined by spaces.
    A store that cannot answer returns nothing and the words are found again.
    """

    def load(self, keys: Sequence[str]) -> dict[str, str]: ...

    def save(self, entries: Mapping[str, str]) -> None: ...


def words_key(text: str) -> str:
    """The store key of a text's words: its hash, and the tokeniser's, so a change to the
    normaliser or the word pattern can never pair a text with words it no longer has."""
    return hashlib.sha256(TOKENISER_FINGERPRINT.encode() + text.encode("utf-8", "surrogatepass")).hexdigest()


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
    original: str = field(repr=False)
    ids: str  # one symbol per word: its own if some claim uses the word, else FILLER
    token_text: str = field(repr=False)  # the normalised words joined by single spaces
    _normalized: NormalizedText | None = field(default=None, repr=False)
    _tokens: list[str] | None = field(default=None, repr=False)
    _norm_spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _sentence_of: array[int] | None = field(default=None, repr=False)

    @property
    def normalized(self) -> NormalizedText:
        """The normalised text with its offset map (made when first needed: words from the
        word store come without it, and most units never become evidence)."""
        if self._normalized is None:
            self._normalized = normalize(self.original)
        return self._normalized

    def _words(self) -> list[str]:
        if self._tokens is None:
            self._tokens = self.token_text.split(" ") if self.token_text else []
        return self._tokens

    def words(self, start: int, end: int) -> list[str]:
        """Normalised words ``[start, end)``."""
        return self._words()[start:end]

    def span(self, k: int) -> tuple[int, int]:
        """Normalised character offsets of word ``k``.

        Words are located only as far as asked: evidence needs a few words of a unit, and
        finding every word of every evidence unit cost more than the rest of the evidence.
        Each word is found with ``str.find`` from the end of the one before, not by scanning
        with the word pattern again: what lies between two words holds no letter or digit, so
        the first place the next word's text occurs is where that word is (about 40% less time
        than the pattern on the bench corpus's evidence).
        """
        spans = self._norm_spans
        if k >= len(spans):
            text = self.normalized.text
            at = spans[-1][1] if spans else 0
            for word in self._words()[len(spans) : k + 1]:
                start = text.find(word, at)
                if start < 0:  # words that are not this text's (a damaged store): use the pattern
                    found = (ASCII_WORD_RE if text.isascii() else WORD_RE).finditer(text)
                    spans[:] = [match.span() for match in found]
                    break
                at = start + len(word)
                spans.append((start, at))
        return spans[k]

    def norm_spans(self) -> list[tuple[int, int]]:
        """Normalised character offsets of every word."""
        if self.ids:
            self.span(len(self.ids) - 1)
        return self._norm_spans

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
            for start, _ in self.norm_spans():
                while sentence < len(ends) and ends[sentence] <= start:
                    sentence += 1
                result.append(sentence)
            self._sentence_of = result
        return self._sentence_of


_NO_UNITS: array[int] = array("i")  # never changed: what units_of gives for a word no unit holds

# Index in two processes when the texts add up to at least this many characters: below it the
# fork and the pickled result cost more than half the work saves (measured on the bench corpus:
# indexing ~0.07 s per million characters, a fork and its result ~3 ms).
PARALLEL_MIN_CHARS = 500_000
# The child's share of the indexing cost: a little under half, because it also pickles its
# result, which this side then reads (measured on the bench corpus at 3,000 sources: with an
# even split this side waited 0.03-0.1 s for the child).
CHILD_SHARE = 0.45


@dataclass(frozen=True)
class _Indexed:
    """A run of texts as words and symbols, made by ``_index_texts`` (here or in a child)."""

    token_texts: list[str]  # each text's normalised words joined by spaces
    ids: list[str]  # each text's symbol string
    # Each claim symbol met: the units holding it, ascending. An array, not a list: a child's
    # batch is unpickled on the critical path, and 290,000 unit numbers as arrays read back in
    # 0.012 s instead of 0.03 s (bench corpus, 3,000 sources).
    holders: dict[str, array[int]]
    new_words: list[str]  # words given a symbol by this run, in symbol order (see _index_texts)
    first: int  # the unit number of its first text


def _index_texts(
    texts: Sequence[tuple[str, str | None]], vocab: Mapping[str, str], stems: frozenset[str], first: int
) -> _Indexed:
    """The words and symbols of each ``(text, its stored words or None)``, numbered from ``first``.

    A pure function of its arguments, so it can run in a forked child. A word not in
    ``vocab`` whose stem is in ``stems`` gets a symbol numbered on from ``len(vocab)``, in the
    order such words are first met (sorted within a text); ``new_words`` lists them so the
    index can give the same word one symbol across batches.
    """
    local = dict(vocab)
    prefixes = tuple(stems)  # a stem is a prefix of its word: only such words can have one
    new_words: list[str] = []
    holders: defaultdict[str, list[int]] = defaultdict(list)
    token_texts: list[str] = []
    all_ids: list[str] = []
    for number, (text, stored) in enumerate(texts, first):
        if stored is None:
            found = _words(normalize(text).text)
            token_text = " ".join(found)
        else:
            token_text = stored
            found = stored.split(" ") if stored else []
        if prefixes:
            candidates = set(found).difference(local)
            for word in sorted(w for w in candidates if w.startswith(prefixes)):
                if stem(word) in stems:
                    local[word] = symbol_of(len(local))
                    new_words.append(word)
        symbols = "".join(map(local.get, found, repeat(FILLER)))
        for symbol in set(symbols).difference(FILLER):
            holders[symbol].append(number)
        token_texts.append(token_text)
        all_ids.append(symbols)
    # Lists to append to (faster than arrays), arrays to hand over.
    compact = {symbol: array("i", units) for symbol, units in holders.items()}
    return _Indexed(token_texts, all_ids, compact, new_words, first)


class SourceIndex:
    """Units, the claims' vocabulary, and which units hold each claim word.

    ``words`` are every word a claim will be matched with (normalised); ``stems`` the content
    stems of reported statements, whose matching source words join the vocabulary. A word
    not declared here has no occurrences as far as the index knows.

    With ``parallel`` None the later texts are indexed in a forked child when there are
    enough of them and forking is safe (``verify.forked``); True forks whenever it is safe,
    False never. The index is the same either way.
    """

    def __init__(
        self,
        sources: Sequence[SourceText],
        words: Iterable[str] = (),
        stems: Iterable[str] = (),
        store: WordStore | None = None,
        parallel: bool | None = None,
    ) -> None:
        self.vocab: dict[str, str] = {}  # word -> symbol, numbered in the order words were declared
        self.units: list[Unit] = []
        self._units_of: dict[str, array[int]] = {}  # arrays: joining two batches is a copy of bytes
        self._stem_ids: dict[str, list[str]] = {}
        for word in words:
            self._word_id(word)
        texts: list[tuple[str, str, bool]] = []  # each source's main text, then its full page text
        for source in sources:
            texts.append((source.source_id, source.text, True))
            if source.full_text is not None and source.full_text != source.text:
                texts.append((source.source_id, source.full_text, False))
        keys = [words_key(text) for _, text, _ in texts] if store is not None else []
        stored = store.load(keys) if store is not None else {}
        work = [(text, stored.get(keys[k]) if stored else None) for k, (_, text, _) in enumerate(texts)]
        wanted_stems = frozenset(stems)

        def keep_words(batch: _Indexed) -> None:
            """Save the words of a batch's texts that were not in the store yet."""
            if store is not None:
                fresh = {
                    keys[k]: token_text
                    for k, token_text in enumerate(batch.token_texts, batch.first)
                    if work[k][1] is None
                }
                if fresh:
                    store.save(fresh)

        base = len(self.vocab)
        for batch in self._index(work, wanted_stems, parallel, keep_words):
            self._add_batch(batch, base, texts)
        if wanted_stems:
            prefixes = tuple(wanted_stems)
            for word in sorted(w for w in self.vocab if w.startswith(prefixes)):
                word_stem = stem(word)
                if word_stem in wanted_stems:
                    self._stem_ids.setdefault(word_stem, []).append(self.vocab[word])

    def _index(
        self,
        work: list[tuple[str, str | None]],
        stems: frozenset[str],
        parallel: bool | None,
        keep_words: Callable[[_Indexed], None],
    ) -> list[_Indexed]:
        """The texts indexed in one run, or in two: the later ones in a forked child.

        Each batch's new words are saved (``keep_words``) by the process that made it, before
        the batch is returned: a child's save then costs this process nothing.
        """
        vocab = self.vocab
        # What a text costs to index: its length, a third more when it is not all ASCII (slower
        # normalising and word patterns).
        sizes = [len(text) if text.isascii() else len(text) * 4 // 3 for text, _ in work]
        total = sum(sizes)
        alone = len(work) < 2 or parallel is False or (parallel is None and total < PARALLEL_MIN_CHARS)

        def index_and_keep(texts: Sequence[tuple[str, str | None]], first: int) -> _Indexed:
            batch = _index_texts(texts, vocab, stems, first)
            keep_words(batch)
            return batch

        if alone or not forked.can_fork():
            return [index_and_keep(work, 0)]
        cut, running = 0, 0
        mine = total - int(total * CHILD_SHARE)
        while cut < len(work) - 1 and running + sizes[cut] <= mine:
            running += sizes[cut]
            cut += 1
        cut = max(cut, 1)
        here, there = forked.in_two(lambda part: index_and_keep(*part), (work[:cut], 0), (work[cut:], cut))
        return [here, there]

    def _add_batch(self, batch: _Indexed, base: int, texts: Sequence[tuple[str, str, bool]]) -> None:
        """Units from one run of ``_index_texts``, its new words' symbols made index-wide."""
        table: dict[int, str] = {}
        for k, word in enumerate(batch.new_words):
            symbol = self._word_id(word)
            if symbol != symbol_of(base + k):
                table[ord(symbol_of(base + k))] = symbol
        to_translate: set[int] = set()
        for code in table:
            to_translate.update(batch.holders.get(chr(code), ()))
        for symbol, units in batch.holders.items():
            symbol = table.get(ord(symbol), symbol)
            if symbol in self._units_of:
                self._units_of[symbol] += units
            else:
                self._units_of[symbol] = units
        for ids, token_text in zip(batch.ids, batch.token_texts, strict=True):
            number = len(self.units)
            if number in to_translate:
                ids = ids.translate(table)
            source_id, text, main = texts[number]
            self.units.append(Unit(number, source_id, main, text, ids, token_text))

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
