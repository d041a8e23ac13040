"""Re-checks: compare a report with an earlier one of the same draft, and reuse what still holds.

A claim is recognised across versions of a draft by its words, never by its id or offsets,
so an edit elsewhere in the draft (a new paragraph above it, a renumbered claim) does not
disturb it. Two claims are the same claim when they have the same kind and the same speaker
and

1. their keys are equal (``claim_key``: case, whitespace, quote and dash style and the
   punctuation at either end do not count); the pair is ``unchanged`` when the verdict that
   counts (an editor's decision wins) is the same, else ``changed``; or
2. they share at least ``SAME_CLAIM_MIN_SHARED_WORDS`` of their words (an edited quote):
   ``changed``.

Anything left is ``new``, and a baseline claim left over is gone.

What changed is read in the model's one order of severity (``ClaimResult.severity``) and
its flags that ask an editor to look (``LOOK_FLAGS``): a claim whose severity rose or that
gained such a flag is *newly at fault* (``BaselineDiff.introduced``, ids), as is a new claim
that needs a look; one whose severity fell or that lost such a flag is *resolved*
(``BaselineDiff.resolved``, the baseline claim's text), as is a baseline claim that needed a
look and is gone. When the baseline was made by another version of verify, a change to a
claim whose words and evidence snapshot are the same comes from the new rules, not from the
draft or its sources: it is listed apart (``BaselineDiff.rules_changed``, ids).

Pure functions apart from ``load_baseline``, which reads the saved report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from verify.model import (
    LOOK_FLAGS,
    BaselineDiff,
    Claim,
    ClaimKind,
    ClaimResult,
    Flag,
    Report,
    SourceEntry,
    SourceStatus,
    Verdict,
)
from verify.userfiles import load_report
from verify.version import __version__

if TYPE_CHECKING:  # only for a type hint: the pool module is not needed to compare reports
    from verify.sources.pool import LoadedSource

# Two claims of one kind and speaker are the same claim, edited, when they share at least
# this share of their words (counted in the longer of the two): a changed word in a
# sentence-long quote keeps about nine words in ten, two different quotes by one speaker
# share function words only (tests/workflow/test_rechecks.py holds both kinds).
SAME_CLAIM_MIN_SHARED_WORDS = 0.7

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
_WORD = re.compile(r"\w+")


def claim_key(text: str) -> str:
    """The form under which a claim's text is recognised in another version of the draft.

    NFKC (so ``…`` is ``...`` and a no-break space is a space), one style of quotes,
    apostrophes and dashes, single spaces, no quotes or ``,.;:`` at either end, casefolded.
    Editor decisions are keyed the same way (``verify.decisions``).
    """
    folded = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    return _WHITESPACE.sub(" ", folded).strip(_END_PUNCTUATION).casefold()


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


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(claim_key(text)))


def shared_words(a: str, b: str) -> float:
    """The share of words two claim texts have in common, counted in the longer one."""
    mine, theirs = _words(a), _words(b)
    longer = max(sum(mine.values()), sum(theirs.values()))
    return sum((mine & theirs).values()) / longer if longer else 1.0


def _same_claim(new: Claim, old: Claim) -> bool:
    return new.kind is old.kind and _speaker_key(new) == _speaker_key(old)


def pair_claims(
    new: Sequence[ClaimResult], old: Sequence[ClaimResult], *, min_shared: float = SAME_CLAIM_MIN_SHARED_WORDS
) -> tuple[ClaimPair, ...]:
    """Each new claim's counterpart in ``old``, if any; every claim is paired at most once.

    Equal keys pair first, in order (a quote used twice pairs first with first); then the
    remaining pairs of one kind and speaker that share most words, from ``min_shared`` up.
    """
    new_keys = [claim_key(r.claim.text) for r in new]
    old_keys = [claim_key(r.claim.text) for r in old]
    waiting: dict[tuple[str, ClaimKind, str | None], list[int]] = {}
    for j, key in enumerate(old_keys):
        waiting.setdefault((key, old[j].claim.kind, _speaker_key(old[j].claim)), []).append(j)
    pairs: list[ClaimPair] = []
    for i, key in enumerate(new_keys):
        slot = waiting.get((key, new[i].claim.kind, _speaker_key(new[i].claim)))
        if slot:
            pairs.append(ClaimPair(i, slot.pop(0), same_text=True))
    taken_new = {p.new for p in pairs}
    taken_old = {p.old for p in pairs}
    candidates: list[tuple[float, int, int, int]] = []
    for i in range(len(new)):
        if i in taken_new:
            continue
        for j in range(len(old)):
            if j in taken_old or not _same_claim(new[i].claim, old[j].claim):
                continue
            share = shared_words(new[i].claim.text, old[j].claim.text)
            if share >= min_shared:
                candidates.append((-share, abs(i - j), i, j))
    for _, _, i, j in sorted(candidates):
        if i not in taken_new and j not in taken_old:
            pairs.append(ClaimPair(i, j, same_text=False))
            taken_new.add(i)
            taken_old.add(j)
    return tuple(sorted(pairs, key=lambda p: p.new))


def _needs_a_look(result: ClaimResult) -> bool:
    return result.needs_a_look


def _look_flags(result: ClaimResult) -> frozenset[Flag]:
    return frozenset() if result.decision is not None else LOOK_FLAGS.intersection(result.flags)


def _severity(result: ClaimResult) -> int:
    return int(result.severity) if result.severity is not None else -1


def _same_evidence(new: ClaimResult, old: ClaimResult) -> bool:
    """Both found in the same snapshot, or both found nowhere."""
    if new.evidence is None or old.evidence is None:
        return new.evidence is None and old.evidence is None
    return new.evidence.snapshot is not None and new.evidence.snapshot == old.evidence.snapshot


def compare_with_baseline(report: Report, baseline: Report, baseline_path: str | None) -> Report:
    """``report`` with every claim's ``change`` set and ``Report.baseline`` filled in."""
    pairs = {p.new: p for p in pair_claims(report.results, baseline.results)}
    other_version = baseline.tool_version != report.tool_version
    results: list[ClaimResult] = []
    introduced: list[str] = []
    resolved: list[str] = []
    rules_changed: list[str] = []
    paired_old: set[int] = set()
    for i, result in enumerate(report.results):
        pair = pairs.get(i)
        if pair is None:
            results.append(replace(result, change=CHANGE_NEW))
            if _needs_a_look(result):
                introduced.append(result.claim.id)
            continue
        paired_old.add(pair.old)
        old = baseline.results[pair.old]
        same = pair.same_text and old.effective_verdict == result.effective_verdict
        results.append(replace(result, change=CHANGE_UNCHANGED if same else CHANGE_CHANGED))
        worse = _severity(result) > _severity(old) or bool(_look_flags(result) - _look_flags(old))
        better = _severity(result) < _severity(old) or bool(_look_flags(old) - _look_flags(result))
        if (worse or better) and other_version and pair.same_text and _same_evidence(result, old):
            rules_changed.append(result.claim.id)
        elif worse:
            introduced.append(result.claim.id)
        elif better:
            resolved.append(old.claim.text)
    resolved += [old.claim.text for j, old in enumerate(baseline.results) if j not in paired_old and _needs_a_look(old)]
    diff = BaselineDiff(baseline_path, tuple(introduced), tuple(resolved), tuple(rules_changed))
    return replace(report, results=tuple(results), baseline=diff)


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
