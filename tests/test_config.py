"""The shared configuration file: which one applies to a draft, what it holds, and every way it can be wrong."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from verify import config as config_module
from verify.config import FORBIDDEN_KEYS, Config, DiscoverConfig, FetchConfig, Outlet, find_config, load_config
from verify.errors import ConfigError, InputError

PYPROJECT_HEAD = '[project]\nname = "harbour-desk"\nversion = "1.0"\n\n'  # four lines before [tool.verify]


def _lay_out(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


# --- finding -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "start", "expected"),
    [
        pytest.param({"desk/verify.toml": "", "desk/draft.md": "x"}, "desk/draft.md", "desk/verify.toml",
                     id="beside the draft"),
        pytest.param({"verify.toml": "", "a/b/c/draft.md": "x"}, "a/b/c/draft.md", "verify.toml",
                     id="three folders up"),
        pytest.param({"a/verify.toml": "", "verify.toml": "", "a/b/draft.md": "x"}, "a/b/draft.md", "a/verify.toml",
                     id="the nearest wins"),
        pytest.param({"a/verify.toml": "", "a/pyproject.toml": "[tool.verify]\n", "a/draft.md": "x"}, "a/draft.md",
                     "a/verify.toml", id="verify.toml before pyproject.toml in one folder"),
        pytest.param({"verify.toml": "", "a/pyproject.toml": "[tool.verify]\n", "a/draft.md": "x"}, "a/draft.md",
                     "a/pyproject.toml", id="a nearer pyproject.toml with the table wins"),
        pytest.param({"verify.toml": "", "a/pyproject.toml": PYPROJECT_HEAD, "a/draft.md": "x"}, "a/draft.md",
                     "verify.toml", id="pyproject.toml without the table is passed over"),
        pytest.param({"pyproject.toml": "[tool.verify]\n", "a/pyproject.toml": '[tool.ruff]\nline-length = 99\n',
                      "a/draft.md": "x"}, "a/draft.md", "pyproject.toml",  # fmt: skip
                     id="passed over for the next pyproject.toml up"),
        pytest.param({"pyproject.toml": '[tool]\nverify = { fail_on = "never" }\n', "draft.md": "x"}, "draft.md",
                     "pyproject.toml", id="an inline tool.verify table counts"),
        pytest.param({"verify.toml": "", "a/pyproject.toml": 'name = "verify-tools"\n[tool.black]\n',
                      "a/draft.md": "x"}, "a/draft.md", "verify.toml",  # fmt: skip
                     id="mentioning verify is not a [tool.verify] table"),
        pytest.param({"verify.toml": "", "a/pyproject.toml": "[project\nbroken", "a/draft.md": "x"}, "a/draft.md",
                     "verify.toml", id="a broken pyproject.toml that never mentions verify is passed over"),
        pytest.param({"verify.toml": "", "a/verify.toml/keep": "", "a/draft.md": "x"}, "a/draft.md", "verify.toml",
                     id="a folder named verify.toml is not a file"),
        pytest.param({"verify.toml": "", "a/b/.keep": ""}, "a/b", "verify.toml", id="start at a folder"),
        pytest.param({"a/b/verify.toml": "", "a/b/.keep": ""}, "a/b", "a/b/verify.toml",
                     id="a folder is searched itself first"),
        pytest.param({"verify.toml": "", "a/.keep": ""}, "a/not-written-yet.md", "verify.toml",
                     id="a draft that does not exist yet"),
        pytest.param({"a/b/draft.md": "x", "a/pyproject.toml": PYPROJECT_HEAD}, "a/b/draft.md", None, id="none"),
    ],
)  # fmt: skip
def test_find_config(tmp_path: Path, files: dict[str, str], start: str, expected: str | None) -> None:
    _lay_out(tmp_path, files)
    found = find_config(tmp_path / start)
    assert found == (None if expected is None else tmp_path / expected)


def test_a_relative_start_gives_an_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _lay_out(tmp_path, {"verify.toml": "", "drafts/pier.md": "x"})
    monkeypatch.chdir(tmp_path / "drafts")
    assert find_config(Path("pier.md")) == tmp_path / "verify.toml"
    assert find_config(Path("../drafts/pier.md")) == tmp_path / "verify.toml"


def test_a_broken_pyproject_that_may_hold_the_table_is_an_error(tmp_path: Path) -> None:
    _lay_out(tmp_path, {"verify.toml": "", "a/pyproject.toml": '[tool.verify]\nfail_on = "never\n', "a/d.md": "x"})
    with pytest.raises(ConfigError) as info:
        find_config(tmp_path / "a" / "d.md")
    where = tmp_path / "a" / "pyproject.toml"
    assert str(info.value) == f"{where}:2: not valid TOML: illegal character '\\n' at column 17"


# --- loading -----------------------------------------------------------------------------------------

EVERY_KEY = """\
# The desk's shared settings
cache_dir = "cache"
fail_on = "paraphrased"

[fetch]
timeout = 15          # a whole number is taken as seconds too
connect_timeout = 5.5
deadline = 40.0
concurrency = 4
per_host = 1
contact = "desk@harbour.example"

[[outlet]]
name = "The Harbour Gazette"
aliases = [
  "Harbour Gazette",
  "the Gazette",  # its readers' name
]

[[outlet]]
name = "Valley Ledger"
"""

EVERY_KEY_LOADED = Config(
    cache_dir=Path("cache"),  # below the file's folder
    fail_on="paraphrased",
    fetch=FetchConfig(timeout=15.0, connect_timeout=5.5, deadline=40.0, concurrency=4, per_host=1,
                      contact="desk@harbour.example"),  # fmt: skip
    outlets=(Outlet("The Harbour Gazette", ("Harbour Gazette", "the Gazette")), Outlet("Valley Ledger")),
)


def _in_pyproject(text: str) -> str:
    """The same settings as a pyproject.toml's [tool.verify] table."""
    moved = text.replace("[fetch]", "[tool.verify.fetch]").replace("[[outlet]]", "[[tool.verify.outlet]]")
    head, _, rest = moved.partition("[tool.verify.fetch]")
    return f"{PYPROJECT_HEAD}[tool.verify]\n{head}[tool.verify.fetch]{rest}"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param("verify.toml", EVERY_KEY, EVERY_KEY_LOADED, id="every key, verify.toml"),
        pytest.param("pyproject.toml", _in_pyproject(EVERY_KEY), EVERY_KEY_LOADED, id="every key, pyproject.toml"),
        pytest.param("verify.toml", "", Config(), id="empty file: all unset"),
        pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool.verify]\n", Config(), id="empty table: all unset"),
        pytest.param("verify.toml", 'fail_on = "never"\n', Config(fail_on="never"), id="one key, others unset"),
        pytest.param("verify.toml", "[fetch]\nper_host = 3\n", Config(fetch=FetchConfig(per_host=3)),
                     id="one fetch key"),
        pytest.param("verify.toml", "fetch.deadline = 30\nfetch.concurrency = 2\n",
                     Config(fetch=FetchConfig(deadline=30.0, concurrency=2)), id="dotted keys"),
        pytest.param("verify.toml", "fetch = { timeout = 9.5, contact = 'news@valley.example' }\n",
                     Config(fetch=FetchConfig(timeout=9.5, contact="news@valley.example")), id="inline table"),
        pytest.param("verify.toml", "outlet = [{ name = 'Valley Ledger', aliases = ['the Ledger'] }]\n",
                     Config(outlets=(Outlet("Valley Ledger", ("the Ledger",)),)), id="array of inline tables"),
        pytest.param("verify.toml", "outlet = []\n", Config(), id="no outlets"),
        pytest.param("pyproject.toml", '[tool]\nverify = { fail_on = "unverified", fetch = { per_host = 1 } }\n',
                     Config(fail_on="unverified", fetch=FetchConfig(per_host=1)), id="pyproject, inline"),
        pytest.param("verify.toml", '"fail_on" = "never"\n', Config(fail_on="never"), id="quoted key"),
        pytest.param("desk-settings.toml", 'fail_on = "never"\n', Config(fail_on="never"),
                     id="any other name is read like verify.toml"),
    ],
)  # fmt: skip
def test_load_config(tmp_path: Path, name: str, text: str, expected: Config) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = load_config(tmp_path / name)
    if expected.cache_dir is not None:
        expected = dataclasses.replace(expected, cache_dir=tmp_path / expected.cache_dir)
    assert loaded == dataclasses.replace(expected, path=tmp_path / name)


def test_numbers_are_stored_as_their_field_types(tmp_path: Path) -> None:
    (tmp_path / "verify.toml").write_text("[fetch]\ntimeout = 15\nconcurrency = 4\n")
    fetch = load_config(tmp_path / "verify.toml").fetch
    assert type(fetch.timeout) is float and type(fetch.concurrency) is int


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("cache", "desk/cache", id="a name"),
        pytest.param("./var/cache", "desk/var/cache", id="a relative path"),
        pytest.param("../shared/cache", "shared/cache", id="up a folder, normalised"),
        pytest.param("{root}/elsewhere/cache", "elsewhere/cache", id="absolute stays as written"),
        pytest.param("~/verify-cache", "home/verify-cache", id="home folder"),
    ],
)
def test_cache_dir_is_relative_to_the_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, expected: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)  # the folder verify runs from must not matter
    _lay_out(tmp_path, {"desk/verify.toml": f"cache_dir = '{written.format(root=tmp_path)}'\n"})
    assert load_config(tmp_path / "desk" / "verify.toml").cache_dir == tmp_path / expected


def test_a_relative_path_to_the_file_still_gives_an_absolute_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lay_out(tmp_path, {"desk/verify.toml": "cache_dir = 'cache'\n"})
    monkeypatch.chdir(tmp_path)
    assert load_config(Path("desk/verify.toml")).cache_dir == tmp_path / "desk" / "cache"


# --- errors ------------------------------------------------------------------------------------------

PYPROJECT_WITH_ANOTHER_TOOL = PYPROJECT_HEAD + '[tool.notes]\ntemplate = """\n[tool.verify]\nfail_on = "x"\n"""\n\n'

ERRORS = [
    # (file name, text, the message after "FILE:")
    pytest.param("verify.toml", "# desk settings\n\ncache_dir = 'cache'\n\n[fetch]\ntimeout = 5\n\nfail_on = 'never'\n",
                 "8: unknown key 'fail_on' in [fetch] (fail_on goes above the first table)",
                 id="a top-level key written below a table"),
    pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool.verify]\n[tool.verify.fetch]\ncache_dir = 'c'\n",
                 "7: unknown key 'cache_dir' in [tool.verify.fetch] "
                 "(cache_dir goes in [tool.verify], above its tables)",
                 id="pyproject, a top-level key written below a table"),
    pytest.param("verify.toml", "# desk settings\n\n\n\n\n\nfial_on = 'never'\n",
                 "7: unknown key 'fial_on' (did you mean 'fail_on'?)", id="unknown key, near one"),
    pytest.param("verify.toml", "colour = 'red'\n", "1: unknown key 'colour'", id="unknown key, nothing near"),
    pytest.param("verify.toml", "outlets = []\n", "1: unknown key 'outlets' (did you mean 'outlet'?)",
                 id="a key near a table name"),
    pytest.param("verify.toml", "[fetch]\ntimout = 5\n", "2: unknown key 'timout' in [fetch] (did you mean 'timeout'?)",
                 id="unknown key in a table"),
    pytest.param("verify.toml", "[fecth]\ntimeout = 5\n", "1: unknown table [fecth] (did you mean [fetch]?)",
                 id="unknown table"),
    pytest.param("verify.toml", "fecth.timeout = 5\n", "1: unknown table [fecth] (did you mean [fetch]?)",
                 id="unknown table by a dotted key"),
    pytest.param("verify.toml", "[[outlets]]\nname = 'x'\n", "1: unknown table [[outlets]] (did you mean [[outlet]]?)",
                 id="unknown array of tables"),
    pytest.param("verify.toml", "[search]\nengine = 'x'\n",
                 "1: unknown table [search]", id="unknown table, nothing near"),
    pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool.verify]\nfail_on = 'never'\n\n\n\n\n\n[tool.verify.fecth]\n",
                 "12: unknown table [tool.verify.fecth] (did you mean [tool.verify.fetch]?)",
                 id="pyproject, unknown table"),
    pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool.verify]\nfial_on = 'never'\n",
                 "6: unknown key 'fial_on' in [tool.verify] (did you mean 'fail_on'?)", id="pyproject, unknown key"),
    pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool.verify.fetch]\nper_hots = 1\n",
                 "6: unknown key 'per_hots' in [tool.verify.fetch] (did you mean 'per_host'?)",
                 id="pyproject, unknown key in a table"),
    pytest.param("verify.toml", "[[outlet]]\nname = 'A'\n[[outlet]]\nname = 'B'\nalias = ['b']\n",
                 "5: unknown key 'alias' in [[outlet]] (did you mean 'aliases'?)",
                 id="unknown key in the second outlet"),
    pytest.param("verify.toml", "cache_dir = 'c'\n\nfail_on = 'sometimes'\n",
                 "3: fail_on must be one of unverified, paraphrased, flagged, never, not 'sometimes'",
                 id="fail_on unknown"),
    pytest.param("verify.toml", "fail_on = 1\n",
                 "1: fail_on must be one of unverified, paraphrased, flagged, never, not 1", id="fail_on not a string"),
    pytest.param("verify.toml", "cache_dir = 5\n", "1: cache_dir must be a non-empty string on one line, not 5",
                 id="cache_dir not a string"),
    pytest.param("verify.toml", "cache_dir = ' '\n", "1: cache_dir must be a non-empty string on one line, not ' '",
                 id="cache_dir blank"),
    pytest.param("verify.toml", "[fetch]\ntimeout = -1\n",
                 "2: fetch.timeout must be a positive number of seconds, not -1",
                 id="negative timeout"),
    pytest.param("verify.toml", "[fetch]\nconnect_timeout = 0\n",
                 "2: fetch.connect_timeout must be a positive number of seconds, not 0", id="zero connect_timeout"),
    pytest.param("verify.toml", "[fetch]\ndeadline = '60'\n",
                 "2: fetch.deadline must be a positive number of seconds, not '60'", id="deadline as a string"),
    pytest.param("verify.toml", "[fetch]\ndeadline = inf\n",
                 "2: fetch.deadline must be a positive number of seconds, not inf", id="endless deadline"),
    pytest.param("verify.toml", "[fetch]\ntimeout = nan\n",
                 "2: fetch.timeout must be a positive number of seconds, not nan",
                 id="timeout nan"),
    pytest.param("verify.toml", "[fetch]\ntimeout = true\n",
                 "2: fetch.timeout must be a positive number of seconds, not true", id="timeout boolean"),
    pytest.param("verify.toml", "[fetch]\nconcurrency = 0\n",
                 "2: fetch.concurrency must be a whole number of at least 1, not 0", id="zero concurrency"),
    pytest.param("verify.toml", "[fetch]\nper_host = 2.5\n",
                 "2: fetch.per_host must be a whole number of at least 1, not 2.5",
                 id="fractional per_host"),
    pytest.param("verify.toml", "[fetch]\nper_host = false\n",
                 "2: fetch.per_host must be a whole number of at least 1, not false", id="boolean per_host"),
    pytest.param("verify.toml", "[fetch]\ncontact = ''\n",
                 "2: fetch.contact must be a non-empty string on one line, not ''",
                 id="empty contact"),
    pytest.param("verify.toml", '[fetch]\n\ncontact = """\ndesk@harbour.example\n[fetch]\ntimeout = -1\n"""\n',
                 "3: fetch.contact must be a non-empty string on one line, not 'desk@harbour.example\\n[fetch]\\n"
                 "timeout = -1\\n'", id="contact over lines: the key's line, not the string's"),
    pytest.param("verify.toml", "fetch = 5\n", "1: fetch must be a table, [fetch], not 5", id="fetch not a table"),
    pytest.param("verify.toml", "[[fetch]]\ntimeout = 1\n", "1: fetch must be a table, [fetch], not an array",
                 id="fetch as an array of tables"),
    pytest.param("verify.toml", "[outlet]\nname = 'A'\n",
                 "1: outlet must be an array of tables, [[outlet]], not a table",
                 id="outlet as one table"),
    pytest.param("verify.toml", "[[outlet]]\nname = 'A'\n\n[[outlet]]\naliases = ['B']\n", "4: [[outlet]] needs 'name'",
                 id="outlet without a name"),
    pytest.param("verify.toml", "[[outlet]]\nname = 'A'\naliases = 'the A'\n",
                 "3: outlet.aliases must be an array of names, not 'the A'", id="aliases not an array"),
    pytest.param("verify.toml", "[[outlet]]\nname = 'A'\naliases = [\n  'the A',\n  '',\n]\n",
                 "3: outlet.aliases must be an array of names, each a non-empty string on one line, not ''",
                 id="an empty alias"),
    pytest.param("verify.toml", "outlet = [\n  { name = 'A' },\n  { name = 3 },\n]\n",
                 "3: outlet.name must be a non-empty string on one line, not 3", id="array of inline tables"),
    pytest.param("verify.toml", "# fail_on = 'never' was the old setting\nfail_on = 'often'\n",
                 "2: fail_on must be one of unverified, paraphrased, flagged, never, not 'often'",
                 id="a comment is not the key"),
    pytest.param("verify.toml", "[fetch]\ncontact = 'desk'\nfetch_note = 'x'\ntimeout = 0\n",
                 "3: unknown key 'fetch_note' in [fetch]", id="first problem in file order"),
    pytest.param("verify.toml", "cache_dir = 'c'\nfetch.timeout = 2\nfetch.per_host = -3\n",
                 "3: fetch.per_host must be a whole number of at least 1, not -3", id="dotted key line"),
    pytest.param("verify.toml", "fail_on = 'never'\nfetch = { concurrency = 2, per_host = 0 }\n",
                 "2: fetch.per_host must be a whole number of at least 1, not 0", id="inline table line"),
    pytest.param("verify.toml", "'fetch'.\"timeout\" = -2\n",
                 "1: fetch.timeout must be a positive number of seconds, not -2", id="quoted dotted key"),
    pytest.param("verify.toml", "[[outlet]]\nname = 'A'\naliases = ['[fetch]', 'timeout = 1',\n  'x']\n"
                 "[fetch]\n\ntimeout = 0\n", "7: fetch.timeout must be a positive number of seconds, not 0",
                 id="brackets and keys inside strings are not structure"),  # fmt: skip
    pytest.param("verify.toml", '[fetch]\ncontact = "the \\"desk\\" [at] harbour"\nper_host = 0\n',
                 "3: fetch.per_host must be a whole number of at least 1, not 0", id="escaped quotes in a string"),
    pytest.param("verify.toml", "[[outlet]]\nname = 'A'\n[[outlet]]\nname = 'B'\n[outlet.extra]\nx = 1\n",
                 "5: unknown table [outlet.extra]", id="a table below the latest of an array of tables"),
    pytest.param("pyproject.toml", PYPROJECT_WITH_ANOTHER_TOOL + "[tool.verify]\nfail_on = 'y'\n",
                 "12: fail_on must be one of unverified, paraphrased, flagged, never, not 'y'",
                 id="pyproject, a look-alike inside another tool's string"),
    pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool]\nverify.fetch = { per_host = 0 }\n",
                 "6: fetch.per_host must be a whole number of at least 1, not 0", id="pyproject, dotted and inline"),
    pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool]\nverify = 3\n", "6: [tool.verify] must be a table",
                 id="pyproject, tool.verify not a table"),
    pytest.param("verify.toml", "fail_on = 'never'\n[fetch]\ntimeout = \n",
                 "3: not valid TOML: invalid value at column 11", id="TOML syntax"),
    pytest.param("verify.toml", "[fetch]\ntimeout = 5\n[fetch]\n",
                 "3: not valid TOML: cannot declare ('fetch',) twice at column 7", id="TOML table twice"),
    pytest.param("verify.toml", "cache_dir = 'c'\nfail_on = 'never\n",
                 "2: not valid TOML: expected \"'\" at the end of the file", id="TOML open string"),
    pytest.param("verify.toml", "[[outlet]]\naliases = [\n  'A',\n",
                 "3: not valid TOML: invalid value at the end of the file",
                 id="TOML open array at the end"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "message"), ERRORS)
def test_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / name)
    assert str(info.value) == f"{tmp_path / name}:{message}"
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("verify.toml", "fail_on = 'never'\ncache_dir = 'caf\xe9'\n".encode("latin-1"),
                     ":2: not UTF-8 text",
                     id="not UTF-8: the line of the first bad byte"),
        pytest.param("pyproject.toml", PYPROJECT_HEAD.encode(), ": has no [tool.verify] table",
                     id="pyproject without the table"),
        pytest.param("verify.toml", None, ": no such configuration file", id="missing"),
        pytest.param("verify.toml", "folder", ": is a directory, not a configuration file", id="a folder"),
    ],
)  # fmt: skip
def test_errors_before_any_key(tmp_path: Path, name: str, content: bytes | str | None, message: str) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "folder":
        path.mkdir()
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}{message}"


def test_a_byte_order_mark_is_read_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "verify.toml").write_bytes(b"\xef\xbb\xbffail_on = 'never'\n")
    assert load_config(tmp_path / "verify.toml").fail_on == "never"


# --- the privacy rule --------------------------------------------------------------------------------

DISCOVERY_REFUSED = (
    "'discover' is not allowed in a configuration file: discovery sends a draft's words to third parties, "
    "so it is switched on for each run with --discover, never in a configuration file"
)


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        pytest.param("verify.toml", "fail_on = 'never'\ndiscover = true\n", 2, id="top level"),
        pytest.param("verify.toml", "discover = false\n", 1, id="even switched off"),
        pytest.param("verify.toml", "[fetch]\ntimeout = 5\ndiscover = true\n", 3, id="in a known table"),
        pytest.param("verify.toml", "[search]\nbackend = 'searxng'\ndiscover = true\n", 3,
                     id="in an unknown table: the privacy rule comes first"),
        pytest.param("verify.toml", "[discover]\nqueries_per_run = 5\ndiscover = true\n", 3, id="in [discover]"),
        pytest.param("verify.toml", "discover.discover = true\n", 1, id="dotted in [discover]"),
        pytest.param("verify.toml", "[[outlet]]\nname = 'A'\n[[outlet]]\nname = 'B'\ndiscover = true\n", 5,
                     id="in the second outlet"),
        pytest.param("verify.toml", "fetch = { per_host = 1, discover = true }\n", 1, id="in an inline table"),
        pytest.param("verify.toml", "search.discover = true\n", 1, id="dotted"),
        pytest.param("verify.toml", "fail_on = 'sometimes'\ndiscover = true\n", 2,
                     id="before any other problem"),
        pytest.param("pyproject.toml", PYPROJECT_HEAD + "[tool.verify]\ndiscover = true\n", 6, id="pyproject"),
    ],
)  # fmt: skip
def test_a_file_cannot_switch_on_discovery(tmp_path: Path, name: str, text: str, line: int) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / name)
    assert str(info.value) == f"{tmp_path / name}:{line}: {DISCOVERY_REFUSED}"


def test_discover_elsewhere_in_a_pyproject_is_not_verifys_business(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT_HEAD + "[tool.tests]\ndiscover = true\n[tool.verify]\n")
    assert load_config(tmp_path / "pyproject.toml") == Config(path=tmp_path / "pyproject.toml")


@pytest.mark.parametrize("key", ["enabled", "on", "always", "archive_fallback"])
def test_no_switch_inside_the_discover_table(tmp_path: Path, key: str) -> None:
    (tmp_path / "verify.toml").write_text(f"[discover]\nsearxng_url = 'http://10.0.0.5:8888'\n{key} = true\n")
    with pytest.raises(ConfigError, match=f"^.*:3: '{key}' is not allowed in a configuration file: .* never"):
        load_config(tmp_path / "verify.toml")


def test_the_discover_table_configures_services(tmp_path: Path) -> None:
    (tmp_path / "verify.toml").write_text(
        "[discover]\nsearxng_url = 'http://10.0.0.5:8888/'\nqueries_per_claim = 2\nqueries_per_run = 9\n"
    )
    config = load_config(tmp_path / "verify.toml")
    assert config.discover == DiscoverConfig(searxng_url="http://10.0.0.5:8888", queries_per_claim=2, queries_per_run=9)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("searxng_url = 'ftp://x'", "discover.searxng_url must be an http or https URL, not 'ftp://x'"),
        ("queries_per_run = 0", "discover.queries_per_run must be a whole number of at least 1, not 0"),
        ("brave_key = 'k'", "unknown key 'brave_key' in [discover]"),
    ],
)
def test_a_bad_discover_setting_is_refused(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "verify.toml").write_text(f"[discover]\n{line}\n")
    with pytest.raises(ConfigError, match=f"^.*:2: {re.escape(message)}"):
        load_config(tmp_path / "verify.toml")


def test_every_forbidden_key_is_refused(tmp_path: Path) -> None:
    for key, (_, flag) in FORBIDDEN_KEYS.items():
        (tmp_path / "verify.toml").write_text(f"[fetch]\n{key} = true\n")
        with pytest.raises(ConfigError, match=f"^.*:2: '{key}' is not allowed .* with {flag}, never"):
            load_config(tmp_path / "verify.toml")


# --- how it fits -------------------------------------------------------------------------------------


def test_config_error_is_an_input_error_drawn_in_the_tree() -> None:
    import verify.errors

    assert issubclass(ConfigError, InputError)
    assert "ConfigError" in (verify.errors.__doc__ or "")


def test_a_table_below_a_group_table_needs_only_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """[search.searxng]-style names: a dotted entry in the table of tables, with [search] only grouping."""
    tables = {**config_module._TABLES, "search.searxng": config_module._Table("fetch", FetchConfig)}
    monkeypatch.setattr(config_module, "_TABLES", tables)
    (tmp_path / "verify.toml").write_text("[search.searxng]\ntimeout = 3\n")
    assert load_config(tmp_path / "verify.toml").fetch == FetchConfig(timeout=3.0)
    (tmp_path / "verify.toml").write_text("[search.searxgn]\ntimeout = 3\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "verify.toml")
    assert str(info.value).endswith(":1: unknown table [search.searxgn] (did you mean [search.searxng]?)")
    (tmp_path / "verify.toml").write_text("search = 'searxng'\n")
    with pytest.raises(ConfigError, match=r":1: search must be a table, not 'searxng'$"):
        load_config(tmp_path / "verify.toml")


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().fail_on = "never"  # type: ignore[misc]
