"""Splitting a quote at its editorial marks."""

from __future__ import annotations

import pytest

from verify.match.editorial import GapKind, parse_quote


def _shape(text: str, breaks: tuple[int, ...] = ()) -> tuple[list[str], list[str]]:
    quote = parse_quote(text, breaks)
    return [" ".join(w.norm for w in s) for s in quote.segments], [g.kind.value for g in quote.gaps]


@pytest.mark.parametrize(
    ("text", "segments", "gaps"),
    [
        ("no marks at all", ["no marks at all"], []),
        ("we will ... fight on", ["we will", "fight on"], ["ellipsis"]),
        ("we will \u2026 fight on", ["we will", "fight on"], ["ellipsis"]),
        ("we will . . . fight on", ["we will", "fight on"], ["ellipsis"]),
        ("we will [...] fight on", ["we will", "fight on"], ["ellipsis"]),
        ("we will [\u2026] fight on", ["we will", "fight on"], ["ellipsis"]),
        ("we will.... Fight on", ["we will", "fight on"], ["ellipsis"]),
        ("... we will fight on ...", ["we will fight on"], []),
        ("[Kadyrov] is a liar", ["is a liar"], []),
        ("they told [the victims] to leave", ["they told", "to leave"], ["bracket"]),
        ("[T]he men were beaten", ["the men were beaten"], []),
        ("the men was [sic] beaten", ["the men was beaten"], []),
        ("we will ... [the army] will fight", ["we will", "will fight"], ["ellipsis"]),
    ],
)
def test_segments_and_gaps(text: str, segments: list[str], gaps: list[str]) -> None:
    assert _shape(text) == (segments, gaps)


def test_part_breaks_split_a_quote_into_parts() -> None:
    assert _shape("first part here second part there", (16,)) == (
        ["first part here", "second part there"],
        [GapKind.PART.value],
    )


def test_claim_word_offsets_are_into_the_claim_text() -> None:
    text = "\u201cWe\u2019ll\u201d [T]he end \u2026 of it"
    quote = parse_quote(text)
    assert [text[w.start : w.end] for w in quote.words] == ["We\u2019ll", "[T]he", "end", "of", "it"]
    assert quote.gaps[0].text == "\u2026"
