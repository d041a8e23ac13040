"""``match_claims``: verdicts, reasons, flags and evidence, case by case."""

from __future__ import annotations

import pytest

from verify.match import match_claims
from verify.match import matcher as matcher_module
from verify.model import Claim, ClaimKind, ClaimResult, DiffOp, Flag, Reason, SourceText, Span, Verdict

MAYOR = SourceText(
    "S1",
    "The mayor of Lindenfield said on Tuesday that the city would not raise taxes this year.\n"
    "\u201cWe have balanced the budget without closing a single school,\u201d she told reporters. "
    "\u201cOur reserves stand at 1,200,000 dollars, and we will keep them there.\u201d\n\n"
    "The council voted 7 to 2 to approve the plan, which inter-\nnational observers praised. "
    "Critics said the plan was never costed properly.",
)
HARBOUR = SourceText(
    "S2",
    "Dock workers at Sallow Bay walked out on Friday. \u201cWe are not going back until the cranes "
    "are safe,\u201d said their union representative, Ada Brook.",
)


def claim(kind: str, text: str, claim_id: str = "C1") -> Claim:
    return Claim(claim_id, ClaimKind(kind), text, Span(0, len(text)), 0, None, "said", None)


def one(kind: str, text: str, sources: tuple[SourceText, ...] = (MAYOR, HARBOUR), **options: object) -> ClaimResult:
    return match_claims([claim(kind, text)], sources, **options)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "text", "verdict", "reason", "flags"),
    [
        # essentially verbatim
        ("direct", "We have balanced the budget without closing a single school.", "confirmed", "exact", []),
        ("direct", "we have balanced THE budget, without closing a single school!", "confirmed", "exact", []),
        ("direct", "Our reserves stand at 1200000 dollars", "confirmed", "exact", []),
        ("partial", "international observers", "confirmed", "exact", []),
        ("direct", "We have balanced the budget ... and we will keep them there", "confirmed", "exact",
         ["ellipsis_omits_number"]),
        ("direct", "[The city has] balanced the budget without closing a single school", "confirmed", "exact", []),
        ("direct", "We have balanced [the city's] budget without closing a single school", "confirmed", "exact", []),
        ("direct", "[W]e have balanced the budget", "confirmed", "exact", []),
        ("direct", "We are not going back [...] until the cranes are safe", "confirmed", "exact", []),
        ("direct", "We are ... going back until the cranes are safe", "paraphrased", "altered",
         ["ellipsis_omits_negation"]),
        ("direct", "We are not going back, until the cranes are safe,\u201d said their union "
         "representative. \u201cWe", "paraphrased", "altered", []),
        # changes that matter
        ("direct", "We have balanced the budget without closing any school", "paraphrased", "altered", []),
        ("direct", "We have balanced the budget without closing a school", "paraphrased", "altered", []),
        ("direct", "Our reserves stand at 1,300,000 dollars, and we will keep them there", "paraphrased",
         "altered", ["number_mismatch"]),
        ("direct", "Our reserves stand at 1.2 million dollars", "confirmed", "exact", ["style"]),  # same number
        ("direct", "Our reserves stand at 1.3 million dollars", "paraphrased", "altered", ["number_mismatch"]),
        ("direct", "We are going back until the cranes are safe", "paraphrased", "altered",
         ["negation_mismatch"]),
        ("direct", "We have never balanced the budget without closing a single school", "paraphrased",
         "altered", ["negation_mismatch"]),
        # not there
        ("direct", "Nothing like this sentence appears in any of the sources", "unverified", "not_found", []),
        ("partial", "a single hospital", "unverified", "not_found", []),
        # reported speech
        ("reported", "the city will not raise taxes this year", "paraphrased", "supported", []),
        ("reported", "the council approved the plan by 7 votes to 2", "paraphrased", "supported", []),
        ("reported", "the council approved the plan by 8 votes to 2", "unverified", "contradicted",
         ["number_mismatch"]),
        ("reported", "the city will raise taxes this year", "unverified", "contradicted", ["negation_mismatch"]),
        ("reported", "the city's reserves stand at 1.2 million dollars", "paraphrased", "supported", []),
        ("reported", "the city's reserves stand at 1.5 million dollars", "unverified", "contradicted",
         ["number_mismatch"]),
        ("reported", "the reserves are 1.2 million", "paraphrased", "supported", []),  # one word and a number
        ("reported", "the reserves are 1.4 million", "unverified", "contradicted", ["number_mismatch"]),
        ("reported", "it was 1.2 million", "unverified", "not_found", []),  # no content word: not checked
        ("reported", "the harbour master resigned after the storm", "unverified", "not_found", []),
    ],
)
def test_verdicts(kind: str, text: str, verdict: str, reason: str, flags: list[str]) -> None:
    result = one(kind, text)
    assert (result.verdict, result.reason, [f.value for f in result.flags]) == (
        Verdict(verdict),
        Reason(reason),
        flags,
    )
    if result.verdict is Verdict.UNVERIFIED:
        # a passage that was compared is shown whatever the verdict; one that says otherwise always is
        assert result.score is None
        assert (result.evidence is not None) == bool(result.flags)
    else:
        assert result.evidence is not None and result.score is not None
        assert 0 <= result.score <= 100
        if kind != "reported":  # a quote scores 100 exactly when it is confirmed
            assert (result.score == 100.0) == (result.verdict is Verdict.CONFIRMED)


INTERJECTED = SourceText(
    "S8",
    "\u201cThey stayed calm,\u201d she said.\n\u201cThat saved them.\u201d The coastguard said the group was "
    "lucky. Visitors should check the tide, the coastguard said, before walking out.",
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("They stayed calm. That saved them.", "confirmed"),  # the source's "she said" is not quoted words
        ("The coastguard said the group was lucky", "confirmed"),
        ("Visitors should check the tide before walking out", "paraphrased"),  # no quote marks around it
    ],
)
def test_the_sources_own_attribution_between_quotations(text: str, verdict: str) -> None:
    assert one("direct", text, (INTERJECTED,)).verdict is Verdict(verdict)


@pytest.mark.parametrize(
    ("source_text", "statement", "flags"),
    [
        ("The barriers had been inspected in June and showed no sign of weakness.",
         "the barriers had not been inspected in June", ["negation_mismatch"]),
        ("No homes were damaged in the fire on the moor.", "homes were damaged in the fire on the moor",
         ["negation_mismatch"]),
        ("The choir will not perform after the council withdrew its grant.",
         "the council withdrew its grant so the choir will not sing", []),
        ("The choir will not perform after the council withdrew its grant.",
         "the council withdrew its grant from the choir", []),
    ],
)
def test_negation_in_reported_speech(source_text: str, statement: str, flags: list[str]) -> None:
    result = one("reported", statement, (SourceText("S9", source_text),))
    assert [f.value for f in result.flags] == flags
    assert result.verdict is (Verdict.UNVERIFIED if flags else Verdict.PARAPHRASED)


def test_a_term_gets_no_verdict() -> None:
    result = one("term", "gay purge")
    assert (result.verdict, result.reason, result.score, result.evidence, result.flags) == (None, None, None, None, ())


@pytest.mark.parametrize(
    ("sources", "unavailable", "preferred", "reason"),
    [
        ((), frozenset(), None, "no_source"),
        ((), frozenset({"S9"}), None, "source_unavailable"),
        ((HARBOUR,), frozenset({"S9"}), None, "not_found"),  # compared with a readable source
        ((HARBOUR,), frozenset(), None, "not_found"),
        ((HARBOUR,), frozenset({"S9"}), {"C1": frozenset({"S9"})}, "source_unavailable"),
        ((HARBOUR,), frozenset({"S9"}), {"C1": frozenset({"S2"})}, "not_found"),
    ],
)
def test_reasons_for_unverified(
    sources: tuple[SourceText, ...],
    unavailable: frozenset[str],
    preferred: dict[str, frozenset[str]] | None,
    reason: str,
) -> None:
    result = one("direct", "We have balanced the budget without closing a single school", sources,
                 preferred=preferred, unavailable=unavailable)
    assert (result.verdict, result.reason, result.evidence) == (Verdict.UNVERIFIED, Reason(reason), None)


COPY = SourceText("S3", MAYOR.text)
ALTERED_COPY = SourceText("S4", MAYOR.text.replace("a single school", "one single school"))


@pytest.mark.parametrize(
    ("sources", "preferred", "source", "flags", "verdict"),
    [
        ((MAYOR, COPY), {"S3"}, "S3", [], "confirmed"),
        ((MAYOR, COPY), {"S1"}, "S1", [], "confirmed"),
        ((MAYOR, HARBOUR), {"S2"}, "S1", ["outlet_mismatch"], "confirmed"),
        ((MAYOR, ALTERED_COPY), {"S4"}, "S4", [], "paraphrased"),  # the named outlet first
        ((MAYOR, ALTERED_COPY), set(), "S1", [], "confirmed"),  # no outlet: the best source
        ((MAYOR,), {"S9"}, "S1", ["outlet_mismatch"], "confirmed"),  # the outlet's source could not be read
    ],
)
def test_preferred_sources_come_first(
    sources: tuple[SourceText, ...], preferred: set[str], source: str, flags: list[str], verdict: str
) -> None:
    result = one("direct", "We have balanced the budget without closing a single school", sources,
                 preferred={"C1": frozenset(preferred)})
    assert result.evidence is not None
    assert (result.evidence.source, [f.value for f in result.flags], result.verdict) == (
        source,
        flags,
        Verdict(verdict),
    )


def test_full_text_is_searched_when_the_main_text_fails() -> None:
    page = "Menu Home News\n\nCaption: \u201cWe will rebuild the pier by spring,\u201d the harbour master said."
    source = SourceText("S5", "An unrelated article body about the weather.", full_text=page)
    result = one("direct", "We will rebuild the pier by spring", (source,))
    assert result.verdict is Verdict.CONFIRMED
    assert result.evidence is not None
    assert result.evidence.in_main_text is False
    assert Flag.OUTSIDE_MAIN_TEXT in result.flags
    assert page[result.evidence.start : result.evidence.end] == "We will rebuild the pier by spring"


@pytest.mark.parametrize(
    ("text", "span_text"),
    [
        ("We have balanced the budget without closing a single school", "We have balanced the budget without "
         "closing a single school"),
        ("international observers", "inter-\nnational observers"),
        ("We have balanced the budget ... and we will keep them there",
         "We have balanced the budget without closing a single school,\u201d she told reporters. \u201cOur "
         "reserves stand at 1,200,000 dollars, and we will keep them there"),
    ],
)
def test_evidence_offsets_index_the_source_text(text: str, span_text: str) -> None:
    result = one("direct", text)
    assert result.evidence is not None
    assert MAYOR.text[result.evidence.start : result.evidence.end] == span_text
    assert span_text in result.evidence.snippet
    assert result.evidence.snapshot is None


@pytest.mark.parametrize(
    ("text", "diff", "omitted"),
    [
        (
            "We have balanced the budget without closing any school",
            [("equal", "We have balanced the budget without closing"), ("delete", "any"),
             ("insert", "a single"), ("equal", "school")],
            [],
        ),
        (
            "Our reserves stand at 1,300,000 dollars",
            [("equal", "Our reserves stand at"), ("delete", "1,300,000"), ("insert", "1,200,000"),
             ("equal", "dollars")],
            [],
        ),
        (
            "The council voted ... to approve the plan",
            [("equal", "The council voted"), ("insert", "7 to 2"), ("equal", "to approve the plan")],
            ["7 to 2"],
        ),
        (
            "[The mayor] told reporters",
            [("equal", "told reporters")],
            [],
        ),
        (
            "We have balanced [the city's] budget",
            [("equal", "We have balanced"), ("delete", "[the city's]"), ("insert", "the"), ("equal", "budget")],
            [],
        ),
    ],
)
def test_word_diff_and_omitted(text: str, diff: list[tuple[str, str]], omitted: list[str]) -> None:
    result = one("direct", text)
    assert result.evidence is not None
    assert [(op.value, words) for op, words in result.evidence.diff] == diff
    assert list(result.evidence.omitted) == omitted
    assert all(isinstance(op, DiffOp) for op, _ in result.evidence.diff)


def test_split_quote_parts_may_sit_around_the_sources_attribution() -> None:
    first, second = "We are not going back", "until the cranes are safe"
    text = f"{first} {second}"
    split = Claim("C1", ClaimKind.DIRECT, text, Span(0, 50), 0, None, "said", None,
                  parts=(Span(0, len(first)), Span(40, 40 + len(second))))
    source = SourceText("S6", "\u201cWe are not going back,\u201d she said on Friday, \u201cuntil the cranes are "
                              "safe.\u201d")
    result = match_claims([split], [source])[0]
    assert (result.verdict, result.reason) == (Verdict.CONFIRMED, Reason.EXACT)


def test_one_result_per_claim_in_order_and_one_index_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    real = matcher_module.SourceIndex

    def counting(sources: object, **declared: object) -> object:
        built.append(sources)
        return real(sources, **declared)  # type: ignore[arg-type]

    monkeypatch.setattr(matcher_module, "SourceIndex", counting)
    claims = [
        claim("direct", "We have balanced the budget", "C1"),
        claim("term", "gay purge", "C2"),
        claim("direct", "We are not going back until the cranes are safe", "C3"),
        claim("reported", "the city will not raise taxes this year", "C4"),
        claim("partial", "nothing of the sort", "C5"),
    ]
    results = match_claims(claims, [MAYOR, HARBOUR])
    assert [r.claim.id for r in results] == ["C1", "C2", "C3", "C4", "C5"]
    assert [r.verdict.value if r.verdict else None for r in results] == [
        "confirmed", None, "confirmed", "paraphrased", "unverified"
    ]
    assert len(built) == 1


def test_a_quote_of_only_marks_is_unverified() -> None:
    result = one("direct", "[...]")
    assert (result.verdict, result.reason) == (Verdict.UNVERIFIED, Reason.NOT_FOUND)


def test_a_long_quote_against_a_long_source_is_matched_in_windows() -> None:
    filler = " ".join(f"Paragraph {i} talks about the weather in the valley and nothing else." for i in range(400))
    quote = ("the harbour master confirmed that every one of the forty boats had returned safely before the "
             "storm reached the coast on Sunday night")
    source = SourceText("S7", f"{filler}\n\n{quote.capitalize()}.\n\n{filler}")
    altered = quote.replace("forty", "fifty").replace("Sunday", "Monday")
    results = match_claims([claim("direct", quote, "C1"), claim("direct", altered, "C2")], [source])
    assert [(r.verdict, r.flags) for r in results] == [
        (Verdict.CONFIRMED, ()),
        (Verdict.PARAPHRASED, (Flag.NUMBER_MISMATCH, Flag.DATE_MISMATCH)),
    ]


def test_an_altered_quote_at_the_very_start_of_a_later_source_is_found() -> None:
    # The vote's diagonal for a quote opening a source points before the source's first word;
    # the window must still be taken in that source, not at the end of the one before it.
    first = SourceText("S1", "An unrelated story about the weather in the hills. " * 30)
    second = SourceText("S2", "Ferry crews will strike for three days over new rosters, the union said on Monday.")
    claim_text = "The spokesperson told reporters that ferry crews will strike for three days over new rosters"
    result = one("direct", claim_text, (first, second))
    assert (result.verdict, result.evidence.source if result.evidence else None) == (Verdict.PARAPHRASED, "S2")


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own() -> None:
    """Reported speech is supported by a sentence or two; a blank line ends a sentence too."""
    page = SourceText(
        "S1",
        "Ferry Service Will Resume In Spring\n\nHarbour desk\n\n"
        "The port authority said on Monday that the ferry would run again from April.",
    )
    (result,) = match_claims([claim("reported", "the ferry would run again from April")], [page])
    assert result.reason is Reason.SUPPORTED and result.evidence is not None
    passage = page.text[result.evidence.start : result.evidence.end]
    assert "Ferry Service" not in passage and "Harbour desk" not in passage
    assert "the ferry would run again from April" in passage
