"""Which search and archive services a run uses, and where each one lives.

From the run's options (which the ``[discover]`` table of a configuration file fills in),
then the environment, then the defaults. A general web search (SearXNG, Brave) is used only
when configured: there is no default instance, and public SearXNG instances refuse JSON on
purpose. The keyless public services (GDELT, the Wayback Machine, Wikidata) have defaults.

Nothing here is asked unless the run switched discovery (or the archive fallback) on, and
nothing is constructed before then: ``choose_services`` is pure, ``build_services`` makes
the clients.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from verify.discover.types import ArchiveCapture, Clock, SearchBackend

DEFAULT_GDELT_URL = "https://api.gdeltproject.org"
DEFAULT_WAYBACK_URL = "https://web.archive.org"
DEFAULT_WIKIDATA_URL = "https://www.wikidata.org"
DEFAULT_BRAVE_URL = "https://api.search.brave.com"

# Environment variables, by the setting they fill when neither options nor a configuration file do.
ENV = {
    "searxng_url": "VERIFY_SEARXNG_URL",
    "brave_url": "VERIFY_BRAVE_URL",
    "gdelt_url": "VERIFY_GDELT_URL",
    "wayback_url": "VERIFY_WAYBACK_URL",
    "wikidata_url": "VERIFY_WIKIDATA_URL",
}
BRAVE_KEY_ENV = "VERIFY_BRAVE_API_KEY"  # a key lives in the environment only, never in a file or a report

# Search services in the order a claim's queries go to them: the general web first, news next.
# The desk archive ("archive") is asked before all of them; ``discover_sources`` adds it.
SEARCH_ORDER = ("searxng", "brave", "gdelt")
GENERAL_WEB = frozenset({"searxng", "brave"})


@dataclass(frozen=True)
class ServiceURLs:
    """Where each service lives; None means the environment's value, else the default (none for SearXNG)."""

    searxng_url: str | None = None
    brave_url: str | None = None
    gdelt_url: str | None = None
    wayback_url: str | None = None
    wikidata_url: str | None = None


@dataclass(frozen=True)
class ServicePlan:
    """The services one run may ask, by name and base URL; ``repr`` never shows the key."""

    search: tuple[tuple[str, str], ...]  # (name, base URL) in SEARCH_ORDER
    wayback: str | None
    wikidata: str | None
    brave_key: str | None = None

    def __repr__(self) -> str:
        return f"ServicePlan(search={self.search!r}, wayback={self.wayback!r}, wikidata={self.wikidata!r})"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.search) + tuple(
            name for name, url in (("wikidata", self.wikidata), ("wayback", self.wayback)) if url
        )

    @property
    def general_web(self) -> bool:
        return any(name in GENERAL_WEB for name, _ in self.search)


def choose_services(
    urls: ServiceURLs, *, discover: bool, archive_fallback: bool, env: Mapping[str, str] | None = None
) -> ServicePlan:
    """The services a run uses: none without discovery or the archive fallback; the archive alone with the fallback."""
    env = os.environ if env is None else env

    def where(setting: str, default: str | None) -> str | None:
        given = getattr(urls, setting) or env.get(ENV[setting], "").strip() or default
        return given.rstrip("/") if given else None

    if not discover:
        return ServicePlan((), where("wayback_url", DEFAULT_WAYBACK_URL) if archive_fallback else None, None)
    search: list[tuple[str, str]] = []
    searxng = where("searxng_url", None)
    if searxng:
        search.append(("searxng", searxng))
    brave_key = env.get(BRAVE_KEY_ENV, "").strip() or None
    if brave_key:
        search.append(("brave", where("brave_url", DEFAULT_BRAVE_URL) or DEFAULT_BRAVE_URL))
    search.append(("gdelt", where("gdelt_url", DEFAULT_GDELT_URL) or DEFAULT_GDELT_URL))
    return ServicePlan(
        tuple(search),
        where("wayback_url", DEFAULT_WAYBACK_URL),
        where("wikidata_url", DEFAULT_WIKIDATA_URL),
        brave_key,
    )


class ArchiveLookup(Protocol):
    """The Wayback Machine as a run sees it."""

    name: str

    def closest(self, url: str, before: date) -> ArchiveCapture | None: ...

    def capture_from_replay_url(self, url: str) -> ArchiveCapture | None: ...


class OutletLookup(Protocol):
    """An outside register of outlets (Wikidata): a name's official web hosts."""

    name: str

    def official_domains(self, name: str) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Services:
    """The clients of one run."""

    search: tuple[SearchBackend, ...]
    wayback: ArchiveLookup | None
    wikidata: OutletLookup | None
    general_web: bool


def build_services(plan: ServicePlan, *, user_agent: str, clock: Clock | None = None) -> Services:
    """The clients for ``plan``; each module is imported only when its service is used."""
    search = tuple(_search_backend(name, url, plan.brave_key, user_agent, clock) for name, url in plan.search)
    wayback: ArchiveLookup | None = None
    if plan.wayback:
        from verify.discover.wayback import WaybackArchive

        wayback = WaybackArchive(plan.wayback, clock=clock, user_agent=user_agent)
    wikidata: OutletLookup | None = None
    if plan.wikidata:
        from verify.discover.wikidata import WikidataOutlets

        wikidata = WikidataOutlets(plan.wikidata, clock=clock, user_agent=user_agent)
    return Services(search, wayback, wikidata, plan.general_web)


def _search_backend(name: str, url: str, key: str | None, user_agent: str, clock: Clock | None) -> SearchBackend:
    if name == "searxng":
        from verify.discover.searxng import SearxngSearch

        return SearxngSearch(url, clock=clock, user_agent=user_agent)
    if name == "brave":
        from verify.discover.brave import BraveSearch

        return BraveSearch(key or "", url, clock=clock, user_agent=user_agent)
    if name == "gdelt":
        from verify.discover.gdelt import GdeltSearch

        return GdeltSearch(url, clock=clock, user_agent=user_agent)
    raise ValueError(f"no search service called {name!r}")
