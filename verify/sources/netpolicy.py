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
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

from verify.sources.addresses import AddressRefused, IPAddress, Refusal, check_address, parse_ip, refusal

__all__ = [
    "AddressPolicy",
    "AddressRefused",
    "HostNotFound",
    "IPAddress",
    "PinnedBackend",
    "Refusal",
    "Resolver",
    "check_address",
    "parse_ip",
    "refusal",
    "system_resolver",
]

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
