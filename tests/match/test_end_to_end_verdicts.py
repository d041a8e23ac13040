"""A fictional draft checked against its council page, press release and a PDF transcript, end to
end: each kind of misleading verdict planted once, with the verdict, flags and --fail-on each must give."""

from __future__ import annotations

import pytest

import verify
from tests.helpers import make_pdf
from verify.model import Report

PAGE = """Council sets a lean budget

The town council met on Tuesday to set next year's budget.

"I have never seen the reserves this low," said Joan Wu, the treasurer.

Reserves fell by 12 percent last year, the finance office said. The new depot will be finished
by the end of May, the council said.

"The bridge is old, but it is not unsafe to cross," said the engineer, Tom Vale.

"The new rules will protect every worker who has a permanent contract," the mayor, Ellen Park,
said. "We will keep the pool open if funding continues," Park said.
"""

RELEASE = """Press release from the Town Council

"The budget is $2.5 billion, and we will spend 40 million pounds on the new centre," Ellen Park
said.
"""

DRAFT = """Budget night

"I have never seen the reserves this low," said Mayor Ellen Park.

Reserves fell by 20 percent, according to the finance office.

The depot will be finished by the end of March, the council said.

"The bridge is old … unsafe to cross," Tom Vale said.

"The new rules will protect every worker," Park said.

"We will keep the pool open," Park said.

"The budget is $2.5bn, and we will spend £40m on the new center," Park said.

"The reserve will last until March," said Mayor Ellen Park.
"""

# The hearing's transcript, as a PDF: the words are credited to the finance director by her line.
TRANSCRIPT = [
    "Transcript of the budget hearing",
    "",
    "CHAIR: We turn to the reserve.",
    "MS R. OYELARAN (Finance Director): The reserve will last until March.",
    "CHAIR: Thank you.",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("budget")
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "hearing.pdf").write_bytes(make_pdf(TRANSCRIPT))
    options = verify.Options(offline=True, cache_dir=folder / "cache")
    sources = [str(folder / name) for name in ("page.txt", "release.txt", "hearing.pdf")]
    return verify.check(DRAFT, sources=sources, options=options)


@pytest.mark.parametrize(
    ("starts", "verdict", "reason", "flags"),
    [
        ("I have never seen", "unverified", "misattributed", ["speaker_mismatch"]),
        ("Reserves fell by 20", "unverified", "contradicted", ["number_mismatch"]),
        ("the depot will be finished", "unverified", "contradicted", ["date_mismatch"]),
        ("The bridge is old", "paraphrased", "altered", ["ellipsis_omits_negation"]),
        ("The new rules", "paraphrased", "altered", ["cut_short"]),
        ("We will keep the pool open", "confirmed", "exact", ["cut_short"]),
        ("The budget is", "confirmed", "exact", ["style"]),
        ("The reserve will last", "unverified", "misattributed", ["speaker_mismatch"]),
    ],
)
def test_each_planted_kind(report: Report, starts: str, verdict: str, reason: str, flags: list[str]) -> None:
    (found,) = [r for r in report.results if r.claim.text.lower().startswith(starts.lower())]
    assert found.verdict is not None and found.reason is not None
    assert (found.verdict.value, found.reason.value, sorted(f.value for f in found.flags)) == (verdict, reason, flags)
    assert found.evidence is not None


def test_the_worst_come_first_and_flagged_fails(report: Report) -> None:
    problems = report.problems()
    assert [r.reason.value for r in problems[:2] if r.reason] == ["misattributed", "misattributed"]
    assert [r.reason.value for r in problems[2:4] if r.reason] == ["contradicted", "contradicted"]
    transcript = next(r for r in problems[:2] if r.claim.text.startswith("The reserve"))
    assert transcript.evidence is not None and transcript.evidence.attributed_to == "MS R. OYELARAN"
    assert report.fails("flagged")
    styled = next(r for r in report.results if r.claim.text.startswith("The budget is"))
    assert styled not in problems
