"""Frozen dataclasses passed between the stages, and the JSON form of a report.

Every stage takes and returns these plain values; nothing here does I/O. The JSON
layout is fixed by SPEC.md (schema ``verify-report/1``): fields may be added, never
renamed or removed. Fields beyond the contract are marked "extension" below.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from functools import cached_property
from typing import Any, TypeVar

from verify.surrogates import replace_lone_surrogates

SCHEMA = "verify-report/1"


# ---------------------------------------------------------------------------
# Enumerations fixed by SPEC.md
# ---------------------------------------------------------------------------


class ClaimKind(StrEnum):
    DIRECT = "direct"  # a whole quoted sentence or more, attributed
    PARTIAL = "partial"  # a quoted fragment inside a sentence
    REPORTED = "reported"  # attributed statement without quote marks
    TERM = "term"  # scare quotes or a quoted name: listed, never verified


class Verdict(StrEnum):
    CONFIRMED = "confirmed"
    PARAPHRASED = "paraphrased"
    UNVERIFIED = "unverified"


class Reason(StrEnum):
    EXACT = "exact"  # confirmed
    ALTERED = "altered"  # paraphrased: a direct quote whose words changed
    SUPPORTED = "supported"  # paraphrased: reported speech a source supports
    NOT_FOUND = "not_found"  # unverified: sources were read, none supports it
    NO_SOURCE = "no_source"  # unverified: nothing to check it against
    SOURCE_UNAVAILABLE = "source_unavailable"  # unverified: its sources failed
    # extensions
    CONTRADICTED = "contradicted"  # unverified: the passage gives another number, date or polarity
    MISATTRIBUTED = "misattributed"  # unverified: the source clearly credits the words to someone else


class Flag(StrEnum):
    NUMBER_MISMATCH = "number_mismatch"
    SPEAKER_MISMATCH = "speaker_mismatch"
    OUTLET_MISMATCH = "outlet_mismatch"
    # extensions
    ELLIPSIS_OMITS_NEGATION = "ellipsis_omits_negation"
    ELLIPSIS_OMITS_NUMBER = "ellipsis_omits_number"
    NEGATION_MISMATCH = "negation_mismatch"
    OUTSIDE_MAIN_TEXT = "outside_main_text"
    DATE_MISMATCH = "date_mismatch"
    ELLIPSIS_OMITS_QUALIFIER = "ellipsis_omits_qualifier"
    CUT_SHORT = "cut_short"
    STYLE = "style"  # only house style differs: spelling, units, numerals, contractions


class SourceStatus(StrEnum):
    OK = "ok"
    NOT_FOUND = "not_found"
    HTTP_ERROR = "http_error"
    TIMEOUT = "timeout"
    BLOCKED = "blocked"
    UNREADABLE = "unreadable"
    OFFLINE_MISS = "offline_miss"
    # extension: the page answers but shows only a teaser (a paywall, a consent or bot wall)
    RESTRICTED = "restricted"


class DiffOp(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"  # words in the claim that the source does not have
    INSERT = "insert"  # words in the source that the claim does not have


# The verdict order used by --fail-on: lower is worse.
VERDICT_RANK: dict[Verdict, int] = {
    Verdict.UNVERIFIED: 0,
    Verdict.PARAPHRASED: 1,
    Verdict.CONFIRMED: 2,
}

# Flags that ask an editor to look, whatever the verdict: ``--fail-on flagged`` fails on them,
# and a claim carrying one is a problem. ``outside_main_text`` and ``style`` only inform.
LOOK_FLAGS: frozenset[Flag] = frozenset(
    {
        Flag.NUMBER_MISMATCH,
        Flag.DATE_MISMATCH,
        Flag.NEGATION_MISMATCH,
        Flag.SPEAKER_MISMATCH,
        Flag.OUTLET_MISMATCH,
        Flag.ELLIPSIS_OMITS_NEGATION,
        Flag.ELLIPSIS_OMITS_NUMBER,
        Flag.ELLIPSIS_OMITS_QUALIFIER,
        Flag.CUT_SHORT,
    }
)


class Severity(IntEnum):
    """The one order of how much a claim needs an editor, worst highest; every report sorts and
    colours by it."""

    CONFIRMED = 0
    CONFIRMED_WITH_STYLE = 1
    LOOK = 2  # a verdict that stands, with a flag that asks an editor to look
    ALTERED = 3
    SOURCE_UNAVAILABLE = 4
    NOT_FOUND = 5  # not found, or nothing to check it against
    CONTRADICTED = 6
    MISATTRIBUTED = 7


_UNVERIFIED_SEVERITY = {
    Reason.SOURCE_UNAVAILABLE: Severity.SOURCE_UNAVAILABLE,
    Reason.CONTRADICTED: Severity.CONTRADICTED,
    Reason.MISATTRIBUTED: Severity.MISATTRIBUTED,
}


# ---------------------------------------------------------------------------
# The draft
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Half-open character offsets ``[start, end)`` into some text."""

    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """A link in the draft: where it points, and where its anchor text sits."""

    url: str
    span: Span  # where the link's anchor text sits in Document.text


@dataclass(frozen=True)
class Document:
    """A draft as read: decoded text, its paragraphs and its links.

    For ``.txt`` and ``.md`` drafts ``text`` is the decoded file exactly. For HTML
    drafts it is the visible text of the page (block elements separated by blank
    lines), because a reader quotes what they see; the report carries that text so
    offsets can always be checked against it.
    """

    path: str | None  # None for standard input or text passed in directly
    text: str
    format: str  # "text", "markdown" or "html"
    sha256: str  # of the bytes as read
    paragraphs: tuple[Span, ...]
    links: tuple[Link, ...] = ()

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the last one before it)."""
        index = 0
        for i, para in enumerate(self.paragraphs):
            if para.start <= offset:
                index = i
            else:
                break
        return index


# ---------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    """Who a claim is credited to, as the text names them, and the pronoun it was resolved from."""

    name: str | None  # as written ("one victim, known as IJ"); None when unknown
    resolved_from: str | None = None  # the pronoun or nominal in the text ("he")


@dataclass(frozen=True)
class Claim:
    """A quote, partial quote, reported statement or term found in a draft."""

    id: str  # "C1", "C2", … in order of position
    kind: ClaimKind
    text: str  # quote marks excluded; multi-paragraph parts joined by one space
    span: Span  # into Document.text
    paragraph: int
    speaker: Speaker | None
    cue: str | None  # "said", "told", "according to"
    outlet: str | None  # "HBO", "The Independent", "a statement"
    # extension: the spans of each part of a quote over several paragraphs, or of
    # the two halves of a split quote; a single-span claim has one part.
    parts: tuple[Span, ...] = ()


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Discovery:
    """How a source no one gave was found (extension): which search, which query, which claim."""

    backend: str  # "searxng", "brave", "gdelt", "wayback", …
    query: str  # the query as sent to the backend
    rank: int  # the page's place in that backend's answer, from 1
    claim: str  # the id of the claim it was searched for


@dataclass(frozen=True)
class ArchiveCopy:
    """Where a source's text was read from when its own address no longer serves it (extension)."""

    url: str  # the archive's raw copy
    timestamp: str  # 14 digits, UTC, as the archive writes it
    original_url: str


@dataclass(frozen=True)
class SourceRef:
    """Something to check claims against, before it is fetched or read."""

    url: str | None
    path: str | None  # a local file; never fetched
    outlet: str | None = None
    aliases: tuple[str, ...] = ()
    origin: str = "argument"  # "sources_file", "argument", "link" or "discovered"
    discovery: Discovery | None = None  # None for a source someone gave
    archive: ArchiveCopy | None = None  # set when ``url`` is an archived copy of ``archive.original_url``

    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.outlet, *self.aliases) if n)


@dataclass(frozen=True)
class Snapshot:
    """Bytes of one source as fetched (or read from disk), with where they came from."""

    location: str  # URL or local path as asked for
    final_url: str | None  # after redirects; None for local files
    http_status: int | None
    content_type: str | None  # media type without parameters, e.g. "text/html"
    charset: str | None  # from the header, if any
    fetched_at: str  # ISO 8601, UTC
    sha256: str  # of body
    body: bytes
    from_cache: bool = False
    cache_path: str | None = None  # where the snapshot body is stored


@dataclass(frozen=True)
class FetchedSource:
    """The outcome of getting one source: a snapshot, or why there is none."""

    ref: SourceRef
    status: SourceStatus
    snapshot: Snapshot | None
    error: str | None = None  # one line, for any status but ok
    http_status: int | None = None
    robots_ignored: bool = False


@dataclass(frozen=True)
class SourceText:
    """Readable text of a source, for matching.

    ``text`` is the main text (article body); ``full_text`` is the rest of the page's
    text a claim may rest on (captions, pull quotes, comments; never its navigation, related
    links, ads or footer) when that differs, so that a quote outside the main text can still
    be found and said to be outside it.
    """

    source_id: str
    text: str
    full_text: str | None = None
    # extensions
    comments: tuple[Span, ...] = ()  # where the page's comments sections lie in full_text
    outlet: str | None = None  # the page's own name for its site (og:site_name, publisher, title)


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """The source passage a claim was compared with, and how the claim differs from it."""

    source: str  # source id, "S1"
    start: int  # into the source's readable text (full_text if outside main text)
    end: int
    snippet: str  # the source passage with a little context
    diff: tuple[tuple[DiffOp, str], ...]  # word-level, claim against source
    # extensions
    snapshot: str | None = None  # sha256 of the snapshot the passage came from
    omitted: tuple[str, ...] = ()  # source words an ellipsis in the claim left out
    in_main_text: bool = True
    where: str = "main_text"  # "main_text"; outside it, "comments" (the page's comments) or "page" (the rest)
    attributed_to: str | None = None  # whom the source credits the passage to, as it names them
    followed_by: str | None = None  # the source words a quote cut short leaves off


@dataclass(frozen=True)
class Decision:
    """An editor's ruling on a claim, recorded outside the draft (extension)."""

    verdict: Verdict
    note: str
    by: str
    at: str | None = None


@dataclass(frozen=True)
class ClaimResult:
    """One claim's verdict, reason, score, flags and evidence, and an editor's decision on it."""

    claim: Claim
    verdict: Verdict | None  # None for terms
    reason: Reason | None
    score: float | None
    flags: tuple[Flag, ...] = ()
    evidence: Evidence | None = None
    # extensions
    decision: Decision | None = None
    change: str | None = None  # against a baseline: "new", "changed", "unchanged"
    notes: tuple[str, ...] = ()  # one line each, for the editor ("no source from Sky News was checked")

    @property
    def effective_verdict(self) -> Verdict | None:
        """The verdict that counts for --fail-on: an editor's decision wins."""
        return self.decision.verdict if self.decision else self.verdict

    @property
    def severity(self) -> Severity | None:
        """How much this claim needs an editor (None for a term); an editor's decision settles it."""
        verdict = self.effective_verdict
        if verdict is None:
            return None
        if self.decision is not None:
            return Severity.CONFIRMED if verdict is Verdict.CONFIRMED else Severity.ALTERED
        if verdict is Verdict.UNVERIFIED:
            return _UNVERIFIED_SEVERITY.get(self.reason, Severity.NOT_FOUND) if self.reason else Severity.NOT_FOUND
        if self.reason is Reason.ALTERED:
            return Severity.ALTERED
        if LOOK_FLAGS.intersection(self.flags):
            return Severity.LOOK
        if Flag.STYLE in self.flags:
            return Severity.CONFIRMED_WITH_STYLE
        return Severity.CONFIRMED

    @property
    def needs_a_look(self) -> bool:
        """Unverified, altered, or carrying a flag that asks an editor to look."""
        return self.severity is not None and self.severity >= Severity.LOOK


@dataclass(frozen=True)
class SourceEntry:
    """One source as the report lists it."""

    id: str
    url: str | None
    path: str | None
    outlet: str | None
    status: SourceStatus
    http_status: int | None
    from_cache: bool
    fetched_at: str | None
    sha256: str | None
    content_type: str | None
    error: str | None
    # extensions
    aliases: tuple[str, ...] = ()
    final_url: str | None = None
    snapshot: str | None = None  # cache path of the snapshot body
    robots_ignored: bool = False
    origin: str = "argument"
    discovery: Discovery | None = None
    archive: ArchiveCopy | None = None
    copy_of_draft: bool = False  # a discovered page that repeats the draft itself: it backs no claim


@dataclass(frozen=True)
class BackendProblem:
    """A search or archive service that could not answer during a run, and why, in one line."""

    backend: str
    reason: str


@dataclass(frozen=True)
class DiscoveryRun:
    """What discovery did in a run (extension): the services asked, those that failed, and a caveat."""

    backends: tuple[str, ...]  # every service the run used, in the order asked
    failures: tuple[BackendProblem, ...] = ()
    queries: int = 0  # queries sent (answers from the cache are not counted)
    note: str | None = None  # e.g. only recent news and archives were searched


@dataclass(frozen=True)
class ArticleInfo:
    """The draft a report is about: its path, its sha256 and the text the spans point into."""

    path: str | None
    sha256: str
    # extensions: the text the spans point into, so a saved report can be
    # rendered again without the draft.
    text: str = ""
    format: str = "text"


@dataclass(frozen=True)
class Report:
    """Everything one check found: the draft, its sources and one result per claim."""

    tool_version: str
    article: ArticleInfo
    sources: tuple[SourceEntry, ...]
    results: tuple[ClaimResult, ...]
    generated_at: str | None = None
    # extension: problems introduced or resolved since a baseline report
    baseline: BaselineDiff | None = None
    # extension: the searching a run with discovery or archive fallback did; None without it
    discovery: DiscoveryRun | None = None

    @property
    def checkable(self) -> tuple[ClaimResult, ...]:
        return tuple(r for r in self.results if r.claim.kind is not ClaimKind.TERM)

    def summary(self) -> dict[str, int]:
        counts = Counter(r.verdict for r in self.checkable)
        return {
            "claims": len(self.checkable),
            "confirmed": counts[Verdict.CONFIRMED],
            "paraphrased": counts[Verdict.PARAPHRASED],
            "unverified": counts[Verdict.UNVERIFIED],
            "flagged": sum(1 for r in self.checkable if LOOK_FLAGS.intersection(r.flags)),
        }

    def problems(self) -> tuple[ClaimResult, ...]:
        """The claims that need an editor, worst first (draft order among equals)."""
        found = [r for r in self.checkable if r.needs_a_look]
        return tuple(sorted(found, key=lambda r: -int(r.severity or 0)))

    def worst_verdict(self) -> Verdict | None:
        verdicts = [r.effective_verdict for r in self.checkable if r.effective_verdict]
        return min(verdicts, key=VERDICT_RANK.__getitem__) if verdicts else None

    def fails(self, fail_on: str) -> bool:
        """Whether ``--fail-on fail_on`` fails this report: some claim's verdict (an editor's
        decision winning) is at or below ``unverified`` or ``paraphrased``; for ``flagged``,
        some claim is unverified or carries a flag in ``LOOK_FLAGS`` that no decision settled."""
        if fail_on == "never":
            return False
        if fail_on == "flagged":
            return any(
                r.effective_verdict is Verdict.UNVERIFIED or (r.decision is None and LOOK_FLAGS.intersection(r.flags))
                for r in self.checkable
            )
        worst = self.worst_verdict()
        return worst is not None and VERDICT_RANK[worst] <= VERDICT_RANK[Verdict(fail_on)]

    def source(self, source_id: str) -> SourceEntry | None:
        return self._sources_by_id.get(source_id)

    @cached_property
    def _sources_by_id(self) -> dict[str, SourceEntry]:
        # Made once: a renderer asks for a source per claim, and a draft may cite thousands.
        return {s.id: s for s in reversed(self.sources)}  # reversed: the first of a repeated id wins

    def to_dict(self) -> dict[str, Any]:
        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON report; a lone surrogate in any string is written as U+FFFD, so it encodes."""
        return replace_lone_surrogates(json.dumps(self.to_dict(), indent=indent, ensure_ascii=False))

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        """A report from its JSON form; ValueError, naming the field, when it is not one."""
        return report_from_dict(data)

    @classmethod
    def from_json(cls, text: str) -> Report:
        """A report from JSON text; ValueError (``json.JSONDecodeError`` is one) when it is not one."""
        return report_from_dict(json.loads(text))


@dataclass(frozen=True)
class BaselineDiff:
    """What changed since a baseline report: claims newly at fault, and problems resolved."""

    baseline_path: str | None
    introduced: tuple[str, ...] = field(default=())  # claim ids newly at fault
    resolved: tuple[str, ...] = field(default=())  # claim texts no longer at fault
    rules_changed: tuple[str, ...] = field(default=())  # claim ids whose change comes from a new version


# ---------------------------------------------------------------------------
# JSON (de)serialisation
# ---------------------------------------------------------------------------


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "text": claim.text,
        "span": _span(claim.span),
        "paragraph": claim.paragraph,
        "speaker": (
            None
            if claim.speaker is None
            else {"name": claim.speaker.name, "resolved_from": claim.speaker.resolved_from}
        ),
        "cue": claim.cue,
        "outlet": claim.outlet,
        "parts": [_span(p) for p in claim.parts],
    }


def _evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "start": evidence.start,
        "end": evidence.end,
        "snippet": evidence.snippet,
        "diff": [[op.value, words] for op, words in evidence.diff],
        "snapshot": evidence.snapshot,
        "omitted": list(evidence.omitted),
        "in_main_text": evidence.in_main_text,
        "where": evidence.where,
        "attributed_to": evidence.attributed_to,
        "followed_by": evidence.followed_by,
    }


def result_to_dict(result: ClaimResult) -> dict[str, Any]:
    data = claim_to_dict(result.claim)
    data.update(
        {
            "verdict": result.verdict.value if result.verdict else None,
            "reason": result.reason.value if result.reason else None,
            "score": result.score,
            "flags": [f.value for f in result.flags],
            "evidence": _evidence_to_dict(result.evidence) if result.evidence else None,
            "decision": (
                None
                if result.decision is None
                else {
                    "verdict": result.decision.verdict.value,
                    "note": result.decision.note,
                    "by": result.decision.by,
                    "at": result.decision.at,
                }
            ),
            "change": result.change,
            "notes": list(result.notes),
        }
    )
    return data


def source_to_dict(source: SourceEntry) -> dict[str, Any]:
    return {
        "id": source.id,
        "url": source.url,
        "path": source.path,
        "outlet": source.outlet,
        "status": source.status.value,
        "http_status": source.http_status,
        "from_cache": source.from_cache,
        "fetched_at": source.fetched_at,
        "sha256": source.sha256,
        "content_type": source.content_type,
        "error": source.error,
        "aliases": list(source.aliases),
        "final_url": source.final_url,
        "snapshot": source.snapshot,
        "robots_ignored": source.robots_ignored,
        "origin": source.origin,
        "discovery": _discovery_to_dict(source.discovery),
        "archive": _archive_to_dict(source.archive),
        "copy_of_draft": source.copy_of_draft,
    }


def _discovery_to_dict(found: Discovery | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"backend": found.backend, "query": found.query, "rank": found.rank, "claim": found.claim}


def _archive_to_dict(archive: ArchiveCopy | None) -> dict[str, Any] | None:
    if archive is None:
        return None
    return {"url": archive.url, "timestamp": archive.timestamp, "original_url": archive.original_url}


def discovery_run_to_dict(run: DiscoveryRun) -> dict[str, Any]:
    return {
        "backends": list(run.backends),
        "failures": [{"backend": f.backend, "reason": f.reason} for f in run.failures],
        "queries": run.queries,
        "note": run.note,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "tool": {"name": "verify", "version": report.tool_version},
        "article": {
            "path": report.article.path,
            "sha256": report.article.sha256,
            "format": report.article.format,
            "text": report.article.text,
        },
        "summary": report.summary(),
        "problems": [r.claim.id for r in report.problems()],
        "sources": [source_to_dict(s) for s in report.sources],
        "claims": [result_to_dict(r) for r in report.results],
        "generated_at": report.generated_at,
    }
    if report.baseline is not None:
        data["baseline"] = {
            "path": report.baseline.baseline_path,
            "introduced": list(report.baseline.introduced),
            "resolved": list(report.baseline.resolved),
            "rules_changed": list(report.baseline.rules_changed),
        }
    if report.discovery is not None:
        data["discovery"] = discovery_run_to_dict(report.discovery)
    return data


# ---------------------------------------------------------------------------
# Reading a report back: every field's type is checked, and a wrong one is a ValueError
# that names where it is ("claims[2].score: expected a number or null, found a string").
# ---------------------------------------------------------------------------


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _Fields:
    """One JSON object of a saved report, read key by key with its type checked.

    A required key must be present and not null; an optional one may be missing or null and
    then takes its empty value, as docs/report-format.md ("Reading reports back") says.
    """

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"{where}: expected an object, found {_kind_of(value)}")
        self.data: dict[str, Any] = value
        self.where = where  # "" for the report itself

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            raise ValueError(f"{self.at(key)}: {'is null' if key in self.data else 'missing'}")
        return value

    def _wrong(self, key: str, expected: str) -> ValueError:
        return ValueError(f"{self.at(key)}: expected {expected}, found {_kind_of(self.data[key])}")

    def string(self, key: str) -> str:
        value = self._get(key, True)
        if not isinstance(value, str):
            raise self._wrong(key, "a string")
        return value

    def optional_string(self, key: str) -> str | None:
        value = self._get(key, False)
        if value is not None and not isinstance(value, str):
            raise self._wrong(key, "a string or null")
        return value

    def optional_word(self, key: str, allowed: tuple[str, ...]) -> str | None:
        """An optional string that must be one of ``allowed`` (an enumeration of the schema)."""
        value = self.optional_string(key)
        if value is not None and value not in allowed:
            raise ValueError(f"{self.at(key)}: {_shown(value)} is not one of {', '.join(allowed)}")
        return value

    def integer(self, key: str, *, required: bool = True, low: int = 0, high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._wrong(key, "a whole number")
        if value < low or (high is not None and value > high):
            raise ValueError(f"{self.at(key)}: {value} is out of range")
        return value

    def offset(self, key: str) -> int:
        return self.integer(key) or 0  # required: never None here

    def number(self, key: str, *, low: float, high: float) -> float | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._wrong(key, "a number or null")
        if not low <= value <= high:  # NaN fails this too
            raise ValueError(f"{self.at(key)}: {value} is out of range")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._wrong(key, "true or false")
        return value

    def items(self, key: str, *, required: bool = False) -> list[Any]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._wrong(key, "a list")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        items = self.items(key)
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise ValueError(f"{self.at(key)}[{index}]: expected a string, found {_kind_of(item)}")
        return tuple(items)

    def choices(self, key: str, kind: type[_E]) -> tuple[_E, ...]:
        return tuple(_choice(item, kind, f"{self.at(key)}[{i}]") for i, item in enumerate(self.items(key)))

    def objects(self, key: str) -> list[_Fields]:
        return [_Fields(item, f"{self.at(key)}[{i}]") for i, item in enumerate(self.items(key))]

    def obj(self, key: str) -> _Fields:
        return _Fields(self._get(key, True), self.at(key))

    def optional_obj(self, key: str) -> _Fields | None:
        value = self._get(key, False)
        return None if value is None else _Fields(value, self.at(key))

    def choice(self, key: str, kind: type[_E]) -> _E:
        return _choice(self._get(key, True), kind, self.at(key))

    def optional_choice(self, key: str, kind: type[_E]) -> _E | None:
        value = self._get(key, False)
        return None if value is None else _choice(value, kind, self.at(key))


_E = TypeVar("_E", bound=StrEnum)


def _choice(value: Any, kind: type[_E], where: str) -> _E:
    """``value`` as a member of the enumeration ``kind``."""
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a string, found {_kind_of(value)}")
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{where}: {_shown(value)} is not one of {', '.join(m.value for m in kind)}") from None


def _shown(value: object) -> str:
    """A value as an error message quotes it: short, on one line."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _span_from(fields: _Fields) -> Span:
    return Span(fields.offset("start"), fields.offset("end"))


def _speaker_from(fields: _Fields | None) -> Speaker | None:
    return None if fields is None else Speaker(fields.optional_string("name"), fields.optional_string("resolved_from"))


def claim_from_dict(data: Any, where: str = "claim") -> Claim:
    fields = _Fields(data, where)
    return Claim(
        id=fields.string("id"),
        kind=fields.choice("kind", ClaimKind),
        text=fields.string("text"),
        span=_span_from(fields.obj("span")),
        paragraph=fields.offset("paragraph"),
        speaker=_speaker_from(fields.optional_obj("speaker")),
        cue=fields.optional_string("cue"),
        outlet=fields.optional_string("outlet"),
        parts=tuple(_span_from(p) for p in fields.objects("parts")),
    )


def _diff_from(fields: _Fields) -> tuple[tuple[DiffOp, str], ...]:
    diff: list[tuple[DiffOp, str]] = []
    for index, entry in enumerate(fields.items("diff", required=True)):
        where = f"{fields.at('diff')}[{index}]"
        if not isinstance(entry, list) or len(entry) != 2 or not isinstance(entry[1], str):
            raise ValueError(f"{where}: expected [operation, words]")
        diff.append((_choice(entry[0], DiffOp, where), entry[1]))
    return tuple(diff)


def _evidence_from(fields: _Fields | None) -> Evidence | None:
    if fields is None:
        return None
    return Evidence(
        source=fields.string("source"),
        start=fields.offset("start"),
        end=fields.offset("end"),
        snippet=fields.string("snippet"),
        diff=_diff_from(fields),
        snapshot=fields.optional_string("snapshot"),
        omitted=fields.strings("omitted"),
        in_main_text=fields.boolean("in_main_text", True),
        where=fields.optional_word("where", ("main_text", "comments", "page"))
        or ("main_text" if fields.boolean("in_main_text", True) else "page"),
        attributed_to=fields.optional_string("attributed_to"),
        followed_by=fields.optional_string("followed_by"),
    )


def _decision_from(fields: _Fields | None) -> Decision | None:
    if fields is None:
        return None
    return Decision(fields.choice("verdict", Verdict), fields.string("note"), fields.string("by"),
                    fields.optional_string("at"))  # fmt: skip


def result_from_dict(data: Any, where: str = "claim") -> ClaimResult:
    fields = _Fields(data, where)
    return ClaimResult(
        claim=claim_from_dict(data, where),
        verdict=fields.optional_choice("verdict", Verdict),
        reason=fields.optional_choice("reason", Reason),
        score=fields.number("score", low=0, high=100),
        flags=fields.choices("flags", Flag),
        evidence=_evidence_from(fields.optional_obj("evidence")),
        decision=_decision_from(fields.optional_obj("decision")),
        change=fields.optional_word("change", ("new", "changed", "unchanged")),
        notes=fields.strings("notes"),
    )


def source_from_dict(data: Any, where: str = "source") -> SourceEntry:
    fields = _Fields(data, where)
    return SourceEntry(
        id=fields.string("id"),
        url=fields.optional_string("url"),
        path=fields.optional_string("path"),
        outlet=fields.optional_string("outlet"),
        status=fields.choice("status", SourceStatus),
        http_status=fields.integer("http_status", required=False, low=100, high=599),
        from_cache=fields.boolean("from_cache", False),
        fetched_at=fields.optional_string("fetched_at"),
        sha256=fields.optional_string("sha256"),
        content_type=fields.optional_string("content_type"),
        error=fields.optional_string("error"),
        aliases=fields.strings("aliases"),
        final_url=fields.optional_string("final_url"),
        snapshot=fields.optional_string("snapshot"),
        robots_ignored=fields.boolean("robots_ignored", False),
        origin=fields.optional_word("origin", ORIGINS) or "argument",
        discovery=_discovery_from(fields.optional_obj("discovery")),
        archive=_archive_from(fields.optional_obj("archive")),
        copy_of_draft=fields.boolean("copy_of_draft", False),
    )


ORIGINS = ("sources_file", "argument", "link", "discovered")


def _discovery_from(fields: _Fields | None) -> Discovery | None:
    if fields is None:
        return None
    return Discovery(fields.string("backend"), fields.string("query"), fields.integer("rank", low=1) or 1,
                     fields.string("claim"))  # fmt: skip


def _archive_from(fields: _Fields | None) -> ArchiveCopy | None:
    if fields is None:
        return None
    return ArchiveCopy(fields.string("url"), fields.string("timestamp"), fields.string("original_url"))


def _discovery_run_from(fields: _Fields | None) -> DiscoveryRun | None:
    if fields is None:
        return None
    return DiscoveryRun(
        backends=fields.strings("backends"),
        failures=tuple(BackendProblem(f.string("backend"), f.string("reason")) for f in fields.objects("failures")),
        queries=fields.integer("queries", required=False) or 0,
        note=fields.optional_string("note"),
    )


def _baseline_from(fields: _Fields | None) -> BaselineDiff | None:
    if fields is None:
        return None
    return BaselineDiff(
        fields.optional_string("path"),
        fields.strings("introduced"),
        fields.strings("resolved"),
        fields.strings("rules_changed"),
    )


def report_from_dict(data: Any) -> Report:
    """A Report from its JSON form; a ValueError names the first field that is missing or wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"expected an object, found {_kind_of(data)}")
    if data.get("schema") != SCHEMA:
        raise ValueError(f"schema: {_shown(data.get('schema'))}, expected {SCHEMA!r}")
    fields = _Fields(data, "")
    article = fields.obj("article")
    return Report(
        tool_version=fields.obj("tool").string("version"),
        article=ArticleInfo(
            path=article.optional_string("path"),
            sha256=article.string("sha256"),
            text=article.optional_string("text") or "",
            format=article.optional_word("format", ("text", "markdown", "html")) or "text",
        ),
        sources=tuple(source_from_dict(s.data, s.where) for s in fields.objects("sources")),
        results=tuple(result_from_dict(c.data, c.where) for c in fields.objects("claims")),
        generated_at=fields.optional_string("generated_at"),
        baseline=_baseline_from(fields.optional_obj("baseline")),
        discovery=_discovery_run_from(fields.optional_obj("discovery")),
    )


def extraction_to_dict(document: Document, claims: tuple[Claim, ...], tool_version: str) -> dict[str, Any]:
    """``verify extract --format json``: the report's shape without sources, verdicts or evidence."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "verify", "version": tool_version},
        "article": {
            "path": document.path,
            "sha256": document.sha256,
            "format": document.format,
            "text": document.text,
        },
        "summary": {"claims": sum(1 for c in claims if c.kind is not ClaimKind.TERM)},
        "claims": [claim_to_dict(c) for c in claims],
    }
