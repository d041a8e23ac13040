"""Which network addresses are public: the pure half of the address policy.

Used before a connection (``netpolicy``) and when a cached snapshot is read
(``provenance``); it imports no network library, so a check served from the cache loads none.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


_CGNAT = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598 shared address space
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")
_CLOUD_METADATA = ipaddress.ip_address("169.254.169.254")
_NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: last 32 bits are IPv4
_NAT64_LOCAL_USE = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")  # deprecated, still not public


class AddressRefused(Exception):
    """A host or address verify will not connect to; ``str()`` says why, on one line."""


@dataclass(frozen=True)
class Refusal:
    """Why an address is not a public one, and whether any option permits it."""

    reason: str  # "loopback", "private", … : why the address is not public
    always: bool  # True when even --allow-private does not permit it


def refusal(ip: IPAddress) -> Refusal | None:
    """Why ``ip`` is not a public address, or None when it is.

    IPv6 forms that carry an IPv4 address (IPv4-mapped, 6to4, NAT64) are judged by the
    IPv4 address inside them, so ``::ffff:127.0.0.1`` is loopback like ``127.0.0.1``.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            form, inner = embedded
            inner_refusal = refusal(inner)
            if inner_refusal is None:
                return None
            return Refusal(f"{inner_refusal.reason} ({form} {inner})", inner_refusal.always)
        if ip in _NAT64_LOCAL_USE:
            return Refusal("local-use NAT64", False)
        if ip in _SITE_LOCAL:
            return Refusal("site-local", False)
    if ip.is_unspecified or (isinstance(ip, ipaddress.IPv4Address) and ip in _THIS_NETWORK):
        return Refusal("unspecified", True)
    if ip.is_multicast:
        return Refusal("multicast", True)
    if ip.is_loopback:
        return Refusal("loopback", False)
    if ip == _CLOUD_METADATA:
        return Refusal("link-local (cloud metadata service)", False)
    if ip.is_link_local:
        return Refusal("link-local", False)
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return Refusal("shared address space (CGNAT)", False)
    if ip.is_reserved:
        return Refusal("reserved", True)
    if ip.is_private:
        return Refusal("private", False)
    if not ip.is_global:
        return Refusal("special-purpose, not globally routable", False)
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", ip.ipv4_mapped
    if ip.sixtofour is not None:
        return "6to4", ip.sixtofour
    if ip in _NAT64_WELL_KNOWN:
        return "NAT64", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def check_address(ip: IPAddress, *, allow_private: bool) -> None:
    """Raise AddressRefused unless verify may connect to ``ip``."""
    found = refusal(ip)
    if found is None or (allow_private and not found.always):
        return
    hint = "" if found.always else "; --allow-private permits it"
    raise AddressRefused(f"{ip} is {found.reason}, not a public address{hint}")


def parse_ip(host: str) -> IPAddress | None:
    """The address when ``host`` is an IP literal (brackets allowed), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
