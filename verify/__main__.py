"""``python -m verify``: the same as the ``verify`` command."""

from verify.entry import run

run()
