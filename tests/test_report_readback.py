"""Reading a saved report back: a report of the wrong shape is one line naming the bad field, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.reports import sample_report
from verify.errors import ReportFormatError
from verify.model import Report
from verify.userfiles import load_report

Edit = Callable[[dict[str, Any]], Any]


def _claim_with_evidence(data: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in data["claims"] if c["evidence"])


def _set(path: str, value: Any) -> Edit:
    """An edit that sets ``data[path]`` (keys and list indexes separated by dots) to ``value``."""

    def edit(data: dict[str, Any]) -> dict[str, Any]:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        elif value is _DELETE:
            del node[last]
        else:
            node[last] = value
        return data

    return edit


_DELETE = object()

WRONG_SHAPES: dict[str, tuple[Edit, str]] = {
    "top level is a list": (lambda data: [data], "expected an object, found a list"),
    "top level is a string": (lambda data: "verify-report/1", "expected an object, found a string"),
    "claims is an object": (_set("claims", {"C1": {}}), "claims: expected a list, found an object"),
    "a claim is a string": (_set("claims.0", "We will rebuild"), "claims[0]: expected an object, found a string"),
    "score is a word": (_set("claims.0.score", "high"), "claims[0].score: expected a number or null, found a string"),
    "score is true": (_set("claims.0.score", True), "claims[0].score: expected a number or null"),
    "score out of range": (_set("claims.0.score", 1e300), "claims[0].score: 1e+300 is out of range"),
    "span end is text": (_set("claims.1.span", {"start": 0, "end": "9"}), "claims[1].span.end: expected a whole"),
    "negative offset": (_set("claims.1.span", {"start": -4, "end": 9}), "claims[1].span.start: -4 is out of range"),
    "span missing": (_set("claims.1.span", _DELETE), "claims[1].span: missing"),
    "unknown kind": (_set("claims.0.kind", "quip"), "claims[0].kind: 'quip' is not one of direct"),
    "flags is a string": (_set("claims.0.flags", "number_mismatch"), "claims[0].flags: expected a list"),
    "unknown flag": (_set("claims.0.flags", ["odd"]), "claims[0].flags[0]: 'odd' is not one of"),
    "speaker is a name": (_set("claims.0.speaker", "Ana Reyes"), "claims[0].speaker: expected an object"),
    "paragraph is a float": (_set("claims.0.paragraph", 1.5), "claims[0].paragraph: expected a whole number"),
    "text is a number": (_set("claims.0.text", 7), "claims[0].text: expected a string, found a number"),
    "diff entry is a word": (lambda d: (_claim_with_evidence(d)["evidence"].update(diff=["equal"]), d)[1],
                             ".evidence.diff[0]: expected [operation, words]"),  # fmt: skip
    "source status unknown": (_set("sources.0.status", "fine"), "sources[0].status: 'fine' is not one of ok"),
    "http status a word": (_set("sources.0.http_status", "OK"), "sources[0].http_status: expected a whole number"),
    "aliases a string": (_set("sources.0.aliases", "Gazette"), "sources[0].aliases: expected a list"),
    "tool missing": (_set("tool", _DELETE), "tool: missing"),
    "article format odd": (_set("article.format", "pdf"), "article.format: 'pdf' is not one of text"),
    "baseline a list": (_set("baseline", []), "baseline: expected an object, found a list"),
}


@pytest.mark.parametrize(("edit", "message"), WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_from_dict_names_the_wrong_field(edit: Edit, message: str) -> None:
    data = edit(sample_report().to_dict())
    with pytest.raises(ValueError) as info:
        Report.from_dict(data)
    assert message in str(info.value)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300  # one line, even naming every flag


@pytest.mark.parametrize(("edit", "message"), WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_load_report_is_one_report_format_error(tmp_path: Path, edit: Edit, message: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(edit(sample_report().to_dict())), encoding="utf-8")
    with pytest.raises(ReportFormatError) as info:
        load_report(path)
    assert message.split(":")[0] in str(info.value) and "\n" not in str(info.value)


OPTIONAL_MISSING = [
    "claims.0.flags", "claims.0.evidence", "claims.0.decision", "claims.0.change", "claims.0.parts",
    "sources.0.aliases", "sources.0.origin", "article.text", "article.format", "generated_at",
]  # fmt: skip


@pytest.mark.parametrize("path", OPTIONAL_MISSING)
def test_optional_keys_may_be_missing_or_null(path: str) -> None:
    for value in (_DELETE, None):
        report = Report.from_dict(_set(path, value)(sample_report().to_dict()))
        assert report.tool_version == sample_report().tool_version


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "nested too deeply", id="nested 100,000 deep"),
        pytest.param(b'{"schema": "verify-report/1", "n": ' + b"7" * 5000 + b"}", "a number is too long",
                     id="a 5,000-digit number"),  # fmt: skip
        pytest.param(b"[]", "not a verify JSON report", id="an empty list"),
    ],
)
def test_json_that_python_refuses_is_a_report_format_error(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    with pytest.raises(ReportFormatError, match=message):
        load_report(path)


@pytest.mark.parametrize(
    "name", ["top level is a list", "a claim is a string", "score is a word", "unknown kind", "diff entry is a word"]
)
def test_verify_report_exits_2_with_one_line(run_cli, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    edit, message = WRONG_SHAPES[name]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(edit(sample_report().to_dict())), encoding="utf-8")
    result = run_cli("report", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("verify: ") and "not a verify JSON report" in line and message.split(":")[0] in line
