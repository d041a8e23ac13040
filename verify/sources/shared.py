"""A batch's readable texts in one file that its worker processes map into memory.

Workers of ``check_many`` are started fresh (never forked from the caller), so they cannot
inherit the texts; rather than receive them with every draft, each maps this one file and
builds its index from it once. Layout: a JSON header line ``[[source_id, outlet, comments,
[start, end of the text], [start, end of the full text] or null], ...]`` with byte offsets
into the UTF-8 bodies that follow it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mmap
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from verify.model import SourceText, Span

BATCH_FOLDER = "batches"


def encode_texts(texts: Sequence[SourceText]) -> bytes:
    """The file's bytes: a header line, then every text's UTF-8."""
    header: list[object] = []
    bodies: list[bytes] = []
    at = 0

    def body(value: str) -> list[int]:
        nonlocal at
        data = value.encode("utf-8", "surrogatepass")
        bodies.append(data)
        at += len(data)
        return [at - len(data), at]

    for text in texts:
        comments = [[span.start, span.end] for span in text.comments]
        full = body(text.full_text) if text.full_text is not None else None
        header.append([text.source_id, text.outlet, comments, body(text.text), full])
    return json.dumps(header).encode("ascii") + b"\n" + b"".join(bodies)


def decode_texts(data: bytes | mmap.mmap) -> tuple[SourceText, ...]:
    """The texts ``encode_texts`` wrote, each decoded straight from ``data``."""
    line_end = data.find(b"\n")
    header = json.loads(data[:line_end])
    base = line_end + 1

    def body(span: list[int]) -> str:
        return str(data[base + span[0] : base + span[1]], "utf-8", "surrogatepass")

    return tuple(
        SourceText(source_id, body(main), body(full) if full is not None else None,
                   tuple(Span(a, b) for a, b in comments), outlet)
        for source_id, outlet, comments, main, full in header
    )  # fmt: skip


@contextmanager
def texts_file(cache_dir: Path, texts: Sequence[SourceText]) -> Iterator[Path]:
    """The texts written to a file under the cache (else the temporary folder), removed afterwards."""
    data = encode_texts(texts)
    name = f"{hashlib.sha256(data).hexdigest()[:24]}-{os.getpid()}.texts"
    try:
        folder = cache_dir / BATCH_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(data)
    except OSError:  # a read-only cache: the workers read the same file from the temporary folder
        path = Path(tempfile.gettempdir()) / name
        path.write_bytes(data)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def read_texts_file(path: Path) -> tuple[SourceText, ...]:
    """The texts of a batch file, read through a memory map of it."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        return decode_texts(mapped)
