"""Reported speech: find a source passage (a sentence or two) that carries the statement.

A reported statement is not quoted, so its words may differ; what must survive a fair
paraphrase are its content words (compared by a crude stem) and every number. The rarest
content stems vote for sentences; the best passages are then checked in full.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from verify.match.align import Alignment, Op, within_budget
from verify.match.editorial import ClaimWord
from verify.match.figures import FIGURE_WORDS, MONTHS, dates, dates_differ, unexplained_numbers
from verify.match.index import SourceIndex, Unit
from verify.match.normalize import is_negation, is_number, is_number_word, normalize, number_values, stem, word_spans
from verify.match.stopwords import STOPWORDS
from verify.match.style import UNIT_WORDS, expand, spelling
from verify.match.thresholds import (
    MAX_SEED_UNITS,
    MIN_REPORTED_CONTENT_COVERAGE,
    MIN_REPORTED_CONTENT_WORDS,
    REPORTED_PASSAGE_SENTENCES,
    REPORTED_PASSAGES_CHECKED,
    SEED_WORDS,
)
from verify.match.verdict import DiffBuilder, Judgement, snippet, source_words
from verify.model import Evidence, Flag, Reason, Verdict


@dataclass(frozen=True)
class ReportedClaim:
    """A reported statement parsed for matching: its words, content stems and numbers."""

    text: str
    words: tuple[tuple[str, int, int], ...]  # normalised word, start, end in text
    stems: frozenset[str]  # content stems
    numbers: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> ReportedClaim:
        found = tuple(word_spans(normalize(text)))
        words = [w for w, _, _ in found]
        return cls(text, found, frozenset(content_stems(words)), frozenset(number_values(words)))


def content_stems(words: list[str]) -> set[str]:
    """The stems of a run's content words. Numbers are left out: however a number is written
    ("1.2 million", "1,200,000"), its value is checked on its own (``number_values``), and so are
    dates and the words that make a number an estimate (``figures``). House style is folded
    first: contractions written out ("we're" is "we are"), US spelling, units left out."""
    return {
        stem(spelling(w))
        for w in expand(words)
        if not is_number(w)
        and not is_number_word(w)
        and len(w) > 1
        and w not in STOPWORDS
        and w not in FIGURE_WORDS
        and w not in UNIT_WORDS
    }


@lru_cache(maxsize=1 << 16)
def _content_stems_of(word: str) -> frozenset[str]:
    """``content_stems`` of one word: a passage's are the union of its words' (each word is folded on its own)."""
    return frozenset(content_stems([word]))


@dataclass(frozen=True)
class Passage:
    """A run of sentences of one unit that may carry a reported statement, and how well it does."""

    unit: int
    start: int  # unit words
    end: int
    coverage: float
    judgement: Judgement | None


def seed_stems(index: SourceIndex, claim: ReportedClaim) -> list[str]:
    """The statement's rarest content stems that occur somewhere: they vote for sentences."""
    frequency = {s: sum(index.frequency(w) for w in index.stem_ids(s)) for s in claim.stems}
    seeds = [s for s in claim.stems if 0 < frequency[s] <= MAX_SEED_UNITS]
    seeds.sort(key=lambda s: (frequency[s], s))
    return within_budget(seeds[:SEED_WORDS], frequency.__getitem__)


def find_passages(index: SourceIndex, claim: ReportedClaim) -> dict[int, Passage]:
    """The best supporting (or nearly supporting) passage in each unit, by content coverage."""
    # Its numbers count as content here ("it cost 40,000" says enough to be checked), though
    # coverage is reckoned on the words alone: the numbers must all be there anyway.
    if not claim.stems or len(claim.stems) + len(claim.numbers) < MIN_REPORTED_CONTENT_WORDS:
        return {}
    claim_ids = index.ids_of(w for w, _, _ in claim.words)
    seeds = seed_stems(index, claim)
    # The seeds voting for a sentence are a bit mask (seed k is bit k): a passage's voters are
    # its sentences' masks or-ed, counted in one int operation.
    bit_of = {word_id: 1 << k for k, seed in enumerate(seeds) for word_id in index.stem_ids(seed)}
    holding: dict[int, int] = {}  # unit -> the seeds it holds, as a mask
    for word_id, bit in bit_of.items():
        for number in index.units_of(word_id):
            holding[number] = holding.get(number, 0) | bit
    # No passage has more votes than its unit has seeds: units are read most seeds first, and
    # once a unit's seeds are fewer than the votes of the REPORTED_PASSAGES_CHECKED-th best
    # passage so far, neither it nor any later unit can give one that ranks among them.
    bound = {number: mask.bit_count() for number, mask in holding.items()}
    best_counts: list[int] = []  # a min-heap of the best vote counts so far
    scored: dict[tuple[int, int, int], int] = {}
    for number in sorted(bound, key=lambda n: (-bound[n], n)):
        if len(best_counts) >= REPORTED_PASSAGES_CHECKED and bound[number] < best_counts[0]:
            break
        sentence_of = index.units[number].sentence_of()
        votes: dict[int, int] = {}
        for word_id, found_at in index.positions(number, bit_of).items():
            bit = bit_of[word_id]
            for at in found_at:
                sentence = sentence_of[at]
                votes[sentence] = votes.get(sentence, 0) | bit
        # A passage is up to REPORTED_PASSAGE_SENTENCES sentences; score each by its seed votes.
        for sentence in votes:
            for length in range(1, REPORTED_PASSAGE_SENTENCES + 1):
                for first in range(max(0, sentence - length + 1), sentence + 1):
                    key = (number, first, first + length - 1)
                    if key in scored:
                        continue
                    voters = 0
                    for k in range(first, first + length):
                        voters |= votes.get(k, 0)
                    count = scored[key] = voters.bit_count()
                    if len(best_counts) < REPORTED_PASSAGES_CHECKED:
                        heapq.heappush(best_counts, count)
                    elif count > best_counts[0]:
                        heapq.heapreplace(best_counts, count)
    ranked = heapq.nsmallest(
        REPORTED_PASSAGES_CHECKED, scored.items(), key=lambda item: (-item[1], item[0][2] - item[0][1], item[0])
    )
    best: dict[int, Passage] = {}
    for (unit_number, first, last), _ in ranked:
        passage = _check(index.units[unit_number], claim, claim_ids, first, last)
        current = best.get(unit_number)
        if current is None or passage.coverage > current.coverage:
            best[unit_number] = passage
    return best


def negation_differs(claim_words: list[str], passage_words: list[str], claim_ids: str, passage_ids: str) -> bool:
    """Whether a negation was added or dropped where the statement and the passage line up.

    The words are aligned (longest common subsequence). A negation in the statement whose
    neighbours sit side by side in the passage was added ("had [not] been inspected"); a
    negation in the passage whose next word lines up with a statement word not preceded by a
    negation was dropped ("[No] homes were damaged"). Where a paraphrase reorders the words so
    that neither test applies, the statement and the passage only need to agree on whether
    they hold a negation at all; a negation elsewhere in the passage ("... showed no sign of
    weakness") then counts for the statement's.
    """
    to_passage: dict[int, int] = {}
    for op in Indel.opcodes(claim_ids, passage_ids):
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                to_passage[op.src_start + k] = op.dest_start + k
    to_claim = {p: c for c, p in to_passage.items()}
    undecided = False
    for k, word in enumerate(claim_words):
        if not is_negation(word) or k in to_passage:
            continue
        before, after = to_passage.get(k - 1), to_passage.get(k + 1)
        if before is not None and after is not None and after == before + 1:
            return True
        undecided = True
    for j, word in enumerate(passage_words):
        if not is_negation(word) or j in to_claim:
            continue
        after = to_claim.get(j + 1)
        if after is None:
            continue
        before = to_claim.get(j - 1)
        claim_before = claim_words[after - 1] if after > 0 else None
        if (claim_before is None or not is_negation(claim_before)) and (before is None or before == after - 1):
            return True
    if undecided:
        return not any(map(is_negation, passage_words))
    return False


def _check(unit: Unit, claim: ReportedClaim, claim_ids: str, first_sentence: int, last_sentence: int) -> Passage:
    sentence_of = unit.sentence_of()
    start = bisect_left(sentence_of, first_sentence)
    end = bisect_right(sentence_of, last_sentence)
    words = source_words(unit, start, end)
    coverage = len(claim.stems.intersection(set().union(*map(_content_stems_of, words)))) / len(claim.stems)
    judgement = None
    if coverage >= MIN_REPORTED_CONTENT_COVERAGE:
        claim_words = [w for w, _, _ in claim.words]
        missing, other = unexplained_numbers(claim_words, words)
        claim_dates = dates(claim_words, [claim.text[a:b] for _, a, b in claim.words])
        written = [unit.original_words(start + k, start + k + 1) if w in MONTHS else w for k, w in enumerate(words)]
        passage_dates = dates(words, written)
        flags: list[Flag] = []
        if missing:
            flags.append(Flag.NUMBER_MISMATCH)
        if dates_differ(claim_dates, passage_dates):
            flags.append(Flag.DATE_MISMATCH)
        if negation_differs(claim_words, words, claim_ids, unit.ids[start:end]):
            flags.append(Flag.NEGATION_MISMATCH)
        # The passage gives another figure, date or polarity: it says otherwise, not merely less.
        says_otherwise = bool(missing and other) or Flag.DATE_MISMATCH in flags or Flag.NEGATION_MISMATCH in flags
        verdict = Verdict.UNVERIFIED if flags else Verdict.PARAPHRASED
        reason = Reason.CONTRADICTED if says_otherwise else Reason.NOT_FOUND if flags else Reason.SUPPORTED
        judgement = Judgement(unit.number, verdict, reason, round(100 * coverage, 1), tuple(flags))
    return Passage(unit.number, start, end, coverage, judgement)


def reported_evidence(index: SourceIndex, unit: Unit, claim: ReportedClaim, passage: Passage) -> Evidence:
    """Evidence for a supporting passage, with a word diff of the statement against it."""
    claim_ids = index.ids_of(w for w, _, _ in claim.words)
    passage_ids = unit.ids[passage.start : passage.end]
    ops = tuple(
        Op(
            o.tag,
            o.src_start,
            o.src_end,
            passage.start + o.dest_start,
            passage.start + o.dest_end,
        )
        for o in Indel.opcodes(claim_ids, passage_ids)
    )
    alignment = Alignment(unit.number, passage.start, passage.end, ops, 0)
    diff = DiffBuilder()
    claim_words = [ClaimWord(w, a, b) for w, a, b in claim.words]
    diff.add_alignment(unit, claim.text, claim_words, alignment)
    # The span is the words that carry the statement, from the first that lines up to the last:
    # the rest of the sentence ("X said") is context, and whom it credits is read from it.
    lined_up = [(o.s0, o.s1) for o in ops if o.tag == "equal"]
    first, last = (lined_up[0][0], lined_up[-1][1]) if lined_up else (passage.start, passage.end)
    start, end = unit.original_span(first, last)
    return Evidence(
        source=unit.source_id,
        start=start,
        end=end,
        snippet=snippet(unit, passage.start, passage.end),
        diff=diff.entries,
        in_main_text=unit.main,
    )
