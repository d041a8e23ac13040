"""Discovery in a check: for each claim no given source confirms, search, fetch, match, report.

Called once per run from ``check_many`` after the given sources are matched, and only when
the run asked for it (``Options.discover``, or ``Options.archive_fallback`` for the archive
alone): nothing before that line builds a client or sends a query.

Per draft, in order:

1. a given URL that is dead (404, 410, a soft 404, a parked domain) is read from its Wayback
   Machine capture closest before the draft's date, keeping its id;
2. with discovery, each claim no given source confirms gets its queries, cheapest first; every
   configured search service answers each (GDELT only for a draft inside its window); the
   hits are merged and ranked, and the best few pages are fetched through the ordinary fetcher
   (address policy, robots.txt, limits, retries, snapshot cache). A dead page is read from
   its archived copy; a teaser is listed as ``restricted``; a page repeating the draft is
   listed as a copy and backs nothing. The search for a claim stops as soon as a page confirms it;
3. the draft is matched again against its given sources and the pages kept, and the report
   says how each discovered source was found and which services ran or failed.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from verify.archive.intake import archive_sources
from verify.deadline import Deadline
from verify.discover.answers import AnswerCache
from verify.discover.gdelt import covers as gdelt_covers
from verify.discover.outlets import OutletDomains, registrable_domain
from verify.discover.rank import Candidate, canonical_url
from verify.discover.setup import SEARCH_ORDER, Services, build_services, choose_services
from verify.discover.types import ArchiveCapture, BackendFailure, SearchBackend, SearchHit, SearchRequest
from verify.model import (
    LOOK_FLAGS,
    ArchiveCopy,
    BackendProblem,
    Claim,
    ClaimResult,
    Discovery,
    DiscoveryRun,
    Document,
    FetchedSource,
    Report,
    SourceRef,
    SourceStatus,
    SourceText,
    Verdict,
)
from verify.options import Options
from verify.sources.pool import LoadedSource, load_pool, source_entry, with_page_outlet
from verify.sources.progress import FetchProgress
from verify.sources.resolve import NumberedSource, ref_key

SEARCH_BACK = timedelta(days=365)  # how far before the draft's date a source is looked for
GIVE_UP_AFTER = 2  # failures of one service before the run stops asking it
FETCH_PER_ROUND = 3  # candidates fetched after each query: the best few, not the whole answer
DEAD = frozenset({"dead", "soft_404", "parked"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_ORDER = {name: index for index, name in enumerate(("archive", *SEARCH_ORDER))}
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)  # "the Harbour Gazette" is filed as "Harbour Gazette"
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
NO_GENERAL_WEB = (
    "only recent news (GDELT) and archives were searched: no general web search (SearXNG or Brave) is configured"
)

OFFLINE = "offline: only answers already in the cache were used"

CheckDocument = Callable[[Document, Sequence[LoadedSource]], Report]
_T = TypeVar("_T")


def discover_sources(
    documents: Sequence[Document],
    loaded: Sequence[tuple[LoadedSource, ...]],
    reports: Sequence[Report],
    options: Options,
    check_document: CheckDocument,
    deadline: Deadline,
    *,
    services: Services | None = None,
    today: date | None = None,
) -> list[Report]:
    """Each draft's report after archive fallback and discovery; ``reports`` as they are when neither is on."""
    if not options.looks_up_archives:
        return list(reports)
    if services is None:
        from verify.sources.client import user_agent

        plan = choose_services(options.services, discover=options.discover, archive_fallback=options.archive_fallback)
        services = build_services(plan, user_agent=user_agent(options.contact))
        if options.discover:
            from verify.archive.backend import ArchiveBackend

            # The desk archive first: the newsroom's own pages, searched without sending a word anywhere.
            desk = ArchiveBackend(options.cache_path(), allow_private=options.allow_private)
            services = replace(services, search=(desk, *services.search))
    answers = AnswerCache(options.cache_path(), options.offline, options.refresh)
    run = _Run(options, services, answers, check_document, deadline, today or datetime.now(UTC).date())
    return [run.draft(d, list(s), r) for d, s, r in zip(documents, loaded, reports, strict=True)]


@dataclass
class _Found:
    """What searching found for one claim of one draft."""

    best: LoadedSource | None = None  # the page that backs the claim best, if any
    best_result: ClaimResult | None = None
    restricted: list[LoadedSource] = field(default_factory=list)
    copies: list[LoadedSource] = field(default_factory=list)


@dataclass
class _Run:
    options: Options
    services: Services
    answers: AnswerCache
    check_document: CheckDocument
    deadline: Deadline
    today: date
    used: dict[str, None] = field(default_factory=dict)  # services asked, in order
    failed: dict[str, str] = field(default_factory=dict)  # service -> why it first failed, one line
    failures: dict[str, int] = field(default_factory=dict)  # service -> failures so far
    planned: int = 0  # queries planned against the run's budget
    pages: dict[str, tuple[FetchedSource, SourceText | None]] = field(default_factory=dict)  # by URL, this run

    # --- one draft ---------------------------------------------------------------------------------------

    def draft(self, document: Document, sources: list[LoadedSource], report: Report) -> Report:
        when = self._draft_date(document)
        if self.services.wayback is not None:
            revived = [self._revived(s, when) for s in sources]
            if any(a is not b for a, b in zip(revived, sources, strict=True)):
                sources = revived
                report = self.check_document(document, sources)
        listed: list[LoadedSource] = []
        notes: dict[str, list[str]] = {}
        if self.options.discover:
            sources, listed, notes = self._search(document, sources, report, when)
            report = self.check_document(document, sources)
        return self._told(report, listed, notes)

    def _draft_date(self, document: Document) -> date:
        from verify.discover.dates import draft_date

        text = document.text
        if document.format == "html" and document.path and self.options.draft_date is None:
            try:  # the date sits in the page's head, which Document.text leaves out
                text = Path(document.path).read_bytes().decode("utf-8", "replace")
            except OSError:
                pass
        when, _ = draft_date(given=self.options.draft_date, text=text, format=document.format, today=self.today)
        return when

    def _search(
        self, document: Document, sources: list[LoadedSource], report: Report, when: date
    ) -> tuple[list[LoadedSource], list[LoadedSource], dict[str, list[str]]]:
        """The sources to match (given, then kept), the pages only listed, and notes by claim."""
        wanted = [r for r in report.checkable if r.verdict is not Verdict.CONFIRMED]
        kept: dict[str, LoadedSource] = {}  # by URL: a page found for two claims is listed once
        listed: dict[str, LoadedSource] = {}
        notes: dict[str, list[str]] = {}
        given = {s.numbered.ref.url for s in sources if s.numbered.ref.url}
        next_id = len(sources) + 1
        with FetchProgress(len(wanted), enabled=self.options.progress, label="searching") as bar:
            for result in wanted:
                self.deadline.poll()
                found = self._for_claim(document, result, when, given, [s.numbered.ref for s in sources])
                bar.advance(f"{result.claim.id}: {result.claim.text}", "found" if found.best else "not found")
                for page in ([found.best] if found.best else []) + found.restricted:
                    if _original(page) not in kept:
                        kept[_original(page)] = _renumbered(page, f"S{next_id}")
                        next_id += 1
                for page in found.copies:
                    listed.setdefault(_original(page), page)
                for teaser in found.restricted:
                    notes.setdefault(result.claim.id, []).append(
                        f"{_original(teaser)} shows only a teaser (a paywall, a consent or bot wall): give a saved "
                        "copy of it, url and path together in the sources file"
                    )
        copies = [page for url, page in listed.items() if url not in kept]
        return [*sources, *kept.values()], copies, notes

    def _for_claim(
        self, document: Document, result: ClaimResult, when: date, given: set[str], refs: Sequence[SourceRef]
    ) -> _Found:
        from verify.discover.copies import draft_shingles
        from verify.discover.queries import plan_queries
        from verify.discover.rank import rank_candidates

        claim = result.claim
        found = _Found()
        outlet = claim_outlet(claim, refs=refs, configured=self.options.outlets, lookup=self._outlet_lookup())
        requests = plan_queries(
            claim.text,
            speaker=claim.speaker.name if claim.speaker else None,
            domains=outlet.domains if outlet else (),
            since=when - SEARCH_BACK,
            until=when + timedelta(days=1),  # a page dated the draft's day, in any time zone
            budget=min(self.options.queries_per_claim, self.options.queries_per_run - self.planned),
        )
        hits: list[SearchHit] = []
        tried: set[str] = {canonical_url(url) for url in given}
        own_prose = draft_shingles(document.text)
        for request in requests:
            if self.planned >= self.options.queries_per_run:
                break
            self.planned += 1
            # The general web first; the news archive (5 s a request) only when that did not settle it.
            for tier in _tiers(self.services.search):
                asked = self._ask(tier, request, when)
                if not asked:
                    continue
                hits += asked
                ranked = rank_candidates(hits, claim_text=claim.text, outlet_domains=outlet.domains if outlet else (),
                                         outlet_name=outlet.name if outlet else None, draft_date=when)  # fmt: skip
                for candidate in [c for c in ranked if c.url not in tried][:FETCH_PER_ROUND]:
                    tried.add(candidate.url)
                    if self._try(candidate, result, outlet, when, own_prose, found):
                        return found
        if found.best_result is not None and found.best_result.verdict is Verdict.UNVERIFIED:
            found.best, found.best_result = None, None  # a stranger's page that does not back the claim is not listed
        return found

    def _try(
        self,
        candidate: Candidate,
        result: ClaimResult,
        outlet: OutletDomains | None,
        when: date,
        own_prose: frozenset[int],
        found: _Found,
    ) -> bool:
        """Fetch and weigh one candidate into ``found``; True when it confirms the claim."""
        page = self._page(candidate, result.claim.id, outlet, when)
        if page is None:
            return False
        if _is_copy(own_prose, page):
            found.copies.append(page)
        elif page.fetched.status is SourceStatus.RESTRICTED:
            found.restricted.append(page)
        elif page.text is not None:
            matched = self._match(result, page)
            if found.best_result is None or _better(matched, found.best_result):
                found.best, found.best_result = page, matched
            return _confirms(matched)
        return False

    # --- asking the services ----------------------------------------------------------------------------

    def _ask(self, backends: Sequence[SearchBackend], request: SearchRequest, when: date) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for backend in backends:
            if self.failures.get(backend.name, 0) >= GIVE_UP_AFTER:
                continue
            if backend.name == "gdelt" and not gdelt_covers(when, self.today):
                continue  # GDELT holds no older news: asking would cost a query for nothing
            self.used.setdefault(backend.name)
            if backend.name == "archive":  # local and current: its answers are never kept
                hits += self._guarded(backend.name, partial(backend.search, request), ())
                continue
            hits += self._guarded(backend.name, partial(self.answers.search, backend.name, request, backend.search), ())
        return hits

    def _guarded(self, name: str, ask: Callable[[], _T], otherwise: _T) -> _T:
        """``ask()``, or ``otherwise`` when the service fails: the run goes on and the report says why."""
        try:
            return ask()
        except BackendFailure as failure:
            reason = failure.reason
        except (OSError, ValueError) as error:  # a client error its module did not turn into a failure
            reason = f"{type(error).__name__}: {(str(error).splitlines() or [''])[0][:160]}"
        self.failed.setdefault(name, reason)
        self.failures[name] = self.failures.get(name, 0) + 1
        return otherwise

    def _outlet_lookup(self) -> Callable[[str], tuple[str, ...]] | None:
        lookup = self.services.wikidata
        if lookup is None or self.failures.get(lookup.name, 0) >= GIVE_UP_AFTER:
            return None

        def domains(name: str) -> tuple[str, ...]:
            name = _LEADING_ARTICLE.sub("", name).strip()
            if not any(word[:1].isupper() for word in name.split()):
                return ()  # "a statement", "an interview": no outlet's name to look up
            self.used.setdefault(lookup.name)
            return self._guarded(lookup.name, lambda: self.answers.domains(name, lookup.official_domains), ())

        return domains

    def _capture(self, url: str, when: date) -> ArchiveCapture | None:
        wayback = self.services.wayback
        if wayback is None or self.failures.get(wayback.name, 0) >= GIVE_UP_AFTER:
            return None
        self.used.setdefault(wayback.name)
        return self._guarded(wayback.name, lambda: self.answers.capture(url, when, self.today, wayback.closest), None)

    # --- pages --------------------------------------------------------------------------------------------

    def _fetch(self, refs: Sequence[SourceRef]) -> list[tuple[FetchedSource, SourceText | None]]:
        """Each ref fetched and read through the ordinary fetcher, once per run."""
        missing = [r for r in refs if ref_key(r) not in self.pages]
        if missing:
            pool = load_pool(missing, options=self.options.fetch_options(), cache_dir=self.options.cache_path(),
                             deadline=self.deadline)  # fmt: skip
            archive_sources(pool, self.options)  # what discovery read is the desk's next first answer
            self.pages.update(pool.by_location)
        return [self.pages[ref_key(r)] for r in refs]

    def _page(
        self, candidate: Candidate, claim_id: str, outlet: OutletDomains | None, when: date
    ) -> LoadedSource | None:
        # the listing named in the report: the general web's before the news archive's, then by rank
        hit = min(candidate.hits, key=lambda h: (_ORDER.get(h.backend, len(_ORDER)), h.rank))
        domains = {registrable_domain(d) for d in outlet.domains} if outlet is not None else set()
        on_outlet = registrable_domain(hit.url) in domains
        ref = SourceRef(
            url=hit.url,
            path=None,
            outlet=outlet.name if outlet is not None and on_outlet else None,
            origin="discovered",
            discovery=Discovery(hit.backend, hit.query, hit.rank, claim_id),
        )
        ((fetched, text),) = self._fetch([ref])
        page = _loaded(ref, fetched, text)
        state = _state(fetched, text)
        if state in DEAD or (fetched.status is SourceStatus.OFFLINE_MISS and self.options.offline):
            return self._archived(page, when)  # offline, a dead page's copy may still be in the cache
        if state == "restricted":
            return replace(page, fetched=replace(page.fetched, status=SourceStatus.RESTRICTED,
                                                  error="the page shows only a teaser"), text=None)  # fmt: skip
        return page

    def _revived(self, source: LoadedSource, when: date) -> LoadedSource:
        """A given URL that is dead, read from its archived copy instead (same id); else as it was."""
        ref = source.numbered.ref
        if ref.url is None or ref.path is not None or _state(source.fetched, source.text) not in DEAD:
            return source
        return self._archived(source, when) or source

    def _archived(self, page: LoadedSource, when: date) -> LoadedSource | None:
        original = page.numbered.ref.url
        if original is None:
            return None
        capture = self._capture(original, when)
        if capture is None:
            return page if page.numbered.ref.origin != "discovered" else None
        ((fetched, text),) = self._fetch([SourceRef(url=capture.url, path=None)])
        if _state(fetched, text) != "ok":
            return page if page.numbered.ref.origin != "discovered" else None
        final = fetched.snapshot.final_url if fetched.snapshot else None
        if final and final != capture.url and self.services.wayback is not None:
            capture = self.services.wayback.capture_from_replay_url(final) or capture  # replay moved to another capture
        ref = replace(page.numbered.ref, archive=ArchiveCopy(capture.url, capture.timestamp, capture.original_url))
        return _loaded(ref, fetched, text, page.numbered.id)

    def _match(self, result: ClaimResult, page: LoadedSource) -> ClaimResult:
        from verify.match import match_claims
        from verify.match.outlets import with_outlet_checks

        assert page.text is not None
        sid = page.numbered.id
        preferred = {result.claim.id: frozenset({sid})} if page.numbered.ref.outlet else None
        (matched,) = match_claims((result.claim,), [page.text], preferred=preferred, deadline=self.deadline)
        (checked,) = with_outlet_checks((matched,), {sid: page.numbered.ref.names()})
        return checked

    # --- the report ---------------------------------------------------------------------------------------

    def _told(self, report: Report, listed: Sequence[LoadedSource], notes: dict[str, list[str]]) -> Report:
        entries = [*report.sources]
        next_id = len(entries) + 1
        for page in listed:
            entry = source_entry(_renumbered(page, f"S{next_id}"))
            entries.append(replace(entry, copy_of_draft=True))
            next_id += 1
        results = tuple(
            replace(r, notes=(*r.notes, *notes[r.claim.id]))
            if r.claim.id in notes and r.verdict is not Verdict.CONFIRMED
            else r
            for r in report.results
        )
        general = self.options.discover and not self.services.general_web
        run = DiscoveryRun(
            backends=tuple(self.used),
            failures=tuple(BackendProblem(name, why) for name, why in self.failed.items()),
            queries=self.answers.asked,
            note="; ".join(n for n in (NO_GENERAL_WEB if general else "", OFFLINE if self.options.offline else "") if n)
            or None,
        )
        return replace(report, sources=tuple(entries), results=results, discovery=run)


# --- pure helpers ------------------------------------------------------------------------------------------


def _loaded(ref: SourceRef, fetched: FetchedSource, text: SourceText | None, source_id: str = "S0") -> LoadedSource:
    numbered = NumberedSource(source_id, ref)
    if text is not None:
        text = replace(text, source_id=source_id)
        numbered = replace(numbered, ref=with_page_outlet(ref, text.outlet))
    return LoadedSource(numbered, replace(fetched, ref=numbered.ref), text)


def _renumbered(page: LoadedSource, source_id: str) -> LoadedSource:
    text = replace(page.text, source_id=source_id) if page.text is not None else None
    return LoadedSource(NumberedSource(source_id, page.numbered.ref), page.fetched, text)


def outlet_names(claim: Claim) -> tuple[str, ...]:
    """Whose pages a claim's source would be on: the outlet it names, else a speaker that is an
    organisation ("according to the Northern Wire", "the Transport Office said")."""
    if claim.outlet:
        return (claim.outlet,)
    speaker = claim.speaker.name if claim.speaker else None
    return (speaker,) if speaker and _LEADING_ARTICLE.match(speaker) else ()


def claim_outlet(
    claim: Claim,
    *,
    refs: Sequence[SourceRef],
    configured: Sequence[tuple[str, ...]],
    lookup: Callable[[str], tuple[str, ...]] | None,
) -> OutletDomains | None:
    """The outlet whose pages would carry the claim's source: the first of ``outlet_names`` whose
    domains are known, or the outlet the claim names even when they are not; None without a name."""
    from verify.discover.outlets import resolve_outlet, shipped_table

    outlet = None
    for name in outlet_names(claim):
        outlet = resolve_outlet(name, refs=refs, configured=configured, table=shipped_table(), lookup=lookup)
        if outlet.domains or name == claim.outlet:
            break
    return outlet


def _tiers(backends: Sequence[SearchBackend]) -> tuple[tuple[SearchBackend, ...], ...]:
    """The search services in the order they are asked: the desk archive, the general web, then news."""
    desk = tuple(b for b in backends if b.name == "archive")
    news = tuple(b for b in backends if b.name == "gdelt")
    web = tuple(b for b in backends if b.name not in {"archive", "gdelt"})
    return tuple(tier for tier in (desk, web, news) if tier)


def _original(page: LoadedSource) -> str:
    ref = page.numbered.ref
    return ref.archive.original_url if ref.archive else (ref.url or ref.path or "")


def _state(fetched: FetchedSource, text: SourceText | None) -> str:
    """``ok``, ``dead``, ``soft_404``, ``parked``, ``restricted`` or ``failed`` for a fetched page."""
    from verify.discover.pages import classify_page

    snapshot = fetched.snapshot
    if fetched.status is not SourceStatus.OK or snapshot is None:
        if fetched.status is SourceStatus.NOT_FOUND or fetched.http_status is not None:
            kind = classify_page(http_status=fetched.http_status or 404, final_url=None, title="", main_text="",
                                 html=None)  # fmt: skip
            return kind.value if kind.value != "ok" else "failed"
        return "failed"
    markup = snapshot.body.decode("utf-8", "replace") if snapshot.content_type in HTML_TYPES else None
    title = _TITLE.search(markup) if markup else None
    return classify_page(
        http_status=snapshot.http_status,
        final_url=snapshot.final_url,
        title=html_module.unescape(title.group(1)).strip() if title else "",
        main_text=text.text if text is not None else "",
        html=markup,
    ).value


def _is_copy(own_prose: frozenset[int], page: LoadedSource) -> bool:
    from verify.discover.copies import is_copy_of_draft

    text = page.text.full_text or page.text.text if page.text is not None else None
    return text is not None and is_copy_of_draft(own_prose, text)


def _confirms(result: ClaimResult) -> bool:
    return result.verdict is Verdict.CONFIRMED and not LOOK_FLAGS.intersection(result.flags)


_BACKING = {Verdict.CONFIRMED: 2, Verdict.PARAPHRASED: 1, Verdict.UNVERIFIED: 0}


def _backing(result: ClaimResult) -> tuple[int, int, float]:
    verdict = _BACKING[result.verdict] if result.verdict else 0
    return verdict, -len(LOOK_FLAGS.intersection(result.flags)), result.score or 0.0


def _better(new: ClaimResult, old: ClaimResult) -> bool:
    """Whether ``new`` backs the claim better than ``old``: confirmed over paraphrased over the rest."""
    return _backing(new) > _backing(old)


__all__ = ["discover_sources", "SearchBackend"]
