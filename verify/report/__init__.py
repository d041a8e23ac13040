"""Rendering a Report: text (terminal), json (SPEC.md), markdown and html.

The Report object is the single source for every format.
"""
