"""``"discover": true`` in a service request: off unless the request says so, and only a boolean."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify import service
from verify.model import Report
from verify.options import Options
from verify.service import CheckRequest, RequestError, ServiceSettings, parse_check_request


@pytest.mark.parametrize(
    ("body", "discover"),
    [
        pytest.param({"text": "She said \u201cthe pier is closed\u201d."}, False, id="left out: off"),
        pytest.param({"text": "x", "discover": False}, False, id="false"),
        pytest.param({"text": "x", "discover": None}, False, id="null: off, as other fields' null is their default"),
        pytest.param({"text": "x", "discover": True}, True, id="true"),
    ],
)
def test_discover_is_read_from_the_request(body: dict[str, object], discover: bool) -> None:
    assert parse_check_request(body).discover is discover


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, [True]])
def test_discover_must_be_a_boolean(value: object) -> None:
    with pytest.raises(RequestError, match="'discover' must be true or false"):
        parse_check_request({"text": "x", "discover": value})


@pytest.mark.parametrize("discover", [False, True])
def test_the_request_decides_discovery_and_the_archive_fallback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, discover: bool
) -> None:
    seen: list[Options] = []

    def fake_check(*args: object, options: Options, **kwargs: object) -> Report:
        seen.append(options)
        raise RuntimeError("stop here")

    monkeypatch.setattr("verify.pipeline.check", fake_check)
    with pytest.raises(RuntimeError, match="stop here"):
        service.run_check(CheckRequest(text="x", discover=discover), ServiceSettings(cache_dir=tmp_path))
    (options,) = seen
    assert (options.discover, options.archive_fallback) == (discover, discover)
