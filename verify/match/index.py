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
from collections.abc import Iterable, Mapping, Sequence
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
    _normalized: NormalizedText | None = field(default=None, repr=False)
    _span_base: int = field(default=0, repr=False)  # the word whose span is _span_starts[0], _span_ends[0]
    _span_starts: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _span_ends: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _sentence_of: array[int] | None = field(default=None, repr=False)

    @property
    def normalized(self) -> NormalizedText:
        """The normalised text with its offset map (made when first needed: words from the
        word store come without it, and most units never become evidence)."""
        if self._normalized is None:
            self._normalized = normalize(self.original)
        return self._normalized

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
            if start < 0:  # words that are not this text's (a damaged store): use the pattern
                found = [match.span() for match in (ASCII_WORD_RE if text.isascii() else WORD_RE).finditer(text)]
                self._span_base = 0
                self._span_starts = array("q", (span[0] for span in found))
                self._span_ends = array("q", (span[1] for span in found))
                return
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

# Index in two processes when the texts add up to at least this many characters: below it the
# fork and the pickled result cost more than half the work saves (measured on the bench corpus:
# indexing ~0.07 s per million characters, a fork and its result ~3 ms).
PARALLEL_MIN_CHARS = 500_000
# Texts are handed to the two processes in runs of about this many characters (a few ms of
# work each), whichever process is free taking the next run: a static half each left one
# waiting up to 0.2 s for the other at 3,000 sources, as the two cores' speeds wandered.
CHUNK_CHARS = 50_000


class _Indexer:
    """Texts made into words and symbols, one after another, in one process.

    Each process that indexes has its own. A word not in ``vocab`` whose stem is in ``stems``
    gets a symbol of this indexer's, numbered on from ``len(vocab)`` in the order such words are
    first met (sorted within a text); ``new_words`` lists them, so that the index can give each
    such word one symbol across processes (``SourceIndex._merge``).
    """

    def __init__(self, vocab: Mapping[str, str], stems: frozenset[str]) -> None:
        self._vocab = vocab
        self._local: dict[str, str] | None = None  # vocab and new words, copied at the first new word
        self._stems = stems
        self._prefixes = tuple(stems)  # a stem is a prefix of its word: only such words can have one
        self.new_words: list[str] = []
        # Each claim symbol met: the units holding it, in the order indexed. Lists to append to;
        # ``made`` gives arrays (a child's are pickled: arrays read back several times faster).
        self._holders: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, number: int, text: str, stored: str | None) -> tuple[str, str]:
        """Text ``number``'s words joined by spaces, and its symbol string."""
        if stored is None:
            found = _words(normalize(text).text)
            token_text = " ".join(found)
        else:
            token_text = stored
            found = stored.split(" ") if stored else []
        if self._prefixes:
            candidates = set(found).difference(self._local if self._local is not None else self._vocab)
            for word in sorted(w for w in candidates if w.startswith(self._prefixes)):
                if stem(word) in self._stems:
                    if self._local is None:
                        self._local = dict(self._vocab)
                    self._local[word] = symbol_of(len(self._local))
                    self.new_words.append(word)
        local = self._local if self._local is not None else self._vocab
        symbols = "".join(map(local.get, found, repeat(FILLER)))
        for symbol in set(symbols).difference(FILLER):
            self._holders[symbol].append(number)
        return token_text, symbols

    def made(self) -> tuple[list[str], dict[str, array[int]]]:
        """The new words, and for each symbol met the units holding it."""
        return self.new_words, {symbol: array("i", units) for symbol, units in self._holders.items()}


class SourceIndex:
    """Units, the claims' vocabulary, and which units hold each claim word.

    ``words`` are every word a claim will be matched with (normalised); ``stems`` the content
    stems of reported statements, whose matching source words join the vocabulary. A word
    not declared here has no occurrences as far as the index knows.

    With ``parallel`` None the texts are indexed in two processes (this one and a forked child)
    when there are enough of them and forking is safe (``verify.forked``); True forks whenever
    it is safe, False never. The index is the same either way.

    With a ``store``, the words of the texts it did not have are saved there when ``save_words``
    is called, whichever process found them. Saving is not part of building the index, so that
    no search waits for it: ``match_claims`` has its own forked child save them while both
    processes match. (When this process saved its own half as it indexed, that took it 6-9 ms
    at 300 sources and 0.02-0.03 s at 3,000.) Two processes writing at once would only queue
    for the store's lock.
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
        self._units_of: dict[str, array[int]] = {}
        self._in_order: set[str] = set()  # the symbols whose units are known to be ascending
        self._stem_ids: dict[str, list[str]] = {}
        self._unsaved: dict[str, str] = {}  # store key -> the words of a text the store lacked
        self._store = store
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
        rows = self._index(work, wanted_stems, parallel)
        for number, ((source_id, text, main), (token_text, ids)) in enumerate(zip(texts, rows, strict=True)):
            self.units.append(Unit(number, source_id, main, text, ids, token_text))
        if store is not None:
            self._unsaved = {keys[n]: rows[n][0] for n in range(len(work)) if work[n][1] is None}
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
    ) -> list[tuple[str, str]]:
        """Each text's words and symbol string, made here or shared with a forked child."""
        vocab = self.vocab
        mine = _Indexer(vocab, stems)
        # What a text costs to index: its length, a third more when it is not all ASCII (slower
        # normalising and word patterns).
        sizes = [len(text) if text.isascii() else len(text) * 4 // 3 for text, _ in work]
        total = sum(sizes)
        alone = len(work) < 2 or parallel is False or (parallel is None and total < PARALLEL_MIN_CHARS)
        if alone or not forked.can_fork():
            rows = [mine.add(number, text, stored) for number, (text, stored) in enumerate(work)]
            self._merge([mine.made()], rows, in_order=True)
            return rows
        chunks: list[range] = []
        start, running = 0, 0
        for number, size in enumerate(sizes):
            running += size
            if running >= CHUNK_CHARS or number == len(sizes) - 1:
                chunks.append(range(start, number + 1))
                start, running = number + 1, 0
        indexers = [mine]  # the one of the process doing the work: the child starts its own

        def in_child() -> None:
            indexers[0] = _Indexer(vocab, stems)

        def index_chunk(k: int) -> list[tuple[str, str]]:
            indexer = indexers[0]
            return [indexer.add(number, *work[number]) for number in chunks[k]]

        shared = forked.share(index_chunk, len(chunks), child_first=in_child, child_last=lambda: indexers[0].made())
        rows = [row for chunk_rows in shared.values for row in chunk_rows]
        # (Units interleave between the processes, or a failed child's were redone out of order.)
        parts = [mine.made(), shared.child_last] if shared.child_last is not None else [mine.made()]
        self._merge(parts, rows, in_order=False)
        return rows

    def save_words(self) -> None:
        """Save the words of the texts the store lacked (once; later calls save nothing)."""
        if self._store is not None and self._unsaved:
            self._store.save(self._unsaved)
        self._unsaved = {}

    def _merge(
        self, parts: Sequence[tuple[list[str], dict[str, array[int]]]], rows: list[tuple[str, str]], in_order: bool
    ) -> None:
        """Make each process's new words' symbols index-wide, and note which units hold each symbol.

        ``parts`` holds what each process's indexer made; ``rows`` every text's ``(words,
        symbols)``, changed here where a symbol changes. New words get their index-wide symbols
        in sorted order, so that the index is the same whichever process met a word first.
        ``in_order``: each symbol's units are ascending already (one process, texts in order).
        """
        base = len(self.vocab)
        for word in sorted({word for new_words, _ in parts for word in new_words}):
            self._word_id(word)
        for new_words, holders in parts:
            table: dict[int, str] = {}
            for k, word in enumerate(new_words):
                if self.vocab[word] != symbol_of(base + k):
                    table[ord(symbol_of(base + k))] = self.vocab[word]
            to_translate: set[int] = set()
            for code in table:
                to_translate.update(holders.get(chr(code), ()))
            for number in to_translate:
                token_text, ids = rows[number]
                rows[number] = token_text, ids.translate(table)
            for symbol, units in holders.items():
                symbol = table.get(ord(symbol), symbol)
                if symbol in self._units_of:
                    self._units_of[symbol] += units
                else:
                    self._units_of[symbol] = units
        if in_order:
            self._in_order.update(self._units_of)

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
        found = self._units_of.get(word_id)
        if found is None:
            return _NO_UNITS
        if word_id not in self._in_order:
            # Two processes' units interleave: put them in order when first asked, which only
            # the few words a search starts from ever are.
            found = self._units_of[word_id] = array("i", sorted(found))
            self._in_order.add(word_id)
        return found

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
