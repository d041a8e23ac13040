"""Transcript lines: ``NAME: words`` and ``NAME (Role): words``, as in Hansard or a court record.

A line of this shape credits its words to NAME. Labels that open notes rather than speech
(``UPDATE:``, ``Correction:``, ``Photo:``, ``Editor's note:``, ``Read more:``) and datelines
are never speakers.
"""

from __future__ import annotations

import re

# A name of one to five words, in capitals (MS R. OYELARAN) or Title Case (Judge Amy Hart),
# an optional role in brackets, then a colon and the words.
SPEAKER_LINE = re.compile(
    r"^[ \t>*-]*(?P<name>(?:[A-Z][\w’'.-]*\.?)(?:[ \t]+[A-Z][\w’'.-]*\.?){0,4})"
    r"(?:[ \t]*\((?P<role>[^()\n]{1,60})\))?[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
NOT_SPEAKERS = frozenset(
    "update updated correction corrections clarification photo photos picture image video caption "
    "source sources note editor’s editor's read more see also related watch listen warning disclaimer "
    "by credit credits pictured above below tags topics filed q a question answer".split()
)


def speaker_label(line_start_text: str) -> tuple[str, int] | None:
    """The speaker a transcript line names and where its words start, or None.

    ``line_start_text`` is the text from the start of a line.
    """
    m = SPEAKER_LINE.match(line_start_text)
    if m is None:
        return None
    name = m.group("name")
    first_words = {w.strip(".’'").lower() for w in name.split()}
    if first_words & NOT_SPEAKERS or _is_dateline(name):
        return None
    return name, m.end()


def _is_dateline(name: str) -> bool:
    """"Oct. 3", "Monday": a date that opens a story or a note, not a person."""
    return any(p.lower() in _DATE_WORDS for p in name.replace(".", " ").split())


_DATE_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday saturday sunday".split()
)
