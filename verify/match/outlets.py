"""Whether a claim's evidence comes from the outlet the draft names, when no source is of it.

A claim that names an outlet no source stands for was not checked against that outlet: the
claim says so in a note, and a passage found in a source of another known outlet is flagged
``outlet_mismatch``. A claim naming an outlet some source stands for is the matcher's
(``matcher._choose``), which prefers that outlet's sources.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from verify.model import ClaimResult, Flag, Verdict
from verify.sources.resolve import normalise_outlet


def names_an_outlet(outlet: str | None) -> bool:
    """A proper name ("Sky News", "the BBC"), not a channel ("a statement", "his blog")."""
    name = normalise_outlet(outlet or "")
    if not name:
        return False
    written = (outlet or "").strip()
    if written[:4].lower() == "the ":
        written = written[4:].lstrip()
    return written[:1].isupper() or written[:1].isdigit()


def unchecked_outlet_note(outlet: str) -> str:
    return f"no source from {outlet.strip()} was checked"


def with_outlet_checks(
    results: Sequence[ClaimResult], names_by_source: Mapping[str, Sequence[str]]
) -> tuple[ClaimResult, ...]:
    """``results``, each claim naming an outlet that no source stands for noted, and flagged
    ``outlet_mismatch`` when its passage comes from a source of another known outlet.

    ``names_by_source`` maps a source id to its outlet names (given, from a link, or the page's own).
    """
    known = {source: {normalise_outlet(n) for n in names if n} for source, names in names_by_source.items()}
    every_name = set().union(*known.values()) if known else set()
    return tuple(_checked(result, known, every_name) for result in results)


def _checked(result: ClaimResult, known: Mapping[str, set[str]], every_name: set[str]) -> ClaimResult:
    outlet = result.claim.outlet
    if not names_an_outlet(outlet) or normalise_outlet(outlet or "") in every_name:
        return result
    note = unchecked_outlet_note(outlet or "")
    notes = result.notes if note in result.notes else (*result.notes, note)
    flags = result.flags
    evidence = result.evidence
    found = result.verdict in (Verdict.CONFIRMED, Verdict.PARAPHRASED)
    if found and evidence is not None and known.get(evidence.source) and Flag.OUTLET_MISMATCH not in flags:
        flags = (*flags, Flag.OUTLET_MISMATCH)
    return replace(result, flags=flags, notes=notes)
