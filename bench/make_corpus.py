"""Write a fictional, reproducible news corpus: web pages and the Markdown drafts that quote them.

    .venv/bin/python bench/make_corpus.py --seed 1 --out /tmp/corpus
    .venv/bin/python bench/make_corpus.py --seed 1 --out /tmp/corpus --drafts 4 --pages 30

Writes ``OUT/pages/pN.html`` (news pages of 50-200 KB with the usual scripts, styles, menus, ads,
comments and footer around the article), ``OUT/drafts/draft-N.md`` (about 1,500 words quoting
its pages: most quotes verbatim, some with a word, a number or a "not" changed, some cut with an
ellipsis, a few invented, plus reported speech), ``OUT/drafts/draft-N.sources.toml`` beside each
draft, ``OUT/all.sources.toml`` (every page: the shared sources file of a batch of all the drafts),
and ``OUT/manifest.json`` (how every quote of every draft was made, and the verdict it
should get). The same seed and options give the same bytes. Prints one line.

Every word comes from the word lists and templates in ``bench/newsworld/words.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsworld import page  # noqa: E402
from newsworld.draft import EXPECTED, Draft, sources_toml, write_draft  # noqa: E402
from newsworld.story import NameBook, Story, TemplateUse, build_newsroom, write_story  # noqa: E402


@dataclass(frozen=True)
class Corpus:
    pages: dict[str, bytes]  # "p1.html" -> the page
    drafts: dict[str, str]  # "draft-1.md" -> the draft
    sources: dict[str, str]  # "draft-1.sources.toml" -> its sources file
    manifest: dict[str, Any]
    shared: str  # all.sources.toml: every page, for a batch of all the drafts against all of them


SHARED_SOURCES = "all.sources.toml"


def page_name(number: int) -> str:
    return f"p{number}.html"


def _draft_pages(rng: random.Random, pages: int, drafts: int, per_draft: int) -> list[list[int]]:
    """Each draft's page numbers: disjoint while the pool allows it, else drawn from the whole pool."""
    if pages >= drafts * per_draft:
        pool = list(range(1, pages + 1))
        rng.shuffle(pool)
        return [sorted(pool[i * per_draft : (i + 1) * per_draft]) for i in range(drafts)]
    return [sorted(rng.sample(range(1, pages + 1), per_draft)) for _ in range(drafts)]


def build_corpus(seed: int, pages: int = 15, drafts: int = 1, per_draft: int = 15, quotes: int = 30) -> Corpus:
    if not 1 <= per_draft <= pages:
        raise ValueError(f"--pages-per-draft must be between 1 and --pages ({pages})")
    names = NameBook()
    newsroom = build_newsroom(random.Random(f"{seed}:newsroom"), names)
    use = TemplateUse()
    stories: dict[int, Story] = {}
    page_bytes: dict[str, bytes] = {}
    for number in range(1, pages + 1):
        rng = random.Random(f"{seed}:page:{number}")
        stories[number] = write_story(number, rng, newsroom, names, use)
        target = rng.randint(page.MIN_BYTES + 800, page.MAX_BYTES - 2_000)
        page_bytes[page_name(number)] = page.render(stories[number], rng, target)
    chosen = _draft_pages(random.Random(f"{seed}:choice"), pages, drafts, per_draft)
    draft_texts, sources, records = {}, {}, []
    for index, numbers in enumerate(chosen, start=1):
        draft = write_draft(random.Random(f"{seed}:draft:{index}"), [stories[n] for n in numbers], quotes)
        name = f"draft-{index}.md"
        draft_texts[name] = draft.markdown
        sources[f"draft-{index}.sources.toml"] = sources_toml(name, draft.stories, [page_name(n) for n in numbers])
        records.append(_draft_record(name, numbers, draft))
    manifest = {
        "seed": seed,
        "pages": [
            {"file": f"pages/{page_name(n)}", "bytes": len(page_bytes[page_name(n)]), "outlet": s.outlet.name,
             "headline": s.headline, "paragraphs": len(s.paragraphs), "quotes": len(s.quotes),
             "statements": len(s.statements)}
            for n, s in stories.items()
        ],
        "drafts": records,
    }  # fmt: skip
    shared = sources_toml("every draft", [stories[n] for n in stories], [page_name(n) for n in stories], "pages")
    return Corpus(page_bytes, draft_texts, sources, manifest, shared)


def _draft_record(name: str, numbers: list[int], draft: Draft) -> dict[str, Any]:
    drawn = []
    for d in draft.drawn:
        row = asdict(d)
        row["page"] = f"pages/{page_name(d.page)}" if d.page is not None else None
        if d.kind != "reported":
            row["expected"] = EXPECTED[d.cls]
        drawn.append(row)
    return {
        "file": f"drafts/{name}",
        "sources": f"drafts/{name.removesuffix('.md')}.sources.toml",
        "pages": [f"pages/{page_name(n)}" for n in numbers],
        "words": draft.words,
        "drawn": drawn,
    }


def write_corpus(corpus: Corpus, out: Path) -> None:
    """Write the corpus under ``out``, replacing any corpus files an earlier run left there."""
    pages, drafts = out / "pages", out / "drafts"
    for folder, pattern in ((pages, "p*.html"), (drafts, "draft-*.md"), (drafts, "draft-*.sources.toml")):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(pattern):
            old.unlink()
    for name, data in corpus.pages.items():
        (pages / name).write_bytes(data)
    for name, text in (corpus.drafts | corpus.sources).items():
        (drafts / name).write_text(text, encoding="utf-8")
    (out / SHARED_SOURCES).write_text(corpus.shared, encoding="utf-8")
    manifest = json.dumps(corpus.manifest, indent=1, ensure_ascii=False) + "\n"
    (out / "manifest.json").write_text(manifest, encoding="utf-8")


def summary(corpus: Corpus, out: Path) -> str:
    sizes = [len(b) for b in corpus.pages.values()]
    records = corpus.manifest["drafts"]
    quotes = sum(1 for r in records for d in r["drawn"] if d["kind"] != "reported")
    reported = sum(1 for r in records for d in r["drawn"] if d["kind"] == "reported")
    words = round(sum(r["words"] for r in records) / len(records))
    return (
        f"{len(sizes)} pages ({min(sizes) / 1000:.0f}-{max(sizes) / 1000:.0f} KB, {sum(sizes) / 1e6:.1f} MB) and "
        f"{len(records)} draft(s) ({quotes} quotes, {reported} reported statements, about {words} words each) "
        f"written to {out}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="folder to write pages/, drafts/ and manifest.json in")
    parser.add_argument("--drafts", type=int, default=1)
    parser.add_argument("--pages", type=int, default=15)
    parser.add_argument("--pages-per-draft", type=int, default=15)
    parser.add_argument("--quotes-per-draft", type=int, default=30)
    args = parser.parse_args(argv)
    if min(args.drafts, args.pages, args.pages_per_draft, args.quotes_per_draft) < 1:
        parser.error("counts must be at least 1")
    if args.pages_per_draft > args.pages:
        parser.error(f"--pages-per-draft ({args.pages_per_draft}) is more than --pages ({args.pages})")
    corpus = build_corpus(args.seed, args.pages, args.drafts, args.pages_per_draft, args.quotes_per_draft)
    write_corpus(corpus, args.out)
    print(summary(corpus, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
