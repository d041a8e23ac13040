"""The ``verify`` command: parse arguments, call the library, render, pick the exit code.

No checking logic lives here; everything the CLI does, ``verify.check`` and friends do
from Python with the same names.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO, TypeVar

from verify.config import FAIL_ON, Config, find_config, load_config
from verify.document import DRAFT_SUFFIXES, load_bytes
from verify.errors import InputError, VerifyError
from verify.model import Document, Report, extraction_to_dict
from verify.options import QUERIES_PER_CLAIM, QUERIES_PER_RUN, Options, Timeout, default_cache_dir, with_config
from verify.pipeline import DraftOutcome, as_document, check_many, extract
from verify.report import FORMATS, render
from verify.surrogates import replace_lone_surrogates
from verify.userfiles import load_report
from verify.version import __version__

EXIT_OK, EXIT_FLAGGED, EXIT_USAGE = 0, 1, 2
SUFFIX_BY_FORMAT = {"text": ".txt", "json": ".json", "markdown": ".md", "html": ".html"}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"verify: error: {message} (see 'verify --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="verify", description="Check the quotes and attributed statements in a draft.")
    parser.add_argument("--version", action="version", version=f"verify {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check drafts against their sources")
    check.add_argument("articles", nargs="+", metavar="ARTICLE", help="draft file, directory of drafts, or - for stdin")
    check.add_argument("--sources", metavar="FILE", help="TOML file listing sources ([[source]] tables)")
    check.add_argument("--source", action="append", default=[], metavar="URL_OR_PATH", help="a source (repeatable)")
    check.add_argument("--offline", action="store_true", help="no network: cache and local files only")
    check.add_argument("--refresh", action="store_true", help="fetch again even when a snapshot is cached")
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"snapshot cache (default: the configuration file's, else {default_cache_dir()})",
    )
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("-o", "--output", metavar="PATH", help="write the report here (a directory for many drafts)")
    check.add_argument("--fail-on", choices=FAIL_ON,
                       help="exit 1 when a claim is at or below this verdict (default: the configuration "
                            "file's, else unverified)")  # fmt: skip
    check.add_argument("--allow-private", action="store_true", help="permit loopback and private addresses")
    check.add_argument("--ignore-robots", action="store_true", help="fetch even where robots.txt disallows it")
    check.add_argument("--timeout", type=_positive_float, metavar="SECONDS",
                       help="longest wait for one source, all attempts included (default: 60)")  # fmt: skip
    check.add_argument("--only-problems", action="store_true",
                       help="text and Markdown: only the claims that need a look, and failed sources")  # fmt: skip
    check.add_argument("--quiet", action="store_true", help="no progress display")
    check.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="batch workers in parallel")
    check.add_argument("--baseline", metavar="REPORT.json", help="compare with an earlier report of this draft")
    check.add_argument("--decisions", metavar="FILE",
                       help="editor decisions (TOML; default: DRAFT.verify.toml beside each draft)")  # fmt: skip
    check.add_argument("--time-limit", type=_positive_float, metavar="SECONDS",
                       help="stop the whole check after this long (exit 2); default: no limit")  # fmt: skip
    check.add_argument("--discover", action="store_true",
                       help="search the web for sources the draft names but does not link (sends the "
                            "draft's quoted words to search services; see docs/discovery.md)")  # fmt: skip
    check.add_argument("--archive-fallback", action="store_true",
                       help="read dead links from the Wayback Machine (sends only their URLs; on with --discover)")
    check.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                       help="the draft's date: bounds the search and picks the archived copy "
                            "(default: the draft's own, else today)")  # fmt: skip
    check.add_argument("--queries-per-claim", type=_positive_int, metavar="N",
                       help=f"search queries for one claim, at most (default {QUERIES_PER_CLAIM})")
    check.add_argument("--queries-per-run", type=_positive_int, metavar="N",
                       help=f"search queries for the whole run, at most (default {QUERIES_PER_RUN})")
    check.add_argument("--archive-local", action="store_true",
                       help="add local source files to the desk archive too (web pages always are)")  # fmt: skip
    check.add_argument("--scheduler", type=_scheduler, metavar="ADDRESS",
                       help="check drafts on a Dask cluster: tcp://host:8786 or local (verify[dask])")  # fmt: skip

    ext = commands.add_parser("extract", help="list the claims of a draft without fetching anything")
    ext.add_argument("article", metavar="ARTICLE")
    ext.add_argument("--format", choices=("text", "json"), default="text")

    rep = commands.add_parser("report", help="render a saved JSON report again")
    rep.add_argument("report", metavar="REPORT.json")
    rep.add_argument("--format", choices=FORMATS, default="text")
    rep.add_argument("-o", "--output", metavar="FILE")

    archive = commands.add_parser("archive", help="search the pages earlier checks have read")
    archive_commands = archive.add_subparsers(dest="archive_command", required=True, parser_class=_Parser)
    search = archive_commands.add_parser("search", help="archived pages holding these words (\"…\" for a phrase)")
    search.add_argument("words", nargs="+", metavar="WORDS")
    search.add_argument("--limit", type=_positive_int, default=10, metavar="N", help="at most N pages (default: 10)")
    search.add_argument("--allow-private", action="store_true", help="include pages read from private addresses")
    search.add_argument("--cache-dir", metavar="DIR", default=str(default_cache_dir()))
    search.add_argument("--format", choices=("text", "json"), default="text")
    archive_stats = archive_commands.add_parser("stats", help="snapshots, size, oldest and newest")
    archive_stats.add_argument("--cache-dir", metavar="DIR", default=str(default_cache_dir()))
    archive_stats.add_argument("--format", choices=("text", "json"), default="text")

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--allow-private", action="store_true", help="let requests name private addresses")
    serve.add_argument("--cache-dir", metavar="DIR",
                       help=f"the service's snapshot cache (default: {default_cache_dir() / 'service'})")  # fmt: skip
    serve.add_argument("--time-limit", type=_positive_float, default=120.0, metavar="SECONDS",
                       help="seconds per request, waiting for a worker included (default: 120)")  # fmt: skip

    cache = commands.add_parser("cache", help="what the cache holds, and pruning it")
    cache_commands = cache.add_subparsers(dest="cache_command", required=True, parser_class=_Parser)
    stats = cache_commands.add_parser("stats", help="files and bytes in each part of the cache")
    stats.add_argument("--cache-dir", metavar="DIR", default=str(default_cache_dir()))
    stats.add_argument("--format", choices=("text", "json"), default="text")
    prune = cache_commands.add_parser("prune", help="remove snapshots and texts older than DAYS")
    prune.add_argument("--older-than", type=_positive_float, required=True, metavar="DAYS")
    prune.add_argument("--cache-dir", metavar="DIR", default=str(default_cache_dir()))
    prune.add_argument("--dry-run", action="store_true", help="say what would be removed, remove nothing")
    return parser


def _positive_float(value: str) -> float:
    number = _number(value, float)
    if number == float("inf"):
        raise argparse.ArgumentTypeError("must be a positive number")
    return number


_N = TypeVar("_N", int, float)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-23") from None


def _scheduler(value: str) -> str:
    from verify.cluster import valid_scheduler  # no Dask: only the address is looked at

    if not valid_scheduler(value):
        raise argparse.ArgumentTypeError(f"not a scheduler address (tcp://host:port, or local): {value!r}")
    return value


def _positive_int(value: str) -> int:
    return _number(value, int)


def _number(value: str, kind: type[_N]) -> _N:
    """A positive number of ``kind`` from the command line, or argparse's one-line error."""
    try:
        number = kind(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a {'whole ' if kind is int else ''}number: {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError("must be a positive number" if kind is float else "must be at least 1")
    return number


# -- helpers ------------------------------------------------------------------------


def _wants_color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _render_for(report: Report, fmt: str, output: str | None, only_problems: bool = False) -> str:
    """Colour and the terminal's width only when the report goes to a terminal."""
    if output is None and sys.stdout.isatty():
        columns = shutil.get_terminal_size().columns
        return render(report, fmt, color=_wants_color(sys.stdout), width=columns, only_problems=only_problems)
    return render(report, fmt, only_problems=only_problems)


def _stdin_document() -> Document:
    return load_bytes(sys.stdin.buffer.read(), name="standard input")


def _expand_articles(articles: Sequence[str]) -> tuple[list[Path | Document], bool]:
    """Files, directories of drafts and ``-``; the flag says whether this is a batch."""
    drafts: list[Path | Document] = []
    batch = len(articles) > 1
    for article in articles:
        if article == "-":
            drafts.append(_stdin_document())
            continue
        path = Path(article)
        if path.is_dir():
            batch = True
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES)
            if not found:
                raise InputError(f"{path}: directory holds no drafts (.txt, .md or .html)")
            drafts.extend(found)
        elif not path.exists():
            raise InputError(f"{path}: no such file")
        else:
            drafts.append(path)
    return drafts, batch


def _write(text: str, output: str | None, stream: TextIO) -> None:
    text = replace_lone_surrogates(text)  # a file name read from the disk may hold one
    if output is None:
        stream.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc


def exit_status(reports: Sequence[Report], fail_on: str) -> int:
    return EXIT_FLAGGED if any(report.fails(fail_on) for report in reports) else EXIT_OK


# -- commands -------------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> int:
    drafts, batch = _expand_articles(args.articles)
    # The configuration file is found upwards from the first draft (from here for standard input).
    first = next((d for d in drafts if isinstance(d, Path)), Path.cwd())
    config_path = find_config(first)
    config = load_config(config_path) if config_path is not None else Config()
    options = replace(
        with_config(Options(), config),
        offline=args.offline,
        refresh=args.refresh,
        allow_private=args.allow_private,
        ignore_robots=args.ignore_robots,
        jobs=args.jobs,
        progress=not args.quiet and sys.stderr.isatty(),
        time_limit=args.time_limit,
        discover=args.discover,
        archive_fallback=args.archive_fallback or args.discover,
        draft_date=args.date,
        archive_local=args.archive_local,
        scheduler=args.scheduler,
    )
    if args.queries_per_claim is not None:
        options = replace(options, queries_per_claim=args.queries_per_claim)
    if args.queries_per_run is not None:
        options = replace(options, queries_per_run=args.queries_per_run)
    if args.cache_dir is not None:
        options = replace(options, cache_dir=args.cache_dir)
    if args.timeout is not None:
        timeout = options.timeout
        options = replace(
            options,
            timeout=Timeout(min(timeout.connect, args.timeout), min(timeout.read, args.timeout), args.timeout),
        )
    fail_on = args.fail_on or config.fail_on or "unverified"
    writer = _ReportWriter(drafts, args) if batch and args.output is not None else None
    outcomes = check_many(
        drafts,
        sources=args.source,
        sources_file=args.sources,
        baseline=args.baseline,
        decisions=args.decisions,
        options=options,
        on_outcome=writer.write if writer is not None else None,
    )
    for warning in dict.fromkeys(w for outcome in outcomes for w in outcome.warnings):  # each line once
        print(f"verify: {warning}", file=sys.stderr)
    if batch:
        return _emit_batch(outcomes, args, fail_on)
    outcome = outcomes[0]
    if outcome.report is None:
        raise InputError(outcome.error or f"{outcome.location}: cannot be read")
    _write(_render_for(outcome.report, args.format, args.output, args.only_problems), args.output, sys.stdout)
    return exit_status([outcome.report], fail_on)


class _ReportWriter:
    """Writes each report of a batch into the output directory as soon as its draft is finished.

    Each draft's file is named after it, ``-2``, ``-3``… telling apart drafts of the same name,
    in the order the drafts were given, whichever finishes first.
    """

    def __init__(self, drafts: Sequence[Path | Document], args: argparse.Namespace) -> None:
        self.directory, self.format, self.only_problems = Path(args.output), args.format, args.only_problems
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.directory}: cannot create output directory ({exc.strerror or exc})") from exc
        self.names: list[str] = []
        for draft in drafts:
            stem = Path(str(draft) if isinstance(draft, Path) else (draft.path or "-")).stem or "draft"
            name, n = stem, 1
            while name in self.names:
                n += 1
                name = f"{stem}-{n}"
            self.names.append(name)

    def write(self, position: int, outcome: DraftOutcome) -> None:
        if outcome.report is None:
            return
        target = self.directory / (self.names[position] + SUFFIX_BY_FORMAT[self.format])
        _write(render(outcome.report, self.format, only_problems=self.only_problems), str(target), sys.stdout)


def _emit_batch(outcomes: tuple[DraftOutcome, ...], args: argparse.Namespace, fail_on: str) -> int:
    reports = [o.report for o in outcomes if o.report is not None]
    summary = {
        "schema": "verify-batch/1",
        "drafts": [
            {"path": o.location, "error": o.error, **({"summary": o.report.summary()} if o.report else {})}
            for o in outcomes
        ],
    }
    if args.output is None:
        if args.format == "json":
            _write(json.dumps({**summary, "reports": [r.to_dict() for r in reports]}, indent=2), None, sys.stdout)
        else:
            for report in reports:
                _write(_render_for(report, args.format, None, args.only_problems), None, sys.stdout)
    else:
        directory = Path(args.output)  # each report was written as its draft finished (_ReportWriter)
        _write(json.dumps(summary, indent=2), str(directory / "summary.json"), sys.stdout)
    for outcome in outcomes:
        if outcome.error:
            print(f"verify: {outcome.error}", file=sys.stderr)
    if any(o.error for o in outcomes):
        return EXIT_USAGE
    return exit_status(reports, fail_on)


def _run_extract(args: argparse.Namespace) -> int:
    document = _stdin_document() if args.article == "-" else as_document(Path(args.article))
    claims = extract(document)
    if args.format == "json":
        payload = extraction_to_dict(document, claims, __version__)
        _write(json.dumps(payload, indent=2, ensure_ascii=False), None, sys.stdout)
    else:
        from verify.report.extraction import render_claims  # only `verify extract` lists claims as text

        _write(render_claims(claims), None, sys.stdout)
    return EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    report = load_report(args.report)
    _write(_render_for(report, args.format, args.output), args.output, sys.stdout)
    return EXIT_OK


def _run_cache(args: argparse.Namespace) -> int:
    from verify.archive import DeskArchive
    from verify.sources.cachedir import cache_stats, prune_cache

    root = Path(args.cache_dir)
    if args.cache_command == "prune":
        pruned = prune_cache(root, args.older_than, dry_run=args.dry_run)
        verb = "would remove" if args.dry_run else "removed"
        removed = f" and {pruned.archived} archived snapshots" if pruned.archived else ""
        _write(f"{verb} {pruned.files} files{removed}, {_size(pruned.bytes)}, from {root}", None, sys.stdout)
        return EXIT_OK
    stats = cache_stats(root)
    try:
        archived: int | None = DeskArchive(root).stats().snapshots
    except InputError:
        archived = None  # a damaged archive: the other parts are still worth showing
    if args.format == "json":
        areas = [{"name": a.name, "files": a.files, "bytes": a.bytes, "oldest": a.oldest} for a in stats.areas]
        payload = {"cache_dir": str(root), "areas": areas, "archived_snapshots": archived}
        _write(json.dumps(payload, indent=2), None, sys.stdout)
        return EXIT_OK
    lines = [f"cache {root}: {_size(stats.bytes)}"]
    for area in stats.areas:
        age = f", oldest {_age(area.oldest)}" if area.oldest is not None else ""
        snapshots = f" ({archived} snapshots)" if area.name == "desk archive" and archived is not None else ""
        lines.append(f"  {area.name}: {area.files} files, {_size(area.bytes)}{snapshots}{age}")
    _write("\n".join(lines), None, sys.stdout)
    return EXIT_OK


def _run_archive(args: argparse.Namespace) -> int:
    from verify.archive import DeskArchive

    archive = DeskArchive(Path(args.cache_dir))
    if args.archive_command == "stats":
        stats = archive.stats()
        if args.format == "json":
            fields = {"snapshots": stats.snapshots, "private": stats.private, "local": stats.local}
            payload = {"archive": str(stats.path), **fields, "bytes": stats.bytes}
            _write(json.dumps({**payload, "oldest": stats.oldest, "newest": stats.newest}, indent=2), None, sys.stdout)
            return EXIT_OK
        lines = [f"desk archive {stats.path}: {stats.snapshots} snapshots, {_size(stats.bytes)}"]
        if stats.snapshots:
            lines.append(f"  {stats.private} private, {stats.local} local files")
            lines.append(f"  fetched from {stats.oldest} to {stats.newest}")
        _write("\n".join(lines), None, sys.stdout)
        return EXIT_OK
    from verify.archive.query import fts_query

    words = " ".join(args.words)
    if fts_query(words) is None:
        raise InputError("nothing to search for: give words with letters or digits")
    hits = archive.search(words, limit=args.limit, allow_private=args.allow_private)
    if args.format == "json":
        keys = ("location", "final_url", "title", "outlet", "fetched_at", "sha256", "snippet", "private", "local")
        found = [{key: getattr(hit, key) for key in keys} for hit in hits]
        _write(json.dumps({"query": words, "hits": found}, indent=2, ensure_ascii=False), None, sys.stdout)
        return EXIT_OK
    if not hits:
        _write("no archived page holds these words", None, sys.stdout)
        return EXIT_OK
    blocks = []
    for rank, hit in enumerate(hits, start=1):
        outlet = hit.outlet if hit.outlet and hit.outlet not in (hit.title or "") else None
        heading = " | ".join(part for part in (hit.title, outlet) if part) or hit.location
        blocks.append(
            f"{rank}. {heading}\n   {hit.final_url or hit.location}\n"
            f"   fetched {hit.fetched_at}, sha256 {hit.sha256[:12]}\n   {hit.snippet}"
        )
    _write("\n".join(blocks), None, sys.stdout)
    return EXIT_OK


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    size = count / 1024
    for unit in ("KB", "MB"):
        if size < 1024:
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def _age(mtime: float) -> str:
    import time

    days = (time.time() - mtime) / 86_400
    return f"{days:.0f} days old" if days >= 1 else "less than a day old"


def _run_serve(args: argparse.Namespace) -> int:
    from verify.service import serve

    serve(
        host=args.host,
        port=args.port,
        allow_private=args.allow_private,
        cache_dir=Path(args.cache_dir) if args.cache_dir is not None else None,
        time_limit=args.time_limit,
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    runners = {
        "check": _run_check,
        "extract": _run_extract,
        "report": _run_report,
        "serve": _run_serve,
        "cache": _run_cache,
        "archive": _run_archive,
    }
    try:
        return runners[args.command](args)
    except VerifyError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("verify: interrupted", file=sys.stderr)
        return 130


def run() -> NoReturn:
    """The ``verify`` command: ``main``, and a quiet end when the reader of the output has gone."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # ``verify check … | head``: the reader closed the pipe; stop without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_OK
    # The process ends here: the collector need not scan every live object again while the
    # interpreter shuts down (about a tenth of a typical check; see docs/benchmarks.md).
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
