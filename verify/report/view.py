"""What every report format shows, decided once: labels, icons, highlight segments, safe links.

Pure functions of a Report; the renderers (text, markdown, html) only lay these out.
Everything here treats draft and source strings as untrusted data: nothing is
interpreted, and a link is only offered for an http(s) address.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from verify.model import (
    LOOK_FLAGS,
    ClaimKind,
    ClaimResult,
    DiffOp,
    Flag,
    Reason,
    Report,
    Severity,
    SourceEntry,
    SourceStatus,
    Span,
    Verdict,
)

# The keys a claim is grouped, coloured and filtered by: its verdict, or "term".
TERM = "term"
CATEGORIES: tuple[str, ...] = (
    Verdict.CONFIRMED.value,
    Verdict.PARAPHRASED.value,
    Verdict.UNVERIFIED.value,
    TERM,
)

# An icon per category so that nothing relies on colour alone (colour-blind readers, print).
ICONS: dict[str, str] = {
    Verdict.CONFIRMED.value: "✓",
    Verdict.PARAPHRASED.value: "≈",
    Verdict.UNVERIFIED.value: "?",
    TERM: "·",
}

VERDICT_HELP: dict[str, str] = {
    Verdict.CONFIRMED.value: "a source has these words essentially verbatim (house style aside)",
    Verdict.PARAPHRASED.value: "a source has the passage, but the quote's words were changed or cut, "
    "or the statement is in other words",
    Verdict.UNVERIFIED.value: "no source supports it: not found, contradicted by the source, credited there "
    "to someone else, or its sources could not be read",
    TERM: "a quoted term or scare quotes: listed, not checked",
}

# The colour (and icon) a claim is painted in: its worst problem in the model's one order of
# severity; a claim with no problem keeps its verdict's.
PAINTS: dict[Severity, str] = {
    Severity.MISATTRIBUTED: "misattributed",
    Severity.CONTRADICTED: "contradicted",
    Severity.NOT_FOUND: "not-found",
    Severity.SOURCE_UNAVAILABLE: "unavailable",
    Severity.ALTERED: "altered",
    Severity.LOOK: "look",
    Severity.CONFIRMED_WITH_STYLE: "style",
}
PAINT_ORDER: tuple[str, ...] = (*PAINTS.values(), Verdict.PARAPHRASED.value, Verdict.CONFIRMED.value, TERM)
PAINT_ICONS: dict[str, str] = {
    "misattributed": "⇄",
    "contradicted": "≠",
    "not-found": "?",
    "unavailable": "⊘",
    "altered": "≈",
    "look": "⚑",
    "style": "✓",
    Verdict.PARAPHRASED.value: "≈",
    Verdict.CONFIRMED.value: "✓",
    TERM: "·",
}
PAINT_TEXT: dict[str, str] = {
    "misattributed": "misattributed",
    "contradicted": "contradicted",
    "not-found": "not found",
    "unavailable": "source unreadable",
    "altered": "altered",
    "look": "flagged",
    "style": "house style",
    Verdict.PARAPHRASED.value: "in other words",
    Verdict.CONFIRMED.value: "confirmed",
    TERM: "term",
}
PAINT_HELP: dict[str, str] = {
    "misattributed": "the source credits these words, plainly, to someone else",
    "contradicted": "the source gives another number, date or the opposite",
    "not-found": "no source read has it",
    "unavailable": "the sources it names could not be read",
    "altered": "a quote whose words were changed or cut",
    "look": "the verdict stands, with a flag that asks for a look",
    "style": "confirmed; only house style differs (spelling, units, numerals)",
    Verdict.PARAPHRASED.value: "reported speech a source supports in other words",
    Verdict.CONFIRMED.value: "a source has these words",
    TERM: "a quoted term: listed, not checked",
}

REASON_TEXT: dict[str, str] = {
    "exact": "exact",
    "altered": "words altered",
    "supported": "supported in other words",
    "not_found": "not found in the sources",
    "no_source": "no source to check against",
    "source_unavailable": "its sources could not be read",
    "contradicted": "the source says otherwise",
    "misattributed": "the source credits these words to someone else",
}

FLAG_TEXT: dict[str, str] = {
    "number_mismatch": "number differs",
    "speaker_mismatch": "source attributes it to someone else",
    "outlet_mismatch": "not in the outlet named",
    "ellipsis_omits_negation": "ellipsis leaves out a negation",
    "ellipsis_omits_number": "ellipsis leaves out a number",
    "negation_mismatch": "negation differs (one says not, the other does not)",
    "outside_main_text": "found outside the source's main text",
    "date_mismatch": "date differs",
    "ellipsis_omits_qualifier": "ellipsis leaves out a qualifier",
    "cut_short": "the speaker's sentence goes on",
    "style": "only house style differs (spelling, units, numerals or a contraction)",
}

STATUS_TEXT: dict[SourceStatus, str] = {
    SourceStatus.OK: "ok",
    SourceStatus.NOT_FOUND: "not found",
    SourceStatus.HTTP_ERROR: "HTTP error",
    SourceStatus.TIMEOUT: "timed out",
    SourceStatus.BLOCKED: "blocked",
    SourceStatus.UNREADABLE: "unreadable",
    SourceStatus.OFFLINE_MISS: "not in cache (offline)",
    SourceStatus.RESTRICTED: "teaser only (paywall or wall)",
}


def category(result: ClaimResult) -> str:
    """The verdict value, or ``"term"`` for terms (and for a claim that somehow has none)."""
    if result.claim.kind is ClaimKind.TERM or result.verdict is None:
        return TERM
    return result.verdict.value


def paint(result: ClaimResult) -> str:
    """The key of ``PAINT_ICONS``: the claim's worst problem, else its verdict (an editor's winning)."""
    severity = result.severity
    if severity is None:
        return TERM
    if severity in PAINTS:
        return PAINTS[severity]
    verdict = result.effective_verdict
    return verdict.value if verdict else TERM


def category_counts(report: Report) -> dict[str, int]:
    counts = dict.fromkeys(CATEGORIES, 0)
    for result in report.results:
        counts[category(result)] += 1
    return counts


PROBLEM_QUOTE_LIMIT = 70  # characters of a quote shown on a problem's one line


def problem_line(result: ClaimResult, notes: Sequence[str] = ()) -> str:
    """One line for the problems-first list: what is wrong, where, and the quote's start.

    ``C3 ¶4 unverified (not found in the sources): “The pier will …” — number differs``
    """
    claim = result.claim
    what = result.verdict.value if result.verdict else "term"
    reason = reason_text(result)
    flags = [flag_detail(result, f) for f in result.flags] + list(notes)
    line = f"{claim.id} ¶{claim.paragraph + 1} {what}{f' ({reason})' if reason else ''}: "
    line += "“" + shorten(one_line(claim.text), PROBLEM_QUOTE_LIMIT) + "”"
    return printable(line + (" — " + "; ".join(flags) if flags else ""))


def reason_text(result: ClaimResult) -> str | None:
    return None if result.reason is None else REASON_TEXT.get(result.reason.value, result.reason.value)


def flag_text(flag: str) -> str:
    return FLAG_TEXT.get(flag, flag.replace("_", " "))


def flag_mark(flag: Flag) -> str:
    """``⚑`` for a flag that asks for a look; a quiet ``·`` for one that only informs (style)."""
    return "⚑" if flag in LOOK_FLAGS else "·"


def flag_detail(result: ClaimResult, flag: Flag) -> str:
    """A flag said with what the evidence knows: whom the source credits, how the sentence went on."""
    evidence = result.evidence
    if flag is Flag.SPEAKER_MISMATCH and evidence is not None and evidence.attributed_to:
        return f"the source credits this to {one_line(evidence.attributed_to)}"
    if flag is Flag.CUT_SHORT and evidence is not None and evidence.followed_by:
        return f"the sentence went on: “{shorten(evidence.followed_by, PROBLEM_QUOTE_LIMIT)}”"
    return flag_text(flag.value)


def score_text(score: float | None) -> str | None:
    if score is None:
        return None
    return f"{score:.0f}" if float(score).is_integer() else f"{score:.1f}"


def speaker_text(result: ClaimResult) -> str | None:
    """``one victim, known as IJ (from “he”)``; None when nobody is named."""
    speaker = result.claim.speaker
    if speaker is None or not speaker.name:
        return None
    if speaker.resolved_from:
        return f"{speaker.name} (from “{speaker.resolved_from}”)"
    return speaker.name


def change_text(result: ClaimResult) -> str | None:
    """The baseline change worth showing: new or changed (unchanged is the quiet default)."""
    if result.change in ("new", "changed"):
        return result.change
    return None


FOLLOWED_BY_LIMIT = 160  # characters of what followed a cut-short quote


def passage_label(result: ClaimResult) -> str:
    """What the evidence passage is to this claim: the source's own word against a contradicted
    statement, the nearest thing found for one not found, else simply the passage."""
    if result.reason is Reason.CONTRADICTED:
        return "What the source says"
    if result.verdict is Verdict.UNVERIFIED and result.reason is not Reason.MISATTRIBUTED:
        return "Closest source passage"
    return "Source passage"


def evidence_notes(result: ClaimResult) -> tuple[str, ...]:
    """What the source adds around the passage: whom it credits, and how the sentence went on."""
    evidence = result.evidence
    if evidence is None:
        return ()
    notes = []
    if evidence.where == "comments":
        notes.append("found only in the page's comments")
    if evidence.attributed_to:
        notes.append(f"the source credits this to {one_line(evidence.attributed_to)}")
    if evidence.followed_by:
        notes.append(f"the sentence went on: “{shorten(evidence.followed_by, FOLLOWED_BY_LIMIT)}”")
    return tuple(notes)


def unread_sources(report: Report) -> tuple[SourceEntry, ...]:
    return tuple(s for s in report.sources if s.status is not SourceStatus.OK)


def unread_lead(report: Report) -> str | None:
    """``2 of your sources could not be read``; None when every source was read."""
    failed, total = len(unread_sources(report)), len(report.sources)
    if not failed:
        return None
    if failed == total:
        return "Your source could not be read" if total == 1 else f"None of your {total} sources could be read"
    return f"{failed} of your sources could not be read"


def unread_line(report: Report) -> str | None:
    """The failed sources, listed once: ``2 of your sources could not be read: S3 (timed out), S5 (not found)``."""
    lead = unread_lead(report)
    if lead is None:
        return None
    return lead + ": " + ", ".join(f"{s.id} ({status_text(s)})" for s in unread_sources(report))


def status_text(entry: SourceEntry) -> str:
    return STATUS_TEXT.get(entry.status, entry.status.value)


def claim_notes(report: Report, result: ClaimResult) -> tuple[str, ...]:
    """What the report knows that bears on a claim: the claim's own notes ("no source from Sky
    News was checked"), and for a claim not found, the sources left unread."""
    notes = tuple(one_line(note) for note in result.notes)
    failed = len(unread_sources(report))
    if result.reason is Reason.NOT_FOUND and failed:
        notes += (f"{failed} of your sources could not be read",)
    return notes


def found_how(entry: SourceEntry) -> tuple[str, ...]:
    """How a source came to be checked, one line each: the search that found it, the archive
    it was read from, or that it copies the draft. Empty for a live source someone gave."""
    lines = []
    found = entry.discovery
    if found is not None:
        lines.append(f"found by {found.backend} for {found.claim}: result {found.rank} of “{one_line(found.query)}”")
    if entry.archive is not None:
        stamp = entry.archive.timestamp
        day = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if len(stamp) >= 8 else stamp
        lines.append(f"dead page: read from the Wayback Machine's copy of {day} ({entry.archive.url})")
    if entry.copy_of_draft:
        lines.append("a copy of this draft: listed, never used as evidence")
    return tuple(lines)


def discovery_lines(report: Report) -> tuple[str, ...]:
    """What the run searched, for the top of a report: services used, those that failed, a caveat."""
    run = report.discovery
    if run is None:
        return ()
    used = ", ".join(run.backends) if run.backends else "none"
    sent = "no query sent" if run.queries == 0 else f"{run.queries} {'query' if run.queries == 1 else 'queries'} sent"
    lines = [f"Searched with {used}; {sent}."]
    lines += [f"{f.backend} failed: {one_line(f.reason)}" for f in run.failures]
    if run.note:
        lines.append(run.note[:1].upper() + run.note[1:] + ".")
    return tuple(lines)


def source_location(entry: SourceEntry) -> str:
    return entry.url or entry.final_url or entry.path or "(no location)"


def short_hash(sha256: str | None, length: int = 12) -> str | None:
    return sha256[:length] if sha256 else None


# ---------------------------------------------------------------------------
# Links: only plain web addresses become clickable
# ---------------------------------------------------------------------------

# Browsers drop ASCII tab and newline anywhere in a URL and trim leading control
# characters and spaces, so "java\tscript:" is javascript:. Refuse any URL holding
# them rather than guess how a reader would parse it.
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\\<>\"'`]")


def safe_link(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address safe to put in href, else None."""
    if not url or len(url) > 4096 or _UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space."""
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters on one line, cut at a word with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def tidy_passage(text: str) -> str:
    """A source passage with its line breaks kept but blank lines and runs of spaces squeezed."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def shorten_words(text: str, limit: int) -> str:
    """At most ``limit`` words: the first and last halves around an ellipsis."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    half = max(limit // 2, 1)
    return " ".join([*words[:half], "…", *words[-half:]])


def middle_shorten(text: str, limit: int) -> str:
    """Keep both ends of a long address: ``https://host/start…end.pdf``."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def printable(text: str) -> str:
    """Replace control and format characters (ESC, bidi overrides…) by visible escapes.

    Newlines and tabs stay. Used for the terminal, where an escape sequence in a
    draft or a source page could otherwise rewrite the screen or hide words.
    """
    out: list[str] = []
    for char in text:
        if char in "\n\t":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs") and char not in "\u200d":
            out.append(f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)


def diff_words(diff: tuple[tuple[DiffOp, str], ...]) -> list[tuple[DiffOp, str]]:
    """The diff with empty pieces dropped and whitespace tidied, ready to lay out word by word."""
    return [(op, one_line(words)) for op, words in diff if words.strip()]


def has_changes(diff: tuple[tuple[DiffOp, str], ...]) -> bool:
    return any(op is not DiffOp.EQUAL and words.strip() for op, words in diff)


# ---------------------------------------------------------------------------
# Highlight segments: the draft split at every claim boundary
# ---------------------------------------------------------------------------


def claim_spans(result: ClaimResult, text_length: int) -> tuple[Span, ...]:
    """The spans a claim covers in the draft (its parts, else its span), clamped and non-empty."""
    claim = result.claim
    raw = claim.parts or (claim.span,)
    spans: list[Span] = []
    for span in raw:
        start = min(max(span.start, 0), text_length)
        end = min(max(span.end, 0), text_length)
        if end > start:
            spans.append(Span(start, end))
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


@dataclass(frozen=True)
class Segment:
    """A run of draft text covered by the same claims.

    ``claims`` holds indexes into ``Report.results``, outermost claim first (the
    claim with the longest extent), so a renderer can nest them in that order.
    ``part_starts`` holds a (claim, part number) pair for every span that begins here.
    """

    start: int
    end: int
    text: str
    claims: tuple[int, ...]
    part_starts: tuple[tuple[int, int], ...] = ()


def segment_draft(text: str, results: tuple[ClaimResult, ...]) -> list[Segment]:
    """Cut ``text`` at every span boundary; the segments join back to ``text`` exactly."""
    spans_by_claim = [claim_spans(r, len(text)) for r in results]
    extent = [(s[-1].end - s[0].start) if s else 0 for s in spans_by_claim]
    bounds = sorted({0, len(text), *(x for spans in spans_by_claim for s in spans for x in (s.start, s.end))})
    position = {offset: n for n, offset in enumerate(bounds)}
    covering: list[list[int]] = [[] for _ in bounds[:-1]]
    part_starts: list[list[tuple[int, int]]] = [[] for _ in bounds[:-1]]
    for index, spans in enumerate(spans_by_claim):
        for part, span in enumerate(spans):
            first, last = position[span.start], position[span.end]
            part_starts[first].append((index, part))
            for n in range(first, last):
                if not covering[n] or covering[n][-1] != index:  # parts may touch
                    covering[n].append(index)
    segments: list[Segment] = []
    for n, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        claims = sorted(covering[n], key=lambda i: (-extent[i], i))
        segments.append(Segment(start, end, text[start:end], tuple(claims), tuple(part_starts[n])))
    return segments


def anchor_names(report: Report) -> list[str]:
    """One HTML-safe, unique anchor name per result (its id when that is tidy)."""
    names: list[str] = []
    seen: set[str] = set()
    for index, result in enumerate(report.results):
        name = re.sub(r"[^A-Za-z0-9_-]", "", result.claim.id)[:40]
        fallback = index + 1
        while not name or name in seen:
            name = f"n{fallback}"
            fallback += len(report.results)
        seen.add(name)
        names.append(name)
    return names


def source_anchor(source_id: str) -> str:
    return "src-" + (re.sub(r"[^A-Za-z0-9_-]", "", source_id)[:40] or "x")
