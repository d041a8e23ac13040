"""The version reported in every report and in the User-Agent.

It is written here, once, and pyproject.toml reads it from this file, so the two cannot
disagree; reading it from the installed package's metadata cost every run ~35 ms of imports.
"""

__version__ = "0.1.0"
