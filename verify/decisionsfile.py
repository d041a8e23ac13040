"""Where a draft's editor decisions file lies (``verify.decisions`` reads and applies it).

Apart from ``verify.decisions`` so that every check can look for the file without loading
the code that applies it (and the baseline code that comes with it): most drafts have none.
"""

from __future__ import annotations

from pathlib import Path

DECISIONS_SUFFIX = ".verify.toml"


def decisions_file_for(draft_path: str | Path) -> Path:
    """Where a draft's decisions live: ``notes/draft.md`` → ``notes/draft.verify.toml``."""
    path = Path(draft_path)
    return path.with_name(path.stem + DECISIONS_SUFFIX)


def decisions_path(draft_path: str | None, explicit: str | Path | None = None) -> Path | None:
    """The decisions file for a draft: the one given, else DRAFT.verify.toml when it exists."""
    if explicit is not None:
        return Path(explicit)
    if draft_path is None:
        return None
    beside = decisions_file_for(draft_path)
    return beside if beside.is_file() else None
