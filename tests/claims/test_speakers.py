"""Speakers as a reader resolves them, in drafts and in sources alike."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.claims import speaker_of_passage
from verify.model import ClaimKind

# (id, text, words the claim starts with, speaker's name, what the text wrote if resolved)
DRAFT_ROWS = [
    ("byline-is-no-speaker", "By Jo Park, Transport Editor\n\n“The trams will run late,” he said.",
     "The trams", None, None),
    ("byline-then-named-subject", "By Jo Park, Transport Editor\n\nTom Vale runs the depot. “The trams will "
     "run late,” he said.", "The trams", "Tom Vale", "he"),
    ("description-with-capital", "Sen. Ada Brook of Ohio spoke on Tuesday. “We will not wait,” the Democratic "
     "senator said.", "We will", "Sen. Ada Brook of Ohio", "the Democratic senator"),
    ("description-of-a-paper", "Der Tagesspiegel broke the story. “The ministry knew,” the Berlin daily wrote.",
     "The ministry", "Der Tagesspiegel", "the Berlin daily"),
    ("description-of-an-anchor", "Nina Sato opened the show. “Good evening,” the network's anchor said.",
     "Good evening", "Nina Sato", "the network's anchor"),
    ("emailed", "Ana Lind was asked about the pier. She emailed that the pier would stay shut all winter.",
     "the pier", "Ana Lind", "She"),
    ("she-skips-a-man-named-after-her", "“We will sell the ferry,” said Ingrid Solberg. Magnus Ek, her deputy, "
     "disagreed. “The vote is not done,” she said.", "The vote", "Ingrid Solberg", "she"),
    ("he-skips-a-woman-named-after-him", "“The books are clean,” said Tomasz Nowak. Agnieszka Wrona, the auditor, "
     "was less sure. “We found nothing,” he said.", "We found", "Tomasz Nowak", "he"),
    ("she-skips-a-man-by-surname", "Dagny Holm runs the yard. Bjorn Lie, who owns it, stayed away. Lie was in "
     "Oslo. “The yard is full,” she said.", "The yard", "Dagny Holm", "she"),
    ("time-is-no-speaker", "“It is over,” Three weeks said.", "It is over", None, None),
    ("year-is-no-speaker", "“The pier is safe,” 2024 said.", "The pier", None, None),
    ("dateline-is-no-speaker", "KYIV – Ukraine’s largest bank said on Monday that deposits were safe.",
     "deposits were safe", "Ukraine’s largest bank", None),
    ("dateline-with-agency", "LONDON (Reuters) — The mayor said the night buses would run all winter.",
     "the night buses", "The mayor", None),
    ("time-before-the-cue-is-no-statement", "Three weeks later, the port said it would reopen in May.",
     "it would reopen", "the port", None),
    ("share-of-voters-speaks", "In the poll, 63 percent said the mayor was right to wait.", "the mayor was",
     "63 percent", None),
    ("state-abbreviation-in-brackets", "Sen. Ada Brook (R-Ga.) spoke first. “We will not wait,” she said.",
     "We will", "Sen. Ada Brook", "she"),
    ("place-speaks-as-government", "Kyiv said that the strike hit a school. It added that two people had died.",
     "two people", "Kyiv", "It"),
    ("place-is-never-she", "Moscow denied that its troops had crossed the river. “They are there,” she said.",
     "They are", None, None),
    ("given-name-of-the-name-that-ends-the-mention", "Warren campaign director Jennifer Ames said the pier was "
     "safe. Tom Vale agreed. “You could dismiss it,” she said.", "You could", "Warren campaign director Jennifer Ames",
     "she"),
    ("the-agency-is-the-body-its-officials-speak-for", "Officials at Harbour Safety Investigations said the "
     "ferries were late. Tom Vale said it was fine. In a memo, the agency said that the ferries should stop.",
     "the ferries should", "Harbour Safety Investigations", "the agency"),
    ("note-label-before-a-quote-is-no-speaker", "UPDATE: “The pier is shut.”", "The pier", None, None),
    ("bracket-before-a-name", "<( Ana Lind said: “The pier is shut.”", "The pier", "Ana Lind", None),
    ("he-is-never-a-plural-description", "The roof leaks, surveyors warned on Monday. “It is over,” he said.",
     "It is over", None, None),
    ("he-skips-a-plural-description", "Tom Vale runs the yard. The roof leaks, surveyors warned on Monday. “It is "
     "over,” he said.", "It is over", "Tom Vale", "he"),
    ("texted-after-a-quote", "Ana Lind was asked about the pier. “It will stay shut,” she texted.",
     "It will", "Ana Lind", "she"),
    # a pronoun no subject fits takes the person of its gender named just before, as an object
    ("she-for-a-woman-named-as-object", "Tom Vale spoke after Ana Lind. “We are ready,” she said.",
     "We are ready", "Ana Lind", "she"),
    ("she-for-a-title-named-as-object", "The board thanked Mrs Okafor. She said the ferry would run.",
     "the ferry", "Mrs Okafor", "She"),
    ("he-keeps-the-subject", "Tom Vale spoke after Ana Lind. “We are ready,” he said.",
     "We are ready", "Tom Vale", "he"),
    ("object-too-far-back", "The board thanked Mrs Okafor. " + "The ferry ran late all week. " * 30
     + "“It is over,” she said.", "It is over", None, None),
]


@pytest.mark.parametrize(("text", "opening", "name", "written"), [pytest.param(*r[1:], id=r[0]) for r in DRAFT_ROWS])
def test_speaker_in_a_draft(text: str, opening: str, name: str | None, written: str | None) -> None:
    (claim,) = [c for c in claims_of(text) if c.text.startswith(opening) and c.kind is not ClaimKind.TERM]
    if name is None:
        assert claim.speaker is None or claim.speaker.name is None
        return
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.resolved_from) == (name, written)


TRANSCRIPT = (
    "The hearing resumed at ten.\n\n"
    "MS R. OYELARAN (Finance Director): The reserve will last until March next year.\n\n"
    "MR T. BALE: That is not what the board was told.\n\n"
    "Judge Amy Hart: We will sit again on Friday.\n\n"
    "UPDATE: The hearing was adjourned until Monday.\n\n"
    "Editor's note: An earlier version misspelt a name.\n\n"
    "Photo: The council chamber before the hearing.\n\n"
    "Oct. 3: The report was filed late."
)


@pytest.mark.parametrize(
    ("source", "passage", "speaker"),
    [
        pytest.param(TRANSCRIPT, "The reserve will last until March", "MS R. OYELARAN", id="name-and-role"),
        pytest.param(TRANSCRIPT, "not what the board was told", "MR T. BALE", id="name-in-capitals"),
        pytest.param(TRANSCRIPT, "We will sit again on Friday", "Judge Amy Hart", id="title-case-name"),
        pytest.param(TRANSCRIPT, "The hearing was adjourned", None, id="update-is-no-speaker"),
        pytest.param(TRANSCRIPT, "An earlier version misspelt", None, id="editors-note-is-no-speaker"),
        pytest.param(TRANSCRIPT, "The council chamber before", None, id="photo-is-no-speaker"),
        pytest.param(TRANSCRIPT, "The report was filed late", None, id="date-is-no-speaker"),
        pytest.param("By Jo Park, Transport Editor\n\n“The trams will run late,” he said.",
                     "The trams will run late", None, id="byline-in-a-source"),
        pytest.param("“We need more staff,” said Dr Rosa Lind, a union officer. “The wards are full,” she said.",
                     "The wards are full", "Dr Rosa Lind", id="she-after-inverted-cue"),
        pytest.param("“I have never seen the reserves this low,” said the treasurer, Joan Wu.",
                     "I have never seen the reserves this low", "the treasurer, Joan Wu", id="role-then-name"),
        pytest.param("“The pier stays shut,” said the harbour master, who spoke briefly.",
                     "The pier stays shut", "the harbour master", id="role-then-clause-is-no-name"),
        pytest.param("Budget.\n\n“The rules protect every worker,” the mayor, Ellen Park,\nsaid. “Good,” she said.",
                     "The rules protect every worker", "Ellen Park", id="wrapped-attribution"),
        pytest.param("Budget.\n\n“The pool stays open,” said Tom Vale.\nMembers of the board said it would close.",
                     "The pool stays open", "Tom Vale", id="next-paragraph-is-not-it"),
    ],
)
def test_speaker_in_a_source(source: str, passage: str, speaker: str | None) -> None:
    start = source.index(passage)
    assert speaker_of_passage(source, start, start + len(passage)) == speaker


# (id, draft, words a claim starts with, its speaker; None: no claim starts with these words)
TRANSCRIPT_DRAFT_ROWS = [
    ("run-of-two-turns", "The council met.\n\nMAYOR LIND: The pool will open in June.\n\nCLLR VALE (Finance): "
     "The money is gone.", "The pool will", "MAYOR LIND"),
    ("second-turn-with-role", "The council met.\n\nMAYOR LIND: The pool will open in June.\n\nCLLR VALE (Finance): "
     "The money is gone.", "The money is", "CLLR VALE"),
    ("turns-on-adjacent-lines", "Ada Brook: We will not wait.\nTom Vale: Nor will we.", "Nor will", "Tom Vale"),
    ("bold-names-in-markdown", "**Ada Brook:** We will not wait.\n\n**Tom Vale:** Nor will we.", "We will",
     "Ada Brook"),
    ("quote-inside-a-turn-is-the-turn", "Ada Brook: The sign said “keep out” all year.\n\nTom Vale: It did.",
     "The sign said", "Ada Brook"),
    ("qa-heading-makes-one-turn-count", "## Q&A: the harbour master\n\nNell Grey: We dredge every spring.",
     "We dredge", "Nell Grey"),
    ("transcript-heading", "Transcript of the hearing\n\nJudge Amy Hart: We will sit again on Friday.",
     "We will sit", "Judge Amy Hart"),
    ("lone-line-is-a-label", "The depot reopened.\n\nAna Lind: the new manager starts in May.\n\nBuses ran late.",
     "the new manager", None),
    ("update-and-correction-are-no-run", "UPDATE: The vote moved to Monday.\n\nCorrection: The depot is in Leith.",
     "The vote moved", None),
    ("photo-and-read-more-are-no-run", "Photo: The harbour at dawn.\nRead more: The history of the pier.",
     "The harbour at", None),
    ("dateline-is-no-turn", "Oct. 3: The report was filed.\n\nMonday: The board met.", "The report was", None),
    ("times-are-no-turn", "10:30: The vote was taken.\n\n11:15: The meeting closed.", "The vote was", None),
    ("years-are-no-turn", "2024: The pier shut.\n\n2025: The pier reopened.", "The pier shut", None),
    ("surnames-as-labels", "Ana Lind runs the depot; Tom Vale drives for it.\n\nLind: The buses are old.\n\n"
     "Vale: They are older than me.", "They are older", "Vale"),
    ("a-list-is-no-transcript", "The fair opens on Friday.\n\nVenue: Town Hall, Leith\nPrice: Free for children",
     "Town Hall", None),
    ("a-bulleted-list-is-no-transcript", "At a glance:\n\n- Port Avery: the new school boundaries\n"
     "- Oxley Sands: the loss of the green\n- Farrowdale: the ferry timetable", "the new school", None),
    ("a-starred-list-is-no-transcript", "Who is standing:\n\n* **Ana Lind:** the sitting mayor\n"
     "* **Tom Vale:** a ferry captain", "the sitting mayor", None),
    ("bold-names-are-turns", "**Ana Lind:** We will not wait.\n\n**Tom Vale:** Nor will we.", "Nor will",
     "Tom Vale"),
    ("one-speaker-twice-is-no-run", "UPDATED\n\nAna Lind: The depot shut.\n\nAna Lind: It reopened.",
     "The depot", None),
    ("qa-in-a-sentence-is-no-heading", "The Q&A ran long, the organisers said later.\n\nNell Grey: the boats "
     "were late.", "the boats", None),
]


@pytest.mark.parametrize(
    ("text", "opening", "name"), [pytest.param(*r[1:], id=r[0]) for r in TRANSCRIPT_DRAFT_ROWS]
)
def test_transcript_turn_in_a_draft(text: str, opening: str, name: str | None) -> None:
    found = [c for c in claims_of(text) if c.text.startswith(opening) and c.kind is not ClaimKind.TERM]
    if name is None:
        assert found == []
        return
    (claim,) = found
    assert claim.kind is ClaimKind.DIRECT
    assert claim.speaker is not None and claim.speaker.name == name
