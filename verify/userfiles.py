"""Reading the files a user names (drafts, sources files, decisions, saved reports) with one-line errors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verify.errors import InputError, ReportFormatError

if TYPE_CHECKING:  # pragma: no cover
    from verify.model import Report


def read_user_file(path: str | Path, *, what: str, error: type[InputError] = InputError) -> bytes:
    """The file's bytes; every problem is ``error`` with one line naming the file and ``what`` it is."""
    location = Path(path)
    name = _printable(location)
    try:
        return location.read_bytes()
    except FileNotFoundError as exc:
        raise error(f"{name}: no such {what}") from exc
    except IsADirectoryError as exc:
        raise error(f"{name}: is a directory, not a {what}") from exc
    except PermissionError as exc:
        raise error(f"{name}: permission denied") from exc
    except OSError as exc:
        raise error(f"{name}: cannot read ({exc.strerror or exc})") from exc
    except ValueError as exc:  # a NUL byte, or a character the file system cannot name
        raise error(f"{name}: not a usable file name") from exc


def _printable(location: Path) -> str:
    """The path on one line, with a NUL, a line break or an unencodable character escaped."""
    name = str(location)
    return name if name.isprintable() else repr(name)[1:-1]


def read_user_text(path: str | Path, *, what: str, error: type[InputError] = InputError) -> str:
    """The file as UTF-8 text (a byte-order mark dropped); not UTF-8 is ``error`` too."""
    raw = read_user_file(path, what=what, error=error)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: {what} is not UTF-8 text") from exc


def read_toml(path: str | Path, *, what: str, error: type[InputError] = InputError) -> dict[str, Any]:
    """The parsed TOML file; every problem is ``error`` with one line naming the file and ``what`` it is."""
    text = read_user_text(path, what=what, error=error)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML ({' '.join(str(exc).split())})") from exc


def load_report(path: str | Path, *, what: str = "report") -> Report:
    """A saved JSON report (``verify check --format json -o …``); every problem is one line."""
    from verify.model import Report

    location = Path(path)
    try:
        raw = read_user_file(location, what=f"{what} report").decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportFormatError(f"{location}: {what} is not UTF-8 text (save it with --format json)") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        message = f"{location}: {what} is not JSON (line {exc.lineno}); save it with --format json"
        raise ReportFormatError(message) from exc
    except ValueError as exc:  # a number with more digits than Python converts
        raise ReportFormatError(f"{location}: {what} is not a verify JSON report (a number is too long)") from exc
    except RecursionError as exc:
        raise ReportFormatError(f"{location}: {what} is not a verify JSON report (nested too deeply)") from exc
    if isinstance(data, dict) and data.get("schema") == "verify-batch/1":
        raise ReportFormatError(f"{location}: {what} is a batch of reports; give the report of one draft")
    try:
        return Report.from_dict(data)
    except ValueError as exc:  # from_dict checks every field and names the wrong one
        detail = " ".join(str(exc).split())
        raise ReportFormatError(f"{location}: not a verify JSON report ({detail})") from exc
