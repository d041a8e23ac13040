"""A long draft's claims are extracted in a forked child while its sources load: same report."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify import forked, pipeline
from verify.match import index as index_module
from verify.match import matcher as matcher_module
from verify.pipeline import check_many

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="this machine cannot fork for verify")

PARAGRAPH = (
    "“The ferry to Orrin Island will run twice a day from {day},” the harbour master, Ines Vale, said "
    "on Monday. According to the council, the new timetable costs {cost} pounds a year. Vale said that "
    "the old boats would not sail again.\n\n"
)
SOURCE = (
    "Harbour notice. The ferry to Orrin Island will run twice a day from March, the harbour master "
    "Ines Vale told the council. The new timetable costs 40,000 pounds a year. The old boats will not "
    "sail again, she said.\n"
)


def write_case(tmp_path: Path) -> tuple[Path, Path]:
    days = ["March", "April", "June"]
    draft = "".join(PARAGRAPH.format(day=days[i % 3], cost=40_000 + 1000 * (i % 2)) for i in range(90))
    assert len(draft) >= pipeline.CLAIMS_IN_CHILD_MIN_CHARS
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    (tmp_path / "notice.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[[source]]\npath = "notice.txt"\n', encoding="utf-8")
    return tmp_path / "draft.md", tmp_path / "sources.toml"


def claims_of(tmp_path: Path, cache: str) -> list[dict[str, object]]:
    draft, sources = write_case(tmp_path)
    (outcome,) = check_many([draft], sources_file=sources, cache_dir=tmp_path / cache)
    assert outcome.report is not None
    return outcome.report.to_dict()["claims"]  # type: ignore[no-any-return]


def test_claims_from_the_child_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    made = forks
    # Only the claims may go to a child here: indexing and matching stay in this process.
    monkeypatch.setattr(index_module, "PARALLEL_MIN_CHARS", 10**12)
    monkeypatch.setattr(matcher_module, "PARALLEL_MIN_CLAIMS", 10**12)
    with_child = claims_of(tmp_path, "a")
    assert len(made) == 1  # the claims were extracted in a child
    monkeypatch.setenv("VERIFY_NO_FORK", "1")
    made.clear()
    alone = claims_of(tmp_path, "b")
    assert made == []
    assert with_child == alone
    assert {c["verdict"] for c in alone} >= {"confirmed", "paraphrased"}


def test_a_failed_child_leaves_the_extraction_to_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    monkeypatch.setenv("VERIFY_NO_FORK", "1")
    alone = claims_of(tmp_path, "a")
    monkeypatch.delenv("VERIFY_NO_FORK")

    def failing(self: forked.Forked[object]) -> object:
        raise forked.ForkFailed("as if the child had been killed")

    monkeypatch.setattr(forked.Forked, "result", failing)
    assert claims_of(tmp_path, "b") == alone
    assert forks  # a child was made, and failed


def test_a_broken_sources_file_read_while_the_child_works_is_still_a_clean_input_error(
    tmp_path: Path, forks: list[int]
) -> None:
    """The child starts before the sources file is read; an error there must end it, not leave it."""
    import os

    from verify.errors import SourcesFileError

    draft, sources = write_case(tmp_path)
    sources.write_text("[[source]\npath = ", encoding="utf-8")
    with pytest.raises(SourcesFileError):
        check_many([draft], sources_file=sources, cache_dir=tmp_path / "cache")
    assert forks == [1]  # the claims child was running when the error came
    with pytest.raises(ChildProcessError):  # no child left running, and none left unreaped
        os.waitpid(-1, os.WNOHANG)
