"""Claims in a draft: quotes, partial quotes, reported speech and terms, with speakers.

Public entry points (pure functions, no I/O):

- ``extract_claims(document) -> tuple[Claim, ...]``: every claim in order of position,
  ids "C1", "C2", …
- ``speaker_of_passage(text, start, end) -> str | None``: who a passage of a *source*
  text is attributed to, if the source says (used for ``speaker_mismatch``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from verify.claims.claims import extract
from verify.claims.lexicon import EVALUATIVE_VERBS, SPEECH_VERBS
from verify.claims.quotes import find_quotations
from verify.claims.reported import CUE_NOUNS
from verify.claims.transcript import speaker_label
from verify.document import BLANK_LINES, load_text, markdown_links
from verify.model import Claim, ClaimKind, Document

__all__ = ["extract_claims", "speaker_of_passage"]


# A Markdown link "[the Gazette](https://…)" reads as its anchor text: the brackets and the
# target are blanked out (same length, so every offset stays true) before extraction. An
# image "![alt](…)" is blanked whole: its alt text describes a picture, it is not prose.
_LINK_TARGET = re.compile(r"\(([^)\s]*)")
_LINK_CLOSE = re.compile(r"(?:\s+\"[^\"\n]*\")?\)")


def _without_link_markup(text: str) -> str:
    pieces: list[str] = []
    pos = 0
    for link in markdown_links(text, _LINK_TARGET, _LINK_CLOSE):
        if link.image:
            pieces += [text[pos : link.start - 1], " " * (link.end - link.start + 1)]
        else:
            pieces += [text[pos : link.start], " ", text[link.start + 1 : link.close], " " * (link.end - link.close)]
        pos = link.end
    pieces.append(text[pos:])
    return "".join(pieces)


def extract_claims(document: Document) -> tuple[Claim, ...]:
    """Every quote, partial quote, reported statement and term in ``document``, in order."""
    if document.format != "markdown" or "](" not in document.text:
        return extract(document)
    masked = replace(document, text=_without_link_markup(document.text))
    # Claim texts come from the draft as written, so text == article[start:end] holds.
    return tuple(
        replace(c, text=" ".join(document.text[p.start : p.end] for p in (c.parts or (c.span,))))
        for c in extract(masked)
    )


# How much of a source around a passage is read to find who said it: enough before it for a
# pronoun to find its name, a little after for a trailing "she said". Reading a window, not
# the whole source, keeps the cost per evidence constant however long the source is.
PASSAGE_CONTEXT_BEFORE = 1500
PASSAGE_CONTEXT_AFTER = 300


@lru_cache(maxsize=4096)
def _window_claims(window: str) -> tuple[Claim, ...]:
    # The same window is asked about again when several claims match one passage, and in a
    # batch when several drafts quote one passage.
    return extract(load_text(window, format="text"))


def _paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Paragraph-aligned bounds around ``[start, end)``, so no sentence is cut in half."""
    lo = max(0, start - PASSAGE_CONTEXT_BEFORE)
    if lo > 0:
        lo = text.find("\n", lo, start) + 1  # 0 (start of text) when no line break is near
    hi = min(len(text), end + PASSAGE_CONTEXT_AFTER)
    if hi < len(text):
        line_end = text.find("\n", hi)
        hi = len(text) if line_end < 0 else line_end
    return lo, hi


# Words without which no sentence is reported speech: every speech verb the extractor knows,
# the verbs that attribute a quoted word, "according (to)" and the nouns of "X's claim that".
_CUE_WORDS = SPEECH_VERBS | EVALUATIVE_VERBS | CUE_NOUNS | {"according"}
_LETTERS = re.compile(r"[A-Za-z]+")


def _paragraph_claims(text: str, start: int, end: int) -> tuple[tuple[Claim, ...], int] | None:
    """The claims of the passage's own paragraph that cover half of it, and the paragraph's start;
    None when no claim there does.

    First the cheapest test: a paragraph with neither a quotation nor a cue word holds no
    claim. Then the claims of the paragraph alone (a few hundred characters): if none covers
    half the passage, the wide window would find none either, since a quotation or reported
    statement lies within its paragraph (a quote run on over paragraphs still leaves a
    quotation here).
    """
    lo, hi = _paragraph_of(text, start, end)
    paragraph = text[lo:hi]
    if not find_quotations(paragraph) and _CUE_WORDS.isdisjoint(w.lower() for w in _LETTERS.findall(paragraph)):
        return None
    if "\n" in paragraph:
        paragraph += "\n\n"  # read as one paragraph, as in the wide window: not as one per line
    covering = tuple(c for c in _window_claims(paragraph) if 2 * _overlap(c, start - lo, end - lo) >= end - start)
    return (covering, lo) if covering else None


def _credit(claims: Sequence[Claim], start: int, end: int) -> Claim | None:
    """The claim a passage is credited through: the one covering most of it, a quotation
    before the reported sentence around it; only claims whose speaker has a name."""
    length = end - start
    best: tuple[int, Claim] | None = None
    for claim in claims:
        overlap = _overlap(claim, start, end)
        if overlap * 2 < length or claim.speaker is None or claim.speaker.name is None:
            continue
        rank = overlap + (length if claim.kind is not ClaimKind.REPORTED else 0)
        if best is None or rank > best[0]:
            best = (rank, claim)
    return best[1] if best else None


def _paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the paragraph around ``[start, end)`` as the extractor reads paragraphs (blocks
    between blank lines, or lines in a text with no blank line), cut to the wide window."""
    if not BLANK_LINES.search(text):
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        return lo, hi if hi >= 0 else len(text)
    lo_limit, hi_limit = _paragraph_window(text, start, end)
    before = [gap.end() for gap in BLANK_LINES.finditer(text, lo_limit, start)]
    after = BLANK_LINES.search(text, end, hi_limit)
    return (before[-1] if before else lo_limit), (after.start() if after else hi_limit)


def _overlap(claim: Claim, start: int, end: int) -> int:
    """How many characters of ``[start, end)`` a claim (never a term) lies over."""
    if claim.kind is ClaimKind.TERM:
        return 0
    return sum(max(0, min(end, p.end) - max(start, p.start)) for p in claim.parts or (claim.span,))


def speaker_of_passage(text: str, start: int, end: int) -> str | None:
    """Who the passage ``text[start:end]`` of a source is attributed to, if the source says.

    The passage counts as attributed when at least half of it lies inside one
    quotation or reported statement of the source whose speaker is known; the
    speaker is returned as the source names it (pronouns resolved within the few
    paragraphs before the passage).
    """
    if not text or end <= start:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    label = speaker_label(text[line_start : min(len(text), line_start + 200)])
    if label is not None and line_start + label[1] <= start:
        return label[0]  # "MS R. OYELARAN (Finance Director): The reserve will last ..."
    local = _paragraph_claims(text, start, end)
    if local is None:
        return None
    covering, paragraph_start = local
    credit = _credit(covering, start - paragraph_start, end - paragraph_start)
    if (
        credit is not None
        and credit.speaker is not None
        and credit.speaker.resolved_from is None
        and credit.kind is not ClaimKind.REPORTED
    ):
        # A quotation whose speaker is named in its own paragraph: the wide window, read to
        # resolve pronouns a few paragraphs back, would credit it to the same name.
        return credit.speaker.name
    lo, hi = _paragraph_window(text, start, end)
    credit = _credit(_window_claims(text[lo:hi]), start - lo, end - lo)
    return credit.speaker.name if credit is not None and credit.speaker is not None else None
