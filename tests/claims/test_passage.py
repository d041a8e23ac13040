"""speaker_of_passage: who a passage of a source text is attributed to."""

from __future__ import annotations

import pytest

from verify.claims import speaker_of_passage

SOURCE = (
    "Harbour news.\n\n"
    "“We will not sell the farm,” Jon Ekker said on Friday.\n\n"
    "Ekker has run the farm since 1990. “It was my father’s,” he said.\n\n"
    "The council said the lease would be renewed.\n\n"
    "Rain is expected on Sunday."
)


@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        pytest.param("We will not sell the farm", "Jon Ekker", id="in-a-quote"),
        pytest.param("not sell", "Jon Ekker", id="part-of-a-quote"),
        pytest.param("It was my father’s", "Ekker", id="pronoun-resolved"),
        pytest.param("the lease would be renewed", "The council", id="reported"),
        pytest.param("Rain is expected on Sunday", None, id="unattributed"),
        pytest.param("Harbour news", None, id="headline"),
    ],
)
def test_speaker_of_passage(passage: str, speaker: str | None) -> None:
    start = SOURCE.index(passage)
    assert speaker_of_passage(SOURCE, start, start + len(passage)) == speaker


def test_empty_passage_has_no_speaker() -> None:
    assert speaker_of_passage(SOURCE, 10, 10) is None
    assert speaker_of_passage("", 0, 0) is None


def test_a_passage_deep_in_a_long_source_reads_only_its_neighbourhood() -> None:
    """A pronoun still finds its name a few paragraphs back, however long the source is."""
    filler = "The tide came in and went out again, as it does.\n\n" * 2000
    tail = "Mayor Ana Lind visited the pier.\n\nShe looked at the planks. “It must close,” she said.\n"
    text = filler + tail
    start = text.index("It must close")
    assert speaker_of_passage(text, start, start + len("It must close")) == "Mayor Ana Lind"


STATEMENTS = (
    "Bridge works.\n\n"
    "The bridge will shut for nine days, according to the county.\n\n"
    "Engineers replaced 40 bolts last spring. Traffic will use the ferry.\n\n"
    "Ms Orr’s claim that the bolts were rusted was denied.\n\n"
    "Freight rose 3 per cent, the port reported. Tolls stay as they are.\n\n"
    "‘We are ready,’ the ferry operator told the Gazette.\n\n"
    "A committee will meet in June; its minutes go online."
)


def _every_sentence(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".;\n" and i > start:
            spans.append((start, i))
            start = i + 1
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


# A source hard-wrapped at a fixed width: a paragraph's sentences run over single line breaks.
WRAPPED = (
    "Port news.\n\n"
    "The harbour minister, Ana Lind, said\nthat the port would close in March. Ferries\nwill run as "
    "before.\n\n"
    "Tolls stay as\nthey are."
)


@pytest.mark.parametrize("text", [SOURCE, STATEMENTS, WRAPPED], ids=["quotes", "statements", "hard-wrapped"])
def test_the_quick_pre_check_never_changes_the_answer(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading only the passage's paragraph (no quotation or cue there; or a quotation whose
    speaker it names) gives the speakers the wide window gives."""
    import verify.claims as claims

    passages = _every_sentence(text)
    fast = [speaker_of_passage(text, a, b) for a, b in passages]
    monkeypatch.setattr(claims, "_paragraph_claims", lambda *_: ((), 0))  # always the wide window
    claims._window_claims.cache_clear()
    slow = [speaker_of_passage(text, a, b) for a, b in passages]
    assert fast == slow
    assert any(s is not None for s in fast) and any(s is None for s in fast)  # both kinds are exercised


def test_the_pre_check_passes_only_passages_a_claim_of_their_paragraph_covers() -> None:
    from verify.claims import _paragraph_claims

    text = STATEMENTS

    def check(passage: str) -> bool:
        at = text.index(passage)
        return _paragraph_claims(text, at, at + len(passage)) is not None

    assert not check("Engineers replaced 40 bolts")  # no quotation, no cue word
    assert not check("Tolls stay as they are")  # a cue word in the paragraph, but no claim here
    for covered in ("The bridge will shut for nine days", "the bolts were rusted", "Freight rose 3 per cent",
                    "We are ready"):  # fmt: skip
        assert check(covered), covered
