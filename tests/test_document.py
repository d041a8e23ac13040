"""Reading drafts: encodings, formats, paragraphs and links, with offsets into the text as read."""

import re

import pytest

from verify.document import (
    _LINK_ADDRESS,
    _LINK_CLOSE,
    decode_bytes,
    load_bytes,
    load_text,
    markdown_links,
    paragraph_spans,
    read_document,
    text_links,
)
from verify.errors import InputError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Plain “curly” text".encode(), "Plain “curly” text", id="utf-8"),
        pytest.param(b"\xef\xbb\xbfWith BOM", "With BOM", id="utf-8 with BOM"),
        pytest.param("Le maire a dit".encode("utf-16"), "Le maire a dit", id="utf-16 with BOM"),
        pytest.param(
            "Der Bürgermeister sagte, die Straße bleibe geschlossen, und die Anwohner äußerten Ärger.".encode("cp1252"),
            "Der Bürgermeister sagte, die Straße bleibe geschlossen, und die Anwohner äußerten Ärger.",
            id="windows-1252 detected",
        ),
    ],
)
def test_decode(raw: bytes, expected: str) -> None:
    assert decode_bytes(raw) == expected


def test_binary_is_refused_with_one_line() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        pytest.param("One.\n\nTwo.\n\n\nThree.", ["One.", "Two.", "Three."], id="blank lines"),
        pytest.param("One.\nstill one.\n\nTwo.", ["One.\nstill one.", "Two."], id="soft line break"),
        pytest.param("One.\nTwo.\nThree.", ["One.", "Two.", "Three."], id="no blank line: a line each"),
        pytest.param("  \n\nOnly.  \n\n  ", ["Only."], id="whitespace trimmed"),
        pytest.param("", [], id="empty"),
        pytest.param("A.\r\n\r\nB.", ["A.", "B."], id="windows line ends"),
    ],
)
def test_paragraphs(text: str, paragraphs: list[str]) -> None:
    assert [text[s.start : s.end] for s in paragraph_spans(text)] == paragraphs


@pytest.mark.parametrize(
    ("text", "links"),
    [
        pytest.param("as [The Ledger](https://ledger.example/a) said", [("https://ledger.example/a", "The Ledger")],
                     id="markdown link"),  # fmt: skip
        pytest.param("see https://gazette.example/story.html.", [("https://gazette.example/story.html",
                     "https://gazette.example/story.html")], id="bare url, trailing stop dropped"),  # fmt: skip
        pytest.param("no links here", [], id="none"),
        pytest.param("![the pier](https://port.example/pier.jpg) as [the Ledger](https://ledger.example/a) said",
                     [("https://ledger.example/a", "the Ledger")], id="an image is not a source"),  # fmt: skip
        pytest.param("![](https://port.example/p.png) and https://port.example/p.png", [("https://port.example/p.png",
                     "https://port.example/p.png")], id="the same address bare is one"),  # fmt: skip
        pytest.param("[[[ ]]] see [the Ledger](https://ledger.example/a)", [("https://ledger.example/a", "the Ledger")],
                     id="after a run of brackets"),  # fmt: skip
        pytest.param("[a [b](https://ledger.example/b)", [("https://ledger.example/b", "a [b")],
                     id="the first bracket of the line opens it"),  # fmt: skip
    ],
)
def test_links(text: str, links: list[tuple[str, str]]) -> None:
    found = text_links(text)
    assert [(link.url, text[link.span.start : link.span.end]) for link in found] == links


def test_markdown_offsets_are_the_file_as_read() -> None:
    text = "# Title\n\n“We will rebuild,” the mayor said."
    doc = load_text(text, path="draft.md")
    assert doc.format == "markdown"
    assert doc.text == text
    assert doc.paragraph_of(text.index("We will")) == 1


def test_html_draft_is_reduced_to_visible_text() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body><nav>Home</nav>"
        "<p>The mayor said <a href='https://harbour.example/x'>“we will rebuild”</a>.</p>"
        "<script>alert(1)</script><p>Second &amp; last.</p></body></html>"
    )
    doc = load_text(html, path="draft.html")
    assert doc.text == "The mayor said “we will rebuild”.\n\nSecond & last."
    paragraphs = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert paragraphs == ["The mayor said “we will rebuild”.", "Second & last."]
    (link,) = doc.links
    assert link.url == "https://harbour.example/x"
    assert doc.text[link.span.start : link.span.end] == "“we will rebuild”"


def test_html_sniffed_without_suffix() -> None:
    assert load_text("<!DOCTYPE html><p>Hi</p>").format == "html"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda tmp: tmp / "missing.txt", "no such file", id="missing"),
        pytest.param(lambda tmp: tmp, "is a directory", id="directory"),
    ],
)
def test_read_document_errors(tmp_path, make, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        read_document(make(tmp_path))


def test_sha256_is_of_bytes_as_read() -> None:
    import hashlib

    raw = b"\xef\xbb\xbfHello"
    assert load_bytes(raw).sha256 == hashlib.sha256(raw).hexdigest()


# The pattern the link scanner answers for; it takes quadratic time on runs of "[" or "[a](".
_LINK_PATTERN = re.compile(r"\[([^\]\n]*)\]\((https?://[^)\s]+)(?:\s+\"[^\"]*\")?\)")


@pytest.mark.parametrize(
    "text",
    [
        "[a](https://x.example/1) [b](https://x.example/2 \"title\")",
        "[a](https://x.example/1[b](https://x.example/2)",
        "[a](https://x.example/1 [b](https://x.example/2)",
        "[a](https://x.example/1 \"open [b](https://x.example/2)\")",
        "[a](https://x.example/1\n[b](https://x.example/2)",
        "[a]](https://x.example/1) [[b]](https://x.example/2) [c\n](https://x.example/3)",
        "[a](https://x.example/[b](https://x.example/2 [c](https://x.example/3)",
        "[a](ftp://x.example/1) [b](https://) [c](https://x.example/3 \"t\" )",
        "[a](https://x.example/1 \"t\"\n) ![i](https://x.example/i.png) [d](https://x.example/4)",
    ],
)
def test_markdown_links_find_what_the_pattern_finds(text: str) -> None:
    found = [(link.start, link.end, link.target) for link in markdown_links(text, _LINK_ADDRESS, _LINK_CLOSE)]
    assert found == [(m.start(), m.end(), m.group(2)) for m in _LINK_PATTERN.finditer(text)]


def test_deeply_nested_html_is_read_without_recursion() -> None:
    depth = 5000
    html = "<html><body>" + "<div>" * depth + "<p>“It holds,” she said.</p>" + "</div>" * depth + "</body></html>"
    doc = load_text(html, path="draft.html")
    assert doc.text == "“It holds,” she said."


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_lone_surrogate_becomes_a_replacement_character(fmt: str) -> None:
    text = "<p>“The pier \ud800 holds,” said Ana \udfff Lind.</p>"
    doc = load_text(text, format=fmt)
    assert "\ufffd \ufffd" not in doc.text and doc.text.count("\ufffd") == 2
    assert not any("\ud800" <= c <= "\udfff" for c in doc.text)
    if fmt != "html":
        assert len(doc.text) == len(text)  # one for one: every offset stays true
    doc.text.encode("utf-8")


@pytest.mark.parametrize("name", ["a\x00b.md", "\ud800.md"])
def test_an_unusable_file_name_is_an_input_error(name: str) -> None:
    with pytest.raises(InputError, match="not a usable file name"):
        read_document(name)
