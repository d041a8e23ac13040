"""Reported speech with the verbs of saying, in the forms a newsroom writes it.

Each row is a short fictional sentence; the expected reported claims are (content, speaker
as written) in order. Rows that expect nothing are forms that state no one's words.
"""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind

ROWS = [
    # (id, text, [(content, speaker)])
    # a phrase between commas after the subject is no inverted cue's content
    ("subject-then-however", "Ana Lind, however, said the ferry costs too much.",
     [("the ferry costs too much", "Ana Lind")]),
    ("subject-then-age", "Ana Lind, 54, said the ferry costs too much.", [("the ferry costs too much", "Ana Lind")]),
    ("subject-then-description", "Ana Lind, a Democrat, said the ferry costs too much.",
     [("the ferry costs too much", "Ana Lind")]),
    ("subject-then-party-and-state", "Ana Lind, D-Del., said the ferry costs too much.",
     [("the ferry costs too much", "Ana Lind")]),
    ("subject-then-for-her-part", "Ana Lind, for her part, said the ferry costs too much.",
     [("the ferry costs too much", "Ana Lind")]),
    ("subject-then-whose-clause", "Ana Lind, whose family has run boats for decades, said the ferry costs too much.",
     [("the ferry costs too much", "Ana Lind")]),
    ("subject-then-speaking-to", "Ana Lind, speaking to reporters in Dover, said the ferry costs too much.",
     [("the ferry costs too much", "Ana Lind")]),
    ("inverted-cue-still-names", "The ferry costs too much, said Ana Lind.",
     [("The ferry costs too much", "Ana Lind")]),
    ("inverted-cue-then-who", "The ferry costs too much, said Ana Lind, who chairs the board.",
     [("The ferry costs too much", "Ana Lind")]),
    # auxiliaries and adverbs between the subject and the cue
    ("has-long-said", "Ana Lind has long said the ferry costs too much.", [("the ferry costs too much", "Ana Lind")]),
    ("have-long-argued", "Harbour pilots have long argued that the ferry costs too much.",
     [("the ferry costs too much", "Harbour pilots")]),
    ("appositive-then-has-said", "Lind, the harbour master, has said repeatedly that prices would rise.",
     [("prices would rise", "Lind")]),
    ("title-holding-a-month-name", "The mayor of Dover, who took office in May, said prices would rise.",
     [("prices would rise", "The mayor of Dover")]),
    ("described-subject-then-however", "The mayor, however, said the ferry costs too much.",
     [("the ferry costs too much", "The mayor")]),
    ("described-subject-then-speaking", "The mayor, speaking on Monday, said the ferry costs too much.",
     [("the ferry costs too much", "The mayor")]),
    # whom it was told: a bare plural, unless its own verb follows
    ("told-residents", "The mayor had told residents the ferry would stop in June.",
     [("the ferry would stop in June", "The mayor")]),
    ("told-lawmakers", "Ana Lind told lawmakers the ferry would stop in June.",
     [("the ferry would stop in June", "Ana Lind")]),
    ("warned-investors", "Ana Lind warned investors prices would rise.", [("prices would rise", "Ana Lind")]),
    ("warned-a-plural-subject", "Ana Lind warned prices would rise.", [("prices would rise", "Ana Lind")]),
    # a cue between commas inside the statement
    ("parenthetical-told-reporters", "The ferry, Lind told reporters, costs too much.",
     [("The ferry costs too much", "Lind")]),
    ("parenthetical-told-an-outlet", "The ferry, Lind told the Coastal Times, costs too much.",
     [("The ferry costs too much", "Lind")]),
    ("parenthetical-said-on-a-day", "The ferry, Lind said on Monday, costs too much.",
     [("The ferry costs too much", "Lind")]),
    ("parenthetical-confirmed", "The ferry, Lind confirmed, costs too much.", [("The ferry costs too much", "Lind")]),
    ("parenthetical-stated", "The ferry, Lind stated, costs too much.", [("The ferry costs too much", "Lind")]),
    ("parenthetical-warned", "The ferry, Lind warned, costs too much.", [("The ferry costs too much", "Lind")]),
    ("parenthetical-then-as-they", "Fares will rise, the board said on Friday afternoon, as its members left.",
     [("Fares will rise", "the board")]),
    ("parenthetical-then-a-time", "Prices would rise, Lind said Monday, a week after the storm.",
     [("Prices would rise", "Lind")]),
    # where a statement ends
    ("said-then-but-a-new-clause", "The mayor said the ferry had cost too much, but the council disagreed.",
     [("the ferry had cost too much", "The mayor")]),
    ("cue-between-commas-then-but", "The ferry had cost too much, the mayor said, but the council disagreed.",
     [("The ferry had cost too much", "the mayor")]),
    ("but-only-if-goes-on", "Ana Lind said the ferry could stay, but only if fares rose.",
     [("the ferry could stay, but only if fares rose", "Ana Lind")]),
    ("but-and-the-same-subject", "Ana Lind said the ferry could stay, but warned that fares would rise.",
     [("the ferry could stay", "Ana Lind"), ("fares would rise", "Ana Lind")]),
    ("adding-that", "Ana Lind said prices would rise, adding that wages would fall.",
     [("prices would rise", "Ana Lind"), ("wages would fall", "Ana Lind")]),
    ("noting-that", "The port said the ferry would stop, noting that fuel had doubled in price.",
     [("the ferry would stop", "The port"), ("fuel had doubled in price", "The port")]),
    ("citing-is-the-basis", "Lind said prices would rise, citing the storm.", [("prices would rise", "Lind")]),
    ("which-is-false-is-the-writers", "Tom Vale also claimed that the port had closed in 2010, which is false.",
     [("the port had closed in 2010", "Tom Vale")]),
    ("a-claim-the-board-denies", "Tom Vale claimed that the port had closed in 2010, a claim the board denies.",
     [("the port had closed in 2010", "Tom Vale")]),
    ("then-what-was-done", "Vale said the port would close, then left the stage.",
     [("the port would close", "Vale")]),
    # when and where it was said, between the cue and the statement
    ("on-a-named-channel", "Tom Vale said Friday morning on Radio Dover that the port would close.",
     [("the port would close", "Tom Vale")]),
    ("on-a-programme", "Tom Vale said on Radio Dover’s “Morning Tide” that the port would close.",
     [("the port would close", "Tom Vale")]),
    ("trailing-cue-on-a-programme", "The port would close, board member Tom Vale said on Radio Dover’s “Morning Tide.”",
     [("The port would close", "board member Tom Vale")]),
    ("weeks-ago", "Tom Vale said two weeks ago that the port would close.", [("the port would close", "Tom Vale")]),
    ("back-in-a-year", "Tom Vale said back in 2004 that the port would close.", [("the port would close", "Tom Vale")]),
    ("over-the-weekend-then-that", "Vale said over the weekend that the port would close.",
     [("the port would close", "Vale")]),
    ("appearance-on-a-quoted-programme", "Vale said during an appearance on “Harbour Talk” that the port would "
     "close.", [("the port would close", "Vale")]),
    # the object of "told" and the measure that opens a clause
    ("told-an-adjective-and-noun", "Vale told a packed hall the port would close.", [("the port would close", "Vale")]),
    ("told-a-possessive-and-noun", "Vale told Dover's council the port would close.",
     [("the port would close", "Vale")]),
    ("nearly-half", "Vale said nearly half the ships had left.", [("nearly half the ships had left", "Vale")]),
    ("only-two", "Vale said only two ships had left.", [("only two ships had left", "Vale")]),
    ("about-a-number", "Vale said about 40 jobs would go.", [("about 40 jobs would go", "Vale")]),
    # who speaks, however long the subject
    ("keeps-saying", "Ana Lind keeps saying that the board would meet Monday.",
     [("the board would meet Monday", "Ana Lind")]),
    ("kept-insisting", "Ana Lind kept insisting the board would meet Monday.",
     [("the board would meet Monday", "Ana Lind")]),
    ("what-x-said-was-that", "What Ana Lind said was that the board would meet Monday.",
     [("the board would meet Monday", "Ana Lind")]),
    ("inverted-name-age-description", "The board would meet Monday, said Lind, 45, a nurse from Dover.",
     [("The board would meet Monday", "Lind")]),
    ("people-close-to", "People close to Lind say the board would meet Monday.",
     [("the board would meet Monday", "People close to Lind")]),
    ("named-body-then-what-it-is", "The Harbour Trust, a nonprofit group that tracks shipping, said the board would "
     "meet Monday.", [("the board would meet Monday", "The Harbour Trust")]),
    ("said-though-then-a-bare-clause", "Ana Lind spoke first. She said, though, the board would meet Monday.",
     [("the board would meet Monday", "Ana Lind")]),
    ("told-an-audience-in-a-place", "Lind told an audience in Dover the board would meet Monday.",
     [("the board would meet Monday", "Lind")]),
    ("told-a-host-by-name", "Lind told host Tom Vale the board would meet Monday.",
     [("the board would meet Monday", "Lind")]),
    # after a trailing cue, and around "according to"
    ("trailing-cue-then-adding-that", "The port will close in May, Lind said in a statement, adding that jobs would "
     "be lost.", [("The port will close in May", "Lind"), ("jobs would be lost", "Lind")]),
    ("trailing-cue-then-though-a-clause", "The port will close in May, Lind said, though she did not give a reason.",
     [("The port will close in May", "Lind")]),
    ("trailing-cue-then-without", "The port will close in May, Lind said, without giving a reason.",
     [("The port will close in May", "Lind")]),
    ("said-then-although-a-clause", "Lind said the port will close in May, although she again refused to give a "
     "reason.", [("the port will close in May", "Lind")]),
    ("according-to-documents-obtained-by", "The port will close in May, according to documents obtained by the "
     "Coastal Times.", [("The port will close in May", "documents")]),
    ("according-to-a-report-released", "According to the board’s latest report, released Tuesday, the port will "
     "close in May.", [("the port will close in May", "the board’s latest report")]),
    ("said-then-according-to-an-outlet", "Lind said the port will close in May, according to the Coastal Times.",
     [("the port will close in May", "Lind")]),
    # dashes and semicolons
    ("subject-then-a-clause-between-dashes", "Mr. Vale -- who has led the board since 2010 -- said the port would "
     "close in May.", [("the port would close in May", "Mr. Vale")]),
    ("trailing-cue-then-a-dash-aside", "The port would close in May, Mr. Vale said -- a claim the board disputes.",
     [("The port would close in May", "Mr. Vale")]),
    ("said-then-a-dash-verdict", "Mr. Vale said the port would close in May — a claim the board disputes.",
     [("the port would close in May", "Mr. Vale")]),
    ("semicolon-then-another-speaker", "Mr. Vale said the port would close in May; Mrs. Lind said it would not.",
     [("the port would close in May", "Mr. Vale"), ("it would not", "Mrs. Lind")]),
    ("but-then-another-speaker", "The mayor said the ferry had cost too much, but the council said it was worth "
     "every penny.", [("the ferry had cost too much", "The mayor"), ("it was worth every penny", "the council")]),
    # more channels and times between the cue and "that"
    ("told-a-programme-by-name", "Vale told ABC’s “This Week” that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("interview-published-on-a-day", "Vale said in an interview published Sunday that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("series-of-tweets", "Vale said in a series of tweets that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("remarks-at-a-named-place", "Vale said in remarks at the Dover Club that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("conference-call-with-reporters", "Vale said in a conference call with reporters that the port would close in "
     "May.", [("the port would close in May", "Vale")]),
    ("call-with-reporters-then-a-bare-clause", "Vale said in a call with reporters the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("while-campaigning-in", "Vale said while campaigning in Ohio that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("more-than-once", "Vale said more than once that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("late-last-week", "Vale said late last week the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("via-a-platform", "Vale said via Twitter that the port would close in May.",
     [("the port would close in May", "Vale")]),
    ("trailing-cue-time-then-the-writers-phrase", "The port will close in May, Lind said on Tuesday, the first "
     "time she has admitted it.", [("The port will close in May", "Lind")]),
    ("said-then-an-outlet-reported", "Lind said the port will close in May, the Coastal Times reported.",
     [("the port will close in May", "Lind")]),
    ("who-a-name-is-is-the-writers", "Critics say the money would be better spent with the Harbour Trust, the "
     "charity that runs the lifeboats.", [("the money would be better spent with the Harbour Trust", "Critics")]),
    ("promised-an-object-and-a-second-predicate", "The board has promised a vote and attempted to calm the "
     "fishermen.", []),
    ("headline-with-an-irregular-past", "Vale Denies He Sold the Port\n\nThe port is old.",
     [("He Sold the Port", "Vale")]),
    ("a-day-later", "Lind said a day later that the port would close.", [("the port would close", "Lind")]),
    ("hours-later", "Lind said hours later that the port would close.", [("the port would close", "Lind")]),
    ("the-next-day", "Lind said the next day that the port would close.", [("the port would close", "Lind")]),
    ("afterward", "Lind said afterward that the port would close.", [("the port would close", "Lind")]),
    ("without-naming", "Lind said without naming Vale that the port would close.",
     [("the port would close", "Lind")]),
    ("told-an-audience-of-a-number", "Lind told an audience of 2,000 that the port would close.",
     [("the port would close", "Lind")]),
    ("told-reporters-at-a-place", "Lind told reporters at the White House the port would close.",
     [("the port would close", "Lind")]),
    ("told-reporters-outside", "Lind told reporters outside the courthouse the port would close.",
     [("the port would close", "Lind")]),
    ("told-a-group-of", "Lind told a group of fishermen the port would close.", [("the port would close", "Lind")]),
    ("told-an-outlets-board", "Lind told the Coastal Times' editorial board the port would close.",
     [("the port would close", "Lind")]),
    ("told-the-crowd-at-a-place", "Lind told the crowd at the port the ferry would stop.",
     [("the ferry would stop", "Lind")]),
    ("promised-voters", "Vale promised voters the port would stay open.", [("the port would stay open", "Vale")]),
    ("promised-an-object-alone", "Vale promised a veto.", []),
    # forms that state nobody's words
    ("declined-to-say-whether", "Ana Lind declined to say whether the ferry would stop.", []),
    ("refused-to-say-when", "Ana Lind refused to say when the ferry would stop.", []),
    ("would-not-say-how", "The port would not say how much the ferry had cost.", []),
    ("said-nothing-about", "Ana Lind said nothing about the ferry.", []),
    ("said-nothing-had-changed", "Ana Lind said nothing had changed at the port.",
     [("nothing had changed at the port", "Ana Lind")]),
    ("said-a-quoted-no", "Ana Lind said “no” to the ferry.", []),
    ("is-said-to-be", "Ana Lind is said to be furious about the ferry.", []),
    ("called-the-plan", "Ana Lind called the ferry plan a fantasy.", []),
    ("wants-is-no-speech", "Ana Lind wants the ferry to stop in June.", []),
    ("said-the-same-of", "Ana Lind said the same of the ferry.", []),
    ("said-so", "Vale said so.", []),
    ("said-as-much", "Vale said as much.", []),
    ("told-a-joke", "Vale told a joke.", []),
    ("told-reporters-to-leave", "Vale told reporters to leave.", []),
    ("wrote-a-letter", "Vale wrote a letter.", []),
    ("claimed-victory", "Vale claimed victory.", []),
    ("insisted-on-a-vote", "Vale insisted on a vote.", []),
    ("argued-the-case", "Vale argued the case before the court.", []),
    ("said-to-have", "Vale is said to have sold the port.", []),
    ("called-it-a-quoted-phrase", "Vale called it “the worst deal ever.”", []),
    ("headline-says-goodbye", "Vale Says Goodbye to the Port He Built\n\nThe port is old.", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected
