"""Settings for getting sources, passed from the CLI or the API down to fetch."""

from __future__ import annotations

from dataclasses import dataclass

# The only URL schemes ever fetched (checked before a request and at every redirect hop).
ALLOWED_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class FetchOptions:
    """How sources are fetched: the network, limits and timeouts."""

    offline: bool = False  # never touch the network: cache and local files only
    refresh: bool = False  # ignore cached snapshots and fetch again
    allow_private: bool = False  # permit loopback and private networks
    ignore_robots: bool = False  # the user is entitled to read these sources
    concurrency: int = 8  # requests in flight across all hosts
    per_host: int = 2  # requests in flight to one host
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 20.0  # seconds between bytes
    deadline: float = 60.0  # seconds for all attempts at one source
    max_retries: int = 3  # attempts after the first, for retryable failures
    max_redirects: int = 5
    max_bytes: int = 20 * 1024 * 1024  # body size as sent
    max_decoded_bytes: int = 50 * 1024 * 1024  # body size after decompression
    max_retry_after: float = 30.0  # longest Retry-After honoured, seconds
    use_proxy_env: bool = False  # honour HTTP(S)_PROXY variables
    contact: str | None = None  # a URL or address added to the User-Agent
