"""Small helpers shared by the extraction tests."""

from __future__ import annotations

from verify.claims import extract_claims
from verify.document import load_text
from verify.model import Claim


def claims_of(text: str) -> tuple[Claim, ...]:
    return extract_claims(load_text(text, format="text"))


def claim_starting(text: str, words: str) -> Claim:
    """The claim whose text begins with ``words`` (fails the test if there is none)."""
    found = [c for c in claims_of(text) if c.text.startswith(words)]
    assert found, f"no claim starts with {words!r}: {[c.text for c in claims_of(text)]}"
    return found[0]
