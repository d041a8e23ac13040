"""The version reported in every report and in the User-Agent."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("verify")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
