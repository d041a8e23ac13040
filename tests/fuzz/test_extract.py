"""verify.extract over news-like and hostile drafts: only documented errors, every span in the text."""

from __future__ import annotations

from hypothesis import given

import verify
from tests.fuzz.properties import assert_claims_point_into
from tests.fuzz.strategies import drafts, formats
from tests.schemas import problems
from verify.document import load_text
from verify.model import extraction_to_dict


@given(text=drafts, fmt=formats)
def test_claims_point_into_the_draft(text: str, fmt: str) -> None:
    document = load_text(text, format=fmt)
    claims = verify.extract(document)
    assert_claims_point_into(document.text, claims, len(document.paragraphs))
    assert problems(extraction_to_dict(document, claims, verify.__version__), "extraction") == []


@given(text=drafts)
def test_extract_of_text_in_memory(text: str) -> None:
    try:
        claims = verify.extract(text=text)
    except verify.VerifyError:
        return  # documented: a one-line text ending in .md names a draft file
    document = load_text(text)
    assert_claims_point_into(document.text, claims, len(document.paragraphs))
    assert all("\ud800" > ch or ch > "\udfff" for claim in claims for ch in claim.text)
