"""bench/make_corpus.py at a tiny size: the pages look like news pages, the drafts quote them as the
manifest says, and verify reads the sources files (no timing asserted)."""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

import verify
from tests.helpers import load_bench_module
from verify.model import ClaimKind
from verify.sources.resolve import load_sources_file

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "make_corpus.py"
TINY = ["--pages", "3", "--drafts", "2", "--pages-per-draft", "2", "--quotes-per-draft", "6"]

make_corpus = load_bench_module("make_corpus")
from newsworld import draft as drafting  # noqa: E402  (importable once make_corpus has loaded)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("corpus")
    done = subprocess.run([sys.executable, str(SCRIPT), "--seed", "5", "--out", str(out), *TINY],
                          capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    return out, done.stdout


def _manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_prints_one_line_and_writes_every_file(corpus: tuple[Path, str]) -> None:
    out, stdout = corpus
    assert len(stdout.splitlines()) == 1 and "3 pages" in stdout and "2 draft" in stdout
    assert sorted(p.name for p in (out / "pages").iterdir()) == ["p1.html", "p2.html", "p3.html"]
    assert sorted(p.name for p in (out / "drafts").iterdir()) == [
        "draft-1.md", "draft-1.sources.toml", "draft-2.md", "draft-2.sources.toml",
    ]  # fmt: skip


@pytest.mark.parametrize("page", ["p1.html", "p2.html", "p3.html"])
def test_a_page_looks_like_a_news_page(corpus: tuple[Path, str], page: str) -> None:
    data = (corpus[0] / "pages" / page).read_bytes()
    assert 51_200 <= len(data) <= 200_000
    assert data.startswith(b"<!DOCTYPE html>")
    soup = BeautifulSoup(data, "html.parser")
    outlet = soup.find("meta", property="og:site_name")["content"]  # type: ignore[index]
    title = soup.title.string if soup.title else ""
    assert title and title.endswith(f" | {outlet}")
    ld = json.loads(soup.find("script", type="application/ld+json").string)  # type: ignore[union-attr,arg-type]
    assert ld["@type"] == "NewsArticle" and ld["publisher"]["name"] == outlet
    assert title == f"{ld['headline']} | {outlet}"
    inline_scripts = [s for s in soup.find_all("script") if not s.get("type") and not s.get("src")]
    assert len(inline_scripts) >= 4 and len(soup.find_all("style")) >= 2
    assert len(soup.select("nav a")) >= 40 and soup.select_one("#consent-banner") and soup.select(".ad-slot")
    article = soup.find("article")
    assert article is not None and article.find("h1") and article.select_one(".byline")
    assert article.select_one(".dateline") and article.select_one("figure figcaption")
    paragraphs = article.select(".story-body > p")
    assert 8 <= len(paragraphs) <= 25
    body = " ".join(p.get_text() for p in paragraphs)
    assert re.search(r"“[^”]+,” (said [A-Z]|[A-Z]\w+ said)", body)  # a direct quote with its speaker
    assert soup.select(".related li") and soup.select_one("#comments") and soup.find("footer")


def test_the_sources_files_name_the_pages_and_their_outlets(corpus: tuple[Path, str]) -> None:
    out = corpus[0]
    for number in (1, 2):
        path = out / "drafts" / f"draft-{number}.sources.toml"
        tables = tomllib.loads(path.read_text(encoding="utf-8"))["source"]
        assert len(tables) == 2
        refs = load_sources_file(path)  # as verify reads it
        for table, ref in zip(tables, refs, strict=True):
            assert ref.path is not None and Path(ref.path).is_file()
            soup = BeautifulSoup(Path(ref.path).read_bytes(), "html.parser")
            assert table["outlet"] == soup.find("meta", property="og:site_name")["content"]  # type: ignore[index]


def test_a_draft_quotes_its_pages_as_the_manifest_says(corpus: tuple[Path, str]) -> None:
    out = corpus[0]
    pages = {p.name: " ".join(html.unescape(p.read_text(encoding="utf-8")).split()) for p in (out / "pages").iterdir()}
    everything = " ".join(pages.values())
    for record in _manifest(out)["drafts"]:
        text = (out / record["file"]).read_text(encoding="utf-8")
        assert 1_000 <= len(text.split()) <= 2_500
        quotes = [d for d in record["drawn"] if d["kind"] != "reported"]
        assert len(quotes) == 6
        for drawn in record["drawn"]:
            assert drawn["text"] in text
            if drawn["cls"] in ("verbatim", "same"):
                assert drawn["text"] in pages[Path(drawn["page"]).name]
            elif drawn["cls"] == "absent":
                assert drawn["text"] not in everything and drawn["page"] is None
            else:
                assert drawn["text"] not in everything and drawn["original"] in pages[Path(drawn["page"]).name]
        found = {c.text.rstrip(".,") for c in verify.extract(out / record["file"]) if c.kind is not ClaimKind.TERM}
        assert {q["text"] for q in quotes} <= found


def test_the_same_seed_gives_the_same_bytes() -> None:
    first, again, other = (make_corpus.build_corpus(seed, pages=2, per_draft=2, quotes=4) for seed in (9, 9, 10))
    assert first.pages == again.pages and first.drafts == again.drafts and first.sources == again.sources
    assert first.pages != other.pages and first.drafts != other.drafts


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (30, {"verbatim": 17, "ellipsis": 3, "word_changed": 3, "number_changed": 2, "negation": 2, "absent": 3}),
        (6, {"verbatim": 3, "ellipsis": 1, "word_changed": 1, "number_changed": 0, "negation": 0, "absent": 1}),
        (1, {"verbatim": 1, "ellipsis": 0, "word_changed": 0, "number_changed": 0, "negation": 0, "absent": 0}),
    ],
)
def test_quote_classes_are_shared_out_in_whole_numbers(total: int, expected: dict[str, int]) -> None:
    assert drafting.shares_to_counts(drafting.QUOTE_SHARES, total) == expected


@pytest.mark.parametrize(
    ("quote", "negated"),
    [
        ("it is not working for anyone", "it is working for anyone"),
        ("and we cannot ignore that", "and we can ignore that"),
        ("the unit will close in May", "the unit will not close in May"),
        ("nothing changes here", None),
    ],
)
def test_negation(quote: str, negated: str | None) -> None:
    assert drafting.negate(quote) == negated


@pytest.mark.parametrize(
    ("edit", "quote"),
    [
        ("change_number", "We have put £4.2 million aside for the sea wall"),
        ("change_number", "We read more than 1,250 responses"),
        ("change_word", "We are tired of waiting and the decision was wrong"),
        ("cut", "We were given ten days to respond to the plan, which is nowhere near enough for a decision"),
    ],
)
def test_an_edit_changes_the_quote_in_one_place(edit: str, quote: str) -> None:
    edited = getattr(drafting, edit)(quote, random.Random(3))
    assert edited is not None and edited != quote
    before, after = quote.split(), edited.split()
    if edit == "cut":
        assert any(mark in after for mark in ("…", "...")) and len(after) < len(before)
        mark = next(i for i, w in enumerate(after) if w in ("…", "..."))
        assert before[:mark] == after[:mark] and before[-(len(after) - mark - 1) :] == after[mark + 1 :]
    else:
        assert len(before) == len(after) and sum(a != b for a, b in zip(before, after, strict=True)) == 1
