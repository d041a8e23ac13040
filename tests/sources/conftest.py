"""Fixtures for the source tests (defined in srchelp.py, which tests also import helpers from)."""

from srchelp import live_server, waits

__all__ = ["live_server", "waits"]
