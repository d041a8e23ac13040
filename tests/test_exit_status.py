"""--fail-on: exit 1 when some claim's verdict (an editor's decision winning) is at or below it."""

from __future__ import annotations

import pytest

from verify.cli import exit_status
from verify.model import ArticleInfo, Claim, ClaimKind, ClaimResult, Decision, Reason, Report, Span, Verdict

REASON = {Verdict.CONFIRMED: Reason.EXACT, Verdict.PARAPHRASED: Reason.ALTERED, Verdict.UNVERIFIED: Reason.NOT_FOUND}


def _report(*verdicts: Verdict, decided: Verdict | None = None) -> Report:
    results = [
        ClaimResult(Claim(f"C{i}", ClaimKind.DIRECT, "x", Span(0, 1), 0, None, None, None), v, REASON[v], 100.0)
        for i, v in enumerate(verdicts, start=1)
    ]
    if decided is not None and results:
        results[-1] = ClaimResult(
            results[-1].claim, results[-1].verdict, results[-1].reason, 100.0,
            decision=Decision(decided, "heard on the recording", "desk"),
        )  # fmt: skip
    return Report("t", ArticleInfo(None, "0" * 64), (), tuple(results))


C, P, U = Verdict.CONFIRMED, Verdict.PARAPHRASED, Verdict.UNVERIFIED


@pytest.mark.parametrize(
    ("verdicts", "decided", "fail_on", "status"),
    [
        ((C, C), None, "unverified", 0),
        ((C, P), None, "unverified", 0),
        ((C, U), None, "unverified", 1),
        ((C, P), None, "paraphrased", 1),
        ((C, C), None, "paraphrased", 0),
        ((U,), None, "never", 0),
        ((), None, "unverified", 0),
        ((C, U), C, "unverified", 0),  # the editor confirmed it by other means
        ((C, U), P, "paraphrased", 1),  # accepted as paraphrase still counts as paraphrased
    ],
)
def test_exit_status(verdicts: tuple[Verdict, ...], decided: Verdict | None, fail_on: str, status: int) -> None:
    assert exit_status([_report(*verdicts, decided=decided)], fail_on) == status
