"""What a reader sees of a report in each human format: its visible words, whitespace squeezed."""

from __future__ import annotations

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from verify.model import Report
from verify.report import render

HUMAN_FORMATS = ("text", "markdown", "html")
_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def shown(report: Report, fmt: str, **options: bool) -> str:
    """The visible text of ``report`` rendered as ``fmt``, on one line."""
    rendered = render(report, fmt, width=400, **options)
    if fmt == "markdown":
        rendered = BeautifulSoup(_MD.render(rendered), "lxml").get_text(" ")
    elif fmt == "html":
        page = BeautifulSoup(rendered, "lxml")
        for hidden in page(["style", "script", "title"]):
            hidden.decompose()
        rendered = page.get_text(" ")
    return " ".join(rendered.split())
