"""Who said it: speakers before, after and inside quotes, cues, outlets, pronouns.

Each row is a short fictional text, the start of the quoted words, and what the
claim must say about its speaker. A row was added for each class of error found
while measuring on the PolNeAR dev split.
"""

from __future__ import annotations

import pytest

from tests.helpers import claim_starting

ROWS = [
    # (id, text, quote start, speaker name, resolved_from, cue, outlet)
    ("said-after", "“The dam is safe,” Mayor Ana Lind said.", "The dam", "Mayor Ana Lind", None, "said", None),
    ("said-inverted", "“The dam is safe,” said Ana Lind.", "The dam", "Ana Lind", None, "said", None),
    ("said-before-colon", "Ana Lind said: “The dam is safe.”", "The dam", "Ana Lind", None, "said", None),
    ("said-before-comma", "Ana Lind said, “The dam is safe.”", "The dam", "Ana Lind", None, "said", None),
    ("inverted-before", "Said Ana Lind: “The dam is safe.”", "The dam", "Ana Lind", None, "Said", None),
    ("appositive-after-inverted", "“The dam is safe,” said Hugh Hill, a doctor who works nights.",
     "The dam", "Hugh Hill", None, "said", None),
    ("appositive-before", "Hugh Hill, a doctor who works nights, said: “The dam is safe.”",
     "The dam", "Hugh Hill", None, "said", None),
    ("description-known-as", "“They took my phone,” one resident, known as RT, said.",
     "They took", "one resident, known as RT", None, "said", None),
    ("description", "A police spokesman said: “Nobody was hurt.”", "Nobody", "A police spokesman", None, "said", None),
    ("description-then-name", "Its chairman, Tom Brack, told Radio Nord: “Nobody asked us.”", "Nobody",
     "Its chairman, Tom Brack", None, "told", "Radio Nord"),
    ("told-outlet", "“Nobody was hurt,” a police spokesman told Reuters.",
     "Nobody", "a police spokesman", None, "told", "Reuters"),
    ("told-person-not-outlet", "“Resign now,” Senator Ida Moss told Paul Kerr.",
     "Resign", "Senator Ida Moss", None, "told", None),
    ("told-addressee-not-speaker", "“We stay,” one farmer, known as KB, told Radio Nord.",
     "We stay", "one farmer, known as KB", None, "told", "Radio Nord"),
    ("dash", "“Nobody was hurt.” — Chief Ola Berg", "Nobody", "Chief Ola Berg", None, None, None),
    ("anonymous-source", "“Nobody was hurt,” a port official who asked not to be named said.",
     "Nobody", "a port official", None, "said", None),
    ("added", "“We will be back,” Ana Lind added.", "We will", "Ana Lind", None, "added", None),
    ("adverb-after-speaker", "My grandmother often said, “Keep your boots dry.”", "Keep your", "My grandmother", None,
     "said", None),
    ("wrote-on-x", "“The port stays open,” Mayor Ana Lind wrote on X.",
     "The port", "Mayor Ana Lind", None, "wrote", "X"),
    ("in-a-statement", "Ana Lind said in a statement, “The port stays open.”",
     "The port", "Ana Lind", None, "said", "a statement"),
    ("interview-with", "In an interview with Radio Nord last week, Mayor Ana Lind called the plan “reckless”.",
     "reckless", "Mayor Ana Lind", None, "called", "Radio Nord"),
    ("split-quote", "“We tried,” Ana Lind said, “and we failed.”", "and we failed", "Ana Lind", None, "said", None),
    ("second-sentence-keeps-speaker", "“We tried,” Ana Lind said. “We failed.”",
     "We failed", "Ana Lind", None, None, None),
    ("he-resolved", "Senator Paul Rask spoke first.\n\n“We are open,” he said.", "We are open",
     "Senator Paul Rask", "he", "said", None),
    ("she-finds-no-woman", "Mr. Tom Vale left early.\n\n“We are open,” she said.",
     "We are open", None, None, "said", None),
    ("she-skips-a-man", "Ms. Ana Lind met Mr. Tom Vale.\n\nMr. Tom Vale left early.\n\n“We are open,” she said.",
     "We are open", "Ms. Ana Lind", "she", "said", None),
    ("she-resolved", "Ana Lind runs the port.\n\n“We are open,” she said.",
     "We are open", "Ana Lind", "she", "said", None),
    ("she-named-outside-the-subject",
     "Maria Lind said the port was safe.\n\nThe vote split the board, with Hillary Berg leading the critics."
     "\n\n“The port is not safe,” she said.", "The port is not safe", "Hillary Berg", "she", "said", None),
    ("nominal-resolved",
     "The Harbour Workers Union said on Monday that pay talks had failed.\n\n“We will strike,” the union said.",
     "We will strike", "The Harbour Workers Union", "the union", "said", None),
    ("nominal-skips-a-description",
     "The harbour master insisted the pier was safe.\n\n“We will strike,” the union said.",
     "We will strike", "the union", None, "said", None),
    ("nominal-without-antecedent", "“We will strike,” the union said.",
     "We will strike", "the union", None, "said", None),
    ("pronoun-without-antecedent", "“We will strike,” she said.", "We will strike", None, None, "said", None),
    ("named-in-sentence-before", "Mayor Ana Lind was asked about the closure.\n\n“It will not happen.”",
     "It will not", "Mayor Ana Lind", None, None, None),
    ("participle-takes-subject", "During a speech in Oslo, Ana Lind attacked the plan, saying, “It is a disgrace.”",
     "It is a disgrace", "Ana Lind", None, "saying", None),
    ("compound-predicate", "Ana Lind faced the crowd. She then turned and repeatedly said, “Go home.”",
     "Go home", "Ana Lind", "She", "said", None),
    ("relative-clause-speaker", "Their van was stopped by guards who on seeing the flag told them, “Turn back.”",
     "Turn back", "guards", None, "told", None),
    ("title-abbreviation", "“The vote is over,” said Sen. Ida Moss.", "The vote", "Sen. Ida Moss", None, "said", None),
    ("lowercase-role-before-name", "“Subpoenas are not optional,” panel Chairman Rep. Ida Moss (D-Ore.) said.",
     "Subpoenas", "panel Chairman Rep. Ida Moss (D-Ore.)", None, "said", None),
    ("colon-paragraph-before", "Ana Lind took the stage.\n\nShe said:\n\n“We are not leaving.”",
     "We are not leaving", "Ana Lind", "She", "said", None),
    ("colon-without-cue", "Mayor Ana Lind has a new message for voters: “Stay home.”",
     "Stay home", "Mayor Ana Lind", None, None, None),
    ("reported-by-outlet", "The Coastal Times reported that “the port will close.”", "the port will close",
     "The Coastal Times", None, "reported", "The Coastal Times"),
    ("what-x-called", "The mayor rejected what Senator Ida Moss called a “reckless gamble.”",
     "reckless gamble", "Senator Ida Moss", None, "called", None),
    ("thing-is-not-she", "Ana Lind wrote to the board.\n\nThe letter was read aloud.\n\n“Resign,” she said.",
     "Resign", "Ana Lind", "she", "said", None),
    ("they-skips-a-thing", "The Dock Workers Union met on Friday. The statement was short.\n\n“No,” they said.",
     "No", "The Dock Workers Union", "they", "said", None),
    ("fragment-with-own-cue", "Ana Lind’s claim that the dam leaks was “plain nonsense,” said Paul Rask.",
     "plain nonsense", "Paul Rask", None, "said", None),
    ("long-appositive-after",
     "“The rule is an overreach,” Ida Moss, the attorney general of the state, one of six suing the agency, "
     "said on Monday.", "The rule", "Ida Moss", None, "said", None),
    ("decade-ends-sentence",
     "“It was a fine deal,” said Tom Vale, a lawyer since the 1990s. “Nobody lost money.”",
     "Nobody lost", "Tom Vale", None, None, None),
    ("markdown-blockquote-and-emphasis", "> “The pier stays shut,” Mayor **Ana Lind** said.",
     "The pier stays shut", "Mayor Ana Lind", None, "said", None),
    ("markdown-list-item", "- “It is a sad day,” said Tom Vale.", "It is a sad day", "Tom Vale", None, "said", None),
    ("possessive-is-not-a-verb", "Ana Lind’s repeated claim that the dam leaks was “nonsense,” said Paul Rask.",
     "nonsense", "Paul Rask", None, "said", None),
]


@pytest.mark.parametrize(
    ("text", "quote", "name", "resolved_from", "cue", "outlet"),
    [pytest.param(*row[1:], id=row[0]) for row in ROWS],
)
def test_attribution(
    text: str, quote: str, name: str | None, resolved_from: str | None, cue: str | None, outlet: str | None
) -> None:
    claim = claim_starting(text, quote)
    if name is None:
        assert claim.speaker is None
    else:
        assert claim.speaker is not None
        assert (claim.speaker.name, claim.speaker.resolved_from) == (name, resolved_from)
    assert claim.cue == cue
    assert claim.outlet == outlet


def test_split_quote_halves_share_one_speaker() -> None:
    first = claim_starting("“We tried,” she said, “and we failed.”", "We tried")
    second = claim_starting("“We tried,” she said, “and we failed.”", "and we failed")
    assert first.speaker == second.speaker
