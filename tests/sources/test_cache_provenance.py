"""A cached snapshot is read only by a check whose own rules would have let it be fetched.

Every URL record keeps how its snapshot was fetched (the address each hop's answer came from,
whether private addresses were permitted, whether robots.txt allowed it). The tables cross how
a snapshot was fetched with what the reading check allows, offline (records written
directly: no network is involved) and online (a real server on 127.0.0.1, reached through a
test host name, since there the network path decides).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

import verify
from tests.helpers import DRAFT, PUBLIC_IP, LiveServer, fetched_from, send, source_server
from verify.model import FetchedSource, Snapshot, SourceRef, SourceStatus
from verify.sources.cache import SnapshotCache, sha256_hex
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions
from verify.sources.provenance import ROBOTS_ALLOWED, ROBOTS_IGNORED, Hop, Provenance, from_record

URL = "https://news.example/story"
BODY = b"<p>The ferry will run twice a day from May, the operator said.</p>"

# What a reading check allows: (allow_private, ignore_robots).
MODES = {
    "strict": (False, False),
    "allow-private": (True, False),
    "ignore-robots": (False, True),
    "both": (True, True),
}
EVERY_MODE = frozenset(MODES)
REFUSED = "cached snapshot refused: "
PRIVATE_MODES = frozenset({"allow-private", "both"})


def _via(*addresses: str, robots: str = ROBOTS_ALLOWED) -> Provenance:
    """Fetched under --allow-private, each hop's answer from the next address."""
    hops = tuple(Hop(f"{URL}?hop={k}", (address,)) for k, address in enumerate(addresses))
    return Provenance(hops=hops, allow_private=True, robots=robots)


# How a snapshot was fetched → the modes that may read it.
HOW_FETCHED: dict[str, tuple[Provenance, frozenset[str]]] = {
    "public": (fetched_from(URL), EVERY_MODE),
    "public, under --allow-private": (fetched_from(URL, allow_private=True), EVERY_MODE),
    "public, through a proxy": (fetched_from(URL, via_proxy=True), EVERY_MODE),
    "private network": (_via("10.20.0.7"), PRIVATE_MODES),
    "loopback after a public hop": (_via(PUBLIC_IP, "127.0.0.1"), PRIVATE_MODES),
    "IPv4-mapped private": (_via("::ffff:192.168.1.2"), PRIVATE_MODES),
    "cloud metadata service": (_via("169.254.169.254"), PRIVATE_MODES),
    "public, robots.txt ignored": (fetched_from(URL, robots=ROBOTS_IGNORED), frozenset({"ignore-robots", "both"})),
    "private, robots.txt ignored": (_via("10.20.0.7", robots=ROBOTS_IGNORED), frozenset({"both"})),
    "an address never allowed": (_via("0.0.0.0"), frozenset()),
}


def _store(cache_dir: Path, provenance: Provenance, url: str = URL, body: bytes = BODY) -> None:
    snapshot = Snapshot(url, url, 200, "text/html", "utf-8", "2026-11-23T10:00:00Z", sha256_hex(body), body)
    SnapshotCache(cache_dir).store(url, snapshot, {"Content-Type": "text/html"}, provenance)


def _offline(cache_dir: Path, mode: str, url: str = URL) -> FetchedSource:
    allow_private, ignore_robots = MODES[mode]
    options = FetchOptions(offline=True, allow_private=allow_private, ignore_robots=ignore_robots)
    (result,) = fetch_sources([SourceRef(url=url, path=None)], cache_dir=cache_dir, options=options)
    return result


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("how", list(HOW_FETCHED))
def test_offline_a_snapshot_is_read_only_under_rules_that_would_have_fetched_it(
    tmp_path: Path, how: str, mode: str
) -> None:
    provenance, readers = HOW_FETCHED[how]
    _store(tmp_path, provenance)
    result = _offline(tmp_path, mode)
    if mode in readers:
        assert (result.status, result.error) == (SourceStatus.OK, None)
        assert result.snapshot is not None and result.snapshot.from_cache and result.snapshot.body == BODY
        assert result.robots_ignored is (provenance.robots == ROBOTS_IGNORED)
    else:
        assert (result.status, result.snapshot) == (SourceStatus.BLOCKED, None)
        assert (result.error or "").startswith(REFUSED)
        assert "\n" not in (result.error or "")


PRIVATE_HINT = "not public; --allow-private permits it"
ROBOTS_HINT = "--ignore-robots reads it"


@pytest.mark.parametrize(
    ("how", "mode", "error"),
    [
        ("private network", "strict", f"it came from 10.20.0.7, which is private, {PRIVATE_HINT}"),
        (
            "cloud metadata service",
            "ignore-robots",
            f"it came from 169.254.169.254, which is link-local (cloud metadata service), {PRIVATE_HINT}",
        ),
        ("loopback after a public hop", "strict", f"it came from 127.0.0.1, which is loopback, {PRIVATE_HINT}"),
        ("public, robots.txt ignored", "allow-private", f"it was fetched with robots.txt ignored; {ROBOTS_HINT}"),
        ("an address never allowed", "both", "it came from 0.0.0.0, which is unspecified, not public"),
    ],
)
def test_a_refusal_says_why_in_one_line(tmp_path: Path, how: str, mode: str, error: str) -> None:
    _store(tmp_path, HOW_FETCHED[how][0])
    assert _offline(tmp_path, mode).error == REFUSED + error


def _record(cache_dir: Path, url: str = URL) -> dict[str, object]:
    data = json.loads(SnapshotCache(cache_dir).record_path(url).read_text())
    assert isinstance(data, dict)
    return data


def _rewrite(cache_dir: Path, change: dict[str, object], drop: Sequence[str] = (), url: str = URL) -> None:
    record = _record(cache_dir, url) | change
    for key in drop:
        del record[key]
    SnapshotCache(cache_dir).record_path(url).write_text(json.dumps(record))


PROVENANCE_KEYS = ("hops", "private", "allow_private", "robots", "via_proxy")


@pytest.mark.parametrize(
    ("change", "drop"),
    [
        ({}, ["hops"]),
        ({}, ["robots"]),
        ({}, ["allow_private"]),
        ({}, ["private"]),
        ({"hops": []}, []),
        ({"hops": [{"url": URL, "addresses": []}]}, []),
        ({"hops": [{"url": URL}]}, []),
        ({"hops": ["203.0.113.9"]}, []),
        ({"robots": "maybe"}, []),
        ({"allow_private": "no"}, []),
        ({"private": True}, []),  # says private, names only public addresses: contradicts itself
    ],
    ids=lambda value: json.dumps(value)[:40],
)
def test_a_record_that_does_not_say_how_it_was_fetched_is_never_served(
    tmp_path: Path, change: dict[str, object], drop: list[str]
) -> None:
    _store(tmp_path, fetched_from(URL))
    assert _offline(tmp_path, "both").status is SourceStatus.OK  # the record before the change
    _rewrite(tmp_path, change, drop)
    assert SnapshotCache(tmp_path).load(URL) is None
    result = _offline(tmp_path, "both")
    assert (result.status, result.error) == (SourceStatus.OFFLINE_MISS, "not in the cache (offline)")


def test_a_record_of_an_older_version_is_an_offline_miss_that_says_so(tmp_path: Path) -> None:
    _store(tmp_path, fetched_from(URL))
    _rewrite(tmp_path, {"schema": "verify-snapshot/1"}, drop=PROVENANCE_KEYS)
    result = _offline(tmp_path, "both")
    assert result.status is SourceStatus.OFFLINE_MISS and result.snapshot is None
    assert "older verify" in (result.error or "")


def test_the_record_round_trips_its_provenance(tmp_path: Path) -> None:
    provenance = _via(PUBLIC_IP, "fd00::5", robots=ROBOTS_IGNORED)
    _store(tmp_path, provenance)
    record = _record(tmp_path)
    assert record["schema"] == "verify-snapshot/2"
    assert (record["private"], record["allow_private"], record["robots"]) == (True, True, "ignored")
    assert from_record(record) == provenance
    cached = SnapshotCache(tmp_path).load(URL)
    assert cached is not None and cached.provenance == provenance


# ---------------------------------------------------------------------------
# Online, against a real server: what the network path decides
# ---------------------------------------------------------------------------

HOST = "intranet.test"  # a name that resolves, for these tests, to the server on 127.0.0.1
ROBOTS_DISALLOWING_A = "User-agent: *\nDisallow: /a\n"
PAGE = b"<html><body><p>The quay gate stays locked until the survey is done, the harbour master said.</p></body></html>"


def _fetch(
    server: LiveServer, cache_dir: Path, paths: Sequence[str] = ("/a",), addresses: Sequence[str] = ("127.0.0.1",),
    **options: object,
) -> tuple[FetchedSource, ...]:  # fmt: skip
    async def to_the_server(host: str, port: int) -> list[str]:
        return list(addresses) if host == HOST else []

    settings: dict[str, object] = {"connect_timeout": 2.0, "read_timeout": 2.0, "deadline": 10.0, **options}
    refs = [SourceRef(url=f"http://{HOST}:{server.port}{path}", path=None) for path in paths]
    return fetch_sources(refs, cache_dir=cache_dir, options=FetchOptions(**settings), resolver=to_the_server)  # type: ignore[arg-type]


def _serve(server: LiveServer, robots: str | None) -> None:
    server.routes["/a"] = lambda h: send(h, 200, PAGE)
    if robots is not None:
        server.routes["/robots.txt"] = lambda h: send(h, 200, robots.encode(), "text/plain")


# (how the snapshot was first fetched, the reading check's mode, offline) → status, from the cache?, error part
ONLINE_TABLE = [
    ("private", "strict", True, SourceStatus.BLOCKED, False, "it came from 127.0.0.1, which is loopback"),
    ("private", "strict", False, SourceStatus.BLOCKED, False, "address refused: 127.0.0.1 is loopback"),
    ("private", "ignore-robots", False, SourceStatus.BLOCKED, False, "address refused: 127.0.0.1 is loopback"),
    ("private", "allow-private", True, SourceStatus.OK, True, None),
    ("private", "allow-private", False, SourceStatus.OK, True, None),
    ("private, robots ignored", "strict", True, SourceStatus.BLOCKED, False, "127.0.0.1, which is loopback"),
    ("private, robots ignored", "allow-private", True, SourceStatus.BLOCKED, False, "robots.txt ignored"),
    ("private, robots ignored", "allow-private", False, SourceStatus.BLOCKED, False, "disallowed by robots.txt"),
    ("private, robots ignored", "both", True, SourceStatus.OK, True, None),
    ("private, robots ignored", "both", False, SourceStatus.OK, True, None),
]


@pytest.mark.network
@pytest.mark.parametrize(("how", "mode", "offline", "status", "from_cache", "error"), ONLINE_TABLE)
def test_a_snapshot_fetched_from_a_private_address_under_other_rules(
    live_server: LiveServer,
    tmp_path: Path,
    how: str,
    mode: str,
    offline: bool,
    status: SourceStatus,
    from_cache: bool,
    error: str | None,
) -> None:
    ignored_first = how.endswith("robots ignored")
    _serve(live_server, ROBOTS_DISALLOWING_A if ignored_first else None)
    (first,) = _fetch(live_server, tmp_path, allow_private=True, ignore_robots=ignored_first)
    assert first.status is SourceStatus.OK and first.snapshot is not None
    asked_before = live_server.count("/a")
    allow_private, ignore_robots = MODES[mode]
    (result,) = _fetch(
        live_server, tmp_path, offline=offline, allow_private=allow_private, ignore_robots=ignore_robots
    )
    assert result.status is status
    assert (result.snapshot is not None and result.snapshot.from_cache) is from_cache
    assert error is None and result.error is None or error in (result.error or "")
    if result.snapshot is not None:
        assert result.snapshot.body == PAGE and result.robots_ignored is ignored_first
    assert live_server.count("/a") == asked_before  # the page itself is never asked for again


@pytest.mark.network
def test_the_record_names_the_address_each_hop_was_answered_from(live_server: LiveServer, tmp_path: Path) -> None:
    _serve(live_server, None)
    live_server.routes["/start"] = lambda h: send(h, 302, headers=[("Location", "/a")])
    # 127.0.0.2 is tried first and refuses (the server listens on 127.0.0.1 only)
    (result,) = _fetch(live_server, tmp_path, ["/start"], addresses=["127.0.0.2", "127.0.0.1"], allow_private=True)
    assert result.status is SourceStatus.OK
    url = f"http://{HOST}:{live_server.port}/start"
    record = _record(tmp_path, url)
    assert record["hops"] == [
        {"url": url, "addresses": ["127.0.0.1"]},
        {"url": f"http://{HOST}:{live_server.port}/a", "addresses": ["127.0.0.1"]},
    ]
    assert (record["private"], record["allow_private"], record["robots"], record["via_proxy"]) == (
        True, True, "allowed", False,
    )  # fmt: skip


@pytest.mark.network
def test_a_snapshot_fetched_with_robots_ignored_is_fetched_again_when_robots_now_allows(
    live_server: LiveServer, tmp_path: Path
) -> None:
    _serve(live_server, ROBOTS_DISALLOWING_A)
    (first,) = _fetch(live_server, tmp_path, allow_private=True, ignore_robots=True)
    assert first.status is SourceStatus.OK and first.robots_ignored
    del live_server.routes["/robots.txt"]  # now answers 404: everything allowed
    (again,) = _fetch(live_server, tmp_path, allow_private=True)
    assert again.status is SourceStatus.OK and again.snapshot is not None and not again.snapshot.from_cache
    assert (again.robots_ignored, live_server.count("/a")) == (False, 2)
    assert _record(tmp_path, f"http://{HOST}:{live_server.port}/a")["robots"] == "allowed"
    (offline,) = _fetch(live_server, tmp_path, offline=True, allow_private=True)
    assert offline.status is SourceStatus.OK and offline.snapshot is not None and offline.snapshot.from_cache


@pytest.mark.network
@pytest.mark.parametrize("older", [True, False], ids=["older schema", "no provenance"])
def test_online_a_record_without_provenance_is_fetched_again_and_replaced(
    live_server: LiveServer, tmp_path: Path, older: bool
) -> None:
    _serve(live_server, None)
    url = f"http://{HOST}:{live_server.port}/a"
    _fetch(live_server, tmp_path, allow_private=True)
    _rewrite(tmp_path, {"schema": "verify-snapshot/1"} if older else {}, drop=PROVENANCE_KEYS, url=url)
    (result,) = _fetch(live_server, tmp_path, allow_private=True)
    assert result.status is SourceStatus.OK and result.snapshot is not None and not result.snapshot.from_cache
    assert live_server.count("/a") == 2
    assert _record(tmp_path, url)["schema"] == "verify-snapshot/2" and "hops" in _record(tmp_path, url)


@pytest.mark.network
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_a_page_cached_under_allow_private_gives_no_evidence_to_a_check_without_it(
    tmp_path: Path, offline: bool
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    cache = tmp_path / "cache"
    with source_server() as url:
        first = verify.check(draft, sources=[url], options=verify.Options(allow_private=True, cache_dir=cache))
        assert first.results[0].verdict is verify.Verdict.CONFIRMED
        later = verify.check(draft, sources=[url], options=verify.Options(offline=offline, cache_dir=cache))
    (source,) = later.sources
    assert (source.status, source.sha256, source.snapshot) == (SourceStatus.BLOCKED, None, None)
    assert "127.0.0.1 is loopback" in (source.error or "")
    (result,) = later.results
    assert (result.verdict, result.evidence) == (verify.Verdict.UNVERIFIED, None)
