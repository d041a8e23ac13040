"""Readable text of a snapshot: HTML main text (and every visible word), PDF text, plain text.

Pure functions of bytes; nothing here touches the network or the cache.

HTML (and XHTML) goes through trafilatura for the article body, favouring recall, one
paragraph per line. Because a quote may sit outside what trafilatura calls the main text
(a caption, a pull quote, a comment), the page's full text is kept as
``SourceText.full_text`` when it differs: the visible words (scripts, styles and hidden
elements dropped; block elements on their own lines) without the page's furniture, which
never supports a claim: ``nav``, ``menu``, a page-level ``header``, ``footer`` or ``aside``,
elements whose role, class or id marks navigation, menus, related links, ads or share bars,
and lists whose items are mostly links. A comments section stays, and where it lies is kept
(``SourceText.comments``). The page's own name for its site (``og:site_name``, the JSON-LD
publisher, or the name after " | " or " - " in its title) is read on the way
(``SourceText.outlet``). Parsers: lxml reads sources (trafilatura's tree, and the full text
straight from parser events: fast on large pages, no depth limit); BeautifulSoup, over the
same parser, reads only HTML drafts (``verify.document``).

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
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from verify.errors import SourceError
from verify.model import Snapshot, SourceStatus, SourceText, Span

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
        page = html_page(decode_bytes(snapshot.body, snapshot.charset, html=True))
        if not page.text.strip():
            raise SourceError(SourceStatus.UNREADABLE.value, "no readable text in the html source")
        return SourceText(source_id, page.text, page.full_text, page.comments, page.outlet)
    if kind == "pdf":
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


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page gives for matching (the fields of ``SourceText``)."""

    text: str  # the main text
    full_text: str | None  # the full text, None when the same as the main text
    comments: tuple[Span, ...]  # where the comments sections lie in ``full_text``
    outlet: str | None  # the page's own name for its site


def html_page(html: str) -> HtmlPage:
    """The main text, the full text with its comments sections, and the site's name."""
    reading = read_page(html)
    main = _main_text(html)
    if not main:
        return HtmlPage(reading.text, None, (), reading.outlet)
    if _squash(reading.text) == _squash(main):
        return HtmlPage(main, None, (), reading.outlet)
    return HtmlPage(main, reading.text, reading.comments, reading.outlet)


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


@dataclass(frozen=True)
class PageReading:
    """The full text of a page, where its comments sections lie in it, and its site's name."""

    text: str
    comments: tuple[Span, ...]
    outlet: str | None


def visible_text(html: str) -> str:
    """The page's full text: every word a reader sees outside its furniture, one block element per line."""
    return read_page(html).text


def read_page(html: str) -> PageReading:
    """The full text, its comments sections and the site's own name, in one pass of the parser."""
    from lxml import etree

    target = _VisibleText()
    parser = etree.HTMLParser(target=target)
    parser.feed(html[1:] if html.startswith("\ufeff") else html)  # a leading byte-order mark is not text
    text, comments = _comment_spans(parser.close())
    return PageReading(text, comments, target.site_name())


# Roles of the page's furniture; "complementary" is an aside, dropped only outside the article.
_FURNITURE_ROLES = frozenset({"navigation", "menu", "menubar", "banner", "contentinfo", "search"})
# Class and id words that mark navigation, menus, related links, ads, share bars and footers.
_FURNITURE_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "sitenav", "topnav", "mainnav", "menu", "breadcrumb", "breadcrumbs",
        "masthead", "footer", "related", "relatedlinks", "relatedstories", "recommended", "recirculation",
        "ad", "ads", "advert", "adverts", "advertisement", "adslot", "adunit", "adsbygoogle", "sponsored",
        "promo", "share", "sharing", "sharebar", "sharetools", "socialshare", "social",
    }
)  # fmt: skip
# Class and id words of an aside that belongs to the article wherever it sits on the page.
_KEPT_WORDS = frozenset({"pullquote", "pullout", "caption", "quote", "blockquote"})
# Class and id words of a comments section.
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "disqus"})
# A class that opens with one of these describes a state ("has-nav", "menu" open), not the element.
_STATE_WORDS = frozenset({"has", "with", "no", "is", "js"})
# Elements never dropped for their class: a class there describes the whole page.
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
# Inside these a header, footer or aside belongs to the article, not the page.
_ARTICLE_TAGS = frozenset({"article", "main", "section"})
_LISTS = frozenset({"ul", "ol", "menu"})
# A list is a link list when more than this share of its items is mostly link text.
_LINK_LIST_SHARE = 0.5
# An item is a link when at least this share of its letters is inside links.
_LINK_ITEM_SHARE = 0.6
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Marks around a comments section while the text is made (noncharacters: never in a page's text).
_OPEN_COMMENTS, _CLOSE_COMMENTS = "\ufdd0", "\ufdd1"


def _class_words(attrib: dict[str, str]) -> frozenset[str]:
    """The words of the element's class names and id, unless a name describes a state."""
    if "class" not in attrib and "id" not in attrib:
        return frozenset()
    return _words_of_names(attrib.get("class", ""), attrib.get("id", ""))


@lru_cache(maxsize=4096)
def _words_of_names(classes: str, identifier: str) -> frozenset[str]:
    # Cached: a page repeats the same few class attributes thousands of times.
    found: set[str] = set()
    for name in (*classes.split(), identifier):
        words = [w for w in _NOT_WORD.split(_CAMEL.sub(" ", name).lower()) if w]
        if words and words[0] not in _STATE_WORDS:
            found.update(words)
    return frozenset(found)


@dataclass
class _Open:
    """One open visible element: what to write when it closes, and what it is."""

    separator: str
    preserves: bool
    article: bool = False
    link: bool = False
    comments: bool = False
    item: bool = False
    list_start: int = -1  # for a list: where its text starts among the pieces


class _VisibleText:
    """An lxml parser target that keeps the text a reader sees, without the page's furniture.

    Driven by the parser's events, so no tree is built and no nesting depth is too deep.
    Each run of text between two events is one string, read as BeautifulSoup reads it, so
    the text is the same as through BeautifulSoup: a string of nothing but ASCII whitespace,
    outside ``<pre>`` and ``<textarea>``, becomes one space, or one line break if it holds one.
    A list is decided when it closes: its text is taken back out if it was a link list.
    """

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._run: list[str] = []
        self.data = self._run.append  # called by the parser for every bit of text
        self._closing: list[_Open] = []
        self._skipping = 0  # depth inside a dropped element
        self._preserving = 0  # open <pre>/<textarea> elements
        self._in_article = 0
        self._in_link = 0
        self._in_comments = 0
        self._items: list[list[int]] = []  # per open list item: [letters in links, letters]
        self._lists: list[list[int]] = []  # per open list: [link items, items]
        self._capture: tuple[str, list[str]] | None = None  # a <title> or JSON-LD being read
        self._title: str | None = None
        self._og_site_name: str | None = None
        self._json_ld: list[str] = []

    def _end_run(self) -> None:
        text = "".join(self._run)
        self._run.clear()
        if self._capture is not None:
            self._capture[1].append(text)
        if self._skipping:
            return
        if not self._preserving and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "  # a lone form feed must not break the line
        elif self._items:
            letters = sum(map(str.isalnum, text))
            self._items[-1][1] += letters
            if self._in_link:
                self._items[-1][0] += letters
        self._pieces.append(text)

    def _furniture(self, tag: str, attrib: dict[str, str]) -> bool:
        if tag in ("nav", "menu"):
            return True
        words = _class_words(attrib)
        if tag in ("header", "footer", "aside") and not self._in_article:
            return not _KEPT_WORDS.intersection(words)
        role = attrib.get("role", "").strip().lower()
        if role in _FURNITURE_ROLES or (role == "complementary" and not self._in_article):
            return True
        return tag not in _NEVER_FURNITURE and not _FURNITURE_WORDS.isdisjoint(words)

    def _read_metadata(self, tag: str, attrib: dict[str, str]) -> None:
        if tag == "meta" and attrib.get("property", attrib.get("name", "")).lower() == "og:site_name":
            self._og_site_name = self._og_site_name or attrib.get("content")
        elif tag == "title" and self._title is None and self._capture is None:
            self._capture = ("title", [])
        elif tag == "script" and "ld+json" in attrib.get("type", "").lower() and self._capture is None:
            self._capture = ("script", [])

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self._run:
            self._end_run()
        self._read_metadata(tag, attrib)
        if self._skipping:
            self._skipping += 1
        elif tag in _INVISIBLE or "hidden" in attrib or self._furniture(tag, attrib):
            self._skipping = 1
        elif tag == "br":
            self._pieces.append("\n")
            self._skipping = 1  # nothing inside a <br> counts
        else:
            separator = "\n" if tag in _BLOCKS else " " if tag in _CELLS else ""
            opened = _Open(separator, tag in _PRESERVE_SPACE, article=tag in _ARTICLE_TAGS, link=tag == "a")
            if not self._in_comments and tag not in _NEVER_FURNITURE:
                opened.comments = not _COMMENT_WORDS.isdisjoint(_class_words(attrib))
            if tag in _LISTS:
                opened.list_start = len(self._pieces)
                self._lists.append([0, 0])
            elif tag == "li":
                opened.item = True
                self._items.append([0, 0])
            self._pieces.append(separator)
            if opened.comments:
                self._pieces.append(f"\n{_OPEN_COMMENTS}\n")
            self._closing.append(opened)
            self._preserving += opened.preserves
            self._in_article += opened.article
            self._in_link += opened.link
            self._in_comments += opened.comments

    def end(self, tag: str) -> None:
        if self._run:
            self._end_run()
        if self._capture is not None and self._capture[0] == tag:
            self._keep_capture()
        if self._skipping:
            self._skipping -= 1
            return
        opened = self._closing.pop()
        self._preserving -= opened.preserves
        self._in_article -= opened.article
        self._in_link -= opened.link
        self._in_comments -= opened.comments
        if opened.comments:
            self._pieces.append(f"\n{_CLOSE_COMMENTS}\n")
        if opened.item:
            in_links, letters = self._items.pop()
            if self._lists:
                self._lists[-1][1] += 1
                self._lists[-1][0] += letters > 0 and in_links >= _LINK_ITEM_SHARE * letters
            if self._items:  # a nested list's words count for the item holding it
                self._items[-1][0] += in_links
                self._items[-1][1] += letters
        if opened.list_start >= 0:
            link_items, items = self._lists.pop()
            if items and link_items > _LINK_LIST_SHARE * items:
                del self._pieces[opened.list_start :]
        self._pieces.append(opened.separator)

    def _keep_capture(self) -> None:
        assert self._capture is not None
        kind, parts = self._capture
        self._capture = None
        if kind == "title":
            self._title = " ".join("".join(parts).split())
        else:
            self._json_ld.append("".join(parts))

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

    def site_name(self) -> str | None:
        """The page's own name for its site: ``og:site_name``, else the JSON-LD publisher, else the title's end."""
        for name in (self._og_site_name, *map(_publisher_name, self._json_ld)):
            if name and name.strip():
                return " ".join(name.split())
        return title_site_name(self._title or "")


def _comment_spans(text: str) -> tuple[str, tuple[Span, ...]]:
    """``text`` without its comment marks (each on a line of its own), and the spans they enclosed."""
    if _OPEN_COMMENTS not in text:
        return text, ()
    lines: list[str] = []
    spans: list[Span] = []
    offset, opened_at = 0, -1
    for line in text.split("\n"):
        if line == _OPEN_COMMENTS:
            opened_at = offset
        elif line == _CLOSE_COMMENTS:
            if 0 <= opened_at < offset:
                spans.append(Span(opened_at, offset - 1))  # the last line's break is not in the section
            opened_at = -1
        else:
            lines.append(line)
            offset += len(line) + 1
    return "\n".join(lines), tuple(spans)


def _publisher_name(data: str) -> str | None:
    """The publisher's name in one JSON-LD block (an object, a list or an ``@graph``)."""
    try:
        parsed = json.loads(data)
    except ValueError:
        return None
    pending = [parsed]
    while pending:
        node = pending.pop(0)
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            publisher = node.get("publisher")
            if isinstance(publisher, list) and publisher:
                publisher = publisher[0]
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                return str(publisher["name"])
            if isinstance(node.get("@graph"), list):
                pending.extend(node["@graph"])
    return None


# The separators a page title puts before its site's name.
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ")
# Words a site's name may hold without a capital.
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "le", "el", "du", "der", "die", "&"})


def title_site_name(title: str) -> str | None:
    """The site's name at the end of a page title ("Rates held | The Harbour Gazette"), when it looks like one."""
    cut = max(title.rfind(separator) for separator in _TITLE_SEPARATORS)
    if cut < 0:
        return None
    name = title[cut + 3 :].strip()
    words = name.split()
    if not 0 < len(words) <= 5 or len(name) > 40:
        return None
    if not all(w.lower() in _SMALL_WORDS or w[0].isupper() or w[0].isdigit() for w in words):
        return None
    return name


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
    ends a paragraph; a line ending in a letter and a hyphen keeps its line break; a line
    that opens a transcript turn ("MS R. OYELARAN (Finance Director): …") starts one, so
    whom the words are credited to can still be read.
    """
    from verify.claims.transcript import SPEAKER_LINE  # only PDFs get here

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
        if current and SPEAKER_LINE.match(line):
            paragraphs.append(current)
            current = ""
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
