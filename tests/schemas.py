"""The JSON Schemas in docs/, compiled once, and a check that says what is wrong in one message.

``problems(data, "report")`` lists every place where ``data`` breaks the schema (empty when it
is valid); ``kind_of(data)`` tells a report, an extraction and a batch summary apart.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

DOCS = Path(__file__).resolve().parent.parent / "docs"
SCHEMA_FILES = {
    "report": DOCS / "report.schema.json",
    "extraction": DOCS / "extraction.schema.json",
    "batch": DOCS / "batch.schema.json",
}


def load(kind: str) -> dict[str, Any]:
    return json.loads(SCHEMA_FILES[kind].read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# jsonschema is imported on first use: the tests that run before any report is made, some of
# which time forked children, then run in a process as light as it is without the schema check.


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    # Keyed by file URI, so the wrappers' relative "report.schema.json#/..." resolves as it does on disk.
    return Registry().with_resources(
        (path.as_uri(), Resource.from_contents(load(kind))) for kind, path in SCHEMA_FILES.items()
    )


@cache
def validator(kind: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = {"$ref": SCHEMA_FILES[kind].as_uri()}
    return Draft202012Validator(schema, registry=_registry())


def problems(data: object, kind: str) -> list[str]:
    """Every schema violation in ``data``, each as ``path: message``."""
    found = []
    for error in validator(kind).iter_errors(data):
        error = _innermost(error)
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        message = error.message if len(error.message) <= 300 else error.message[:299] + "…"
        found.append(f"{where}: {message}")
    return found


def _innermost(error: ValidationError) -> ValidationError:
    """For "not valid under any of the given schemas", the branch that got furthest into the data."""
    while error.context:
        error = max(error.context, key=lambda branch: len(branch.absolute_path))
    return error


def kind_of(data: object) -> str | None:
    """Which schema a JSON object claims to follow: "report", "extraction", "batch", or None."""
    if not isinstance(data, dict):
        return None
    if data.get("schema") == "verify-batch/1":
        return "batch"
    if data.get("schema") == "verify-report/1":
        return "report" if "sources" in data else "extraction"
    return None
