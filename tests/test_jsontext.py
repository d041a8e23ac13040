"""Indented JSON written by orjson must be the text the standard library writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from verify.jsontext import dumps_indented
from verify.model import Verdict


def standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


AWKWARD_STRINGS = [
    "",
    "plain",
    'a "quoted" word and a back\\slash',
    "tab\there, new\nline, return\r, form\ffeed, back\bspace",
    "\x00\x01\x1f\x7f",
    "caf\u00e9 \u201ccurly\u201d \u2014 dash \u2026",
    "line\u2028separator and paragraph\u2029separator",
    "\U0001f4f0 a newspaper, \u4e2d\u6587, \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "</script><!-- -->",
]


@pytest.mark.parametrize("text", AWKWARD_STRINGS)
def test_strings_are_written_as_the_standard_library_writes_them(text: str) -> None:
    value = {"text": text, "list": [text, {"nested": text}]}
    assert dumps_indented(value) == standard(value)


def test_containers_scalars_and_string_enums() -> None:
    value = {
        "empty_list": [],
        "empty_dict": {},
        "tuple": (1, "two", None),
        "nested": [[{"a": [True, False, None]}], [], {}],
        "ints": [0, -1, 2**53, -(2**63)],
        "verdict": Verdict.CONFIRMED,
        "unicode key \u00e9": "value",
    }
    assert dumps_indented(value) == standard(value)


def test_scores_as_reports_hold_them_are_written_alike() -> None:
    """Report scores run from 0 to 100 with one decimal; floats of that kind print the same."""
    scores = [k / 10 for k in range(1001)] + [33.33, 66.67, 99.99, 12.345]
    assert dumps_indented({"scores": scores}) == standard({"scores": scores})


def test_orjson_writes_what_it_can(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback must stay a fallback: ordinary values never reach the standard library."""
    value = {"verdict": Verdict.CONFIRMED, "tuple": (1, "two"), "scores": [99.5, 100.0], "text": AWKWARD_STRINGS}
    expected = standard(value)

    def refused(*args: object, **kwargs: object) -> str:
        raise AssertionError("the standard library was asked")

    monkeypatch.setattr(json, "dumps", refused)
    assert dumps_indented(value) == expected


def test_what_orjson_refuses_goes_to_the_standard_library() -> None:
    lone_surrogate = {"text": "broken \ud800 text"}
    huge = {"n": 2**70}
    assert dumps_indented(lone_surrogate) == standard(lone_surrogate)
    assert dumps_indented(huge) == standard(huge)


def test_a_real_report_is_written_byte_for_byte_as_before(tmp_path: Path) -> None:
    import verify

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    report = verify.check(
        str(seeds / "demo-draft.md"),
        sources_file=seeds / "demo-draft.sources.toml",
        offline=True,
        cache_dir=tmp_path / "cache",
    )
    assert any(r.evidence is not None for r in report.results), "the demo check found no evidence"
    assert report.to_json() == standard(report.to_dict())
    assert json.loads(report.to_json()) == report.to_dict()
    assert report.to_json(indent=None) == json.dumps(report.to_dict(), ensure_ascii=False)
