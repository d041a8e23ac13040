"""The whole job as a library: draft in, Report out.

``check()`` and ``extract()`` are what the CLI, the service and a newsroom's own scripts
call. The stages are wired here and nowhere else:

    document ─► claims ─► source refs ─► fetched snapshots ─► readable texts ─► matches ─► Report
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from verify import forked
from verify.document import load_text, read_document
from verify.errors import InputError
from verify.model import (
    ArticleInfo,
    Claim,
    ClaimResult,
    Document,
    Flag,
    Report,
    SourceRef,
)
from verify.sources.options import FetchOptions
from verify.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from verify.sources.pool import LoadedSource

# The claim extractor, the matcher, the source readers (``verify.sources.pool`` and what it
# loads: TOML, the fetcher, the word store), the baseline and decisions code, and even datetime
# and the progress bar are imported where they are first used, not here. A check forks its
# claims child (``_claims_meanwhile``) before it needs any of them, so the child loads and runs
# the extractor while this process loads the rest and reads the sources. At 300 sources the
# extractor's modules took 0.02 s to load and the source readers as long, datetime 3 ms and the
# progress bar 0.5 ms: all of it was on the way to the claims before.

Draft = str | Path | Document


def default_cache_dir() -> Path:
    """``$VERIFY_CACHE_DIR``; else the repository's ``cache/`` when run from a checkout; else ~/.cache/verify."""
    configured = os.environ.get("VERIFY_CACHE_DIR")
    if configured:
        return Path(configured)
    checkout_cache = Path(__file__).resolve().parent.parent / "cache"
    if checkout_cache.is_dir() and (checkout_cache.parent / "pyproject.toml").is_file():
        return checkout_cache
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "verify"


def as_document(draft: Draft) -> Document:
    """A Document from a path (``Path``, or a ``str`` naming an existing file) or the draft text itself."""
    if isinstance(draft, Document):
        return draft
    if isinstance(draft, Path):
        return read_document(draft)
    if "\n" not in draft and len(draft) < 4096 and os.path.isfile(draft):
        return read_document(draft)
    return load_text(draft)


def extract(draft: Draft) -> tuple[Claim, ...]:
    """Every claim in the draft with its speaker, cue and outlet; nothing is fetched."""
    from verify.claims import extract_claims

    return extract_claims(as_document(draft))


def _now() -> str:
    """The report's ``generated_at``: UTC, to the second."""
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")


def _with_provenance(result: ClaimResult, by_id: Mapping[str, LoadedSource]) -> ClaimResult:
    """Name the snapshot behind the evidence, and flag a passage the source gives to someone else."""
    evidence = result.evidence
    if evidence is None or evidence.source not in by_id:
        return result
    loaded = by_id[evidence.source]
    snapshot = loaded.fetched.snapshot
    evidence = replace(evidence, snapshot=snapshot.sha256 if snapshot else None)
    flags = result.flags
    speaker = result.claim.speaker
    # A speaker with no name word ("the spokesperson") is the same as anyone (``same_speaker``),
    # so reading who the source credits could never flag it.
    if loaded.text is not None and speaker is not None and speaker.name and _name_words(speaker.name) and (
        Flag.SPEAKER_MISMATCH not in flags
    ):
        from verify.claims import speaker_of_passage

        text = loaded.text.text if evidence.in_main_text else (loaded.text.full_text or loaded.text.text)
        attributed = speaker_of_passage(text, evidence.start, evidence.end)
        if attributed and not same_speaker(speaker.name, attributed):
            flags = (*flags, Flag.SPEAKER_MISMATCH)
    return replace(result, evidence=evidence, flags=flags)


def _name_words(mention: str) -> set[str]:
    """The capitalised words of a mention that can name someone ("Kadyrov"), lower-cased."""
    return {w.strip(".,’'s").lower() for w in mention.split() if w[:1].isupper() and len(w) > 2}


def same_speaker(ours: str, theirs: str) -> bool:
    """Two mentions name the same speaker when they share a capitalised name word ("Kadyrov");
    a mention with no such word ("the spokesperson") is taken to be anyone."""
    mine, other = _name_words(ours), _name_words(theirs)
    return not mine or not other or bool(mine & other)


def check_document(
    document: Document,
    loaded: Sequence[LoadedSource],
    *,
    claims: Sequence[Claim] | None = None,
    baseline: Report | None = None,
    cache_dir: Path | None = None,
) -> Report:
    """Match one draft's claims against sources already loaded, and build its report.

    With a ``cache_dir``, each source text's words are kept there for the next check, and
    each local file that becomes evidence is copied into its snapshot store as soon as it
    does (``SourcePool.keep_cited`` names the copies in the report).

    With a ``baseline`` (an earlier report of this draft), claims whose words and
    evidence snapshot are unchanged keep their baseline result without being matched.
    """
    from verify.match import match_claims
    from verify.sources.cache import SnapshotCache
    from verify.sources.pool import copy_cited_file, source_entry
    from verify.sources.resolve import preferred_sources
    from verify.sources.wordcache import WordCache

    if claims is None:
        from verify.claims import extract_claims

        claims = extract_claims(document)
    claims = tuple(claims)
    texts = [s.text for s in loaded if s.text is not None]
    unavailable = frozenset(s.numbered.id for s in loaded if s.text is None)
    preferred = preferred_sources(claims, [s.numbered for s in loaded])
    by_id = {s.numbered.id: s for s in loaded}
    reused = {}
    if baseline is not None:
        from verify.baseline import reuse_for_sources

        reused = reuse_for_sources(claims, loaded, baseline)
    to_match = tuple(c for c in claims if c.id not in reused)
    store = WordCache(cache_dir) if cache_dir is not None else None
    snapshots = SnapshotCache(cache_dir) if cache_dir is not None else None
    copied: set[str] = set()  # sources this process has copied (the matcher's child has its own)

    def finish(result: ClaimResult) -> ClaimResult:
        result = _with_provenance(result, by_id)
        if snapshots is not None:
            copy_cited_file(result, by_id, snapshots, copied)
        return result

    # ``finish`` runs where each result is made, in the matcher's child too: the copies are
    # made while the other process is still matching, not in a step of their own afterwards.
    results_matched = match_claims(
        to_match, texts, preferred=preferred, unavailable=unavailable, word_store=store, finish=finish
    )
    matched = {r.claim.id: r for r in results_matched}
    results = tuple(finish(reused[c.id]) if c.id in reused else matched[c.id] for c in claims)
    return Report(
        tool_version=__version__,
        article=ArticleInfo(document.path, document.sha256, document.text, document.format),
        sources=tuple(source_entry(s) for s in loaded),
        results=results,
        generated_at=_now(),
    )


def check(
    draft: Draft,
    *,
    sources: Sequence[str | SourceRef] = (),
    sources_file: str | Path | None = None,
    offline: bool = False,
    refresh: bool = False,
    allow_private: bool = False,
    ignore_robots: bool = False,
    cache_dir: str | Path | None = None,
    options: FetchOptions | None = None,
    progress: bool = False,
    baseline: Report | None = None,
    decisions: str | Path | None = None,
) -> Report:
    """Check one draft end to end and return its Report.

    ``draft`` is a path or the draft's text; ``sources`` are URLs or local paths;
    ``sources_file`` is a TOML sources file; ``baseline`` an earlier report of the draft;
    ``decisions`` an editor decisions file. A source that cannot be had is reported
    with its status; it never stops the check.
    """
    document = as_document(draft)  # an unreadable draft raises InputError here
    fetch_options = options or FetchOptions(
        offline=offline, refresh=refresh, allow_private=allow_private, ignore_robots=ignore_robots
    )
    (outcome,) = check_many(
        [document],
        sources=sources,
        sources_file=sources_file,
        options=fetch_options,
        cache_dir=cache_dir,
        progress=progress,
        baseline=baseline,
    )
    assert outcome.report is not None  # the document is already read
    report = outcome.report
    if decisions is not None:
        from verify.decisions import with_decisions

        report, _unused = with_decisions(report, decisions)
    if baseline is not None:
        from verify.baseline import compare_with_baseline

        report = compare_with_baseline(report, baseline, None)
    return report



@dataclass(frozen=True)
class DraftOutcome:
    """One draft of a batch: its report, or the one-line reason it could not be read."""

    location: str
    report: Report | None
    error: str | None = None


def _check_one(
    document: Document,
    loaded: tuple[LoadedSource, ...],
    baseline: Report | None = None,
    cache_dir: Path | None = None,
    claims: tuple[Claim, ...] | None = None,
) -> Report:
    return check_document(document, loaded, claims=claims, baseline=baseline, cache_dir=cache_dir)


# Drafts this long in all have their claims extracted in a forked child while the sources load.
# Measured on the bench draft: extraction costs about 1.3 ms per 1,000 characters, and the fork
# plus reading the claims back 2-3 ms of this process whatever the length; from 5,000
# characters (a short news story) the child saves at least as much as it costs, as long as
# loading the sources takes as long as the extraction (reading a few files, or any fetch).
CLAIMS_IN_CHILD_MIN_CHARS = 5_000


def _claims_meanwhile(documents: Sequence[Document]) -> forked.Forked[list[tuple[Claim, ...]]] | None:
    """A child extracting each draft's claims, when that is worth a fork and safe."""
    if sum(len(d.text) for d in documents) < CLAIMS_IN_CHILD_MIN_CHARS or not forked.can_fork():
        return None

    def extract_all() -> list[tuple[Claim, ...]]:
        from verify.claims import extract_claims  # in the child: see the note on imports above

        return [extract_claims(d) for d in documents]

    try:
        return forked.Forked(extract_all)
    except forked.ForkFailed:
        return None


def check_many(
    drafts: Sequence[Draft],
    *,
    sources: Sequence[str | SourceRef] = (),
    sources_file: str | Path | None = None,
    options: FetchOptions | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    jobs: int = 1,
    baseline: Report | None = None,
) -> tuple[DraftOutcome, ...]:
    """Check several drafts, fetching each source once for all of them.

    A draft that cannot be read is reported as such; the others are still checked.
    With ``jobs > 1`` drafts are matched in that many worker processes.
    """
    documents: list[tuple[str, Document | None, str | None]] = []
    for draft in drafts:
        label = str(draft) if not isinstance(draft, Document) else (draft.path or "-")
        try:
            documents.append((label, as_document(draft), None))
        except InputError as exc:
            documents.append((label, None, str(exc)))
    readable = [doc for _, doc, _ in documents if doc is not None]
    extracting = _claims_meanwhile(readable)  # first: the sources file is read meanwhile too
    with extracting or contextlib.nullcontext():
        from verify.sources.pool import load_pool, named_refs  # after the fork: see the note on imports
        from verify.sources.resolve import merge_refs, refs_from_links

        shared = named_refs(sources=sources, sources_file=sources_file)
        per_draft = {id(doc): merge_refs(shared, refs_from_links(doc)) for doc in readable}
        pool = load_pool(
            [ref for refs in per_draft.values() for ref in refs] or list(shared),
            options=options or FetchOptions(),
            cache_dir=Path(cache_dir) if cache_dir is not None else default_cache_dir(),
            progress=progress,
        )
        # None: the draft's claims are extracted when it is checked (no child, or it failed)
        claims_of: list[tuple[Claim, ...] | None] = [None] * len(readable)
        if extracting is not None:
            import verify.match  # noqa: F401 - loaded here, while the child may still be extracting

            with contextlib.suppress(forked.ForkFailed):
                claims_of = list(extracting.result())
    serves = [False] * len(readable)  # --baseline serves the only draft, or in a batch the draft it was made from
    if baseline is not None:
        from verify.baseline import baseline_applies

        serves = [baseline_applies(doc.path, baseline, only_draft=len(readable) == 1) for doc in readable]
    work = [
        (doc, pool.for_refs(per_draft[id(doc)]), baseline if use else None, pool.cache_dir, claims)
        for doc, use, claims in zip(readable, serves, claims_of, strict=True)
    ]
    from verify.sources.progress import FetchProgress

    reports: list[Report] = []
    with FetchProgress(len(work), enabled=progress and len(work) > 1, label="checking drafts") as bar:
        if jobs > 1 and len(work) > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=jobs) as executor:
                for document, report in zip(readable, executor.map(_check_one, *zip(*work, strict=True)), strict=True):
                    reports.append(report)
                    bar.advance(document.path or "-", "checked")
        else:
            for document, loaded, old, cache, claims in work:
                reports.append(_check_one(document, loaded, old, cache, claims))
                bar.advance(document.path or "-", "checked")
    report_iter = iter([pool.keep_cited(report) for report in reports])
    return tuple(
        DraftOutcome(label, next(report_iter) if doc is not None else None, error)
        for label, doc, error in documents
    )
