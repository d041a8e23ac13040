"""verify: check the quotes and attributed statements in a news draft against their sources.

    import verify

    report = verify.check("draft.md", sources=["https://example.org/statement"])
    for result in report.results:
        print(result.claim.id, result.verdict, result.claim.text)
"""

from verify.errors import (
    CheckTimeout,
    ConfigError,
    DecisionsFileError,
    InputError,
    ReportFormatError,
    SourceError,
    SourcesFileError,
    VerifyError,
)
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
from verify.options import Limits, Options, Timeout
from verify.pipeline import DraftOutcome, check, check_many, extract
from verify.report import render
from verify.version import __version__

__all__ = [
    "CheckTimeout",
    "Claim",
    "ClaimKind",
    "ClaimResult",
    "ConfigError",
    "DecisionsFileError",
    "DraftOutcome",
    "Evidence",
    "Flag",
    "InputError",
    "Limits",
    "Options",
    "Reason",
    "Report",
    "ReportFormatError",
    "SourceEntry",
    "SourceError",
    "SourceRef",
    "SourceStatus",
    "SourcesFileError",
    "Speaker",
    "Timeout",
    "Verdict",
    "VerifyError",
    "__version__",
    "check",
    "check_many",
    "extract",
    "render",
]
