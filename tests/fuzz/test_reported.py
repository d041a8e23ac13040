"""Reported speech over generated sentences: each way a newsroom attributes a statement gives
one reported claim of exactly the clause, credited to the speaker; verbs that do not report
speech give none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verify.claims import extract_claims
from verify.document import load_text
from verify.model import ClaimKind

PEOPLE = ["Judge Amy Hart", "Dr Rosa Lind", "Nell Grey", "Ingrid Solberg", "Priya Shah"]
BODIES = ["the harbour board", "The Teachers' Union", "Moscow"]
CLAUSES = ["the pier is older than the town", "fares will rise by a third in May", "the ferry has been sold",
           "more than 1,400 posts are empty", "bus journeys had fallen by 9 percent"]  # fmt: skip
SHAPES = ["{n} said {c}.", "{n} says {c}.", "{n} said that {c}.", "{n} told the Coastal Times that {c}.",
          "{n} told [the Coastal Times](https://coastal.example/a) that {c}.", "{n} said on Monday that {c}.",
          "{n} said in a statement on Friday that {c}.", "{C}, {n} said.", "{C}, {n} said on Monday.",
          "{n} was quoted as saying {c}.", "{n} warned {c}.", "{n} insisted that {c}.", "According to {n}, {c}.",
          "{C}, according to {n}."]  # fmt: skip
APPOSITIVES = ["{n}, the treasurer, said {c}.", "The treasurer, {n}, said {c}."]
NOT_SPEECH = ["{n} called the plan “a fantasy.”", "{n} backed the plan.", "{n} wants the pier to close.",
              "{n} promised a veto.", "{n} said the same thing."]  # fmt: skip


def _reported(text: str) -> list[tuple[str, str | None]]:
    claims = extract_claims(load_text(text, format="markdown"))
    return [(c.text, c.speaker.name if c.speaker else None) for c in claims if c.kind is ClaimKind.REPORTED]


@given(name=st.sampled_from(PEOPLE + BODIES), clause=st.sampled_from(CLAUSES), shape=st.sampled_from(SHAPES))
def test_each_shape_of_attribution_credits_the_clause_to_its_speaker(name: str, clause: str, shape: str) -> None:
    text = shape.format(n=name, c=clause, C=clause[0].upper() + clause[1:])
    assert [(t.lower(), who) for t, who in _reported(text)] == [(clause.lower(), name)], text


@given(name=st.sampled_from(PEOPLE), clause=st.sampled_from(CLAUSES), shape=st.sampled_from(APPOSITIVES))
def test_a_role_beside_the_name_leaves_the_name_speaking(name: str, clause: str, shape: str) -> None:
    text = shape.format(n=name, c=clause)
    assert _reported(text) == [(clause, name)], text


@given(name=st.sampled_from(PEOPLE + BODIES), shape=st.sampled_from(NOT_SPEECH))
def test_verbs_that_do_not_report_speech_give_no_statement(name: str, shape: str) -> None:
    text = shape.format(n=name)
    assert _reported(text) == [], text


# When, where and how it was said, between the cue and "that".
WHEN = ["a day later", "the next day", "afterward", "more than once", "late last week", "two weeks ago",
        "back in 2004", "via Twitter", "on Radio Dover", "in a series of tweets", "in remarks at the Dover Club",
        "in a conference call with reporters", "while campaigning in Ohio", "in an interview published Sunday",
        "without naming the mayor"]  # fmt: skip
# A phrase set apart after the subject.
ASIDES = ["however", "54", "a Democrat", "D-Del.", "for her part", "speaking on Monday",
          "whose family has run boats for decades", "who took office in May"]  # fmt: skip
# Whom it was told, then a bare clause.
WHOM = ["residents", "lawmakers", "a packed hall", "host Tom Vale", "reporters outside the courthouse",
        "a group of fishermen", "an audience in Dover", "the crowd at the port",
        "the host of “Harbour Hour”", "Coast News Channel’s “Harbour Hour”"]  # fmt: skip
# The writer's words after the statement.
TAILS = [", but the council disagreed", ", though she gave no reason", ", which is false",
         ", a claim the board denies", " -- a claim the board denies", ", citing the storm",
         ", the Coastal Times reported", " but declined to name them", " and refused to take questions",
         ", but gave no details"]  # fmt: skip


@given(name=st.sampled_from(PEOPLE + BODIES), clause=st.sampled_from(CLAUSES), when=st.sampled_from(WHEN))
def test_when_and_how_it_was_said_is_no_part_of_the_statement(name: str, clause: str, when: str) -> None:
    text = f"{name} said {when} that {clause}."
    assert _reported(text) == [(clause, name)], text


# Statements short enough to be read as a name after an inverted cue (", said the ferry costs too much").
SHORT = ["the ferry costs too much", "the pier needs work", "the town owes millions"]


@given(name=st.sampled_from(PEOPLE), clause=st.sampled_from(CLAUSES + SHORT), aside=st.sampled_from(ASIDES))
def test_a_phrase_set_apart_after_the_subject_leaves_it_speaking(name: str, clause: str, aside: str) -> None:
    text = f"{name}, {aside}, said {clause}."
    assert _reported(text) == [(clause, name)], text


@given(name=st.sampled_from(PEOPLE), clause=st.sampled_from([c for c in CLAUSES if c.startswith("the ")]),
       whom=st.sampled_from(WHOM))  # fmt: skip
def test_whom_it_was_told_is_no_part_of_the_statement(name: str, clause: str, whom: str) -> None:
    text = f"{name} told {whom} {clause}."
    assert _reported(text) == [(clause, name)], text


@given(name=st.sampled_from(PEOPLE + BODIES), clause=st.sampled_from(CLAUSES), tail=st.sampled_from(TAILS))
def test_the_writers_words_after_a_statement_are_no_part_of_it(name: str, clause: str, tail: str) -> None:
    text = f"{name} said {clause}{tail}."
    assert _reported(text) == [(clause, name)], text


# A second verb of the subject after a partial quote; a clause set apart before "now says"; a
# participle's phrase before the subject.
QUOTED = ["a hatchet job", "guesswork", "fiction from start to finish"]
OPENERS = ["Running late", "Pointing to the map", "Looking back", "Speaking to reporters"]


@given(name=st.sampled_from(PEOPLE), clause=st.sampled_from(CLAUSES), quoted=st.sampled_from(QUOTED))
def test_a_second_verb_after_a_partial_quote_is_the_subjects(name: str, clause: str, quoted: str) -> None:
    text = f"{name} called the audit “{quoted}” and said {clause}."
    assert _reported(text) == [(clause, name)], text


@given(name=st.sampled_from(PEOPLE), clause=st.sampled_from(CLAUSES), aside=st.sampled_from(ASIDES[-2:]))
def test_a_clause_set_apart_before_now_says_leaves_the_subject_speaking(name: str, clause: str, aside: str) -> None:
    text = f"{name}, {aside}, now says {clause}."
    assert _reported(text) == [(clause, name)], text


@given(name=st.sampled_from(["the mayor", "the harbour board"]), clause=st.sampled_from(CLAUSES),
       opener=st.sampled_from(OPENERS))  # fmt: skip
def test_a_participles_phrase_before_the_subject_is_no_speaker(name: str, clause: str, opener: str) -> None:
    text = f"{opener}, {name} said {clause}."
    assert _reported(text) == [(clause, name)], text
