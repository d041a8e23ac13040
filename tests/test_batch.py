"""Many drafts in one run: one report each, a summary, shared sources, the worst verdict decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import verify
from verify import pipeline

SOURCE = (
    "Harbour council minutes. The mayor, Ines Morrow, said the old pier would close in March. "
    "“We cannot ask families to walk on planks that are rotting beneath them,” she said.\n"
)
DRAFTS = {
    "pier.md": "“We cannot ask families to walk on planks that are rotting beneath them,” Ines Morrow said.\n",
    "ferry.txt": "“The ferry will run all winter,” the mayor, Ines Morrow, said.\n",
    "notes/market.html": "<p>“We cannot ask families to walk on planks that are rotting,” said Ines Morrow.</p>",
}


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "minutes.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[[source]]\npath = "minutes.txt"\noutlet = "the council"\n')
    for name, text in DRAFTS.items():
        path = tmp_path / "drafts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_directory_of_drafts_writes_one_report_each(run_cli, newsroom: Path, jobs: str) -> None:  # type: ignore[no-untyped-def]
    out = newsroom / "reports"
    result = run_cli("check", str(newsroom / "drafts"), "--sources", str(newsroom / "sources.toml"), "--offline",
                     "--format", "json", "-o", str(out), "--jobs", jobs)  # fmt: skip
    assert result.returncode == 1, result.stderr  # the ferry quote is in no source
    assert sorted(p.name for p in out.iterdir()) == ["ferry.json", "market.json", "pier.json", "summary.json"]
    verdicts = {
        name: [c["verdict"] for c in json.loads((out / f"{name}.json").read_text())["claims"]]
        for name in ("pier", "ferry", "market")
    }
    assert verdicts == {"pier": ["confirmed"], "ferry": ["unverified"], "market": ["confirmed"]}
    summary = json.loads((out / "summary.json").read_text())
    assert [Path(d["path"]).name for d in summary["drafts"]] == ["ferry.txt", "market.html", "pier.md"]  # sorted paths
    assert all(d["error"] is None for d in summary["drafts"])


def test_batch_passes_when_nothing_is_at_fault(run_cli, newsroom: Path) -> None:  # type: ignore[no-untyped-def]
    drafts = newsroom / "drafts"
    result = run_cli("check", str(drafts / "pier.md"), str(drafts / "notes" / "market.html"), "--sources",
                     str(newsroom / "sources.toml"), "--offline", "--format", "json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    batch = json.loads(result.stdout)
    assert [r["summary"]["confirmed"] for r in batch["reports"]] == [1, 1]


def test_an_unreadable_draft_does_not_lose_the_others(run_cli, newsroom: Path) -> None:  # type: ignore[no-untyped-def]
    broken = newsroom / "drafts" / "broken.txt"
    broken.write_bytes(b"\x00\x01binary")
    out = newsroom / "reports"
    result = run_cli("check", str(newsroom / "drafts"), "--sources", str(newsroom / "sources.toml"), "--offline",
                     "--format", "markdown", "-o", str(out))  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "binary" in result.stderr
    assert (out / "pier.md").is_file() and (out / "ferry.md").is_file()


def test_each_outcome_is_handed_on_before_the_next_draft_is_matched(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real = pipeline.check_document

    def matching(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        events.append(f"match {Path(document.path).name}")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check_document", matching)
    drafts = sorted((newsroom / "drafts").rglob("*.*"))
    verify.check_many(
        drafts,
        sources_file=newsroom / "sources.toml",
        options=verify.Options(cache_dir=newsroom / "cache", offline=True),
        on_outcome=lambda k, done: events.append(f"report {Path(done.location).name}"),
    )
    names = [p.name for p in drafts]
    assert events == [f"{step} {name}" for name in names for step in ("match", "report")]
