"""The README and docs/ say what the code does: the command synopsis, the links, the promised files."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from verify.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _synopsis() -> dict[str, set[str]]:
    """Each command of the README's usage block ("verify check", "verify cache prune") and its options."""
    block = README.split("## Usage", 1)[1].split("```", 2)[1]
    commands: dict[str, set[str]] = {}
    current = None
    for line in block.splitlines():
        if line.startswith("verify "):
            current = " ".join(word for word in line.split()[:3] if re.fullmatch(r"[a-z]+", word))
            commands[current] = set()
        if current is not None:
            commands[current].update(re.findall(r"(?<![\w-])(-{1,2}[a-z][a-z-]*)", line))
    return commands


def _parsers(parser: argparse.ArgumentParser, prefix: str = "verify") -> dict[str, list[set[str]]]:
    """Each leaf command of the real parser, and each of its options' spellings (help aside)."""
    subcommands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subcommands:
        return {prefix: [set(a.option_strings) for a in parser._actions if a.option_strings and a.dest != "help"]}
    found: dict[str, list[set[str]]] = {}
    for name, child in subcommands[0].choices.items():
        found.update(_parsers(child, f"{prefix} {name}"))
    return found


def test_the_readme_synopsis_lists_every_command_and_option_of_verify_help() -> None:
    readme, real = _synopsis(), _parsers(build_parser())
    assert sorted(readme) == sorted(real)
    for command, options in real.items():
        missing = [sorted(spellings) for spellings in options if not spellings & readme[command]]
        unknown = readme[command] - set().union(*options)
        assert (missing, unknown) == ([], set()), command


@pytest.mark.parametrize("page", ["README.md", *sorted(p.name for p in (REPO / "docs").glob("*.md"))])
def test_every_relative_link_points_at_a_file(page: str) -> None:
    path = REPO / page if page == "README.md" else REPO / "docs" / page
    text = re.sub(r"`[^`\n]*`", "", path.read_text(encoding="utf-8"))  # code spans show syntax, not links
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (path.parent / target).exists(), f"{page} links to {target}, which does not exist"


@pytest.mark.parametrize(
    "name", ["design.md", "evaluation.md", "benchmarks.md", "report-format.md", "report.schema.json"]
)
def test_docs_holds_each_page_the_readme_promises(name: str) -> None:
    assert (REPO / "docs" / name).is_file()
    assert f"docs/{name}" in README


def test_the_readme_is_a_users_document() -> None:
    assert len(README.splitlines()) <= 300
    for word in (r"\bsession \d", r"issue #\d", r"tried and dropped", r"\bI\b (?:measured|tried|found)"):
        assert not re.search(word, README, re.IGNORECASE), word
