"""The desk archive as a discovery search backend, asked before any search engine.

A request's phrase is searched as a phrase and its keywords as words; ``site`` keeps that
domain's pages. The archive knows when it fetched a page, not when the page was published,
so ``published`` is None; a page fetched before ``since`` was published before it too, and
is left out. A local file, which discovery cannot fetch, is never a hit.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from verify.archive.query import fts_query
from verify.archive.store import DeskArchive
from verify.discover.types import BackendFailure, SearchHit, SearchRequest
from verify.errors import InputError


def request_words(request: SearchRequest) -> str:
    """The request as archive search words: the phrase in quotes, then the keywords."""
    phrase = f'"{request.phrase.replace(chr(34), " ")}"' if request.phrase else ""
    return " ".join(part for part in (phrase, *request.keywords) if part)


class ArchiveBackend:
    """Searches the desk archive of ``cache_dir``; private snapshots only with ``allow_private``."""

    name = "archive"

    def __init__(self, cache_dir: Path, *, allow_private: bool = False, limit: int = 10) -> None:
        self.archive = DeskArchive(cache_dir)
        self.allow_private = allow_private
        self.limit = limit

    def search(self, request: SearchRequest) -> tuple[SearchHit, ...]:
        words = request_words(request)
        since = datetime.combine(request.since, time.min, UTC).timestamp() if request.since else None
        try:
            hits = self.archive.search(
                words, limit=self.limit, allow_private=self.allow_private, site=request.site, fetched_since=since
            )
        except InputError as exc:
            raise BackendFailure(self.name, "the desk archive cannot be read") from exc
        query = fts_query(words) or ""
        return tuple(
            SearchHit(
                url=hit.final_url or hit.location,
                title=hit.title or "",
                snippet=hit.snippet,
                published=None,
                backend=self.name,
                query=query,
                rank=rank,
            )
            for rank, hit in enumerate((h for h in hits if not h.local), start=1)
        )
