"""Editor decisions: rulings on claims that no source can settle, kept next to the draft.

An editor who confirmed a quote by other means (a recording, a phone call) or who
accepts an altered quote as a paraphrase records it in ``draft.verify.toml``, beside
``draft.md``::

    [[decision]]
    claim = "We will not rest until every secret prison has been closed"
    verdict = "confirmed"            # or "paraphrased"
    note = "Checked against the press-call recording, 14:02"
    by = "R. Okafor"
    at = 2026-11-23                  # optional: a TOML date, or a string

A decision names its claim by the claim's text as the report shows it, compared as
``verify.baseline.claim_key`` compares texts (case, whitespace, quote style and end
punctuation aside), so it survives edits elsewhere in the draft but not a change of the
quote's own words: changed words need a new ruling. The decision wins over the machine
verdict for ``--fail-on`` (``ClaimResult.effective_verdict``); every report format shows
both.

Only ``load_decisions`` reads a file; the rest are pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from verify.baseline import claim_key
from verify.errors import DecisionsFileError
from verify.model import ClaimKind, Decision, Report, Verdict
from verify.userfiles import read_toml

DECISIONS_SUFFIX = ".verify.toml"
DECISION_VERDICTS = (Verdict.CONFIRMED, Verdict.PARAPHRASED)
_KEYS = frozenset({"claim", "verdict", "note", "by", "at"})


@dataclass(frozen=True)
class EditorDecision:
    """One ``[[decision]]`` table: the claim's text and the ruling on it."""

    claim: str
    decision: Decision
    number: int = 0  # its position in the file, from 1, for messages

    @property
    def key(self) -> str:
        return claim_key(self.claim)


def decisions_file_for(draft_path: str | Path) -> Path:
    """Where a draft's decisions live: ``notes/draft.md`` → ``notes/draft.verify.toml``."""
    path = Path(draft_path)
    return path.with_name(path.stem + DECISIONS_SUFFIX)


def decisions_path(draft_path: str | None, explicit: str | Path | None = None) -> Path | None:
    """The decisions file for a draft: the one given, else DRAFT.verify.toml when it exists."""
    if explicit is not None:
        return Path(explicit)
    if draft_path is None:
        return None
    beside = decisions_file_for(draft_path)
    return beside if beside.is_file() else None


def load_decisions(path: str | Path) -> tuple[EditorDecision, ...]:
    """Read a decisions file; any problem is a ``DecisionsFileError`` with one line."""
    location = Path(path)
    data = read_toml(location, what="decisions file", error=DecisionsFileError)
    unknown = set(data) - {"decision"}
    if unknown:
        raise DecisionsFileError(f"{location}: unknown key {sorted(unknown)[0]!r} (expected [[decision]] tables)")
    tables = data.get("decision", [])
    if not isinstance(tables, list):
        raise DecisionsFileError(f"{location}: 'decision' must be an array of tables ([[decision]])")
    return decisions_from_tables(tables, str(location))


def decisions_from_tables(tables: Sequence[object], location: str) -> tuple[EditorDecision, ...]:
    """Rulings from ``[[decision]]``-shaped tables (a file's, or a service request's); ``location``
    names where they came from in each one-line ``DecisionsFileError``."""
    decisions = [_decision_from_table(table, n, location) for n, table in enumerate(tables, start=1)]
    first_by_key: dict[str, int] = {}
    for decision in decisions:
        earlier = first_by_key.setdefault(decision.key, decision.number)
        if earlier != decision.number:
            raise DecisionsFileError(
                f"{location}: decision {decision.number} rules on the same claim as decision {earlier}"
            )
    return tuple(decisions)


def _decision_from_table(table: object, number: int, location: str) -> EditorDecision:
    where = f"{location}: decision {number}"
    if not isinstance(table, dict):
        raise DecisionsFileError(f"{where}: must be a table with 'claim', 'verdict' and 'by'")
    unknown = set(table) - _KEYS
    if unknown:
        raise DecisionsFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    claim, verdict, note, by = (table.get(k) for k in ("claim", "verdict", "note", "by"))
    if not isinstance(claim, str) or not claim_key(claim):
        raise DecisionsFileError(f"{where}: 'claim' must be the claim's text, as the report shows it")
    allowed = " or ".join(f'"{v.value}"' for v in DECISION_VERDICTS)
    if verdict not in {v.value for v in DECISION_VERDICTS}:
        raise DecisionsFileError(f"{where}: 'verdict' must be {allowed}")
    if not isinstance(by, str) or not by.strip():
        raise DecisionsFileError(f"{where}: 'by' must name who decided")
    if note is not None and not isinstance(note, str):
        raise DecisionsFileError(f"{where}: 'note' must be a string")
    at = _date_text(table.get("at"), where)
    decision = Decision(verdict=Verdict(verdict), note=(note or "").strip(), by=by.strip(), at=at)
    return EditorDecision(claim=claim, decision=decision, number=number)


def _date_text(value: object, where: str) -> str | None:
    """``at`` as ISO 8601 text: a TOML date or date-time, or a string that parses as one."""
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):  # datetime is a date subclass; both print ISO
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
            try:
                parse(text)
            except ValueError:
                continue
            return text
    raise DecisionsFileError(f"{where}: 'at' must be a date such as 2026-11-23")


def apply_decisions(report: Report, decisions: Sequence[EditorDecision]) -> Report:
    """``report`` with each decision set on every checkable claim whose text it names."""
    by_key = {d.key: d.decision for d in decisions}
    if not by_key:
        return report
    results = tuple(
        replace(r, decision=by_key[key])
        if r.claim.kind is not ClaimKind.TERM and (key := claim_key(r.claim.text)) in by_key
        else r
        for r in report.results
    )
    return replace(report, results=results)


def unused_decisions(report: Report, decisions: Sequence[EditorDecision]) -> tuple[EditorDecision, ...]:
    """Decisions whose claim is not (or no longer) a checkable claim of this report."""
    present = {claim_key(r.claim.text) for r in report.checkable}
    return tuple(d for d in decisions if d.key not in present)


def unused_warning(decision: EditorDecision, path: str | Path) -> str:
    """One line for standard error about a decision that names no claim of the draft."""
    words = " ".join(decision.claim.split())
    if len(words) > 60:
        words = words[:59].rstrip() + "…"
    return f"{path}: decision {decision.number} names no claim in the draft (“{words}”); ignored"


def with_decisions(report: Report, path: str | Path) -> tuple[Report, tuple[str, ...]]:
    """``report`` with the rulings of one decisions file, and a warning line per unused ruling."""
    decisions = load_decisions(path)
    warnings = tuple(unused_warning(unused, path) for unused in unused_decisions(report, decisions))
    return apply_decisions(report, decisions), warnings
