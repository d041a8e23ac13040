"""Shared helpers: run the real CLI in a subprocess, as a newsroom script would; and hold every
JSON report the tests make to docs/report.schema.json.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import verify.model
from tests.schemas import kind_of, problems

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


class ReportSchemaError(AssertionError):
    """A report, extraction or batch summary the tests produced breaks docs/report.schema.json."""


# Violations seen during the current test: kept here as well as raised, because the code under
# test may catch the error (the service turns any exception into a 500).
_violations: list[str] = []
# Off for a test marked ``invalid_reports``, which makes reports that break the contract on purpose.
_checking = True


# Digests of documents already found valid: many tests serialise the same report several times.
_valid: set[tuple[str, bytes]] = set()


def _digest(data: object) -> bytes | None:
    try:
        return hashlib.blake2b(json.dumps(data, sort_keys=True).encode("utf-8", "surrogatepass")).digest()
    except (TypeError, ValueError):  # not plain JSON data: validate it every time
        return None


def check_against_schema(data: object, what: str) -> None:
    if not _checking:
        return
    kind = kind_of(data)
    digest = _digest(data) if kind else None
    if kind and digest is not None and (kind, digest) in _valid:
        return
    found = problems(data, kind) if kind else [f"(top): no known 'schema' value in {what}"]
    if found:
        message = f"{what} breaks the {kind or 'report'} schema:\n  " + "\n  ".join(found[:10])
        _violations.append(message)
        raise ReportSchemaError(message)
    if kind and digest is not None:
        _valid.add((kind, digest))


def _validated(function: Callable[..., dict[str, Any]], what: str) -> Callable[..., dict[str, Any]]:
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        data = function(*args, **kwargs)
        check_against_schema(data, what)
        return data

    wrapper.__wrapped__ = function  # type: ignore[attr-defined]
    return wrapper


@pytest.fixture(scope="session", autouse=True)
def reports_follow_the_schema() -> Iterator[None]:
    """Every ``Report.to_dict`` and ``extraction_to_dict`` of the run is validated as it is made.

    A test that needs an invalid report builds the dict itself (or edits a copy of a valid one),
    or is marked ``@pytest.mark.invalid_reports``.
    """
    original_extraction = verify.model.extraction_to_dict
    patched_extraction = _validated(original_extraction, "extraction_to_dict(...)")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verify.model.Report, "to_dict", _validated(verify.model.Report.to_dict, "Report.to_dict()"))
        # Modules that imported the function by name (verify.cli) hold the original.
        for name, module in list(sys.modules.items()):
            if name.split(".")[0] == "verify" and getattr(module, "extraction_to_dict", None) is original_extraction:
                patch.setattr(module, "extraction_to_dict", patched_extraction)
        yield


def pytest_runtest_setup(item: pytest.Item) -> None:
    global _checking
    _violations.clear()
    _checking = item.get_closest_marker("invalid_reports") is None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A test during which an invalid report was made fails, even if the code under test caught the error."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if call.when == "call" and report.passed and _violations:
        report.outcome = "failed"
        report.longrepr = "\n".join(_violations)


def _json_written(args: Sequence[str], stdout: str, cwd: Path) -> Iterator[tuple[object, str]]:
    """The JSON documents a CLI run printed or wrote with ``-o`` (a file, or a batch's directory)."""
    if stdout.lstrip().startswith("{"):
        try:
            yield json.loads(stdout), "standard output"
        except json.JSONDecodeError:
            pass
    for flag, value in zip(args, args[1:], strict=False):
        if flag not in ("-o", "--output"):
            continue
        target = cwd / value
        files = sorted(target.glob("*.json")) if target.is_dir() else [target] if target.suffix == ".json" else []
        for path in files:
            try:
                yield json.loads(path.read_text(encoding="utf-8")), str(path)
            except (OSError, ValueError):
                continue


@pytest.fixture
def run_cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run ``python -m verify ARGS`` with a private cache; returns the CompletedProcess."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        # Output buffered as a user's terminal or pipe has it (PYTHONUNBUFFERED would hide a
        # missing flush), a private cache, no colour.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        env.update(VERIFY_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
        done = subprocess.run(
            [sys.executable, "-m", "verify", *args],
            input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd or REPO,
            timeout=300,
        )
        # The subprocess's reports do not pass through this process's to_dict: check what it wrote.
        for data, where in _json_written(args, done.stdout, cwd or REPO):
            if kind_of(data):
                check_against_schema(data, f"verify {' '.join(args[:1])} ({where})")
        return done

    return run
