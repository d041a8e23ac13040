"""The configuration file as ``verify check`` reads it: found upwards from the draft, the command line on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SOURCE = "Minutes. “The pier will close in March,” the harbour master, Ines Morrow, said.\n"
DRAFT = "“The pier will close in March,” Ines Morrow told the Gazette.\n\n“The ferry runs all winter,” she added.\n"


def _newsroom(tmp_path: Path, config: str, *, where: str = "verify.toml") -> Path:
    """``desk/drafts/pier.md`` with its sources file, and ``config`` written at ``desk/WHERE``."""
    drafts = tmp_path / "desk" / "drafts"
    drafts.mkdir(parents=True)
    (drafts / "minutes.txt").write_text(SOURCE)
    (drafts / "gazette.txt").write_text("The Harbour Gazette wrote about the regatta and nothing else.\n")
    (drafts / "pier.sources.toml").write_text(
        '[[source]]\npath = "minutes.txt"\noutlet = "The Ledger"\n\n'
        '[[source]]\npath = "gazette.txt"\noutlet = "The Harbour Gazette"\n'
    )
    (drafts / "pier.md").write_text(DRAFT)
    (tmp_path / "desk" / where).write_text(config)
    return drafts / "pier.md"


def _check(run_cli, draft: Path, *extra: str):  # type: ignore[no-untyped-def]
    sources = str(draft.with_name("pier.sources.toml"))
    return run_cli("check", str(draft), "--sources", sources, "--offline", "--format", "json", *extra)


@pytest.mark.parametrize(
    ("config", "where", "extra", "status"),
    [
        pytest.param("", "verify.toml", (), 1, id="no settings: unverified fails"),
        pytest.param('fail_on = "never"\n', "verify.toml", (), 0, id="the desk's fail_on"),
        pytest.param('[tool.verify]\nfail_on = "never"\n', "pyproject.toml", (), 0, id="in pyproject.toml"),
        pytest.param('fail_on = "never"\n', "verify.toml", ("--fail-on", "unverified"), 1, id="the command line wins"),
        pytest.param('[tool.other]\nfail_on = "never"\n', "pyproject.toml", (), 1, id="another tool's table"),
    ],
)
def test_fail_on_from_the_file_and_the_command_line(  # type: ignore[no-untyped-def]
    run_cli, tmp_path: Path, config: str, where: str, extra: tuple[str, ...], status: int
) -> None:
    result = _check(run_cli, _newsroom(tmp_path, config, where=where), *extra)
    assert result.returncode == status, result.stderr


def test_cache_dir_is_the_files_relative_to_its_folder(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _newsroom(tmp_path, 'cache_dir = "shared-cache"\nfail_on = "never"\n')
    result = _check(run_cli, draft)
    assert result.returncode == 0, result.stderr
    source = json.loads(result.stdout)["sources"][0]
    assert Path(source["snapshot"]).is_relative_to(tmp_path / "desk" / "shared-cache")
    other = _check(run_cli, draft, "--cache-dir", str(tmp_path / "mine"))
    assert Path(json.loads(other.stdout)["sources"][0]["snapshot"]).is_relative_to(tmp_path / "mine")


@pytest.mark.parametrize(
    ("config", "notes"),
    [
        pytest.param("", ["no source from the Gazette was checked"],
                     id="the Gazette is not known: no source of it, the quote found in the Ledger's"),
        pytest.param('[[outlet]]\nname = "The Harbour Gazette"\naliases = ["the Gazette"]\n', [],
                     id="the Gazette is the Harbour Gazette, whose page lacks the quote"),
    ],
)  # fmt: skip
def test_outlet_names_from_the_file(run_cli, tmp_path: Path, config: str, notes: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = _check(run_cli, _newsroom(tmp_path, config), "--fail-on", "never")
    first = json.loads(result.stdout)["claims"][0]
    assert first["outlet"] == "the Gazette" and first["verdict"] == "confirmed"
    assert "outlet_mismatch" in first["flags"]
    assert first["notes"] == notes


@pytest.mark.parametrize(
    ("config", "message"),
    [
        pytest.param('fial_on = "never"\n', ":1: unknown key 'fial_on' (did you mean 'fail_on'?)", id="typo"),
        pytest.param("discover = true\n", "verify.toml:1: ", id="discovery is never switched on by a file"),
        pytest.param("fail_on = \n", "verify.toml:1: not valid TOML", id="broken TOML"),
    ],
)
def test_a_bad_file_is_one_line_and_exit_2(run_cli, tmp_path: Path, config: str, message: str) -> None:  # type: ignore[no-untyped-def]
    result = _check(run_cli, _newsroom(tmp_path, config))
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert message in line
