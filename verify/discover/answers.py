"""Search and archive answers kept beside the snapshots, so a re-check sends no query.

A search answer is kept for a day (the web changes; a day-old answer still finds the same
pages); an archive look-up for a past date, or an outlet's domains, for a month (a capture
before a date that has passed cannot change). ``offline`` answers from the cache only, whatever
an answer's age; ``refresh`` asks again and keeps the new answer. Failures are never kept:
the next run asks again.

Files: ``<cache>/answers/<kind>/<2 hex>/<sha256 of the question>.json``, each
``{"asked_at": epoch seconds, "question": {...}, "answer": ...}``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from verify.discover.types import ArchiveCapture, SearchHit, SearchRequest
from verify.sources.cache import atomic_write

DAY = 24 * 3600.0
SEARCH_KEPT = DAY
ARCHIVE_KEPT = 30 * DAY  # a look-up before a date that has passed
OUTLET_KEPT = 30 * DAY


@dataclass
class AnswerCache:
    """Answers by question, with how many questions were really sent (``asked``)."""

    root: Path  # the cache directory, shared with the snapshots
    offline: bool = False
    refresh: bool = False
    now: Callable[[], float] = time.time
    asked: int = 0  # questions sent to a service in this run
    misses: int = 0  # offline questions the cache could not answer
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # this run's answers, whatever the disk allows

    def search(
        self, backend: str, request: SearchRequest, ask: Callable[[SearchRequest], tuple[SearchHit, ...]]
    ) -> tuple[SearchHit, ...]:
        """``backend``'s hits for ``request``: from the cache when kept, else ``ask(request)`` (and kept)."""
        question = {"backend": backend, **_request_to_dict(request)}
        answer = self._answer("search", question, SEARCH_KEPT, lambda: [_hit_to_dict(h) for h in ask(request)])
        return tuple(_hit_from_dict(item) for item in answer or [])

    def capture(
        self, url: str, before: date, today: date, ask: Callable[[str, date], ArchiveCapture | None]
    ) -> ArchiveCapture | None:
        """The archive's capture of ``url`` closest before ``before``, or None when it has none."""
        question = {"url": url, "before": before.isoformat()}
        kept = ARCHIVE_KEPT if before < today else DAY  # a capture may still be made today

        def asked() -> dict[str, str] | None:
            found = ask(url, before)
            return None if found is None else {"url": found.url, "timestamp": found.timestamp,
                                               "original_url": found.original_url}  # fmt: skip

        answer = self._answer("archive", question, kept, asked)
        return None if not answer else ArchiveCapture(answer["url"], answer["timestamp"], answer["original_url"])

    def domains(self, name: str, ask: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
        """An outlet's official domains as an outside register gives them (empty when it knows none)."""
        answer = self._answer("outlet", {"name": name.casefold()}, OUTLET_KEPT, lambda: list(ask(name)))
        return tuple(str(d) for d in answer or [])

    def _answer(self, kind: str, question: dict[str, Any], kept: float, ask: Callable[[], Any]) -> Any:
        text = json.dumps(question, sort_keys=True, ensure_ascii=False)
        key = hashlib.sha256(f"{kind}\n{text}".encode()).hexdigest()
        if key in self.memo:
            return self.memo[key]
        path = self.root / "answers" / kind / key[:2] / f"{key}.json"
        if not self.refresh or self.offline:
            stored = _read(path)
            if stored is not None and (self.offline or self.now() - stored["asked_at"] < kept):
                self.memo[key] = stored["answer"]
                return stored["answer"]
        if self.offline:
            self.misses += 1
            return None
        self.asked += 1
        answer = ask()  # a BackendFailure passes through: failures are not kept
        self.memo[key] = answer
        record = {"asked_at": self.now(), "question": question, "answer": answer}
        try:
            atomic_write(path, json.dumps(record, ensure_ascii=False).encode())
        except OSError:
            pass  # a read-only cache costs the next run a query, not this run its answer
        return answer


def _read(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("asked_at"), int | float) or "answer" not in record:
        return None
    return record


def _request_to_dict(request: SearchRequest) -> dict[str, Any]:
    return {
        "kind": request.kind,
        "phrase": request.phrase,
        "keywords": list(request.keywords),
        "site": request.site,
        "since": request.since.isoformat() if request.since else None,
        "until": request.until.isoformat() if request.until else None,
    }


def _hit_to_dict(hit: SearchHit) -> dict[str, Any]:
    return {
        "url": hit.url,
        "title": hit.title,
        "snippet": hit.snippet,
        "published": hit.published.isoformat() if hit.published else None,
        "backend": hit.backend,
        "query": hit.query,
        "rank": hit.rank,
    }


def _hit_from_dict(data: dict[str, Any]) -> SearchHit:
    published = data.get("published")
    return SearchHit(
        url=str(data["url"]),
        title=str(data.get("title") or ""),
        snippet=str(data.get("snippet") or ""),
        published=date.fromisoformat(published) if isinstance(published, str) else None,
        backend=str(data["backend"]),
        query=str(data.get("query") or ""),
        rank=int(data.get("rank") or 1),
    )
