"""The one normaliser for claims and sources, with a map back to the original characters.

``normalize(text)`` folds away every difference that SPEC.md says does not change a quote:
Unicode compatibility forms (NFKC), zero-width characters and soft hyphens, every quote and
apostrophe style, dashes, whitespace and line breaks (all become plain spaces), case, HTML entities, words
hyphenated across a line break (``inter-\\nnational``) and thousands separators (``1,000``).

The result keeps a compact offset map: only the places where something was replaced are
recorded (a sorted list of replaced chunks), and everything between them maps one to one. A
plain ASCII text therefore costs one regular-expression scan, ``str.lower`` and
``str.translate``, with no map entries at all, which matters when thousands of sources are
indexed per run.

``words(normalized)`` splits normalised text into the word tokens everything else compares.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Characters that mean "apostrophe or single quote" and "double quote" in real text.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u00b4`\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_CHAR_MAP = {ord(c): "'" for c in _SINGLE_QUOTES}
_CHAR_MAP.update({ord(c): '"' for c in _DOUBLE_QUOTES})
_CHAR_MAP.update({ord(c): "-" for c in _DASHES})
_CHAR_MAP.update({ord(c): "" for c in _INVISIBLE})

# The places that may need more than lower-casing, one pattern per kind. Each is searched for
# separately (a literal first character makes every scan fast, where one alternation over all
# of them tested each character of the text against each branch) and only when the text can
# hold it at all; the matches are then merged as one leftmost-first scan would find them.
_ENTITY = re.compile(r"&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ASCII_LINE_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*")
_UNICODE_HYPHENS = "\u00ad\u2010\u2011"
_UNICODE_LINE_BREAK = re.compile("[" + _UNICODE_HYPHENS + r"][ \t]*\r?\n[ \t]*")
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_BACKTICK = re.compile("`")
_HYPHENS = "-" + _UNICODE_HYPHENS
_COMBINING = re.compile(r"[\u0300-\u036f]")
# A character with the combining marks that follow it: folded together so NFKC can compose them.
_CLUSTER = re.compile(r".[\u0300-\u036f]*", re.DOTALL)

# A word: letters and digits, with inner apostrophes ("don't", "Kadyrov's") kept inside; a number
# keeps its decimal point ("3.5"). Everything else (punctuation, quotes, dashes) separates words.
# Possessive quantifiers give the same words as the plain greedy pattern, without backtracking points.
WORD_RE = re.compile(r"\d++(?:\.\d++)*+|[^\W_]++(?:'[^\W_]++)*+")
# The same pattern for a text that is all ASCII, where it matches exactly the same words; plain
# ASCII classes scan about a third faster than Unicode categories.
ASCII_WORD_RE = re.compile(r"[0-9]++(?:\.[0-9]++)*+|[A-Za-z0-9]++(?:'[A-Za-z0-9]++)*+")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)*")

NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "nowhere"})


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text and the chunks where it differs from the original.

    ``chunks`` holds ``(norm_start, norm_end, orig_start, orig_end)`` for every replaced piece,
    in order; between chunks one normalised character is one original character.
    """

    original: str
    text: str
    norm_starts: tuple[int, ...]
    chunks: tuple[tuple[int, int, int, int], ...]

    def to_original_start(self, pos: int) -> int:
        """Original offset of the character at normalised offset ``pos``."""
        k = bisect_right(self.norm_starts, pos) - 1
        if k < 0:
            return pos
        norm_start, norm_end, orig_start, orig_end = self.chunks[k]
        if pos < norm_end:
            return orig_start
        return orig_end + (pos - norm_end)

    def to_original_end(self, pos: int) -> int:
        """Original (exclusive) end offset for a normalised span ending at ``pos``."""
        if pos <= 0:
            return 0
        k = bisect_right(self.norm_starts, pos - 1) - 1
        if k < 0:
            return pos
        norm_start, norm_end, orig_start, orig_end = self.chunks[k]
        if pos - 1 < norm_end:
            return orig_end
        return orig_end + (pos - norm_end)


def _fold_char(chunk: str) -> str:
    """Normalise one non-ASCII character (with any combining marks after it)."""
    mapped = chunk.translate(_CHAR_MAP)
    folded = unicodedata.normalize("NFKC", mapped).casefold()
    # NFKC can itself produce curly quotes or dashes (e.g. from full-width forms): fold again.
    folded = folded.translate(_CHAR_MAP)
    return " " if folded.isspace() else folded


def _is_letter(char: str) -> bool:
    return char.isalpha()


# Pieces of this many characters are tested with ``str.isascii`` first: most non-ASCII texts are
# ASCII but for a few names or curly quotes, and ASCII pieces take the cheaper path.
_ASCII_PIECE = 256


def _non_ascii_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of non-ASCII characters: those of ``_NON_ASCII.finditer(text)``."""
    runs: list[tuple[int, int]] = []
    for start in range(0, len(text), _ASCII_PIECE):
        end = start + _ASCII_PIECE
        if text[start:end].isascii():
            continue
        for match in _NON_ASCII.finditer(text, start, end):
            first, last = match.span()
            if runs and runs[-1][1] == first:  # a run that went on over the edge of the piece
                first = runs.pop()[0]
            runs.append((first, last))
    return runs


def _candidates(text: str) -> list[tuple[int, int]]:
    """Spans of every place that may need folding, in order, none overlapping.

    Where two kinds match at one place, the earlier kind in this order wins (an entity, a
    line-break hyphen, a thousands comma, a run of non-ASCII characters, a backtick), and a
    match that starts inside an earlier one is dropped: the same spans one alternation of the
    patterns would give.
    """
    found: list[tuple[int, int, int]] = []  # (start, kind, end)
    if "&" in text:
        found.extend((m.start(), 0, m.end()) for m in _ENTITY.finditer(text))
    if "\n" in text:
        if "-" in text:
            found.extend((m.start(), 1, m.end()) for m in _ASCII_LINE_BREAK.finditer(text))
        if not text.isascii() and any(hyphen in text for hyphen in _UNICODE_HYPHENS):
            found.extend((m.start(), 1, m.end()) for m in _UNICODE_LINE_BREAK.finditer(text))
    if "," in text:
        found.extend((m.start(), 2, m.end()) for m in _THOUSANDS.finditer(text))
    if not text.isascii():
        found.extend((start, 3, end) for start, end in _non_ascii_runs(text))
    if "`" in text:
        found.extend((m.start(), 4, m.end()) for m in _BACKTICK.finditer(text))
    found.sort()
    spans: list[tuple[int, int]] = []
    reached = 0
    for start, _, end in found:
        if start >= reached:
            spans.append((start, end))
            reached = end
    return spans


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` for comparison, keeping a map back to its characters."""
    pieces: list[str] = []
    norm_starts: list[int] = []
    chunks: list[tuple[int, int, int, int]] = []
    norm_pos = 0
    orig_pos = 0

    def emit(start: int, end: int, replacement: str) -> None:
        nonlocal norm_pos, orig_pos
        if start > orig_pos:
            plain = text[orig_pos:start].lower()  # ASCII only here, so length is kept
            pieces.append(plain)
            norm_pos += len(plain)
        pieces.append(replacement)
        norm_starts.append(norm_pos)
        chunks.append((norm_pos, norm_pos + len(replacement), start, end))
        norm_pos += len(replacement)
        orig_pos = end

    for start, end in _candidates(text):
        first = text[start]
        if first == "&":
            entity = text[start:end]
            import html  # here: only a text with an entity in it needs it

            decoded = html.unescape(entity)
            if decoded != entity:  # a known entity
                emit(start, end, "".join(_fold_char(c) if ord(c) > 127 else c.lower() for c in decoded))
            continue
        if first in _HYPHENS and end > start + 1 and "\n" in text[start:end]:
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            if _is_letter(before) and _is_letter(after):
                # "inter-\nnational" joins; "Jean-\nPaul" keeps its hyphen (a capital starts a part)
                emit(start, end, "" if after.islower() else "-")
                continue
            if first == "-":
                continue  # an ordinary hyphen before a line break: whitespace folding does the rest
            end = start + 1  # a lone Unicode hyphen: fold just that character below
        if first == ",":
            if start > 0 and text[start - 1].isdigit():
                emit(start, end, "")
            continue
        if start > orig_pos and _COMBINING.match(text, start):
            start -= 1  # a combining mark after an ASCII letter: fold the pair together
        for cluster in _CLUSTER.finditer(text, start, end):
            emit(cluster.start(), cluster.end(), _fold_char(cluster.group()))
    if orig_pos < len(text):
        pieces.append(text[orig_pos:].lower())
    # ASCII whitespace becomes a plain space one for one, so it needs no map entries; words never
    # see runs of spaces, so they are left as they are.
    folded = "".join(pieces)
    for char in "\t\n\r\x0b\x0c":
        folded = folded.replace(char, " ")
    return NormalizedText(text, folded, tuple(norm_starts), tuple(chunks))


# A text that is not all ASCII is split at spaces into pieces of about this many characters, and
# an all-ASCII piece gets the faster pattern; no word holds a space, so the words are the same.
_WORDS_PIECE = 256


# Every ASCII character that no word can hold (all but letters, digits, "'" and "."), as a space.
_NOT_IN_ANY_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "'.")})


def _ascii_words(text: str) -> list[str]:
    """``ASCII_WORD_RE.findall(text)`` for an all-ASCII ``text``, with the pattern run only where
    a piece needs it.

    Once every character no word holds is a space, each piece between spaces is one or more
    whole words, and most are one word all of letters or all of digits: those need no pattern,
    nor do such words with dots or apostrophes only around them ("spring.", "'tis": a dot or an
    apostrophe belongs to a word only between two of its characters). Pieces with an inner
    apostrophe or dot, or digits then letters ("3.5", "don't", "1990s") go to the pattern.
    """
    found: list[str] = []
    append, extend, findall = found.append, found.extend, ASCII_WORD_RE.findall
    for piece in text.translate(_NOT_IN_ANY_WORD).split():
        if piece.isalpha() or piece.isdigit():
            append(piece)
            continue
        bare = piece.strip(".'")
        if bare.isalpha() or bare.isdigit():
            append(bare)
        else:
            extend(findall(piece))
    return found


def words(normalized: str) -> list[str]:
    """The word tokens of normalised text, in order (fast: no offsets)."""
    if normalized.isascii():
        return _ascii_words(normalized)
    found: list[str] = []
    start, end = 0, len(normalized)
    while start < end:
        cut = normalized.find(" ", start + _WORDS_PIECE)
        if cut < 0:
            cut = end
        piece = normalized[start:cut]
        found += (ASCII_WORD_RE if piece.isascii() else WORD_RE).findall(piece)
        start = cut
    return found


def chunked_words(normalized: str, size: int) -> tuple[list[str], tuple[int, ...], tuple[int, ...]]:
    """``words(normalized)``, with where each chunk of about ``size`` characters starts, and how
    many words come before it. Chunks are cut at spaces, which no word holds."""
    found: list[str] = []
    starts: list[int] = []
    firsts: list[int] = []
    start = 0
    while True:
        starts.append(start)
        firsts.append(len(found))
        cut = normalized.find(" ", start + size)
        if cut < 0:
            found += words(normalized[start:])
            return found, tuple(starts), tuple(firsts)
        found += words(normalized[start:cut])
        start = cut


def word_offsets(normalized: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each word token of ``normalized[start:end]`` (cut at spaces), in
    the whole text: the spans ``WORD_RE`` finds, with the ASCII pattern where the part is ASCII."""
    end = len(normalized) if end is None else end
    pattern = ASCII_WORD_RE if normalized[start:end].isascii() else WORD_RE
    return list(map(re.Match.span, pattern.finditer(normalized, start, end)))


def word_spans(normalized: NormalizedText) -> list[tuple[str, int, int]]:
    """Each word token with its ``[start, end)`` offsets in the *original* text."""
    return [
        (m.group(), normalized.to_original_start(m.start()), normalized.to_original_end(m.end()))
        for m in WORD_RE.finditer(normalized.text)
    ]


def is_number(word: str) -> bool:
    return _NUMBER_RE.fullmatch(word) is not None


def is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


_SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
# "one" is far more often a pronoun or determiner ("one victim", "one-party") than a count.
del _SMALL_NUMBERS["one"]
_SMALL_NUMBERS.update(
    {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
)
# After digits, a scale word moves the decimal point: "1.2 million" is 1200000, as "1,200,000" is.
_DIGIT_SCALE_PLACES = {"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12}
# After digits, a newsroom's short scale moves the decimal point too: "2.5bn", "£40m", "12k".
_ABBREVIATED_SCALE_PLACES = {"bn": 9, "mn": 6, "m": 6, "k": 3, "tn": 12, "trn": 12}
# After number words ("forty thousand"); "hundred" multiplies only the words before it.
_SCALES = {word: 10**places for word, places in _DIGIT_SCALE_PLACES.items() if word != "hundred"}


def is_number_word(word: str) -> bool:
    """Whether ``word`` is, or may be part of, a number written in words ("forty", "million")."""
    return word in _SMALL_NUMBERS or word in _DIGIT_SCALE_PLACES or word == "one"


def _shifted(digits: str, places: int) -> str:
    """``digits`` (one decimal point at most) times 10**places, written as digits are: "1.2", 6 -> "1200000"."""
    whole, _, fraction = digits.partition(".")
    fraction = fraction.ljust(places, "0")
    whole, fraction = (whole + fraction[:places]).lstrip("0") or "0", fraction[places:].rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def number_values(tokens: list[str]) -> list[str]:
    """The numbers a run of words states, as canonical strings: "forty two" and "42" are both "42".

    Digits are taken as written (thousands separators are already gone), times the scale word
    that follows them ("1.2 million" is "1200000"); spelled-out numbers are read as English
    number words ("twenty-one thousand", "a million"), so a reporter writing a number another
    way than the source changes no number.
    """
    values: list[str] = []
    total = current = 0
    in_words = False

    def close() -> None:
        nonlocal total, current, in_words
        if in_words:
            values.append(str(total + current))
        total = current = 0
        in_words = False

    k = 0
    while k < len(tokens):
        word = tokens[k]
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        scale_follows = following in _DIGIT_SCALE_PLACES
        if word in _SMALL_NUMBERS:
            current += _SMALL_NUMBERS[word]
            in_words = True
        elif scale_follows and word.isdigit():
            close()
            current = int(word)  # "5 hundred thousand" goes on as words do
            in_words = True
        elif word in ("one", "a") and (scale_follows or (word == "one" and in_words)):
            current += 1  # "one million", "a thousand", "twenty-one": a count after all
            in_words = True
        elif word == "hundred" and in_words:
            current *= 100
        elif word in _SCALES and in_words:
            total += current * _SCALES[word]
            current = 0
        elif word == "and" and in_words:
            pass  # "two hundred and five"
        elif is_number(word) and following in _ABBREVIATED_SCALE_PLACES and word.count(".") <= 1:
            close()
            values.append(_shifted(word, _ABBREVIATED_SCALE_PLACES[following]))
            k += 1  # the scale belongs to this number
        else:
            close()
            if is_number(word):
                if scale_follows and word.count(".") == 1:
                    values.append(_shifted(word, _DIGIT_SCALE_PLACES[following]))
                    k += 1  # the scale word belongs to this number
                else:
                    values.append(word)
        k += 1
    close()
    return values


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")
STEM_LENGTH = 6  # a crude stem keeps this many characters after suffix stripping


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
