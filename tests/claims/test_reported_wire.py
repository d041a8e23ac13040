"""Reported speech as wire services and daily papers write it.

City hall, courts, police, business, the campaign trail and the foreign desk: each row is a
short fictional sentence, and the expected reported claims are (content, speaker as written)
in order.
"""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind

ROWS = [
    # (id, text, [(content, speaker)])
    # a title that starts like a month is no time: "Mayor …, who …, said"
    (
        "title-like-a-month-then-who",
        "Mayor Delia Okonkwo, who proposed the plan in April, said the budget was balanced.",
        [("the budget was balanced", "Mayor Delia Okonkwo")],
    ),
    (
        "name-like-a-season-then-who",
        "Fallon Reyes, who led the search, said the boat had sunk.",
        [("the boat had sunk", "Fallon Reyes")],
    ),
    # plurals without "-s" and collective nouns speak too
    (
        "as-fishermen-warned",
        "The board will ask for a levy, its chair said, as fishermen warned that trade would move away.",
        [("The board will ask for a levy", "its chair"), ("trade would move away", "fishermen")],
    ),
    (
        "while-clergy-warned",
        "The pier will close, the mayor said, while clergy warned that families would suffer.",
        [("The pier will close", "the mayor"), ("families would suffer", "clergy")],
    ),
    (
        "as-fishermen-from-a-place",
        "The pier will close, the mayor said, as fishermen from the north shore warned that families would suffer.",
        [("The pier will close", "the mayor"), ("families would suffer", "fishermen from the north shore")],
    ),
    # after a semicolon a new clause names its own speaker
    (
        "semicolon-then-speaker",
        "The port has asked for more time; its director said the pier was safe.",
        [("the pier was safe", "its director")],
    ),
    # a relative clause with "that" after the speaker is who it is
    (
        "speaker-that-sells",
        "A dairy cooperative that sells milk to the chain said prices had been cut.",
        [("prices had been cut", "A dairy cooperative")],
    ),
    # a time at the end of a long statement is no scene set before the cue
    (
        "a-year-at-the-end",
        "The subsidies he wants to end total less than $300 million a year, the governor said.",
        [("The subsidies he wants to end total less than $300 million a year", "the governor")],
    ),
    # a time set before the subject is not who speaks
    (
        "hours-after-then-a-description",
        "Hours after the storm, the mayor said the pier was closed.",
        [("the pier was closed", "the mayor")],
    ),
    # where it was said, between the cue and "that"
    (
        "said-outside-the-courthouse-that",
        "Her lawyer said outside the courthouse that her client would appeal.",
        [("her client would appeal", "Her lawyer")],
    ),
    (
        "said-near-the-scene-that",
        "The chief said near the scene that two men had fled.",
        [("two men had fled", "The chief")],
    ),
    # a refusal to say more after "but" is no part of the statement
    (
        "but-declined-to-say",
        "The prosecutor said her office was examining the books, but declined to say whether others were suspects.",
        [("her office was examining the books", "The prosecutor")],
    ),
    (
        "but-would-not-say",
        "The chief said two men had fled, but would not say whether either was armed.",
        [("two men had fled", "The chief")],
    ),
    # ", as" and a clause with its own subject: the writer's context after the statement
    (
        "as-shoppers-turned",
        "The grocer said its profit had fallen, as shoppers squeezed by rents turned to cheaper brands.",
        [("its profit had fallen", "The grocer")],
    ),
    (
        "as-the-city-braced",
        "The mayor said on Friday that the pier would close, as the city braced for another storm.",
        [("the pier would close", "The mayor")],
    ),
    (
        "as-long-as-goes-on",
        "Lind said the ferry could stay, as long as fares rose.",
        [("the ferry could stay, as long as fares rose", "Lind")],
    ),
    # a bound on a number opens the subject of the clause
    (
        "said-at-least",
        "Rescuers said at least 31 people were missing.",
        [("at least 31 people were missing", "Rescuers")],
    ),
    ("said-as-many-as", "The port said as many as 40 boats had sunk.", [("as many as 40 boats had sunk", "The port")]),
    (
        "said-at-least-n-times-that",
        "Lind said at least 3 times that the pier was safe.",
        [("the pier was safe", "Lind")],
    ),
    # "some of whom …" between commas is an aside about the speakers
    (
        "some-of-whom-aside",
        "Nurses, many of whom work nights, said the ward was unsafe.",
        [("the ward was unsafe", "Nurses")],
    ),
    # an inverted cue whose speaker has a description: "said the minister, Name", "said Name, president of …"
    (
        "said-the-minister-name",
        "The rise was small, said the minister, Philippa Carrow.",
        [("The rise was small", "the minister, Philippa Carrow")],
    ),
    (
        "said-name-president-of",
        "Fares will rise, said Carla Winfield, president of the union.",
        [("Fares will rise", "Carla Winfield")],
    ),
    (
        "said-the-secretary-name-who-added",
        "Staff got 2 per cent, said the union's secretary, Colm Hardy, who added that the firm could pay more.",
        [
            ("Staff got 2 per cent", "the union's secretary, Colm Hardy"),
            ("the firm could pay more", "Colm Hardy"),
        ],
    ),
    # "what/which/who X said" and a verb: the relative word is the subject of what X said
    (
        "in-what-officials-said-was",
        "Police seized cocaine, in what officials said was the largest seizure in years.",
        [("was the largest seizure in years", "officials")],
    ),
    (
        "which-the-governor-said-would",
        "The session ended without a budget, which the governor said would wait until June.",
        [("would wait until June", "the governor")],
    ),
    (
        "who-police-said-between-commas",
        "The man, who police said had fired at officers, was arrested.",
        [("had fired at officers", "police")],
    ),
    # a cue between commas whose speaker is a description and a name
    (
        "parenthetical-description-and-name",
        "The pier, its owner, Ana Lind, said, was unsafe.",
        [("The pier was unsafe", "its owner, Ana Lind")],
    ),
    (
        "parenthetical-description-and-name-then-and",
        "The pier was unsafe, its owner, Ana Lind, said in a statement, and would close.",
        [("The pier was unsafe and would close", "its owner, Ana Lind")],
    ),
    # a cue word after a determiner, between the cue and "that", is the channel's noun
    (
        "said-in-a-note-to-clients-that",
        "Analysts said in a note to clients that the price was fair.",
        [("the price was fair", "Analysts")],
    ),
    # ", raising fears …", ", creating …": the writer's account of what the statement means
    (
        "then-raising-fears",
        "Forecasters said the wind would return on Tuesday, raising fears the fire could spread.",
        [("the wind would return on Tuesday", "Forecasters")],
    ),
    (
        "then-creating",
        "The airlines said they had agreed to merge, creating the country's fifth-largest carrier.",
        [("they had agreed to merge", "The airlines")],
    ),
    # an inverted cue between commas, the statement going on after it
    (
        "inverted-cue-with-appositive-then-because",
        "Such suits end in settlements, said Gwendolyn Asher, a law professor, because firms avoid juries.",
        [("Such suits end in settlements because firms avoid juries", "Gwendolyn Asher")],
    ),
    (
        "inverted-cue-then-and",
        "The pier is unsafe, said the harbour master, and it will close.",
        [("The pier is unsafe and it will close", "the harbour master")],
    ),
    # a study's finding is its authors' statement
    (
        "an-analysis-by-found-that",
        "An analysis by Fair Skies found that the airline would control half the seats.",
        [("the airline would control half the seats", "An analysis by Fair Skies")],
    ),
    (
        "the-audit-found-that",
        "The audit found that the agency had lost track of 40 trucks.",
        [("the agency had lost track of 40 trucks", "The audit")],
    ),
    # after a cue between commas, "but" and the tense of reported speech carry the statement on
    (
        "she-added-but-had-been",
        "No one had died, Lind added, but two firefighters had been treated for burns.",
        [("No one had died but two firefighters had been treated for burns", "Lind")],
    ),
    (
        "he-said-though-had",
        "Most residents left, Vale said, though about 30 had refused.",
        [("Most residents left though about 30 had refused", "Vale")],
    ),
    (
        "said-but-had-other-plans",
        "Fares will rise, Lind said, but the council had other plans.",
        [("Fares will rise", "Lind")],
    ),
    # a conjunction before a speaker and the clause set apart after it
    (
        "but-then-speaker-which",
        "But the Alliance, which represents employers, said its members needed the trains.",
        [("its members needed the trains", "the Alliance")],
    ),
    (
        "which-prosecutors-said-after-a-comma",
        "He must pay $95,000, which prosecutors said was the sum he had not repaid.",
        [("was the sum he had not repaid", "prosecutors")],
    ),
    # a condition before a cue between commas is part of the statement, a time is not
    (
        "if-then-cue-between-commas",
        "If the night buses were cut, Lind said, she would lose her job.",
        [("If the night buses were cut she would lose her job", "Lind")],
    ),
    (
        "when-then-cue-between-commas",
        "When he was asked about it, Lind said, the pier was closed.",
        [("the pier was closed", "Lind")],
    ),
    (
        "said-then-but-had-taken",
        "The judge said a long sentence was needed, but she had weighed his age.",
        [("a long sentence was needed, but she had weighed his age", "The judge")],
    ),
    # "and urged …", "and accused …": the speaker's next act ends the statement
    (
        "said-and-urged",
        "The Alliance said its members depended on the trains and urged lawmakers to act.",
        [("its members depended on the trains", "The Alliance")],
    ),
    (
        "said-and-accused",
        "Lind said the plan was flawed and accused her rival of lying.",
        [("the plan was flawed", "Lind")],
    ),
    # "according to X" between commas, the statement going on after it with "and"
    (
        "according-between-commas-then-and",
        "Six were hurt, according to the health department, and one died.",
        [("Six were hurt and one died", "the health department")],
    ),
    (
        "according-to-a-description-and-name-then-and",
        "Two worked at the dock, according to a police spokesman, Inspector Farid Naderi, and a third drove.",
        [("Two worked at the dock and a third drove", "a police spokesman, Inspector Farid Naderi")],
    ),
    # a relative clause inside the statement's subject has a verb of its own, whatever its form
    (
        "subject-with-who-use",
        "Lind said one in four patients who use insulin had rationed doses.",
        [("one in four patients who use insulin had rationed doses", "Lind")],
    ),
    (
        "subject-with-that-cost",
        "Lind said the pen that cost $98 here sold for $12 abroad.",
        [("the pen that cost $98 here sold for $12 abroad", "Lind")],
    ),
    # a participle after a determiner describes the speaker: "the injured firefighters", "a retired teacher"
    (
        "one-of-the-injured",
        "One of the injured firefighters, who was there, said he had returned to work.",
        [("he had returned to work", "One of the injured firefighters")],
    ),
    (
        "a-retired-teacher",
        "A retired teacher said the road had crumbled.",
        [("the road had crumbled", "A retired teacher")],
    ),
    (
        "as-it-shifts",
        "Quillon said that it would cut 1,400 jobs, as it shifts spending toward new products.",
        [("it would cut 1,400 jobs", "Quillon")],
    ),
    (
        "as-it-was-goes-on",
        "Lind said the ferry would stop, as it was too old.",
        [("the ferry would stop, as it was too old", "Lind")],
    ),
    # pressed to say, urged to say: nothing said yet
    ("under-pressure-to-explain", "Ministers came under pressure to explain a plan they had said would work.", []),
    ("urged-to-say", "Lind was urged to say the pier was safe.", []),
    (
        "the-report-also-found-that",
        "The report also found that the lottery had not updated its locks.",
        [("the lottery had not updated its locks", "The report")],
    ),
    # ", the latest setback", ", a move that": the writer sums up in a noun phrase after the statement
    (
        "then-the-latest-setback",
        "The agency said the cars would be a year late, the latest setback for the order.",
        [("the cars would be a year late", "The agency")],
    ),
    (
        "then-a-move-that",
        "Lind said the port would hire a new chief, a move that surprised the council.",
        [("the port would hire a new chief", "Lind")],
    ),
    # an opening phrase, then a clause with its own subject: a statement, not a scene
    (
        "on-average-then-a-clause",
        "On average, a car travels 40,000 miles between failures, the agency said.",
        [("On average, a car travels 40,000 miles between failures", "the agency")],
    ),
    (
        "inverted-cue-a-spokesman-for-then-and",
        "The government had found more money, said a spokesman for the prime minister, and it was reaching hospitals.",
        [("The government had found more money and it was reaching hospitals", "a spokesman for the prime minister")],
    ),
    # after a cue between commas: when it was said, and a passive that is no second cue
    (
        "cue-between-commas-after-its-meeting",
        "Inflation had fallen, the bank said after its meeting, and wages had risen.",
        [("Inflation had fallen and wages had risen", "the bank")],
    ),
    (
        "cue-between-commas-then-was-expected",
        "Inflation had fallen, the bank said, and was expected to ease further.",
        [("Inflation had fallen and was expected to ease further", "the bank")],
    ),
    # an inverted "noted" with who the speaker is, then their own "who said"
    (
        "inverted-noted-with-a-description",
        "Three mayors lost on Tuesday, noted Priscilla Onwuachi, a political scientist.",
        [("Three mayors lost on Tuesday", "Priscilla Onwuachi")],
    ),
    (
        "inverted-noted-title-at-then-who-said",
        "Rates held for five meetings, noted Kristin Fjell, chief economist at Nordbank, who said cuts would come.",
        [("Rates held for five meetings", "Kristin Fjell"), ("cuts would come", "Kristin Fjell")],
    ),
    (
        "then-even-after",
        "Residents said the water was safe, even after tests found manganese in it.",
        [("the water was safe", "Residents")],
    ),
    # a court's holding: "ruled that", "ruling that"
    (
        "the-judge-ruled-that",
        "The judge ruled that the detainees had not been given a fair hearing.",
        [("the detainees had not been given a fair hearing", "The judge")],
    ),
    (
        "blocked-ruling-that",
        "A judge blocked the deportations, ruling that the men had no lawyers.",
        [("the men had no lawyers", "A judge")],
    ),
    ("the-courts-ruling-that-is-a-noun", "The court's ruling that the law was void angered the mayor.", []),
    # an inverted cue between commas whose speaker is a name "of" an institution, then "but" the writer's
    (
        "inverted-cue-name-of-an-institution-then-but",
        "It applies to one jail, said Professor Ida Marr of the Westbrook School of Law, but the court disagreed.",
        [("It applies to one jail", "Professor Ida Marr of the Westbrook School of Law")],
    ),
    # two statements, each with its trailing cue, joined by "and" in one sentence
    (
        "two-trailing-cues-joined-by-and",
        "The outbreak has grown to 41 cases, officials said Wednesday, and most children were unvaccinated, they said.",
        [("The outbreak has grown to 41 cases", "officials"), ("most children were unvaccinated", "officials")],
    ),
    (
        "according-then-and-then-a-trailing-cue",
        "The ships are two years late, according to a report by auditors, and the Navy hid the delay, the report said.",
        [("The ships are two years late", "a report by auditors"), ("the Navy hid the delay", "the report")],
    ),
    # after a cue between commas, "the first …" sums up; it is the writer's, not more of the statement
    (
        "cue-between-commas-then-the-first",
        "Workers voted to join a union, officials said Saturday, the first such vote.",
        [("Workers voted to join a union", "officials")],
    ),
    (
        "said-then-the-first-time",
        "Lind said the port would close, the first time it has done so.",
        [("the port would close", "Lind")],
    ),
    (
        "said-half-of-them-came",
        "The owner said half of his customers came from across the river.",
        [("half of his customers came from across the river", "The owner")],
    ),
    # a present "-s" verb right after the subject is the clause's verb, before any "and had"
    (
        "said-the-region-sits-and-had",
        "Seismologists said the region sits on a fault and had been struck before.",
        [("the region sits on a fault and had been struck before", "Seismologists")],
    ),
    # "reported" between commas, the outlet's statement
    (
        "the-ledger-reported-between-commas",
        "The pier, the Ledger reported, was unsafe.",
        [("The pier was unsafe", "the Ledger")],
    ),
    (
        "the-newspaper-reported-between-commas-then-ing",
        "The panel had recommended opening land to mining, the newspaper reported, including parcels it leased.",
        [("The panel had recommended opening land to mining", "the newspaper")],
    ),
    (
        "a-poll-commissioned-by-found-that",
        "A poll commissioned by the hospital found that 58 percent backed the tax.",
        [("58 percent backed the tax", "A poll commissioned by the hospital")],
    ),
    # "in which X warned that": a relative clause with a subject of its own
    (
        "meetings-in-which-managers-warned",
        "The union cited meetings in which managers warned that the site could close.",
        [("the site could close", "managers")],
    ),
    # a statement that ends in a time is no frame to skip
    (
        "statement-ending-in-a-week-then-according",
        "Economists said a shutdown would cost $6 billion a week, according to banks.",
        [("a shutdown would cost $6 billion a week", "Economists")],
    ),
    (
        "ruled-2-to-1-that",
        "The panel ruled 2 to 1 that the evidence was strong enough.",
        [("the evidence was strong enough", "The panel")],
    ),
    (
        "in-a-theft-that-officials-said-took",
        "Thieves took 60 coins, in a theft that officials said took five minutes.",
        [("took five minutes", "officials")],
    ),
    (
        "which-a-report-found-was",
        "The office, which a report found was badly underfunded, drew notice.",
        [("was badly underfunded", "a report")],
    ),
    (
        "cue-between-commas-the-title-and-name",
        "Real estate is 9 percent, the fund's chief investment officer, Corwin Vandermeer, said, and it is falling.",
        [("Real estate is 9 percent and it is falling", "the fund's chief investment officer, Corwin Vandermeer")],
    ),
    (
        "inverted-cue-description-then-name-then-and",
        "The failure cost millions, said the head of the airline group, Tobias Wrenfield, and it was not the first.",
        [("The failure cost millions and it was not the first", "the head of the airline group")],
    ),
    (
        "said-about-one-in-five",
        "Sandoval said about one in five calls to the police involved a mental health crisis.",
        [("about one in five calls to the police involved a mental health crisis", "Sandoval")],
    ),
    # "found that": what researchers or investigators concluded
    (
        "researchers-who-studied-found-that",
        "Researchers who studied the program found that it had cut arrests by a third.",
        [("it had cut arrests by a third", "Researchers")],
    ),
    (
        "investigators-found-that",
        "Investigators found that the door had been left unlocked.",
        [("the door had been left unlocked", "Investigators")],
    ),
    (
        "said-more-than-9000",
        "Rostova said more than 9,000 people in the state had died of overdoses.",
        [("more than 9,000 people in the state had died of overdoses", "Rostova")],
    ),
    (
        "a-mother-whose-son-died",
        "A mother whose son died in 2018 said the settlement felt like a business expense.",
        [("the settlement felt like a business expense", "A mother")],
    ),
    (
        "cue-between-commas-while-had",
        "Imports had risen by 60 percent, Ferraro said, while output had fallen by a fifth.",
        [("Imports had risen by 60 percent while output had fallen by a fifth", "Ferraro")],
    ),
    (
        "cue-between-commas-while-the-writer",
        "Fares will rise, Lind said, while the council disagreed.",
        [("Fares will rise", "Lind")],
    ),
    # a contrast in the tense of the statement before a past cue goes on with it
    (
        "cue-between-commas-but-keeps-the-past",
        "The cameras had caught two men at the gate, the warden said, but the pictures were too dark to use.",
        [("The cameras had caught two men at the gate but the pictures were too dark to use", "the warden")],
    ),
    (
        "cue-between-commas-but-keeps-the-present",
        "Most such calls are pranks, a police spokeswoman said, but every one is checked.",
        [("Most such calls are pranks but every one is checked", "a police spokeswoman")],
    ),
    (
        "cue-between-commas-while-keeps-the-past",
        "The bridge was shut for six hours, the agency said, while divers searched the river.",
        [("The bridge was shut for six hours while divers searched the river", "the agency")],
    ),
    (
        "inverted-cue-description-then-while",
        "The mayor sounded surer on the budget, said Oona Brack, a pollster at Tern College, while her rival did "
        "better on housing.",
        [("The mayor sounded surer on the budget while her rival did better on housing", "Oona Brack")],
    ),
    (
        "inverted-cue-then-but-a-cue-word-as-noun",
        "The ruling covers only one prison, said Dara Quill, a law lecturer, but it sends a warning to ministers.",
        [("The ruling covers only one prison but it sends a warning to ministers", "Dara Quill")],
    ),
    # the speaker's pronoun, or a change of tense, after the contrast: the writer goes on
    (
        "cue-between-commas-but-the-speaker-pronoun",
        "The budget had grown, the mayor said, but he gave no figures.",
        [("The budget had grown", "the mayor")],
    ),
    (
        "cue-between-commas-but-a-new-tense",
        "The fund had run dry, the treasurer said, but the council has since topped it up.",
        [("The fund had run dry", "the treasurer")],
    ),
    (
        "inverted-cue-description-name-then-in-testimony",
        "Banks are well capitalized, said the president of the association, Howard Blessing, in written testimony.",
        [("Banks are well capitalized", "the president of the association, Howard Blessing")],
    ),
    # a participle and "to" a place in the speaker's description
    (
        "a-woman-travelling-to-her",
        "A woman travelling to her father's funeral said she had missed the service.",
        [("she had missed the service", "A woman travelling to her father's funeral")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported_wire(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected
