"""docs/report.schema.json: real reports pass it, broken ones fail it, and its enums are the code's.

The drafts and sources are fictional and local; the one URL that is fetched is a loopback
address, refused by the address policy before any connection is made.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import verify
from tests.schemas import DOCS, load, problems
from verify import cli
from verify.baseline import CHANGE_CHANGED, CHANGE_NEW, CHANGE_UNCHANGED
from verify.decisions import DECISION_VERDICTS
from verify.document import DRAFT_SUFFIXES, detect_format
from verify.model import ClaimKind, DiffOp, Flag, Reason, Report, SourceStatus, Verdict, extraction_to_dict
from verify.pipeline import as_document
from verify.version import __version__

MINUTES = """Harbour council minutes, 4 November.

The mayor, Ines Morrow, opened the meeting. "The pier will close in March, and we will not reopen it \
before the summer," she said.

Morrow said the repairs would cost 2 million pounds and take eighteen months.

Tom Brack, who chairs the fishermen's association, said: "Nobody asked us before the vote."

"We have 40 boats and 12 crews working out of the harbour this winter," Brack said.

"The ferry will run in most weeks of the winter, if the weather allows," Morrow said.
"""

GAZETTE = """<!doctype html><html><head><title>Pier to close</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Pier to close in March</h1>
<p>The old ferry pier in Port Ellery will close in March, the council decided on Tuesday after a long
debate about the timber deck and its future.</p>
<p>Engineers told the council that the deck was beyond repair in several places, and that no boat
should tie up there in a storm.</p>
<p>The council will meet again in the spring to look at bids from builders for a new pier.</p>
</article>
<section id="comments">
<p>Reader comment: "The harbour smells of tar and rope on a warm evening," wrote one visitor.</p></section>
</body></html>
"""

LETTER = """A letter from the Ellery Ferry Company, 6 November.

We will keep the winter timetable until the new pier is built, the company wrote to its passengers.
"""

SOURCES_TOML = """[[source]]
path = "minutes.txt"
outlet = "the council minutes"

[[source]]
path = "gazette.html"
outlet = "the Ellery Gazette"
aliases = ["Gazette"]

[[source]]
url = "https://harbour-radio.example/pier"
outlet = "Harbour Radio"
"""

# A paragraph for each thing a report can say: each verdict, reason, flag and kind of claim.
DRAFT = """Port Ellery's pier to close

"The pier will close in March, and we will not reopen it before the summer," the mayor, Ines Morrow, said.

"The pier will close in May, and we will reopen it before the summer," Morrow told the Ellery Gazette.

Morrow said the repairs would cost 3 million pounds and take eighteen months.

Morrow said the repairs would take eighteen months and cost 2 million pounds.

"The pier will close in March ... before the summer," she said.

Fishermen called it a "death sentence" for the quay.

The engineers said the deck was "beyond repair in several places".

"Nobody asked us before the vote," Ines Morrow said.

"The harbour smells of tar and rope on a warm evening," a visitor told the Ellery Gazette.

"We have 14 boats and 12 crews working out of the harbour this winter," Brack said.

"We have 40 boats ... working out of the harbour this winter," Brack said.

"We will build a marina with two hundred berths," Morrow told Harbour Radio.

"The ferry will run ... of the winter," Morrow said.

"We have 40 boats and twelve crews working out of the harbour this winter," Brack said.

The ferry company said it would keep the winter timetable until the new pier is built.

See the [Gazette story](https://ellery-gazette.example/pier).
"""

PLAIN_DRAFT = """"The council has sold the pier to a hotel chain," Brack said.

"Nobody asked us before the vote," Tom Brack said.
"""


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("newsroom")
    for name, text in {
        "minutes.txt": MINUTES,
        "gazette.html": GAZETTE,
        "letter.txt": LETTER,
        "sources.toml": SOURCES_TOML,
        "pier.md": DRAFT,
        "plain.md": PLAIN_DRAFT,
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"not a PDF at all")
    return folder


@pytest.fixture(scope="module")
def reports(newsroom: Path) -> dict[str, Report]:
    offline = verify.Options(offline=True, cache_dir=newsroom / "cache")
    online = verify.Options(cache_dir=newsroom / "cache")
    full = verify.check(
        newsroom / "pier.md",
        sources_file=newsroom / "sources.toml",
        sources=[str(newsroom / "letter.txt")],
        options=offline,
    )
    numbers = next(r for r in full.results if r.claim.text.startswith("We have 14 boats"))
    decisions = newsroom / "pier.verify.toml"
    decisions.write_text(
        f'[[decision]]\nclaim = "{numbers.claim.text}"\nverdict = "paraphrased"\n'
        'note = "Brack gave the lower figure on the phone"\nby = "Desk"\nat = 2026-11-23\n',
        encoding="utf-8",
    )
    return {
        "sources file, argument and link": full,
        "every source readable": verify.check(
            newsroom / "plain.md", sources=[str(newsroom / "minutes.txt")], options=offline
        ),
        "no sources at all": verify.check(PLAIN_DRAFT, options=online),
        "unreadable and refused sources": verify.check(
            PLAIN_DRAFT, sources=[str(newsroom / "broken.pdf"), "http://127.0.0.1:9/statement"], options=online
        ),
        "decisions and a baseline": verify.check(
            newsroom / "pier.md",
            sources_file=newsroom / "sources.toml",
            sources=[str(newsroom / "letter.txt")],
            options=offline,
            decisions=decisions,
            baseline=full,
        ),
    }


def _report_dict(reports: dict[str, Report], name: str = "sources file, argument and link") -> dict[str, Any]:
    return copy.deepcopy(reports[name].to_dict())


# ---------------------------------------------------------------------------
# (a) real reports validate
# ---------------------------------------------------------------------------

REPORT_NAMES = [
    "sources file, argument and link",
    "every source readable",
    "no sources at all",
    "unreadable and refused sources",
    "decisions and a baseline",
]


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_reports_of_real_checks_validate(reports: dict[str, Report], name: str) -> None:
    assert problems(reports[name].to_dict(), "report") == []


def test_the_real_checks_reach_every_verdict_reason_flag_kind_and_origin(reports: dict[str, Report]) -> None:
    claims = [c for r in reports.values() for c in r.to_dict()["claims"]]
    sources = [s for r in reports.values() for s in r.to_dict()["sources"]]
    assert {c["verdict"] for c in claims} == {v.value for v in Verdict} | {None}
    assert {c["reason"] for c in claims} == {r.value for r in Reason} | {None}
    assert {f for c in claims for f in c["flags"]} == {f.value for f in Flag}
    assert {c["kind"] for c in claims} == {k.value for k in ClaimKind}
    # a discovered source needs a search service: the discovery end-to-end test reaches that origin
    assert {s["origin"] for s in sources} == set(load("report")["$defs"]["sourceOrigin"]["enum"]) - {"discovered"}
    statuses = {s["status"] for s in sources}
    assert statuses >= {"ok", "offline_miss", "unreadable", "blocked"}
    rechecked = reports["decisions and a baseline"].to_dict()
    assert any(c["decision"] for c in rechecked["claims"]) and "baseline" in rechecked
    assert {c["change"] for c in rechecked["claims"]} == {CHANGE_UNCHANGED}


def test_saved_reports_of_the_workflow_and_renderer_tests_validate() -> None:
    from tests.reports import empty_report, report_of, result, sample_report
    from verify.model import ClaimKind as Kind

    built = report_of([result("We will not rest", "confirmed"), result("gay purge", None, kind=Kind.TERM)])
    for report in (sample_report(), empty_report(), built):
        assert problems(report.to_dict(), "report") == []


def test_extraction_output_validates_and_is_not_a_report(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(newsroom / "pier.md"), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert problems(printed, "extraction") == []
    assert problems(printed, "report") != []  # no sources, no verdicts
    document = as_document(newsroom / "plain.md")
    assert problems(extraction_to_dict(document, verify.extract(document), __version__), "extraction") == []


def test_batch_output_and_summary_validate(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drafts = newsroom / "batch"
    drafts.mkdir()
    (drafts / "pier.md").write_text(DRAFT, encoding="utf-8")
    (drafts / "plain.md").write_text(PLAIN_DRAFT, encoding="utf-8")
    (drafts / "binary.md").write_bytes(b"\x00\x01 not a draft")
    common = [str(drafts), "--source", str(newsroom / "minutes.txt"), "--offline", "--quiet",
              "--cache-dir", str(newsroom / "cache")]  # fmt: skip
    assert cli.main(["check", *common, "--format", "json"]) == cli.EXIT_USAGE  # one draft cannot be read
    printed = json.loads(capsys.readouterr().out)
    assert problems(printed, "batch") == []
    assert [d["error"] is None for d in printed["drafts"]] == [False, True, True]
    assert len(printed["reports"]) == 2
    out = newsroom / "batch-out"
    assert cli.main(["check", *common, "--format", "json", "-o", str(out)]) == cli.EXIT_USAGE
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert "reports" not in summary and problems(summary, "batch") == []
    for path in sorted(out.glob("*.json")):
        if path.name != "summary.json":
            assert problems(json.loads(path.read_text(encoding="utf-8")), "report") == [], path.name


# ---------------------------------------------------------------------------
# (b) broken reports fail
# ---------------------------------------------------------------------------


def _claim(data: dict[str, Any], **match: Any) -> dict[str, Any]:
    return next(c for c in data["claims"] if all(c[k] == v for k, v in match.items()))  # type: ignore[no-any-return]


def _evidence_without_attribution(data: dict[str, Any]) -> None:
    evidence = copy.deepcopy(_claim(data, verdict="confirmed")["evidence"])
    evidence.pop("attributed_to")
    _claim(data, verdict="unverified")["evidence"] = evidence


Breakage = Callable[[dict[str, Any]], object]

BROKEN_REPORTS: list[Any] = [
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(verdict="verified"), id="unknown verdict word"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(verdict="Confirmed"), id="verdict in capitals"),
    pytest.param(lambda d: _claim(d, verdict="paraphrased").update(score="94.2"), id="score as a string"),
    pytest.param(lambda d: _claim(d, verdict="paraphrased").update(score=120.0), id="score over 100"),
    pytest.param(lambda d: _claim(d, verdict="confirmed")["flags"].append("quote_mismatch"), id="unknown flag"),
    pytest.param(lambda d: _claim(d, verdict="confirmed")["flags"].append("tone_changed"), id="flag not built yet"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").pop("reason"), id="claim without its reason"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").pop("parts"), id="claim without its parts"),
    pytest.param(lambda d: d.pop("summary"), id="report without summary"),
    pytest.param(lambda d: d.pop("generated_at"), id="report without generated_at"),
    pytest.param(lambda d: d["sources"][0].pop("status"), id="source without status"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(confidence=0.9), id="extra key on a claim"),
    pytest.param(lambda d: d.update(problems=["S1"]), id="a problem that is not a claim id"),
    pytest.param(lambda d: d.pop("problems"), id="no problems list"),
    pytest.param(lambda d: _claim(d, verdict="confirmed")["evidence"].update(attributed_to=["Tom Brack"]),
                 id="evidence.attributed_to as a list"),  # fmt: skip
    pytest.param(lambda d: d["sources"][0].update(discovery={"backend": "brave"}), id="source discovery half told"),
    pytest.param(lambda d: d["sources"][0].update(origin="discovered"), id="discovered without how"),
    pytest.param(lambda d: d["sources"][0].update(copy_of_draft=True), id="a given source called a copy"),
    pytest.param(lambda d: d["sources"][0].update(archive={"url": "u", "timestamp": "2024", "original_url": "o"}),
                 id="archive timestamp too short"),  # fmt: skip
    pytest.param(lambda d: d["sources"][0].update(status="walled"), id="source status not built"),
    pytest.param(lambda d: _claim(d, verdict="unverified").update(reason="disputed"), id="reason not built yet"),
    pytest.param(lambda d: _claim(d, kind="term").update(verdict="confirmed", reason="exact", score=100.0),
                 id="a term with a verdict"),  # fmt: skip
    pytest.param(lambda d: _claim(d, kind="direct").update(verdict=None, reason=None), id="a quote without verdict"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(reason="altered"), id="confirmed but altered"),
    pytest.param(lambda d: _claim(d, verdict="paraphrased").update(reason="exact"), id="paraphrased but exact"),
    pytest.param(lambda d: _claim(d, verdict="unverified").update(reason="supported"), id="unverified but supported"),
    pytest.param(_evidence_without_attribution, id="evidence without attributed_to"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(paragraph=-1), id="negative paragraph"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(paragraph="1"), id="paragraph as a string"),
    pytest.param(lambda d: _claim(d, verdict="confirmed")["span"].update(end=None), id="span end null"),
    pytest.param(lambda d: _claim(d, verdict="paraphrased")["evidence"]["diff"].append(["replace", "May"]),
                 id="diff op not in the contract"),  # fmt: skip
    pytest.param(lambda d: _claim(d, verdict="paraphrased")["evidence"]["diff"].append(["equal"]),
                 id="diff entry without words"),  # fmt: skip
    pytest.param(lambda d: _claim(d, verdict="confirmed")["evidence"].update(source="minutes"), id="evidence source"),
    pytest.param(lambda d: d.update(schema="verify-report/2"), id="another schema"),
    pytest.param(lambda d: d["tool"].update(name="checker"), id="another tool"),
    pytest.param(lambda d: d["article"].update(sha256="not-a-hash"), id="article sha256 not hex"),
    pytest.param(lambda d: d["article"].update(format="docx"), id="article format unknown"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(id="c1"), id="claim id not C<n>"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(speaker="Ines Morrow"), id="speaker as a string"),
    pytest.param(lambda d: d["sources"][0].update(from_cache="no"), id="from_cache not a boolean"),
    pytest.param(lambda d: d["sources"][0].update(origin="search"), id="unknown source origin"),
    pytest.param(lambda d: d["sources"][0].update(http_status=42), id="impossible HTTP status"),
    pytest.param(lambda d: d["summary"].update(terms=1), id="summary with another count"),
    pytest.param(lambda d: d["summary"].update(claims=-1), id="negative count"),
    pytest.param(lambda d: d.update(baseline={"path": None, "introduced": ["C1"]}), id="baseline without resolved"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(
        decision={"verdict": "unverified", "note": "", "by": "Desk", "at": None}), id="decision of unverified"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(
        decision={"verdict": "confirmed", "note": "", "by": "", "at": None}), id="decision by nobody"),
    pytest.param(lambda d: _claim(d, verdict="confirmed").update(change="edited"), id="unknown change mark"),
]  # fmt: skip


@pytest.mark.invalid_reports
def test_a_test_may_serialise_a_report_that_breaks_the_contract(reports: dict[str, Report]) -> None:
    report = reports["every source readable"]
    term = replace(report.results[0], claim=replace(report.results[0].claim, kind=ClaimKind.TERM))
    data = replace(report, results=(term, *report.results[1:])).to_dict()  # a term with a verdict
    assert problems(data, "report") != []


def test_the_unbroken_report_validates(reports: dict[str, Report]) -> None:
    assert problems(_report_dict(reports), "report") == []


@pytest.mark.parametrize("breakage", BROKEN_REPORTS)
def test_a_broken_report_fails(reports: dict[str, Report], breakage: Breakage) -> None:
    data = _report_dict(reports)
    breakage(data)
    assert problems(data, "report") != []


def _extraction(newsroom: Path) -> dict[str, Any]:
    document = as_document(newsroom / "pier.md")
    return copy.deepcopy(extraction_to_dict(document, verify.extract(document), __version__))


BROKEN_EXTRACTIONS: list[Any] = [
    pytest.param(lambda d: d["claims"][0].update(verdict=None), id="a verdict key"),
    pytest.param(lambda d: d["summary"].update(confirmed=0), id="a verdict count"),
    pytest.param(lambda d: d.update(sources=[]), id="a sources list"),
    pytest.param(lambda d: d["claims"][0].pop("speaker"), id="a claim without speaker"),
]


@pytest.mark.parametrize("breakage", BROKEN_EXTRACTIONS)
def test_a_broken_extraction_fails(newsroom: Path, breakage: Breakage) -> None:
    data = _extraction(newsroom)
    assert problems(data, "extraction") == []
    breakage(data)
    assert problems(data, "extraction") != []


def _batch(reports: dict[str, Report]) -> dict[str, Any]:
    report = _report_dict(reports)
    return {
        "schema": "verify-batch/1",
        "drafts": [
            {"path": "drafts/pier.md", "error": None, "summary": report["summary"]},
            {"path": "drafts/binary.md", "error": "drafts/binary.md: looks like a binary file"},
        ],
        "reports": [report],
    }


BROKEN_BATCHES: list[Any] = [
    pytest.param(lambda d: d.update(schema="verify-report/1"), id="report schema name"),
    pytest.param(lambda d: d["drafts"][1].pop("error"), id="draft without error key"),
    pytest.param(lambda d: d["drafts"][0].pop("summary"), id="readable draft without summary"),
    pytest.param(lambda d: d["drafts"][1].update(summary=d["drafts"][0]["summary"]), id="summary of a failed draft"),
    pytest.param(lambda d: _claim(d["reports"][0], verdict="confirmed").update(verdict="ok"), id="a broken report"),
]


@pytest.mark.parametrize("breakage", BROKEN_BATCHES)
def test_a_broken_batch_fails(reports: dict[str, Report], breakage: Breakage) -> None:
    data = _batch(reports)
    assert problems(data, "batch") == []
    breakage(data)
    assert problems(data, "batch") != []


# ---------------------------------------------------------------------------
# (c) the schema's enums are the code's
# ---------------------------------------------------------------------------

CODE_ENUMS = [
    pytest.param("verdict", {v.value for v in Verdict}, id="verdict"),
    pytest.param("reason", {r.value for r in Reason}, id="reason"),
    pytest.param("flag", {f.value for f in Flag}, id="flag"),
    pytest.param("sourceStatus", {s.value for s in SourceStatus}, id="source status"),
    pytest.param("claimKind", {k.value for k in ClaimKind}, id="claim kind"),
    pytest.param("diffOp", {o.value for o in DiffOp}, id="diff op"),
    pytest.param("decisionVerdict", {v.value for v in DECISION_VERDICTS}, id="decision verdict"),
    pytest.param("change", {CHANGE_NEW, CHANGE_CHANGED, CHANGE_UNCHANGED}, id="change"),
    pytest.param("articleFormat", {detect_format(f"draft{s}", "") for s in DRAFT_SUFFIXES}, id="article format"),
]


@pytest.mark.parametrize(("name", "values"), CODE_ENUMS)
def test_schema_enums_are_the_code_enums(name: str, values: set[str]) -> None:
    enum = load("report")["$defs"][name]["enum"]
    assert len(enum) == len(set(enum))
    assert set(enum) == values


def test_the_verdict_reason_pairs_cover_every_reason() -> None:
    rules = load("report")["$defs"]["claim"]["allOf"][1:]
    paired = set()
    for rule in rules:
        allowed = rule["then"]["properties"]["reason"]
        paired |= set(allowed.get("enum", [allowed.get("const")]))
    assert paired == {r.value for r in Reason}


def test_every_enum_value_is_documented() -> None:
    document = (DOCS / "report-format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", document))
    schema = load("report")["$defs"]
    names = ("verdict", "reason", "flag", "sourceStatus", "claimKind", "diffOp", "change", "sourceOrigin")
    missing = {value for name in names for value in schema[name]["enum"]} - documented
    assert not missing
    assert "verify-report/1" in document and f"`{__version__}`" in document
