"""Reading drafts: bytes or text in, a Document (text, paragraphs, links) out.

Offsets are sacred: for text and Markdown drafts ``Document.text`` is the decoded
input unchanged, so every span points at the characters the reporter typed. HTML
drafts are reduced to their visible text first (see ``Document``).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from bs4.element import PageElement, Tag

# charset-normalizer and BeautifulSoup are imported where they are used: most drafts are
# UTF-8 text or Markdown, and start-up time matters in a pre-commit hook.

from verify.errors import InputError
from verify.model import Document, Link, Span
from verify.surrogates import replace_lone_surrogates
from verify.userfiles import read_user_file

MAX_DRAFT_BYTES = 20 * 1024 * 1024

_FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
DRAFT_SUFFIXES = frozenset(_FORMAT_BY_SUFFIX)
# Word-processor and page formats a reporter may hand in: named, with what verify reads instead.
_UNSUPPORTED_DRAFTS = {".docx": "a Word document", ".doc": "a Word document", ".odt": "an OpenDocument text",
                       ".rtf": "a rich-text file", ".pdf": "a PDF", ".pages": "a Pages document"}  # fmt: skip

BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A Markdown link is found in two steps (see ``markdown_links``): the target's address, then
# what may follow it (a quoted title) and the closing parenthesis.
_LINK_ADDRESS = re.compile(r"\((https?://[^)\s]+)")
_LINK_CLOSE = re.compile(r"(?:\s+\"[^\"]*\")?\)")
_ANCHOR_END = re.compile(r"[\]\n]")
_BARE_URL = re.compile(r"(?<![(\[<\"'=])\bhttps?://[^\s<>\"')\]]+")
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html\b|<body\b|<p\b|<article\b)", re.IGNORECASE)


def decode_bytes(raw: bytes, *, name: str = "input") -> str:
    """Decode a draft: BOM first, then strict UTF-8, then charset detection."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding} despite its byte-order mark") from exc
    if b"\x00" in raw:
        raise InputError(f"{name}: looks like a binary file, not a draft (it contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding; save the draft as UTF-8")
    return str(best)


def detect_format(path: str | None, text: str) -> str:
    if path:
        suffix = Path(path).suffix.lower()
        if suffix in _FORMAT_BY_SUFFIX:
            return _FORMAT_BY_SUFFIX[suffix]
    if _HTML_SNIFF.match(text):
        return "html"
    return "text"


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Paragraphs are blocks separated by blank lines.

    A draft with no blank line at all (common from word processors) has one
    paragraph per non-empty line instead.
    """
    separator = BLANK_LINES if BLANK_LINES.search(text) else re.compile(r"\n+")
    spans: list[Span] = []
    start = 0
    for gap in separator.finditer(text):
        append_trimmed(text, start, gap.start(), spans)
        start = gap.end()
    append_trimmed(text, start, len(text), spans)
    return tuple(spans)


def append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append ``text[start:end]`` without its surrounding whitespace, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


class MarkdownLink(NamedTuple):
    """``[anchor](target)`` at ``text[start:end]``; the anchor is ``text[start + 1 : close]``."""

    start: int
    close: int  # the offset of the "]"
    end: int
    target: str  # what the address pattern's first group caught
    image: bool  # "![alt](target)": a picture, not a link


def markdown_links(text: str, address: re.Pattern[str], after: re.Pattern[str]) -> Iterator[MarkdownLink]:
    """Every ``[anchor](target)``, found as ``\\[([^\\]\\n]*)\\]`` + ``address`` + ``after`` would find it.

    A pattern does this in quadratic time on a run of ``[`` or of link openings. The scan is
    linear: every "[" before the same "]" or line break shares that bracket's fate, so the
    first of them is the only one tried; and when the text after a "](" fails at the end of its
    address, every "](" inside that address would fail there too, so none is tried again.
    """
    pos = 0
    dead_until = 0  # a "]" before this offset is known to start no link
    while (start := text.find("[", pos)) >= 0:
        bracket = _ANCHOR_END.search(text, start + 1)
        if bracket is None:
            return
        close = bracket.start()
        if text[close] == "]" and close >= dead_until:
            head = address.match(text, close + 1)
            if head is not None:
                tail = after.match(text, head.end())
                if tail is not None:
                    yield MarkdownLink(start, close, tail.end(), head.group(1), text[start - 1 : start] == "!")
                    pos = tail.end()
                    continue
                dead_until = head.end()
        pos = close + 1


def text_links(text: str) -> tuple[Link, ...]:
    """Markdown links ``[anchor](url)`` and bare http(s) URLs, with their spans.

    An image (``![alt](url)``) is a picture in the draft, not a source it cites.
    """
    links: list[Link] = []
    taken: list[tuple[int, int]] = []
    for found in markdown_links(text, _LINK_ADDRESS, _LINK_CLOSE):
        if not found.image:
            links.append(Link(found.target, Span(found.start + 1, found.close)))
        taken.append((found.start, found.end))
    starts = [a for a, _ in taken]
    for m in _BARE_URL.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < taken[k][1]:
            continue
        url = m.group(0).rstrip(".,;:!?")
        links.append(Link(url, Span(m.start(), m.start() + len(url))))
    return tuple(sorted(links, key=lambda link: link.span.start))


# -- HTML drafts --------------------------------------------------------------

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "form"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "ol", "p", "pre", "section", "table", "tr", "ul", "body", "html",
    }
)  # fmt: skip


class _HtmlText:
    """Builds the visible text of an HTML draft, remembering where each link lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.links: list[Link] = []

    def _emit(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def _ends_with_space(self) -> bool:
        return not self.parts or self.parts[-1][-1:].isspace()

    def text(self, piece: str) -> None:
        piece = re.sub(r"\s+", " ", piece)
        if self._ends_with_space():
            piece = piece.lstrip()
        if piece:
            self._emit(piece)

    def block_break(self) -> None:
        if not self.parts:
            return
        while self.parts and self.parts[-1].endswith(" "):
            last = self.parts.pop()
            self.length -= len(last)
            last = last.rstrip(" ")
            if last:
                self.parts.append(last)
                self.length += len(last)
                break
        if self.parts and not "".join(self.parts[-2:]).endswith("\n\n"):
            self._emit("\n\n")

    def walk(self, root: Tag) -> None:
        """Every visible piece of text under ``root``, in order.

        The tree is walked with a stack of its own, not by recursion: a draft nested thousands
        of elements deep must not exhaust Python's recursion limit.
        """
        from bs4.element import NavigableString, Tag

        # each entry: an element being read, its remaining children, where its text began
        stack: list[tuple[Tag, Iterator[PageElement], int]] = [(root, iter(root.children), 0)]
        while stack:
            node, children, start = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if stack:
                    self._leave(node, start)
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # skip comments, CDATA, doctype
                    self.text(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP_TAGS:
                continue
            if child.name == "br":
                self.text(" ")
                continue
            if child.name in _BLOCK_TAGS:
                self.block_break()
            stack.append((child, iter(child.children), self.length))

    def _leave(self, element: Tag, start: int) -> None:
        """After an element's text: its link, if it is one, and the break after a block."""
        href = element.get("href") if element.name == "a" else None
        if isinstance(href, str) and href.startswith(("http://", "https://")):
            self.links.append(Link(href, Span(start, self.length)))
        if element.name in _BLOCK_TAGS:
            self.block_break()


def html_document_text(html: str) -> tuple[str, tuple[Link, ...]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    builder = _HtmlText()
    builder.walk(soup)
    text = "".join(builder.parts).rstrip()
    links = tuple(link for link in builder.links if link.span.end <= len(text))
    return text, links


# -- entry points ---------------------------------------------------------------


def load_text(text: str, *, path: str | None = None, format: str | None = None, raw: bytes | None = None) -> Document:
    """A Document from text already in memory (the API and ``verify serve`` use this).

    A lone surrogate (``"\\ud800"``), which no encoding can write, becomes U+FFFD: one
    character for one, so every offset stays true.
    """
    text = replace_lone_surrogates(text)
    fmt = format or detect_format(path, text)
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    if fmt == "html":
        visible, links = html_document_text(text)
        return Document(path, visible, fmt, digest, paragraph_spans(visible), links)
    return Document(path, text, fmt, digest, paragraph_spans(text), text_links(text))


def load_bytes(raw: bytes, *, path: str | None = None, name: str = "input") -> Document:
    if len(raw) > MAX_DRAFT_BYTES:
        raise InputError(f"{name}: draft is larger than {MAX_DRAFT_BYTES // (1024 * 1024)} MB")
    return load_text(decode_bytes(raw, name=name), path=path, raw=raw)


def read_document(path: str | Path) -> Document:
    """Read a draft file; every problem becomes an InputError with one line."""
    location = Path(path)
    if location.is_dir():
        raise InputError(f"{location}: is a directory, not a draft (pass the files, or use -o DIR)")
    kind = _UNSUPPORTED_DRAFTS.get(location.suffix.lower())
    if kind is not None:
        readable = ", ".join(sorted(DRAFT_SUFFIXES))
        advice = f"save it as text, Markdown or HTML ({readable})"
        raise InputError(f"{location}: {kind} cannot be read as a draft; {advice}")
    raw = read_user_file(location, what="file")
    return load_bytes(raw, path=str(location), name=str(location))
