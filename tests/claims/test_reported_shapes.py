"""Reported speech in the shapes news English gives it: cues, subjects and where a statement ends.

Each row is a fictional sentence of one construction; the expected reported claims are
(content, speaker as written) in order.
"""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind

ROWS = [
    # (id, text, [(content, speaker)])
    ("time-word-owning-a-noun", "Tom Vale said Monday's vote was a disgrace to the town.",
     [("Monday's vote was a disgrace to the town", "Tom Vale")]),
    ("time-word-alone-is-when", "Tom Vale said Monday the vote was a disgrace to the town.",
     [("the vote was a disgrace to the town", "Tom Vale")]),
    ("trailing-cue-after-name-and-appositive", "Fares will rise in May, Ana Lind, the treasurer, said.",
     [("Fares will rise in May", "Ana Lind")]),
    ("trailing-cue-after-description-and-name", "Fares will rise in May, the treasurer, Ana Lind, said.",
     [("Fares will rise in May", "Ana Lind")]),
    ("trailing-cue-after-relative-clause", "Fares will rise in May, Ana Lind, who runs the port, told reporters.",
     [("Fares will rise in May", "Ana Lind")]),
    ("inverted-cue-then-party-and-state", "The pier would be rebuilt, said Sen. Tom Vale, D-Del.",
     [("The pier would be rebuilt", "Sen. Tom Vale")]),
    ("party-and-state-before-trailing-cue", "The pier would be rebuilt, Sen. Tom Vale, R-S.C., said on Monday.",
     [("The pier would be rebuilt", "Sen. Tom Vale")]),
    ("two-clauses-before-a-cue-are-no-appositive", "Fares will rise in May, the pier will close, the treasurer said.",
     [("Fares will rise in May, the pier will close", "the treasurer")]),
    ("that-then-an-aside", "Tom Vale said that, if elected, he would rebuild the pier.",
     [("if elected, he would rebuild the pier", "Tom Vale")]),
    ("that-then-a-view", "Ana Lind says that, in her view, the pier will be rebuilt.",
     [("in her view, the pier will be rebuilt", "Ana Lind")]),
    ("having-said-that-is-the-writers", "Having said that, the pier, which is old, is closed.", []),
    ("that-as-a-pronoun-subject", "He said that, too, was wrong.", []),
    ("warned-a-subject-then-its-verb", "Officials have warned the pier is unsafe.",
     [("the pier is unsafe", "Officials")]),
    ("warned-an-object-then-that", "Ana Lind warned the board that the pier would close.",
     [("the pier would close", "Ana Lind")]),
    ("told-reporters-is-the-object", "Tom Vale told reporters the pier would close.",
     [("the pier would close", "Tom Vale")]),
    ("gerund-after-a-comma-lower-case-subject", "The council closed the pier on Monday, saying the planks had rotted.",
     [("the planks had rotted", "The council")]),
    ("gerund-after-a-comma-description", "The harbour master closed the pier, arguing that the planks had rotted.",
     [("the planks had rotted", "The harbour master")]),
    ("statement-saying", "The council issued a statement saying the planks had rotted.",
     [("the planks had rotted", "The council")]),
    ("statement-then-day-saying", "Tom Vale released a statement on Monday saying the planks had rotted.",
     [("the planks had rotted", "Tom Vale")]),
    ("video-on-a-platform-saying", "Ana Lind posted a video to Facebook saying the planks had rotted.",
     [("the planks had rotted", "Ana Lind")]),
    ("quoted-as-saying", "The harbour master was quoted as saying the planks had rotted.",
     [("the planks had rotted", "The harbour master")]),
    ("quoted-by-an-outlet-as-saying", "Tom Vale was quoted by the Coastal Times as saying the planks had rotted.",
     [("the planks had rotted", "Tom Vale")]),
    ("the-claim-that-by-nobody-named", "Ana Lind rejected the claim that the pier was unsafe.",
     [("the pier was unsafe", None)]),
    ("made-the-claim-that", "Tom Vale made the claim that the pier was unsafe.", [("the pier was unsafe", "Tom Vale")]),
    ("repeated-the-false-claim-that", "Tom Vale repeated the false claim that the pier was unsafe.",
     [("the pier was unsafe", "Tom Vale")]),
    ("statement-by-x-that", "Ana Lind cited a statement by the Harbour Trust that the pier had been sold.",
     [("the pier had been sold", "the Harbour Trust")]),
    ("claim-in-the-subject-ends-at-the-main-verb", "The claim that the pier was unsafe is false.",
     [("the pier was unsafe", None)]),
    ("possessive-claim-in-the-subject", "Tom Vale's assertion that the pier was safe drew jeers.",
     [("the pier was safe", "Tom Vale")]),
    ("verb-group-inside-the-claim", "Tom Vale's statement that the pier had been sold surprised nobody.",
     [("the pier had been sold", "Tom Vale")]),
    ("claim-that-opens-a-relative-clause", "The claim that was made on Monday is false.", []),
    ("announced-and-said", "Police announced the arrest of a man in the theft and said a curfew would continue "
     "through the weekend.", [("the arrest of a man in the theft", "Police"),
                              ("a curfew would continue through the weekend", "Police")]),
    ("said-but-said", "Ana Lind said she thinks the pier should be rebuilt but said the question is the cost.",
     [("she thinks the pier should be rebuilt", "Ana Lind"), ("the question is the cost", "Ana Lind")]),
    ("though-she-noted", "Ana Lind said the work sometimes erases barriers, though she noted clients are beginning "
     "to demand change.", [("the work sometimes erases barriers", "Ana Lind"),
                           ("clients are beginning to demand change", "Ana Lind")]),
    ("a-coordinated-predicate-stays-in-the-statement", "Police say the man posed a threat and refused to drop the "
     "gun.", [("the man posed a threat and refused to drop the gun", "Police")]),
    ("pointed-out-that", "Tom Vale pointed out that the pier was unsafe.", [("the pier was unsafe", "Tom Vale")]),
    ("pointed-to-is-no-cue", "Tom Vale pointed to the pier and left.", []),
    ("reiterated-a-bare-clause", "Ana Lind reiterated the pier was unsafe.", [("the pier was unsafe", "Ana Lind")]),
    ("responded-that", "Tom Vale responded that the pier was unsafe.", [("the pier was unsafe", "Tom Vale")]),
    ("responded-to-is-no-cue", "Tom Vale responded to the council on Monday.", []),
    ("title-case-headline", "Harbour Master Says Pier Will Close In May\n\nThe pier is old.",
     [("Pier Will Close In May", "Harbour Master")]),
    ("title-case-headline-warns", "Ana Lind Warns Pier Is Unsafe\n\nThe pier is old.",
     [("Pier Is Unsafe", "Ana Lind")]),
    ("title-case-headline-says-goodbye", "The Harbour Says Goodbye to Its Pier\n\nThe pier is old.", []),
    ("headline-words-inside-a-sentence", "The pier is old. Harbour Master Says Pier Will Close. The end.", []),
    ("letter-to-someone-says", "Tom Vale's letter to the council said the pier was unsafe.",
     [("the pier was unsafe", "Tom Vale's letter to the council")]),
    ("subject-with-a-participle-between-commas", "The report, released Tuesday, said the pier was unsafe.",
     [("the pier was unsafe", "The report")]),
    ("subject-with-a-relative-between-commas", "The company, which owns the pier, said fares would rise.",
     [("fares would rise", "The company")]),
    ("frame-between-commas-is-no-subject", "The day after the vote, Tom Vale said fares would rise.",
     [("fares would rise", "Tom Vale")]),
    ("that-opens-a-relative-clause-then-that", "Tom Vale said in an interview that aired Sunday that the pier "
     "would be rebuilt.", [("the pier would be rebuilt", "Tom Vale")]),
    ("that-is-the-subject", "Ana Lind said that would permit the financing of more ferries.",
     [("that would permit the financing of more ferries", "Ana Lind")]),
    ("told-a-programme", "Tom Vale told NBC's \"Today\" show that the pier would be rebuilt.",
     [("the pier would be rebuilt", "Tom Vale")]),
    ("without-evidence", "Tom Vale has claimed without evidence that the pier was sold.",
     [("the pier was sold", "Tom Vale")]),
    ("falsely-is-no-part-of-the-name", "Tom Vale falsely claimed the pier had been sold.",
     [("the pier had been sold", "Tom Vale")]),
    ("conditional-ends-at-its-comma", "If Tom Vale says the pier is safe, nobody will believe him.",
     [("the pier is safe", "Tom Vale")]),
    ("even-if", "Even if Tom Vale says the pier is safe, nobody will believe him.",
     [("the pier is safe", "Tom Vale")]),
    ("because-clause-runs-to-the-end", "The pier was closed because engineers said the planks, which were old, "
     "had rotted.", [("the planks, which were old, had rotted", "engineers")]),
    ("according-to-a-name-and-who", "According to Ana Lind, who chairs the board, the pier will be rebuilt.",
     [("the pier will be rebuilt", "Ana Lind")]),
    ("according-to-a-title", "According to Sen. Tom Vale, D-Del., the pier will be rebuilt.",
     [("the pier will be rebuilt", "Sen. Tom Vale")]),
    ("speaking-to-is-a-scene", "Speaking to reporters on Monday, Tom Vale said fares would rise.",
     [("fares would rise", "Tom Vale")]),
    ("asked-about-is-a-scene", "Asked about the pier, Tom Vale said fares would rise.",
     [("fares would rise", "Tom Vale")]),
    ("description-before-the-subject-is-a-scene", "A longtime critic of the port, Tom Vale said fares would rise.",
     [("fares would rise", "Tom Vale")]),
    ("frame-with-a-relative-is-a-scene", "In the interview, which aired Sunday, Tom Vale said fares would rise.",
     [("fares would rise", "Tom Vale")]),
    ("trailing-cue-then-a-day-stays-trailing", "Fares will rise in May, Tom Vale said Tuesday.",
     [("Fares will rise in May", "Tom Vale")]),
    ("said-it-an-object", "He said it so many times that the moderator asked him to stop.", []),
    ("said-it-again", "She said it again on Monday.", []),
    ("said-it-then-a-verb", "Tom Vale said it cost too much.", [("it cost too much", "Tom Vale")]),
    ("said-there-was", "Ana Lind said there was no money left.", [("there was no money left", "Ana Lind")]),
    ("object-with-a-relative-clause-is-no-statement", "The storm claimed the lives of nine people who were on "
     "the pier.", []),
    ("object-with-relative-then-a-main-verb", "Tom Vale said the man who shot him was a police officer.",
     [("the man who shot him was a police officer", "Tom Vale")]),
    ("relative-with-its-own-subject", "Ana Lind said many of the berths that critics point to as empty had "
     "filled.", [("many of the berths that critics point to as empty had filled", "Ana Lind")]),
    ("noted-an-object-with-a-relative", "Tom Vale noted the irony of a plan that was drawn up by his rival.", []),
    ("maintained-a-lead", "The mayor maintained a lead that has held for months.", []),
    ("denied-a-request", "The port denied the request, which was filed in May.", []),
    ("confirmed-a-nomination", "The council confirmed the nomination of Judge Ana Lind, who has served since "
     "2010.", []),
    ("confirmed-a-death", "The council confirmed the death of a fisherman who was swept off the pier.",
     [("the death of a fisherman who was swept off the pier", "The council")]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected
