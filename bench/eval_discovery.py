"""Score discovery on its labelled set: is the right page found, and is a wrong one ever trusted?

    .venv/bin/python bench/eval_discovery.py [--show-errors]

The labelled set (tests/discover/labelled.toml) is served by the API emulator on 127.0.0.1
(SearXNG, GDELT, the Wayback Machine and Wikidata over fictional pages; no Brave key), with
a fake clock for the services' rate limits. Two measures:

- **ranking**: each case's first claim is searched with its whole query budget (no early
  stop), the answers of every service merged and ranked as a run ranks them; recall at k is
  the share of cases whose right page is among the first k candidates;
- **end to end**: every draft is checked with ``--discover`` in one run; a case is *found*
  when its claim's evidence comes from the right page (or its archived copy), *wrong* when it
  is confirmed or paraphrased from any other page, and *missed* otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from tests.discover.apis import ApiEmulator, FakeClock, SimulatedWeb, emulating  # noqa: E402
from tests.discover.labelled import Case, load  # noqa: E402
from verify.discover.gdelt import GdeltSearch, covers  # noqa: E402
from verify.discover.queries import plan_queries  # noqa: E402
from verify.discover.rank import canonical_url, rank_candidates  # noqa: E402
from verify.discover.run import claim_outlet  # noqa: E402
from verify.discover.searxng import SearxngSearch  # noqa: E402
from verify.discover.types import BackendFailure, SearchHit, SystemClock  # noqa: E402
from verify.discover.wikidata import WikidataOutlets  # noqa: E402
from verify.model import ClaimKind, Report, Verdict  # noqa: E402
from verify.options import QUERIES_PER_CLAIM, Options  # noqa: E402
from verify.pipeline import check_many, extract  # noqa: E402

KS = (1, 5)
SERVICES = (("searxng", "VERIFY_SEARXNG_URL"), ("gdelt", "VERIFY_GDELT_URL"), ("wayback", "VERIFY_WAYBACK_URL"),
            ("wikidata", "VERIFY_WIKIDATA_URL"))  # fmt: skip


@dataclass(frozen=True)
class Scored:
    case: Case
    position: int | None  # of the right page in the ranking, from 1; None when not ranked
    outcome: str  # "found", "wrong" or "missed" end to end
    detail: str


def _bare_lookup(wikidata: WikidataOutlets) -> Callable[[str], tuple[str, ...]]:
    """Wikidata asked for an outlet's name without its article, as a run asks it."""
    return lambda name: wikidata.official_domains(name.removeprefix("the ").removeprefix("The "))


def ranking_position(apis: ApiEmulator, case: Case, today: date, clock: FakeClock) -> int | None:
    """Where the right page comes in the ranking of everything the claim's whole budget finds."""
    claim = next(c for c in extract(text=case.draft) if c.kind is not ClaimKind.TERM)
    wikidata = WikidataOutlets(apis.base_url("wikidata"), clock=clock)
    outlet = claim_outlet(claim, refs=(), configured=(), lookup=_bare_lookup(wikidata))
    requests = plan_queries(
        claim.text,
        speaker=claim.speaker.name if claim.speaker else None,
        domains=outlet.domains if outlet else (),
        since=case.day - timedelta(days=365),
        until=case.day + timedelta(days=1),
        budget=QUERIES_PER_CLAIM,
    )
    backends = [SearxngSearch(apis.base_url("searxng"), clock=clock, today=lambda: today)]
    if covers(case.day, today):
        backends.append(GdeltSearch(apis.base_url("gdelt"), clock=clock))  # type: ignore[arg-type]
    hits: list[SearchHit] = []
    for request in requests:
        for backend in backends:
            try:
                hits += backend.search(request)
            except BackendFailure:
                continue
    ranked = rank_candidates(hits, claim_text=claim.text, outlet_domains=outlet.domains if outlet else (),
                             outlet_name=outlet.name if outlet else None, draft_date=case.day)  # fmt: skip
    urls = [c.url for c in ranked]
    right = canonical_url(case.right)
    return urls.index(right) + 1 if right in urls else None


def end_to_end(report: Report, case: Case) -> tuple[str, str]:
    result = next(r for r in report.checkable)
    source = report.source(result.evidence.source) if result.evidence else None
    if source is None or result.verdict not in (Verdict.CONFIRMED, Verdict.PARAPHRASED):
        verdict = result.verdict.value if result.verdict else "-"
        return "missed", f"{verdict} ({result.reason.value if result.reason else '-'})"
    where = source.archive.original_url if source.archive else source.url or ""
    if canonical_url(where) == canonical_url(case.right):
        return "found", f"{result.verdict.value} from the right page" + (" (archived)" if source.archive else "")
    return "wrong", f"{result.verdict.value} from {where}"


def evaluate(today: date | None = None) -> list[Scored]:
    import verify.sources.netpolicy as netpolicy

    today = today or date.today()
    clock = FakeClock()

    async def loopback(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    saved = (netpolicy.system_resolver, SystemClock.monotonic, SystemClock.sleep)
    netpolicy.system_resolver = loopback  # type: ignore[assignment]
    SystemClock.monotonic = lambda self: clock.monotonic()  # type: ignore[method-assign]
    SystemClock.sleep = lambda self, seconds: clock.sleep(seconds)  # type: ignore[method-assign]
    try:
        with emulating(SimulatedWeb()) as apis, tempfile.TemporaryDirectory() as folder:
            cases = load(apis, today)
            positions = [ranking_position(apis, case, today, clock) for case in cases]
            drafts = []
            for number, case in enumerate(cases, start=1):
                draft = Path(folder) / f"case{number:02d}.md"
                draft.write_text(case.draft, encoding="utf-8")
                drafts.append(draft)
            cache = Path(folder) / "cache"
            options = Options(discover=True, archive_fallback=True, allow_private=True, cache_dir=cache)
            env = {variable: apis.base_url(api) for api, variable in SERVICES}
            outcomes = _with_env(env, lambda: check_many(drafts, options=options))
            scored = []
            for case, position, outcome in zip(cases, positions, outcomes, strict=True):
                assert outcome.report is not None, outcome.error
                verdict, detail = end_to_end(outcome.report, case)
                scored.append(Scored(case, position, verdict, detail))
            return scored
    finally:
        netpolicy.system_resolver, SystemClock.monotonic, SystemClock.sleep = saved  # type: ignore[method-assign]


def _with_env(env: dict[str, str], run):  # type: ignore[no-untyped-def]
    import os

    saved = {k: os.environ.get(k) for k in (*env, "VERIFY_BRAVE_API_KEY")}
    os.environ.update(env)
    os.environ.pop("VERIFY_BRAVE_API_KEY", None)
    try:
        return run()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def figures(scored: list[Scored]) -> dict[str, float]:
    total = len(scored)
    found = {f"recall@{k}": sum(1 for s in scored if s.position is not None and s.position <= k) / total for k in KS}
    found["found end to end"] = sum(1 for s in scored if s.outcome == "found") / total
    found["wrong page"] = sum(1 for s in scored if s.outcome == "wrong") / total
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true",
                        help="list the cases not ranked first, or not found end to end")  # fmt: skip
    args = parser.parse_args(argv)
    scored = evaluate()
    print(f"{len(scored)} labelled cases (tests/discover/labelled.toml)")
    for name, value in figures(scored).items():
        print(f"{name:>18}: {value:.2f}")
    if args.show_errors:
        for s in scored:
            if s.position != 1 or s.outcome != "found":
                print(f"- {s.case.id}: ranked {s.position or 'not at all'}; end to end {s.outcome}, {s.detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
