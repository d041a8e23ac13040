"""Which network addresses verify may connect to, and a connection backend that obeys it.

A source URL comes from a draft or a sources file, so it may point anywhere: at the
machine verify runs on, at the newsroom intranet, at a cloud metadata service. Only
public addresses are fetched unless the user says ``--allow-private``.

The check must hold for the address actually connected to, not just for a name looked
up once (DNS rebinding: a name that answers a public address to the check and a private
one to the connection). So a host is resolved once per run by ``AddressPolicy.pin``,
every address it resolves to is checked, and ``PinnedBackend`` (an httpcore network
backend) connects only to those checked addresses. The URL keeps its host name, so the
``Host`` header, TLS SNI and certificate checks are for the name, as they should be.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

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


# ---------------------------------------------------------------------------
# Resolving and pinning
# ---------------------------------------------------------------------------

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""Look a host name up: ``await resolver(host, port)`` → its addresses as strings."""


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """The operating system's resolver (getaddrinfo), run off the event loop."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in addresses:
            addresses.append(address)
    return addresses


@dataclass
class AddressPolicy:
    """Resolves each host once per run, checks every address, remembers the result."""

    allow_private: bool
    resolver: Resolver = system_resolver
    _pinned: dict[str, tuple[IPAddress, ...]] = field(default_factory=dict)
    _refused: dict[str, str] = field(default_factory=dict)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def pin(self, host: str, port: int) -> tuple[IPAddress, ...]:
        """Resolve ``host`` and check every address; raise AddressRefused if any is refused.

        All addresses must pass, not just one: the connection may use any of them.
        """
        key = _host_key(host)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key in self._refused:
                raise AddressRefused(self._refused[key])
            if key in self._pinned:
                return self._pinned[key]
            try:
                addresses = await self._resolve(key, port)
                for address in addresses:
                    check_address(address, allow_private=self.allow_private)
            except AddressRefused as refused:
                self._refused[key] = str(refused)
                raise
            self._pinned[key] = addresses
            return addresses

    def pinned(self, host: str) -> tuple[IPAddress, ...] | None:
        """The checked addresses of ``host``, or None if it was never pinned."""
        return self._pinned.get(_host_key(host))

    async def _resolve(self, host: str, port: int) -> tuple[IPAddress, ...]:
        literal = parse_ip(host)
        if literal is not None:
            return (literal,)
        try:
            found = await self.resolver(host, port)
        except (OSError, UnicodeError) as error:
            raise HostNotFound(f"host {host} not found ({_one_line(error)})") from error
        addresses = tuple(ip for ip in (parse_ip(a) for a in found) if ip is not None)
        if not addresses:
            raise HostNotFound(f"host {host} not found (no addresses)")
        return addresses


class HostNotFound(Exception):
    """A host name that does not resolve."""


def _host_key(host: str) -> str:
    return host.strip("[]").lower().rstrip(".")


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__


class PinnedBackend(AsyncNetworkBackend):
    """An httpcore network backend that connects only to addresses the policy pinned.

    httpcore asks for ``connect_tcp(host, port)`` with the URL's host name; this
    backend swaps in the checked addresses (trying each in turn) and refuses a host
    that was never checked, so nothing reaches an unchecked address even by mistake.
    TLS is started later by httpcore on the returned stream with the host name as SNI.
    """

    def __init__(self, policy: AddressPolicy, inner: AsyncNetworkBackend | None = None) -> None:
        self._policy = policy
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        addresses = self._policy.pinned(host)
        if not addresses:
            raise httpcore.ConnectError(f"refusing to connect to {host}: its address was not checked")
        last_error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
        assert last_error is not None
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are never used for sources")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
