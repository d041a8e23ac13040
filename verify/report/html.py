"""The HTML report: one self-contained page, rendered by Jinja2 with autoescape on.

Draft and source strings are untrusted. They reach the page only as template
variables (escaped), links only through ``view.safe_link`` (http/https), and the
page carries a Content-Security-Policy that allows no network request at all and
only the page's own inline script and style (by hash), so even a slip in escaping
could not load or run anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from verify.model import ClaimResult, Report, SourceEntry, SourceStatus
from verify.report import draftstyle, view

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Layer:
    """One claim's highlight inside a draft segment."""

    anchor: str
    category: str
    paint: str  # the worst problem's colour (view.paint)
    look: bool  # needs a look: kept by the "needs a look" filter
    title: str
    padding: int  # how many claims nest inside this one here: lifts its underline


@dataclass(frozen=True)
class Chip:
    """The label at the start of a claim's span (or of a later part): icon and id, a link to its card."""

    anchor: str
    element_id: str
    category: str
    paint: str
    look: bool
    icon: str
    label: str
    title: str
    ruled: bool  # an editor's decision overrides its verdict


@dataclass(frozen=True)
class DraftSegment:
    pieces: tuple[tuple[str, str], ...]  # (style, text): a Markdown draft's markup read as formatting
    chips: tuple[Chip, ...]
    layers: tuple[Layer, ...]


@dataclass(frozen=True)
class DiffPiece:
    op: str  # "equal", "delete" or "insert"
    words: str


@dataclass(frozen=True)
class SourceView:
    id: str
    anchor: str
    outlet: str | None
    aliases: str | None
    location: str
    short_location: str  # for cards, where the full address is a hover away
    href: str | None  # only ever an http(s) address
    final_url: str | None  # where redirects ended, when that differs
    final_href: str | None
    cache_path: str | None
    status: str
    status_text: str
    ok: bool
    http_status: int | None
    from_cache: bool
    fetched_at: str | None
    sha256: str | None
    content_type: str | None
    error: str | None
    robots_ignored: bool
    found_how: tuple[str, ...] = ()  # how a source no one gave was found, or that it was read from an archive


@dataclass(frozen=True)
class EvidenceView:
    source: SourceView | None
    source_id: str
    snippet: str
    diff: tuple[DiffPiece, ...]
    has_changes: bool
    snapshot: str | None
    omitted: str | None
    in_main_text: bool
    label: str  # "Source passage", or what the passage is to an unverified claim
    notes: tuple[str, ...]  # whom the source credits, how the sentence went on


@dataclass(frozen=True)
class CardView:
    anchor: str
    id: str
    category: str
    paint: str
    paint_label: str | None  # the worst problem, named, when it says more than the verdict
    look: bool
    icon: str
    verdict_label: str
    verdict_help: str
    kind: str
    text: str
    paragraph: int
    parts: int
    in_draft: bool  # it has a highlight in the draft to link back to
    speaker: str | None
    cue: str | None
    outlet: str | None
    reason: str | None
    score: str | None
    flags: tuple[tuple[str, str], ...]  # (mark, words): ⚑ asks for a look, · only informs
    evidence: EvidenceView | None
    decision_category: str | None
    decision_label: str | None
    decision_note: str | None
    decision_by: str | None
    decision_at: str | None
    change: str | None
    notes: tuple[str, ...]  # what the report knows that bears on the claim (sources left unread)


@dataclass(frozen=True)
class Tally:
    category: str
    icon: str
    label: str
    count: int
    help: str


def render_html(report: Report, *, back_link: str | None = None) -> str:
    """The report as one self-contained page; ``back_link`` (the service's form) adds a way back."""
    page = _environment().get_template("report.html.j2")
    css, js = _asset("report.css"), _asset("report.js")
    return page.render(
        title=_title(report),
        report=report,
        article_path=report.article.path,
        article_sha=view.short_hash(report.article.sha256),
        tallies=_tallies(report),
        legend=_legend(report),
        looks=sum(1 for r in report.checkable if r.needs_a_look),
        total=len(report.results),
        checked=report.summary()["claims"],
        flagged=report.summary()["flagged"],
        sources=[_source_view(s) for s in report.sources],
        segments=_draft_segments(report),
        has_text=bool(report.article.text),
        cards=_cards(report),
        baseline=report.baseline,
        baseline_introduced=_introduced_links(report),
        problems=_problems(report),
        unread_lead=view.unread_lead(report),
        unread=[(s.id, view.source_anchor(s.id), view.status_text(s)) for s in view.unread_sources(report)],
        searched=view.discovery_lines(report),
        back_link=back_link,
        css=Markup(css),
        js=Markup(js),
        csp=_csp(css, js),
    )


# ---------------------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _csp(css: str, js: str) -> str:
    """No fetches of any kind; only this page's own style and script, pinned by hash."""

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (
        "default-src 'none'; "
        f"style-src {digest(css)}; "
        f"script-src {digest(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _title(report: Report) -> str:
    name = report.article.path.replace("\\", "/").rsplit("/", 1)[-1] if report.article.path else None
    return f"Quote check: {name}" if name else "Quote check"


def _tallies(report: Report) -> list[Tally]:
    counts = view.category_counts(report)
    labels = {"term": "terms"}
    return [
        Tally(cat, view.ICONS[cat], labels.get(cat, cat), counts[cat], view.VERDICT_HELP[cat])
        for cat in view.CATEGORIES
    ]


def _legend(report: Report) -> list[Tally]:
    """The colours the draft uses, worst first, each with how many claims wear it."""
    counts = Counter(view.paint(r) for r in report.results)
    return [
        Tally(paint, view.PAINT_ICONS[paint], view.PAINT_TEXT[paint], counts[paint], view.PAINT_HELP[paint])
        for paint in view.PAINT_ORDER
        if counts[paint]
    ]


def _paint_label(result: ClaimResult) -> str | None:
    """The worst problem's name for a card whose verdict alone would hide it (a flag on a confirmed
    quote, a contradiction, a misattribution); None where the verdict says it all."""
    paint = view.paint(result)
    if paint in ("misattributed", "contradicted", "look", "style"):
        return view.PAINT_TEXT[paint]
    return None


def _source_view(entry: SourceEntry) -> SourceView:
    return SourceView(
        id=entry.id,
        anchor=view.source_anchor(entry.id),
        outlet=entry.outlet,
        aliases=", ".join(entry.aliases) or None,
        location=view.source_location(entry),
        short_location=view.middle_shorten(view.source_location(entry), 72),
        href=view.safe_link(entry.url),
        final_url=entry.final_url if entry.final_url and entry.final_url != entry.url else None,
        final_href=view.safe_link(entry.final_url),
        cache_path=entry.snapshot,
        status=entry.status.value,
        status_text=view.STATUS_TEXT.get(entry.status, entry.status.value),
        ok=entry.status is SourceStatus.OK,
        http_status=entry.http_status,
        from_cache=entry.from_cache,
        fetched_at=entry.fetched_at,
        sha256=entry.sha256,
        content_type=entry.content_type,
        error=entry.error,
        robots_ignored=entry.robots_ignored,
        found_how=view.found_how(entry),
    )


def _claim_title(report: Report, index: int) -> str:
    result = report.results[index]
    cat = view.category(result)
    label = "term (not checked)" if cat == view.TERM else cat
    speaker = view.speaker_text(result)
    ruling = f"; editor: {result.decision.verdict.value}" if result.decision else ""
    return f"{result.claim.id}: {label}{ruling}" + (f" — {speaker}" if speaker else "")


def _draft_segments(report: Report) -> list[DraftSegment]:
    text = report.article.text
    if not text:
        return []
    anchors = view.anchor_names(report)
    marks = draftstyle.styles(text) if report.article.format == "markdown" else [""] * len(text)
    segments: list[DraftSegment] = []
    for seg in view.segment_draft(text, report.results):
        chips = []
        for index, part in seg.part_starts:
            result = report.results[index]
            cat = view.category(result)
            anchor = anchors[index]
            chips.append(
                Chip(
                    anchor=anchor,
                    element_id=f"hl-{anchor}" if part == 0 else f"hl-{anchor}-{part + 1}",
                    category=cat,
                    paint=view.paint(result),
                    look=result.needs_a_look,
                    icon=view.PAINT_ICONS[view.paint(result)],
                    label=result.claim.id if part == 0 else f"{result.claim.id} cont.",
                    title=_claim_title(report, index),
                    ruled=result.decision is not None,
                )
            )
        depth = len(seg.claims)
        layers = tuple(
            Layer(
                anchor=anchors[index],
                category=view.category(report.results[index]),
                paint=view.paint(report.results[index]),
                look=report.results[index].needs_a_look,
                title=_claim_title(report, index),
                padding=min(depth - 1 - position, 3),
            )
            for position, index in enumerate(seg.claims)
        )
        pieces = tuple(draftstyle.runs(seg.text, marks, seg.start))
        segments.append(DraftSegment(pieces=pieces, chips=tuple(chips), layers=layers))
    return segments


def _evidence_view(report: Report, sources: dict[str, SourceView], index: int) -> EvidenceView | None:
    evidence = report.results[index].evidence
    if evidence is None:
        return None
    return EvidenceView(
        source=sources.get(evidence.source),
        source_id=evidence.source,
        snippet=view.tidy_passage(evidence.snippet),
        diff=tuple(DiffPiece(op.value, words) for op, words in view.diff_words(evidence.diff)),
        has_changes=view.has_changes(evidence.diff),
        snapshot=evidence.snapshot,
        omitted=" … ".join(evidence.omitted) or None,
        in_main_text=evidence.in_main_text,
        label=view.passage_label(report.results[index]),
        notes=view.evidence_notes(report.results[index]),
    )


def _cards(report: Report) -> list[CardView]:
    anchors = view.anchor_names(report)
    sources = {s.id: _source_view(s) for s in report.sources}
    cards: list[CardView] = []
    for index, result in enumerate(report.results):
        claim, cat, decision = result.claim, view.category(result), result.decision
        cards.append(
            CardView(
                anchor=anchors[index],
                id=claim.id,
                category=cat,
                paint=view.paint(result),
                paint_label=_paint_label(result),
                look=result.needs_a_look,
                icon=view.ICONS[cat],
                verdict_label="term" if cat == view.TERM else cat,
                verdict_help=view.VERDICT_HELP[cat],
                kind=claim.kind.value,
                text=claim.text,
                paragraph=claim.paragraph + 1,
                parts=len(claim.parts),
                in_draft=bool(view.claim_spans(result, len(report.article.text))),
                speaker=view.speaker_text(result),
                cue=claim.cue,
                outlet=claim.outlet,
                reason=view.reason_text(result),
                score=view.score_text(result.score),
                flags=tuple((view.flag_mark(f), view.flag_text(f.value)) for f in result.flags),
                evidence=_evidence_view(report, sources, index),
                decision_category=decision.verdict.value if decision else None,
                decision_label=(view.ICONS[decision.verdict.value] + " " + decision.verdict.value)
                if decision
                else None,
                decision_note=decision.note if decision else None,
                decision_by=decision.by if decision else None,
                decision_at=decision.at if decision else None,
                change=view.change_text(result),
                notes=view.claim_notes(report, result),
            )
        )
    return cards


def _problems(report: Report) -> list[tuple[str, str, str, str]]:
    """The problems-first list: (category, icon, card anchor, one line) per claim, worst first."""
    anchors = dict(zip((r.claim.id for r in report.results), view.anchor_names(report), strict=True))
    return [
        (
            view.paint(r),
            view.PAINT_ICONS[view.paint(r)],
            anchors[r.claim.id],
            view.problem_line(r, view.claim_notes(report, r)),
        )
        for r in report.problems()
    ]


def _introduced_links(report: Report) -> list[tuple[str, str | None]]:
    """Baseline ids newly at fault, each with its card anchor when the claim is in this report."""
    if report.baseline is None:
        return []
    anchors = dict(zip((r.claim.id for r in report.results), view.anchor_names(report), strict=True))
    return [(claim_id, anchors.get(claim_id)) for claim_id in report.baseline.introduced]


__all__ = ["render_html"]
