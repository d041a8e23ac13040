"""Quote marks: which characters open and close a quotation, and what the claim text is."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("“We will rebuild the bridge,” Mayor Ana Lind said.", ["We will rebuild the bridge"], id="curly"),
        pytest.param('"We will rebuild the bridge," Ana Lind said.', ["We will rebuild the bridge"], id="straight"),
        pytest.param("«We stay here», Pierre Vial said.", ["We stay here"], id="guillemets"),
        pytest.param("„We stay here“, Greta Brandt said.", ["We stay here"], id="low-high"),
        pytest.param("'We stay here,' Ruth Hale said.", ["We stay here"], id="single-straight"),
        pytest.param("‘We stay here,’ Ruth Hale said.", ["We stay here"], id="single-curly"),
        pytest.param(
            "“I don’t think Marlow’s band plays rock ’n’ roll,” said Tim Oakes.",
            ["I don’t think Marlow’s band plays rock ’n’ roll"],
            id="apostrophes-are-not-marks",
        ),
        pytest.param(
            "“He told me, ‘Leave the keys,’ and walked off,” said Jo Park.",
            ["He told me, ‘Leave the keys,’ and walked off"],
            id="nested-quote-stays-inside",
        ),
        pytest.param(
            "“They wanted to ‘clean the river.'” said Jo Park.",
            ["They wanted to ‘clean the river.'"],
            id="mismatched-closing-single",
        ),
        pytest.param(
            "The 6'2\" forward said nothing at all. “We lost,” said Coach Amy Rowe.",
            ["We lost"],
            id="inch-marks-ignored",
        ),
        pytest.param(
            "”Nobody came to help,” said Rosa Lenz.",
            ["Nobody came to help"],
            id="closing-mark-used-to-open",
        ),
        pytest.param(
            "The workers’ union rejected the offer. “No deal,” said Ivo Marr.",
            ["No deal"],
            id="plural-possessive-apostrophe",
        ),
    ],
)
def test_quoted_text(text: str, expected: list[str]) -> None:
    quotes = [c.text for c in claims_of(text) if c.kind in (ClaimKind.DIRECT, ClaimKind.PARTIAL)]
    assert quotes == expected


@pytest.mark.parametrize(
    ("text", "kind", "quoted", "speaker"),
    [
        pytest.param("Ana Lind spoke last. ''It is over,'' she said.", ClaimKind.DIRECT, "It is over", "Ana Lind",
                     id="two-apostrophes"),
        pytest.param("''We stay,'' said Ruth Hale.", ClaimKind.DIRECT, "We stay", "Ruth Hale",
                     id="two-apostrophes-inverted-cue"),
        pytest.param("Mayor Lind called it ''a once-in-a-century storm'' on Friday.", ClaimKind.PARTIAL,
                     "a once-in-a-century storm", "Mayor Lind", id="two-apostrophes-partial"),
        pytest.param("''He told me 'wait,' and left,'' said Jo Park.", ClaimKind.DIRECT, "He told me 'wait,' and left",
                     "Jo Park", id="single-inside-two-apostrophes"),
        pytest.param("Ana Lind spoke first. “It is over —” she said.", ClaimKind.DIRECT, "It is over", "Ana Lind",
                     id="closed-by-spaced-dash"),
        pytest.param("“We will not—” said Tom Vale, before the line went dead.", ClaimKind.DIRECT, "We will not",
                     "Tom Vale", id="closed-by-dash"),
        pytest.param("“We heard ‘stay’ and “go,”” said Jo Park.", ClaimKind.DIRECT, "We heard ‘stay’ and “go,”",
                     "Jo Park", id="double-inside-double"),
        pytest.param("‘We heard “stay” and ‘go,’’ said Jo Park.", ClaimKind.DIRECT, "We heard “stay” and ‘go,’",
                     "Jo Park", id="single-inside-single"),
        pytest.param("‘We heard “stay,”’ said Jo Park.", ClaimKind.DIRECT, "We heard “stay,”", "Jo Park",
                     id="double-inside-single"),
        pytest.param("\"We heard 'stay' today,\" said Jo Park.", ClaimKind.DIRECT, "We heard 'stay' today", "Jo Park",
                     id="straight-single-inside-straight-double"),
    ],
)
def test_quote_conventions(text: str, kind: ClaimKind, quoted: str, speaker: str) -> None:
    claims = [c for c in claims_of(text) if c.kind is not ClaimKind.TERM]
    assert [(c.kind, c.text) for c in claims] == [(kind, quoted)]
    assert claims[0].speaker is not None and claims[0].speaker.name == speaker


def test_markdown_blockquote_is_a_direct_quote() -> None:
    (claim,) = claims_of("> “The pier stays shut,” said Ana Lind.")
    assert (claim.kind, claim.text) == (ClaimKind.DIRECT, "The pier stays shut")


def test_claim_text_is_the_span_inside_the_marks() -> None:
    # The comma before the closing mark is the writer's, not the speaker's: left out.
    text = "Intro line.\n\n“We will rebuild the bridge,” Mayor Ana Lind said."
    (claim,) = claims_of(text)
    assert text[claim.span.start : claim.span.end] == claim.text
    assert claim.paragraph == 1


def test_unclosed_quote_is_bound_to_its_paragraph() -> None:
    text = (
        "“The ferry will run again, said Dana Holm.\n\n"
        "The council met on Friday.\n\n"
        "“Another quote,” Lee Brand said."
    )
    claims = claims_of(text)
    first = claims[0]
    assert first.paragraph == 0
    assert first.span.end <= text.index("\n\n")
    assert [c.text for c in claims if c.text.startswith("Another")] == ["Another quote"]


def test_many_unpaired_marks_never_raise() -> None:
    text = "“ ” ” “ ‘ ’ ' \" « » „\n\n“Fine,” said Ann Yu.\n\n\" ' ’ ‘"
    claims = claims_of(text)
    assert any(c.text == "Fine" for c in claims)


def test_quote_over_three_paragraphs_is_one_claim() -> None:
    text = (
        "Rana Osei said on Monday:\n\n"
        "“The water came in the night.\n\n"
        "“We lost the shop and the boat.\n\n"
        "“Now we start again.”\n\n"
        "The river fell by noon."
    )
    (claim,) = [c for c in claims_of(text) if c.kind is ClaimKind.DIRECT]
    assert claim.text == "The water came in the night. We lost the shop and the boat. Now we start again."
    assert len(claim.parts) == 3
    assert text[claim.span.start : claim.span.start + 9] == "The water"
    assert text[claim.span.end - 10 : claim.span.end] == "start again."[-10:]
    assert [text[p.start : p.end] for p in claim.parts] == [
        "The water came in the night.",
        "We lost the shop and the boat.",
        "Now we start again.",
    ]
    assert claim.speaker is not None and claim.speaker.name == "Rana Osei"


def test_testimony_continued_over_paragraphs_is_one_claim() -> None:
    text = (
        "“The water came at night,” one farmer, known as KB, said.\n\n"
        "“We lost the boat.\n\n"
        "“Now we start again.”"
    )
    (claim,) = claims_of(text)
    assert claim.text == "The water came at night We lost the boat. Now we start again."
    assert len(claim.parts) == 3
    assert claim.speaker is not None and claim.speaker.name == "one farmer, known as KB"


def test_paragraph_with_closed_quote_does_not_continue() -> None:
    text = "“First,” said Ola Berg.\n\n“Second.”"
    claims = claims_of(text)
    assert [c.text for c in claims] == ["First", "Second."]
    assert all(c.speaker is not None and c.speaker.name == "Ola Berg" for c in claims)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        pytest.param("The so-called “blue wave” never came.", "blue wave", id="scare-quotes"),
        pytest.param("Critics said the “gay purge” was denied by officials.", "gay purge", id="term-in-reported"),
        pytest.param("She starred in ‘Harbour Lights’ in 1990.", "Harbour Lights", id="title"),
        pytest.param("Residents call it “the Hill” these days.", "the Hill", id="name"),
    ],
)
def test_terms(text: str, term: str) -> None:
    terms = [c for c in claims_of(text) if c.kind is ClaimKind.TERM]
    assert [t.text for t in terms] == [term]
    assert terms[0].speaker is None and terms[0].cue is None


def test_claim_ids_follow_position() -> None:
    text = "“One,” said Ann Yu. Bo Lin said the ferry was late. “Two,” said Cal Ek."
    claims = claims_of(text)
    assert [c.id for c in claims] == [f"C{i}" for i in range(1, len(claims) + 1)]
    assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)
