"""Markdown drafts: a link reads as its anchor text, and offsets still point into the draft."""

from __future__ import annotations

import pytest

from verify.claims import extract_claims
from verify.document import load_text
from verify.model import ClaimKind


def _claims(text: str):  # type: ignore[no-untyped-def]
    return extract_claims(load_text(text, path="draft.md"))


@pytest.mark.parametrize(
    ("text", "kind", "quote", "speaker", "outlet"),
    [
        pytest.param("Ana Lind told [the Harbour Gazette](https://gazette.example/a): “The pier is closed.”",
                     ClaimKind.DIRECT, "The pier is closed.", "Ana Lind", "the Harbour Gazette",
                     id="link-names-the-outlet"),  # fmt: skip
        pytest.param("“The pier is closed,” [Ana Lind](https://port.example/lind) said.",
                     ClaimKind.DIRECT, "The pier is closed", "Ana Lind", None, id="link-names-the-speaker"),
        pytest.param("“We stay,” Tom Vale told [Radio Nord](https://radio.example/x \"interview\").",
                     ClaimKind.DIRECT, "We stay", "Tom Vale", "Radio Nord", id="link-with-title"),
    ],
)
def test_links_read_as_their_anchor(text: str, kind: ClaimKind, quote: str, speaker: str, outlet: str | None) -> None:
    claims = _claims(text)
    assert [(c.kind, c.text) for c in claims] == [(kind, quote)]
    (claim,) = claims
    assert claim.speaker is not None and claim.speaker.name == speaker
    assert claim.outlet == outlet
    assert text[claim.span.start : claim.span.end] == claim.text


def test_a_quote_holding_a_link_keeps_the_text_as_written() -> None:
    text = "“Read [the minutes](https://council.example/m) before you vote,” Ana Lind said."
    (claim,) = _claims(text)
    assert claim.text == "Read [the minutes](https://council.example/m) before you vote"
    assert text[claim.span.start : claim.span.end] == claim.text


@pytest.mark.parametrize(
    ("text", "outlet", "claims"),
    [
        pytest.param("Ana Lind told ![the Harbour Gazette](https://gazette.example/logo.png): “The pier is closed.”",
                     None, ["The pier is closed."], id="an image names no outlet"),  # fmt: skip
        pytest.param("![“We will rebuild,” said Ana Lind](https://port.example/p.png)\n\nThe vote is on Monday.",
                     None, [], id="alt text is not prose"),  # fmt: skip
    ],
)
def test_images_are_pictures_not_prose(text: str, outlet: str | None, claims: list[str]) -> None:
    found = _claims(text)
    assert [c.text for c in found] == claims
    assert all(c.outlet == outlet for c in found)
    assert load_text(text, path="draft.md").links == ()
