"""Extend verify's outlet table (verify/discover/outlets.toml) from Wikidata (CC0 data).

    python tools/outlets_from_wikidata.py --limit 400 > outlets.new.toml

asks Wikidata's SPARQL endpoint for news outlets, broadcasters and news agencies with an
official website (P856), keeps every row already in the table (they were checked by hand), adds
the outlets the table lacks, and prints the whole table for a person to review before it
replaces the shipped file. Where the network does not reach the endpoint, save its JSON answer
elsewhere and pass it with ``--answer FILE``: parsing needs no network.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from verify.discover.outlets import TABLE_FILE, OutletEntry, host_of, parse_table
from verify.sources.resolve import normalise_outlet
from verify.version import __version__

ENDPOINT = "https://query.wikidata.org/sparql"
# Wikidata's etiquette asks every client to say who it is and how to reach its maintainers.
USER_AGENT = f"verify/{__version__} outlet-table builder (quote checker for newsrooms; python-httpx)"
ALIAS_SEPARATOR = "|"

# Item types of news media: newspaper, daily newspaper, online newspaper, news media, news
# agency, television station, television channel, broadcaster, radio station, magazine,
# news magazine.
NEWS_TYPES = (
    "Q11032", "Q1110794", "Q1153191", "Q1193236", "Q192283", "Q1616075",
    "Q2001305", "Q15265344", "Q14350", "Q41298", "Q1684600",
)  # fmt: skip


def sparql_query(limit: int) -> str:
    """Outlets of the news types with an official website, best known first (most sitelinks)."""
    types = " ".join(f"wd:{qid}" for qid in NEWS_TYPES)
    return f"""SELECT ?item ?itemLabel ?website ?sitelinks
  (GROUP_CONCAT(DISTINCT ?alias; separator="{ALIAS_SEPARATOR}") AS ?aliases)
WHERE {{
  VALUES ?type {{ {types} }}
  ?item wdt:P31 ?type ; wdt:P856 ?website ; wikibase:sitelinks ?sitelinks .
  OPTIONAL {{ ?item skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en". }}
}}
GROUP BY ?item ?itemLabel ?website ?sitelinks
ORDER BY DESC(?sitelinks) ?item
LIMIT {int(limit)}"""


@dataclass(frozen=True)
class WikidataOutlet:
    qid: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


def _value(binding: Mapping[str, Any], var: str) -> str:
    cell = binding.get(var)
    if not isinstance(cell, Mapping):
        return ""
    value = cell.get("value")
    return value.strip() if isinstance(value, str) else ""


def parse_answer(answer: Mapping[str, Any]) -> tuple[WikidataOutlet, ...]:
    """The outlets in a SPARQL JSON answer (``{"head": …, "results": {"bindings": […]}}``).

    One item may come back on several rows (one per website); its rows are merged, in the order
    the endpoint gave them. An item with no English label (the label service then answers with
    the bare Q-number) or no web address is left out.
    """
    results = answer.get("results")
    bindings = results.get("bindings") if isinstance(results, Mapping) else None
    if not isinstance(bindings, list):
        raise ValueError("not a SPARQL JSON answer: no results.bindings list")
    order: list[str] = []
    names: dict[str, str] = {}
    aliases: dict[str, dict[str, None]] = {}
    domains: dict[str, dict[str, None]] = {}
    for binding in bindings:
        if not isinstance(binding, Mapping):
            continue
        qid = _value(binding, "item").rsplit("/", 1)[-1]
        name = _value(binding, "itemLabel")
        website = _value(binding, "website")
        host = host_of(website) if website.startswith(("http://", "https://")) else ""
        if not qid or not name or name == qid or not host:
            continue
        if qid not in names:
            order.append(qid)
            names[qid] = name
            aliases[qid] = {}
            domains[qid] = {}
        domains[qid][host] = None
        for alias in _value(binding, "aliases").split(ALIAS_SEPARATOR):
            if alias.strip() and normalise_outlet(alias) != normalise_outlet(name):
                aliases[qid][alias.strip()] = None
    return tuple(WikidataOutlet(q, names[q], tuple(aliases[q]), tuple(domains[q])) for q in order)


def extend_table(
    table: Sequence[OutletEntry], found: Iterable[WikidataOutlet], *, checked: date
) -> tuple[OutletEntry, ...]:
    """Every row of ``table`` unchanged, then each found outlet whose names and domains are all new."""
    names = {normalise_outlet(n) for entry in table for n in entry.names()}
    hosts = {d for entry in table for d in entry.domains}
    rows = list(table)
    for outlet in found:
        keys = {normalise_outlet(n) for n in (outlet.name, *outlet.aliases)}
        if keys & names or set(outlet.domains) & hosts:
            continue
        rows.append(OutletEntry(outlet.name, outlet.aliases, outlet.domains, checked))
        names |= keys
        hosts |= set(outlet.domains)
    return tuple(rows)


def render_table(entries: Iterable[OutletEntry], header: str = "") -> str:
    """The table as ``outlets.toml`` writes it: one ``[[outlet]]`` per entry."""

    def strings(values: Iterable[str]) -> str:
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"

    lines = [header.rstrip("\n"), ""] if header else []
    for entry in entries:
        lines.append("[[outlet]]")
        lines.append(f"name = {json.dumps(entry.name, ensure_ascii=False)}")
        if entry.aliases:
            lines.append(f"aliases = {strings(entry.aliases)}")
        lines.append(f"domains = {strings(entry.domains)}")
        lines.append(f"checked = {entry.checked.isoformat()}")
        lines.append("")
    return "\n".join(lines)


def _header(text: str) -> str:
    """The comment lines at the top of the current table, kept as they are."""
    head = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    return "\n".join(head)


def fetch_answer(endpoint: str, query: str) -> Mapping[str, Any]:
    """One request to the endpoint; a 429 is waited out once, as its Retry-After asks."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "application/sparql-results+json"}
    with httpx.Client(timeout=90, headers=headers) as client:
        for attempt in range(2):
            response = client.get(endpoint, params={"query": query, "format": "json"})
            if response.status_code == 429 and attempt == 0:
                time.sleep(float(response.headers.get("Retry-After", "60")))
                continue
            response.raise_for_status()
            answer: Mapping[str, Any] = response.json()
            return answer
    raise RuntimeError("unreachable")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="outlets to ask for (default 400)")
    parser.add_argument("--endpoint", default=ENDPOINT, help=f"SPARQL endpoint (default {ENDPOINT})")
    parser.add_argument("--answer", type=Path, help="read a saved SPARQL JSON answer instead of asking")
    parser.add_argument(
        "--table",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "verify" / "discover" / TABLE_FILE,
        help="the table to extend (default: the one shipped in the package)",
    )
    parser.add_argument("--checked", type=date.fromisoformat, default=date.today(), help="date for new rows")
    args = parser.parse_args(argv)
    current = args.table.read_text(encoding="utf-8")
    if args.answer:
        answer = json.loads(args.answer.read_text(encoding="utf-8"))
    else:
        answer = fetch_answer(args.endpoint, sparql_query(args.limit))
    rows = extend_table(parse_table(current).entries, parse_answer(answer), checked=args.checked)
    sys.stdout.write(render_table(rows, _header(current)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
