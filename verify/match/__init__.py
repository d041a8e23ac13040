"""Matching claims against source texts: normalisation, candidate search, alignment, verdicts.

Public entry point (pure, no I/O):

- ``match_claims(claims, sources, *, preferred, failed) -> tuple[ClaimResult, ...]``
"""
