"""Every human format shows whom the source credits a passage to, how a cut-short sentence went
on, and the passage of an unverified claim (a contradicted one shows the source's own figure)."""

from __future__ import annotations

import pytest

from tests.report.shown import HUMAN_FORMATS, shown
from tests.reports import report_of, result
from verify.model import ClaimKind, ClaimResult, DiffOp, Flag

WU = '"I have never seen the reserves this low," said the treasurer, Joan Wu.'
FINANCE = "Reserves fell by 12 percent over the year, the finance office said."

ROWS = [
    pytest.param(
        result(
            "I have never seen the reserves this low", "unverified", reason="misattributed", speaker="Ellen Park",
            flags=(Flag.SPEAKER_MISMATCH,), snippet=WU, attributed_to="Joan Wu",
        ),
        ["the source credits this to Joan Wu", "said the treasurer, Joan Wu"],
        ["Closest source passage"],
        id="misattributed: whom the source credits, and its passage",
    ),
    pytest.param(
        result(
            "Reserves fell by 20 percent", "unverified", reason="contradicted", kind=ClaimKind.REPORTED,
            flags=(Flag.NUMBER_MISMATCH,), snippet=FINANCE,
            diff=((DiffOp.EQUAL, "Reserves fell by"), (DiffOp.DELETE, "20"), (DiffOp.INSERT, "12"),
                  (DiffOp.EQUAL, "percent")),
        ),
        ["What the source says", "Reserves fell by 12 percent over the year"],
        ["credits this to"],
        id="contradicted: the source's figure is on screen",
    ),
    pytest.param(
        result(
            "Rents rose in the harbour district", "unverified", kind=ClaimKind.REPORTED,
            snippet="Rents fell in the harbour district last spring.",
        ),
        ["Closest source passage", "Rents fell in the harbour district last spring"],
        ["What the source says"],
        id="not found, with the closest passage compared",
    ),
    pytest.param(
        result(
            "The new rules will protect every worker", "paraphrased", flags=(Flag.CUT_SHORT,),
            followed_by="who has a permanent contract",
        ),
        ["the sentence went on: “who has a permanent contract”"],
        ["credits this to"],
        id="cut short: what followed",
    ),
    pytest.param(
        result("We will reopen the pier in May", "confirmed", attributed_to="Ana Reyes"),
        ["the source credits this to Ana Reyes", "Source passage"],
        ["went on"],
        id="confirmed: the credit is shown when it agrees too",
    ),
    pytest.param(
        result("We will reopen the pier in May", "confirmed"),
        ["Source passage"],
        ["credits this to", "went on"],
        id="no credit and no cut: no such lines",
    ),
]


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
@pytest.mark.parametrize("row, present, absent", ROWS)
def test_evidence_lines_in_every_format(row: ClaimResult, present: list[str], absent: list[str], fmt: str) -> None:
    seen = shown(report_of([row]), fmt).lower()
    for words in present:
        assert words.lower() in seen, words
    for words in absent:
        assert words.lower() not in seen, words


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_an_unverified_claim_without_a_passage_shows_none(fmt: str) -> None:
    seen = shown(report_of([result("We never asked anyone", "unverified")]), fmt).lower()
    assert "source passage" not in seen and "what the source says" not in seen


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
@pytest.mark.parametrize(
    "row, words",
    [
        (ROWS[0].values[0], "— the source credits this to Joan Wu"),
        (ROWS[3].values[0], "— the sentence went on: “who has a permanent contract”"),
    ],
)
def test_the_problem_line_says_whom_and_what_followed(row: ClaimResult, words: str, fmt: str) -> None:
    seen = shown(report_of([row]), fmt)
    line = seen[seen.index("Needs a look") :]
    assert words in line[: line.index("C1 ¶1") + 200]
