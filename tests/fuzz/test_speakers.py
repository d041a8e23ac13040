"""Speakers over generated drafts: transcript turns credited to their labels, never to a note,
a time or a date; a speaker is never a time or a figure; "she" never goes to a man named later."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import drafts, phrase
from verify.claims import extract_claims
from verify.claims.attribution import words
from verify.claims.lexicon import names_a_time
from verify.claims.transcript import SPEAKER_LINE, _labelled_lines
from verify.document import load_text
from verify.model import ClaimKind

SPEAKERS = ["Ana Lind", "TOM VALE", "Judge Amy Hart", "Dr Rosa Lind", "Nell Grey"]
NOT_SPEAKERS = ["UPDATE", "Correction", "Photo", "Editor's note", "Read more", "10:30", "2024", "Oct. 3", "Monday"]
WOMEN = ["Ingrid Solberg", "Siobhan Carey", "Agnieszka Wrona", "Dagny Holm", "Priya Shah"]
MEN = ["Magnus Ek", "Tomasz Nowak", "Bjorn Lie", "Olaf Berg", "Carlos Ruiz"]
sentence_words = phrase.filter(lambda p: len(p.split()) >= 3 and ":" not in p and "\n" not in p)


@given(turns=st.lists(st.tuples(st.sampled_from(SPEAKERS), sentence_words), min_size=2, max_size=6),
       gap=st.sampled_from(["\n", "\n\n"]))  # fmt: skip
def test_each_turn_of_a_transcript_is_its_speakers(turns: list[tuple[str, str]], gap: str) -> None:
    text = gap.join(f"{name}: {said}" for name, said in turns)
    claims = extract_claims(load_text(text, format="text"))
    if len({name for name, _ in turns}) < 2:
        return  # one speaker twice is no transcript
    at = 0
    for name, _ in turns:
        start = text.index(f"{name}: ", at) + len(name) + 2
        at = start
        owner = [c for c in claims if c.kind is ClaimKind.DIRECT and c.span.start == start]
        assert len(owner) == 1, (text, name)
        assert owner[0].speaker is not None and owner[0].speaker.name == name


@given(labels=st.lists(st.sampled_from(NOT_SPEAKERS), min_size=2, max_size=6), said=sentence_words)
def test_notes_times_and_dates_are_never_turns(labels: list[str], said: str) -> None:
    text = "\n\n".join(f"{label}: {said}" for label in labels)
    for claim in extract_claims(load_text(text, format="text")):
        assert claim.speaker is None or claim.speaker.name not in NOT_SPEAKERS


@given(text=drafts)
def test_no_speaker_is_a_time_or_a_figure(text: str) -> None:
    for claim in extract_claims(load_text(text, format="text")):
        if claim.speaker is not None and claim.speaker.name:
            assert not names_a_time([w.norm for w in words(claim.speaker.name)]), claim.speaker.name


@given(woman=st.sampled_from(WOMEN), man=st.sampled_from(MEN), said=sentence_words, order=st.booleans())
def test_she_and_he_skip_the_other_gender(woman: str, man: str, said: str, order: bool) -> None:
    first, second, pronoun = (woman, man, "she") if order else (man, woman, "he")
    text = f"“The pier is shut,” said {first}. {second} disagreed. “{said.capitalize()},” {pronoun} said."
    claims = [c for c in extract_claims(load_text(text, format="text")) if c.kind is ClaimKind.DIRECT]
    assert claims[-1].speaker is not None and claims[-1].speaker.name == first, text


CLAUSES = ["the pier is older than the town", "fares will rise by a third in May", "the ferry has been sold"]


@given(name=st.sampled_from(SPEAKERS[2:] + WOMEN), clause=st.sampled_from(CLAUSES),
       shape=st.sampled_from(["As {n} noted, {c}.", "{C}. According to {n}.", "{C}. {n} said Tuesday."]))  # fmt: skip
def test_a_cue_before_or_after_the_clause_credits_it(name: str, clause: str, shape: str) -> None:
    text = shape.format(n=name, c=clause, C=clause.capitalize())
    reported = [c for c in extract_claims(load_text(text, format="text")) if c.kind is ClaimKind.REPORTED]
    assert [c.text.lower() for c in reported] == [clause.lower()], text
    assert reported[0].speaker is not None and reported[0].speaker.name == name, text


@given(st.lists(st.sampled_from(["Ana Lind", "MR T. BALE", "Venue", ": ", ":", "\n", "\n\n", " ", "- ", "**", "(Mayor)",
                                 "> ", "\t", "words.", "10:30"]), max_size=30).map("".join))  # fmt: skip
def test_labelled_lines_are_the_speaker_lines_a_full_scan_finds(text: str) -> None:
    assert [m.span() for m in _labelled_lines(text)] == [m.span() for m in SPEAKER_LINE.finditer(text)]
