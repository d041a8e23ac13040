"""The Markdown report: for pull-request comments and notes in a CMS.

Every string that comes from the draft or a source is escaped so that Markdown
(CommonMark and GitHub's dialect) shows it as written: no emphasis, links, HTML,
headings, tables or entities can be smuggled in by a quote, and no address, "@name" or
"#123" in a quote becomes a live link, a mention or an issue reference on GitHub.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.model import ClaimResult, DiffOp, Report, SourceEntry, SourceStatus
from verify.report import view

# ASCII punctuation Markdown may act on anywhere in a line (``$`` is GitHub's maths).
# CommonMark lets a backslash escape any ASCII punctuation, so escaping is always safe.
_ACTIVE = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
# At the start of a line "-" opens a list and "1." an ordered one.
_ORDERED_LIST = re.compile(r"^(\d+)([.)])")


# What GitHub turns into a link or a notification though no Markdown asks for it: a scheme
# before "://" and "www." (GFM's autolink extension), an "@" (an e-mail address, a mention
# that pings someone, mailto: and xmpp:), "#123" and "GH-123" (issue references). A word
# joiner (U+2060) inside each breaks the pattern and shows nothing.
WORD_JOINER = "\u2060"
_AUTOLINKED = re.compile(r"(?<=[A-Za-z0-9])(?=://)|(?i:(?<=www)(?=\.)|(?<=\bgh)(?=-\d))|(?<=[@#])(?=\w)")


def escape(text: str) -> str:
    """``text`` on one line, safe to place in running Markdown or a table cell.

    Markup is escaped with backslashes, and a word joiner keeps GitHub from making a link,
    a mention or an issue reference of what reads like one.
    """
    return _AUTOLINKED.sub(WORD_JOINER, _ACTIVE.sub(r"\\\1", view.one_line(text)))


def escape_line(text: str) -> str:
    """Like ``escape``, for text that starts a line (after ``> ``), where ``-`` and ``1.`` open lists."""
    text = escape(text)
    if text.startswith("-"):
        text = "\\" + text
    return _ORDERED_LIST.sub(r"\1\\\2", text)


def code(text: str) -> str:
    """An inline code span that holds ``text`` whatever backticks it contains (not for table cells)."""
    text = view.one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link(url: str | None, label: str | None = None) -> str:
    """A Markdown link for a plain http(s) address; anything else is shown as escaped text."""
    href = view.safe_link(url)
    if href is None:
        return escape(url or "")
    if label is None:
        return f"<{href}>"
    return f"[{escape(label)}](<{href}>)"


def render_markdown(report: Report, *, only_problems: bool = False) -> str:
    lines: list[str] = []
    name = report.article.path.replace("\\", "/").rsplit("/", 1)[-1] if report.article.path else None
    lines.append(f"## Quote check: {escape(name)}" if name else "## Quote check")
    lines.append("")
    lines.extend(_summary(report))
    unread = view.unread_line(report)
    if unread:
        lines += ["", f"**✗ {escape(unread)}**"]
    searched = view.discovery_lines(report)
    if searched:
        lines += ["", *(f"- {escape(line)}" for line in searched)]
    if report.baseline is not None:
        lines.append("")
        lines.extend(_baseline(report))
    problems = report.problems()
    if problems:
        lines += ["", f"### Needs a look ({len(problems)}), worst first", ""]
        for n, result in enumerate(problems, start=1):
            line = view.problem_line(result, view.claim_notes(report, result))
            lines.append(f"{n}. {view.PAINT_ICONS[view.paint(result)]} {escape(line)}")
    if only_problems:
        failed = [entry for entry in report.sources if entry.status is not SourceStatus.OK]
        if failed:
            lines += ["", *_sources(report, failed)]
        for result in problems:
            lines += ["", *_claim(report, result)]
    else:
        lines.append("")
        lines.extend(_sources(report))
        lines.append("")
        lines.extend(_claims(report))
    lines.append("")
    meta = [f"verify {escape(report.tool_version)}"]
    if report.generated_at:
        meta.append(f"checked {escape(report.generated_at)}")
    if report.article.sha256:
        meta.append(f"draft sha256 {code(report.article.sha256[:12])}")
    lines.append(" · ".join(meta))
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> list[str]:
    counts = view.category_counts(report)
    rows = ["| Verdict | Claims | Meaning |", "|---|---:|---|"]
    for cat in view.CATEGORIES:
        label = "term (not checked)" if cat == view.TERM else cat
        rows.append(f"| {view.ICONS[cat]} {label} | {counts[cat]} | {view.VERDICT_HELP[cat]} |")
    decided = sum(1 for r in report.results if r.decision is not None)
    total = report.summary()["claims"]
    line = f"**{total} claim{'' if total == 1 else 's'} checked**"
    worst = report.worst_verdict()
    if worst is not None:
        line += f"; the worst verdict, after editors' rulings, is **{view.ICONS[worst.value]} {worst.value}**"
    flagged = report.summary()["flagged"]
    if flagged:
        line += f"; ⚑ {flagged} flagged for a look"
    if decided:
        line += f"; {decided} ruled on by an editor"
    return [line + ".", "", *rows]


def _baseline(report: Report) -> list[str]:
    assert report.baseline is not None
    baseline = report.baseline
    where = f" {escape(baseline.baseline_path)}" if baseline.baseline_path else ""
    introduced = ", ".join(escape(i) for i in baseline.introduced) or "none"
    lines = [f"**Since the baseline{where}:** newly at fault: {introduced}."]
    if baseline.rules_changed:
        changed = ", ".join(escape(i) for i in baseline.rules_changed)
        lines.append(f"Changed by this version's rules, not by the draft: {changed}.")
    for text in baseline.resolved:
        lines.append(f"- resolved: “{escape(view.shorten(text, 120))}”")
    return lines


def _source_row(entry: SourceEntry) -> str:
    status = ("✓ " if entry.status.value == "ok" else "✗ ") + view.STATUS_TEXT.get(entry.status, entry.status.value)
    if entry.http_status:
        status += f" (HTTP {entry.http_status})"
    where = link(entry.url) if entry.url else escape(view.source_location(entry))
    outlet = escape(entry.outlet) if entry.outlet else ""
    fetched = escape(entry.fetched_at) if entry.fetched_at else "—"
    if entry.from_cache:
        fetched += " (cache)"
    note = escape(view.shorten(entry.error, 160)) if entry.error else ""
    if entry.sha256:
        note = (note + " " if note else "") + code(entry.sha256[:12])
    how = "; ".join(escape(view.shorten(line, 240)) for line in view.found_how(entry))
    if how:
        note = (note + "; " if note else "") + how
    return f"| {escape(entry.id)} | {outlet} | {where} | {status} | {fetched} | {note} |"


def _sources(report: Report, entries: Sequence[SourceEntry] | None = None) -> list[str]:
    """The sources table: every source, or only ``entries`` (the ones that failed)."""
    lines = ["### Sources" if entries is None else "### Sources that could not be read", ""]
    entries = report.sources if entries is None else entries
    if not entries:
        return [*lines, "No sources were given or found, so nothing could be checked."]
    lines += ["| ID | Outlet | Location | Status | Fetched | Snapshot / error |", "|---|---|---|---|---|---|"]
    lines += [_source_row(s) for s in entries]
    return lines


def diff_markdown(diff: tuple[tuple[DiffOp, str], ...]) -> str:
    """Claim against source, word by word: ``~~deleted~~`` and ``**inserted**``."""
    pieces: list[str] = []
    for op, words in view.diff_words(diff):
        text = escape(words)
        if op is DiffOp.DELETE:
            pieces.append(f"~~{text}~~")
        elif op is DiffOp.INSERT:
            pieces.append(f"**{text}**")
        else:
            pieces.append(text)
    return " ".join(pieces)


def _claim(report: Report, result: ClaimResult) -> list[str]:
    claim, cat = result.claim, view.category(result)
    head = f"#### {escape(claim.id)} · {view.ICONS[cat]} {'term (not checked)' if cat == view.TERM else cat}"
    details = [d for d in (view.reason_text(result), _score(result)) if d]
    if details:
        head += f" ({', '.join(details)})"
    if view.change_text(result):
        head += f" · {view.change_text(result)}"
    lines = [head, "", f"> {escape_line(claim.text)}", ""]
    about = [claim.kind.value]
    speaker = view.speaker_text(result)
    if speaker:
        about.append(f"speaker: {escape(speaker)}")
    if claim.cue:
        about.append(f"cue: {escape(claim.cue)}")
    if claim.outlet:
        about.append(f"outlet: {escape(claim.outlet)}")
    about.append(f"paragraph {claim.paragraph + 1}")
    lines.append(" · ".join(about))
    if result.flags:
        lines += ["", "Flags: " + ", ".join(f"{view.flag_mark(f)} {view.flag_text(f.value)}" for f in result.flags)]
    lines += [line for note in view.claim_notes(report, result) for line in ("", f"**✗ {escape(_capital(note))}.**")]
    evidence = result.evidence
    if evidence is not None:
        if view.has_changes(evidence.diff):
            lines += ["", f"Draft against source: {diff_markdown(evidence.diff)}"]
        lines += ["", f"{view.passage_label(result)}: “{escape(evidence.snippet)}”"]
        lines += [line for note in view.evidence_notes(result) for line in ("", f"*{escape(_capital(note))}*")]
        if evidence.omitted:
            lines += ["", "Left out by the ellipsis: “" + escape(" … ".join(evidence.omitted)) + "”"]
        if not evidence.in_main_text:
            lines += ["", "Found outside the source's main text."]
        lines += ["", _provenance(report, evidence.source, evidence.snapshot)]
    if result.decision is not None:
        d = result.decision
        by = f" by {escape(d.by)}" + (f", {escape(d.at)}" if d.at else "") if d.by else ""
        note = f": {escape(d.note)}" if d.note else ""
        lines += ["", f"**Editor's ruling:** {view.ICONS[d.verdict.value]} {d.verdict.value}{by}{note}"]
    return lines


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _score(result: ClaimResult) -> str | None:
    score = view.score_text(result.score)
    return f"score {score}" if score else None


def _provenance(report: Report, source_id: str, snapshot: str | None) -> str:
    entry = report.source(source_id)
    parts = [f"Source {escape(source_id)}"]
    if entry is not None:
        if entry.outlet:
            parts.append(escape(entry.outlet))
        parts.append(link(entry.url) if entry.url else escape(view.source_location(entry)))
        if entry.fetched_at:
            parts.append(f"fetched {escape(entry.fetched_at)}" + (" (cache)" if entry.from_cache else ""))
    snap = snapshot or (entry.sha256 if entry else None)
    if snap:
        parts.append(f"snapshot {code(snap[:12])}")
    return " · ".join(parts)


def _claims(report: Report) -> list[str]:
    lines = ["### Claims"]
    if not report.results:
        return [*lines, "", "No quotes or attributed statements were found in the draft."]
    for result in report.results:
        lines.append("")
        lines.extend(_claim(report, result))
    return lines
