"""Turn a quote's placement in a source into a verdict, flags, a score and its evidence.

Confirmed means every segment sits in the source word for word (the normaliser has already
folded case, punctuation, quote style and whitespace; the editorial parser has taken out
ellipses and brackets). Any word changed, added or dropped makes the quote altered, provided
enough of it is there to be the same passage; numbers and negations that differ are flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from verify.match.align import DELETE, EQUAL, INSERT, REPLACE, Alignment
from verify.match.cuts import Cut, CutKind, cut_after, omits_qualifier
from verify.match.editorial import ClaimWord, GapKind, ParsedQuote
from verify.match.figures import MONTHS, dates, dates_differ
from verify.match.index import Unit
from verify.match.normalize import is_negation, number_values
from verify.match.quotes import QuotePlacement
from verify.match.stopwords import STOPWORDS
from verify.match.style import Difference, difference
from verify.match.thresholds import (
    DATE_REACH_WORDS,
    MAX_PART_GAP_WORDS,
    MIN_ALTERED_CLAIM_COVERAGE,
    MIN_ALTERED_CLAIM_WORDS,
    MIN_ALTERED_SOURCE_COVERAGE,
    MIN_SHORT_QUOTE_CONTENT_SHARE,
    SHORT_QUOTE_WORDS,
    SNIPPET_CONTEXT_WORDS,
    STYLE_REACH_WORDS,
)
from verify.model import DiffOp, Evidence, Flag, Reason, Verdict

# A quote that ends with an ellipsis tells the reader the speaker went on.
_TRAILING_ELLIPSIS = re.compile(r"(?:\.\s?\.\s?\.|\u2026|\[\s*(?:\.\s*){3,}\])[\W]*$")


@dataclass(frozen=True)
class Judgement:
    """A verdict for one claim in one unit; evidence is built only for the one chosen."""

    unit: int
    verdict: Verdict
    reason: Reason
    score: float
    flags: tuple[Flag, ...]


def source_words(unit: Unit, start: int, end: int) -> list[str]:
    """Normalised words ``[start, end)`` of a unit, read off their spans: a judged passage's spans
    are found anyway (where a cut falls, the evidence), so the whole unit is never split into words."""
    text = unit.normalized.text
    return [text[a:b] for a, b in map(unit.span, range(start, min(end, len(unit.ids))))]


def _gap_words(unit: Unit, placement: QuotePlacement, k: int) -> tuple[int, int] | None:
    """Unit word range between segment ``k`` and ``k + 1``, when both are placed."""
    left, right = placement.segments[k], placement.segments[k + 1]
    if left is None or right is None:
        return None
    return left.end, right.start


def judge_quote(unit: Unit, quote: ParsedQuote, placement: QuotePlacement) -> Judgement | None:
    """Confirmed, altered, or None when the placement is not the quoted passage."""
    harmless = Difference.NONE if placement.exact else _harmless_difference(unit, quote, placement)
    if harmless is not None:
        cut = _quote_cut(unit, placement)
        marks = _ellipsis_flags(unit, quote, placement) + _cut_flags(cut)
        if harmless is not Difference.NONE:
            marks = (*marks, Flag.STYLE)
        if (
            harmless is Difference.CONTRACTION
            or Flag.ELLIPSIS_OMITS_NEGATION in marks
            or _cut_changes_words(cut, quote)
        ):
            # Every word is the speaker's, but what was left out turns or narrows their meaning.
            score = _score_with_omissions(unit, quote, placement, cut)
            return Judgement(unit.number, Verdict.PARAPHRASED, Reason.ALTERED, score, marks)
        return Judgement(unit.number, Verdict.CONFIRMED, Reason.EXACT, 100.0, marks)
    claim_words = placement.claim_words
    matched = placement.matched
    if (
        claim_words < MIN_ALTERED_CLAIM_WORDS
        or matched < MIN_ALTERED_CLAIM_COVERAGE * claim_words
        or matched < MIN_ALTERED_SOURCE_COVERAGE * max(1, placement.source_words)
        or (claim_words < SHORT_QUOTE_WORDS and not _most_content_words_found(quote, placement))
    ):
        return None
    claim_side = [w.norm for seg in quote.segments for w in seg]
    source_side = [
        word
        for a in placement.segments
        if a is not None
        for word in source_words(unit, a.start, a.end)
    ]
    claim_written = [quote.text[w.start : w.end] for seg in quote.segments for w in seg]
    # A changed word at either end of a quote aligns to nothing: dates are read a little wider.
    wide = (max(0, placement.start - DATE_REACH_WORDS), min(len(unit.ids), placement.end + DATE_REACH_WORDS))
    source_dated = source_words(unit, *wide)
    source_written = [
        unit.original_words(k, k + 1) if word in MONTHS else word
        for k, word in zip(range(*wide), source_dated, strict=True)
    ]
    flags: list[Flag] = []
    if Counter(number_values(claim_side)) != Counter(number_values(source_side)):
        flags.append(Flag.NUMBER_MISMATCH)
    if dates_differ(dates(claim_side, claim_written), dates(source_dated, source_written)):
        flags.append(Flag.DATE_MISMATCH)
    if sum(map(is_negation, claim_side)) != sum(map(is_negation, source_side)):
        flags.append(Flag.NEGATION_MISMATCH)
    flags.extend(_ellipsis_flags(unit, quote, placement))
    flags.extend(_cut_flags(_quote_cut(unit, placement)))
    score = round(fuzz.ratio(" ".join(claim_side), " ".join(source_side)), 1)
    return Judgement(unit.number, Verdict.PARAPHRASED, Reason.ALTERED, score, tuple(flags))


def _quote_cut(unit: Unit, placement: QuotePlacement) -> Cut | None:
    """How the quote stops short of the speaker's sentence, when its last word is the source's."""
    last = placement.segments[-1]
    if last is None or not last.ops or last.ops[-1].tag != EQUAL:
        return None
    return cut_after(unit, last.end)


def _cut_flags(cut: Cut | None) -> tuple[Flag, ...]:
    return (Flag.CUT_SHORT,) if cut is not None else ()


def _cut_changes_words(cut: Cut | None, quote: ParsedQuote) -> bool:
    """A cut inside a phrase changes the words, unless the quote marks it with a closing ellipsis."""
    return cut is not None and cut.kind is CutKind.PHRASE and not _TRAILING_ELLIPSIS.search(quote.text)


def _score_with_omissions(unit: Unit, quote: ParsedQuote, placement: QuotePlacement, cut: Cut | None) -> float:
    """Similarity of the quote's words with the speaker's, the words it left out counted."""
    claim_side = " ".join(w.norm for seg in quote.segments for w in seg)
    end = placement.end
    if cut is not None and cut.kind is CutKind.PHRASE:
        end += len(cut.followed_by.split())
    source_side = " ".join(source_words(unit, placement.start, min(end, len(unit.ids))))
    return round(fuzz.ratio(claim_side, source_side), 1)


def _most_content_words_found(quote: ParsedQuote, placement: QuotePlacement) -> bool:
    """Whether more than ``MIN_SHORT_QUOTE_CONTENT_SHARE`` of a quote's content words line up with
    the passage: a short quote sharing only "the" and one verb with it is not that passage."""
    content = found = 0
    for segment, alignment in zip(quote.segments, placement.segments, strict=True):
        lined_up: set[int] = set()
        if alignment is not None:
            for op in alignment.ops:
                if op.tag == EQUAL:
                    lined_up.update(range(op.c0, op.c1))
        for k, word in enumerate(segment):
            if word.norm in STOPWORDS:
                continue
            content += 1
            found += k in lined_up
    return content > 0 and found > MIN_SHORT_QUOTE_CONTENT_SHARE * content


def _harmless_difference(unit: Unit, quote: ParsedQuote, placement: QuotePlacement) -> Difference | None:
    """The largest difference between the quote and the source when every one is harmless or a
    matter of house style, so the quote is still the speaker's words; None when words differ.

    Harmless: a word joined or split ("floor-boards" / "floorboards"), and the source's own
    attribution between two quotations of the same speaker (the draft's "A. B." from the source's
    "A," she said. "B."): a few source-only words with a closing quote mark before them and an
    opening one after. House style: see ``verify.match.style``.
    """
    found = Difference.NONE
    for segment, alignment in zip(quote.segments, placement.segments, strict=True):
        if alignment is None:
            return None
        claim_run: list[str] = []
        source_run: list[str] = []
        first = True
        for op in (*alignment.ops, None):
            if op is not None and op.tag == INSERT and _is_interjection(unit, op.s0, op.s1):
                continue
            if op is None or op.tag == EQUAL:
                kind = _run_difference(unit, alignment, claim_run, source_run, first=first, last=op is None)
                if kind is None:
                    return None
                found = max(found, kind)
                claim_run, source_run, first = [], [], False
                continue
            claim_run.extend(w.norm for w in segment[op.c0 : op.c1])
            source_run.extend(source_words(unit, op.s0, op.s1))
    if found is not Difference.NONE and not _same_figures(unit, quote, placement):
        return None  # "5bn" against "5 million": each run looked like style, the figures differ
    return found


def _run_difference(
    unit: Unit, alignment: Alignment, claim_run: list[str], source_run: list[str], *, first: bool, last: bool
) -> Difference | None:
    """How one run of differing words differs. A claim word at either end of the alignment that
    is the source's word in another style ("center" for "centre") may align to nothing, or to a
    source word beside it, so there a few source words more or fewer are tried too."""
    kind = difference(claim_run, source_run)
    if kind is not None or not claim_run or not (first or last):
        return kind
    for extra in range(1, STYLE_REACH_WORDS + 1):
        # The aligner may also have taken a word of the source's own before or after the quote.
        if first and extra < len(source_run):
            kind = difference(claim_run, source_run[extra:])
        if kind is None and last and extra < len(source_run):
            kind = difference(claim_run, source_run[:-extra])
        if kind is None and first and alignment.start - extra >= 0:
            kind = difference(claim_run, source_words(unit, alignment.start - extra, alignment.start) + source_run)
        if kind is None and last and alignment.end + extra <= len(unit.ids):
            kind = difference(claim_run, source_run + source_words(unit, alignment.end, alignment.end + extra))
        if kind is not None:
            return kind
    return None


def _same_figures(unit: Unit, quote: ParsedQuote, placement: QuotePlacement) -> bool:
    claim_side = [w.norm for seg in quote.segments for w in seg]
    source_side = [w for a in placement.segments if a is not None for w in source_words(unit, a.start, a.end)]
    return Counter(number_values(claim_side)) == Counter(number_values(source_side))


def _is_interjection(unit: Unit, start: int, end: int) -> bool:
    """Whether unit words ``[start, end)`` sit between a closing and an opening quote mark."""
    if start == 0 or end >= len(unit.ids) or end - start > MAX_PART_GAP_WORDS:
        return False
    span = unit.span
    text = unit.normalized.text
    before = text[span(start - 1)[1] : span(start)[0]]
    after = text[span(end - 1)[1] : span(end)[0]]
    inside = text[span(start)[0] : span(end - 1)[1]]
    return '"' in before and '"' in after and '"' not in inside


def _ellipsis_flags(unit: Unit, quote: ParsedQuote, placement: QuotePlacement) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    for k, gap in enumerate(quote.gaps):
        between = _gap_words(unit, placement, k)
        if gap.kind is not GapKind.ELLIPSIS or between is None:
            continue
        omitted = source_words(unit, *between)
        if any(map(is_negation, omitted)) and Flag.ELLIPSIS_OMITS_NEGATION not in flags:
            flags.append(Flag.ELLIPSIS_OMITS_NEGATION)
        if number_values(omitted) and Flag.ELLIPSIS_OMITS_NUMBER not in flags:
            flags.append(Flag.ELLIPSIS_OMITS_NUMBER)
        if omits_qualifier(omitted) and Flag.ELLIPSIS_OMITS_QUALIFIER not in flags:
            flags.append(Flag.ELLIPSIS_OMITS_QUALIFIER)
    return tuple(flags)


def _claim_text(quote: ParsedQuote, words: Sequence[ClaimWord]) -> str:
    if not words:
        return ""
    return " ".join(quote.text[words[0].start : words[-1].end].split())


class DiffBuilder:
    """Collects word-level diff entries.

    Between two equal runs, all claim-only words come out as one ``delete`` followed by one
    ``insert`` of the source's words, which reads better than interleaved single words.
    """

    def __init__(self) -> None:
        self._entries: list[tuple[DiffOp, str]] = []
        self._deleted: list[str] = []
        self._inserted: list[str] = []

    def add(self, op: DiffOp, words: str) -> None:
        if not words:
            return
        if op is DiffOp.DELETE:
            self._deleted.append(words)
        elif op is DiffOp.INSERT:
            self._inserted.append(words)
        else:
            self._flush()
            if self._entries and self._entries[-1][0] is DiffOp.EQUAL:
                self._entries[-1] = (DiffOp.EQUAL, f"{self._entries[-1][1]} {words}")
            else:
                self._entries.append((DiffOp.EQUAL, words))

    def _flush(self) -> None:
        if self._deleted:
            self._entries.append((DiffOp.DELETE, " ".join(self._deleted)))
        if self._inserted:
            self._entries.append((DiffOp.INSERT, " ".join(self._inserted)))
        self._deleted, self._inserted = [], []

    @property
    def entries(self) -> tuple[tuple[DiffOp, str], ...]:
        self._flush()
        return tuple(self._entries)

    def add_alignment(self, unit: Unit, claim_text: str, claim_words: Sequence[ClaimWord], a: Alignment) -> None:
        def claim_part(c0: int, c1: int) -> str:
            if c1 <= c0:
                return ""
            return " ".join(claim_text[claim_words[c0].start : claim_words[c1 - 1].end].split())

        for op in a.ops:
            if op.tag == EQUAL:
                self.add(DiffOp.EQUAL, claim_part(op.c0, op.c1))
            elif op.tag == DELETE:
                self.add(DiffOp.DELETE, claim_part(op.c0, op.c1))
            elif op.tag == INSERT:
                self.add(DiffOp.INSERT, unit.original_words(op.s0, op.s1))
            elif op.tag == REPLACE:
                self.add(DiffOp.DELETE, claim_part(op.c0, op.c1))
                self.add(DiffOp.INSERT, unit.original_words(op.s0, op.s1))


def snippet(unit: Unit, start: int, end: int) -> str:
    """The source passage of words ``[start, end)`` with a few words of context, as written."""
    first = max(0, start - SNIPPET_CONTEXT_WORDS)
    last = min(len(unit.ids), end + SNIPPET_CONTEXT_WORDS)
    a, b = unit.original_span(first, last)
    return unit.original[a:b]


def quote_evidence(unit: Unit, quote: ParsedQuote, placement: QuotePlacement) -> Evidence:
    """Evidence for a placed quote: span, snippet, word diff and what its ellipses left out."""
    diff = DiffBuilder()
    omitted: list[str] = []
    for k, segment in enumerate(quote.segments):
        alignment = placement.segments[k]
        if alignment is None:
            diff.add(DiffOp.DELETE, _claim_text(quote, segment))
        else:
            diff.add_alignment(unit, quote.text, segment, alignment)
        if k == len(quote.gaps):
            continue
        gap = quote.gaps[k]
        between = _gap_words(unit, placement, k)
        gap_source = unit.original_words(*between) if between is not None else ""
        if gap.kind is GapKind.BRACKET:
            diff.add(DiffOp.DELETE, gap.text)
        if gap.kind is GapKind.ELLIPSIS and gap_source:
            omitted.append(gap_source)
        diff.add(DiffOp.INSERT, gap_source)
    start, end = unit.original_span(placement.start, placement.end)
    return Evidence(
        source=unit.source_id,
        start=start,
        end=end,
        snippet=snippet(unit, placement.start, placement.end),
        diff=diff.entries,
        omitted=tuple(omitted),
        in_main_text=unit.main,
        followed_by=cut.followed_by if (cut := _quote_cut(unit, placement)) is not None else None,
    )
