"""Rendering a Report: text (terminal), json (SPEC.md), markdown and html.

The Report object is the single source for every format::

    from verify.report import render
    html = render(report, "html")
    print(render(report, "text", color=sys.stdout.isatty(), width=100))
"""

from __future__ import annotations

from verify.model import Report

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html")


def render(report: Report, fmt: str, *, color: bool = False, width: int = 80, only_problems: bool = False) -> str:
    """``report`` as a string in format ``fmt`` (one of ``FORMATS``).

    ``color`` and ``width`` only matter for ``text``: colour is used only when
    ``color`` is True, and no line is longer than ``width`` columns. ``only_problems``
    (text and Markdown) keeps the claims that need an editor and the sources that failed:
    a short message for a commit hook or a pull-request comment.
    Raises ValueError for an unknown format.
    """
    # Each renderer is imported when asked for, so JSON output loads neither rich nor Jinja2.
    if fmt == "json":
        return report.to_json()
    if fmt == "text":
        from verify.report.text import render_text

        return render_text(report, color=color, width=width, only_problems=only_problems)
    if fmt == "markdown":
        from verify.report.markdown import render_markdown

        return render_markdown(report, only_problems=only_problems)
    if fmt == "html":
        from verify.report.html import render_html

        return render_html(report)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "render"]
