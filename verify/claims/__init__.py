"""Claims in a draft: quotes, partial quotes, reported speech and terms, with speakers.

Public entry points (pure functions, no I/O):

- ``extract_claims(document) -> tuple[Claim, ...]``: every claim in order of position,
  ids "C1", "C2", …
- ``speaker_of_passage(text, start, end) -> str | None``: who a passage of a *source*
  text is attributed to, if the source says (used for ``speaker_mismatch``).
"""

from __future__ import annotations

from functools import lru_cache

from verify.claims.claims import extract
from verify.document import load_text
from verify.model import Claim, ClaimKind, Document

__all__ = ["extract_claims", "speaker_of_passage"]


def extract_claims(document: Document) -> tuple[Claim, ...]:
    """Every quote, partial quote, reported statement and term in ``document``, in order."""
    return extract(document)


@lru_cache(maxsize=8)
def _source_claims(text: str) -> tuple[Claim, ...]:
    # The matcher asks about many passages of the same source text: read it once.
    return extract(load_text(text, format="text"))


def speaker_of_passage(text: str, start: int, end: int) -> str | None:
    """Who the passage ``text[start:end]`` of a source is attributed to, if the source says.

    The passage counts as attributed when at least half of it lies inside one
    quotation or reported statement of the source whose speaker is known; the
    speaker is returned as the source names it (pronouns resolved).
    """
    if not text or end <= start:
        return None
    length = end - start
    best: tuple[int, str] | None = None
    for claim in _source_claims(text):
        if claim.kind is ClaimKind.TERM or claim.speaker is None or claim.speaker.name is None:
            continue
        parts = claim.parts or (claim.span,)
        overlap = sum(max(0, min(end, p.end) - max(start, p.start)) for p in parts)
        if overlap * 2 < length:
            continue
        # Prefer a quotation over the reported sentence around it.
        rank = overlap + (length if claim.kind is not ClaimKind.REPORTED else 0)
        if best is None or rank > best[0]:
            best = (rank, claim.speaker.name)
    return best[1] if best else None
