"""What to check a draft against: the sources file, --source arguments and the draft's links.

Pure apart from reading the sources file; nothing here fetches anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from verify.errors import InputError, SourcesFileError
from verify.model import Claim, Document, SourceRef
from verify.userfiles import read_toml

_URL_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class NumberedSource:
    """A source named for a draft, with its id in that draft's report."""

    id: str  # "S1", "S2", …
    ref: SourceRef


def is_url(value: str) -> bool:
    return value.lower().startswith(_URL_SCHEMES)


def load_sources_file(path: str | Path) -> tuple[SourceRef, ...]:
    """Read a TOML sources file: ``[[source]]`` tables with url or path, outlet, aliases."""
    location = Path(path)
    data = read_toml(location, what="sources file", error=SourcesFileError)
    for name in data:
        if name != "source":
            hint = _nearest(name, ("source",), "[[source]]")
            raise SourcesFileError(f"{location}: unknown table or key {name!r}{hint}")
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourcesFileError(f"{location}: 'source' must be an array of tables ([[source]])")
    refs = [_ref_from_table(table, i, location) for i, table in enumerate(tables, start=1)]
    return tuple(refs)


SOURCE_KEYS = ("url", "path", "outlet", "aliases")


def _nearest(name: str, known: Sequence[str], shown: str | None = None) -> str:
    """" (did you mean 'x'?)" for a misspelt name close to a known one, else nothing."""
    import difflib  # only a sources file with a mistake gets here

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {shown or repr(close[0])}?)" if close else ""


def _ref_from_table(table: object, number: int, location: Path) -> SourceRef:
    where = f"{location}: source {number}"
    if not isinstance(table, dict):
        raise SourcesFileError(f"{where}: must be a table with 'url' or 'path'")
    unknown = sorted(set(table) - set(SOURCE_KEYS))
    if unknown:
        raise SourcesFileError(f"{where}: unknown key {unknown[0]!r}{_nearest(unknown[0], SOURCE_KEYS)}")
    url, path = table.get("url"), table.get("path")
    if url is None and path is None:
        raise SourcesFileError(f"{where}: needs 'url' or 'path' (both: the file is a saved copy of that URL)")
    if url is not None and (not isinstance(url, str) or not is_url(url)):
        raise SourcesFileError(f"{where}: 'url' must be an http(s) URL")
    if path is not None and (not isinstance(path, str) or not path):
        raise SourcesFileError(f"{where}: 'path' must be a non-empty string")
    outlet = table.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise SourcesFileError(f"{where}: 'outlet' must be a string")
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise SourcesFileError(f"{where}: 'aliases' must be a list of strings")
    resolved_path = None if path is None else str(location.parent / path)
    if resolved_path is not None and not os.path.isfile(resolved_path):
        raise SourcesFileError(f"{where}: no such file {resolved_path}")
    return SourceRef(url=url, path=resolved_path, outlet=outlet, aliases=tuple(aliases), origin="sources_file")


SOURCES_SUFFIX = ".sources.toml"


def sources_file_beside(draft_path: str | None) -> Path | None:
    """``notes/pier.sources.toml`` for ``notes/pier.md`` when it exists, as ``pier.verify.toml`` is found."""
    if draft_path is None:
        return None
    path = Path(draft_path)
    beside = path.with_name(path.stem + SOURCES_SUFFIX)
    return beside if beside.is_file() else None


def refs_from_arguments(values: Iterable[str]) -> tuple[SourceRef, ...]:
    """``--source`` values: URLs are fetched, anything else is a local file read from disk, which must exist."""
    refs = []
    for value in values:
        if is_url(value):
            refs.append(SourceRef(url=value, path=None))
        elif not os.path.isfile(value):
            what = "is a directory, not a source file" if os.path.isdir(value) else "no such source file"
            raise InputError(f"{value}: {what}")
        else:
            refs.append(SourceRef(url=None, path=value))
    return tuple(refs)


def refs_from_links(document: Document) -> tuple[SourceRef, ...]:
    """Links in the draft; a link's anchor text names its outlet when it is short ("The Independent")."""
    refs = []
    for link in document.links:
        anchor = document.text[link.span.start : link.span.end].strip()
        is_name = 0 < len(anchor) <= 60 and not is_url(anchor) and "\n" not in anchor
        refs.append(SourceRef(url=link.url, path=None, outlet=anchor if is_name else None, origin="link"))
    return tuple(refs)


def ref_key(ref: SourceRef) -> str:
    """One key per place: a URL without its fragment (also for a saved copy of it), or a file's absolute path."""
    if ref.url is not None:
        parts = urlsplit(ref.url)
        return parts._replace(fragment="").geturl()
    # abspath, not resolve(): no file-system calls, and two spellings of one file still agree
    return _absolute(os.getcwd(), str(ref.path))


@lru_cache(maxsize=65536)
def _absolute(cwd: str, path: str) -> str:
    # Asked several times per source; the working directory is in the key, so a change of it is seen.
    return os.path.normpath(os.path.join(cwd, path))


def merge_refs(*groups: Sequence[SourceRef]) -> tuple[SourceRef, ...]:
    """One ref per location, first seen first; later mentions add outlet names, never remove them."""
    merged: dict[str, SourceRef] = {}
    for group in groups:
        for ref in group:
            key = ref_key(ref)
            seen = merged.get(key)
            if seen is None:
                merged[key] = ref
                continue
            names = tuple(dict.fromkeys((*seen.aliases, *ref.names())))
            names = tuple(n for n in names if n != seen.outlet)
            merged[key] = replace(seen, outlet=seen.outlet or ref.outlet, aliases=names)
    return tuple(merged.values())


def number_sources(refs: Sequence[SourceRef]) -> tuple[NumberedSource, ...]:
    return tuple(NumberedSource(f"S{i}", ref) for i, ref in enumerate(refs, start=1))


_NAME_NOISE = re.compile(r"^(?:the|uk[’']s|us[’']s|britain[’']s|a|an)\s+", re.IGNORECASE)


def normalise_outlet(name: str) -> str:
    """Outlet names compare without case, leading articles or possessive places ("UK's The Independent")."""
    text = re.sub(r"[\s\u00a0]+", " ", name.strip().lower()).replace("’", "'")
    previous = None
    while previous != text:
        previous, text = text, _NAME_NOISE.sub("", text)
    return text.strip(" .,:;")


def with_outlet_names(refs: Sequence[SourceRef], outlets: Sequence[Sequence[str]]) -> tuple[SourceRef, ...]:
    """Each source of a known outlet under every name of that outlet (``Options.outlets``)."""
    if not outlets:
        return tuple(refs)
    groups = [(frozenset(normalise_outlet(n) for n in names), tuple(names)) for names in outlets]
    named = []
    for ref in refs:
        mine = {normalise_outlet(n) for n in ref.names()}
        more = [n for keys, names in groups if keys & mine for n in names if normalise_outlet(n) not in mine]
        named.append(replace(ref, aliases=ref.aliases + tuple(dict.fromkeys(more))) if more else ref)
    return tuple(named)


def preferred_sources(
    claims: Sequence[Claim], sources: Sequence[NumberedSource]
) -> Mapping[str, frozenset[str]]:
    """For each claim, the sources of the outlet its cue names (or of the organisation speaking).

    ``in an interview with HBO`` prefers sources whose outlet or alias is HBO; ``the Russian
    LGBT Network said`` prefers the network's own pages. A claim that names nothing known
    prefers nothing and is checked against every source alike.
    """
    by_name: dict[str, set[str]] = {}
    for source in sources:
        for name in source.ref.names():
            by_name.setdefault(normalise_outlet(name), set()).add(source.id)
    preferred: dict[str, frozenset[str]] = {}
    for claim in claims:
        ids: set[str] = set()
        for mention in (claim.outlet, claim.speaker.name if claim.speaker else None):
            if mention:
                ids |= by_name.get(normalise_outlet(mention), set())
        if ids:
            preferred[claim.id] = frozenset(ids)
    return preferred
