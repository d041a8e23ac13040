"""Readable text from snapshots: charset order, HTML main and full text, PDF, plain text."""

from __future__ import annotations

import codecs

import pytest

from tests.helpers import make_pdf
from verify.errors import SourceError
from verify.model import Snapshot
from verify.sources.text import decode_bytes, document_kind, join_pdf_lines, readable_text, visible_text

QUOTE = "Zoë said the café “would stay open” — for now."


def snap(body: bytes, content_type: str | None, charset: str | None = None) -> Snapshot:
    return Snapshot(
        location="https://news.example/x",
        final_url="https://news.example/x",
        http_status=200,
        content_type=content_type,
        charset=charset,
        fetched_at="2026-01-01T00:00:00Z",
        sha256="0" * 64,
        body=body,
    )


@pytest.mark.parametrize(
    ("body", "header", "html", "expected"),
    [
        # a BOM beats everything, even a header that says otherwise
        (codecs.BOM_UTF8 + QUOTE.encode("utf-8"), "iso-8859-2", False, QUOTE),
        (codecs.BOM_UTF16_LE + QUOTE.encode("utf-16-le"), None, False, QUOTE),
        (codecs.BOM_UTF16_BE + QUOTE.encode("utf-16-be"), "utf-8", False, QUOTE),
        # the header charset, when it decodes
        ("Zażółć gęślą jaźń".encode("iso-8859-2"), "iso-8859-2", False, "Zażółć gęślą jaźń"),
        (QUOTE.encode("utf-8"), "utf-8", False, QUOTE),
        # <meta charset> and http-equiv when the header says nothing
        (b'<meta charset="windows-1251"><p>' + "Привет, мир".encode("cp1251"), None, True, "Привет, мир"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>' + "Привет".encode("koi8-r"),
            None,
            True,
            "Привет",
        ),
        (b'<?xml version="1.0" encoding="iso-8859-7"?><p>' + "Καλημέρα".encode("iso-8859-7"), None, True, "Καλημέρα"),
        # meta is ignored for plain text
        (b'<meta charset="koi8-r">' + "café".encode(), None, False, '<meta charset="koi8-r">café'),
        # strict UTF-8 when nothing is declared
        (QUOTE.encode("utf-8"), None, False, QUOTE),
        # a header that fails strictly is skipped: UTF-8 declared, Windows-1252 sent
        ("Café “crème” brûlée".encode("cp1252"), "utf-8", False, "Café “crème” brûlée"),
        # Latin-1 declared but the bytes are UTF-8: read as UTF-8 (mislabelled)
        (QUOTE.encode("utf-8"), "iso-8859-1", False, QUOTE),
        # Latin-1 label, real Windows-1252 bytes: curly quotes come out (browsers do the same)
        ("“Quoted” text".encode("cp1252"), "iso-8859-1", False, "“Quoted” text"),
        # an unknown charset name is skipped
        (QUOTE.encode("utf-8"), "x-no-such-charset", False, QUOTE),
    ],
)
def test_charset_order(body: bytes, header: str | None, html: bool, expected: str) -> None:
    assert expected in decode_bytes(body, header, html=html)


CJK = "市議会は火曜日に新しい桟橋の建設を承認した。\n"
PAGE = f"<html><body><p>{QUOTE}</p></body></html>\n"


def even(data: bytes) -> bytes:
    """``data`` padded to a whole number of UTF-16 code units, as a page that decodes either way is."""
    return data if len(data) % 4 == 0 else data + b" " * (4 - len(data) % 4)


@pytest.mark.parametrize(
    ("body", "label", "html", "expected"),
    [
        # a wide label on bytes that are plainly not wide: not believed
        (even(PAGE.encode()), "utf-16", True, PAGE),
        (even(PAGE.encode()), "UTF-16LE", True, PAGE),
        (even(PAGE.encode()), "utf-16be", True, PAGE),
        (even(PAGE.encode()), "utf-32", True, PAGE),
        (even(b"The pier reopens in May."), "utf-16", False, "The pier reopens in May."),
        (even(QUOTE.encode()), "utf-16", False, QUOTE),
        (even(QUOTE.encode() + b"\0"), "utf-16", False, QUOTE + "\0"),  # a stray zero byte is not UTF-16
        (even(b'<meta charset="utf-16"><p>' + QUOTE.encode()), None, True, '<meta charset="utf-16"><p>' + QUOTE),
        (
            even("Café owners in Zürich said “prices will rise” next year.".encode("cp1252")),
            "utf-16",
            False,
            "Café owners in Zürich said “prices will rise” next year.",
        ),
        # genuine UTF-16 and UTF-32, with and without a byte-order mark, still decode
        (PAGE.encode("utf-16-le"), "utf-16", True, PAGE),
        (PAGE.encode("utf-16-be"), "utf-16", True, PAGE),
        (QUOTE.encode("utf-16-le"), "utf-16le", False, QUOTE),
        (QUOTE.encode("utf-16-be"), "utf-16be", False, QUOTE),
        (QUOTE.encode("utf-16"), "utf-16", False, QUOTE),
        (codecs.BOM_UTF16_BE + QUOTE.encode("utf-16-be"), "utf-16", False, QUOTE),
        (QUOTE.encode("utf-32-le"), "utf-32", False, QUOTE),
        (QUOTE.encode("utf-32-be"), "utf-32", False, QUOTE),
        (CJK.encode("utf-16-le"), "utf-16", False, CJK),
        (CJK.encode("utf-16-be"), "utf-16be", False, CJK),
    ],
)
def test_a_wide_charset_label_is_believed_only_when_the_bytes_agree(
    body: bytes, label: str | None, html: bool, expected: str
) -> None:
    assert decode_bytes(body, label, html=html).rstrip(" ") == expected.rstrip(" ")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Всё это было сказано на заседании городского совета во вторник вечером.", "cp1251"),
        ("Zażółć gęślą jaźń, powiedział burmistrz na konferencji prasowej w ratuszu.", "cp1250"),
        ("Καλημέρα σας, είπε ο δήμαρχος στους δημοσιογράφους το πρωί της Τρίτης.", "cp1253"),
        ("Café owners in Zürich said “prices will rise” next year.", "cp1252"),
    ],
)
def test_detection_reads_undeclared_legacy_text(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), None, html=False) == text


NEWS_PAGE = """<!doctype html><html><head><title>Harbour news</title>
<style>p { color: red }</style><script>var tracking = "do not show";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<article>
<h1>New pier for the harbour</h1>
<p>The harbour master said on Tuesday that the new pier would open in spring,
after two years of delays caused by storms and a shortage of steel.</p>
<p>“We are nearly there,” she told reporters at the quay, adding that the
final inspection was booked for <b>March</b>.</p>
<figure><figcaption>Photo caption: the pier under construction.</figcaption></figure>
</article>
<aside class="pullquote">“Nobody expected the storms,” the mayor wrote in a letter.</aside>
<div hidden>A hidden note that no reader sees.</div>
<footer>Copyright the Harbour Gazette</footer>
</body></html>"""


def test_html_main_text_keeps_paragraphs_as_lines() -> None:
    source = readable_text("S1", snap(NEWS_PAGE.encode(), "text/html", "utf-8"))
    lines = source.text.splitlines()
    assert any(
        line.startswith("The harbour master said on Tuesday that the new pier would open in spring, after two years")
        for line in lines
    )
    assert "“We are nearly there,” she told reporters at the quay" in source.text
    assert "final inspection was booked for March." in source.text
    assert "tracking" not in source.text and "color: red" not in source.text


def test_html_full_text_has_what_the_main_text_leaves_out() -> None:
    source = readable_text("S1", snap(NEWS_PAGE.encode(), "text/html", "utf-8"))
    assert source.full_text is not None
    assert "the mayor wrote in a letter" in source.full_text
    for invisible in ("tracking", "color: red", "hidden note", "Home", "About us", "Copyright"):
        assert invisible not in source.full_text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>one <b>bold</b> word</p>", "one bold word"),
        ("<p>first</p><p>second</p>", "first\nsecond"),
        ("<div>line one<br>line two</div>", "line one\nline two"),
        ("<table><tr><td>cell a</td><td>cell b</td></tr></table>", "cell a cell b"),
        ("<p>keep&nbsp;the&nbsp;words</p>", "keep the words"),
        ("<p>a<!-- a comment -->b</p>", "ab"),
        ("<ul><li>first point</li><li>second point</li></ul>", "first point\nsecond point"),
        ("<p>text</p><script>alert('x')</script><noscript>enable js</noscript>", "text"),
        ("<div>" * 3000 + "deep" + "</div>" * 3000, "deep"),  # deeper than Python recursion
    ],
)
def test_visible_text(html: str, expected: str) -> None:
    assert visible_text(html) == expected


def test_full_text_is_none_when_it_equals_the_main_text() -> None:
    page = b"<html><body><p>A single paragraph that says one short thing about the weather today.</p></body></html>"
    source = readable_text("S1", snap(page, "text/html"))
    assert source.text == "A single paragraph that says one short thing about the weather today."
    assert source.full_text is None


def test_xhtml_with_an_xml_declaration() -> None:
    page = (
        b'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        b"<p>The ferry timetable changes in June, the operator said.</p></body></html>"
    )
    assert "ferry timetable changes in June" in readable_text("S1", snap(page, "application/xhtml+xml")).text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"Line one.\r\nLine two.\r\n", "Line one.\nLine two.\n"),
        ("Plain “quoted” words\n\nNext paragraph".encode(), "Plain “quoted” words\n\nNext paragraph"),
    ],
)
def test_plain_text_is_kept_as_is(body: bytes, expected: str) -> None:
    assert readable_text("S2", snap(body, "text/plain")).text == expected


def test_pdf_text_comes_out() -> None:
    pdf = make_pdf(["Minutes of the parks committee.", "The chair said the fountain (built 1901) would be restored."])
    text = readable_text("S3", snap(pdf, "application/pdf")).text
    assert "Minutes of the parks committee." in text
    assert "The chair said the fountain (built 1901) would be restored." in text


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("one line only", "one line only"),
        ("a sentence that runs\nover two lines", "a sentence that runs over two lines"),
        ("first paragraph\n\nsecond paragraph", "first paragraph\nsecond paragraph"),
        ("the commit-\ntee met", "the commit-\ntee met"),  # hyphenated break kept for the matcher
        ("a dash - \nthen more", "a dash - then more"),  # a spaced dash is not a word break
        ("   spaced    out   \n  words  ", "spaced out words"),
        (
            "This line is long enough to set the typical width of the page.\n"
            "Another line just as long as the first one in this paragraph.\n"
            "Short last line.\n"
            "A new paragraph starts on this line and it is a long one too.",
            "This line is long enough to set the typical width of the page. "
            "Another line just as long as the first one in this paragraph. Short last line.\n"
            "A new paragraph starts on this line and it is a long one too.",
        ),
    ],
)
def test_join_pdf_lines(page: str, expected: str) -> None:
    assert join_pdf_lines(page) == expected


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("text/html", b"<p>x</p>", "html"),
        ("application/xhtml+xml", b"<html/>", "html"),
        ("application/pdf", b"%PDF-1.4", "pdf"),
        ("text/plain", b"words", "text"),
        ("text/markdown", b"# words", "text"),
        (None, b"%PDF-1.7 ...", "pdf"),
        (None, b"  <!DOCTYPE html><html>", "html"),
        ("application/octet-stream", b"just words", "text"),
        (None, b"\x00\x01\x02binary", None),
        ("application/xml", b"<rss></rss>", None),
        ("text/csv", b"a,b,c", None),
        ("image/png", b"\x89PNG", None),
    ],
)
def test_document_kind(content_type: str | None, body: bytes, kind: str | None) -> None:
    assert document_kind(content_type, body) == kind


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"\x89PNG\r\n", "image/png", "cannot read image/png"),
        (b"%PDF-1.4 broken beyond repair", "application/pdf", "PDF"),
        (make_pdf([]), "application/pdf", "no text layer"),
        (b"<html><body><script>only()</script></body></html>", "text/html", "no readable text"),
        (b"   \n  ", "text/plain", "no readable text"),
    ],
)
def test_unreadable_sources_raise_source_error(body: bytes, content_type: str, message: str) -> None:
    with pytest.raises(SourceError, match=message) as raised:
        readable_text("S9", snap(body, content_type))
    assert raised.value.status == "unreadable"


def test_a_pdf_transcript_keeps_each_speakers_turn_on_its_own_line() -> None:
    """Lines of a page are joined into paragraphs, but a line that opens a turn starts one."""
    from tests.helpers import make_pdf
    from verify.sources.text import pdf_text

    turns = ["CHAIR: We turn to the reserve.", "MS R. OYELARAN (Finance Director): It lasts.", "CHAIR: Thank you."]
    assert pdf_text(make_pdf(["Hearing", "", *turns])).splitlines()[-3:] == turns
