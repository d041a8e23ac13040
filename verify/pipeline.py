"""The whole job as a library: drafts in, Reports out.

``check_many`` is the one composition of a check, and ``check`` its one-draft form; the CLI
and the service only translate their inputs into a call of one of them. The stages are
wired here and nowhere else:

    document ─► claims ─► source refs ─► fetched snapshots ─► readable texts ─► matches ─► Report
                                                            (then editor decisions and the baseline)
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from verify.archive.intake import archive_sources
from verify.baseline import baseline_applies, compare_with_baseline, load_baseline, reuse_for_sources
from verify.claims import extract_claims
from verify.deadline import NO_DEADLINE, Deadline
from verify.decisions import (
    EditorDecision,
    apply_decisions,
    decisions_path,
    unused_decisions,
    unused_warning,
    with_decisions,
)
from verify.document import DRAFT_SUFFIXES, load_text, read_document
from verify.errors import InputError
from verify.match import match_claims
from verify.match.index import SourceIndex
from verify.match.outlets import with_outlet_checks
from verify.model import ArticleInfo, Claim, ClaimResult, Document, Report, Snapshot, SourceRef, SourceText
from verify.options import Options
from verify.sources.pool import LoadedSource, SourcePool, load_pool, named_refs, source_entry
from verify.sources.progress import FetchProgress
from verify.sources.resolve import (
    load_sources_file,
    merge_refs,
    preferred_sources,
    ref_key,
    refs_from_links,
    sources_file_beside,
    with_outlet_names,
)
from verify.sources.shared import read_texts_file, texts_file
from verify.version import __version__

if TYPE_CHECKING:  # a check without workers never loads concurrent.futures
    from concurrent.futures import Executor

Draft = str | Path | Document
# Editor decisions: a decisions file's path, or rulings already read (``decisions_from_tables``).
Decisions = str | Path | Sequence[EditorDecision]

# A string this short, on one line, ending in a draft suffix, is meant as a path, not as a draft.
_PATH_LIKE_MAX_CHARS = 4096


def as_document(draft: Draft) -> Document:
    """A Document from a path (``Path``, or a ``str`` naming a file) or the draft text itself.

    A one-line string that ends in a draft suffix (``notes/pier.md``) is a path even when no
    such file exists: checking the file name as if it were the draft would pass silently.
    """
    if isinstance(draft, Document):
        return draft
    if isinstance(draft, Path):
        return read_document(draft)
    if "\n" not in draft and len(draft) < _PATH_LIKE_MAX_CHARS:
        if os.path.isfile(draft) or Path(draft.strip()).suffix.lower() in DRAFT_SUFFIXES:
            return read_document(draft.strip())
    return load_text(draft)


def _one_draft(draft: Draft | None, path: str | Path | None, text: str | None) -> Document:
    given = [d for d in (draft, path, text) if d is not None]
    if len(given) != 1:
        raise InputError("give exactly one draft: a positional draft, path=… or text=…")
    if path is not None:
        return read_document(path)
    if text is not None:
        return load_text(text)
    assert draft is not None
    return as_document(draft)


def extract(
    draft: Draft | None = None, *, path: str | Path | None = None, text: str | None = None
) -> tuple[Claim, ...]:
    """Every claim in the draft with its speaker, cue and outlet; nothing is fetched."""
    return extract_claims(_one_draft(draft, path, text))


@dataclass(frozen=True)
class DraftOutcome:
    """One draft of a batch: its report, or the one-line reason it could not be read."""

    location: str
    report: Report | None
    error: str | None = None
    warnings: tuple[str, ...] = ()  # one line each, for a person: an editor decision that matched no claim


def check(
    draft: Draft | None = None,
    *,
    path: str | Path | None = None,
    text: str | None = None,
    sources: Sequence[str | SourceRef] = (),
    sources_file: str | Path | None = None,
    baseline: Report | str | Path | None = None,
    decisions: Decisions | None = None,
    options: Options | None = None,
) -> Report:
    """Check one draft end to end and return its Report: ``check_many`` for a single draft.

    The draft is ``path=``, ``text=``, or one positional value (a ``Path``, a ``Document``, or a
    string that is a file's path or else the draft's text). Warnings about editor decisions are
    issued as ``UserWarning``.
    """
    document = _one_draft(draft, path, text)
    (outcome,) = check_many(
        [document], sources=sources, sources_file=sources_file, baseline=baseline, decisions=decisions, options=options
    )
    if outcome.report is None:
        raise InputError(outcome.error or f"{outcome.location}: cannot be checked")
    for warning in outcome.warnings:
        warnings.warn(warning, UserWarning, stacklevel=2)
    return outcome.report


def check_many(
    drafts: Sequence[Draft],
    *,
    sources: Sequence[str | SourceRef] = (),
    sources_file: str | Path | None = None,
    baseline: Report | str | Path | None = None,
    decisions: Decisions | None = None,
    options: Options | None = None,
    on_outcome: Callable[[int, DraftOutcome], None] | None = None,
) -> tuple[DraftOutcome, ...]:
    """Check several drafts, fetching and reading each source once for all of them.

    Each draft is checked against the sources named here and its own links. ``decisions`` is
    an editor decisions file for every draft; without it each draft's ``DRAFT.verify.toml``
    is read when it exists. ``baseline`` (a report, or the path of a saved one) is an earlier
    report of the only draft, or in a batch of the draft it names: its unchanged claims keep
    their results, and the report says what changed. A draft that cannot be read is reported
    as such; the others are still checked. With ``options.time_limit``, the check stops at its
    next step once the limit has passed and raises ``CheckTimeout``: no source is fetched
    after it, and no claim matched. ``on_outcome`` is called with each checked draft's
    position in ``drafts`` and its outcome as soon as it is finished (with
    ``options.scheduler``, in the order the cluster finishes them).
    """
    options = options or Options()
    deadline = Deadline.after(options.time_limit)
    baseline_path = None
    if isinstance(baseline, (str, Path)):
        baseline_path = str(baseline)
        baseline = load_baseline(baseline)  # a bad baseline fails before any fetch
    shared = named_refs(sources=sources, sources_file=sources_file)
    outcomes: list[DraftOutcome | None] = []  # None: still to check
    readable: list[Document] = []
    per_draft: list[tuple[SourceRef, ...]] = []
    for draft in drafts:
        label = str(draft) if not isinstance(draft, Document) else (draft.path or "-")
        try:
            document = as_document(draft)
            refs = merge_refs(_sources_beside(document, sources_file), shared, refs_from_links(document))
        except InputError as exc:  # this draft cannot be checked; the others still are
            outcomes.append(DraftOutcome(label, None, str(exc)))
            continue
        outcomes.append(None)
        readable.append(document)
        per_draft.append(with_outlet_names(refs, options.outlets))
    with _batch_workers(options, len(readable)) as workers:
        pool = load_pool(
            [ref for refs in per_draft for ref in refs] or list(shared),
            options=options.fetch_options(),
            cache_dir=options.cache_path(),
            progress=options.progress,
            deadline=deadline,
            workers=workers,
        )
        deadline.poll()  # sources cut short by the limit must not reach a report as mere timeouts
        archive_sources(pool, options)
        serves = [
            baseline is not None and baseline_applies(doc.path, baseline, only_draft=len(readable) == 1)
            for doc in readable
        ]
        loaded = [pool.for_refs(refs) for refs in per_draft]
        notes: dict[int, str] = {}  # a line for a draft's outcome, by the draft's place in ``readable``
        matched: Iterable[tuple[int, Report]]
        if options.scheduler is not None:
            from verify.cluster import match_on_cluster  # Dask is loaded only when a scheduler is named

            baselines = [baseline if serve else None for serve in serves]
            matched = match_on_cluster(readable, loaded, baselines, options, deadline)
        else:
            matched = _match_all(readable, loaded, pool, baseline, serves, options, deadline, workers, notes)
        if options.looks_up_archives:  # discovery needs every draft's first report, then finishes them in order
            first = dict(matched)
            matched = enumerate(
                _discover(readable, loaded, [first[k] for k in range(len(readable))], options, deadline)
            )
        labels = [str(d) if not isinstance(d, Document) else (d.path or "-") for d in drafts]
        positions = [k for k, outcome in enumerate(outcomes) if outcome is None]  # of each readable draft
        for k, report in matched:  # in the order drafts finish
            document, serve, position = readable[k], serves[k], positions[k]
            done = _finish(document, pool.keep_cited(report), decisions, baseline if serve else None, baseline_path)
            warned = (*done.warnings, notes[k]) if k in notes else done.warnings
            outcomes[position] = done = replace(done, location=labels[position], warnings=warned)
            if on_outcome is not None:
                on_outcome(position, done)
    finished = tuple(o for o in outcomes if o is not None)
    assert len(finished) == len(outcomes), "every readable draft has a report"
    return finished


def _discover(
    documents: Sequence[Document],
    loaded: Sequence[tuple[LoadedSource, ...]],
    reports: list[Report],
    options: Options,
    deadline: Deadline,
) -> list[Report]:
    """The reports after searching for what no given source confirms; untouched unless the run asked.

    Without ``options.discover`` or ``options.archive_fallback`` nothing is imported, built or sent.
    """
    if not options.looks_up_archives:
        return reports
    from verify.discover.run import discover_sources

    def recheck(document: Document, sources: Sequence[LoadedSource]) -> Report:
        return check_document(document, sources, None, deadline)

    return discover_sources(documents, loaded, reports, options, recheck, deadline)


def _sources_beside(document: Document, sources_file: str | Path | None) -> tuple[SourceRef, ...]:
    """The sources file beside the draft (``pier.sources.toml`` for ``pier.md``), unless it is ``sources_file``."""
    beside = sources_file_beside(document.path)
    if beside is None or (sources_file is not None and Path(sources_file).resolve() == beside.resolve()):
        return ()
    return load_sources_file(beside)


def _finish(
    document: Document,
    report: Report,
    decisions: Decisions | None,
    baseline: Report | None,
    baseline_path: str | None,
) -> DraftOutcome:
    """The report with the editor's decisions and the baseline's changes; a bad decisions file is the draft's error."""
    notes: tuple[str, ...] = ()
    try:
        if decisions is not None and not isinstance(decisions, (str, Path)):
            report = apply_decisions(report, decisions)
            notes = tuple(unused_warning(d, "decisions") for d in unused_decisions(report, decisions))
        elif (decisions_file := decisions_path(document.path, decisions)) is not None:
            report, notes = with_decisions(report, decisions_file)
    except InputError as exc:
        return DraftOutcome(document.path or "-", None, str(exc))
    if baseline is not None:
        report = compare_with_baseline(report, baseline, baseline_path)
    return DraftOutcome(document.path or "-", report, None, notes)


@contextmanager
def _batch_workers(options: Options, drafts: int) -> Iterator[Executor | None]:
    """The worker processes of a batch run with ``options.jobs`` > 1, or None (work in this process).

    Workers are spawned, never forked (a library must not fork its caller's process). The same
    workers read the batch's pages and then match its drafts, so both cores are busy from the
    first page on. On an error (a time limit passed) the work not started yet is dropped.
    """
    if options.jobs <= 1 or drafts <= 1 or options.scheduler is not None:
        yield None
        return
    import multiprocessing  # here: only a batch with workers needs them
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(
        max_workers=min(options.jobs, drafts), mp_context=multiprocessing.get_context("spawn")
    )
    try:
        yield executor
    except BaseException:
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def _match_all(
    documents: Sequence[Document],
    loaded: Sequence[tuple[LoadedSource, ...]],
    pool: SourcePool,
    baseline: Report | None,
    serves: Sequence[bool],
    options: Options,
    deadline: Deadline,
    workers: Executor | None,
    notes: dict[int, str],
) -> Iterator[tuple[int, Report]]:
    """Each draft's position and report, in this process or in the batch's ``workers``, yielded
    as it is matched so that its report is written while the next draft is.

    Should a worker stop, the drafts not yet yielded are matched here instead, and ``notes``
    gets a line for each, saying so.

    One index is built over the readable texts of every source of the batch (``pool``), each
    under its location (``ref_key``), and each draft sees its own sources' part of it.
    Each worker maps the texts from one file and builds its own index once, and a draft's task
    carries its sources without their page bytes. Workers get the same ``deadline``: the
    monotonic clock is the machine's, not the process's.
    """
    work = [
        (document, sources, baseline if serve else None, deadline)
        for document, sources, serve in zip(documents, loaded, serves, strict=True)
    ]
    with FetchProgress(len(work), enabled=options.progress and len(work) > 1, label="checking drafts") as bar:
        first_here = 0  # the first draft this process matches itself
        if workers is not None:
            from concurrent.futures import BrokenExecutor

            try:
                with texts_file(options.cache_path(), pool.texts()) as path:
                    tasks = [
                        (path, document, *pool.without_bodies(sources), old, limit)
                        for document, sources, old, limit in work
                    ]
                    matched = workers.map(_check_in_worker, *zip(*tasks, strict=True))
                    for k, (document, report) in enumerate(zip(documents, matched, strict=True)):
                        bar.advance(document.path or "-", "checked")
                        first_here = k + 1
                        yield k, report
                return
            except BrokenExecutor as exc:  # a worker was killed (out of memory, a signal): finish here
                note = f"checked in the main process: a worker process stopped ({type(exc).__name__})"
                notes.update(dict.fromkeys(range(first_here, len(work)), note))
        shared = SourceIndex(pool.texts()) if len(work) - first_here > 1 else None
        for k in range(first_here, len(work)):
            document, sources, old, _ = work[k]
            report = check_document(document, sources, old, deadline, shared)
            bar.advance(document.path or "-", "checked")
            yield k, report


# A worker's batch: the texts file it mapped, its texts by location, and their index.
_worker_batch: dict[Path, tuple[dict[str, SourceText], SourceIndex]] = {}


def _batch_in_worker(path: Path) -> tuple[dict[str, SourceText], SourceIndex]:
    """The batch's texts and index, mapped and built the first time this worker meets ``path``."""
    if path not in _worker_batch:
        _worker_batch.clear()  # a worker serves one batch; its earlier texts are never asked for again
        texts = read_texts_file(path)
        _worker_batch[path] = ({text.source_id: text for text in texts}, SourceIndex(texts))
    return _worker_batch[path]


def _check_in_worker(
    path: Path,
    document: Document,
    loaded: tuple[LoadedSource, ...],
    locations: tuple[str | None, ...],
    baseline: Report | None,
    deadline: Deadline,
) -> Report:
    by_location, index = _batch_in_worker(path)
    sources = tuple(
        replace(s, text=replace(by_location[key], source_id=s.numbered.id)) if key is not None else s
        for s, key in zip(loaded, locations, strict=True)
    )
    return check_document(document, sources, baseline, deadline, index)


def check_document(
    document: Document,
    loaded: Sequence[LoadedSource],
    baseline: Report | None = None,
    deadline: Deadline = NO_DEADLINE,
    shared: SourceIndex | None = None,
) -> Report:
    """Match one draft's claims against sources already loaded, and build its report.

    With a ``baseline`` (an earlier report of this draft), claims whose words and evidence
    snapshot are unchanged keep their baseline result without being matched. ``deadline`` is
    polled before and after the claims are found, and before each claim is matched. ``shared``
    is an index over the texts of a batch's sources, each under its location (``ref_key``).
    """
    deadline.poll()
    claims = extract_claims(document)
    deadline.poll()
    texts = [s.text for s in loaded if s.text is not None]
    unavailable = frozenset(s.numbered.id for s in loaded if s.text is None)
    preferred = preferred_sources(claims, [s.numbered for s in loaded])
    reused = reuse_for_sources(claims, loaded, baseline) if baseline is not None else {}
    matched = match_claims(
        tuple(c for c in claims if c.id not in reused),
        texts,
        preferred=preferred,
        unavailable=unavailable,
        deadline=deadline,
        shared=shared,
        shared_ids={s.numbered.id: ref_key(s.numbered.ref) for s in loaded} if shared is not None else None,
    )
    matched = with_outlet_checks(matched, {s.numbered.id: s.numbered.ref.names() for s in loaded})
    by_id = {r.claim.id: r for r in matched}
    snapshots = {s.numbered.id: s.fetched.snapshot for s in loaded}
    results = tuple(_with_snapshot(reused.get(c.id) or by_id[c.id], snapshots) for c in claims)
    return Report(
        tool_version=__version__,
        article=ArticleInfo(document.path, document.sha256, document.text, document.format),
        sources=tuple(source_entry(s) for s in loaded),
        results=results,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _with_snapshot(result: ClaimResult, snapshots: Mapping[str, Snapshot | None]) -> ClaimResult:
    """Name the snapshot (its sha256) behind the evidence."""
    evidence = result.evidence
    if evidence is None or evidence.source not in snapshots:
        return result
    snapshot = snapshots[evidence.source]
    return replace(result, evidence=replace(evidence, snapshot=snapshot.sha256 if snapshot else None))
