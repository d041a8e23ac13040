"""Finding quoted passages: quote marks, their pairing, and quotes over several paragraphs.

One left-to-right pass over the text with a small stack, so the cost is linear in
the length of the draft. Rules, in the order a reader applies them:

- Double marks (“ ” " „ « ») and single marks (‘ ’ ' ‚ ‹ ›) form two families; a
  closing mark closes the innermost open mark of its family, and a double closing
  mark also closes any single quote left open inside it (``‘purify blood.'”``).
- Two apostrophes in a row stand for a double mark (``''It is over,'' he said.``).
- A single mark between two letters (``don’t``, ``Kadyrov’s``) or after a space
  before a letter (``’n’``, ``’90s``) is an apostrophe. A single closing mark with no
  single quote open is an apostrophe too (``the victims’ families``).
- A quote never runs past its line unless the newspaper convention applies: the
  line ends inside the quote and the next paragraph opens with a double mark; then
  the quote continues there. Otherwise an open double quote stops at the end of its
  line (a missing closing mark never swallows the rest of the article) and an open
  single quote is dropped (it was most likely an apostrophe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from verify.model import Span

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
STRAIGHT = frozenset("\"'")
ALL_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE | STRAIGHT


@dataclass(frozen=True)
class Quotation:
    """One quoted passage, outermost level only (nested quotes are part of its text).

    ``parts`` are the inner spans (marks excluded, trimmed), one per paragraph the
    quote runs over. ``open_at`` is the offset of the first opening mark and
    ``close_end`` the offset just after the closing mark, or the end of the last
    part when the mark is missing (``closed`` is then False).
    """

    parts: tuple[Span, ...]
    open_at: int
    close_end: int
    closed: bool
    single: bool  # opened with a single mark

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    def text_in(self, text: str) -> str:
        return " ".join(text[p.start : p.end] for p in self.parts)


@dataclass
class _Open:
    """A quote mark waiting for its closing partner."""

    mark: str
    at: int
    single: bool
    parts: list[Span]
    part_start: int


class _OpenMarks:
    """The marks waiting for a partner, innermost last, with a count of the double ones.

    Every mark asks whether a double quote is open; the count answers in constant time
    however many single marks (apostrophes, mostly) are stacked above it.
    """

    def __init__(self) -> None:
        self.marks: list[_Open] = []
        self.doubles = 0

    def __bool__(self) -> bool:
        return bool(self.marks)

    @property
    def top(self) -> _Open:
        return self.marks[-1]

    def push(self, mark: _Open) -> None:
        self.marks.append(mark)
        self.doubles += not mark.single

    def pop(self) -> _Open:
        mark = self.marks.pop()
        self.doubles -= not mark.single
        return mark

    def keep_outermost(self) -> _Open:
        outer = self.marks[0]
        del self.marks[1:]
        self.doubles = int(not outer.single)
        return outer

    def clear(self) -> None:
        self.marks.clear()
        self.doubles = 0


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _family_closes(open_mark: str, ch: str) -> bool:
    """Whether ``ch`` may close a quote opened with ``open_mark`` (same family)."""
    if open_mark in "“„«\"”»":
        return ch in "”»\"" or (open_mark == "„" and ch == "“")
    return ch in "’›'" or (open_mark == "‚" and ch == "‘")


def _classify(text: str, i: int, stack: _OpenMarks) -> str:
    """'open', 'close' or 'none' (apostrophe, inch mark, stray) for the mark at ``i``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    double_open = stack.doubles > 0
    single_open = bool(stack) and stack.top.single
    if ch in DOUBLE_OPEN:
        if ch == "“" and stack and stack.top.mark == "„":
            return "close"
        return "open"
    if ch in SINGLE_OPEN:
        if ch == "‘" and stack and stack.top.mark == "‚":
            return "close"
        if _is_word(before) and _is_word(after):
            return "none"  # a mistyped apostrophe: Kadyrov‘s
        return "open"
    if ch in DOUBLE_CLOSE:
        if double_open:
            return "close"
        # A closing mark used as an opener (autocorrect at a line start).
        if (before.isspace() or before in "([—–―-") and not after.isspace():
            return "open"
        return "none"
    if ch == '"':
        if double_open:
            return "close"
        if before.isdigit():
            return "none"  # inches: 6'2"
        if after.isspace() or after == "\n":
            return "none"  # a stray closing mark
        return "open"
    # single quote or apostrophe: ’ › '
    if _is_word(before) and _is_word(after):
        return "none"  # don’t, Kadyrov’s
    if ch in "’'" and (before.isspace() or i == 0) and _is_word(after) and not single_open:
        if ch == "'":
            return "open"  # probably an opener; dropped at line end if never closed
        return "none"  # ’n’, ’90s, ’em
    if single_open:
        return "close"
    if ch == "'" and (before.isspace() or before in "([“\"—–") and not after.isspace():
        return "open"
    return "none"


def _trimmed(text: str, start: int, end: int) -> Span | None:
    # A comma before the closing mark ("“We will,” she said") is the writer's
    # punctuation, not the speaker's words.
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1  # a dash before the closing mark ("It is over —”) marks words cut off
    return Span(start, end) if end > start else None


def _next_line_start(text: str, i: int) -> int:
    """Offset of the first non-space character after the line break at ``i``."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    return j


# Two apostrophes standing for a double mark (''It is over,'' he said.), a style some US
# papers print; three or more in a row are left alone.
_TWO_APOSTROPHES = re.compile(r"(?<!')''(?!')")


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Every outermost quotation in ``text``, in order of position."""
    if "''" not in text:
        return _find_quotations(text)
    # Read each pair as one straight double mark in its second place (same length, so every
    # offset stays true), then let a quotation's opening mark start at the pair's first.
    masked = _TWO_APOSTROPHES.sub(' "', text)
    return tuple(
        replace(q, open_at=q.open_at - 1) if text[q.open_at - 1 : q.open_at + 1] == "''" else q
        for q in _find_quotations(masked)
    )


def _find_quotations(text: str) -> tuple[Quotation, ...]:
    found: list[Quotation] = []
    stack = _OpenMarks()
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            i = _line_break(text, i, stack, found)
            continue
        if ch not in ALL_MARKS:
            i += 1
            continue
        action = _classify(text, i, stack)
        if action == "open":
            stack.push(_Open(ch, i, ch in SINGLE_OPEN or ch in "'’", [], i + 1))
        elif action == "close":
            _close(text, i, ch, stack, found)
        i += 1
    if stack:
        _line_break(text, n, stack, found)
    return tuple(found)


def _close(text: str, i: int, ch: str, stack: _OpenMarks, found: list[Quotation]) -> None:
    # Close the innermost quote of this family; a double mark also closes singles
    # left open inside it (a mismatched or missing single closing mark).
    single = ch in SINGLE_CLOSE or ch == "'" or (ch == "‘" and stack.top.mark == "‚")
    while stack:
        top = stack.pop()
        if _family_closes(top.mark, ch) and top.single == single:
            if not stack:
                part = _trimmed(text, top.part_start, i)
                if part is not None:
                    parts = (*top.parts, part)
                    found.append(Quotation(tuple(parts), top.at, i + 1, True, top.single))
                elif top.parts:
                    found.append(Quotation(tuple(top.parts), top.at, i + 1, True, top.single))
            return
        if single:
            # A single closing mark never closes a double quote: put it back.
            stack.push(top)
            return


def _is_wrap(text: str, i: int) -> bool:
    """Whether the line break at ``i`` only wraps a paragraph (hard-wrapped text)."""
    nxt = _next_line_start(text, i)
    if nxt >= len(text) or "\n" in text[i + 1 : nxt]:
        return False  # a blank line (or the end) ends the paragraph
    j = i
    while j > 0 and text[j - 1] in " \t\r":
        j -= 1
    last = text[j - 1] if j > 0 else "."
    first = text[nxt]
    if first in ALL_MARKS or first in "—–―-*#>":
        return False
    if last in ".?!:…”\"’'" and not first.islower():
        return False
    return True


def _line_break(text: str, i: int, stack: _OpenMarks, found: list[Quotation]) -> int:
    """Handle the end of a line at ``i``; returns where scanning resumes."""
    if not stack:
        return i + 1
    if i < len(text) and _is_wrap(text, i):
        return i + 1
    # Single quotes never cross a line: they were apostrophes or typos.
    while stack and stack.top.single:
        stack.pop()
    if not stack:
        return i + 1
    outer = stack.keep_outermost()
    nxt = _next_line_start(text, i)
    part = _trimmed(text, outer.part_start, i)
    if nxt < len(text) and text[nxt] in DOUBLE_OPEN | {'"', "”"} and "\n" in text[i:nxt] and (
        (text[nxt] == '"') == (outer.mark == '"')  # the same style of mark reopens it
    ):
        # Newspaper convention: the quote reopens in the next paragraph.
        if part is not None:
            outer.parts.append(part)
        outer.part_start = nxt + 1
        return nxt + 1
    stack.clear()
    if part is not None:
        outer.parts.append(part)
    if outer.parts:
        found.append(Quotation(tuple(outer.parts), outer.at, outer.parts[-1].end, False, outer.single))
    return i + 1
