"""A batch does its shared work once and gives each draft the report it would get on its own.

The drafts and pages are the benchmark corpus at a small size (``bench/make_corpus.py``): real
news-page HTML around each article, and drafts whose quotes are verbatim, altered or invented.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest

import verify
from tests.helpers import load_bench_module
from verify import pipeline
from verify.document import read_document
from verify.model import SourceText, Span
from verify.options import Options
from verify.sources import pool as pool_module
from verify.sources import text as text_module
from verify.sources import textcache
from verify.sources.pool import load_pool, named_refs
from verify.sources.resolve import merge_refs, refs_from_links
from verify.sources.shared import read_texts_file, texts_file

make_corpus = load_bench_module("make_corpus")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    built = make_corpus.build_corpus(8, pages=6, drafts=3, per_draft=3, quotes=8)
    make_corpus.write_corpus(built, out)
    return out


def _comparable(outcome: verify.DraftOutcome) -> dict[str, Any]:
    """The report without the times it was made and its sources were read."""
    assert outcome.report is not None, outcome.error
    report = dataclasses.replace(
        outcome.report,
        generated_at="",
        sources=tuple(dataclasses.replace(s, fetched_at=None) for s in outcome.report.sources),
    )
    return {"location": outcome.location, "report": report, "warnings": outcome.warnings}


def _arrange(corpus: Path, tmp_path: Path, layout: str) -> tuple[list[Path], Path | None]:
    """The drafts (copied, with or without the sources file beside each) and the shared sources file."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for path in sorted((corpus / "drafts").glob("draft-*.md")):
        (drafts / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        beside = path.with_suffix(".sources.toml")
        if "beside" in layout:
            text = beside.read_text(encoding="utf-8").replace("../pages/", f"{corpus}/pages/")
            (drafts / beside.name).write_text(text, encoding="utf-8")
    if "link" in layout:  # a page that cannot be had offline: unavailable to that draft alone
        first = drafts / "draft-1.md"
        first.write_text(first.read_text(encoding="utf-8") + "\nSee [the Gazette](https://gazette.invalid/pier).\n")
    shared = None
    if "shared" in layout:
        text = (corpus / make_corpus.SHARED_SOURCES).read_text(encoding="utf-8").replace('"pages/', f'"{corpus}/pages/')
        if "reversed" in layout:  # the batch's own order of sources differs from every draft's
            head, *tables = text.split("\n[[source]]")
            text = head + "".join(f"\n[[source]]{t.rstrip()}\n" for t in reversed(tables))
        if "empty" in layout:  # a page with no readable text: unreadable, wherever it is read
            (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
            text += f'\n[[source]]\npath = "{tmp_path}/empty.html"\n'
        shared = tmp_path / "shared.sources.toml"
        shared.write_text(text, encoding="utf-8")
    return sorted(drafts.glob("*.md")), shared


@pytest.mark.parametrize(
    ("layout", "jobs"),
    [
        ("shared+beside", 1),
        ("shared+beside", 2),
        ("beside", 1),  # each draft its own pages: the batch's index holds pages a draft must not see
        ("beside", 2),
        ("shared-reversed", 1),
        ("shared-reversed+beside+link", 1),
        ("shared-reversed+beside+link", 2),
        ("shared+empty", 1),
        ("shared+empty", 2),
    ],
)
def test_a_batch_gives_each_draft_the_report_it_gets_alone(
    corpus: Path, tmp_path: Path, layout: str, jobs: int
) -> None:
    drafts, shared = _arrange(corpus, tmp_path, layout)
    options = Options(cache_dir=tmp_path / "cache", offline=True, jobs=jobs)
    together = verify.check_many(drafts, sources_file=shared, options=options)
    alone = [verify.check_many([d], sources_file=shared, options=options)[0] for d in drafts]
    assert [_comparable(o) for o in together] == [_comparable(o) for o in alone]
    assert all(o.report is not None and o.report.results for o in together)
    statuses = {s.status.value for o in together if o.report is not None for s in o.report.sources}
    assert ("unreadable" in statuses) == ("empty" in layout)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_second_check_of_a_batch_reads_no_html(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    drafts, shared = _arrange(corpus, tmp_path, "shared+beside")
    options = Options(cache_dir=tmp_path / "cache", offline=True, jobs=jobs)
    pages_read: list[str] = []
    real = text_module.html_page

    def counting(html: str) -> text_module.HtmlPage:
        pages_read.append(html[:40])
        return real(html)

    monkeypatch.setattr(text_module, "html_page", counting)  # seen in this process only, not in workers
    first = verify.check_many(drafts, sources_file=shared, options=options)
    kept = sorted((tmp_path / "cache").glob("texts/*/*/*.json"))
    assert len(kept) == 6  # every page read once, however many drafts cite it
    assert len(pages_read) == (6 if jobs == 1 else 0)  # with workers, the pages are read there
    stamps = [path.stat().st_mtime_ns for path in kept]
    pages_read.clear()

    def never(*args: object) -> object:  # a local function cannot even be sent to a worker
        pytest.fail("a readable text was made again")

    monkeypatch.setattr(textcache, "readable_text", never)
    monkeypatch.setattr(pool_module, "read_text", never)
    again = verify.check_many(drafts, sources_file=shared, options=options)
    assert pages_read == []
    assert [path.stat().st_mtime_ns for path in sorted((tmp_path / "cache").glob("texts/*/*/*.json"))] == stamps
    assert [_comparable(o) for o in again] == [_comparable(o) for o in first]
    assert not list((tmp_path / "cache").glob("batches/*"))  # the workers' texts file is removed


@pytest.mark.parametrize(
    "texts",
    [
        [],
        [SourceText("/p/a.html", "The pier closed.")],
        [SourceText("https://x.example/b", "Main “text” é", "Main “text” é\nComments: no", (Span(14, 26),), "Gazette")],
        [SourceText("a", ""), SourceText("b", "lone \udce9 surrogate", None, (), None), SourceText("c", "ß" * 3)],
    ],
)
def test_the_workers_texts_file_gives_back_every_text(tmp_path: Path, texts: list[SourceText]) -> None:
    with texts_file(tmp_path, texts) as path:
        assert path.parent == tmp_path / "batches"
        assert list(read_texts_file(path)) == texts
    assert not path.exists()


def test_a_workers_task_carries_no_page_bytes_and_no_texts(corpus: Path, tmp_path: Path) -> None:
    drafts, shared = _arrange(corpus, tmp_path, "shared+beside+link")
    options = Options(cache_dir=tmp_path / "cache", offline=True)
    document = read_document(drafts[0])
    refs = merge_refs(named_refs(sources_file=shared), refs_from_links(document))
    pool = load_pool(refs, options=options.fetch_options(), cache_dir=tmp_path / "cache")
    loaded = pool.for_refs(refs)
    light, locations = pool.without_bodies(loaded)
    assert all(s.fetched.snapshot is None or s.fetched.snapshot.body == b"" for s in light)
    assert all(s.text is None for s in light)
    assert [s.numbered for s in light] == [s.numbered for s in loaded]
    assert [key is None for key in locations] == [s.text is None for s in loaded] == [False] * 6 + [True]
    by_location = {t.source_id: t for t in pool.texts()}
    assert [by_location[k].text for k in locations if k is not None] == [s.text.text for s in loaded if s.text]


def _kill_workers() -> int:
    """Kill every worker process of this process's pools, as the out-of-memory killer would."""
    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    for child in children:
        child.join()
    return len(children)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("when", ["reading", "matching"])
def test_a_batch_whose_workers_are_killed_finishes_in_this_process(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    drafts, shared = _arrange(corpus, tmp_path, "shared+beside")
    alone = [_comparable(o) for o in verify.check_many(drafts, sources_file=shared, options=Options(
        cache_dir=tmp_path / "cache", offline=True, jobs=1))]  # fmt: skip
    shutil.rmtree(tmp_path / "cache")  # every page to be read again, by the workers
    killed: list[int] = []
    if when == "reading":  # once both workers have been started, with pages still to be read
        real_stored = textcache.TextCache.stored

        def stored(self: textcache.TextCache, *args: Any) -> Any:
            # Not before: a pool that is still starting workers can hang on a killed one.
            if not killed and len(multiprocessing.active_children()) == 2:
                killed.append(_kill_workers())
            return real_stored(self, *args)

        monkeypatch.setattr(textcache.TextCache, "stored", stored)
    else:  # every page read by the workers, no draft matched yet
        real_archive = pipeline.archive_sources

        def archive(*args: Any) -> Any:
            killed.append(_kill_workers())
            return real_archive(*args)

        monkeypatch.setattr(pipeline, "archive_sources", archive)
    together = verify.check_many(drafts, sources_file=shared, options=Options(
        cache_dir=tmp_path / "cache", offline=True, jobs=2))  # fmt: skip
    assert killed and killed[0] >= 1
    note = "checked in the main process: a worker process stopped (BrokenProcessPool)"
    assert all(o.warnings == (note,) for o in together)
    assert [{**_comparable(o), "warnings": ()} for o in together] == alone
