"""The ``verify extract`` text listing numbers paragraphs as people count them."""

from __future__ import annotations

import pytest

from verify.claims import extract_claims
from verify.document import load_text
from verify.report.extraction import render_claims


@pytest.mark.parametrize(
    ("draft", "shown", "json_paragraph"),
    [
        pytest.param("“We will rebuild the pier,” the mayor said.", "¶1", 0, id="first-paragraph"),
        pytest.param("The pier fell.\n\nIt was old.\n\n“We will rebuild it,” the mayor said.", "¶3", 2,
                     id="third-paragraph"),
    ],
)
def test_listing_counts_paragraphs_from_one(draft: str, shown: str, json_paragraph: int) -> None:
    claims = extract_claims(load_text(draft, format="markdown"))
    assert claims[0].paragraph == json_paragraph  # the JSON contract stays 0-based
    head = render_claims(claims).splitlines()[0]
    assert f"  {shown}  " in head, head
