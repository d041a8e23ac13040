"""``python -m verify``: the same as the ``verify`` command."""

from verify.cli import run

run()
