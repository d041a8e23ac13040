"""Which addresses verify connects to: a table over many addresses, and pinning."""

from __future__ import annotations

import asyncio
import ipaddress

import httpcore
import pytest

from verify.sources.netpolicy import AddressPolicy, AddressRefused, HostNotFound, PinnedBackend, check_address

REFUSED = [
    # address, reason it must name
    ("127.0.0.1", "loopback"),
    ("127.255.0.9", "loopback"),
    ("10.0.0.5", "private"),
    ("172.16.8.1", "private"),
    ("172.31.255.254", "private"),
    ("192.168.0.10", "private"),
    ("169.254.169.254", "cloud metadata"),
    ("169.254.3.3", "link-local"),
    ("100.64.0.1", "CGNAT"),
    ("100.127.255.254", "CGNAT"),
    ("224.0.0.251", "multicast"),
    ("239.1.2.3", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("0.0.0.0", "unspecified"),
    ("0.1.2.3", "unspecified"),
    ("192.0.2.10", "private"),  # documentation range
    ("198.18.0.1", "private"),  # benchmarking range
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1", "link-local"),
    ("fc00::1", "private"),
    ("fd12:3456::1", "private"),
    ("fec0::1", "site-local"),
    ("ff02::1", "multicast"),
    ("::ffff:127.0.0.1", "IPv4-mapped"),
    ("::ffff:10.1.1.1", "IPv4-mapped"),
    ("::ffff:169.254.169.254", "cloud metadata"),
    ("2002:7f00:1::", "6to4"),  # 6to4 wrapping 127.0.0.1
    ("2002:a9fe:a9fe::1", "6to4"),  # 6to4 wrapping 169.254.169.254
    ("64:ff9b::7f00:1", "NAT64"),  # NAT64 wrapping 127.0.0.1
    ("64:ff9b::a00:1", "NAT64"),  # NAT64 wrapping 10.0.0.1
    ("64:ff9b:1::1", "local-use NAT64"),
    ("::127.0.0.1", "reserved"),  # deprecated IPv4-compatible form
    ("2001:db8::1", "private"),  # documentation range
]

PUBLIC = [
    "8.8.8.8",
    "93.184.215.14",
    "1.1.1.1",
    "100.128.0.1",  # just past CGNAT
    "172.32.0.1",  # just past 172.16/12
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "2002:808:808::1",  # 6to4 wrapping 8.8.8.8
    "64:ff9b::808:808",  # NAT64 wrapping 8.8.8.8
]


@pytest.mark.parametrize(("address", "reason"), REFUSED)
def test_non_public_addresses_are_refused_with_their_reason(address: str, reason: str) -> None:
    with pytest.raises(AddressRefused, match=reason):
        check_address(ipaddress.ip_address(address), allow_private=False)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    check_address(ipaddress.ip_address(address), allow_private=False)


@pytest.mark.parametrize(
    ("address", "allowed_with_allow_private"),
    [
        ("127.0.0.1", True),
        ("10.0.0.5", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("::ffff:192.168.1.1", True),
        ("224.0.0.251", False),  # multicast is never a web server
        ("0.0.0.0", False),
        ("240.0.0.1", False),
    ],
)
def test_allow_private_permits_private_networks_only(address: str, allowed_with_allow_private: bool) -> None:
    ip = ipaddress.ip_address(address)
    if allowed_with_allow_private:
        check_address(ip, allow_private=True)
    else:
        with pytest.raises(AddressRefused):
            check_address(ip, allow_private=True)


def _resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError("Name or service not known")
        return table[host]

    return resolve


NAMES = {
    "news.example": ["93.184.215.14"],
    "mixed.example": ["93.184.215.14", "10.0.0.7"],  # one bad address spoils the name
    "rebind.example": ["127.0.0.1"],
    "six.example": ["2606:4700::6810:1", "::ffff:127.0.0.1"],
}


@pytest.mark.parametrize(
    ("host", "refused"),
    [
        ("news.example", None),
        ("mixed.example", "10.0.0.7 is private"),
        ("rebind.example", "loopback"),
        ("six.example", "IPv4-mapped"),
        ("127.0.0.1", "loopback"),
        ("[::1]", "loopback"),
        ("8.8.8.8", None),
    ],
)
def test_pin_checks_every_resolved_address(host: str, refused: str | None) -> None:
    policy = AddressPolicy(allow_private=False, resolver=_resolver(NAMES))

    async def pin() -> None:
        await policy.pin(host, 443)

    if refused is None:
        asyncio.run(pin())
        assert policy.pinned(host)
    else:
        with pytest.raises(AddressRefused, match=refused):
            asyncio.run(pin())
        assert policy.pinned(host) is None


def test_unknown_host_is_host_not_found() -> None:
    policy = AddressPolicy(allow_private=False, resolver=_resolver(NAMES))
    with pytest.raises(HostNotFound, match="nowhere.example"):
        asyncio.run(policy.pin("nowhere.example", 80))


def test_a_host_is_resolved_once_per_run() -> None:
    calls: list[str] = []

    async def counting(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["93.184.215.14"]

    policy = AddressPolicy(allow_private=False, resolver=counting)

    async def pin_many() -> None:
        await asyncio.gather(*(policy.pin("News.Example", 443) for _ in range(5)))
        await policy.pin("news.example.", 80)

    asyncio.run(pin_many())
    assert calls == ["news.example"]


def test_backend_refuses_a_host_that_was_never_checked() -> None:
    backend = PinnedBackend(AddressPolicy(allow_private=True))
    with pytest.raises(httpcore.ConnectError, match="not checked"):
        asyncio.run(backend.connect_tcp("unchecked.example", 80))
