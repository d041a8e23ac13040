"""Readable text of a snapshot: HTML main text (and every visible word), PDF text, plain text.

Pure functions of bytes; nothing here touches the network or the cache.

HTML (and XHTML) goes through trafilatura for the article body, favouring recall, one
paragraph per line. Because a quote may sit outside what trafilatura calls the main text
(a caption, a pull quote, a sidebar), the page's full visible text (scripts, styles and
hidden elements dropped; block elements on their own lines) is kept as
``SourceText.full_text`` when it differs. Parsers: lxml reads sources (trafilatura's tree,
and the visible text straight from parser events: fast on large pages, no depth limit);
BeautifulSoup, over the same parser, reads only HTML drafts (``verify.document``).

Bytes become text in this order: a byte-order mark; the Content-Type charset; an HTML
``<meta charset>`` / ``http-equiv`` (or an XML declaration); strict UTF-8; then
charset-normalizer's guess (Windows-1252 winning a tie, since short Western texts fit
several code pages equally well). A declared charset that fails to decode strictly is skipped.
Two corrections on top, for labels that lie:

- a body labelled Latin-1/Windows-1252 (or ASCII) that is valid UTF-8 with non-ASCII bytes
  is read as UTF-8, since such bytes are almost never intended Latin-1 and mislabelled
  UTF-8 is common;
- a UTF-16 or UTF-32 label on a body without a byte-order mark is believed only when the
  bytes look like it: every ASCII character (markup, spaces, line breaks) has a zero byte in
  those encodings, so a body without zero bytes, or valid UTF-8 with only a few, is not
  UTF-16 whatever it says (read that way it would be CJK-looking nonsense). A bare
  ``utf-16``/``utf-32`` label takes its byte order from where the zero bytes fall.

PDF text lines are joined into paragraphs so sentence words stay together; a line that
ends in a hyphen keeps its line break ("exam-\\nple") so the matcher, which knows whether
the hyphen is real, can undo it.
"""

from __future__ import annotations

import codecs
import io
import re

from verify.errors import SourceError
from verify.model import Snapshot, SourceStatus, SourceText

# charset-normalizer, trafilatura, lxml and pypdf are imported where they are used:
# together they cost a fifth of a second at start-up, and a check of plain-text or
# local sources needs none of them.

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream"})

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)["']""")
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})
_WINDOWS_1252_LIKE = frozenset({"windows-1252", "cp1252", *_LATIN1_LABELS})
_WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})

# Elements whose text a reader never sees.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object"})
# Elements that start a new line in a rendered page.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "body", "html", "title",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
# Elements inside which whitespace is kept as written.
_PRESERVE_SPACE = frozenset({"pre", "textarea"})
_ASCII_SPACES = " \t\n\f\r"


def readable_text(source_id: str, snapshot: Snapshot) -> SourceText:
    """The text of ``snapshot`` to match claims against.

    Raises ``SourceError("unreadable", message)`` for a type verify cannot read, a broken
    PDF, or a document without any text.
    """
    kind = document_kind(snapshot.content_type, snapshot.body)
    if kind == "html":
        main, full = html_texts(decode_bytes(snapshot.body, snapshot.charset, html=True))
    elif kind == "pdf":
        main, full = pdf_text(snapshot.body), None
    elif kind == "text":
        main, full = plain_text(decode_bytes(snapshot.body, snapshot.charset, html=False)), None
    else:
        raise SourceError(
            SourceStatus.UNREADABLE.value, f"cannot read {snapshot.content_type or 'this type of'} content"
        )
    if not main.strip():
        raise SourceError(SourceStatus.UNREADABLE.value, f"no readable text in the {kind} source")
    return SourceText(source_id=source_id, text=main, full_text=full)


def document_kind(content_type: str | None, body: bytes) -> str | None:
    """``"html"``, ``"pdf"``, ``"text"`` or None (unreadable), from the type and a sniff."""
    head = body[:1024].lstrip().lower()
    if content_type in PDF_TYPES:
        return "pdf"
    if content_type in HTML_TYPES:
        return "html"
    if content_type in TEXT_TYPES:
        return "text"
    looks_html = head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
    if content_type in XML_TYPES:
        return "html" if looks_html else None
    if content_type is None or content_type in GENERIC_TYPES:
        if body.startswith(b"%PDF-"):
            return "pdf"
        if looks_html:
            return "html"
        if b"\x00" not in body[:8192]:
            return "text"
    return None


# ---------------------------------------------------------------------------
# Bytes to text
# ---------------------------------------------------------------------------


def decode_bytes(body: bytes, declared: str | None, *, html: bool) -> str:
    """Decode ``body`` following the charset order in the module docstring."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace")
    candidates = [declared]
    if html:
        candidates.append(_declared_in_markup(body))
    candidates.append("utf-8")
    for label in candidates:
        text = _strict_decode(body, label)
        if text is not None:
            return text
    return _detected(body)


def _detected(body: bytes) -> str:
    """charset-normalizer's guess; Windows-1252 wins a tie (it is the web's commonest legacy charset)."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(body).best()
    if best is None:
        return body.decode("utf-8", errors="replace")
    if best.encoding != "cp1252":
        western = charset_normalizer.from_bytes(body, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos:
            return str(western)
    return str(best)


def _declared_in_markup(body: bytes) -> str | None:
    head = body[:_PRESCAN_BYTES]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii", errors="ignore").lower()
    # HTML: a page that reached us as bytes cannot really be UTF-16; the label is wrong.
    return "utf-8" if label.startswith("utf-16") else label


def _strict_decode(body: bytes, label: str | None) -> str | None:
    if not label:
        return None
    label = label.lower()
    if label in _WINDOWS_1252_LIKE and not body.isascii():
        try:
            return body.decode("utf-8")  # mislabelled UTF-8 (see the module docstring)
        except UnicodeDecodeError:
            pass
        if label in _LATIN1_LABELS:
            label = "windows-1252"  # what browsers use for these labels
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec in _WIDE_CODECS:
        return _wide_decode(body, codec)
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        return None


def _wide_decode(body: bytes, codec: str) -> str | None:
    """``body`` as the UTF-16/UTF-32 its label says (no byte-order mark), or None when the bytes say otherwise."""
    zeros = body.count(0)
    if zeros == 0:
        return None  # not one ASCII character: plain ASCII markup mislabelled
    if zeros * 4 < len(body):
        try:
            body.decode("utf-8")
            return None  # valid UTF-8 with a stray zero byte or two; UTF-16 of markup is half zeros
        except UnicodeDecodeError:
            pass
    if codec in ("utf-16", "utf-32"):
        codec += _byte_order(body[:_PRESCAN_BYTES], 2 if codec == "utf-16" else 4)
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        return None  # unpaired surrogates, a cut code unit: not what the label says


def _byte_order(head: bytes, width: int) -> str:
    """``-le`` or ``-be``: an ASCII character has its zero bytes after it little-endian, before it big-endian."""
    little = sum(1 for k in range(width - 1, len(head), width) if head[k] == 0)
    big = sum(1 for k in range(0, len(head), width) if head[k] == 0)
    return "-be" if big > little else "-le"


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


def html_texts(html: str) -> tuple[str, str | None]:
    """(main text, full visible text or None when the same)."""
    full = visible_text(html)
    main = _main_text(html)
    if not main:
        return full, None
    return main, (None if _squash(full) == _squash(main) else full)


def _main_text(html: str) -> str:
    import trafilatura

    try:
        extracted = trafilatura.extract(
            html,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            output_format="txt",
        )
    except Exception:  # trafilatura raises a variety of parser errors on odd pages
        return ""
    return _clean_lines(extracted or "")


def visible_text(html: str) -> str:
    """Every word a reader can see, one block element per line."""
    from lxml import etree

    parser = etree.HTMLParser(target=_VisibleText())
    parser.feed(html[1:] if html.startswith("\ufeff") else html)  # a leading byte-order mark is not text
    text: str = parser.close()
    return text


class _VisibleText:
    """An lxml parser target that keeps the text a reader sees.

    Driven by the parser's events, so no tree is built and no nesting depth is too deep.
    Each run of text between two events is one string, read as BeautifulSoup reads it, so
    the text is the same as through BeautifulSoup: a string of nothing but ASCII whitespace,
    outside ``<pre>`` and ``<textarea>``, becomes one space, or one line break if it holds one.
    """

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._run: list[str] = []
        self.data = self._run.append  # called by the parser for every bit of text
        self._closing: list[tuple[str, bool]] = []  # per open visible element: separator, is pre/textarea
        self._skipping = 0  # depth inside a dropped element
        self._preserving = 0  # open <pre>/<textarea> elements

    def _end_run(self) -> None:
        text = "".join(self._run)
        self._run.clear()
        if self._skipping:
            return
        if not self._preserving and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "  # a lone form feed must not break the line
        self._pieces.append(text)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self._run:
            self._end_run()
        if self._skipping:
            self._skipping += 1
        elif tag in _INVISIBLE or "hidden" in attrib:
            self._skipping = 1
        elif tag == "br":
            self._pieces.append("\n")
            self._skipping = 1  # nothing inside a <br> counts
        else:
            separator = "\n" if tag in _BLOCKS else " " if tag in _CELLS else ""
            preserves = tag in _PRESERVE_SPACE
            self._pieces.append(separator)
            self._closing.append((separator, preserves))
            self._preserving += preserves

    def end(self, tag: str) -> None:
        if self._run:
            self._end_run()
        if self._skipping:
            self._skipping -= 1
            return
        separator, preserves = self._closing.pop()
        self._preserving -= preserves
        self._pieces.append(separator)

    # Comments, processing instructions and the doctype show nothing but end a run of text.
    def comment(self, text: str) -> None:
        if self._run:
            self._end_run()

    def pi(self, target: str, data: str | None = None) -> None:
        if self._run:
            self._end_run()

    def doctype(self, name: str | None, public_id: str | None, system_url: str | None) -> None:
        if self._run:
            self._end_run()

    def close(self) -> str:
        if self._run:
            self._end_run()
        return _clean_lines("".join(self._pieces))


def _clean_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Plain text and PDF
# ---------------------------------------------------------------------------


def plain_text(text: str) -> str:
    """Plain text as it is, with line endings made ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def pdf_text(body: bytes) -> str:
    """The text of every page, lines joined into paragraphs, pages separated by a blank line."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless quirks
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(SourceStatus.UNREADABLE.value, "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    except Exception as error:  # pypdf raises many error types on damaged files
        raise SourceError(SourceStatus.UNREADABLE.value, f"not a readable PDF: {_first_line(error)}") from error
    paragraphs = [join_pdf_lines(page) for page in pages]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise SourceError(SourceStatus.UNREADABLE.value, "the PDF has no text layer (a scan?)")
    return text


def join_pdf_lines(page: str) -> str:
    """Join a page's visual lines into paragraphs (one per line).

    Lines run together with a space; a blank line, or a short line ending a sentence,
    ends a paragraph; a line ending in a letter and a hyphen keeps its line break.
    """
    lines = [" ".join(line.split()) for line in page.splitlines()]
    long_lines = [len(line) for line in lines if len(line) >= 20]
    import statistics  # only PDFs get here

    typical = statistics.median(long_lines) if len(long_lines) >= 3 else None
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if not current:
            current = line
        elif len(current) >= 2 and current[-1] == "-" and current[-2].isalpha():
            current += "\n" + line
        else:
            current += " " + line
        if typical is not None and line[-1] in '.!?:"”’)' and len(line) < 0.7 * typical:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _first_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
