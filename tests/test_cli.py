"""The command line as users and scripts meet it: exit codes, one-line errors, the demo, the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS

DEMO = SEEDS / "demo-draft.md"
DEMO_SOURCES = SEEDS / "demo-draft.sources.toml"
SEED = SEEDS / "qnews-2018-chechnya-purge.txt"
SEED_SOURCES = SEEDS / "qnews-2018-chechnya-purge.sources.toml"


def _assert_one_line_error(result, fragment: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert fragment in lines[0]


@pytest.mark.parametrize(
    ("make_args", "fragment"),
    [
        pytest.param(lambda tmp: ["check", str(tmp / "missing.md")], "no such file", id="missing draft"),
        pytest.param(lambda tmp: ["check", str(tmp)], "holds no drafts", id="directory without drafts"),
        pytest.param(lambda tmp: ["check", str(_write(tmp / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00"))], "binary",
                     id="binary draft"),  # fmt: skip
        pytest.param(lambda tmp: ["check", str(DEMO), "--no-such-flag"], "unrecognized arguments", id="unknown flag"),
        pytest.param(lambda tmp: ["check", str(DEMO), "--sources", str(_write(tmp / "s.toml", b"[[source]\nurl="))],
                     "not valid TOML", id="malformed sources TOML"),  # fmt: skip
        pytest.param(lambda tmp: ["check", str(DEMO), "--sources", str(tmp / "none.toml")], "no such sources file",
                     id="missing sources file"),  # fmt: skip
        pytest.param(lambda tmp: ["check", str(DEMO), "--jobs", "0"], "at least 1", id="bad --jobs"),
        pytest.param(lambda tmp: ["report", str(_write(tmp / "r.json", b'{"a": 1}'))], "not a verify JSON report",
                     id="not a report"),  # fmt: skip
        pytest.param(lambda tmp: ["extract", str(tmp / "missing.md")], "no such file", id="extract missing"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, tmp_path: Path, make_args, fragment: str) -> None:  # type: ignore[no-untyped-def]
    _assert_one_line_error(run_cli(*make_args(tmp_path)), fragment)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_empty_draft_gives_empty_report_and_exit_0(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(_write(tmp_path / "empty.md", b"")), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"] == {"claims": 0, "confirmed": 0, "paraphrased": 0, "unverified": 0, "flagged": 0}
    assert report["problems"] == []
    assert report["claims"] == [] and report["sources"] == []


def test_stdin_draft(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", "-", "--format", "json", stdin="“We will rebuild the pier,” the mayor said.".encode())
    assert result.returncode == 0, result.stderr
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["text"] == "We will rebuild the pier" and claim["kind"] == "direct"


def _claims_by_text(report: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {c["text"]: c for c in report["claims"]}


def _find(report: dict, fragment: str) -> dict:  # type: ignore[type-arg]
    matches = [c for c in report["claims"] if fragment in c["text"]]
    assert len(matches) == 1, (fragment, [c["text"] for c in report["claims"]])
    return matches[0]


# The demonstration draft quotes the seed article faithfully, with words changed, and with
# words it never had; each row is a claim of the draft and the verdict a careful editor expects.
DEMO_EXPECTATIONS = [
    ("They threw me to the floor and beat me", "direct", "confirmed", "exact"),
    ("Over the past year, the Russian LGBT Network and Novaya Gazeta", "direct", "confirmed", "exact"),
    ("wouldn’t need to have anything to do with them … their relatives", "direct", "confirmed", "exact"),
    ("must fulfil their duties, and start an investigation", "direct", "paraphrased", "altered"),
    ("its activists had evacuated 119 people from the region to safety", "reported", "paraphrased", "supported"),
    ("We will not rest until every secret prison", "direct", "unverified", "not_found"),
]


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory) -> dict:  # type: ignore[no-untyped-def, type-arg]
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    cache = tmp_path_factory.mktemp("cache")
    result = subprocess.run(
        [sys.executable, "-m", "verify", "check", str(DEMO), "--sources", str(DEMO_SOURCES), "--offline",
         "--format", "json"],  # fmt: skip
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "VERIFY_CACHE_DIR": str(cache)}, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr  # the draft has an unverified quote
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("fragment", "kind", "verdict", "reason"), DEMO_EXPECTATIONS, ids=[r[0][:30] for r in DEMO_EXPECTATIONS]
)
def test_demo_verdicts(demo_report: dict, fragment: str, kind: str, verdict: str, reason: str) -> None:  # type: ignore[type-arg]
    claim = _find(demo_report, fragment)
    assert (claim["kind"], claim["verdict"], claim["reason"]) == (kind, verdict, reason)
    if verdict == "unverified":
        assert claim["evidence"] is None
    else:
        evidence = claim["evidence"]
        assert evidence["source"] == "S1" and evidence["snippet"] and evidence["diff"]
        assert evidence["snapshot"] == demo_report["sources"][0]["sha256"]
    if reason == "altered":
        ops = {op for op, _ in claim["evidence"]["diff"]}
        assert {"delete", "insert"} & ops


def test_demo_term_is_listed_not_checked(demo_report: dict) -> None:  # type: ignore[type-arg]
    term = _find(demo_report, "gay purge")
    assert term["kind"] == "term" and term["verdict"] is None and term["evidence"] is None


def test_demo_source_is_the_seed_read_from_disk(demo_report: dict) -> None:  # type: ignore[type-arg]
    (source,) = demo_report["sources"]
    assert source["status"] == "ok" and source["outlet"] == "QNews"
    assert Path(source["path"]).name == SEED.name and source["url"] is None


def test_fail_on_never_exits_0(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(DEMO), "--sources", str(DEMO_SOURCES), "--offline", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert "confirmed" in result.stdout and "unverified" in result.stdout


def test_seed_offline_follows_the_contract(run_cli) -> None:  # type: ignore[no-untyped-def]
    """With no network and an empty cache every source is an offline miss and every claim is unverified."""
    result = run_cli("check", str(SEED), "--sources", str(SEED_SOURCES), "--offline", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert set(report) >= {"schema", "tool", "article", "summary", "sources", "claims"}
    assert report["schema"] == "verify-report/1" and report["tool"]["name"] == "verify"
    text = SEED.read_text(encoding="utf-8")
    assert report["article"]["path"].endswith(SEED.name) and len(report["article"]["sha256"]) == 64
    assert len(report["sources"]) == 8
    for source in report["sources"]:
        assert source["status"] == "offline_miss" and source["error"]
        assert source["from_cache"] is False and source["url"].startswith("http")
    checkable = [c for c in report["claims"] if c["kind"] != "term"]
    assert len(checkable) >= 15
    assert report["summary"] == {"claims": len(checkable), "confirmed": 0, "paraphrased": 0,
                                 "unverified": len(checkable), "flagged": 0}  # fmt: skip
    assert sorted(report["problems"]) == sorted(c["id"] for c in checkable)
    for claim in report["claims"]:
        assert claim["kind"] in {"direct", "partial", "reported", "term"}
        start, end = claim["span"]["start"], claim["span"]["end"]
        if len(claim["parts"]) <= 1:
            assert text[start:end] == claim["text"]
        if claim["kind"] == "term":
            assert claim["verdict"] is None and claim["score"] is None
        else:
            assert (claim["verdict"], claim["reason"], claim["evidence"]) == ("unverified", "source_unavailable", None)


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("html", "<!DOCTYPE html>"), ("markdown", "|"), ("text", "CONFIRMED")],
)
def test_saved_report_renders_again_without_fetching(run_cli, tmp_path: Path, fmt: str, marker: str) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "report.json"
    first = run_cli("check", str(DEMO), "--sources", str(DEMO_SOURCES), "--offline", "--format", "json",
                    "-o", str(saved))  # fmt: skip
    assert first.returncode == 1 and saved.is_file()
    (tmp_path / "cache").rename(tmp_path / "gone")  # nothing cached is needed to render again
    out = tmp_path / f"again.{fmt}"
    result = run_cli("report", str(saved), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    rendered = out.read_text(encoding="utf-8")
    assert marker in rendered
    for fragment in ("They threw me to the floor", "We will not rest until every secret prison"):
        assert fragment in rendered


@pytest.mark.parametrize(("name", "kind"), [("story.docx", "a Word document"), ("story.PDF", "a PDF"),
                                            ("story.odt", "an OpenDocument text")])  # fmt: skip
def test_a_word_processor_draft_gets_the_formats_verify_reads(run_cli, tmp_path: Path, name: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / name
    draft.write_bytes(b"PK\x03\x04\x00\x00binary")
    result = run_cli("check", str(draft))
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"{kind} cannot be read as a draft" in line and ".md" in line and ".html" in line and "NUL" not in line
