"""Long drafts: every quote found, nothing swallowed, no pathological inputs."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.claims import extract_claims
from verify.document import load_text
from verify.model import ClaimKind


def test_hundreds_of_quotes_are_all_found() -> None:
    paragraphs = [f"“Point number {i} stands,” said Speaker{i} Vale." for i in range(400)]
    claims = claims_of("\n\n".join(paragraphs))
    direct = [c for c in claims if c.kind is ClaimKind.DIRECT]
    assert len(direct) == 400
    assert direct[123].text == "Point number 123 stands"
    assert direct[123].speaker is not None and direct[123].speaker.name == "Speaker123 Vale"


def test_an_unclosed_quote_at_the_top_swallows_nothing() -> None:
    paragraphs = ["“This mark is never closed, said the editor.", "A plain paragraph follows."]
    paragraphs += [f"“Line {i},” said Ana Lind." for i in range(300)]
    claims = claims_of("\n\n".join(paragraphs))
    assert len([c for c in claims if c.text.startswith("Line ")]) == 300
    assert claims[0].paragraph == 0 and claims[1].paragraph == 2


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“" * 5000, id="only-opening-marks"),
        pytest.param("'" * 5000, id="only-apostrophes"),
        pytest.param("said " * 3000, id="only-cues"),
        pytest.param("a, " * 5000 + "he said.", id="long-comma-run"),
        pytest.param("Mr. " * 3000, id="only-abbreviations"),
        pytest.param("\n\n".join(["“Open"] * 2000), id="reopened-paragraphs-never-closed"),
    ],
)
@pytest.mark.timeout(60)  # ample for a linear pass over 15 KB; a quadratic corner takes far longer
def test_degenerate_inputs_finish(text: str) -> None:
    claims_of(text)


# Drafts of about 100 KB, each a corner that once took minutes (the work grew with the square of
# the length); read in linear time they take well under a second. bench/bench_linear.py shows the
# growth itself.
HOSTILE_DRAFTS = {
    "a run of [": "[" * 100_000,
    "link openings": "[a](" * 25_000,
    "link openings with an address": "[a](https://x.example/" * 4_000,
    "quote pairs in one paragraph": "“a” " * 25_000,
    "straight quote pairs": '"a" ' * 25_000,
    "single opening marks": "‘" * 100_000,
    "'tis runs": "'tis word " * 10_000,
    "apostrophe openers": " 'a" * 33_000,
    "full stops": "." * 100_000,
    "letters and stops": "a." * 50_000,
    "according to": "according to " * 8_000,
    "capitals": "A" * 100_000,
    "spaces inside according to": "According to Ana" + " " * 100_000 + "Lind, it holds.",
    "fragments after a cue": "Ana Lind called it “a” " + "and “b” " * 12_000 + ".",
}


@pytest.mark.parametrize("text", HOSTILE_DRAFTS.values(), ids=HOSTILE_DRAFTS.keys())
@pytest.mark.parametrize("path", ["draft.md", "draft.txt"])
@pytest.mark.timeout(60)  # linear: about a second; each of these took minutes when it was quadratic
def test_hostile_drafts_are_read_in_linear_time(text: str, path: str) -> None:
    for claim in extract_claims(load_text(text, path=path)):
        assert all(0 <= p.start <= p.end <= len(text) for p in claim.parts)
