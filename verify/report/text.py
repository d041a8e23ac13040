"""The terminal report, drawn with rich into a string.

Colour only when asked (the CLI decides: a terminal and no NO_COLOR). Without
colour the word diff is spelled out as ``[-deleted-]`` and ``{+inserted+}``.
Every line fits ``width``: long quotes wrap, long URLs fold. Draft and source
strings are rich ``Text`` (never markup) and control characters are made visible,
so a quote cannot style, move or clear the terminal.
"""

from __future__ import annotations

import re
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from verify.model import ClaimResult, DiffOp, Report, SourceEntry, SourceStatus
from verify.report import view

STYLES: dict[str, str] = {
    "confirmed": "bold green",
    "paraphrased": "bold yellow",
    "unverified": "bold red",
    "term": "dim",
}
# The problems list is coloured by each claim's worst problem, in the one order of severity.
PAINT_STYLES: dict[str, str] = {
    "misattributed": "bold magenta",
    "contradicted": "bold red",
    "not-found": "red",
    "unavailable": "dim red",
    "altered": "yellow",
    "look": "yellow",
    "style": "green",
    **STYLES,
}
QUOTE_LIMIT = 300  # characters of a claim's text shown before it is shortened
SNIPPET_LIMIT = 360
DIFF_RUN_WORDS = 16  # words of one diff run shown before its middle is cut
INDENT = 4
_TRAILING_SPACE = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def render_text(report: Report, *, color: bool = False, width: int = 80, only_problems: bool = False) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=max(width, 20),
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
        _environ={},  # the caller decides colour and width, not the environment
    )
    for block in _blocks(report, color=color, only_problems=only_problems):
        console.print(block)
    # rich pads wrapped lines out to the full width; those spaces are noise in a pipe or a file.
    return _TRAILING_SPACE.sub(r"\1", buffer.getvalue())


def _text(value: str, style: str = "") -> Text:
    """Untrusted text made safe and foldable for the terminal."""
    return Text(view.printable(value), style=style, overflow="fold")


def _blocks(report: Report, *, color: bool, only_problems: bool = False) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading(report), _summary(report)]
    unread = view.unread_line(report)
    if unread:
        blocks.append(_text("✗ " + unread, "bold red"))
    blocks += [_text(line, "yellow" if " failed: " in line else "") for line in view.discovery_lines(report)]
    blocks.append(Text(""))
    if report.baseline is not None:
        blocks += [_baseline(report), Text("")]
    problems = report.problems()
    if problems:
        blocks.append(Text(f"Needs a look ({len(problems)}), worst first", style="bold underline"))
        blocks += [_problem(report, result) for result in problems]
        blocks.append(Text(""))
    if only_problems:
        failed = [entry for entry in report.sources if entry.status is not SourceStatus.OK]
        if failed:
            blocks += [Text("Sources that could not be read", style="bold underline")]
            blocks += [_source(entry) for entry in failed]
            blocks.append(Text(""))
        if problems:
            blocks.append(Text("The claims that need a look", style="bold underline"))
        blocks += [_claim(report, result, color=color) for result in problems]
        return blocks
    blocks.append(Text("Sources", style="bold underline"))
    if not report.sources:
        blocks.append(Padding(_text("none given or found: nothing could be checked", "italic"), (0, 0, 0, 2)))
    blocks += [_source(entry) for entry in report.sources]
    blocks += [Text(""), Text("Claims", style="bold underline")]
    if not report.results:
        blocks.append(Padding(_text("no quotes or attributed statements found", "italic"), (0, 0, 0, 2)))
    for result in report.results:
        blocks.append(_claim(report, result, color=color))
    return blocks


def _problem(report: Report, result: ClaimResult) -> Text:
    paint = view.paint(result)
    line = Text(f"{view.PAINT_ICONS[paint]} ", style=PAINT_STYLES[paint], overflow="fold")
    line.append_text(_text(view.problem_line(result, view.claim_notes(report, result))))
    return line


def _heading(report: Report) -> Text:
    heading = Text("")
    heading.append("verify", style="bold")
    heading.append(" · quote check")
    if report.article.path:
        heading.append(" · ")
        heading.append_text(_text(report.article.path, "bold"))
    if report.generated_at:
        heading.append(f" · {view.printable(report.generated_at)}", style="dim")
    heading.overflow = "fold"
    return heading


def _summary(report: Report) -> Text:
    counts = view.category_counts(report)
    total = report.summary()["claims"]
    line = Text(f"{total} claim{'' if total == 1 else 's'}: ", overflow="fold")
    pieces = []
    for cat in view.CATEGORIES[:3]:
        pieces.append(Text(f"{view.ICONS[cat]} {counts[cat]} {cat}", style=STYLES[cat]))
    line.append_text(Text(", ").join(pieces))
    flagged = report.summary()["flagged"]
    if flagged:
        line.append(f" · ⚑ {flagged} flagged", style="yellow")
    if counts[view.TERM]:
        line.append(f" · {counts[view.TERM]} term{'' if counts[view.TERM] == 1 else 's'} not checked", style="dim")
    decided = sum(1 for r in report.results if r.decision is not None)
    if decided:
        line.append(f" · {decided} ruled on by an editor")
    return line


def _baseline(report: Report) -> RenderableType:
    assert report.baseline is not None
    baseline = report.baseline
    title = Text("")
    title.append("Since the baseline", style="bold")
    if baseline.baseline_path:
        title.append(" ")
        title.append_text(_text(baseline.baseline_path))
    title.append(": newly at fault: ")
    title.append_text(_text(", ".join(baseline.introduced) or "none"))
    if baseline.rules_changed:
        title.append("; changed by this version's rules, not the draft: ")
        title.append_text(_text(", ".join(baseline.rules_changed)))
    lines: list[RenderableType] = [title]
    for text in baseline.resolved:
        lines.append(Padding(_text("resolved: “" + view.shorten(text, 160) + "”"), (0, 0, 0, 2)))
    return Group(*lines)


def _source(entry: SourceEntry) -> RenderableType:
    ok = entry.status is SourceStatus.OK
    line = Text("  ")
    line.append(f"{entry.id} ", style="bold")
    status = ("✓ " if ok else "✗ ") + view.STATUS_TEXT.get(entry.status, entry.status.value)
    if entry.http_status:
        status += f" {entry.http_status}"
    line.append_text(_text(status, "green" if ok else "bold red"))
    if entry.outlet:
        line.append("  ")
        line.append_text(_text(entry.outlet, "bold"))
    line.overflow = "fold"
    details: list[RenderableType] = [line, Padding(_text(view.source_location(entry), "cyan"), (0, 0, 0, INDENT))]
    facts = []
    if entry.fetched_at:
        facts.append("fetched " + entry.fetched_at + (" (cache)" if entry.from_cache else ""))
    elif entry.from_cache:
        facts.append("from cache")
    if entry.sha256:
        facts.append("sha256 " + entry.sha256[:12])
    if entry.robots_ignored:
        facts.append("robots.txt ignored")
    if facts:
        details.append(Padding(_text(" · ".join(facts), "dim"), (0, 0, 0, INDENT)))
    for how in view.found_how(entry):
        details.append(Padding(_text(how, "dim"), (0, 0, 0, INDENT)))
    if entry.error:
        details.append(Padding(_text("error: " + view.one_line(entry.error), "red"), (0, 0, 0, INDENT)))
    return Group(*details)


def _verdict_label(result: ClaimResult) -> Text:
    cat = view.category(result)
    label = "TERM" if cat == view.TERM else cat.upper()
    return Text(f"{view.ICONS[cat]} {label}", style=STYLES[cat])


def diff_text(diff: tuple[tuple[DiffOp, str], ...], *, color: bool) -> Text:
    """The word diff: styled with colour, spelled out with markers without."""
    out = Text(overflow="fold")
    for n, (op, words) in enumerate(view.diff_words(diff)):
        if n:
            out.append(" ")
        # a long run (often source context around a reported statement) is cut in the middle
        words = view.printable(view.shorten_words(words, DIFF_RUN_WORDS))
        if op is DiffOp.DELETE:
            out.append(words if color else f"[-{words}-]", style="strike red")
        elif op is DiffOp.INSERT:
            out.append(words if color else f"{{+{words}+}}", style="bold green underline")
        else:
            out.append(words)
    return out


def _claim(report: Report, result: ClaimResult, *, color: bool) -> RenderableType:
    claim = result.claim
    head = Text("")
    head.append_text(_verdict_label(result))
    details = [d for d in (view.reason_text(result), _score(result)) if d]
    if details:
        head.append(" (" + ", ".join(details) + ")", style="dim" if view.category(result) == view.TERM else "")
    head.append(f"  {view.printable(claim.id)}", style="bold")
    head.append(f" {claim.kind.value} ¶{claim.paragraph + 1}", style="dim")
    change = view.change_text(result)
    if change:
        head.append(f"  [{change}]", style="bold magenta")
    head.overflow = "fold"
    body: list[RenderableType] = []
    body.append(_text("“" + view.shorten(claim.text, QUOTE_LIMIT) + "”", "dim" if claim.kind.value == "term" else ""))
    who = []
    speaker = view.speaker_text(result)
    if speaker:
        who.append(speaker)
    if claim.cue:
        who.append(claim.cue)
    if claim.outlet and not (claim.speaker and claim.speaker.name == claim.outlet):
        who.append("in " + claim.outlet)  # "QNews reported" names the outlet once, as the speaker
    if who:
        body.append(_text("— " + ", ".join(who), "italic"))
    looks = [f for f in result.flags if view.flag_mark(f) == "⚑"]
    quiet = [f for f in result.flags if f not in looks]
    if looks:
        body.append(_text("⚑ " + "; ".join(view.flag_text(f.value) for f in looks), "yellow"))
    if quiet:
        body.append(_text("· " + "; ".join(view.flag_text(f.value) for f in quiet), "dim"))
    body += [_text("✗ " + note, "red") for note in view.claim_notes(report, result)]
    evidence = result.evidence
    if evidence is not None:
        entry = report.source(evidence.source)
        where = evidence.source + (f" {entry.outlet}" if entry and entry.outlet else "")
        label = view.passage_label(result)
        body.append(_text(f"{label}, {where}: “{view.shorten(evidence.snippet, SNIPPET_LIMIT)}”", ""))
        body += [_text(note, "yellow") for note in view.evidence_notes(result)]
        if view.has_changes(evidence.diff):
            line = Text("diff: ", style="dim", overflow="fold")
            line.append_text(diff_text(evidence.diff, color=color))
            body.append(line)
        if evidence.omitted:
            body.append(_text("left out by the ellipsis: “" + " … ".join(evidence.omitted) + "”", "yellow"))
        if not evidence.in_main_text:
            body.append(_text("found outside the source's main text", "yellow"))
        provenance = []
        if entry is not None:
            provenance.append(view.source_location(entry))
            if entry.fetched_at:
                provenance.append("fetched " + entry.fetched_at)
        snapshot = evidence.snapshot or (entry.sha256 if entry else None)
        if snapshot:
            provenance.append("snapshot " + snapshot[:12])
        if provenance:
            body.append(_text(" · ".join(provenance), "dim"))
    if result.decision is not None:
        d = result.decision
        ruling = Text("editor: ", style="bold", overflow="fold")
        ruling.append_text(Text(f"{view.ICONS[d.verdict.value]} {d.verdict.value}", style=STYLES[d.verdict.value]))
        extra = (f" by {d.by}" if d.by else "") + (f", {d.at}" if d.at else "") + (f": {d.note}" if d.note else "")
        ruling.append_text(_text(" " + view.one_line(extra) if extra else ""))
        body.append(ruling)
    return Group(Text(""), head, Padding(Group(*body), (0, 0, 0, INDENT)))


def _score(result: ClaimResult) -> str | None:
    score = view.score_text(result.score)
    return f"score {score}" if score else None
