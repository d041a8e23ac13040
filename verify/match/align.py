"""Find where a run of claim words sits in the sources: exact hits first, then fuzzy windows.

A unit's words are a string of symbols, one character per word (``verify.match.index``), and
so is a claim segment: a verbatim match is a substring, found by ``str.find`` in the units
that hold the segment's rarest words, which costs next to nothing. Fuzzy search lets the
segment's rarest words vote for the diagonal (source position minus claim position) they sit
on; only windows with enough votes are scored with rapidfuzz (a short needle against a short
window, word ids as symbols), and the best of them is aligned word by word with a small
semi-global dynamic programme, which gives the exact source span and the edit operations for
the diff.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from itertools import chain, groupby
from operator import itemgetter
from typing import TypeVar

from rapidfuzz import fuzz

from verify.match.index import SourceIndex, Unit
from verify.match.thresholds import (
    EXACT_FILTER_WORDS,
    MAX_EXACT_HITS,
    MAX_FUZZY_CANDIDATES,
    MAX_SEED_UNITS,
    MIN_SEED_VOTE_SHARE,
    MIN_SEED_VOTES,
    SEED_UNITS_BUDGET,
    SEED_WORDS,
)

T = TypeVar("T")

# Edit operations between claim words c[c0:c1] and source words s[s0:s1].
EQUAL = "equal"
DELETE = "delete"  # claim words the source lacks
INSERT = "insert"  # source words the claim lacks
REPLACE = "replace"  # both: reported in diffs as a delete and an insert


@dataclass(frozen=True)
class Op:
    """One edit operation between claim words and unit words."""

    tag: str
    c0: int
    c1: int
    s0: int  # unit word positions
    s1: int


@dataclass(frozen=True)
class Alignment:
    """A claim segment aligned to unit words ``[start, end)``."""

    unit: int
    start: int
    end: int
    ops: tuple[Op, ...]
    cost: int  # word edits

    @property
    def matched(self) -> int:
        return sum(op.c1 - op.c0 for op in self.ops if op.tag == EQUAL)

    @property
    def exact(self) -> bool:
        return self.cost == 0


def exact_alignment(unit: int, start: int, length: int) -> Alignment:
    return Alignment(unit, start, start + length, (Op(EQUAL, 0, length, start, start + length),), 0)


def seed_words(index: SourceIndex, segment: str) -> list[str]:
    """The segment's rarest words that occur somewhere but not everywhere: they vote for windows."""
    present = [w for w in set(segment) if 0 < index.frequency(w) <= MAX_SEED_UNITS]
    present.sort(key=lambda w: (index.frequency(w), index.rank(w)))
    return within_budget(present[:SEED_WORDS], index.frequency)


def within_budget(seeds: list[T], cost: Callable[[T], int]) -> list[T]:
    """The first seeds (at least two) whose summed cost stays within SEED_UNITS_BUDGET."""
    taken: list[T] = []
    spent = 0
    for seed in seeds:
        spent += cost(seed)
        if len(taken) >= 2 and spent > SEED_UNITS_BUDGET:
            break
        taken.append(seed)
    return taken


def anchor_word(index: SourceIndex, segment: str) -> tuple[int, str]:
    """(offset, word) of the segment's rarest word: an exact match must contain it."""
    return min(enumerate(segment), key=lambda item: index.frequency(item[1]))


def find_exact(index: SourceIndex, segment: str, limit: int = MAX_EXACT_HITS) -> list[Alignment]:
    """Every place (up to ``limit``) where the segment's words occur verbatim."""
    if not segment:
        return []
    _, anchor = anchor_word(index, segment)
    # A verbatim match needs every word of the segment in its unit: only the units holding the
    # rarest word and the next rarest ones too are searched.
    others = sorted(set(segment) - {anchor}, key=index.frequency)[:EXACT_FILTER_WORDS]
    holding = [frozenset(index.units_of(w)) for w in others]
    found: list[Alignment] = []
    for number in index.units_of(anchor):
        if not all(number in units for units in holding):
            continue
        for start in find_exact_in(index.units[number], segment, 0, len(index.units[number].ids)):
            found.append(exact_alignment(number, start, len(segment)))
            if len(found) >= limit:
                return found
    return found


def find_exact_in(unit: Unit, segment: str, lo: int, hi: int) -> list[int]:
    """Start positions in ``[lo, hi)`` where the segment occurs verbatim in one unit."""
    symbols = unit.ids
    lo = max(lo, 0)
    stop = hi + len(segment) - 1  # a match starting before hi may end after it
    starts = []
    at = symbols.find(segment, lo, stop)
    while at >= 0:
        starts.append(at)
        at = symbols.find(segment, at + 1, stop)
    return starts


@dataclass(frozen=True)
class Window:
    """A run of unit words where enough of a segment's rarest words line up to be scored."""

    unit: int
    lo: int
    hi: int
    votes: int


def fuzzy_windows(
    index: SourceIndex, segment: str, skip_units: Container[int] = ()
) -> list[Window]:
    """Windows where enough of the segment's rarest words line up, best first."""
    m = len(segment)
    seeds = seed_words(index, segment)
    if len(seeds) < MIN_SEED_VOTES:
        return []
    needed = max(MIN_SEED_VOTES, round(MIN_SEED_VOTE_SHARE * len(seeds)))
    bucket_width = max(4, m // 4)
    # The seeds that vote for a bucket are a bit mask (seed k is bit k): or-ing two buckets'
    # voters and counting them is then one int operation, not a set union.
    bit = {word_id: 1 << k for k, word_id in enumerate(seeds)}
    offsets: dict[str, list[int]] = {}
    for j, word_id in enumerate(segment):
        if word_id in bit:
            offsets.setdefault(word_id, []).append(j)
    # Votes per diagonal bucket of a unit: the diagonal is the unit position the segment would
    # start at, so windows never straddle two units. A unit holding fewer than ``needed`` of
    # the seeds cannot give a window, so only the others are read.
    seeds_in = Counter(chain.from_iterable(index.units_of(w) for w in seeds))
    scored = []
    for number in sorted(n for n, k in seeds_in.items() if k >= needed and n not in skip_units):
        votes: dict[int, int] = {}
        for word_id, found_at in index.positions(number, seeds).items():
            mask = bit[word_id]
            for j in offsets[word_id]:
                for at in found_at:
                    bucket = (at - j) // bucket_width
                    votes[bucket] = votes.get(bucket, 0) | mask
        for bucket, voters in votes.items():
            count = (voters | votes.get(bucket + 1, 0)).bit_count()
            if count >= needed:
                scored.append((-count, number, bucket))
    scored.sort()  # most votes first, then by unit and position
    slack = max(3, m // 3)
    windows: list[Window] = []
    taken: set[tuple[int, int]] = set()
    for minus_count, number, bucket in scored:
        if (number, bucket) in taken or (number, bucket - 1) in taken or (number, bucket + 1) in taken:
            continue
        diagonal = bucket * bucket_width
        lo = max(0, diagonal - slack)
        hi = min(len(index.units[number].ids), diagonal + 2 * bucket_width + m + slack)
        if hi <= lo:
            continue
        taken.add((number, bucket))
        windows.append(Window(number, lo, hi, -minus_count))
        if len(windows) >= MAX_FUZZY_CANDIDATES * 4:
            break
    return windows


def best_fuzzy(index: SourceIndex, segment: str, windows: Sequence[Window]) -> list[Alignment]:
    """Align the segment in each window; rapidfuzz ranks them and narrows each before the DP."""
    ranked = []
    for window in windows:
        unit = index.units[window.unit]
        region = unit.ids[window.lo : window.hi]
        found = fuzz.partial_ratio_alignment(segment, region)
        if found is None:
            continue
        ranked.append((found.score, window, found.dest_start, found.dest_end))
    ranked.sort(key=lambda item: -item[0])
    results = []
    for _, window, dest_start, dest_end in ranked[:MAX_FUZZY_CANDIDATES]:
        spread = max(2, len(segment) // 3)
        lo = max(window.lo, window.lo + dest_start - spread)
        hi = min(window.hi, window.lo + dest_end + spread)
        results.append(semi_global(index.units[window.unit], segment, lo, hi))
    return results


def semi_global(unit: Unit, claim: str, lo: int, hi: int, prefer_late: bool = False) -> Alignment:
    """Align all of ``claim`` to the best-matching run of unit words inside ``[lo, hi)``.

    Scores +1 for a matching word and -1 for a changed, dropped or added one, with the source's
    words before and after the run free (semi-global alignment). Ties go to the earliest run (or
    the latest with ``prefer_late``), then to the one with fewer source words.
    """
    source = unit.ids[lo:hi]
    m, n = len(claim), len(source)
    # score[i][j]: best score of claim[:i] aligned to a run ending at source[:j]; row 0 is free.
    # rows[i][j] holds score[i][j] + i + j (see _shifted_table), so the score tests below, for a
    # match (+1), a changed word (-1) and a claim-only word (-1), add 3, 1 and 0 instead, and the
    # best end maximises rows[m][j] - j = score[m][j] + m: the same choices as on the scores.
    rows = _shifted_table(source, claim)
    last = rows[m]
    ends = range(n, -1, -1) if prefer_late else range(n + 1)
    end = max(ends, key=lambda j: last[j] - j)
    # Trace back, preferring matches, then changed words, then claim-only words.
    i, j = m, end
    steps: list[tuple[str, int, int]] = []  # (tag, claim index, source index)
    while i > 0:
        here = rows[i][j]
        if j > 0 and source[j - 1] == claim[i - 1] and rows[i - 1][j - 1] + 3 == here:
            steps.append((EQUAL, i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j > 0 and source[j - 1] != claim[i - 1] and rows[i - 1][j - 1] + 1 == here:
            steps.append((REPLACE, i - 1, j - 1))
            i, j = i - 1, j - 1
        elif rows[i - 1][j] == here:
            steps.append((DELETE, i - 1, j))
            i -= 1
        else:
            steps.append((INSERT, i, j - 1))
            j -= 1
    steps.reverse()
    start = j
    # One op per run of steps with the same tag, made once (making an Op is slow): it starts
    # at the run's first step and spans one claim and/or source word per step.
    ops: list[Op] = []
    cost = 0
    for tag, group in groupby(steps, key=itemgetter(0)):
        run = list(group)
        _, ci, sj = run[0]
        length = len(run)
        c_len = 0 if tag == INSERT else length
        s_len = 0 if tag == DELETE else length
        if tag != EQUAL:
            cost += length
        ops.append(Op(tag, ci, ci + c_len, lo + sj, lo + sj + s_len))
    return Alignment(unit.number, lo + start, lo + end, tuple(ops), cost)


# Array type codes by item size, for the packed DP rows of ``_shifted_table``.
_FIELD_CODES = {array(code).itemsize: code for code in "BHILQ"}


def _shifted_table(source: str, claim: str) -> list[array[int]]:
    """The semi-global DP table of ``semi_global``, with ``score[i][j] + i + j`` in each cell.

    score[i][j] = max(score[i-1][j-1] + (1 if the words match else -1), score[i-1][j] - 1,
    score[i][j-1] - 1), with score[0][j] = 0 and score[i][0] = -i. Shifted by i + j, the three
    steps add a constant (3 for a match, else 1; 0; 0), so each row is non-decreasing and
    x[i][j] = max(x[i-1][j], x[i-1][j-1] + 1, x[i-1][k-1] + 3 for the last match k <= j).

    Written this way for speed: the per-cell Python loop was the whole cost of the alignment.
    A row is one int whose field j (``width`` bits from bit ``j * width``) holds x[i][j] (SWAR),
    so a handful of int operations compute all of it, and Python only loops over the few places
    the claim word occurs. Rows are returned unpacked, as arrays, for the traceback.
    """
    m, n = len(claim), len(source)
    # No cell exceeds m + n + min(m, n) (a score is at most min(i, j)), so fields of ``size``
    # bytes keep their top bit clear: _packed_max uses it as a guard.
    size = 1
    while m + n + min(m, n) >= 1 << (8 * size - 1):
        size *= 2
    width, code = 8 * size, _FIELD_CODES[size]
    ones = int.from_bytes(b"\x01".ljust(size, b"\x00") * (n + 1), "little")  # 1 in every field
    guards = ones << (width - 1)
    cells = (ones << width) - ones  # every bit of fields 0..n
    matches: dict[str, list[int]] = {}  # word -> the source positions k (1-based) holding it
    for k, word in enumerate(source, 1):
        matches.setdefault(word, []).append(k)
    length = size * (n + 1)
    row = int.from_bytes(b"".join(j.to_bytes(size, "little") for j in range(n + 1)), "little")
    rows = [_unpack_fields(row, code, length)]  # x[0][j] = j
    for word in claim:
        above = row
        # max(x[i-1][j], x[i-1][j-1] + 1): shift every field one cell on, add 1 (not to field 0).
        row = _packed_max(above, ((above << width) & cells) + ones - 1, guards, width)
        hits = matches.get(word)
        if hits:
            # x[i-1][k-1] + 3 from each match k to the next one (the latest match wins, as x[i-1]
            # never falls) and 0 before the first: a step function, written as bytes.
            before = rows[-1]
            parts = [bytes(size * hits[0])]
            for k, after in zip(hits, hits[1:] + [n + 1], strict=True):
                parts.append((before[k - 1] + 3).to_bytes(size, "little") * (after - k))
            steps = int.from_bytes(b"".join(parts), "little")
            row = _packed_max(row, steps, guards, width)
        rows.append(_unpack_fields(row, code, length))
    return rows


def _packed_max(a: int, b: int, guards: int, width: int) -> int:
    """Field-wise maximum of two ints of ``width``-bit fields whose top (guard) bits are clear."""
    # A field's guard bit survives (a | guard) - b exactly where a >= b, and no field borrows from
    # the next; a surviving guard bit minus its field's lowest bit gives that field's mask.
    ge = ((a | guards) - b) & guards
    return b ^ ((a ^ b) & (ge - (ge >> (width - 1))))


def _unpack_fields(packed: int, code: str, length: int) -> array[int]:
    """The fields of a packed int ``length`` bytes long, lowest first."""
    values = array(code, packed.to_bytes(length, "little"))
    if sys.byteorder == "big":
        values.byteswap()
    return values
