"""Re-checks: compare a report with an earlier one of the same draft, and reuse what still holds.

A claim is recognised across versions of a draft by its words, never by its id or
offsets, so an edit elsewhere in the draft (a new paragraph above it, a renumbered
claim) does not disturb it:

1. *Same text*: the claim keys are equal (``claim_key``: case, whitespace, quote and
   dash style and the punctuation at either end do not count). The pair is
   ``unchanged`` when the verdict that counts (an editor's decision wins) is the same,
   else ``changed``.
2. *Edited*: otherwise a claim is paired with a left-over baseline claim whose key is
   at least ``SIMILAR_CLAIM_MIN_RATIO`` similar (rapidfuzz ``fuzz.ratio``) **and** that
   has the same speaker or sits in the same paragraph. Such a pair is ``changed``.
3. Anything left is ``new``.

A *problem* is a checkable claim whose verdict that counts is paraphrased or unverified.
``BaselineDiff.introduced`` lists the ids of claims that are problems now but were not
(or did not exist) in the baseline; ``resolved`` lists the texts of baseline problems
that are no longer problems, including those whose claim has left the draft.

Pure functions apart from ``load_baseline``, which reads the saved report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from verify.model import BaselineDiff, Claim, ClaimKind, ClaimResult, Flag, Report, SourceEntry, SourceStatus, Verdict
from verify.userfiles import load_report
from verify.version import __version__

if TYPE_CHECKING:  # only for a type hint: the pool module is not needed to compare reports
    from verify.sources.pool import LoadedSource

# Two claim texts whose keys are at least this similar (0–100, rapidfuzz fuzz.ratio) are
# the same claim, edited, when they also share a speaker or a paragraph. Measured on
# the pairs in tests/workflow/test_rechecks.py: a changed word in a sentence-long quote
# scores 94.9 ("will not rest" → "will never rest"), a clause added to a short quote
# 76.7, while two different quotes by one speaker score 40.5 and 46.2. (A small
# hand-made set: recalibrate with real revision histories when we have them.)
SIMILAR_CLAIM_MIN_RATIO = 75.0

PROBLEM_VERDICTS = frozenset({Verdict.PARAPHRASED, Verdict.UNVERIFIED})

CHANGE_NEW, CHANGE_CHANGED, CHANGE_UNCHANGED = "new", "changed", "unchanged"

# Typographic variants that say the same thing: curly and angled quotes, primes, dashes.
_TYPOGRAPHY = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
_END_PUNCTUATION = " \"',.;:"
_WHITESPACE = re.compile(r"\s+")


def claim_key(text: str) -> str:
    """The form under which a claim's text is recognised in another version of the draft.

    NFKC (so ``…`` is ``...`` and a no-break space is a space), one style of quotes,
    apostrophes and dashes, single spaces, no quotes or ``,.;:`` at either end, casefolded.
    Editor decisions are keyed the same way (``verify.decisions``).
    """
    folded = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    return _WHITESPACE.sub(" ", folded).strip(_END_PUNCTUATION).casefold()


def is_problem(result: ClaimResult) -> bool:
    """A checkable claim whose verdict that counts is paraphrased or unverified."""
    return result.claim.kind is not ClaimKind.TERM and result.effective_verdict in PROBLEM_VERDICTS


# ---------------------------------------------------------------------------
# Reading the baseline
# ---------------------------------------------------------------------------


def load_baseline(path: str | Path) -> Report:
    """Read a saved JSON report (``verify check --format json -o …``); errors are one line."""
    return load_report(path, what="baseline")


# ---------------------------------------------------------------------------
# Pairing claims across versions
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimPair:
    """A claim of the new report and its counterpart in the baseline (indexes into results)."""

    new: int
    old: int
    same_text: bool


def _speaker_key(claim: Claim) -> str | None:
    name = claim.speaker.name if claim.speaker is not None else None
    return claim_key(name) if name else None


def _same_place(new: Claim, old: Claim) -> bool:
    """Same speaker (both named, names equal as keys), or the same paragraph."""
    speaker = _speaker_key(new)
    return (speaker is not None and speaker == _speaker_key(old)) or new.paragraph == old.paragraph


def pair_claims(
    new: Sequence[ClaimResult], old: Sequence[ClaimResult], *, min_ratio: float = SIMILAR_CLAIM_MIN_RATIO
) -> tuple[ClaimPair, ...]:
    """Each new claim's counterpart in ``old``, if any; every claim is paired at most once.

    Equal keys pair first, in order (a quote used twice pairs first with first); then the
    most similar remaining pairs that pass ``min_ratio`` and ``_same_place``.
    """
    new_keys = [claim_key(r.claim.text) for r in new]
    old_keys = [claim_key(r.claim.text) for r in old]
    waiting: dict[str, list[int]] = {}
    for j, key in enumerate(old_keys):
        waiting.setdefault(key, []).append(j)
    pairs: list[ClaimPair] = []
    for i, key in enumerate(new_keys):
        if waiting.get(key):
            pairs.append(ClaimPair(i, waiting[key].pop(0), same_text=True))
    taken_new = {p.new for p in pairs}
    taken_old = {p.old for p in pairs}
    candidates: list[tuple[float, int, int, int]] = []
    for i, new_key in enumerate(new_keys):
        if i in taken_new:
            continue
        for j, old_key in enumerate(old_keys):
            if j in taken_old or not _same_place(new[i].claim, old[j].claim):
                continue
            score = fuzz.ratio(new_key, old_key, score_cutoff=min_ratio)
            if score:
                candidates.append((-score, abs(i - j), i, j))
    for _, _, i, j in sorted(candidates):
        if i not in taken_new and j not in taken_old:
            pairs.append(ClaimPair(i, j, same_text=False))
            taken_new.add(i)
            taken_old.add(j)
    return tuple(sorted(pairs, key=lambda p: p.new))


def compare_with_baseline(report: Report, baseline: Report, baseline_path: str | None) -> Report:
    """``report`` with every claim's ``change`` set and ``Report.baseline`` filled in."""
    pairs = {p.new: p for p in pair_claims(report.results, baseline.results)}
    results: list[ClaimResult] = []
    introduced: list[str] = []
    still_problem: set[int] = set()  # baseline indexes whose problem carries on
    for i, result in enumerate(report.results):
        pair = pairs.get(i)
        if pair is None:
            change = CHANGE_NEW
            was_problem = False
        else:
            old = baseline.results[pair.old]
            same = pair.same_text and old.effective_verdict == result.effective_verdict
            change = CHANGE_UNCHANGED if same else CHANGE_CHANGED
            was_problem = is_problem(old)
            if was_problem and is_problem(result):
                still_problem.add(pair.old)
        if is_problem(result) and not was_problem:
            introduced.append(result.claim.id)
        results.append(replace(result, change=change))
    resolved = tuple(
        old.claim.text for j, old in enumerate(baseline.results) if is_problem(old) and j not in still_problem
    )
    return replace(
        report,
        results=tuple(results),
        baseline=BaselineDiff(baseline_path, introduced=tuple(introduced), resolved=resolved),
    )


# ---------------------------------------------------------------------------
# Reusing baseline results
# ---------------------------------------------------------------------------


def _location(entry: SourceEntry) -> str | None:
    return entry.url if entry.url is not None else entry.path


def _exact_text(text: str) -> str:
    return " ".join(text.split())


def _reuse_key(claim: Claim) -> tuple[str, ClaimKind, str | None, str | None]:
    """What the matcher's answer depends on besides the sources: words, kind, speaker, outlet."""
    speaker = claim.speaker.name if claim.speaker is not None else None
    return (_exact_text(claim.text), claim.kind, speaker, claim.outlet)


def _baseline_snapshots(baseline: Report) -> dict[str, str]:
    return {
        loc: s.sha256
        for s in baseline.sources
        if s.status is SourceStatus.OK and s.sha256 and (loc := _location(s)) is not None
    }


def reuse_from_baseline(
    claims: Sequence[Claim],
    snapshots: Mapping[str, str],
    baseline: Report,
    *,
    source_ids: Mapping[str, str] | None = None,
) -> dict[str, ClaimResult]:
    """Baseline results still valid for these claims, keyed by the new claim id.

    ``snapshots`` maps the location (URL or path, as in ``SourceEntry.url``/``.path``) of
    every source readable now to its snapshot's sha256; ``source_ids`` maps the same
    locations to this run's source ids, so the evidence names the right source (without
    it the baseline's ids are kept: only right when the sources are numbered alike).

    A result is reused when the claim's words (up to whitespace), kind, speaker and outlet
    are unchanged, the baseline was made by this version of verify, and the snapshot its
    evidence came from is unchanged. A confirmed result without ``outlet_mismatch`` needs
    nothing more; any other (paraphrased, or found outside the outlet named) is reused only
    when the set of sources and all their snapshots are unchanged, since a new source might
    hold the exact words. Unverified results and terms are never reused. A reused result
    carries no editor decision and no change mark: those are applied afterwards.
    """
    if baseline.tool_version != __version__:
        return {}
    same_sources = dict(snapshots) == _baseline_snapshots(baseline)
    by_key: dict[tuple[str, ClaimKind, str | None, str | None], ClaimResult] = {}
    for earlier in baseline.results:
        by_key.setdefault(_reuse_key(earlier.claim), earlier)
    reused: dict[str, ClaimResult] = {}
    for claim in claims:
        old = by_key.get(_reuse_key(claim))
        if old is None or old.evidence is None or old.verdict in (None, Verdict.UNVERIFIED):
            continue
        if claim.kind is ClaimKind.TERM:
            continue
        settled = old.verdict is Verdict.CONFIRMED and Flag.OUTLET_MISMATCH not in old.flags
        if not settled and not same_sources:
            continue
        entry = baseline.source(old.evidence.source)
        location = _location(entry) if entry is not None else None
        if entry is None or location is None:
            continue
        now = snapshots.get(location)
        if now is None or now != entry.sha256 or old.evidence.snapshot not in (None, now):
            continue
        evidence = old.evidence
        if source_ids is not None:
            if location not in source_ids:
                continue
            evidence = replace(evidence, source=source_ids[location])
        # Decisions are not carried over: they come from the decisions file on every run,
        # so a ruling deleted from it must not survive in a reused result.
        reused[claim.id] = replace(old, claim=claim, evidence=evidence, change=None, decision=None)
    return reused


def reuse_for_sources(
    claims: Sequence[Claim], loaded: Sequence[LoadedSource], baseline: Report
) -> dict[str, ClaimResult]:
    """``reuse_from_baseline`` with the snapshots and source ids of one draft's loaded sources."""
    snapshots: dict[str, str] = {}
    ids: dict[str, str] = {}
    for source in loaded:
        ref, snapshot = source.numbered.ref, source.fetched.snapshot
        location = ref.url if ref.url is not None else ref.path
        if location is None or snapshot is None or source.text is None:
            continue
        snapshots[location] = snapshot.sha256
        ids[location] = source.numbered.id
    return reuse_from_baseline(claims, snapshots, baseline, source_ids=ids)


def baseline_applies(draft_path: str | None, baseline: Report, *, only_draft: bool) -> bool:
    """Whether ``--baseline`` serves this draft: the only draft of a run always (it may have
    been renamed, or read from standard input); among several, only the draft the
    baseline was made from (the same path, resolved).
    """
    if only_draft:
        return True
    theirs = baseline.article.path
    if draft_path is None or theirs is None:
        return False
    return draft_path == theirs or Path(draft_path).resolve() == Path(theirs).resolve()
