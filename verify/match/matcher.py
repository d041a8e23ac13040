"""``match_claims``: every claim against every source text, through one index (its own, or a batch's).

The policy lives here: which kinds are checked how, the order of preference between sources
(the outlet a claim names first, then all others; a source's main text before its full page
text), and what an unverified claim's reason is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from verify.deadline import NO_DEADLINE, Deadline
from verify.match.editorial import ParsedQuote, parse_quote
from verify.match.index import IndexView, SourceIndex, Unit
from verify.match.quotes import place_quote
from verify.match.reported import Passage, ReportedClaim, find_passages, reported_evidence
from verify.match.speaker import with_speaker_check
from verify.match.verdict import Judgement, judge_quote, quote_evidence
from verify.model import Claim, ClaimKind, ClaimResult, Evidence, Flag, Reason, SourceText, Verdict

_VERDICT_RANK = {Verdict.CONFIRMED: 2, Verdict.PARAPHRASED: 1, Verdict.UNVERIFIED: 0}
# Reasons for an unverified claim that the compared passage itself gives.
_OWN_REASONS = frozenset({Reason.CONTRADICTED, Reason.MISATTRIBUTED})


def match_claims(
    claims: Sequence[Claim],
    sources: Sequence[SourceText],
    *,
    preferred: Mapping[str, frozenset[str]] | None = None,
    unavailable: frozenset[str] = frozenset(),
    deadline: Deadline = NO_DEADLINE,
    shared: SourceIndex | None = None,
    shared_ids: Mapping[str, str] | None = None,
) -> tuple[ClaimResult, ...]:
    """One result per claim, in order: verdict, reason, score, flags and evidence.

    ``preferred`` maps a claim id to the ids of the sources of the outlet the claim names;
    ``unavailable`` holds the ids of sources that could not be fetched or read. ``deadline``
    is polled before each claim is matched (``CheckTimeout`` once it has passed). ``shared``
    is an index already built over these sources (and maybe others, which are not searched);
    ``shared_ids`` maps a source's id here to its id there, where they differ.
    """
    preferred = preferred or {}
    quotes: dict[str, ParsedQuote] = {}
    reported: dict[str, ReportedClaim] = {}
    for claim in claims:
        if claim.kind in (ClaimKind.DIRECT, ClaimKind.PARTIAL):
            quotes[claim.id] = parse_quote(claim.text, _part_breaks(claim))
        elif claim.kind is ClaimKind.REPORTED:
            reported[claim.id] = ReportedClaim.parse(claim.text)
    # Claim words are declared in claim order: it breaks ties between equally rare words.
    declared = [w.norm for quote in quotes.values() for segment in quote.segments for w in segment]
    declared += [w for statement in reported.values() for w, _, _ in statement.words]
    index: SourceIndex
    if shared is None:  # the claims are known: only their words need symbols
        stems = frozenset().union(*(statement.stems for statement in reported.values()))
        index = SourceIndex(sources, words=declared, stems=stems, claim_words_only=True)
    else:
        ids = shared_ids or {}
        index = IndexView(shared, [(ids.get(s.source_id, s.source_id), s.source_id) for s in sources], declared)
    segment_ids: dict[str, list[str]] = {}
    for claim_id, quote in quotes.items():
        segment_ids[claim_id] = [index.ids_of(w.norm for w in segment) for segment in quote.segments]

    units_of_source: dict[str, list[int]] = {}
    for unit in index.units:
        units_of_source.setdefault(unit.source_id, []).append(unit.number)

    def match(claim: Claim) -> ClaimResult:
        deadline.poll()
        if claim.kind is ClaimKind.TERM:
            return ClaimResult(claim, None, None, None)
        wanted_sources = preferred.get(claim.id, frozenset())
        wanted_units = {n for source_id in wanted_sources for n in units_of_source.get(source_id, ())}
        if claim.id in quotes:
            result = _match_quote(
                index, claim, quotes[claim.id], segment_ids[claim.id], wanted_units, bool(wanted_sources)
            )
        else:
            result = _match_reported(index, claim, reported[claim.id], wanted_units, bool(wanted_sources))
        if result.verdict is Verdict.UNVERIFIED and result.reason is None:
            result = _unverified(result, sources, wanted_sources, unavailable)
        return with_speaker_check(result, texts_by_id)

    texts_by_id = {source.source_id: source for source in sources}
    return tuple(match(claim) for claim in claims)


def _part_breaks(claim: Claim) -> list[int]:
    """Offsets in ``claim.text`` where each later part starts, when the parts were joined by spaces."""
    if len(claim.parts) < 2:
        return []
    lengths = [p.end - p.start for p in claim.parts]
    if sum(lengths) + len(lengths) - 1 != len(claim.text):
        return []
    breaks, offset = [], 0
    for length in lengths[:-1]:
        offset += length + 1
        breaks.append(offset)
    return breaks


def _choose(
    index: SourceIndex, judgements: Sequence[Judgement], wanted_units: set[int], names_outlet: bool
) -> tuple[Judgement | None, bool]:
    """The judgement to report and whether it lies outside the outlet the claim names."""
    found = [j for j in judgements if j.verdict is not Verdict.UNVERIFIED]

    def rank(j: Judgement) -> tuple[int, bool, float]:
        return (_VERDICT_RANK[j.verdict], index.units[j.unit].main, j.score)

    if names_outlet:  # even when none of the outlet's sources could be read
        in_outlet = [j for j in found if j.unit in wanted_units]
        if in_outlet:
            return max(in_outlet, key=rank), False
        if found:
            return max(found, key=rank), True
        return None, False
    return (max(found, key=rank) if found else None), False


def _near_miss(judgements: Sequence[Judgement], wanted_units: set[int]) -> Judgement | None:
    """The best passage that nearly supported a claim (e.g. with a different number), the
    named outlet's first; a passage that says otherwise before one that only lacks something."""
    misses = [j for j in judgements if j.verdict is Verdict.UNVERIFIED]
    if wanted_units and any(j.unit in wanted_units for j in misses):
        misses = [j for j in misses if j.unit in wanted_units]
    return max(misses, key=lambda j: (j.reason is Reason.CONTRADICTED, j.score)) if misses else None


def _finish(
    claim: Claim, judgement: Judgement | None, evidence: Evidence | None, outside_outlet: bool, unit: Unit | None
) -> ClaimResult:
    if judgement is None or evidence is None or unit is None:
        return ClaimResult(claim, Verdict.UNVERIFIED, None, None)
    flags = list(judgement.flags)
    if outside_outlet:
        flags.append(Flag.OUTLET_MISMATCH)
    if not unit.main:
        flags.append(Flag.OUTSIDE_MAIN_TEXT)
        evidence = replace(evidence, where="comments" if unit.in_comments(evidence.start) else "page")
    if judgement.verdict is Verdict.UNVERIFIED:
        # A passage was compared and does not support the claim: shown, so the editor sees what
        # the source says; why it is unverified is decided by the caller unless it says otherwise.
        reason = judgement.reason if judgement.reason in _OWN_REASONS else None
        return ClaimResult(claim, Verdict.UNVERIFIED, reason, None, tuple(flags), evidence)
    return ClaimResult(claim, judgement.verdict, judgement.reason, judgement.score, tuple(flags), evidence)


def _match_quote(
    index: SourceIndex,
    claim: Claim,
    quote: ParsedQuote,
    segment_ids: list[str],
    wanted_units: set[int],
    names_outlet: bool,
) -> ClaimResult:
    if not quote.segments:
        return ClaimResult(claim, Verdict.UNVERIFIED, None, None)
    placements = place_quote(index, quote, segment_ids, wanted_units or None)
    judgements = []
    for unit_number, placement in placements.items():
        judgement = judge_quote(index.units[unit_number], quote, placement)
        if judgement is not None:
            judgements.append(judgement)
    chosen, outside = _choose(index, judgements, wanted_units, names_outlet)
    if chosen is None:
        return ClaimResult(claim, Verdict.UNVERIFIED, None, None)
    unit = index.units[chosen.unit]
    return _finish(claim, chosen, quote_evidence(unit, quote, placements[chosen.unit]), outside, unit)


def _match_reported(
    index: SourceIndex, claim: Claim, statement: ReportedClaim, wanted_units: set[int], names_outlet: bool
) -> ClaimResult:
    passages: dict[int, Passage] = find_passages(index, statement)
    judgements = [p.judgement for p in passages.values() if p.judgement is not None]
    chosen, outside = _choose(index, judgements, wanted_units, names_outlet)
    if chosen is None:
        chosen = _near_miss(judgements, wanted_units)
        if chosen is None:
            return ClaimResult(claim, Verdict.UNVERIFIED, None, None)
    unit = index.units[chosen.unit]
    evidence = reported_evidence(index, unit, statement, passages[chosen.unit])
    return _finish(claim, chosen, evidence, outside, unit)


def _unverified(
    result: ClaimResult,
    sources: Sequence[SourceText],
    wanted_sources: frozenset[str],
    unavailable: frozenset[str],
) -> ClaimResult:
    """Why an unverified claim is unverified, when no passage says so itself.

    A failed source is blamed only when it is one the claim names, or when no source could be
    read at all: a claim compared with readable sources and not found there is not found.
    """
    if not sources and not unavailable:
        reason = Reason.NO_SOURCE
    elif wanted_sources & unavailable or (unavailable and not sources):
        reason = Reason.SOURCE_UNAVAILABLE
    else:
        reason = Reason.NOT_FOUND
    return replace(result, reason=reason, score=None)
