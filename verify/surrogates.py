"""Text that can always be encoded: lone surrogates replaced by U+FFFD.

A Python string may hold a surrogate code point on its own (``"\\ud800"`` from a JSON
escape, a file name read with ``surrogateescape``), which no UTF encoding can write. Each is
replaced by one U+FFFD, so every offset into the text stays true. Drafts pass through here
as they are read, and every rendered report as it leaves.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each surrogate code point replaced by U+FFFD (same length)."""
    if text.isascii():
        return text
    return _LONE_SURROGATE.sub(REPLACEMENT, text)
