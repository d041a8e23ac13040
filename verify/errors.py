"""Every error verify raises on purpose, in one tree.

    VerifyError                 base: catch this to catch everything below
     ├── InputError             an article or option the user gave cannot be used
     │    ├── SourcesFileError  the --sources TOML file is missing or malformed
     │    ├── DecisionsFileError an editor decisions file is missing or malformed
     │    └── ConfigError       a configuration file (verify.toml, [tool.verify]) is malformed
     ├── ReportFormatError      a saved report is not a verify report
     ├── CheckTimeout           a check ran past its time limit (Options.time_limit)
     └── SourceError            one source could not be had (never stops a run:
                                 it becomes a source status in the report)

The CLI maps VerifyError to exit status 2 with the message on one line.
"""

from __future__ import annotations


class VerifyError(Exception):
    """Base class of verify's own errors; ``str(error)`` is one line for a person."""


class InputError(VerifyError):
    """A draft, path or option given by the user cannot be used."""


class SourcesFileError(InputError):
    """The sources file cannot be read or does not follow the expected layout."""


class DecisionsFileError(InputError):
    """An editor decisions file cannot be read or does not follow the expected layout."""


class ConfigError(InputError):
    """A configuration file cannot be read or holds a key or value verify does not accept."""


class ReportFormatError(VerifyError):
    """A file given as a saved report is not a verify JSON report."""


class CheckTimeout(VerifyError):
    """A check ran past ``Options.time_limit``; it stopped at the next step, with no report."""


class SourceError(VerifyError):
    """A source could not be fetched or read; carries the status to report."""

    def __init__(self, status: str, message: str, http_status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.http_status = http_status
