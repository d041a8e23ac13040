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
