"""Reading the TOML files a user writes (sources, editor decisions) with one-line errors."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from verify.errors import InputError


def read_toml(path: str | Path, *, what: str, error: type[InputError] = InputError) -> dict[str, Any]:
    """The parsed file; every problem is ``error`` with one line naming the file and ``what`` it is."""
    location = Path(path)
    try:
        return tomllib.loads(location.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise error(f"{location}: no such {what}") from exc
    except IsADirectoryError as exc:
        raise error(f"{location}: is a directory, not a {what}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{location}: {what} is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{location}: not valid TOML ({' '.join(str(exc).split())})") from exc
    except OSError as exc:
        raise error(f"{location}: cannot read ({exc.strerror or exc})") from exc
