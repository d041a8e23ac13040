"""Matching claims against source texts: normalisation, candidate search, alignment, verdicts.

Public entry point (pure, no I/O):

- ``match_claims(claims, sources, *, preferred=None, unavailable=frozenset(), deadline=NO_DEADLINE)
  -> tuple[ClaimResult, ...]``: one result per claim, same order. ``preferred`` maps a claim id
  to the ids of the sources of the outlet that claim names; ``unavailable`` holds the ids of
  sources that could not be fetched or read; ``deadline`` (``verify.deadline``) is polled
  before each claim.

Also public, for other stages that must compare text the same way:

- ``normalize(text) -> NormalizedText`` (the one normaliser, with a map back to the original)
- ``parse_quote(text) -> ParsedQuote`` (a quote split at its editorial marks)

Modules: ``normalize`` (folding + offset map), ``editorial`` (ellipses, brackets, [sic]),
``index`` (each text's words as a symbol string, built once per call), ``align`` (exact hits, fuzzy windows,
word alignment), ``quotes`` (placing a quote's segments in order), ``verdict`` (verdict, flags,
diff, evidence), ``reported`` (reported speech), ``matcher`` (the policy), ``thresholds``.
"""

from verify.match.editorial import ParsedQuote, parse_quote
from verify.match.matcher import match_claims
from verify.match.normalize import NormalizedText, normalize

__all__ = ["NormalizedText", "ParsedQuote", "match_claims", "normalize", "parse_quote"]
