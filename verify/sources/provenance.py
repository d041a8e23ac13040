"""How a snapshot was fetched, and whether a check with its own rules may read it.

A cached snapshot was fetched under the rules of the check that fetched it; a later check
may have stricter ones (no ``--allow-private``, robots.txt obeyed). The cache is therefore
no way around those rules: every URL record keeps its ``Provenance``, and ``refusal_for``
applies the reading check's rules to it before the snapshot is served.

- Addresses: every hop's answer came from the addresses recorded for it. If any of them is
  not public, only a check with ``allow_private`` may read the snapshot (and an address that
  is never allowed, such as 0.0.0.0, refuses it to every check).
- robots.txt: a snapshot fetched with robots.txt consulted at every hop, and allowed, may be
  read by any check; one fetched with robots.txt ignored only by a check that ignores it too.

Pure: no network, no disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from verify.sources.addresses import IPAddress, Refusal, parse_ip, refusal

ROBOTS_ALLOWED = "allowed"  # robots.txt consulted at every hop, and it allowed the request
ROBOTS_IGNORED = "ignored"  # fetched with --ignore-robots: robots.txt never consulted
_ROBOTS_STATES = frozenset({ROBOTS_ALLOWED, ROBOTS_IGNORED})


@dataclass(frozen=True)
class Hop:
    """One request of a fetch (the first, then one per redirect) and where its answer came from."""

    url: str
    # The address connected to; through a proxy, every address the host name resolved to
    # (all of them checked), since the proxy's own address says nothing about the source.
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class Provenance:
    """How a snapshot was fetched: its hops, and what the check that fetched it permitted."""

    hops: tuple[Hop, ...]
    allow_private: bool  # fetched by a check that permitted private addresses
    robots: str  # ROBOTS_ALLOWED or ROBOTS_IGNORED
    via_proxy: bool = False

    @property
    def private(self) -> bool:
        """Whether any hop's answer came from an address that is not public (or not an address)."""
        return any(_not_public(address) for hop in self.hops for address in hop.addresses)

    def to_record(self) -> dict[str, Any]:
        """The fields this adds to a URL record of the snapshot cache."""
        return {
            "hops": [{"url": hop.url, "addresses": list(hop.addresses)} for hop in self.hops],
            "private": self.private,
            "allow_private": self.allow_private,
            "robots": self.robots,
            "via_proxy": self.via_proxy,
        }


def from_record(record: Mapping[str, Any]) -> Provenance | None:
    """The provenance a URL record holds, or None when it is missing or malformed (never trusted)."""
    hops_field = record.get("hops")
    allow_private = record.get("allow_private")
    robots = record.get("robots")
    private = record.get("private")
    if not isinstance(hops_field, list) or not hops_field:
        return None
    if not isinstance(allow_private, bool) or not isinstance(private, bool) or robots not in _ROBOTS_STATES:
        return None
    hops: list[Hop] = []
    for hop in hops_field:
        if not isinstance(hop, dict):
            return None
        url, addresses = hop.get("url"), hop.get("addresses")
        if not isinstance(url, str) or not isinstance(addresses, list) or not addresses:
            return None
        if not all(isinstance(address, str) for address in addresses):
            return None
        hops.append(Hop(url, tuple(addresses)))
    provenance = Provenance(tuple(hops), allow_private, str(robots), bool(record.get("via_proxy", False)))
    if private and not provenance.private:
        return None  # a record that contradicts itself is not evidence of anything
    return provenance


def refusal_for(provenance: Provenance, *, allow_private: bool, ignore_robots: bool) -> str | None:
    """Why a check with these rules may not read a snapshot fetched this way (one line), or None."""
    for hop in provenance.hops:
        for address in hop.addresses:
            ip, found = _judged(address)
            if ip is None:
                return f"cached snapshot refused: its record names {address!r}, which is not an address"
            if found is not None and (found.always or not allow_private):
                hint = "" if found.always else "; --allow-private permits it"
                return f"cached snapshot refused: it came from {ip}, which is {found.reason}, not public{hint}"
    if provenance.robots != ROBOTS_ALLOWED and not ignore_robots:
        return "cached snapshot refused: it was fetched with robots.txt ignored; --ignore-robots reads it"
    return None


def _not_public(address: str) -> bool:
    ip, found = _judged(address)
    return ip is None or found is not None


@lru_cache(maxsize=4096)
def _judged(address: str) -> tuple[IPAddress | None, Refusal | None]:
    """The address and why it is not public; remembered, since a run reads many records from few hosts."""
    ip = parse_ip(address)
    return ip, (refusal(ip) if ip is not None else None)
