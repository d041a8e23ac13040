"""Split a quote at its editorial marks into word segments that must appear in order.

Reporters mark their edits: ``...``, ``…``, ``. . .`` and ``[...]`` leave words out;
``[Kadyrov]`` stands for a few source words (usually a pronoun); ``[sic]`` flags the speaker's
own error and is not the speaker's word; ``[T]he`` changes a letter's case inside a word. A
quote split by attribution (``"...," he said, "..."``) or running over several paragraphs is
also matched part by part. Everything here works on the shared normaliser's output, so the
words compared are the same as a source's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from verify.match.normalize import WORD_RE, NormalizedText, normalize
from verify.match.thresholds import MAX_BRACKET_SOURCE_WORDS, MAX_ELLIPSIS_GAP_WORDS, MAX_PART_GAP_WORDS

# A bracketed letter or two inside a word: "[t]he", "Chechnya['s]" (kept, brackets dropped).
_IN_WORD_BRACKET = re.compile(r"\[([^\W_]{1,3})\](?=[^\W_])|(?<=[^\W_])\[([^\W_']{1,3}|'s)\]")
_MARK = re.compile(
    r"(?P<ellipsis>\[\s*(?:\.\s*){3,}\]|\(\s*(?:\.\s*){3,}\)|\.(?:[ ]?\.){2,})"
    r"|(?P<sic>\[\s*sic\s*\]|\(\s*sic\s*\))"
    r"|(?P<bracket>\[[^\[\]]{1,80}\])"
)


class GapKind(StrEnum):
    ELLIPSIS = "ellipsis"  # words left out: up to MAX_ELLIPSIS_GAP_WORDS
    BRACKET = "bracket"  # an editorial insertion standing for a few source words
    PART = "part"  # the boundary between the parts of a split or multi-paragraph quote


@dataclass(frozen=True)
class ClaimWord:
    """One word of a claim: its normalised form and where it sits in the claim text."""

    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Gap:
    """An editorial mark between two segments of a quote, and how many source words it may stand for."""

    kind: GapKind
    max_words: int  # how many source words may sit in the gap
    text: str  # the mark as written ("[Kadyrov]", "..."), for the diff


@dataclass(frozen=True)
class ParsedQuote:
    """A quote as segments of words; ``gaps[i]`` sits between ``segments[i]`` and ``[i + 1]``."""

    text: str
    segments: tuple[tuple[ClaimWord, ...], ...]
    gaps: tuple[Gap, ...]

    @property
    def words(self) -> tuple[ClaimWord, ...]:
        return tuple(w for seg in self.segments for w in seg)


_GAP_WORDS = {
    GapKind.ELLIPSIS: MAX_ELLIPSIS_GAP_WORDS,
    GapKind.BRACKET: MAX_BRACKET_SOURCE_WORDS,
    GapKind.PART: MAX_PART_GAP_WORDS,
}


def parse_quote(text: str, part_breaks: Sequence[int] = ()) -> ParsedQuote:
    """Segments and gaps of a quote; ``part_breaks`` are offsets in ``text`` where a part starts."""
    normalized = normalize(text)
    norm = normalized.text
    # Drop the brackets of in-word marks, keeping a map from the cleaned text to ``norm``. Most
    # quotes have none: then the map is the identity, and is not built character by character.
    keep = [True] * len(norm)
    for match in _IN_WORD_BRACKET.finditer(norm):
        keep[match.start()] = False
        keep[match.end() - 1] = False
    if all(keep):
        cleaned_map: Sequence[int] = range(len(norm))
        cleaned = norm
    else:
        cleaned_map = [i for i, k in enumerate(keep) if k]
        cleaned = "".join(norm[i] for i in cleaned_map)

    def original(start: int, end: int) -> tuple[int, int]:
        first, last = cleaned_map[start], cleaned_map[end - 1] + 1
        # A word starting or ending with a dropped bracket ("[T]he") keeps it in its span.
        if first > 0 and not keep[first - 1]:
            first -= 1
        if last < len(norm) and not keep[last]:
            last += 1
        return normalized.to_original_start(first), normalized.to_original_end(last)

    # Marks, as (start, end, kind or None for [sic]) in the cleaned text, plus the part breaks.
    marks: list[tuple[int, int, GapKind | None, str]] = []
    for match in _MARK.finditer(cleaned):
        kind = match.lastgroup
        gap_kind = None if kind == "sic" else GapKind.ELLIPSIS if kind == "ellipsis" else GapKind.BRACKET
        start, end = original(match.start(), match.end())
        marks.append((match.start(), match.end(), gap_kind, text[start:end]))
    for offset in part_breaks:
        cleaned_at = _cleaned_offset(normalized, cleaned_map, offset)
        if cleaned_at is not None and not any(s <= cleaned_at < e for s, e, _, _ in marks):
            marks.append((cleaned_at, cleaned_at, GapKind.PART, ""))
    marks.sort(key=lambda m: (m[0], m[1]))

    segments: list[tuple[ClaimWord, ...]] = []
    gaps: list[Gap] = []
    pending: list[tuple[GapKind, str]] = []  # marks since the last segment with words
    position = 0
    for start, end, kind, mark_text in [*marks, (len(cleaned), len(cleaned), None, "")]:
        seg_words = tuple(
            ClaimWord(m.group(), *original(position + m.start(), position + m.end()))
            for m in WORD_RE.finditer(cleaned[position:start])
        )
        if seg_words:
            if segments and pending:
                gaps.append(_merge_gaps(pending))
            elif segments:  # only [sic] between two runs of words: they are one segment
                segments[-1] = segments[-1] + seg_words
                seg_words = ()
            if seg_words:
                segments.append(seg_words)
            pending = []
        if kind is not None:
            pending.append((kind, mark_text))
        position = max(position, end)
    return ParsedQuote(text, tuple(segments), tuple(gaps))


def _merge_gaps(marks: list[tuple[GapKind, str]]) -> Gap:
    """Consecutive marks with no words between them ("... [he]") make one gap."""
    kinds = [k for k, _ in marks]
    kind = GapKind.ELLIPSIS if GapKind.ELLIPSIS in kinds else kinds[0]
    return Gap(kind, sum(_GAP_WORDS[k] for k in kinds), " ".join(t for _, t in marks if t))


def _cleaned_offset(normalized: NormalizedText, cleaned_map: Sequence[int], offset: int) -> int | None:
    """The cleaned-text offset of the first character at or after original ``offset``."""
    for i, norm_index in enumerate(cleaned_map):
        if normalized.to_original_start(norm_index) >= offset:
            return i
    return None
