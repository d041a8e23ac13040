"""Place every segment of a direct or partial quote in one source text, in order.

The longest segment is the anchor: it is searched across all units (exact, then fuzzy). From
each anchor placement the other segments are looked for next to it, inside the gap their
editorial mark allows (an ellipsis: many words; a bracket: a few; a split quote: the source's
own "he said"). The result is one ``QuotePlacement`` per unit, the best there.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from verify.match.align import (
    EQUAL,
    Alignment,
    best_fuzzy,
    exact_alignment,
    find_exact,
    find_exact_in,
    fuzzy_windows,
    semi_global,
)
from verify.match.editorial import Gap, ParsedQuote
from verify.match.index import SourceIndex, Unit
from verify.match.thresholds import MIN_NEARBY_SEGMENT_COVERAGE


@dataclass(frozen=True)
class QuotePlacement:
    """Where each segment of a quote sits in one unit (None: not found next to the others)."""

    unit: int
    segments: tuple[Alignment | None, ...]
    claim_words: int

    @property
    def matched(self) -> int:
        return sum(a.matched for a in self.segments if a is not None)

    @property
    def source_words(self) -> int:
        """Words of the source spans the segments align to (gaps not counted)."""
        return sum(a.end - a.start for a in self.segments if a is not None)

    @property
    def exact(self) -> bool:
        return all(a is not None and a.exact for a in self.segments)

    @property
    def start(self) -> int:
        return min(a.start for a in self.segments if a is not None)

    @property
    def end(self) -> int:
        return max(a.end for a in self.segments if a is not None)

    def rank(self) -> tuple[int, int, int]:
        cost = sum(a.cost for a in self.segments if a is not None)
        return (int(self.exact), self.matched, -cost)


def place_quote(
    index: SourceIndex,
    quote: ParsedQuote,
    segment_ids: Sequence[str],
    wanted_units: Container[int] | None = None,
) -> dict[int, QuotePlacement]:
    """The best placement of ``quote`` in each unit where it can be found.

    Fuzzy search is skipped for units that already hold an exact placement; when
    ``wanted_units`` is given it also runs if none of those units has an exact one.
    """
    anchor = max(range(len(segment_ids)), key=lambda k: (len(segment_ids[k]), -k))
    anchors = find_exact(index, segment_ids[anchor])
    exact_units = {a.unit for a in anchors}
    need_fuzzy = not anchors or (
        wanted_units is not None and not any(u in wanted_units for u in exact_units)
    )
    if need_fuzzy:
        windows = fuzzy_windows(index, segment_ids[anchor], skip_units=exact_units)
        anchors.extend(best_fuzzy(index, segment_ids[anchor], windows))
    claim_words = sum(len(s) for s in segment_ids)
    best: dict[int, QuotePlacement] = {}
    for alignment in anchors:
        placed = _extend(index.units[alignment.unit], quote.gaps, segment_ids, anchor, alignment)
        placement = QuotePlacement(alignment.unit, placed, claim_words)
        current = best.get(alignment.unit)
        if current is None or placement.rank() > current.rank():
            best[alignment.unit] = placement
    return best


def _extend(
    unit: Unit,
    gaps: Sequence[Gap],
    segment_ids: Sequence[str],
    anchor: int,
    anchor_alignment: Alignment,
) -> tuple[Alignment | None, ...]:
    placed: list[Alignment | None] = [None] * len(segment_ids)
    placed[anchor] = anchor_alignment
    # Rightwards: each segment starts after the previous one, within its gap.
    edge = anchor_alignment.end
    for k in range(anchor + 1, len(segment_ids)):
        found = _place_near(unit, segment_ids[k], edge, gaps[k - 1].max_words, rightwards=True)
        placed[k] = found
        if found is not None:
            edge = found.end
    edge = anchor_alignment.start
    for k in range(anchor - 1, -1, -1):
        found = _place_near(unit, segment_ids[k], edge, gaps[k].max_words, rightwards=False)
        placed[k] = found
        if found is not None:
            edge = found.start
    return tuple(placed)


def _place_near(
    unit: Unit, segment: str, edge: int, max_gap: int, *, rightwards: bool
) -> Alignment | None:
    """The segment's placement just after (or before) ``edge``, at most ``max_gap`` words away."""
    m = len(segment)
    if rightwards:
        starts = find_exact_in(unit, segment, edge, edge + max_gap + 1)
        if starts:
            return exact_alignment(unit.number, starts[0], m)
        lo, hi = edge, min(len(unit.ids), edge + max_gap + m + max(2, m // 3))
    else:
        starts = find_exact_in(unit, segment, edge - max_gap - m, edge - m + 1)
        if starts:
            return exact_alignment(unit.number, starts[-1], m)
        lo, hi = max(0, edge - max_gap - m - max(2, m // 3)), edge
    if hi <= lo:
        return None
    alignment = semi_global(unit, segment, lo, hi, prefer_late=not rightwards)
    # A nearby run sharing under half the segment's words is not this segment.
    if alignment.matched < MIN_NEARBY_SEGMENT_COVERAGE * m or not any(op.tag == EQUAL for op in alignment.ops):
        return None
    return alignment
