"""Outlet → domains: the three layers in order, the shipped table, registrable domains offline."""

from __future__ import annotations

import importlib.util
import socket
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from verify.discover import outlets
from verify.discover.outlets import (
    OutletDomains,
    OutletEntry,
    OutletTable,
    parse_table,
    registrable_domain,
    resolve_outlet,
    shipped_table,
)
from verify.model import SourceRef
from verify.sources.resolve import normalise_outlet

REPO = Path(__file__).resolve().parents[2]

TABLE = OutletTable.of(
    [
        OutletEntry("The Harbour Gazette", ("Gazette",), ("harbourgazette.example",), date(2026, 12, 6)),
        OutletEntry("Valley Radio", ("VR",), ("valleyradio.example", "vr.example"), date(2026, 12, 6)),
    ]
)
REFS = (
    SourceRef(url="https://www.northpost.example/2026/a", path=None, outlet="North Post"),
    SourceRef(url="https://blog.northpost.example/b", path=None, outlet="North Post"),
    SourceRef(url="https://mirror.example/copy", path=None, outlet="Mirror Site", aliases=("Hill Times",)),
    SourceRef(url=None, path="notes.txt", outlet="Desk Notes"),
    SourceRef(url="https://eastcourier.example/x", path=None, outlet="East Courier"),
)
CONFIGURED = (("East Courier", "the Courier", "EC"),)


def _wikidata(name: str) -> tuple[str, ...]:
    return {"Lake Weekly": ("https://www.lakeweekly.example/",)}.get(name, ())


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("North Post", OutletDomains("North Post", ("northpost.example",), "sources"), id="sources-outlet"),
        pytest.param(
            "the north post", OutletDomains("the north post", ("northpost.example",), "sources"), id="case-the"
        ),
        pytest.param("Hill Times", OutletDomains("Hill Times", ("mirror.example",), "sources"), id="sources-alias"),
        pytest.param("the Courier", OutletDomains("the Courier", ("eastcourier.example",), "config"), id="config"),
        pytest.param(
            "Harbour Gazette", OutletDomains("Harbour Gazette", ("harbourgazette.example",), "table"), id="table"
        ),
        pytest.param("GAZETTE", OutletDomains("GAZETTE", ("harbourgazette.example",), "table"), id="table-alias"),
        pytest.param("VR", OutletDomains("VR", ("valleyradio.example", "vr.example"), "table"), id="table-two"),
        pytest.param("Lake Weekly", OutletDomains("Lake Weekly", ("lakeweekly.example",), "wikidata"), id="lookup"),
        pytest.param("Nobody Knows", OutletDomains("Nobody Knows", (), "none"), id="none"),
        pytest.param("Desk Notes", OutletDomains("Desk Notes", (), "none"), id="local-file-no-domain"),
        pytest.param("  ", OutletDomains("  ", (), "none"), id="blank"),
    ],
)
def test_layers(name: str, expected: OutletDomains) -> None:
    assert resolve_outlet(name, refs=REFS, configured=CONFIGURED, table=TABLE, lookup=_wikidata) == expected


def test_earlier_layer_wins_over_table_and_lookup() -> None:
    refs = (SourceRef(url="https://gazette-mirror.example/p", path=None, outlet="Harbour Gazette"),)
    calls: list[str] = []

    def lookup(name: str) -> tuple[str, ...]:
        calls.append(name)
        return ("other.example",)

    found = resolve_outlet("The Harbour Gazette", refs=refs, configured=(), table=TABLE, lookup=lookup)
    assert found == OutletDomains("The Harbour Gazette", ("gazette-mirror.example",), "sources")
    assert calls == []


def test_configured_name_finds_the_table() -> None:
    found = resolve_outlet("HG", refs=(), configured=(("HG", "The Harbour Gazette"),), table=TABLE)
    assert found.layer == "table" and found.domains == ("harbourgazette.example",)


def test_no_lookup_means_none() -> None:
    assert resolve_outlet("Lake Weekly", refs=(), configured=(), table=TABLE).layer == "none"


@pytest.mark.parametrize(
    "url, domain",
    [
        ("https://news.bbc.co.uk/1/hi/world.stm", "bbc.co.uk"),
        ("https://WWW.Example.COM:8443/a", "example.com"),
        ("http://abcnews.go.com/Politics", "go.com"),
        ("https://someone.blogspot.com/2026/01/post.html", "someone.blogspot.com"),
        ("https://www.parliament.uk/business", "parliament.uk"),
        ("theguardian.com", "theguardian.com"),
        ("http://127.0.0.1:8000/page", "127.0.0.1"),
        ("http://localhost/x", "localhost"),
        ("not a url at all", ""),
        ("", ""),
    ],
)
def test_registrable_domain(url: str, domain: str) -> None:
    assert registrable_domain(url) == domain


def test_suffix_list_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    import requests

    monkeypatch.setattr(requests.Session, "request", refuse)
    extract = outlets.make_extractor()
    assert extract.suffix_list_urls == ()
    assert extract("https://forums.example.co.uk/t").top_domain_under_public_suffix == "example.co.uk"


# -- the shipped table ------------------------------------------------------------------------


def test_shipped_table_size_and_dates() -> None:
    table = shipped_table()
    assert len(table.entries) >= 100
    assert {entry.checked for entry in table.entries} == {date(2026, 12, 6)}


def test_shipped_table_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for entry in shipped_table().entries:
        for name in {normalise_outlet(n) for n in entry.names()}:
            assert name not in seen, f"{name!r} names both {seen[name]} and {entry.name}"
            seen[name] = entry.name


def test_shipped_domains_are_hosts_under_a_public_suffix() -> None:
    extract = outlets.make_extractor()
    for entry in shipped_table().entries:
        for domain in entry.domains:
            parts = extract(domain)
            assert parts.suffix and parts.domain, (entry.name, domain)
            assert domain == domain.lower() and "/" not in domain and not domain.startswith("www.")


@pytest.mark.parametrize(
    "name, domain",
    [
        ("The BBC", "bbc.co.uk"),
        ("the Independent", "independent.co.uk"),
        ("AFP", "afp.com"),
        ("HBO", "hbo.com"),
        ("Novaya Gazeta", "novayagazeta.ru"),
        ("Human Rights Watch", "hrw.org"),
        ("New York Times", "nytimes.com"),
        ("UK's The Independent", "independent.co.uk"),
    ],
)
def test_shipped_table_finds(name: str, domain: str) -> None:
    found = resolve_outlet(name, refs=(), configured=(), table=shipped_table())
    assert found.layer == "table" and domain in found.domains


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[outlet]]\ndomains = ['a.example']\nchecked = 2026-01-01\n", "no name"),
        ("[[outlet]]\nname = 'A'\nchecked = 2026-01-01\n", "domains"),
        ("[[outlet]]\nname = 'A'\ndomains = []\nchecked = 2026-01-01\n", "domains"),
        ("[[outlet]]\nname = 'A'\ndomains = ['a.example']\nchecked = 'soon'\n", "checked"),
        ("[[outlet]]\nname = 'A'\naliases = 'B'\ndomains = ['a.example']\nchecked = 2026-01-01\n", "aliases"),
        ("outlet = 3\n", "array"),
    ],
)
def test_bad_table_rows(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_table(text)


def test_table_domains_are_written_as_hosts() -> None:
    table = parse_table("[[outlet]]\nname = 'A'\ndomains = ['https://WWW.A.example/']\nchecked = 2026-01-01\n")
    assert table.entries[0].domains == ("a.example",)


# -- the Wikidata script ----------------------------------------------------------------------


def _script() -> ModuleType:
    path = REPO / "tools" / "outlets_from_wikidata.py"
    spec = importlib.util.spec_from_file_location("outlets_from_wikidata", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _uri(value: str) -> dict[str, str]:
    return {"type": "uri", "value": value}


def _text(value: str) -> dict[str, str]:
    return {"xml:lang": "en", "type": "literal", "value": value}


# An answer in the shape the SPARQL endpoint gives for ``sparql_query`` (fictional outlets).
ANSWER: dict[str, Any] = {
    "head": {"vars": ["item", "itemLabel", "website", "sitelinks", "aliases"]},
    "results": {
        "bindings": [
            {
                "item": _uri("http://www.wikidata.org/entity/Q900001"),
                "itemLabel": _text("Harbour Evening Star"),
                "website": _uri("https://www.harbourstar.example/"),
                "sitelinks": {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal", "value": "41"},
                "aliases": {"type": "literal", "value": "Evening Star|HES"},
            },
            {
                "item": _uri("http://www.wikidata.org/entity/Q900001"),
                "itemLabel": _text("Harbour Evening Star"),
                "website": _uri("https://harbourstar-archive.example"),
                "sitelinks": {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal", "value": "41"},
                "aliases": {"type": "literal", "value": "Evening Star|HES"},
            },
            {
                "item": _uri("http://www.wikidata.org/entity/Q900002"),
                "itemLabel": {"type": "literal", "value": "Q900002"},
                "website": _uri("https://nolabel.example/"),
                "sitelinks": {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal", "value": "9"},
                "aliases": {"type": "literal", "value": ""},
            },
            {
                "item": _uri("http://www.wikidata.org/entity/Q900003"),
                "itemLabel": _text("Valley Radio"),
                "website": _uri("https://valley-radio.example/listen"),
                "sitelinks": {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal", "value": "7"},
                "aliases": {"type": "literal", "value": "Valley Radio"},
            },
            {
                "item": _uri("http://www.wikidata.org/entity/Q900004"),
                "itemLabel": _text("Mountain Wire"),
                "website": {"type": "literal", "value": "ftp://mountain.example"},
                "sitelinks": {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal", "value": "3"},
            },
        ]
    },
}


def test_parse_sparql_answer() -> None:
    script = _script()
    found = script.parse_answer(ANSWER)
    assert [(o.qid, o.name, o.aliases, o.domains) for o in found] == [
        (
            "Q900001",
            "Harbour Evening Star",
            ("Evening Star", "HES"),
            ("harbourstar.example", "harbourstar-archive.example"),
        ),  # noqa: E501
        ("Q900003", "Valley Radio", (), ("valley-radio.example",)),
    ]


def test_parse_rejects_other_documents() -> None:
    with pytest.raises(ValueError, match="bindings"):
        _script().parse_answer({"head": {}, "boolean": True})


def test_extend_keeps_hand_checked_rows_and_adds_new_ones() -> None:
    script = _script()
    rows = script.extend_table(TABLE.entries, script.parse_answer(ANSWER), checked=date(2027, 1, 2))
    assert rows[: len(TABLE.entries)] == TABLE.entries
    added = rows[len(TABLE.entries) :]
    assert [row.name for row in added] == ["Harbour Evening Star"]  # Valley Radio is already known
    assert added[0].checked == date(2027, 1, 2)


def test_rendered_table_reads_back_and_the_shipped_file_round_trips() -> None:
    script = _script()
    shipped = (REPO / "verify" / "discover" / "outlets.toml").read_text(encoding="utf-8")
    entries = parse_table(shipped).entries
    assert script.render_table(entries, script._header(shipped)) == shipped
    assert parse_table(script.render_table(entries)).entries == entries


def test_query_asks_for_official_websites() -> None:
    query = _script().sparql_query(50)
    assert "wdt:P856" in query and "LIMIT 50" in query and "wd:Q192283" in query
