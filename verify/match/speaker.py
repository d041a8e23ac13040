"""Whom the source credits a passage to, and what follows when that is not the draft's speaker.

Who said a passage is read by ``verify.claims.speaker_of_passage``; here it is only compared with
the draft's speaker. A different person named plainly next to the passage (in its sentence or
the one either side) makes the claim misattributed; a credit found further away (a pronoun
resolved a few paragraphs back) is less sure, so the verdict stands and the claim is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from verify.claims import speaker_of_passage
from verify.model import ClaimResult, Flag, Reason, SourceText, Verdict

# Words that make a draft's speaker a body rather than a person: a body speaks through people
# the source may name ("the Health Ministry said" for its spokesperson's words).
BODY_WORDS = frozenset(
    """ministry department office council police government company firm agency union party board
    authority committee commission service trust group association federation hospital school
    university court army embassy club bank team spokesperson spokesman spokeswoman campaign
    administration cabinet parliament assembly bureau institute foundation charity network
    organisation organization corporation coalition""".split()
)
# Words near a credit that make the person named someone who speaks for another.
SPEAKS_FOR_WORDS = frozenset(
    "spokesperson spokesman spokeswoman spokespeople representative behalf aide adviser advisor".split()
)
# Where a sentence ends in a source: a stop, then closing quotes or brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n\s*\n")
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019.-]*")


def name_words(mention: str) -> set[str]:
    """The capitalised words of a mention that can name someone ("Kadyrov"), lower-cased."""
    return {w.strip(".,’'s").lower() for w in mention.split() if w[:1].isupper() and len(w) > 2}


def same_speaker(ours: str, theirs: str) -> bool:
    """Two mentions name the same speaker when they share a capitalised name word ("Kadyrov");
    a mention with no such word ("the spokesperson") is taken to be anyone."""
    mine, other = name_words(ours), name_words(theirs)
    return not mine or not other or bool(mine & other)


def _neighbourhood(text: str, start: int, end: int) -> str:
    """The passage's sentences with the sentence before and the sentence after them."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    before = [e for e in ends if e <= start]
    after = [e for e in ends if e >= end]
    lo = before[-2] if len(before) >= 2 else 0
    hi = after[1] if len(after) >= 2 else len(text)
    return text[lo:hi]


def clearly_credited(text: str, start: int, end: int, attributed: str) -> bool:
    """Whether the name the source credits the passage to stands in its sentence or the next one."""
    names = {w.strip(".,").lower() for w in _CAPITALISED.findall(attributed)}
    names.discard("")
    if not names:
        return False
    nearby = {w.strip(".,").lower() for w in _CAPITALISED.findall(_neighbourhood(text, start, end))}
    return bool(names & nearby)


def is_body(speaker: str) -> bool:
    """Whether the draft's speaker is a body (a ministry, a council) rather than a person."""
    return bool({w.strip(".,’'").lower() for w in speaker.split()} & BODY_WORDS)


def speaks_for(speaker: str, nearby: str) -> bool:
    """Whether the source presents the person it credits as speaking for the draft's speaker:
    a spokesperson (or aide, representative) next to a name of the draft's speaker."""
    words = {w.strip(".,’'").lower() for w in nearby.split()}
    return bool(words & SPEAKS_FOR_WORDS) and bool(name_words(speaker) & name_words(nearby))


def with_speaker_check(result: ClaimResult, texts: Mapping[str, SourceText]) -> ClaimResult:
    """``result`` with its evidence's ``attributed_to``, and ``speaker_mismatch`` (or the reason
    ``misattributed``) when the source credits the passage to someone else."""
    evidence, speaker = result.evidence, result.claim.speaker
    if evidence is None or evidence.source not in texts:
        return result
    source = texts[evidence.source]
    text = source.text if evidence.in_main_text else (source.full_text or source.text)
    attributed = speaker_of_passage(text, evidence.start, evidence.end)
    if attributed is None:
        return result
    result = replace(result, evidence=replace(evidence, attributed_to=attributed))
    # A speaker with no name word ("the spokesperson") is the same as anyone.
    if speaker is None or not speaker.name or not name_words(speaker.name) or same_speaker(speaker.name, attributed):
        return result
    nearby = _neighbourhood(text, evidence.start, evidence.end)
    if speaks_for(speaker.name, nearby):
        return result
    flags = result.flags if Flag.SPEAKER_MISMATCH in result.flags else (*result.flags, Flag.SPEAKER_MISMATCH)
    # Overturned only when sure: words found, a person named next to them, and the draft's
    # speaker a person too (a body speaks through people the source may name without saying so).
    if (
        result.verdict is not Verdict.UNVERIFIED
        and not is_body(speaker.name)
        and clearly_credited(text, evidence.start, evidence.end, attributed)
    ):
        return replace(result, verdict=Verdict.UNVERIFIED, reason=Reason.MISATTRIBUTED, score=None, flags=flags)
    return replace(result, flags=flags)
