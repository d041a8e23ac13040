"""Transcript lines: ``NAME: words`` and ``NAME (Role): words``, as in Hansard or a court record.

A line of this shape credits its words to NAME. Labels that open notes rather than speech
(``UPDATE:``, ``Correction:``, ``Photo:``, ``Editor's note:``, ``Read more:``), datelines,
times and numbers are never speakers. A source's single line is enough (it is a record);
a draft's lines count only as a transcript: a run of two or more turns, or any turn after a
Q&A heading, since a lone ``Name: words`` line in a story is more often a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from verify.model import Span

# A name of one to five words, in capitals (MS R. OYELARAN) or Title Case (Judge Amy Hart),
# an optional role in brackets, then a colon and the words.
SPEAKER_LINE = re.compile(
    r"^[ \t>*-]*(?P<name>(?:[A-Z][\w’'.-]*\.?)(?:[ \t]+[A-Z][\w’'.-]*\.?){0,4})"
    r"\*{0,2}(?:[ \t]*\((?P<role>[^()\n]{1,60})\))?[ \t]*:\*{0,2}[ \t]+(?=\S)",
    re.MULTILINE,
)
NOT_SPEAKERS = frozenset(
    "update updated correction corrections clarification photo photos picture image video caption "
    "source sources note editor’s editor's read more see also related watch listen warning disclaimer "
    "by credit credits pictured above below tags topics filed q a question answer contact email e-mail "
    "phone tel fax web website twitter follow share subscribe advertisement sponsored subject re "
    "from to cc date time location where when what why how who headline summary background".split()
)
# A heading that announces an interview printed as questions and answers.
QA_HEADING = re.compile(
    r"^[ \t#*_>]*(?:[^\n]{0,60}\b(?:Q\s?&\s?A|Q and A)\b[^\n.]{0,60}|(?:full |edited )?transcript\b[^\n.]{0,60})$",
    re.MULTILINE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the name as labelled, where it stands, and the words credited."""

    speaker: str
    speaker_at: int
    words: Span


def is_note_label(name: str) -> bool:
    """Whether ``name`` is a label that opens a note ("UPDATE", "Editor's note", "Oct. 3"), not a speaker."""
    norm = " ".join(name.lower().replace(".", " ").split())
    return norm in NOT_SPEAKERS or norm in _NOTE_PHRASES or _is_dateline(name)


_NOTE_PHRASES = frozenset(["editor's note", "editor’s note", "read more", "see also", "more"])


def _credited(m: re.Match[str]) -> bool:
    name = m.group("name")
    first_words = {w.strip(".’'").lower() for w in name.split()}
    return not (first_words & NOT_SPEAKERS or _is_dateline(name))


def speaker_label(line_start_text: str) -> tuple[str, int] | None:
    """The speaker a transcript line names and where its words start, or None.

    ``line_start_text`` is the text from the start of a line.
    """
    m = SPEAKER_LINE.match(line_start_text)
    if m is None or not _credited(m):
        return None
    return m.group("name"), m.end()


def _turn_end(text: str, start: int) -> int:
    """Where a turn's words end: the end of its line, or of its paragraph when lines wrap."""
    end = text.find("\n", start)
    while end >= 0 and end + 1 < len(text) and text[end + 1] not in "\n" and not SPEAKER_LINE.match(text, end + 1):
        nxt = text.find("\n", end + 1)
        if text[end + 1 : nxt if nxt >= 0 else len(text)].strip() == "":
            break
        end = nxt
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# A Markdown list item's marker before a label.
_BULLET = re.compile(r"[-*+][ \t]")

# A capitalised word right after another: "Lind" in "Ana Lind" (one pass over the draft).
_SECOND_NAME_WORD = re.compile(r"\b[A-Z][\w’'.-]*[ \t]+([A-Z][\w’'-]+)")


def transcript_turns(text: str) -> list[Turn]:
    """The turns of a draft's transcripts: runs of two or more turns by at least two speakers, and
    every turn after a Q&A heading.

    A one-word label in Title Case ("Lind:") counts only when the draft also writes it as part of
    a name ("Ana Lind"): "Venue: Town Hall" and "Price: Free" make a list, not a transcript.
    """
    low = text.lower()
    # the heading's words looked for first: QA_HEADING tries every line, and few drafts have one
    heading = QA_HEADING.search(text) if "&" in text or "q and a" in low or "transcript" in low else None
    after = heading.end() if heading else len(text) + 1
    surnames: set[str] | None = None
    runs: list[list[Turn]] = []
    last_end = -1
    for m in _labelled_lines(text):
        if _BULLET.search(text, m.start(), m.start("name")):
            last_end = -1
            continue  # "- Port Avery: the flood scheme": a list of places or topics, not a conversation
        name = m.group("name")
        if " " not in name and not name.isupper():
            if surnames is None:
                surnames = {w.group(1) for w in _SECOND_NAME_WORD.finditer(text)}
            credited = name.rstrip(".") in surnames
        else:
            credited = True
        if not credited or not _credited(m):
            last_end = -1
            continue
        end = _turn_end(text, m.end())
        turn = Turn(m.group("name"), m.start("name"), Span(m.end(), end))
        if runs and last_end >= 0 and text[last_end : m.start()].strip() == "":
            runs[-1].append(turn)
        else:
            runs.append([turn])
        last_end = end
    turns: list[Turn] = []
    for run in runs:
        is_run = len({t.speaker for t in run}) >= 2  # once a run: asking per turn would be quadratic
        turns += [t for t in run if is_run or t.speaker_at >= after]
    return turns


def _labelled_lines(text: str) -> Iterator[re.Match[str]]:
    """What ``SPEAKER_LINE.finditer(text)`` finds, tried only on the lines that hold a colon."""
    colon = text.find(":")
    while colon >= 0:
        m = SPEAKER_LINE.match(text, text.rfind("\n", 0, colon) + 1)
        if m is not None:
            yield m
        line_end = text.find("\n", colon)
        colon = text.find(":", line_end) if line_end >= 0 else -1


def _is_dateline(name: str) -> bool:
    """"Oct. 3", "Monday": a date that opens a story or a note, not a person."""
    return any(p.lower() in _DATE_WORDS for p in name.replace(".", " ").split())


_DATE_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday saturday sunday".split()
)
