"""Verdicts that say what the source says: contradictions, estimates, dates, whom it credits, why
a claim is unverified. Values are compared as strings so that each row reads as the report does."""

from __future__ import annotations

import pytest

from verify.match import match_claims
from verify.model import Claim, ClaimKind, ClaimResult, SourceText, Span, Speaker

FINANCE = SourceText(
    "S1",
    "Reserves fell by 12 percent last year, the finance office said on Monday. "
    "The new depot will be finished by the end of May, the council said. "
    "About 1,400 people signed the petition against the closure. "
    "Turnout was 19.6% in the ward, the lowest since 2009. "
    "The council said the library would not close this winter. "
    "Officials said yesterday that the ferry would run again on Thursday.",
)


def result(kind: str, text: str, sources: tuple[SourceText, ...] = (FINANCE,), speaker: str | None = None,
           **options: object) -> ClaimResult:
    who = Speaker(speaker) if speaker else None
    claim = Claim("C1", ClaimKind(kind), text, Span(0, len(text)), 0, who, "said", None)
    return match_claims([claim], sources, **options)[0]  # type: ignore[arg-type]


def outcome(found: ClaimResult) -> tuple[str | None, str | None, list[str]]:
    return (
        found.verdict.value if found.verdict else None,
        found.reason.value if found.reason else None,
        sorted(f.value for f in found.flags),
    )


@pytest.mark.parametrize(
    ("kind", "text", "verdict", "reason", "flags"),
    [
        # another number, date or polarity: the source says otherwise
        ("reported", "reserves fell by 20 percent", "unverified", "contradicted", ["number_mismatch"]),
        ("reported", "the new depot will be finished by the end of March", "unverified", "contradicted",
         ["date_mismatch"]),
        ("reported", "the ferry would run again on Friday", "unverified", "contradicted", ["date_mismatch"]),
        ("reported", "turnout was 19.6% in the ward, the lowest since 2011", "unverified", "contradicted",
         ["date_mismatch"]),
        ("reported", "the library would close this winter", "unverified", "contradicted", ["negation_mismatch"]),
        # the same figure or date, or an estimate within its rounding: supported
        ("reported", "reserves fell by 12 percent", "paraphrased", "supported", []),
        ("reported", "the new depot will be finished by the end of May", "paraphrased", "supported", []),
        ("reported", "turnout was nearly 20% in the ward", "paraphrased", "supported", []),
        ("reported", "about 1,400 people signed the petition against the closure", "paraphrased", "supported", []),
        ("reported", "some 1,410 people signed the petition against the closure", "paraphrased", "supported", []),
        ("reported", "more than 1,300 people signed the petition against the closure", "paraphrased", "supported", []),
        # an estimate too far from the figure is another number
        ("reported", "about 1,700 people signed the petition against the closure", "unverified", "contradicted",
         ["number_mismatch"]),
        ("reported", "turnout was nearly 25% in the ward", "unverified", "contradicted", ["number_mismatch"]),
        # relative days are never dates: "yesterday" against "on Monday" is no contradiction
        ("reported", "the finance office said yesterday that reserves fell by 12 percent", "paraphrased",
         "supported", []),
        # "may" the verb is not the month
        ("reported", "the new depot may be finished by the end of the year", "paraphrased", "supported", []),
        # a quote with a changed date stays altered, with its flag
        ("direct", "The new depot will be finished by the end of June", "paraphrased", "altered", ["date_mismatch"]),
        ("partial", "the ferry would run again on Friday", "paraphrased", "altered", ["date_mismatch"]),
        ("direct", "Reserves fell by 15 percent last year", "paraphrased", "altered", ["number_mismatch"]),
    ],
)
def test_contradicted_or_supported(kind: str, text: str, verdict: str, reason: str, flags: list[str]) -> None:
    assert outcome(result(kind, text)) == (verdict, reason, flags)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("reserves fell by 20 percent", "Reserves fell by 12 percent"),
        ("the new depot will be finished by the end of March", "by the end of May"),
        ("the library would close this winter", "would not close"),
    ],
)
def test_a_contradiction_shows_the_passage_that_says_otherwise(text: str, shown: str) -> None:
    found = result("reported", text)
    assert found.evidence is not None and shown in found.evidence.snippet
    assert found.score is None


WU = SourceText(
    "S2",
    "The council met on Tuesday to discuss the budget.\n\n"
    "\u201cI have never seen the reserves this low,\u201d said Joan Wu, the treasurer. "
    "She asked the council to cut spending on the new depot.\n\n"
    "Anna Berg, a spokesperson for the Health Ministry, said the clinic in Tarn would close in June.\n\n"
    "Piet Lund chaired the meeting and spoke for an hour about the roads.\n\n"
    "The weather was bad all week and the harbour was closed.\n\n"
    "\u201cWe will not sell the harbour,\u201d he said.",
)


@pytest.mark.parametrize(
    ("kind", "text", "speaker", "verdict", "reason", "flags", "attributed_to"),
    [
        # another person named in the same sentence: misattributed
        ("direct", "I have never seen the reserves this low", "Mayor Ellen Park", "unverified", "misattributed",
         ["speaker_mismatch"], "Joan Wu"),
        ("reported", "the clinic in Tarn would close in June", "Mayor Ellen Park", "unverified", "misattributed",
         ["speaker_mismatch"], "Anna Berg"),
        # the right person, by any part of the name
        ("direct", "I have never seen the reserves this low", "Wu", "confirmed", "exact", [], "Joan Wu"),
        ("direct", "I have never seen the reserves this low", "Joan Wu", "confirmed", "exact", [], "Joan Wu"),
        # the draft names a body and the source its spokesperson: speaking for it
        ("reported", "the clinic in Tarn would close in June", "the Health Ministry", "paraphrased", "supported", [],
         "Anna Berg"),
        # a speaker with no name word is anyone
        ("direct", "I have never seen the reserves this low", "the treasurer", "confirmed", "exact", [], "Joan Wu"),
        # credited through a pronoun a few paragraphs on: not sure enough to overturn the verdict
        ("direct", "We will not sell the harbour", "Mayor Ellen Park", "confirmed", "exact", ["speaker_mismatch"],
         "Piet Lund"),
    ],
)
def test_misattributed(
    kind: str, text: str, speaker: str, verdict: str, reason: str, flags: list[str], attributed_to: str
) -> None:
    found = result(kind, text, (WU,), speaker)
    assert outcome(found) == (verdict, reason, flags)
    assert found.evidence is not None and found.evidence.attributed_to == attributed_to


def test_a_passage_the_source_credits_to_no_one_has_no_attribution() -> None:
    found = result("reported", "the weather was bad all week", (WU,))
    assert found.evidence is not None and found.evidence.attributed_to is None


@pytest.mark.parametrize(
    ("sources", "unavailable", "preferred", "reason"),
    [
        # one dead link does not explain a claim that was compared with readable sources
        ((FINANCE,), frozenset({"S9"}), None, "not_found"),
        ((FINANCE,), frozenset({"S9"}), {"C1": frozenset({"S1"})}, "not_found"),
        # the source the claim names failed, or nothing could be read at all
        ((FINANCE,), frozenset({"S9"}), {"C1": frozenset({"S9"})}, "source_unavailable"),
        ((), frozenset({"S9"}), None, "source_unavailable"),
        ((), frozenset(), None, "no_source"),
    ],
)
def test_source_unavailable_only_when_it_explains_the_miss(
    sources: tuple[SourceText, ...],
    unavailable: frozenset[str],
    preferred: dict[str, frozenset[str]] | None,
    reason: str,
) -> None:
    found = result("direct", "The harbour master resigned after the storm", sources, preferred=preferred,
                   unavailable=unavailable)
    assert (found.verdict.value if found.verdict else None, found.reason.value if found.reason else None) == (
        "unverified", reason)


def test_a_near_miss_keeps_its_flag_and_shows_its_passage_even_when_a_source_failed() -> None:
    found = result("reported", "reserves fell by 20 percent", unavailable=frozenset({"S9"}))
    assert outcome(found) == ("unverified", "contradicted", ["number_mismatch"])
    assert found.evidence is not None and found.evidence.source == "S1"


AUDIT = SourceText(
    "S3",
    "\u201cWe will check irregularities in the accounts of the port,\u201d the auditor said. "
    "\u201cThe books were kept in good order,\u201d she added.",
)


@pytest.mark.parametrize(
    ("text", "verdict", "reason"),
    [
        # sharing "we will check" and nothing of substance: not this passage
        ("We will check the ledger", "unverified", "not_found"),
        ("We will check the harbour", "unverified", "not_found"),
        # most of its content words are there: altered
        ("We will check irregularities in accounts", "paraphrased", "altered"),
        ("The books were kept in order", "paraphrased", "altered"),
        ("The books were kept in good order", "confirmed", "exact"),
    ],
)
def test_a_short_quote_needs_most_of_its_words(text: str, verdict: str, reason: str) -> None:
    assert outcome(result("partial", text, (AUDIT,)))[:2] == (verdict, reason)


RULES = SourceText(
    "S4",
    "\u201cThe bridge is old, but it is not unsafe to cross,\u201d the engineer said. "
    "\u201cClass sizes will fall in most schools next year,\u201d the minister said. "
    "\u201cWe will keep the clinic open if funding continues,\u201d she added. "
    "\u201cThe new rules will protect every worker who has a permanent contract,\u201d the minister said. "
    "\u201cA bonus will be paid to every nurse, porter and cleaner.\u201d "
    "\u201cThe pier will reopen in spring, unless the survey finds more rot.\u201d "
    "\u201cWe have repaired the roof, and the hall will open on time.\u201d "
    "\u201cThe ferry runs every hour in summer.\u201d",
)


@pytest.mark.parametrize(
    ("kind", "text", "verdict", "reason", "flags", "followed_by"),
    [
        # an ellipsis that drops a negation turns the meaning round: altered
        ("direct", "The bridge is old \u2026 unsafe to cross", "paraphrased", "altered", ["ellipsis_omits_negation"],
         None),
        # one that drops a qualifier narrows it: flagged
        ("direct", "Class sizes will fall ... next year", "confirmed", "exact", ["ellipsis_omits_qualifier"], None),
        ("direct", "We will keep the clinic open ...", "confirmed", "exact", ["cut_short"], "if funding continues"),
        # a cut inside a phrase: altered, and what followed is shown
        ("direct", "The new rules will protect every worker", "paraphrased", "altered", ["cut_short"],
         "who has a permanent contract"),
        ("partial", "paid to every nurse", "paraphrased", "altered", ["cut_short"], "porter and cleaner"),
        # a cut before a condition or a contrast: flagged, verdict kept
        ("direct", "The pier will reopen in spring", "confirmed", "exact", ["cut_short"],
         "unless the survey finds more rot"),
        ("direct", "We will keep the clinic open", "confirmed", "exact", ["cut_short"], "if funding continues"),
        # any other clause boundary, or the end of the sentence, is ordinary quoting
        ("direct", "We have repaired the roof", "confirmed", "exact", [], None),
        ("direct", "The ferry runs every hour", "confirmed", "exact", [], None),
        ("direct", "The ferry runs every hour in summer", "confirmed", "exact", [], None),
    ],
)
def test_cuts_and_ellipses(
    kind: str, text: str, verdict: str, reason: str, flags: list[str], followed_by: str | None
) -> None:
    found = result(kind, text, (RULES,))
    assert outcome(found) == (verdict, reason, flags)
    assert found.evidence is not None
    assert getattr(found.evidence, "followed_by", None) == (followed_by and followed_by.rstrip("."))


HOUSE = SourceText(
    "S5",
    "\u201cThe budget is $2.5 billion, and we will spend 40 million pounds on the new centre,\u201d she said. "
    "\u201cInflation is 3.1 per cent, and we can't organise the programme in five weeks,\u201d she said. "
    "\u201cWe're proud of the colour of the new buses,\u201d he said. "
    "\u201cIt will fulfill every promise we made to the city,\u201d he said. "
    "We are ready to reopen the pier before the summer, the harbour master said. "
    "We are sure they are ready, she added.",
)


@pytest.mark.parametrize(
    ("kind", "text", "verdict", "reason", "flags"),
    [
        # units, scales, numerals and UK/US spelling: the same words, in another house style
        ("direct", "The budget is $2.5bn, and we will spend £40m on the new center", "confirmed", "exact", ["style"]),
        ("direct", "Inflation is 3.1%, and we can't organize the programme in 5 weeks", "confirmed", "exact",
         ["style"]),
        ("direct", "It will fulfil every promise we made to the city", "confirmed", "exact", ["style"]),
        ("partial", "proud of the color of the new buses", "confirmed", "exact", ["style"]),
        # a contraction changed inside a direct quote alters the speaker's words
        ("direct", "Inflation is 3.1 per cent, and we cannot organise the programme in five weeks", "paraphrased",
         "altered", ["style"]),
        ("direct", "We are proud of the colour of the new buses", "paraphrased", "altered", ["style"]),
        # another figure is not a matter of style
        ("direct", "The budget is $2.5m, and we will spend £40m on the new centre", "paraphrased", "altered",
         ["number_mismatch"]),
        ("direct", "Inflation is 3.4%, and we can't organise the programme in five weeks", "paraphrased", "altered",
         ["number_mismatch"]),
        # in reported speech a contraction is the same words
        ("reported", "the harbour master said they're ready to reopen the pier before the summer", "paraphrased",
         "supported", []),
        ("reported", "we're ready to reopen the pier before the summer", "paraphrased", "supported", []),
        ("reported", "we're sure they're ready", "paraphrased", "supported", []),
    ],
)
def test_house_style(kind: str, text: str, verdict: str, reason: str, flags: list[str]) -> None:
    assert outcome(result(kind, text, (HOUSE,))) == (verdict, reason, flags)
