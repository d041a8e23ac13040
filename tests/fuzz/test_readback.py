"""A saved report with any part replaced by any JSON value: Report.from_dict refuses it with a
ValueError, or the report it returns renders in every format."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import verify
from tests.fuzz.strategies import json_values
from tests.reports import sample_report
from verify.model import Report
from verify.report import FORMATS

SAMPLE = sample_report().to_dict()


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(SAMPLE)


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@pytest.mark.invalid_reports  # an accepted report may still break the schema's finer rules
@given(edits=st.lists(st.tuples(st.sampled_from(PATHS), json_values()), min_size=1, max_size=3))
def test_a_damaged_report_is_refused_or_renders(edits: list[tuple[tuple[Any, ...], Any]]) -> None:
    data: Any = SAMPLE
    for path, value in edits:
        try:
            data = _replaced(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed that place
    try:
        report = Report.from_dict(data)
    except ValueError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
        return
    for fmt in FORMATS:
        verify.render(report, fmt).encode("utf-8")
