"""Wikidata at run time: the official web domains of an outlet or organisation named in a draft.

``wbsearchentities`` finds items whose label or alias matches the name; one
``wbgetentities`` reads the claims of the first few; the first (in Wikidata's own order of
relevance) that is a news outlet, broadcaster, agency or organisation gives its official
websites (P856). Wikidata asks for a descriptive User-Agent, one request at a time, and
respect for 429/Retry-After; answers are kept for the run, so a name is looked up once.
"""

from __future__ import annotations

import threading
from typing import Any

import httpx

from verify.discover.backend import Backend
from verify.discover.http import endpoint, get, json_body, unexpected_status
from verify.discover.ratelimit import RateLimit, retry_after_of
from verify.discover.types import BackendFailure

NAME = "wikidata"
DEFAULT_URL = "https://www.wikidata.org"
API_PATH = "/w/api.php"
CANDIDATES = 5  # search matches whose claims are read

WIKIDATA_LIMIT = RateLimit(min_interval=0.5, max_429s=3, backoff=30.0, max_wait=120.0)

# P31 ("instance of") values accepted, matched directly (no subclass walk, which would take
# SPARQL): the kinds of body a draft quotes "according to" — outlets, broadcasters, agencies,
# and organisations of the usual kinds (NGOs, companies, government agencies).
OUTLET_TYPES = frozenset(
    {
        "Q11032",  # newspaper
        "Q1110794",  # daily newspaper
        "Q1153191",  # online newspaper
        "Q1193236",  # news media
        "Q192283",  # news agency
        "Q11033",  # mass media
        "Q1002697",  # periodical
        "Q41298",  # magazine
        "Q1684600",  # news magazine
        "Q1616075",  # television station
        "Q2001305",  # television channel
        "Q15265344",  # broadcaster
        "Q14350",  # radio station
        "Q1331793",  # media company
        "Q2085381",  # publisher
        "Q43229",  # organization
        "Q163740",  # nonprofit organization
        "Q79913",  # non-governmental organization
        "Q4830453",  # business
        "Q783794",  # company
        "Q327333",  # government agency
    }
)


def item_ids(claims: dict[str, object], prop: str) -> list[str]:
    """The item ids a property's statements point at (``P31`` → ``["Q11032", …]``)."""
    return [
        value["id"] for value in _values(claims, prop) if isinstance(value, dict) and isinstance(value.get("id"), str)
    ]


def website_hosts(claims: dict[str, object]) -> tuple[str, ...]:
    """The host names of an item's official websites (P856), preferred statements first."""
    hosts: list[str] = []
    for value in _values(claims, "P856"):
        if not isinstance(value, str):
            continue
        try:
            host = httpx.URL(value.strip()).host.lower().rstrip(".")
        except (httpx.InvalidURL, ValueError):
            continue
        if host and host not in hosts:
            hosts.append(host)
    return tuple(hosts)


def _values(claims: dict[str, object], prop: str) -> list[object]:
    statements = claims.get(prop)
    if not isinstance(statements, list):
        return []
    ranked = sorted(
        (s for s in statements if isinstance(s, dict) and s.get("rank") != "deprecated"),
        key=lambda s: 0 if s.get("rank") == "preferred" else 1,
    )
    values = []
    for statement in ranked:
        snak = statement.get("mainsnak")
        datavalue = snak.get("datavalue") if isinstance(snak, dict) else None
        if isinstance(datavalue, dict) and "value" in datavalue:
            values.append(datavalue["value"])
    return values


class WikidataOutlets(Backend):
    name = NAME
    default_url = DEFAULT_URL
    default_limit = WIKIDATA_LIMIT

    def __init__(self, base_url: str | None = None, *, language: str = "en", **kwargs: Any) -> None:
        """``language``: the one labels are searched in; the rest as every service takes it (``Backend``)."""
        super().__init__(base_url, **kwargs)
        self.language = language
        self._known: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def official_domains(self, name: str) -> tuple[str, ...]:
        """The official web hosts of the best-matching outlet or organisation called ``name``; () if none."""
        key = " ".join(name.split()).casefold()
        if not key:
            return ()
        with self._lock:
            if key not in self._known:
                self._known[key] = self._look_up(" ".join(name.split()))
            return self._known[key]

    def _look_up(self, name: str) -> tuple[str, ...]:
        found = self._api(
            [
                ("action", "wbsearchentities"),
                ("search", name),
                ("language", self.language),
                ("uselang", self.language),
                ("type", "item"),
                ("limit", str(CANDIDATES)),
                ("format", "json"),
            ]
        )
        matches = found.get("search")
        ids = (
            [m["id"] for m in matches if isinstance(m, dict) and isinstance(m.get("id"), str)]
            if isinstance(matches, list)
            else []
        )
        if not ids:
            return ()
        entities = self._api(
            [("action", "wbgetentities"), ("ids", "|".join(ids[:CANDIDATES])), ("props", "claims"), ("format", "json")]
        ).get("entities")
        if not isinstance(entities, dict):
            raise BackendFailure(NAME, "answered without the entities asked for")
        for item_id in ids[:CANDIDATES]:
            entity = entities.get(item_id)
            claims = entity.get("claims") if isinstance(entity, dict) else None
            if not isinstance(claims, dict) or not OUTLET_TYPES.intersection(item_ids(claims, "P31")):
                continue
            hosts = website_hosts(claims)
            if hosts:
                return hosts
        return ()

    def _api(self, params: list[tuple[str, str]]) -> dict[str, object]:
        while True:
            with self.limiter.turn():
                response = get(self.client, NAME, endpoint(self.base_url, API_PATH), params)
            if response.status_code != 429:
                break
            self.limiter.throttled(retry_after_of(response.headers))
        if response.status_code != 200:
            raise unexpected_status(response, NAME)
        data = json_body(response, NAME)
        if not isinstance(data, dict):
            raise BackendFailure(NAME, "answered JSON that is not an API result")
        error = data.get("error")
        if isinstance(error, dict):
            code = error.get("code")
            raise BackendFailure(NAME, f"answered with an API error ({code if isinstance(code, str) else 'no code'})")
        return data
