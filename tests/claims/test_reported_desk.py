"""Reported speech in shapes met in whole fictional articles (``tests/claims/articles/desk-*``).

Each row is a short fictional sentence; the expected reported claims are (content, speaker
as written) in order. Rows that expect nothing are forms that state no one's words.
"""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind

ROWS = [
    # (id, text, [(content, speaker)])
    # "no" opens a subject when its noun has a verb
    ("said-no-decision", "Philip Amis said no decision had been made.", [("no decision had been made", "Philip Amis")]),
    ("said-no-one", "Police said no one was hurt.", [("no one was hurt", "Police")]),
    ("said-no-to", "Lind said no to the plan.", []),
    ("said-no-more", "Lind said no more than that.", []),
    # channels between the cue and the clause
    (
        "on-state-television",
        "Dresh said on state television that the talks had failed.",
        [("the talks had failed", "Dresh")],
    ),
    (
        "statement-read-to-court",
        "Her mother said in a statement read to the court that her daughter woke at night.",
        [("her daughter woke at night", "Her mother")],
    ),
    # a demonstrative and its noun before a stop is an object
    ("confirm-that-figure", "We could not confirm that figure; the budget shows 31 posts.", []),
    ("said-that-repeatedly", "Lind said that repeatedly.", []),
    # "according to" with a noun taking "to", or a participle saying who they are
    (
        "according-report-to",
        "According to a report to the cabinet, the council faces a gap of 11 million.",
        [("the council faces a gap of 11 million", "a report to the cabinet")],
    ),
    (
        "according-participle",
        "According to aid agencies working in the province, 30,000 people have fled.",
        [("30,000 people have fled", "aid agencies")],
    ),
    # a number opens a clause only when a verb follows
    ("number-object", "Lumina recalls 40,000 batteries after fires.", []),
    (
        "number-subject",
        "The ministry said 7,900 patients had waited longer than a year.",
        [("7,900 patients had waited longer than a year", "The ministry")],
    ),
    # a passive announcement inside a time clause is when, not what
    (
        "passive-in-time-clause",
        "When the plan was announced in 2019, councillors said it would cost 48 million.",
        [("it would cost 48 million", "councillors")],
    ),
    (
        "passive-concessive",
        "While a curfew was announced for midnight, police did not enforce it.",
        [("a curfew was announced for midnight", None)],
    ),
    # what a court or an inquest heard, from a speaker left unnamed
    ("court-heard", "The court heard that the wall fell on the children.", [("the wall fell on the children", None)]),
    (
        "inquest-heard-how",
        "The inquest heard how the driver had been awake for 20 hours.",
        [("the driver had been awake for 20 hours", None)],
    ),
    ("we-heard", "We heard that the pier was closed.", []),
    # the same after the statement, at the end or between commas, and what follows the commas with it
    (
        "statement-then-the-court-heard",
        "The builder had skipped the safety checks for a year, the court heard.",
        [("The builder had skipped the safety checks for a year", None)],
    ),
    (
        "statement-then-named-court-heard-then-and",
        "The clerk had kept the rents, Dunmore Crown Court heard, and spent them on a boat.",
        [("The clerk had kept the rents and spent them on a boat", None)],
    ),
    (
        "statement-then-the-inquest-was-told",
        "The rope had frayed, the inquest was told on Monday, and the harness had no tag.",
        [("The rope had frayed and the harness had no tag", None)],
    ),
    # as after "the court was told", the trailing cue credits the whole sentence, a cue inside it included
    (
        "told-police-then-the-court-heard",
        "Marr told police he had slept through the fire, the court heard.",
        [("Marr told police he had slept through the fire", None)],
    ),
    # after a statement told in the past, an as-clause in the present is the writer's
    (
        "as-clause-now",
        "Harlan told farmers that she would end the tariffs, as she tries to win back rural voters.",
        [("she would end the tariffs", "Harlan")],
    ),
    ("number-headline-object", "Lumina recalls 40,000 e-bike batteries after fires", []),
    ("number-admitted", "Tom Vale admitted 14 counts of fraud.", [("14 counts of fraud", "Tom Vale")]),
    # a channel with a participle and a day before "that", not a clause of its own
    (
        "survey-published-day-that",
        "The federation said in a survey published Wednesday that a third of its members expected to cut staff.",
        [("a third of its members expected to cut staff", "The federation")],
    ),
    # a second verb of saying after a partial quote: the clause's subject says it
    (
        "called-then-and-said",
        "The mayor called the audit “a hatchet job” and said the ferry would keep running.",
        [("the ferry would keep running", "The mayor")],
    ),
    (
        "aside-called-then-and-said",
        'Ana Lind, for her part, called the figures "guesswork" and said her plan would build 900 homes.',
        [("her plan would build 900 homes", "Ana Lind")],
    ),
    # a relative clause between commas, then "now says"
    (
        "who-clause-now-says",
        "Tom Vale, who voted for the levy last year, now says he would cut it in half.",
        [("he would cut it in half", "Tom Vale")],
    ),
    # "…, then conceded that": the same subject's second verb
    (
        "comma-then-conceded",
        "Vale predicted a vote by Friday, then conceded that the numbers were not there.",
        [("the numbers were not there", "Vale")],
    ),
    # a programme named after whom it was told: neither is part of the statement
    (
        "told-network-programme-that",
        "Farrow told Coast News Channel’s “Harbour Hour” that the inquiry was a witch hunt.",
        [("the inquiry was a witch hunt", "Farrow")],
    ),
    (
        "told-host-of-programme",
        "Farrow told the host of “Harbour Hour” the inquiry was a witch hunt.",
        [("the inquiry was a witch hunt", "Farrow")],
    ),
    # a participle before a noun, after a preposition or a number, is an adjective of the subject
    (
        "survey-of-registered-voters",
        "The survey of 1,200 registered voters found 52 percent opposed the levy.",
        [("52 percent opposed the levy", "The survey of 1,200 registered voters")],
    ),
    (
        "letter-from-concerned-parents",
        "A letter from concerned parents said the crossing was unsafe.",
        [("the crossing was unsafe", "A letter from concerned parents")],
    ),
    # what the speaker left unsaid is the writer's report, not more of the statement
    (
        "but-declined-to-name",
        "Upshaw said several members had apologized but declined to name them.",
        [("several members had apologized", "Upshaw")],
    ),
    (
        "and-refused-questions",
        "Lind said the pier would close and refused to take questions.",
        [("the pier would close", "Lind")],
    ),
    (
        "and-would-not-comment",
        "The agency said it had opened an inquiry and would not comment further.",
        [("it had opened an inquiry and would not comment further", "The agency")],
    ),
    # a plural subject with a common verb in the present opens the clause
    (
        "said-plural-present",
        "Tom Vale said the rumours travel further than the facts.",
        [("the rumours travel further than the facts", "Tom Vale")],
    ),
    ("said-buses-run", "Lind said the buses run late most days.", [("the buses run late most days", "Lind")]),
    ("say-voters-remain", "Officials say voters remain unconvinced.", [("voters remain unconvinced", "Officials")]),
    ("promised-workers-help", "Vale promised the workers help.", []),
    # "no one" and a phrase before its verb
    (
        "said-no-one-at",
        "Vale called the report “fiction” and said no one at the dinner had seen the mayor leave.",
        [("no one at the dinner had seen the mayor leave", "Vale")],
    ),
    # a joke's or a boast's content, after "that"
    (
        "joked-that",
        "Tom Vale joked that his doctor worried more about his cooking.",
        [("his doctor worried more about his cooking", "Tom Vale")],
    ),
    ("joked-about", "Tom Vale joked about the weather.", []),
    (
        "bragged-that",
        "Ana Lind bragged that the donors loved every word.",
        [("the donors loved every word", "Ana Lind")],
    ),
    # an "-ing" word before a plural subject describes it; a participle's phrase before the subject is no speaker
    (
        "gerund-adjective-subject",
        "Running mates rarely matter, said Ana Lind, a historian at Fenwick College.",
        [("Running mates rarely matter", "Ana Lind")],
    ),
    (
        "participle-phrase-late",
        "Running late, the mayor said the pier was unsafe.",
        [("the pier was unsafe", "the mayor")],
    ),
    # a passive verb of writing or saying with no "that" names the thing, not what it says
    ("memo-was-written", "The memo was written two weeks before the board voted.", []),
    ("was-announced-that", "It was announced that the pier would close.", [("the pier would close", None)]),
    # a relative clause hangs on the object before it, a bare plural too, not on the clause before that
    (
        "who-after-bare-plural",
        "He spoke to listeners who said they had doubts about the mayor.",
        [("they had doubts about the mayor", "listeners")],
    ),
    (
        "who-after-object-of-past",
        "The board met residents who said the pier was unsafe.",
        [("the pier was unsafe", "residents")],
    ),
    # what people habitually say
    (
        "like-to-say",
        "Supporters of the levy like to say it pays for itself.",
        [("it pays for itself", "Supporters of the levy")],
    ),
    ("would-like-to-say", "I would like to say thank you to the crew.", []),
    # a long trailing cue followed by a comma and when it happened
    (
        "trailing-cue-comma-after",
        "Bin rounds will move to once a fortnight, the council has confirmed, after councillors approved a budget "
        "that cuts 4 million from street services.",
        [("Bin rounds will move to once a fortnight", "the council")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported_desk(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected
