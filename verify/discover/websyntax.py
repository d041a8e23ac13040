"""A ``SearchRequest`` in the query syntax general web search engines share.

``"exact phrase" extra words site:example.org``: Brave reads it as is, and SearXNG passes
it to its engines, most of which read the same operators.
"""

from __future__ import annotations

from verify.discover.types import SearchRequest


def quoted(phrase: str) -> str:
    """An exact-phrase operand; double quotes inside would end the phrase early, so they go."""
    words = phrase.replace('"', " ").split()
    return '"' + " ".join(words) + '"' if words else ""


def web_query(request: SearchRequest) -> str:
    parts = []
    if request.phrase:
        parts.append(quoted(request.phrase))
    parts.extend(word for word in request.keywords if word.strip())
    if request.site:
        parts.append(f"site:{request.site}")
    return " ".join(part for part in parts if part)
