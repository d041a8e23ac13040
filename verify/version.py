"""The version reported in every report and in the User-Agent.

Written here, once; pyproject.toml reads it from this file, so the two cannot disagree.
"""

__version__ = "0.2.0"
