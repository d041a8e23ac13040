"""The ``verify`` command's entry point: a setting for the whole process, then ``verify.cli``.

A check is one short-lived process that makes a great many small objects (modules, claims,
index rows, results) and frees few of them before it exits. Python's cycle collector, run after
every 700 new container objects, walks them again and again: measured with ``gc.callbacks`` on
the bench corpora's first checks, 7.8 ms in the process that prints the report at 300 sources
(2.6 ms of it while ``verify.cli`` loads) and 36 ms at 3,000, plus what each forked child spends
(where a walk also copies every page it touches). Almost nothing it walks is garbage: a check
makes few cycles. So the command collects after 200,000 new objects instead: a single check
then never collects (peak memory at 3,000 sources: 96.6 MiB before, 97.1 MiB after, in two
benchmark runs), while a long batch or the service still does. The library (``import
verify``) leaves the collector as the caller set it; this module is only what the command and
``python -m verify`` run, and it sets the threshold before anything else is imported.
"""

from __future__ import annotations

import gc
from typing import NoReturn

COMMAND_GC_THRESHOLD = 200_000  # new container objects between collections (Python's default: 700)


def run() -> NoReturn:
    """The ``verify`` command (the console script's entry point)."""
    gc.set_threshold(COMMAND_GC_THRESHOLD)
    from verify.cli import run as run_command_line

    run_command_line()
