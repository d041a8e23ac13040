"""Hypothesis profiles for the fuzzing suite.

``ci`` (the default, part of ``make test``): a bounded number of examples per property, the
same ones on every run (derandomised), no time limit per example, nothing saved. ``fuzz``
(``make fuzz``): thousands of fresh examples per property; failures are kept in
``.hypothesis/`` and tried first next time. ``HYPOTHESIS_PROFILE`` chooses.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=3000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
