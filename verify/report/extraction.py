"""Plain-text listing of extracted claims, for ``verify extract`` (no verdicts, no colour)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from verify.model import Claim


def _speaker(claim: Claim) -> str:
    if claim.speaker is None or claim.speaker.name is None:
        return "(unknown)"
    if claim.speaker.resolved_from:
        return f"{claim.speaker.name} (from “{claim.speaker.resolved_from}”)"
    return claim.speaker.name


def render_claims(claims: Sequence[Claim], *, width: int = 80) -> str:
    if not claims:
        return "No claims found."
    blocks = []
    for claim in claims:
        # People count paragraphs from 1, as the check reports do; the JSON field stays 0-based.
        head = f"{claim.id}  {claim.kind.value:<8}  ¶{claim.paragraph + 1}  {_speaker(claim)}"
        details = ", ".join(
            f"{label}: {value}" for label, value in (("cue", claim.cue), ("outlet", claim.outlet)) if value
        )
        body = textwrap.fill(f"“{claim.text}”", width=width, initial_indent="    ", subsequent_indent="    ")
        blocks.append("\n".join(filter(None, [head, f"    {details}" if details else "", body])))
    counted = sum(1 for c in claims if c.kind.value != "term")
    return "\n\n".join(blocks) + f"\n\n{counted} claims ({len(claims) - counted} terms listed, not checked)."
