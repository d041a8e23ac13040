"""verify: check the quotes and attributed statements in a news draft against their sources.

    import verify

    report = verify.check("draft.md", sources=["https://example.org/statement"])
    for result in report.results:
        print(result.claim.id, result.verdict, result.claim.text)

Public names are loaded on first use, so ``import verify`` stays cheap for scripts that
only need the model or one stage.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from verify.version import __version__

_EXPORTS = {
    "check": "verify.pipeline",
    "check_many": "verify.pipeline",
    "extract": "verify.pipeline",
    "render": "verify.report",
    "Report": "verify.model",
    "Claim": "verify.model",
    "ClaimKind": "verify.model",
    "ClaimResult": "verify.model",
    "Evidence": "verify.model",
    "Flag": "verify.model",
    "Reason": "verify.model",
    "SourceEntry": "verify.model",
    "SourceRef": "verify.model",
    "SourceStatus": "verify.model",
    "Speaker": "verify.model",
    "Verdict": "verify.model",
    "FetchOptions": "verify.sources.options",
    "VerifyError": "verify.errors",
    "InputError": "verify.errors",
    "SourcesFileError": "verify.errors",
    "ReportFormatError": "verify.errors",
    "SourceError": "verify.errors",
}

__all__ = [  # noqa: RUF022 - grouped by kind, like _EXPORTS
    "__version__",
    "check", "check_many", "extract", "render",
    "Report", "Claim", "ClaimKind", "ClaimResult", "Evidence", "Flag", "Reason", "SourceEntry", "SourceRef",
    "SourceStatus", "Speaker", "Verdict", "FetchOptions",
    "VerifyError", "InputError", "SourcesFileError", "ReportFormatError", "SourceError",
]  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover
    from verify.errors import InputError, ReportFormatError, SourceError, SourcesFileError, VerifyError
    from verify.model import (
        Claim,
        ClaimKind,
        ClaimResult,
        Evidence,
        Flag,
        Reason,
        Report,
        SourceEntry,
        SourceRef,
        SourceStatus,
        Speaker,
        Verdict,
    )
    from verify.pipeline import check, check_many, extract
    from verify.report import render
    from verify.sources.options import FetchOptions


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'verify' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
