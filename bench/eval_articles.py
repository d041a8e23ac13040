"""Reported statements in fictional articles marked by hand: how many are found, how many claims stray.

    .venv/bin/python bench/eval_articles.py                      # tests/claims/articles (rules were read off these)
    .venv/bin/python bench/eval_articles.py DIR [--failures]     # any folder of marked articles

An article marks the content of each statement it reports someone as making ``⟦…⟧``;
``⟦?…⟧`` is a statement the extractor is known to miss and ``⟦!…⟧`` a stretch it is known to
report wrongly (both kept for the tests' strict xfail rows; here a ``?`` mark counts as a
statement and a ``!`` mark as no statement). Scoring follows ``bench/eval_extraction.py``: a
statement is *found* when verify's non-term claims cover at least half of it; a reported claim
is *inside* when at least half of it lies in some marked statement or quotation.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.claims import extract_claims  # noqa: E402
from verify.document import load_text  # noqa: E402
from verify.model import Claim, ClaimKind  # noqa: E402

ARTICLES = ROOT / "tests" / "claims" / "articles"
_MARK = re.compile(r"⟦([?!]?)(.*?)⟧", re.DOTALL)
_QUOTED = re.compile(r"[“\"‘][^“”\"‘’\n]*[”\"’]")


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    flag: str  # "", "?" (a known miss) or "!" (a known false statement)


@dataclass(frozen=True)
class Article:
    text: str  # without the marks
    marks: tuple[Marked, ...]


def read_marked(raw: str) -> Article:
    """The article's text without marks, and its marked stretches by offset in that text."""
    pieces: list[str] = []
    marks: list[Marked] = []
    pos = length = 0
    for m in _MARK.finditer(raw):
        before = raw[pos : m.start()]
        pieces += [before, m.group(2)]
        length += len(before)
        marks.append(Marked(length, length + len(m.group(2)), m.group(1)))
        length += len(m.group(2))
        pos = m.end()
    pieces.append(raw[pos:])
    return Article("".join(pieces), tuple(marks))


def claims_of(article: Article) -> tuple[Claim, ...]:
    return extract_claims(load_text(article.text, format="markdown"))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans(claim: Claim) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in (claim.parts or (claim.span,))]


def covered(mark: Marked, claims: tuple[Claim, ...]) -> bool:
    """Whether non-term claims cover at least half of a marked statement."""
    inside = sum(overlap((mark.start, mark.end), s) for c in claims if c.kind is not ClaimKind.TERM for s in spans(c))
    return 2 * inside >= mark.end - mark.start


def mostly_marked(claim: Claim, article: Article) -> bool:
    """Whether at least half of a claim lies in marked statements (not ``!`` marks) or quotations."""
    zones = [(m.start, m.end) for m in article.marks if m.flag != "!"]
    zones += [(q.start(), q.end()) for q in _QUOTED.finditer(article.text)]
    own = spans(claim)
    inside = sum(overlap(s, z) for s in own for z in zones)
    return 2 * inside >= sum(e - s for s, e in own)


@dataclass
class Tally:
    statements: int = 0
    found: int = 0
    reported: int = 0
    inside: int = 0


def score(folder: Path, failures: bool = False) -> Tally:
    tally = Tally()
    for path in sorted(folder.glob("*.md")):
        article = read_marked(path.read_text(encoding="utf-8"))
        claims = claims_of(article)
        for mark in article.marks:
            if mark.flag == "!":
                continue
            tally.statements += 1
            if covered(mark, claims):
                tally.found += 1
            elif failures:
                print(f"MISS {path.name}: {article.text[mark.start : mark.end][:90]!r}")
        for claim in claims:
            if claim.kind is ClaimKind.REPORTED:
                tally.reported += 1
                if mostly_marked(claim, article):
                    tally.inside += 1
                elif failures:
                    print(f"OUT  {path.name}: {claim.text[:90]!r}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ARTICLES)
    parser.add_argument("--failures", action="store_true", help="list each miss and each stray claim")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no folder of articles at {args.folder}")
        return 0
    t = score(args.folder, args.failures)
    articles = len(list(args.folder.glob("*.md")))
    print(f"{args.folder}: {articles} articles")
    print(f"statements found:               {t.found / max(t.statements, 1):.3f} ({t.found}/{t.statements})")
    print(f"reported claims inside a mark:  {t.inside / max(t.reported, 1):.3f} ({t.inside}/{t.reported})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
