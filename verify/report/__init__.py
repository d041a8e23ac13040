"""Rendering a Report: text (terminal), json (SPEC.md), markdown and html.

The Report object is the single source for every format::

    from verify.report import render
    html = render(report, "html")
    print(render(report, "text", color=sys.stdout.isatty(), width=100))
"""

from __future__ import annotations

from verify.model import Report
from verify.surrogates import replace_lone_surrogates

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html")


def render(report: Report, fmt: str, *, color: bool = False, width: int = 80, only_problems: bool = False) -> str:
    """``report`` as a string in format ``fmt`` (one of ``FORMATS``).

    ``color`` and ``width`` only matter for ``text``: colour is used only when
    ``color`` is True, and no line is longer than ``width`` columns. ``only_problems``
    (text and Markdown) keeps the claims that need an editor and the sources that failed:
    a short message for a commit hook or a pull-request comment.
    Raises ValueError for an unknown format. The result can always be encoded: a lone
    surrogate (possible only in a report read back from JSON) is shown as U+FFFD.
    """
    # Each renderer is imported when asked for, so JSON output loads neither rich nor Jinja2.
    if fmt == "json":
        return report.to_json()
    if fmt == "text":
        from verify.report.text import render_text

        rendered = render_text(report, color=color, width=width, only_problems=only_problems)
    elif fmt == "markdown":
        from verify.report.markdown import render_markdown

        rendered = render_markdown(report, only_problems=only_problems)
    elif fmt == "html":
        from verify.report.html import render_html

        rendered = render_html(report)
    else:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    # A report read back from JSON may hold a lone surrogate, which no file or socket can take.
    return replace_lone_surrogates(rendered)


__all__ = ["FORMATS", "render"]
