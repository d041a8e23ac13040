"""Which sources a draft is checked against, and which outlet each claim prefers."""

import pytest

from verify.document import load_text
from verify.errors import InputError, SourcesFileError
from verify.model import Claim, ClaimKind, SourceRef, Span, Speaker
from verify.sources.resolve import (
    load_sources_file,
    merge_refs,
    normalise_outlet,
    number_sources,
    preferred_sources,
    refs_from_arguments,
    refs_from_links,
)


def test_sources_file_resolves_paths_against_its_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    sources = tmp_path / "sub" / "draft.sources.toml"
    sources.write_text(
        '[[source]]\nurl = "https://ledger.example/a"\noutlet = "The Ledger"\naliases = ["Ledger TV"]\n\n'
        '[[source]]\npath = "notes/interview.txt"\n'
    )
    (tmp_path / "sub" / "notes").mkdir()
    (tmp_path / "sub" / "notes" / "interview.txt").write_text("Notes.\n")
    web, local = load_sources_file(sources)
    assert (web.url, web.outlet, web.aliases, web.origin) == ("https://ledger.example/a", "The Ledger", ("Ledger TV",),
                                                              "sources_file")  # fmt: skip
    assert local.path == str(tmp_path / "sub" / "notes" / "interview.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("[[source]\nurl=1", "not valid TOML", id="malformed"),
        pytest.param('source = "x"', "array of tables", id="not a table array"),
        pytest.param('[[source]]\noutlet = "X"', "needs 'url' or 'path'", id="neither url nor path"),
        pytest.param('[[source]]\nurl = "https://a.example"\npath = "b"', "no such file", id="saved copy missing"),
        pytest.param('[[source]]\nurl = "ftp://a.example"', r"an http\(s\) URL", id="not http"),
        pytest.param('[[source]]\nurl = "https://a.example"\naliases = "X"', "list of strings", id="aliases"),
        pytest.param('[[source]]\nurl = "https://a.example"\nurl_typo = 1', "unknown key", id="unknown key"),
    ],
)
def test_bad_sources_file_is_one_clear_line(tmp_path, content: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.toml"
    path.write_text(content)
    with pytest.raises(SourcesFileError, match=message) as info:
        load_sources_file(path)
    assert "\n" not in str(info.value)


def test_missing_sources_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SourcesFileError, match="no such sources file"):
        load_sources_file(tmp_path / "nope.toml")


def test_arguments_split_urls_from_paths(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "b.txt").write_text("Notes.\n")
    url, path = refs_from_arguments(["https://a.example/x", "notes/b.txt"])
    assert (url.url, url.path, path.url, path.path) == ("https://a.example/x", None, None, "notes/b.txt")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        pytest.param("notes/missing.txt", "notes/missing.txt: no such source file", id="a missing file"),
        pytest.param("notes", "notes: is a directory, not a source file", id="a folder"),
    ],
)
def test_a_local_source_that_is_not_a_file_is_a_usage_error(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch, given: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    with pytest.raises(InputError) as raised:
        refs_from_arguments([given])
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param('[[sources]]\nurl = "https://a.example/x"\n',
                     "unknown table or key 'sources' (did you mean [[source]]?)", id="sources for source"),  # fmt: skip
        pytest.param('[[source]]\nurl = "https://a.example/x"\noutlat = "The Ledger"\n',
                     "source 1: unknown key 'outlat' (did you mean 'outlet'?)", id="a misspelt key"),  # fmt: skip
        pytest.param('[[source]]\npath = "gone.txt"\n', "source 1: no such file", id="a missing local file"),
        pytest.param("title = 'sources'\n", "unknown table or key 'title'", id="an unrelated key"),
    ],
)
def test_a_sources_file_that_says_something_else_is_refused(tmp_path, toml: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "draft.sources.toml"
    path.write_text(toml)
    with pytest.raises(SourcesFileError) as raised:
        load_sources_file(path)
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_links_name_their_outlet_by_anchor() -> None:
    doc = load_text("As [The Ledger](https://ledger.example/a) put it, see https://b.example/c")
    named, bare = refs_from_links(doc)
    assert (named.outlet, named.origin, bare.outlet) == ("The Ledger", "link", None)


def test_merge_keeps_one_ref_per_place_and_gathers_names() -> None:
    first = SourceRef(url="https://a.example/x", path=None, outlet="The Ledger")
    again = SourceRef(url="https://a.example/x#para-3", path=None, outlet="Ledger TV")
    other = SourceRef(url="https://b.example/y", path=None)
    merged = merge_refs([first], [again, other])
    assert [r.url for r in merged] == ["https://a.example/x", "https://b.example/y"]
    assert merged[0].outlet == "The Ledger" and merged[0].aliases == ("Ledger TV",)


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("The Independent", "independent"),
        ("UK’s The Independent", "independent"),
        ("  the   Harbour Gazette. ", "harbour gazette"),
        ("HBO", "hbo"),
    ],
)
def test_outlet_names_compare_loosely(written: str, normal: str) -> None:
    assert normalise_outlet(written) == normal


def _claim(cid: str, outlet: str | None, speaker: str | None = None) -> Claim:
    return Claim(cid, ClaimKind.DIRECT, "x", Span(0, 1), 0, Speaker(speaker) if speaker else None, "said", outlet)


def test_preferred_sources_follow_outlet_and_organisation_speaker() -> None:
    sources = number_sources(
        [
            SourceRef(url="https://a.example", path=None, outlet="The Ledger", aliases=("HBO",)),
            SourceRef(url="https://b.example", path=None, outlet="Harbour Network"),
        ]
    )
    claims = [_claim("C1", "HBO"), _claim("C2", None, "the Harbour Network"), _claim("C3", "Reuters", "Ann Lee")]
    assert preferred_sources(claims, sources) == {"C1": frozenset({"S1"}), "C2": frozenset({"S2"})}
