"""The properties every claim and report must have, whatever the draft was."""

from __future__ import annotations

from collections.abc import Sequence

from tests.schemas import problems
from verify.model import Claim, Report


def assert_claims_point_into(article: str, claims: Sequence[Claim], paragraphs: int) -> None:
    """Ids in order, every span inside the text, and the claim's text is what its spans cover.

    docs/report-format.md: for a claim in one piece ``article[start:end] == text``; a claim in
    several pieces joins them with single spaces, and its span runs from the first to the last.
    """
    assert [c.id for c in claims] == [f"C{n}" for n in range(1, len(claims) + 1)]
    assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)
    for claim in claims:
        parts = claim.parts or (claim.span,)
        assert all(0 <= p.start < p.end <= len(article) for p in parts), (claim, len(article))
        assert all(a.end <= b.start for a, b in zip(parts, parts[1:], strict=False)), claim
        assert (claim.span.start, claim.span.end) == (parts[0].start, parts[-1].end), claim
        assert claim.text == " ".join(article[p.start : p.end] for p in parts), claim
        if len(parts) == 1:
            assert claim.text == article[claim.span.start : claim.span.end]
        assert 0 <= claim.paragraph < max(paragraphs, 1), claim


def assert_report_is_sound(report: Report) -> None:
    """A report's claims point into its article text, its evidence names its sources, and its JSON
    follows docs/report.schema.json and reads back to the same report."""
    article = report.article.text
    paragraphs = article.count("\n\n") + 1  # at least as many paragraphs as the draft has
    assert_claims_point_into(article, [r.claim for r in report.results], paragraphs + article.count("\n"))
    ids = {s.id for s in report.sources}
    for result in report.results:
        if result.evidence is not None:
            assert result.evidence.source in ids
            assert 0 <= result.evidence.start <= result.evidence.end
    data = report.to_dict()
    assert problems(data, "report") == []
    assert Report.from_json(report.to_json()) == report
