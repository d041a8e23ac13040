"""The Python API a newsroom script uses: check(), extract(), decisions and baselines, JSON round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

import verify
from verify.model import ClaimKind, Flag, Verdict

SOURCE = "Council minutes. “The pier will close in March,” the mayor, Ines Morrow, said.\n"
DRAFT = "“The pier will close in March,” Ines Morrow said.\n\n“The ferry runs all winter,” she added.\n"


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "minutes.txt"
    source.write_text(SOURCE, encoding="utf-8")
    draft = tmp_path / "pier.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return draft, source


def test_check_from_text_and_from_path_agree(tmp_path: Path) -> None:
    draft, source = _setup(tmp_path)
    from_path = verify.check(draft, sources=[str(source)], options=verify.Options(cache_dir=tmp_path / "c"))
    from_text = verify.check(DRAFT, sources=[str(source)], options=verify.Options(cache_dir=tmp_path / "c"))
    assert [r.verdict for r in from_path.results] == [Verdict.CONFIRMED, Verdict.UNVERIFIED]
    assert [r.verdict for r in from_text.results] == [r.verdict for r in from_path.results]
    assert from_path.article.path == str(draft) and from_text.article.path is None


@pytest.mark.parametrize(
    ("given", "message"),
    [
        pytest.param("notes/pier.md", "notes/pier.md: no such file", id="a missing Markdown file"),
        pytest.param("pier.txt", "pier.txt: no such file", id="a missing text file"),
        pytest.param(" drafts/Pier.HTML ", "drafts/Pier.HTML: no such file", id="upper-case suffix, spaces"),
    ],
)
def test_a_string_that_names_a_missing_draft_file_is_an_input_error(given: str, message: str) -> None:
    with pytest.raises(verify.InputError) as raised:
        verify.check(given)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The mayor said the pier would reopen in March.", id="one line of prose"),
        pytest.param("“The pier will reopen,” the mayor said.", id="a one-line quote"),
    ],
)
def test_a_string_that_is_not_a_path_is_the_draft_itself(text: str, tmp_path: Path) -> None:
    report = verify.check(text, options=verify.Options(cache_dir=tmp_path))
    assert report.article.path is None and report.article.text == text


def test_path_and_text_keywords_name_the_draft_without_guessing(tmp_path: Path) -> None:
    draft, source = _setup(tmp_path)
    options = verify.Options(cache_dir=tmp_path / "c")
    by_path = verify.check(path=draft, sources=[str(source)], options=options)
    by_text = verify.check(text=str(draft), options=options)  # the file name, checked as a one-line draft
    assert by_path.article.path == str(draft) and by_text.article.text == str(draft)
    with pytest.raises(verify.InputError):
        verify.check(draft, text=DRAFT)
    assert [c.text for c in verify.extract(path=draft)] == [c.text for c in verify.extract(text=DRAFT)]


def test_report_json_round_trips_exactly(tmp_path: Path) -> None:
    draft, source = _setup(tmp_path)
    report = verify.check(draft, sources=[str(source)], options=verify.Options(cache_dir=tmp_path / "c"))
    assert verify.Report.from_json(report.to_json()) == report


def test_extract_fetches_nothing() -> None:
    claims = verify.extract(DRAFT)
    assert [c.kind for c in claims] == [ClaimKind.DIRECT, ClaimKind.DIRECT]
    assert claims[1].speaker is not None and claims[1].speaker.resolved_from == "she"


def test_decisions_beside_the_draft_are_read_without_being_named(tmp_path: Path) -> None:
    draft, source = _setup(tmp_path)
    (tmp_path / "pier.verify.toml").write_text(
        '[[decision]]\nclaim = "The ferry runs all winter"\nverdict = "confirmed"\nby = "Desk"\n'
    )
    report = verify.check(draft, sources=[str(source)], options=verify.Options(cache_dir=tmp_path / "c"))
    assert report.results[1].decision is not None and report.worst_verdict() is Verdict.CONFIRMED


def test_decisions_and_baseline_through_the_api(tmp_path: Path) -> None:
    draft, source = _setup(tmp_path)
    decisions = tmp_path / "rulings.toml"  # not beside the draft: only this check reads it
    decisions.write_text(
        '[[decision]]\nclaim = "The ferry runs all winter"\nverdict = "confirmed"\n'
        'note = "Heard on the recording"\nby = "Desk"\n'
    )
    options = verify.Options(cache_dir=tmp_path / "c")
    first = verify.check(draft, sources=[str(source)], options=options, decisions=decisions)
    ferry = first.results[1]
    assert ferry.verdict is Verdict.UNVERIFIED and ferry.decision is not None
    assert first.worst_verdict() is Verdict.CONFIRMED
    second = verify.check(draft, sources=[str(source)], options=options, baseline=first)
    assert [r.change for r in second.results] == ["unchanged", "changed"]  # the ruling is not in this run


def test_only_cited_local_files_are_kept_as_evidence(tmp_path: Path) -> None:
    draft, source = _setup(tmp_path)
    unrelated = tmp_path / "weather.txt"
    unrelated.write_text("Rain is expected on Sunday along the coast.\n", encoding="utf-8")
    options = verify.Options(cache_dir=tmp_path / "c")
    report = verify.check(draft, sources=[str(source), str(unrelated)], options=options)
    cited, uncited = report.sources
    assert report.results[0].evidence is not None and report.results[0].evidence.source == cited.id
    assert cited.snapshot is not None and Path(cited.snapshot).read_bytes() == source.read_bytes()
    assert uncited.snapshot is None and uncited.sha256 is not None
    source.write_text("The minutes were rewritten.\n", encoding="utf-8")  # the copy is the evidence
    assert Path(cited.snapshot).read_text(encoding="utf-8") == SOURCE


CONFIRMED, UNVERIFIED = Verdict.CONFIRMED, Verdict.UNVERIFIED


@pytest.mark.parametrize(
    ("draft", "verdict", "flagged"),
    [
        pytest.param("“The pier will close in March,” Tom Vale said.\n", UNVERIFIED, True, id="someone else said it"),
        pytest.param("“The pier will close in March,” Ines Morrow said.\n", CONFIRMED, False, id="the right speaker"),
        pytest.param("“The pier will close in March,” she said.\n", CONFIRMED, False, id="speaker unknown"),
        pytest.param("“The pier will close in March,” the harbour master said.\n", CONFIRMED, False, id="no name"),
    ],
)
def test_speaker_mismatch(tmp_path: Path, draft: str, verdict: Verdict, flagged: bool) -> None:
    _, source = _setup(tmp_path)
    (result,) = verify.check(draft, sources=[str(source)], options=verify.Options(cache_dir=tmp_path / "c")).results
    assert result.verdict is verdict
    assert (Flag.SPEAKER_MISMATCH in result.flags) is flagged
    # whoever the draft names, the evidence says whom the source credits
    assert result.evidence is not None and result.evidence.attributed_to == "Ines Morrow"


def test_outlet_mismatch_when_found_only_outside_the_named_outlet(tmp_path: Path) -> None:
    _, minutes = _setup(tmp_path)
    other = tmp_path / "ledger.txt"
    other.write_text("The Ledger covered the ferry timetable and nothing else.\n", encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\npath = "{other.name}"\noutlet = "The Ledger"\n\n[[source]]\npath = "{minutes.name}"\n'
        'outlet = "the council minutes"\n'
    )
    named = "Ines Morrow told The Ledger: “The pier will close in March.”\n"
    (result,) = verify.check(named, sources_file=sources, options=verify.Options(cache_dir=tmp_path / "c")).results
    assert result.claim.outlet == "The Ledger"
    assert result.verdict is Verdict.CONFIRMED and Flag.OUTLET_MISMATCH in result.flags
    assert result.evidence is not None and result.evidence.source == "S2"
