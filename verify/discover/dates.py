"""The draft's date: it bounds the search window and picks the archived copy of a page.

In order: the date the user gave (``--date``); a Markdown draft's front matter (``date:`` in a
``---`` block, or ``date =`` in a ``+++`` block); an HTML draft's ``article:published_time``
meta tag or JSON-LD ``datePublished``; else today. A timestamp counts by the calendar date it
was written with, not converted to UTC: that is the day the draft says it is from.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

Origin = Literal["option", "front matter", "page metadata", "today"]

_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_DATE = re.compile(r"^date[ \t]*[:=][ \t]*[\"']?(\d{4}-\d{2}-\d{2})", re.MULTILINE | re.IGNORECASE)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_PUBLISHED_NAMES = frozenset({"article:published_time", "datepublished", "date", "dc.date.issued", "pubdate"})
_JSON_LD_DATE = re.compile(r"[\"']datePublished[\"']\s*:\s*[\"'](\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_LEADING_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
_SCAN_CHARS = 200_000  # metadata sits in the head; a huge body is not searched to its end


def _parse(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def front_matter_date(text: str) -> date | None:
    """``date:`` (YAML) or ``date =`` (TOML) in a front-matter block at the very top."""
    block = _FRONT_MATTER.match(text)
    if block is None:
        return None
    found = _FRONT_MATTER_DATE.search(block.group(2))
    return _parse(found.group(1)) if found else None


def _meta_attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None) for m in _ATTRIBUTE.finditer(tag)}


def html_published_date(html: str) -> date | None:
    """The ``article:published_time`` meta tag (or a common equivalent), else JSON-LD
    ``datePublished``: what the publisher's page says about when it was published."""
    head = html[:_SCAN_CHARS]
    for tag in _META_TAG.finditer(head):
        attributes = _meta_attributes(tag.group(0))
        names = {attributes.get(key, "").lower() for key in ("property", "name", "itemprop")}
        if names & _PUBLISHED_NAMES:
            found = _LEADING_DATE.match(attributes.get("content", ""))
            parsed = _parse(found.group(1)) if found else None
            if parsed is not None:
                return parsed
    for found in _JSON_LD_DATE.finditer(head):
        parsed = _parse(found.group(1))
        if parsed is not None:
            return parsed
    return None


def draft_date(*, given: date | None, text: str, format: str, today: date) -> tuple[date, Origin]:
    """The draft's date and where it came from.

    ``text`` is the draft as read: for an HTML draft its markup (``Document.text`` holds only
    the visible words, without the head), for Markdown and text the text itself. ``format`` is
    ``Document.format`` ("text", "markdown" or "html").
    """
    if given is not None:
        return given, "option"
    if format in ("markdown", "text"):
        found = front_matter_date(text)
        if found is not None:
            return found, "front matter"
    if format == "html":
        found = html_published_date(text)
        if found is not None:
            return found, "page metadata"
    return today, "today"
