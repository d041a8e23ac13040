"""How a Markdown draft looks in the HTML report: its markup read as formatting, every character kept.

The draft panel must keep every character of the article text, since the claim highlights
are offsets into it. So Markdown is not converted: each character gets a style, the markup
characters (``#``, ``**``, ``[``, ``](url)``, backticks, ``>``) the style ``hide``, and the
page hides them and shows the rest as a heading, strong or emphasised text, a link's text or
code. Each pattern is bounded to one line and a few hundred characters, so the work stays
linear in the length of the draft whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

HIDE, HEADING, STRONG, EMPHASIS, LINK, CODE = "hide", "h", "strong", "em", "a", "code"

_HEADING = re.compile(r"^(#{1,6}[ \t]+)([^\n]*)$", re.MULTILINE)
_QUOTE_MARKER = re.compile(r"^(>[ \t]?)", re.MULTILINE)
_LINK = re.compile(r"(!?\[)([^\]\n]{1,200})(\]\([^)\s]{0,500}\))")
_CODE = re.compile(r"(`{1,3})([^`\n]{1,300})(\1)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)(\1)")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]{1,300}?)(?<=[^\s*_])(\1)(?![\w*])")


def styles(text: str) -> list[str]:
    """One style per character of ``text`` ('' for plain text)."""
    marks = [""] * len(text)

    def paint(start: int, end: int, style: str, *, over: bool = False) -> None:
        for k in range(start, end):
            if over or not marks[k]:
                marks[k] = style

    for match in _HEADING.finditer(text):
        paint(*match.span(1), HIDE, over=True)
        paint(*match.span(2), HEADING)
    for match in _QUOTE_MARKER.finditer(text):
        paint(*match.span(1), HIDE, over=True)
    for pattern, style in ((_CODE, CODE), (_LINK, LINK), (_STRONG, STRONG), (_EMPHASIS, EMPHASIS)):
        for match in pattern.finditer(text):
            if any(marks[k] == HIDE for k in range(*match.span())):
                continue  # inside markup already read (a link's address, a code span)
            paint(*match.span(1), HIDE, over=True)
            paint(*match.span(3), HIDE, over=True)
            paint(*match.span(2), style, over=marks[match.start(2)] in ("", HEADING))
    return marks


def runs(text: str, marks: list[str], start: int) -> Iterator[tuple[str, str]]:
    """``text`` (which begins at offset ``start`` of the draft) cut where its style changes."""
    if not text:
        return
    begin = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or marks[start + k] != marks[start + begin]:
            yield marks[start + begin], text[begin:k]
            begin = k
