"""The full visible text of an HTML source, markup case by markup case.

Expected strings keep the parser's quirks (``text-in-html`` runs two words together,
``stray-end-p`` drops the break a browser would show) so that the text reports quote stays put.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from verify.sources.text import visible_text

DEEP = 5000  # far deeper than Python recursion and than lxml's tree depth limits


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<p>shown</p><div hidden>not shown</div><p>also shown</p>", "shown\nalso shown", id="hidden"),
        pytest.param('<p hidden="false">still hidden</p><p>seen</p>', "seen", id="hidden-any-value"),
        pytest.param("<P>One</P><DIV HIDDEN>two</DIV><SCRIPT>three</SCRIPT>", "One", id="upper-case"),
        pytest.param("<p>before <span hidden>secret</span> after</p>", "before after", id="tail-after-hidden"),
        pytest.param("<p>one<script>run()</script> two</p>", "one two", id="tail-after-script"),
        pytest.param("<p>one<style>p {}</style>two</p>", "onetwo", id="tail-after-style"),
        pytest.param("<div>outer <div>inner</div> rest</div>", "outer\ninner\nrest", id="nested-blocks"),
        pytest.param("<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul>", "one\none.a\ntwo", id="nested-lists"),
        pytest.param("<p>line one<br>line two<br/>line three</p>", "line one\nline two\nline three", id="br"),
        pytest.param("<p>a<br hidden>b</p>", "ab", id="hidden-br"),
        pytest.param(
            "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ana</td><td>41</td></tr></table>",
            "Name Age\nAna 41",
            id="cells",
        ),
        pytest.param("<div>x<td>cell</td>y</div>", "x cell y", id="cell-outside-table"),
        pytest.param("<p>a<!-- note -->b <!-- more --> c</p>", "ab c", id="comments"),
        pytest.param("<p>a<![CDATA[not shown]]>b</p>", "ab", id="cdata"),
        pytest.param("<p>a<?php echo 1 ?>b</p>", "ab", id="processing-instruction"),
        pytest.param("<p>a<!DOCTYPE html>b</p>", "ab", id="doctype-inside"),
        pytest.param(
            "<p>Caf&eacute; &ldquo;open&rdquo; &amp; 5&nbsp;&lt;&nbsp;6 &#x2014; &#8220;x&#8221;</p>",
            "Café “open” & 5 < 6 — “x”",
            id="entities",
        ),
        pytest.param("<p>&bogus; &amp x &copy2026</p>", "&bogus; & x ©2026", id="odd-entities"),
        pytest.param("<p>a</p><template><p>template text</p></template><p>b</p>", "a\nb", id="template"),
        pytest.param("<noscript><p>Turn on JavaScript</p></noscript><p>body</p>", "body", id="noscript"),
        pytest.param("<p>a<iframe>frame</iframe>b<object>obj</object>c<canvas>cv</canvas>d</p>", "abcd", id="embeds"),
        pytest.param("<p>before</p><svg><text>svg label</text></svg><p>after</p>", "before\nafter", id="svg"),
        pytest.param("<p>icon<svg><title>t</title></svg> label</p>", "icon label", id="tail-after-svg"),
        pytest.param("<p>first<p>second<li>item", "first\nsecond\nitem", id="unclosed-blocks"),
        pytest.param("<p><b>bold <i>both</p><p>next", "bold both\nnext", id="unclosed-inline"),
        pytest.param("<p>a</p></p>b", "a\nb", id="stray-end-p-after-p"),
        pytest.param("<div>a</p>b</div>", "ab", id="stray-end-p"),
        pytest.param("<body>loose text<p>para</p>more loose</body>", "loose text\npara\nmore loose", id="text-in-body"),
        pytest.param("<html>in html<body>in body</body></html>", "in htmlin body", id="text-in-html"),
        pytest.param("<html><body><p>a</p></body></html><p>late</p>", "a\nlate", id="after-end-html"),
        pytest.param("<html><head><title>Page title</title></head><body><p>text</p></body></html>", "text", id="head"),
        pytest.param("<body><title>Shown title</title>text</body>", "Shown title\ntext", id="title-in-body"),
        pytest.param("<p>a<textarea>typed words</textarea>b</p>", "atyped wordsb", id="textarea"),
        pytest.param("<pre>line 1\nline 2</pre>", "line 1\nline 2", id="pre"),
        pytest.param("<p>a\n   b</p>", "a\nb", id="newline-in-text"),
        pytest.param("<p><b>a</b> <i>b</i></p>", "a b", id="space-between-inlines"),
        pytest.param("<span>a</span>\n<span>b</span>", "a\nb", id="newline-between-inlines"),
        pytest.param("<b>one</b> \x0c <i>two</i>", "one two", id="form-feed-between-inlines"),
        pytest.param("<pre><b>one</b>\x0c<i>two</i></pre>", "one\ntwo", id="form-feed-in-pre"),
        pytest.param("<b>one</b> \x0c<!-- note -->two", "one two", id="form-feed-before-comment"),
        pytest.param("<p>Zoë said “ça va” — 東京で</p>", "Zoë said “ça va” — 東京で", id="non-ascii"),
        pytest.param("\ufeff<p>x</p>", "x", id="byte-order-mark"),
        pytest.param("", "", id="empty"),
        pytest.param("<!-- nothing else -->", "", id="only-a-comment"),
        pytest.param("<div>" * DEEP + "deep" + "</div>" * DEEP + "<p>after</p>", "deep\nafter", id="deep"),
        pytest.param("<b>" * DEEP + "x<p>y", "x\ny", id="deep-unclosed"),
    ],
)
def test_visible_text(html: str, expected: str) -> None:
    assert visible_text(html) == expected


def test_a_hundred_thousand_levels_deep_loses_nothing() -> None:
    depth = 100_000
    page = "<p>top</p>" + "<div><span>" * depth + "bottom" + "</span></div>" * depth + "<p>end</p>"
    assert visible_text(page) == "top\nbottom\nend"


PROBE = """
import sys
from verify.model import Snapshot
from verify.sources.text import readable_text
def read(body, kind):
    snapshot = Snapshot(location="x", final_url="x", http_status=200, content_type=kind, charset="utf-8",
                        fetched_at="2026-01-01T00:00:00Z", sha256="0" * 64, body=body)
    readable_text("S1", snapshot)
    return sorted(m for m in ("trafilatura", "lxml", "bs4") if m in sys.modules)
print(read(b"The ferry leaves at noon, the operator said.", "text/plain"))
print(read(b"<html><body><p>The ferry leaves at noon, the operator said.</p></body></html>", "text/html"))
"""


def test_html_readers_load_only_for_an_html_source() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "['lxml', 'trafilatura']"]
