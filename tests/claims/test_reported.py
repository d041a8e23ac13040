"""Reported speech: statements attributed without quote marks, and partial quotes inside them."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.claims import extract_claims
from verify.document import load_text
from verify.model import ClaimKind

ROWS = [
    # (id, text, reported content, speaker, cue, outlet)
    ("that-clause", "The ministry warned on Tuesday that fuel prices would rise sharply.",
     "fuel prices would rise sharply", "The ministry", "warned", None),
    ("said-without-that", "Ana Lind said the ferry would run again by May.",
     "the ferry would run again by May", "Ana Lind", "said", None),
    ("trailing-cue", "Fuel prices will rise by a third, the ministry said.",
     "Fuel prices will rise by a third", "the ministry", "said", None),
    ("trailing-inverted", "Fuel prices will rise by a third, said Ana Lind.",
     "Fuel prices will rise by a third", "Ana Lind", "said", None),
    ("inverted-after-clauses", "The pier is old, it is unsafe, said the harbour master.",
     "The pier is old, it is unsafe", "the harbour master", "said", None),
    ("according-to-front", "According to the port authority, 40 ships were delayed.",
     "40 ships were delayed", "the port authority", "according to", None),
    ("according-to-end", "Forty ships were delayed last week, according to the port authority.",
     "Forty ships were delayed last week", "the port authority", "according to", None),
    ("in-a-report", "The Harbour Trust said in a report this week that the pier was unsafe.",
     "the pier was unsafe", "The Harbour Trust", "said", "a report"),
    ("told-object", "Ana Lind told reporters that the vote was fair.", "the vote was fair", "Ana Lind", "told", None),
    ("denied", "The mayor’s aide Tom Vale also denied there was any delay.",
     "there was any delay", "The mayor’s aide Tom Vale", "denied", None),
    ("outlet-reported", "The Coastal Times reported last year that two ferries had been sold.",
     "two ferries had been sold", "The Coastal Times", "reported", "The Coastal Times"),
    ("phrase-before-that", "Ana Lind tweeted in the early morning hours that the bridge was closed.",
     "the bridge was closed", "Ana Lind", "tweeted", None),
    ("noun-cue", "He repeated Ana Lind’s claim that the bridge was closed.",
     "the bridge was closed", "Ana Lind", "claim", None),
    ("frame-dropped", "A week after the storm, most roads have reopened, the council said.",
     "most roads have reopened", "the council", "said", None),
    ("contraction-starts-clause", "Tom Vale says he’s sure the pier will hold.",
     "he’s sure the pier will hold", "Tom Vale", "says", None),
    ("piled-up-closing-marks-end-the-sentence", "Tom Vale said the plan would “purify the harbour.'” Nobody replied.",
     "the plan would “purify the harbour.'”", "Tom Vale", "said", None),
    ("organisation-reports", "The ministry reports that the pier is unsafe.", "the pier is unsafe",
     "The ministry", "reports", "The ministry"),  # "X reports": X may be an outlet
    ("described-as-with-quote", "Ana Lind described the old pier as “a death trap for anglers.”",
     "the old pier as “a death trap for anglers.”", "Ana Lind", "described", None),
    # Reported speech as newsrooms write it: any word may open the clause after the cue.
    ("bare-clause-after-said", "Adeyemi said bus journeys had fallen by 9 percent.",
     "bus journeys had fallen by 9 percent", "Adeyemi", "said", None),
    ("organisation-says", "The Teachers' Union says more than 1,400 posts are empty.",
     "more than 1,400 posts are empty", "The Teachers' Union", "says", None),
    ("appositive-name", "The treasurer, Joan Wu, said reserves were low.",
     "reserves were low", "Joan Wu", "said", None),
    ("told-outlet-whole", "Tom Hill told the Wall Street Journal that the farm was sold.",
     "the farm was sold", "Tom Hill", "told", "the Wall Street Journal"),
    ("told-outlet-capital-the", "Tom Hill told The Financial Times the farm had been sold.",
     "the farm had been sold", "Tom Hill", "told", "The Financial Times"),
    ("told-outlet-with-slash", "Tom Hill told Radio Free Europe/Radio Liberty that the farm was sold.",
     "the farm was sold", "Tom Hill", "told", "Radio Free Europe/Radio Liberty"),
    ("told-markdown-link", "Farmer Tom Hill told [the Valley Courier](https://example.com/a) that his farm "
     "had \"lost half the harvest\" this year.", "his farm had \"lost half the harvest\" this year",
     "Farmer Tom Hill", "told", "the Valley Courier"),
    ("statement-and-day-before-that", "The council said in a statement on Friday that the bridge will reopen.",
     "the bridge will reopen", "The council", "said", "a statement"),
    ("day-before-bare-clause", "The council said on Monday the bridge will reopen in May.",
     "the bridge will reopen in May", "The council", "said", None),
    ("present-tells", "The minister tells voters the bridge will reopen in May.",
     "the bridge will reopen in May", "The minister", "tells", None),
    ("plural-speaker", "The pier was unsafe for years, according to harbour insiders.",
     "The pier was unsafe for years", "harbour insiders", "according to", None),
    ("dateline-dropped", "KYIV – Grain exports fell by a third in May, the ministry said.",
     "Grain exports fell by a third in May", "the ministry", "said", None),
    ("inverted-with-long-appositive", "The ferry could run again this week, said Tom Vale, a longtime adviser "
     "to the harbour board who oversees its timetable.", "The ferry could run again this week", "Tom Vale",
     "said", None),
    ("according-to-poll-released", "Most voters back the plan, according to a Coastal Times poll released "
     "last week.", "Most voters back the plan", "a Coastal Times poll", "according to", None),
    ("plural-of-prepositional-speaker", "The ferry was sold on Thursday, lawyers for the family said.",
     "The ferry was sold on Thursday", "lawyers for the family", "said", None),
    ("partial-inside-trailing-cue", "A cashier who “takes a few coins” is punished, Ana Lind said.",
     "A cashier who “takes a few coins” is punished", "Ana Lind", "said", None),
    ("comma-closes-inside-quote", "Not paying the fee ''makes me smart,'' Tom Vale said.",
     "Not paying the fee ''makes me smart,''", "Tom Vale", "said", None),
]


@pytest.mark.parametrize(("text", "content", "speaker", "cue", "outlet"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported(text: str, content: str, speaker: str, cue: str, outlet: str | None) -> None:
    # a draft with a link is Markdown: the link reads as its anchor text
    claims = extract_claims(load_text(text, format="markdown")) if "](" in text else claims_of(text)
    reported = [c for c in claims if c.kind is ClaimKind.REPORTED]
    assert [c.text for c in reported] == [content]
    (claim,) = reported
    assert claim.speaker is not None and claim.speaker.name == speaker
    assert (claim.cue, claim.outlet) == (cue, outlet)
    assert text[claim.span.start : claim.span.end] == claim.text


def test_partial_quote_inside_reported_speech_has_the_same_speaker() -> None:
    text = "Ana Lind said the strike “is far from over” and talks would resume."
    claims = claims_of(text)
    reported = [c for c in claims if c.kind is ClaimKind.REPORTED]
    partial = [c for c in claims if c.kind is ClaimKind.PARTIAL]
    assert [c.text for c in reported] == ["the strike “is far from over” and talks would resume"]
    assert [c.text for c in partial] == ["is far from over"]
    assert partial[0].speaker == reported[0].speaker and partial[0].speaker is not None
    assert partial[0].speaker.name == "Ana Lind"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“The pier is safe,” Ana Lind said.", id="a-quote-is-not-reported-speech"),
        pytest.param("Ana Lind said: “The pier is safe.”", id="cue-before-a-quote"),
        pytest.param("Ana Lind said in a statement, “The pier is safe. The ferry runs.”", id="channel-then-quote"),
        pytest.param("A police spokesman told Reuters: “Nobody was hurt.”", id="object-then-quote"),
        pytest.param("In a post on Facebook, the mayor wrote: “The pier will reopen in May.”",
                     id="frame-cue-colon-quote"),  # fmt: skip
        pytest.param("Ana Lind said in a statement, “The pier is safe. The ferry\n\n“runs all winter.”",
                     id="channel-then-quote-over-paragraphs"),  # fmt: skip
        pytest.param("The report was published on Monday.", id="noun-report-is-not-a-cue"),
        pytest.param("The pier closed, citing an engineers' report that found rot.", id="noun-phrase-report"),
        pytest.param("The ferry said goodbye to its last passengers.", id="no-clause-after-cue"),
        pytest.param("Following initial reports of a leak, the pier was closed.", id="intro-phrase-is-no-speaker"),
        pytest.param("Tom Vale admires the old harbour master.", id="no-quote-no-mixed-claim"),
        pytest.param("Councillor Dan Reese called the plan \"a fantasy.\"", id="called-is-not-speech"),
        pytest.param("Ana Lind called half of the council “sleepwalkers.”", id="called-with-quote"),
        pytest.param("Tom Vale openly admires the old harbour master as a “true captain.”", id="admires-with-quote"),
        pytest.param("Councillor Reese backed the plan to reopen the bridge in May.", id="backed"),
        pytest.param("Councillor Reese wants the bridge reopened by May next year.", id="wants"),
        pytest.param("The mayor promised that \"we will raise taxes\" next year.", id="only-repeats-a-partial"),
        pytest.param("A spokeswoman said via email that, “of course the mayor will appeal” the ruling.",
                     id="only-repeats-a-partial-after-channel"),
        pytest.param("The ferry said goodbye to the last passengers who had waited.", id="said-goodbye"),
        pytest.param("New rules promise to transform the United States economy but are costly.",
                     id="capitalised-states-is-a-name"),
        pytest.param("When rivals are revealed as part of the plan, Ana Lind calls them “friends” and moves on.",
                     id="passive-cue-in-a-when-clause"),
    ],
)
def test_not_reported(text: str) -> None:
    assert [c.text for c in claims_of(text) if c.kind is ClaimKind.REPORTED] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Fares will rise in May, the council said, and the mayor warned that the bridge would close.",
                     [("Fares will rise in May", "the council"), ("the bridge would close", "the mayor")],
                     id="two-statements-in-one-sentence"),
        pytest.param("The ferry has hurt the town, Ana Lind said, since most people never use it.",
                     [("The ferry has hurt the town since most people never use it", "Ana Lind")],
                     id="cue-inside-the-statement"),
        pytest.param("The harbour master added:\n\nThe pier is old and the council knows it.",
                     [("The pier is old and the council knows it", "The harbour master")],
                     id="block-after-a-colon-cue"),
        pytest.param("Three weeks later, the port said it would reopen in May.",
                     [("it would reopen in May", "the port")], id="time-before-the-cue-is-no-statement"),
        pytest.param("On Monday last week, the port said it would reopen.",
                     [("it would reopen", "the port")], id="day-before-the-cue-is-no-statement"),
        pytest.param("The pier is unsafe and must close, union leaders said Friday after a meeting with the council.",
                     [("The pier is unsafe and must close", "union leaders")], id="trailing-cue-then-when"),
        pytest.param("Dock owners say the plan, drawn up by the port, has brought jobs to the town.",
                     [("the plan, drawn up by the port, has brought jobs to the town", "Dock owners")],
                     id="subject-with-a-phrase-between-commas"),
        pytest.param("It was the third time HTU said it had closed the pier.",
                     [("it had closed the pier", "HTU")], id="name-right-before-the-cue"),
        pytest.param("Tom Vale, who in 2010 said the pier was safe, has changed his mind.",
                     [("the pier was safe", "Tom Vale")], id="who-in-a-year-said"),
        pytest.param("Instead, the study -- which notes that 58 ferries need new engines -- should be read.",
                     [("58 ferries need new engines", "the study")], id="which-between-dashes"),
        pytest.param("There are some economists who argue that fares should be free.",
                     [("fares should be free", "some economists")], id="who-after-there-are"),
        pytest.param("It's worth noting that the pier is older than the town.", [], id="worth-noting-is-an-aside"),
        pytest.param("In her speech on Friday, Ana Lind proclaimed a “new deal for the harbour.”", [],
                     id="frame-before-the-subject-is-no-statement"),
        pytest.param("Ana Lind told the board after the meeting that was held on the ferry how she would vote.", [],
                     id="relative-that-opens-no-clause"),
        pytest.param("Tom Vale told one of his young deckhands on a regular basis that the sea was the answer.",
                     [("the sea was the answer", "Tom Vale")], id="object-then-that"),
        pytest.param("Once, when my aunt mentioned the ferry to me, I laughed and said, “I don't believe in ferries.”",
                     [], id="quotation-of-a-later-cue"),
        pytest.param("Ana Lind wrote in a letter to the Harbour Trust, and “nobody read it.”", [],
                     id="conjunction-after-the-channel"),
        pytest.param("Protesters chanted “What curfew?” and kept marching until dawn.", [],
                     id="quotation-then-a-new-predicate"),
        pytest.param("Ana Lind would not give a cost, though she said “budget reforms” and unpaid fees would pay.",
                     [("“budget reforms” and unpaid fees would pay", "Ana Lind")], id="quotation-opens-a-clause"),
        pytest.param("The mayor told voters he would take it badly if they stayed home, implicitly putting his name "
                     "on the line.", [("he would take it badly if they stayed home", "The mayor")],
                     id="writers-comment-after-a-comma"),
        pytest.param("The pier is an insult to the town, union leaders said Friday afternoon, as they bristled at "
                     "the questions about the legitimacy of the port.",
                     [("The pier is an insult to the town", "union leaders")], id="trailing-cue-then-as-clause"),
        pytest.param("The ferry does not answer whether the pier was safe, as police have said.",
                     [("The ferry does not answer whether the pier was safe", "police")], id="as-police-have-said"),
        pytest.param("Pier ‘The Relic’ Could Reopen By Spring, Harbour Master Ana Lind Says.\n\nThe port shut.",
                     [("Pier ‘The Relic’ Could Reopen By Spring", "Harbour Master Ana Lind")],
                     id="headline-with-a-title-in-quotes"),
        pytest.param("Ana Lind, a developer and spokeswoman for the trust, said many of the berths that critics point "
                     "to as empty in the summer months had failed to fill.",
                     [("many of the berths that critics point to as empty in the summer months had failed to fill",
                       "Ana Lind")], id="determiner-clause-with-a-late-verb"),
        pytest.param("Having said that, the pier is old.", [], id="having-said-that"),
        pytest.param("The mayor said the same thing, as did the council.", [], id="said-an-object"),
        pytest.param("Battleground state Florida is nearly 3% Polish.", [], id="state-the-noun"),
        pytest.param("The harbour board continues to insist, most recently in a radio interview, that the pier is "
                     "sound.", [("the pier is sound", "The harbour board")], id="aspectual-verb-and-aside-before-that"),
        pytest.param("Tom Vale insists, in every letter to the council, that fares must fall.",
                     [("fares must fall", "Tom Vale")], id="aside-between-commas-before-that"),
        pytest.param("Ana Lind insists, as the council warned, that fares must fall.",
                     [("fares must fall", "the council")], id="aside-holding-a-cue-is-not-skipped"),
        pytest.param("The ferry will run twice a day from May. According to the harbour board, anyway.",
                     [("The ferry will run twice a day from May", "the harbour board")],
                     id="according-to-alone-credits-the-sentence-before"),
        pytest.param("The ferry will run twice a day from May. The harbour master said Tuesday.",
                     [("The ferry will run twice a day from May", "The harbour master")],
                     id="cue-alone-credits-the-sentence-before"),
        pytest.param("The ferry will run twice a day from May.\n\nThe harbour master said Tuesday.", [],
                     id="cue-alone-not-across-paragraphs"),
        pytest.param("The ferry will run twice a day from May. He said so.", [], id="pronoun-cue-alone"),
        pytest.param("“The ferry will run,” Lind said. The harbour master said Tuesday.", [],
                     id="cue-alone-after-a-quotation"),
        pytest.param("Most riders expect the council to cut fares before the winter.", [],
                     id="object-then-infinitive"),
        pytest.param("The trust maintains a fund to train young harbour pilots.", [],
                     id="object-then-infinitive-then-plural-noun"),
        pytest.param("Ana Lind said the plan to build a bridge was dead.",
                     [("the plan to build a bridge was dead", "Ana Lind")], id="infinitive-inside-the-subject"),
        pytest.param("I write this because the pier matters to the town.", [], id="demonstrative-object"),
        pytest.param("As the harbour master noted, the pier is older than the town.",
                     [("the pier is older than the town", "the harbour master")], id="as-x-noted-then-clause"),
        pytest.param("But as one ferry user pointed out with a telling photo, the two piers are far apart.",
                     [("the two piers are far apart", "one ferry user")], id="as-x-pointed-out-then-clause"),
        pytest.param("As the storm grew, the pier closed for the night.", [], id="as-clause-without-a-cue"),
        pytest.param("The port authority, which has strongly denied any role in the collapse, will appeal.",
                     [("any role in the collapse", "The port authority")], id="denied-a-noun-phrase"),
        pytest.param("Police announced on Friday the arrest of a man in the theft of the harbour bell.",
                     [("the arrest of a man in the theft of the harbour bell", "Police")],
                     id="announced-a-noun-phrase"),
        pytest.param("Lind had told harbour officials that she did not want the escort, but the port overruled her, "
                     "the source added.", [("Lind had told harbour officials that she did not want the escort, but "
                                            "the port overruled her", "the source")],
                     id="trailing-cue-takes-the-whole-sentence"),
        pytest.param("The pier will close in May, Lind said in an interview with the Coastal Times.",
                     [("The pier will close in May", "Lind")], id="trailing-cue-then-channel-with-outlet"),
        pytest.param("The pier, according to the port, will close in May.",
                     [("The pier will close in May", "the port")], id="according-to-between-commas"),
        pytest.param("The pier, Lind said, will close in May.",
                     [("The pier will close in May", "Lind")], id="short-subject-then-cue-between-commas"),
        pytest.param("The planks, Lind said, were rotten.",
                     [("The planks were rotten", "Lind")], id="short-subject-and-short-predicate"),
        pytest.param("The port authority, which has repeatedly said the pier is safe, will appeal.",
                     [("the pier is safe", "The port authority")], id="relative-with-auxiliary-then-adverb"),
        pytest.param("Ana Lind said this is the oldest pier in the county.",
                     [("this is the oldest pier in the county", "Ana Lind")], id="demonstrative-subject"),
    ],
)
def test_reported_statements(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected


def test_quotation_after_a_linked_outlet_is_not_repeated_as_reported() -> None:
    text = "As [the Gazette](https://gazette.example/pier) reported: “The pier will close in March,” Ines Morrow said."
    claims = extract_claims(load_text(text, format="markdown"))
    assert [(c.kind, c.text) for c in claims] == [(ClaimKind.DIRECT, "The pier will close in March")]
    assert claims[0].speaker is not None and claims[0].speaker.name == "Ines Morrow"
