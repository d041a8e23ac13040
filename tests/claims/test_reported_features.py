"""Reported speech in features, studies, sport, regional news and obituaries.

Each row is a short fictional sentence; the expected reported claims are (content, speaker
as written) in order. Rows that expect nothing are forms that state no one's words.
"""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind

ROWS = [
    # (id, text, [(content, speaker)])
    # an irregular past is a clause's verb: "water came", "Marsh taught him to"
    (
        "says-bare-noun-then-irregular-past",
        "Ana Lind says water came through her door just after five.",
        [("water came through her door just after five", "Ana Lind")],
    ),
    (
        "says-name-taught-him-to",
        "Ana Lind says Marsh taught him to throw with his eyes shut.",
        [("Marsh taught him to throw with his eyes shut", "Ana Lind")],
    ),
    # "But" before a subject set apart by a relative clause belongs to neither
    (
        "but-name-who-clause-said",
        "But Cllr Maureen Tibbs, who proposed refusal, said the road could not take the traffic.",
        [("the road could not take the traffic", "Cllr Maureen Tibbs")],
    ),
    # a profile's present tense: a second cue of the same speaker ends the first statement
    (
        "admits-but-says",
        "Marsh admits she has looked at a barn outside the town, but says the rent is too high.",
        [("she has looked at a barn outside the town", "Marsh"), ("the rent is too high", "Marsh")],
    ),
    (
        "insists-and-adds",
        "Ana Lind insists the pier is safe and adds that it will reopen in May.",
        [("the pier is safe", "Ana Lind"), ("it will reopen in May", "Ana Lind")],
    ),
    (
        "says-and-points-out-that",
        "Lind says she was wrong, and points out that nobody has been stung in years.",
        [("she was wrong", "Lind"), ("nobody has been stung in years", "Lind")],
    ),
    # "reckons": British news's verb for an estimate or an opinion
    (
        "reckons",
        "Marion Greig reckons she has made the crossing about 140,000 times.",
        [("she has made the crossing about 140,000 times", "Marion Greig")],
    ),
    ("reckoned-without", "Lind reckoned without the weather.", []),
    # what is denied may be a gerund's phrase
    (
        "denies-taking",
        "Bramble, 27, denies taking the steroid deliberately.",
        [("taking the steroid deliberately", "Bramble")],
    ),
    ("announced-a-gerund-noun", "Lind announced sweeping changes.", []),
    # a subject measured in words: "about one in ten", "around half"
    (
        "says-about-one-in-ten",
        "The charity says about one in ten of its crew members are now women.",
        [("about one in ten of its crew members are now women", "The charity")],
    ),
    ("said-around-half", "Lind said around half the boats had gone.", [("around half the boats had gone", "Lind")]),
    (
        "said-about-a-number-then-a-long-subject",
        "Lind said about 40 councils in England now collected general waste every three weeks.",
        [("about 40 councils in England now collected general waste every three weeks", "Lind")],
    ),
    ("said-about-two-things", "Lind said little about two things.", []),
    # a police description set between commas inside the subject: "the car, thought to be …,"
    (
        "said-subject-thought-to-be",
        "Police said the car, thought to be a grey hatchback, did not stop.",
        [("the car, thought to be a grey hatchback, did not stop", "Police")],
    ),
    # after whom it was told, a clause with its own verb is the statement, not a phrase to skip to "that"
    (
        "told-us-clause-and-that",
        "Ana Lind told us the grant had closed and that a new fund would open.",
        [("the grant had closed", "Ana Lind"), ("a new fund would open", "Ana Lind")],
    ),
    # a live blog's time stamp is neither the speaker's nor the statement's
    (
        "live-stamp-then-says",
        "**18:42** The Met Office says the red warning will end at midnight.",
        [("the red warning will end at midnight", "The Met Office")],
    ),
    (
        "live-stamp-then-inverted-cue",
        "**15:50** Schools in Brannock will stay shut tomorrow, the council has confirmed.",
        [("Schools in Brannock will stay shut tomorrow", "the council")],
    ),
    (
        "live-stamp-plain",
        "17.05 - The coastguard says it has rescued two people from a yacht.",
        [("it has rescued two people from a yacht", "The coastguard")],
    ),
    # a body's kind stated before its name or before where it is: "it" is the body, "the council" is not it
    (
        "it-is-the-power-company",
        "The power company Westgrid says 38,000 homes are without power. It says most will be reconnected by tomorrow.",
        [
            ("38,000 homes are without power", "The power company Westgrid"),
            ("most will be reconnected by tomorrow", "The power company Westgrid"),
        ],
    ),
    (
        "it-is-police-in-a-place",
        "Police in Mereford said the car did not stop. Ana Lind said the road was busy. "
        "It said officers were checking cameras.",
        [
            ("the car did not stop", "Police in Mereford"),
            ("the road was busy", "Ana Lind"),
            ("officers were checking cameras", "Police in Mereford"),
        ],
    ),
    (
        "the-council-is-not-the-company",
        "The Dover Ferry Company said the boats were late. The council said schools would close.",
        [("the boats were late", "The Dover Ferry Company"), ("schools would close", "The council")],
    ),
    # what a study or its authors found is their statement; what police found is no one's
    (
        "researchers-found-that",
        "The researchers, from the University of Calderbridge, found that pupils slept less.",
        [("pupils slept less", "The researchers")],
    ),
    (
        "study-published-found-that",
        "A study published last month in the Journal of Care found that patients left work.",
        [("patients left work", "A study")],
    ),
    (
        "report-by-found-that",
        "A report by engineer Dr Helen Costa found that the anchor had corroded.",
        [("the anchor had corroded", "A report by engineer Dr Helen Costa")],
    ),
    ("police-found-that", "Police found that the door was open.", []),
    ("found-the-keys", "The researchers found the keys in a drawer.", []),
    # "now" between the subject and the cue says when, not who
    (
        "she-now-says",
        "Cllr Gwen Pryor voted against the hives. She now says she was wrong.",
        [("she was wrong", "Cllr Gwen Pryor")],
    ),
    ("name-now-says", "Cllr Gwen Pryor now says she was wrong.", [("she was wrong", "Cllr Gwen Pryor")]),
    ("a-name-ending-in-now", "Peace Now says the pier is unsafe.", [("the pier is unsafe", "Peace Now")]),
    (
        "the-council-is-not-the-network",
        "The Waste Network said 40 councils had made the change. The council said it would write to every household.",
        [
            ("40 councils had made the change", "The Waste Network"),
            ("it would write to every household", "The council"),
        ],
    ),
    (
        "the-council-is-not-councillors",
        "Opposition councillors said the decision was rushed. The council said it would write to every household.",
        [("the decision was rushed", "Opposition councillors"), ("it would write to every household", "The council")],
    ),
    # a feature's cue before its speaker, between commas inside the statement
    ("scene-then-says-name", "When the tide runs hard, says Greig, the chains sing.", [("the chains sing", "Greig")]),
    ("subject-then-said-name", "The ferry, said Lind, costs too much.", [("The ferry costs too much", "Lind")]),
    (
        "subject-then-says-the-title",
        "The pier, says the harbour master, is closed to walkers.",
        [("The pier is closed to walkers", "the harbour master")],
    ),
    ("inverted-then-who-she-is", "Fares will rise, said Lind, the harbour master.", [("Fares will rise", "Lind")]),
    # a short appositive between commas inside the statement's subject
    (
        "said-subject-appositive-verb",
        "Ms Wynne said one tenant, a mother of two, had been without hot water for weeks.",
        [("one tenant, a mother of two, had been without hot water for weeks", "Ms Wynne")],
    ),
    # a time opening the sentence without a comma is no part of the speaker
    (
        "on-monday-the-council-said",
        "On Monday the council said the pier would close.",
        [("the pier would close", "the council")],
    ),
    ("last-week-name-said", "Last week Ana Lind said the pier would close.", [("the pier would close", "Ana Lind")]),
    ("in-a-year-name-said", "In 2019 Lind said the pier would close.", [("the pier would close", "Lind")]),
    # the writer's word on the statement after a dash or comma is no part of it
    (
        "dash-a-point-the-trust",
        "Holt said the road was often blocked in winter — a point the trust did not address.",
        [("the road was often blocked in winter", "Holt")],
    ),
    (
        "comma-a-view-the-council",
        "Lind said the pier was unsafe, a view the council rejects.",
        [("the pier was unsafe", "Lind")],
    ),
    (
        "a-point-of-pride",
        "Lind said the pier was a point of pride for the town.",
        [("the pier was a point of pride for the town", "Lind")],
    ),
    # after any inverted cue, a name and who the speaker is close the statement
    (
        "insists-name-then-who-she-is",
        "The pier can be saved, insists Ana Lind, a nurse who swims there daily.",
        [("The pier can be saved", "Ana Lind")],
    ),
    (
        "argues-name-age-title",
        "The pier can be saved, argues Ana Lind, 42, the harbour master.",
        [("The pier can be saved", "Ana Lind")],
    ),
    # an infinitive cue after an adjective: "was keen to stress that", "was quick to point out that"
    (
        "keen-to-stress-that",
        "The harbour master was keen to stress that the pier was safe.",
        [("the pier was safe", "The harbour master")],
    ),
    (
        "quick-to-point-out-that",
        "Lind was quick to point out that the pier had been repaired.",
        [("the pier had been repaired", "Lind")],
    ),
    ("added-to-the-stress-that", "Lind added to the stress that the staff felt.", []),
    # "made (it) clear that": a statement made plain, by someone
    ("made-clear-that", "Lind made clear that the pier would close.", [("the pier would close", "Lind")]),
    (
        "has-made-it-clear-that",
        "The council has made it clear that the pier would close.",
        [("the pier would close", "The council")],
    ),
    ("the-storm-made-it-clear", "The storm made it clear that the pier would close.", []),
    ("made-clear-her-anger", "Lind made clear her anger at the board.", []),
    # a stance stated: "is adamant that", "remains confident that"
    ("is-adamant-that", "Ana Lind is adamant that the pier can be saved.", [("the pier can be saved", "Ana Lind")]),
    (
        "remains-confident-that",
        "The club remains confident that the striker will be fit.",
        [("the striker will be fit", "The club")],
    ),
    ("so-confident-that", "Lind was so confident that she bet on it.", []),
    ("a-thing-is-convinced", "The storm is convinced that nobody cares.", []),
    # a present-tense verb after "he" or "she" makes a clause, not a scene, of the words before the cue
    (
        "time-then-he-sees-he-says",
        "Apart from the postman, some weeks he sees nobody at all, Pryce says.",
        [("Apart from the postman, some weeks he sees nobody at all", "Pryce")],
    ),
    # what a court or an inquest heard is evidence given, its giver unnamed
    (
        "the-court-heard-that",
        "The court heard that the pier had been unsafe for years.",
        [("the pier had been unsafe for years", None)],
    ),
    ("the-inquest-heard", "The inquest heard the anchor had corroded.", [("the anchor had corroded", None)]),
    ("a-person-heard-that", "Lind heard that the pier had closed.", []),
    ("the-court-heard-evidence", "The court heard evidence from six witnesses.", []),
    # a post's statement: "posted on Facebook that …"
    ("posted-on-facebook-that", "Lind posted on Facebook that the pier had closed.", [("the pier had closed", "Lind")]),
    (
        "posted-on-its-website-that",
        "The council posted on its website that bins would be collected on Friday.",
        [("bins would be collected on Friday", "The council")],
    ),
    ("posted-a-photo", "Lind posted a photo of the pier.", []),
    # a statement imagined after "might", "could" or "may" is no one's
    ("some-might-argue", "Some might argue the pier is past saving.", []),
    ("you-could-say", "You could say the pier is past saving.", []),
    ("said-it-might", "Lind said the pier might close.", [("the pier might close", "Lind")]),
    # a short statement is still cut where the writer's contrast begins
    (
        "says-short-but-hands-shaking",
        "Ana Lind says she's fine, but her hands are shaking.",
        [("she's fine", "Ana Lind")],
    ),
    # "— a claim that some supporters greeted with laughter": the writer's word on the statement, no statement itself
    (
        "dash-a-claim-that-some",
        "Denholm said the board had never wavered — a claim that some fans greeted with laughter.",
        [("the board had never wavered", "Denholm")],
    ),
    ("comma-a-view-few-share", "Lind said the pier was safe, a view few share.", [("the pier was safe", "Lind")]),
    # a document described by an irregular participle between commas still speaks
    (
        "the-email-sent-on-warns",
        "The email, sent on Monday, warns that the pier is unsafe.",
        [("the pier is unsafe", "The email")],
    ),
    (
        "the-letter-seen-by-says",
        "The letter, seen by the Gazette, says the pier is unsafe.",
        [("the pier is unsafe", "The letter")],
    ),
    # "no" opening a subject, then its verb: "says no decision has been made"
    (
        "says-no-decision-has-been",
        "The library says no decision has been made.",
        [("no decision has been made", "The library")],
    ),
    ("said-no-three-times", "Lind said no three times.", []),
    ("said-no-to-the-plan", "Lind said no to the plan.", []),
    # "As X puts it, …": how the speaker put it is a verb of saying
    (
        "as-name-puts-it",
        "As Ana Lind puts it, the sea does not care who you are.",
        [("the sea does not care who you are", "Ana Lind")],
    ),
    (
        "as-name-put-it-in-a-year",
        "As Lind put it in 2019, the sea does not care who you are.",
        [("the sea does not care who you are", "Lind")],
    ),
    ("as-she-puts-the-kettle-on", "As Lind puts the kettle on, the sea roars past the window.", []),
    # "In her words, …", "In Lind's view, …", "In the words of X, …": the sentence credited up front
    (
        "in-her-words",
        "Ana Lind said the pier was old. In her words, the sea does not care who you are.",
        [("the pier was old", "Ana Lind"), ("the sea does not care who you are", "Ana Lind")],
    ),
    ("in-name-view", "In Lind's view, the pier is past saving.", [("the pier is past saving", "Lind")]),
    (
        "in-the-words-of",
        "In the words of the coroner, the anchor failed without warning.",
        [("the anchor failed without warning", "the coroner")],
    ),
    ("in-winter-is-no-speaker", "In winter, the pier is closed to walkers.", []),
    # "recalls", "admits", "reckons" between commas inside the statement
    ("subject-lind-admits-predicate", "The pier, Lind admits, is past saving.", [("The pier is past saving", "Lind")]),
    (
        "clause-she-recalls-clause",
        "The worst storm came in 1987, Lind recalls, and it took the pier.",
        [("The worst storm came in 1987 and it took the pier", "Lind")],
    ),
    # a subject led by someone's name is no scene, though it ends in a time word
    (
        "possessive-subject-then-cue",
        "Trewin's worst day, Lind said, was in August 1997.",
        [("Trewin's worst day was in August 1997", "Lind")],
    ),
    # "…, the court was told.": those told are not the speaker
    (
        "inverted-the-court-was-told",
        "The prosecution will seek to recover the money, the court was told.",
        [("The prosecution will seek to recover the money", None)],
    ),
    (
        "inverted-residents-were-told",
        "The pier will close in May, residents were told on Monday.",
        [("The pier will close in May", None)],
    ),
    (
        "inverted-told-residents",
        "The pier will close in May, Lind told residents.",
        [("The pier will close in May", "Lind")],
    ),
    # a group named by a plural noun at the head of a sentence is never "she"
    (
        "colleagues-are-not-she",
        "Colleagues recall that many farmers refused to believe it. She later said she had been right.",
        [("many farmers refused to believe it", "Colleagues"), ("she had been right", None)],
    ),
    # a description of someone, then their name, is a person, not the body "the charity" means
    (
        "the-charity-is-not-the-coxswain",
        "The Saltby station's coxswain, Liam Tranter, said the crew owed her a lot. "
        "The charity says about one in ten of its crew are women.",
        [
            ("the crew owed her a lot", "The Saltby station's coxswain, Liam Tranter"),
            ("about one in ten of its crew are women", "The charity"),
        ],
    ),
    # a title set between commas after the scene is not who "he" is
    (
        "in-his-memoir-title-he-wrote",
        "Okoro told an interviewer he had agreed because the landlord was kind. "
        "In his memoir, Blowing Upstream, he wrote that the sessions had kept him sober.",
        [("he had agreed because the landlord was kind", "Okoro"), ("the sessions had kept him sober", "Okoro")],
    ),
    # a named subject behind a lowercase role ("Assistant coroner Jane Whitlock") is who "she" is next
    (
        "coroner-role-then-she-said",
        "Dr Helen Costa wrote that the anchor had corroded. Assistant coroner "
        "Jane Whitlock recorded a conclusion of accidental death. She said Mr Pritchard had done nothing wrong.",
        [("the anchor had corroded", "Dr Helen Costa"), ("Mr Pritchard had done nothing wrong", "Jane Whitlock")],
    ),
    # "Born in Lagos in 1949, Okoro moved …": the subject after a life's participle is who "he" is next
    (
        "born-in-then-he-liked-to-say",
        "Ana Lind said the band was late. Born in Lagos in 1949, Okoro moved to "
        "Newcastle at the age of nine. He liked to say that he learned English from the radio.",
        [("the band was late", "Ana Lind"), ("he learned English from the radio", "Okoro")],
    ),
    # someone's relation, then a given name between commas: the name is kept
    (
        "his-son-given-name",
        "His son, Marcus, said he died in hospital on Tuesday.",
        [("he died in hospital on Tuesday", "His son, Marcus")],
    ),
    (
        "possessive-daughter-given-name",
        "Mrs Lind's daughter, Sarah, said the pier had been unsafe.",
        [("the pier had been unsafe", "Mrs Lind's daughter, Sarah")],
    ),
    (
        "his-son-however",
        "His son, however, said he died in hospital on Tuesday.",
        [("he died in hospital on Tuesday", "His son")],
    ),
    # a plural subject's present verb before its object: "the club's volunteers deserve the trip"
    (
        "says-plural-subject-base-verb",
        "Barraclough says the club's volunteers deserve the trip more than anyone.",
        [("the club's volunteers deserve the trip more than anyone", "Barraclough")],
    ),
    ("said-workers-want-a", "Lind said the workers want a pay rise.", [("the workers want a pay rise", "Lind")]),
    ("said-goodbye-to-the-fans", "Lind said goodbye to the fans.", []),
    # an age set apart inside the statement's subject: "a man, 34, had been arrested"
    (
        "police-said-a-man-age-arrested",
        "Police said a man, 34, had been arrested.",
        [("a man, 34, had been arrested", "Police")],
    ),
    # "The BBC understands that …": an outlet's own report; a person's understanding is no statement
    ("outlet-understands-that", "The BBC understands that Kershaw will stay.", [("Kershaw will stay", "The BBC")]),
    (
        "outlet-understands-bare",
        "The Ashby Gazette understands Kershaw will stay.",
        [("Kershaw will stay", "The Ashby Gazette")],
    ),
    ("person-understands-that", "Lind understands that the pier is old.", []),
    # "I" or "we" opening a clause after the statement is the narrator, not the speaker
    (
        "so-we-is-the-narrator",
        "Lind told me the children would get bored, so we set up a reading club.",
        [("the children would get bored", "Lind")],
    ),
    ("and-we-believed-her", "Lind said the pier was unsafe, and we believed her.", [("the pier was unsafe", "Lind")]),
    # what a named body is, told to the reader in a "which" clause ending the sentence, is the writer's
    (
        "which-a-body-is-at-the-end",
        "The coroner said she would write to the Health and Safety Executive, which has no powers over climbing crags.",
        [("she would write to the Health and Safety Executive", "The coroner")],
    ),
    (
        "which-inside-the-subject",
        "Lind said the Harbour Trust, which owns the pier, would sell it.",
        [("the Harbour Trust, which owns the pier, would sell it", "Lind")],
    ),
    # a quantifier standing for its noun is a subject: "many came", "some left"
    (
        "said-many-came-to",
        "Dr Okafor said many came to the surgery mainly for the conversation.",
        [("many came to the surgery mainly for the conversation", "Dr Okafor")],
    ),
    # a pronoun later in the clause is not the speaker of an inverted cue
    (
        "learned-to-is-no-cue",
        "Born in Saltby in 1938, the daughter of a fisherman, she learned to handle boats before she could row.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported_features(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected
