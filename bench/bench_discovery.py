"""Queries and time per claim that discovery spends on a simulated web, against the ideal.

    .venv/bin/python bench/bench_discovery.py

The web is the labelled set's (tests/discover/labelled.toml: 24 drafts, 32 pages), served by
the API emulator on 127.0.0.1. Every request to a search, archive or Wikidata service costs
200 ms, and GDELT's limiter keeps its one request per 5 s; both are waited on a fake clock, so
the bench takes seconds while reporting the time a real run would wait. Pages are fetched for
real from 127.0.0.1 (their time is the local machine's, a few milliseconds each).

Two set-ups: SearXNG with GDELT (a newsroom with its own instance), and GDELT alone (the
keyless default). The ideal is an oracle that sends the one query that finds the right page:
one request and 200 ms a claim.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from tests.discover.apis import ApiEmulator, FakeClock, SimulatedWeb, emulating  # noqa: E402
from tests.discover.labelled import load  # noqa: E402
from verify.discover.types import SystemClock  # noqa: E402
from verify.model import ClaimKind  # noqa: E402
from verify.options import Options  # noqa: E402
from verify.pipeline import check_many  # noqa: E402

LATENCY = 0.2  # seconds a service takes to answer one request
BACKEND_MODULES = ("searxng", "gdelt", "wayback", "wikidata")


@dataclass(frozen=True)
class Figures:
    setup: str
    claims: int
    searches: int  # requests to SearXNG and GDELT
    lookups: int  # requests to Wikidata and the Wayback Machine
    waited: float  # seconds of service latency and rate-limit spacing (fake clock)
    local: float  # seconds the run took on this machine (fetching, reading, matching)

    def per_claim(self, value: float) -> float:
        return value / self.claims


@contextmanager
def simulated_services(clock: FakeClock) -> Iterator[None]:
    """Every backend request waits ``LATENCY`` on ``clock``; rate limits wait on it too; every host is local."""
    import importlib

    import verify.sources.netpolicy as netpolicy

    async def loopback(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    saved: list[tuple[Any, str, Any]] = [(netpolicy, "system_resolver", netpolicy.system_resolver),
                                         (SystemClock, "monotonic", SystemClock.monotonic),
                                         (SystemClock, "sleep", SystemClock.sleep)]  # fmt: skip
    netpolicy.system_resolver = loopback  # type: ignore[assignment]
    SystemClock.monotonic = lambda self: clock.monotonic()  # type: ignore[method-assign]
    SystemClock.sleep = lambda self, seconds: clock.sleep(seconds)  # type: ignore[method-assign]
    for name in BACKEND_MODULES:
        module = importlib.import_module(f"verify.discover.{name}")
        saved.append((module, "get", module.get))
        module.get = _slowed(module.get, clock)
    try:
        yield
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


def _slowed(get: Callable[..., Any], clock: FakeClock) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        clock.sleep(LATENCY)
        return get(*args, **kwargs)

    return slow


def run(setup: str, services: dict[str, str], apis: ApiEmulator, drafts: list[Path], cache: Path) -> Figures:
    clock = FakeClock()
    names = ("VERIFY_SEARXNG_URL", "VERIFY_GDELT_URL", "VERIFY_WAYBACK_URL", "VERIFY_WIKIDATA_URL",
             "VERIFY_BRAVE_API_KEY")  # fmt: skip
    saved = {name: os.environ.pop(name, None) for name in names}
    os.environ.update(services)
    before = len(apis.requests)
    try:
        with simulated_services(clock):
            started, waited_from = time.perf_counter(), clock.monotonic()
            options = Options(discover=True, allow_private=True, cache_dir=cache)
            outcomes = check_many(drafts, options=options)
            local = time.perf_counter() - started
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value
    asked = apis.requests[before:]
    claims = sum(1 for o in outcomes if o.report for r in o.report.results if r.claim.kind is not ClaimKind.TERM)
    return Figures(
        setup=setup,
        claims=claims,
        searches=sum(1 for s in asked if s.api in ("searxng", "gdelt")),
        lookups=sum(1 for s in asked if s.api in ("wayback", "wikidata")),
        waited=clock.monotonic() - waited_from,
        local=local,
    )


def measure(today: date | None = None) -> list[Figures]:
    today = today or date.today()
    figures = []
    with emulating(SimulatedWeb()) as apis, tempfile.TemporaryDirectory() as folder:
        cases = load(apis, today)
        drafts = []
        for number, case in enumerate(cases, start=1):
            draft = Path(folder) / f"case{number:02d}.md"
            draft.write_text(case.draft, encoding="utf-8")
            drafts.append(draft)
        keyless = {"VERIFY_GDELT_URL": apis.base_url("gdelt"), "VERIFY_WAYBACK_URL": apis.base_url("wayback"),
                   "VERIFY_WIKIDATA_URL": apis.base_url("wikidata")}  # fmt: skip
        setups = (("SearXNG and GDELT", {**keyless, "VERIFY_SEARXNG_URL": apis.base_url("searxng")}),
                  ("GDELT alone", keyless))  # fmt: skip
        for index, (setup, services) in enumerate(setups):
            figures.append(run(setup, services, apis, drafts, Path(folder) / f"cache{index}"))
        # the same run again on a warm cache: answers and pages from disk
        again = run("SearXNG and GDELT, re-check", setups[0][1], apis, drafts, Path(folder) / "cache0")
        figures.append(again)
    return figures


def main() -> int:
    figures = measure()
    print(f"{figures[0].claims} claims in 24 drafts; {LATENCY * 1000:.0f} ms a request, GDELT at most one per 5 s")
    print(f"{'set-up':<30} {'searches/claim':>15} {'look-ups/claim':>15} {'waited s/claim':>15} {'local s/claim':>14}")
    for f in figures:
        print(f"{f.setup:<30} {f.per_claim(f.searches):>15.2f} {f.per_claim(f.lookups):>15.2f} "
              f"{f.per_claim(f.waited):>15.2f} {f.per_claim(f.local):>14.3f}")  # fmt: skip
    print(f"{'ideal (one right query)':<30} {1.0:>15.2f} {0.0:>15.2f} {LATENCY:>15.2f} {'':>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
