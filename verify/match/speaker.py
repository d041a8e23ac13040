"""Whether the source credits a passage to someone other than the draft's speaker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from verify.claims import speaker_of_passage
from verify.model import ClaimResult, Flag, SourceText


def name_words(mention: str) -> set[str]:
    """The capitalised words of a mention that can name someone ("Kadyrov"), lower-cased."""
    return {w.strip(".,’'s").lower() for w in mention.split() if w[:1].isupper() and len(w) > 2}


def same_speaker(ours: str, theirs: str) -> bool:
    """Two mentions name the same speaker when they share a capitalised name word ("Kadyrov");
    a mention with no such word ("the spokesperson") is taken to be anyone."""
    mine, other = name_words(ours), name_words(theirs)
    return not mine or not other or bool(mine & other)


def with_speaker_check(result: ClaimResult, texts: Mapping[str, SourceText]) -> ClaimResult:
    """``result`` with ``speaker_mismatch`` when its evidence is credited to someone else."""
    evidence, speaker = result.evidence, result.claim.speaker
    if evidence is None or evidence.source not in texts or Flag.SPEAKER_MISMATCH in result.flags:
        return result
    # A speaker with no name word ("the spokesperson") is the same as anyone: nothing to look up.
    if speaker is None or not speaker.name or not name_words(speaker.name):
        return result
    source = texts[evidence.source]
    text = source.text if evidence.in_main_text else (source.full_text or source.text)
    attributed = speaker_of_passage(text, evidence.start, evidence.end)
    if attributed and not same_speaker(speaker.name, attributed):
        return replace(result, flags=(*result.flags, Flag.SPEAKER_MISMATCH))
    return result
