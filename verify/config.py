"""The configuration file a newsroom shares: finding it and reading it into a ``Config``.

A configuration file is ``verify.toml``, or the ``[tool.verify]`` table of a
``pyproject.toml``; both hold the same keys::

    cache_dir = "cache"            # relative to the file's folder
    fail_on = "unverified"         # one of FAIL_ON
    [fetch]
    timeout = 20.0                 # seconds between bytes
    connect_timeout = 10.0         # seconds
    deadline = 60.0                # seconds for all attempts at one source
    concurrency = 8                # requests in flight
    per_host = 2                   # requests in flight to one host
    contact = "desk@example.org"   # added to the User-Agent
    [[outlet]]                     # an outlet a draft names, and its other names
    name = "The Harbour Gazette"
    aliases = ["Harbour Gazette", "the Gazette"]
    [discover]                     # the services a run with --discover may use; never switches it on
    searxng_url = "https://search.newsroom.example"
    queries_per_claim = 4
    queries_per_run = 40

Public surface:

``find_config(start) -> Path | None``
    The file that applies to ``start`` (a draft, or a folder): the nearest folder from
    there up to the filesystem root holding ``verify.toml`` or a ``pyproject.toml`` with
    a ``[tool.verify]`` table; ``verify.toml`` wins within one folder.
``load_config(path) -> Config``
    The file's settings. Every setting the file leaves out is None, so the caller can
    lay the command line over the file and the file over built-in defaults. Tables are
    always present (``config.fetch.timeout`` is None when unset); ``outlets`` is empty
    when the file names none. ``cache_dir`` comes back absolute, resolved against the
    file's folder. A file named ``pyproject.toml`` is read from its ``[tool.verify]``
    table; a file of any other name is read whole, as ``verify.toml`` is.
``Config``, ``FetchConfig``, ``Outlet``
    Frozen dataclasses.
``FAIL_ON``
    The values ``fail_on`` accepts.
``FORBIDDEN_KEYS``
    Keys no configuration file may hold, anywhere, because they would send a draft's
    words to a third party; only a flag given on the run switches those on. The one
    exception is the ``[discover]`` table itself, which only configures the services; any
    switch inside it (``DISCOVER_SWITCHES``) is refused the same way.
``ConfigError`` (from ``verify.errors``)
    Every problem, as one line ``FILE:LINE: what is wrong``.

A new table is a frozen dataclass whose fields are made with ``_setting(check)``, a
field on ``Config``, and one line in ``_TABLES``.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from verify.errors import ConfigError
from verify.userfiles import read_user_file

_FILE_NAMES: Final = ("verify.toml", "pyproject.toml")  # the order they are looked for in one folder
FAIL_ON: Final = ("unverified", "paraphrased", "flagged", "never")

# key -> (what it switches on, the run's flag): each would send a draft's words to a third party.
FORBIDDEN_KEYS: Final[Mapping[str, tuple[str, str]]] = {
    "discover": ("discovery", "--discover"),
}
# Keys inside [discover] that would read as switching it on, refused like FORBIDDEN_KEYS.
DISCOVER_SWITCHES: Final[Mapping[str, tuple[str, str]]] = {
    "enabled": ("discovery", "--discover"),
    "enable": ("discovery", "--discover"),
    "on": ("discovery", "--discover"),
    "active": ("discovery", "--discover"),
    "always": ("discovery", "--discover"),
    "archive_fallback": ("archive look-up", "--archive-fallback"),
}

_PYPROJECT_ROOT: Final = ("tool", "verify")

_Place = tuple[str | int, ...]  # a place in the parsed file: keys, and indexes into arrays


class _Bad(ValueError):
    """A value a check refuses; the text completes "<key> must be ..."."""


_Check = Callable[[object], object]


def _setting(check: _Check, default: object = None) -> Any:
    """A dataclass field for one key: ``default`` when the file leaves it out, else ``check(value)``."""
    return field(default=default, metadata={"check": check})


def _required(check: _Check) -> Any:
    """A dataclass field for a key every such table must have."""
    return field(metadata={"check": check})


# --- checks: each returns the value as stored, or raises _Bad ------------------------------------


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float | int):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def _seconds(value: object) -> float:
    # bool is an int in Python but never a sensible number of seconds
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise _Bad(f"a positive number of seconds, not {_shown(value)}")
    return float(value)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"a whole number of at least 1, not {_shown(value)}")
    return value


def _text(value: object) -> str:
    # the value may end up in a request header, where a line break would start a new header
    if not isinstance(value, str) or not value.strip() or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _Bad(f"a non-empty string on one line, not {_shown(value)}")
    return value


def _folder(value: object) -> Path:
    """A Path, which loading makes relative to the file's folder."""
    return Path(os.path.expanduser(_text(value)))


def _base_url(value: object) -> str:
    # a service's address: trusted as configured (an intranet instance may be private), but http(s) only
    text = _text(value)
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _Bad(f"an http or https URL, not {_shown(value)}")
    return text.rstrip("/")


def _fail_on(value: object) -> str:
    if value not in FAIL_ON:
        raise _Bad(f"one of {', '.join(FAIL_ON)}, not {_shown(value)}")
    return str(value)


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Bad(f"an array of names, not {_shown(value)}")
    try:
        return tuple(_text(item) for item in value)
    except _Bad as bad:
        raise _Bad(f"an array of names, each {bad}") from None


# --- what a file may hold ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchConfig:
    """``[fetch]``: how sources are fetched."""

    timeout: float | None = _setting(_seconds)  # seconds between bytes (read timeout)
    connect_timeout: float | None = _setting(_seconds)
    deadline: float | None = _setting(_seconds)  # seconds for all attempts at one source
    concurrency: int | None = _setting(_count)
    per_host: int | None = _setting(_count)
    contact: str | None = _setting(_text)  # added to the User-Agent


@dataclass(frozen=True)
class Outlet:
    """One ``[[outlet]]``: a name a draft uses for an outlet, and its other names."""

    name: str = _required(_text)
    aliases: tuple[str, ...] = _setting(_names, default=())


@dataclass(frozen=True)
class DiscoverConfig:
    """``[discover]``: the services a run with ``--discover`` may use, and its budgets.

    Nothing here switches discovery on. Keys (Brave's) come from the environment only.
    """

    searxng_url: str | None = _setting(_base_url)
    brave_url: str | None = _setting(_base_url)
    gdelt_url: str | None = _setting(_base_url)
    wayback_url: str | None = _setting(_base_url)
    wikidata_url: str | None = _setting(_base_url)
    queries_per_claim: int | None = _setting(_count)
    queries_per_run: int | None = _setting(_count)


@dataclass(frozen=True)
class Config:
    """A configuration file's settings; a setting the file leaves out is None."""

    cache_dir: Path | None = _setting(_folder)
    fail_on: str | None = _setting(_fail_on)
    fetch: FetchConfig = FetchConfig()
    discover: DiscoverConfig = DiscoverConfig()
    outlets: tuple[Outlet, ...] = ()
    path: Path | None = None  # the file read, for saying where a setting came from


@dataclass(frozen=True)
class _Table:
    """A table a configuration file may hold, and the Config field it fills."""

    field: str  # the Config field it fills
    schema: type[Any]  # the frozen dataclass of one such table
    many: bool = False  # an array of tables, [[name]]


# Every table a file may hold, by its dotted name below the file's root.
_TABLES: Final[Mapping[str, _Table]] = {
    "fetch": _Table("fetch", FetchConfig),
    "discover": _Table("discover", DiscoverConfig),
    "outlet": _Table("outlets", Outlet, many=True),
}


# --- finding ----------------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The configuration file for a draft at ``start`` (or for the folder ``start``), or None.

    Raises ConfigError when a ``pyproject.toml`` on the way that mentions verify cannot be
    parsed, since it may be the very file meant to apply.
    """
    here = Path(os.path.abspath(start))
    folder = here if here.is_dir() else here.parent
    for candidate_folder in (folder, *folder.parents):
        for name in _FILE_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_verify_table(candidate)):
                return candidate
    return None


def _has_verify_table(pyproject: Path) -> bool:
    text = _read_text(pyproject)
    if "verify" not in text:  # most pyproject files are skipped without parsing them
        return False
    tool = _parse(pyproject, text).get("tool")
    return isinstance(tool, dict) and "verify" in tool


# --- loading ----------------------------------------------------------------------------------------


def load_config(path: Path) -> Config:
    """Read one configuration file; every problem is a ConfigError naming the file and line."""
    text = _read_text(path)
    data: object = _parse(path, text)
    root: _Place = ()
    if path.name == "pyproject.toml":
        root = _PYPROJECT_ROOT
        tool = data.get("tool") if isinstance(data, dict) else None
        if not isinstance(tool, dict) or "verify" not in tool:
            raise ConfigError(f"{path}: has no [tool.verify] table")
        data = tool["verify"]
    reader = _Reader(path, text, root)
    if not isinstance(data, dict):
        raise reader.error(root, f"{reader.header(())} must be a table")
    reader.refuse_forbidden(data, ())
    settings, tables = reader.table(data, (), "")
    return Config(**settings, **tables, path=path)


def _read_text(path: Path) -> str:
    raw = read_user_file(path, what="configuration file", error=ConfigError)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text") from exc


_TOML_PLACE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def _parse(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # only a run that has a configuration file pays for the TOML parser

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = " ".join(str(exc).split())
        place = _TOML_PLACE.search(message)
        reason = message[: place.start()] if place else message
        reason = reason[:1].lower() + reason[1:]
        if place and place.group(1):
            line, where = int(place.group(1)), f" at column {place.group(2)}"
        else:
            line, where = max(len(text.splitlines()), 1), " at the end of the file"
        raise ConfigError(f"{path}:{line}: not valid TOML: {reason}{where}") from exc


class _Reader:
    """Checks one parsed file against the dataclasses, with lines for its messages."""

    def __init__(self, path: Path, text: str, root: _Place) -> None:
        self.path = path
        self.root = root
        self.lines = _key_lines(text)

    def line(self, at: _Place) -> int:
        """The line of ``at`` (below the root), else of the nearest enclosing thing that has one."""
        place = self.root + at
        while place and place not in self.lines:
            place = place[:-1]
        return self.lines.get(place, 1)

    def error(self, at: _Place, message: str) -> ConfigError:
        return ConfigError(f"{self.path}:{self.line(at)}: {message}")

    def header(self, names: tuple[str, ...], many: bool = False) -> str:
        """How the table at dotted ``names`` below the root is written in this file."""
        dotted = ".".join(str(part) for part in self.root + names)
        return f"[[{dotted}]]" if many else f"[{dotted}]"

    def refuse_forbidden(self, value: object, at: _Place) -> None:
        for key, place in _walk(value, at):
            if place == ("discover",) and isinstance(value, dict) and isinstance(value.get("discover"), dict):
                continue  # the [discover] table only configures services
            switches = DISCOVER_SWITCHES if place[:1] == ("discover",) and len(place) == 2 else {}
            if key in FORBIDDEN_KEYS or key in switches:
                what, flag = FORBIDDEN_KEYS.get(key) or switches[key]
                raise self.error(place, f"{key!r} is not allowed in a configuration file: {what} sends a draft's "
                                        f"words to third parties, so it is switched on for each run with {flag}, "
                                        "never in a configuration file")  # fmt: skip

    def table(self, data: dict[str, Any], at: _Place, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The settings of the table ``name`` (dotted, "" for the root), and the tables below it by Config field."""
        known = _settings_of(name)
        below = _tables_below(name)
        settings: dict[str, Any] = {}
        tables: dict[str, Any] = {}
        for key, value in data.items():
            place = (*at, key)
            if key in known:
                settings[key] = self.checked(known[key], value, place, name)
            elif key in below:
                tables.update(self.tables_at(value, place, _dotted(name, key)))
            else:
                raise self.unknown(key, value, place, name, known, below)
        for key, spec in known.items():
            if key not in settings and spec.default is dataclasses.MISSING:
                raise self.error(at, f"{self.header(_parts(name), _is_array(name))} needs {key!r}")
        return settings, tables

    def checked(self, spec: dataclasses.Field[Any], value: object, at: _Place, name: str) -> object:
        try:
            checked = spec.metadata["check"](value)
        except _Bad as bad:
            raise self.error(at, f"{_dotted(name, spec.name)} must be {bad}") from None
        if isinstance(checked, Path):  # a shared file's path means one place, whoever runs verify from wherever
            return Path(os.path.abspath(self.path.parent / checked))
        return checked

    def tables_at(self, value: object, at: _Place, name: str) -> dict[str, Any]:
        """What the table (or array of tables) ``name`` fills in, by Config field."""
        spec = _TABLES.get(name)
        if spec is None:  # only groups other tables, like [search] above [search.brave]
            if not isinstance(value, dict):
                raise self.error(at, f"{_dotted(name)} must be a table, not {_shown(value)}")
            return self.table(value, at, name)[1]
        if spec.many:
            if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
                raise self.error(at, f"{_dotted(name)} must be an array of tables, "
                                     f"{self.header(_parts(name), many=True)}, not {_shown(value)}")  # fmt: skip
            built = []
            for index, item in enumerate(value):
                settings, _ = self.table(item, (*at, index), name)  # no table sits below an array of tables
                built.append(spec.schema(**settings))
            return {spec.field: tuple(built)}
        if not isinstance(value, dict):
            raise self.error(at, f"{_dotted(name)} must be a table, {self.header(_parts(name))}, not {_shown(value)}")
        settings, tables = self.table(value, at, name)
        return {spec.field: spec.schema(**settings), **tables}

    def unknown(
        self, key: str, value: object, at: _Place, name: str, known: Mapping[str, object], below: Mapping[str, bool]
    ) -> ConfigError:
        is_table = isinstance(value, dict) or (isinstance(value, list) and bool(value) and
                                               all(isinstance(item, dict) for item in value))  # fmt: skip
        if is_table:
            many = isinstance(value, list)
            written = self.header((*_parts(name), key), many)
            nearest = _nearest(key, list(below))
            hint = f" (did you mean {self.header((*_parts(name), nearest), below[nearest])}?)" if nearest else ""
            return self.error(at, f"unknown table {written}{hint}")
        nearest = _nearest(key, [*known, *below])
        hint = f" (did you mean {nearest!r}?)" if nearest else ""
        if name and key in _settings_of(""):  # TOML puts every key after a [table] header into that table
            hint = f" ({key} goes in {self.header(())}, above its tables)" if self.root else \
                f" ({key} goes above the first table)"  # fmt: skip
        inside = f" in {self.header(_parts(name), _is_array(name))}" if name or self.root else ""
        return self.error(at, f"unknown key {key!r}{inside}{hint}")


def _settings_of(name: str) -> dict[str, dataclasses.Field[Any]]:
    """The keys table ``name`` ("" for the root) holds besides other tables, by name."""
    schema = Config if name == "" else _TABLES[name].schema if name in _TABLES else None
    return {f.name: f for f in dataclasses.fields(schema) if "check" in f.metadata} if schema else {}


def _is_array(name: str) -> bool:
    return name in _TABLES and _TABLES[name].many


def _dotted(*names: str) -> str:
    return ".".join(name for name in names if name)


def _parts(name: str) -> tuple[str, ...]:
    return tuple(name.split(".")) if name else ()


def _tables_below(name: str) -> dict[str, bool]:
    """The next names below table ``name`` that lead to known tables, each with whether it is an array."""
    below: dict[str, bool] = {}
    prefix = f"{name}." if name else ""
    for full, spec in _TABLES.items():
        if full.startswith(prefix):
            rest = full[len(prefix) :].split(".")
            below.setdefault(rest[0], spec.many and len(rest) == 1)
    return below


def _nearest(word: str, choices: list[str]) -> str | None:
    import difflib  # only a misspelt key needs it

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.7)
    return found[0] if found else None


def _walk(value: object, at: _Place) -> Iterator[tuple[str, _Place]]:
    """Every key in a parsed value, depth first in file order, with its place."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key, (*at, key)
            yield from _walk(inner, (*at, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*at, index))


# --- where each key is written ---------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key_lines(text: str) -> dict[_Place, int]:
    """The line (from 1) on which each key, table and array element of a valid TOML text first appears.

    tomllib keeps no positions, so this walks the text again: table headers (arrays of
    tables are counted, so the second ``[[outlet]]`` is ``("outlet", 1)``), dotted keys,
    inline tables and arrays. Text tomllib has refused may give a partial answer.
    """
    scanner = _LineScanner(text)
    try:
        scanner.document()
    except (IndexError, ValueError):
        pass  # the lines found so far still serve
    return scanner.lines


class _LineScanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: dict[_Place, int] = {}
        self.array_sizes: dict[_Place, int] = {}  # arrays of tables, by place: elements so far

    def line(self) -> int:
        return bisect_right(self.line_starts, self.at)

    def note(self, place: _Place) -> None:
        self.lines.setdefault(place, self.line())

    def peek(self, length: int = 1) -> str:
        return self.text[self.at : self.at + length]

    def skip_space(self, newlines: bool) -> None:
        """Past blanks and comments, and line ends too when ``newlines``."""
        blanks = " \t\r\n" if newlines else " \t"
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in blanks:
                self.at += 1
            elif char == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return

    def document(self) -> None:
        table: _Place = ()
        while True:
            self.skip_space(newlines=True)
            if self.at >= len(self.text):
                return
            if self.peek(2) == "[[":
                self.at += 2
                names = self.dotted_key()
                self.at = self.text.index("]]", self.at) + 2
                parent = self.resolve(names[:-1])
                place = (*parent, names[-1])
                size = self.array_sizes.get(place, 0)
                self.array_sizes[place] = size + 1
                self.note(place)
                table = (*place, size)
                self.note(table)
            elif self.peek() == "[":
                self.at += 1
                names = self.dotted_key()
                self.at = self.text.index("]", self.at) + 1
                table = self.resolve(names)
                self.note(table)
            else:
                self.key_value(table)

    def resolve(self, names: tuple[str, ...]) -> _Place:
        """A header's names as a place: into the latest element of any array of tables on the way."""
        place: _Place = ()
        for name in names:
            place = (*place, name)
            self.note(place)
            if place in self.array_sizes:
                place = (*place, self.array_sizes[place] - 1)
        return place

    def dotted_key(self) -> tuple[str, ...]:
        names = []
        while True:
            self.skip_space(newlines=False)
            names.append(self.simple_key())
            self.skip_space(newlines=False)
            if self.peek() != ".":
                return tuple(names)
            self.at += 1

    def simple_key(self) -> str:
        start = self.at
        char = self.peek()
        if char and char in "\"'":
            self.string()
            import tomllib  # a quoted key may hold escapes: let the parser read it

            return str(tomllib.loads(f"k = {self.text[start : self.at]}")["k"])
        found = _BARE_KEY.match(self.text, self.at)
        if not found:
            raise ValueError(f"no key at offset {self.at}")
        self.at = found.end()
        return found.group()

    def key_value(self, table: _Place) -> None:
        names = self.dotted_key()
        for depth in range(1, len(names) + 1):
            self.note((*table, *names[:depth]))
        self.skip_space(newlines=False)
        if self.peek() != "=":
            raise ValueError(f"no '=' at offset {self.at}")
        self.at += 1
        self.skip_space(newlines=False)
        self.value((*table, *names))

    def value(self, place: _Place) -> None:
        char = self.peek()
        if not char:
            raise ValueError("a value missing at the end")
        if char in "\"'":
            self.string()
        elif char == "[":
            self.at += 1
            index = 0
            while True:
                self.skip_space(newlines=True)
                if self.peek() == "]":
                    self.at += 1
                    return
                self.note((*place, index))
                self.value((*place, index))
                index += 1
                self.skip_space(newlines=True)
                if self.peek() == ",":
                    self.at += 1
        elif char == "{":
            self.at += 1
            while True:
                self.skip_space(newlines=True)
                if self.peek() == "}":
                    self.at += 1
                    return
                self.key_value(place)
                self.skip_space(newlines=True)
                if self.peek() == ",":
                    self.at += 1
        else:  # a number, boolean or date: up to what ends a value
            found = re.compile(r"[^,\]}\n#]*").match(self.text, self.at)
            end = found.end() if found else self.at
            if end == self.at:
                raise ValueError(f"no value at offset {self.at}")
            self.at = end

    def string(self) -> None:
        """Past one string of any of TOML's four kinds."""
        quote = self.peek()
        if self.peek(3) == quote * 3:
            end = self.closing(quote * 3, self.at + 3)
            while self.text[end : end + 1] == quote:  # up to two quotes may end the text just before the delimiter
                end += 1
            self.at = end
        else:
            self.at = self.closing(quote, self.at + 1) + 1

    def closing(self, delimiter: str, start: int) -> int:
        """Where ``delimiter`` next closes a string begun before ``start``; backslashes escape in "…" strings."""
        index = start
        while True:
            found = self.text.index(delimiter, index)
            if delimiter[0] == '"' and _escaped(self.text, found):
                index = found + 1
                continue
            return found


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
