"""A person's search words as an FTS5 query that cannot be a syntax error.

Words in double quotes (straight or curly) are a phrase; every other word is a term of its
own; all must match. Each phrase and term is written as an FTS5 string, with its own double
quotes doubled, so ``AND``, ``NEAR(…)``, ``title:``, ``*`` or a stray quote in the input are
searched as words and never read as operators. Pure: no database.
"""

from __future__ import annotations

import re

from verify.surrogates import replace_lone_surrogates

# An opening quote, then everything up to the matching close (or the end of the input).
_PHRASE = re.compile(r"[\"“”„](.*?)(?:[\"“”„]|$)", re.DOTALL)


def query_parts(words: str) -> tuple[str, ...]:
    """The phrases and terms of ``words``, in order, each with at least one letter or digit."""
    words = replace_lone_surrogates(words).replace("\x00", " ")
    parts: list[str] = []
    position = 0
    for found in _PHRASE.finditer(words):
        parts.extend(words[position : found.start()].split())
        parts.append(" ".join(found.group(1).split()))
        position = found.end()
    parts.extend(words[position:].split())
    return tuple(part for part in parts if any(ch.isalnum() for ch in part))


def fts_query(words: str) -> str | None:
    """The FTS5 MATCH expression for ``words``; None when they hold no word to search for."""
    parts = query_parts(words)
    if not parts:
        return None
    return " ".join('"' + part.replace('"', '""') + '"' for part in parts)
