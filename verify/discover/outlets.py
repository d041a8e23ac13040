"""From an outlet's name to the domains its own pages live on.

Three layers, most trusted first: what the user said (the sources file's ``outlet``/``aliases``
and the configuration's ``[[outlet]]`` names), the table shipped beside this module
(``outlets.toml``), and a run-time lookup (Wikidata) that the caller injects. The first layer
that knows the name answers; ``OutletDomains.layer`` says which one did.

Registrable domains come from tldextract with the suffix list bundled in the package: nothing
is fetched and nothing is written to disk.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from verify.model import SourceRef
from verify.sources.resolve import normalise_outlet

# tldextract (and the requests library under it) is imported on first use: most runs never
# discover, and start-up time matters in a pre-commit hook.
if TYPE_CHECKING:
    import tldextract

Layer = Literal["sources", "config", "table", "wikidata", "none"]
TABLE_FILE = "outlets.toml"


@dataclass(frozen=True)
class OutletDomains:
    """Where an outlet publishes, and which layer said so (``domains`` is empty for "none")."""

    name: str
    domains: tuple[str, ...]
    layer: Layer


@dataclass(frozen=True)
class OutletEntry:
    """One row of the shipped table."""

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    checked: date

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class OutletTable:
    """The shipped table, found by any name of an outlet without case or a leading "The"."""

    entries: tuple[OutletEntry, ...]
    by_name: Mapping[str, OutletEntry]

    @classmethod
    def of(cls, entries: Iterable[OutletEntry]) -> OutletTable:
        rows = tuple(entries)
        index: dict[str, OutletEntry] = {}
        for entry in rows:
            for name in entry.names():
                # the first row to claim a name keeps it: the table lists the likelier outlet first
                index.setdefault(normalise_outlet(name), entry)
        return cls(rows, index)

    def find(self, name: str) -> OutletEntry | None:
        return self.by_name.get(normalise_outlet(name))


def make_extractor() -> tldextract.TLDExtract:
    """The bundled Public Suffix List only: no suffix-list download, no cache directory.

    Private suffixes count, so a blog on a shared host (name.blogspot.com) is a site of its own.
    """
    import tldextract

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), include_psl_private_domains=True)


_extractor = lru_cache(maxsize=1)(make_extractor)


_NOT_IN_HOSTS = frozenset('/\\@<>"{}|^`,;')


def host_of(url: str) -> str:
    """The lower-case host of an address, without "www." ("" when there is none)."""
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    if not host or any(c.isspace() or c in _NOT_IN_HOSTS for c in host):
        return ""
    return host[4:] if host.startswith("www.") else host


def registrable_domain(url_or_host: str) -> str:
    """``bbc.co.uk`` for ``https://news.bbc.co.uk/x``; the address itself for an IP address."""
    host = host_of(url_or_host)
    if not host:
        return ""
    found = _extractor()(host)
    if found.top_domain_under_public_suffix:
        return found.top_domain_under_public_suffix
    if found.ipv4 or found.ipv6 or ":" in host:
        return host
    # a name under no public suffix (an intranet or a reserved test name): its last two labels
    return ".".join(host.split(".")[-2:])


def parse_table(text: str) -> OutletTable:
    """The table from the text of ``outlets.toml``; ``ValueError`` names the first bad row."""
    data = tomllib.loads(text)
    rows = data.get("outlet", [])
    if not isinstance(rows, list):
        raise ValueError("outlets table: [[outlet]] must be an array of tables")
    entries = []
    for number, row in enumerate(rows, start=1):
        name, aliases, checked = row.get("name"), row.get("aliases", []), row.get("checked")
        domains = row.get("domains")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"outlets table: outlet {number} has no name")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"outlets table: {name}: aliases must be a list of strings")
        if not isinstance(domains, list) or not domains or not all(isinstance(d, str) for d in domains):
            raise ValueError(f"outlets table: {name}: domains must be a non-empty list of strings")
        if not isinstance(checked, date):
            raise ValueError(f"outlets table: {name}: checked must be a date (YYYY-MM-DD)")
        hosts = tuple(host_of(d) for d in domains)
        entries.append(OutletEntry(name.strip(), tuple(a.strip() for a in aliases), hosts, checked))
    return OutletTable.of(entries)


@lru_cache(maxsize=1)
def shipped_table() -> OutletTable:
    """The table in the package, read once."""
    return parse_table(resources.files("verify.discover").joinpath(TABLE_FILE).read_text(encoding="utf-8"))


def _domains_of_refs(refs: Sequence[SourceRef], keys: set[str]) -> tuple[str, ...]:
    named = (ref for ref in refs if ref.url and keys & {normalise_outlet(n) for n in ref.names()})
    found = (registrable_domain(ref.url or "") for ref in named)
    return tuple(dict.fromkeys(d for d in found if d))


def resolve_outlet(
    name: str,
    *,
    refs: Sequence[SourceRef],
    configured: Sequence[tuple[str, ...]],
    table: OutletTable,
    lookup: Callable[[str], tuple[str, ...]] | None = None,
) -> OutletDomains:
    """The domains of the outlet a draft calls ``name``, from the first layer that knows it.

    1. "sources": the registrable domains of the given sources whose outlet or alias is ``name``.
    2. "config": the same, for any other name the configuration gives that outlet.
    3. "table": the shipped table, under ``name`` or any configured name of the outlet.
    4. "wikidata": ``lookup(name)`` (injected: the run-time service, cached by the caller).
    5. "none": no domain; the outlet is still searched by phrase and matched by site name.
    """
    key = normalise_outlet(name)
    if not key:
        return OutletDomains(name, (), "none")
    own = _domains_of_refs(refs, {key})
    if own:
        return OutletDomains(name, own, "sources")
    groups = [group for group in configured if key in {normalise_outlet(n) for n in group}]
    other_names = [n for group in groups for n in group if normalise_outlet(n) != key]
    via_config = _domains_of_refs(refs, {normalise_outlet(n) for n in other_names})
    if via_config:
        return OutletDomains(name, via_config, "config")
    for candidate in (name, *other_names):
        entry = table.find(candidate)
        if entry is not None:
            return OutletDomains(name, entry.domains, "table")
    if lookup is not None:
        looked_up = tuple(dict.fromkeys(h for h in (host_of(d) for d in lookup(name)) if h))
        if looked_up:
            return OutletDomains(name, looked_up, "wikidata")
    return OutletDomains(name, (), "none")
