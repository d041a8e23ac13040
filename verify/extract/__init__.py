"""Claims in a draft: quotes, partial quotes, reported speech and terms, with speakers.

Public entry points (pure functions, no I/O):

- ``extract_claims(document) -> tuple[Claim, ...]``: every claim in order of position,
  ids "C1", "C2", …
- ``speaker_of_passage(text, start, end) -> str | None``: who a passage of a *source*
  text is attributed to, if the source says (used for ``speaker_mismatch``).
"""
