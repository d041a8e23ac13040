"""The seed article is the reference input: its important claims, pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.claims import extract_claims
from verify.document import read_document
from verify.model import Claim, ClaimKind

SEED = Path(__file__).resolve().parents[2] / "seeds" / "qnews-2018-chechnya-purge.txt"

KADYROV = "President Ramzan Kadyrov"
KARIMOV = "Kadyrov’s press secretary Alvi Karimov"
ZAKHAROVA = "Russian LGBT Network board member Svetlana Zakharova"
IJ = "one victim, known as IJ"


@pytest.fixture(scope="module")
def claims() -> tuple[Claim, ...]:
    return extract_claims(read_document(SEED))


def _starting(claims: tuple[Claim, ...], words: str, kind: ClaimKind | None = None) -> Claim:
    found = [c for c in claims if c.text.startswith(words) and (kind is None or c.kind is kind)]
    assert len(found) == 1, (words, [c.text for c in claims])
    return found[0]


# (quote start, kind, speaker name, resolved_from, cue, outlet, number of parts)
ROWS = [
    ("They threw me to the floor", ClaimKind.DIRECT, IJ, None, "said", None, 3),
    ("Are you a faggot?", ClaimKind.DIRECT, "police", None, "told", None, 1),
    ("Over the past year, the Russian LGBT Network", ClaimKind.DIRECT,
     "The group’s founder Igor Kochetkov", None, "said", "a statement", 2),
    ("gibberish", ClaimKind.PARTIAL, KADYROV, None, "slammed", "HBO", 1),
    ("We don’t have such people", ClaimKind.DIRECT, KADYROV, "he", "said", None, 1),
    ("It is impossible to detain", ClaimKind.DIRECT, KARIMOV, "he", "said", None, 1),
    ("If there were such people", ClaimKind.DIRECT, KARIMOV, "he", None, None, 1),
    ("is not over", ClaimKind.PARTIAL, ZAKHAROVA, None, "said", None, 1),
    ("justice for the victims", ClaimKind.PARTIAL, ZAKHAROVA, None, "said", None, 1),
    ("The Russian authorities must fulfill", ClaimKind.DIRECT, ZAKHAROVA, "she", "said", None, 1),
    ("The Russian authorities have not done", ClaimKind.DIRECT, ZAKHAROVA, "she", None, None, 1),
    ("The victims were subjected", ClaimKind.DIRECT, "The LGBT Network", "the group", "said", None, 1),
    ("visiting the houses", ClaimKind.PARTIAL, "The LGBT Network", None, "said", "The Independent", 1),
    ("Thirty-six of them", ClaimKind.REPORTED,
     "The St Petersburg-based Russian LGBT Network", "the group", "said", None, 1),
    ("in the last 12 months at least 200", ClaimKind.REPORTED,
     "The St Petersburg-based Russian LGBT Network", None, "said", "a report", 1),
    ("they had been told by victims", ClaimKind.REPORTED, "The LGBT Network", None, "said", None, 1),
    ("men had been abducted", ClaimKind.REPORTED,
     "Independent Russian newspaper Novaya Gazeta", None, "reported", "Novaya Gazeta", 1),
    ("Over 100 gay and bisexual", ClaimKind.REPORTED, "a Russian LGBTIQ rights group", None, "according to", None, 1),
    ("there were homosexuals in Chechnya", ClaimKind.REPORTED, KARIMOV, None, "denied", None, 1),
]


@pytest.mark.parametrize(
    ("start", "kind", "name", "resolved_from", "cue", "outlet", "parts"), ROWS, ids=[r[0][:28] for r in ROWS]
)
def test_seed_claim(
    claims: tuple[Claim, ...],
    start: str,
    kind: ClaimKind,
    name: str,
    resolved_from: str | None,
    cue: str | None,
    outlet: str | None,
    parts: int,
) -> None:
    claim = _starting(claims, start, kind)
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.resolved_from) == (name, resolved_from)
    assert (claim.cue, claim.outlet) == (cue, outlet)
    assert len(claim.parts) == parts


@pytest.mark.parametrize("term", ["Gay Purge", "gay purge", "anti-gay purge"])
def test_seed_terms(claims: tuple[Claim, ...], term: str) -> None:
    claim = _starting(claims, term, ClaimKind.TERM)
    assert claim.text == term and claim.speaker is None


def test_seed_multi_paragraph_quotes_join_their_parts(claims: tuple[Claim, ...]) -> None:
    text = SEED.read_text(encoding="utf-8")
    kochetkov = _starting(claims, "Over the past year, the Russian LGBT Network", ClaimKind.DIRECT)
    assert kochetkov.text == " ".join(text[p.start : p.end] for p in kochetkov.parts)
    assert kochetkov.text.endswith("do not want to do this.")
    assert "“" not in kochetkov.text
    assert kochetkov.span.start == kochetkov.parts[0].start and kochetkov.span.end == kochetkov.parts[-1].end
    # IJ's testimony: one paragraph with its cue, then a quote run over two more.
    ij = _starting(claims, "They threw me to the floor", ClaimKind.DIRECT)
    openings = [text[p.start : p.end][:18] for p in ij.parts]
    assert openings == ["They threw me to t", "They beat my chest", "One of them said, "]
    assert ij.text.endswith("We don’t need that.’")  # the nested quote closes inside
    assert ij.paragraph == 9 and ij.span.start == ij.parts[0].start and ij.span.end == ij.parts[-1].end


def test_seed_claims_are_in_order_with_spans_that_point_at_the_text(claims: tuple[Claim, ...]) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert [c.id for c in claims] == [f"C{i}" for i in range(1, len(claims) + 1)]
    for claim in claims:
        if len(claim.parts) <= 1:
            assert text[claim.span.start : claim.span.end] == claim.text
