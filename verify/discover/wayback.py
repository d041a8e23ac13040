"""The Wayback Machine: the capture of a page closest before a day, read back raw.

The availability API answers first; it sometimes says ``{"archived_snapshots": {}}`` for
pages it holds, so that answer (or a capture after the day) sends the question on to the
CDX API, which lists captures: the latest one with status 200 at or before the end of
the day wins, as InternetArchiveBot picks the capture before a citation's access date.
A capture is read through ``/web/<timestamp>id_/<original>``, the bytes as archived
without the archive's toolbar.

The archive blocks, for an hour, addresses that keep asking through its 429s: both APIs
share one limiter under 24 requests a minute, every 429 holds all requests for its
Retry-After (60 s without one), and the third 429 stops archive look-ups for the run.
"""

from __future__ import annotations

import re
from datetime import date

import httpx

from verify.discover.backend import Backend
from verify.discover.http import endpoint, get, json_body, unexpected_status
from verify.discover.ratelimit import RateLimit, retry_after_of
from verify.discover.types import ArchiveCapture, BackendFailure

NAME = "wayback"
DEFAULT_URL = "https://web.archive.org"
AVAILABLE_PATH = "/wayback/available"
CDX_PATH = "/cdx/search/cdx"

# 80% of the CDX server's hard limit of 30 a minute, as the archive asks of its clients.
WAYBACK_LIMIT = RateLimit(per_window=24, window=60.0, max_429s=3, backoff=60.0, max_wait=300.0)

# ``/web/<14 digits><optional flag such as id_>/<original URL>``
_REPLAY = re.compile(r"/web/(\d{14})(?:[a-z]{2}_)?/(.+)$")
_COLLAPSED_SCHEME = re.compile(r"^(https?:)/(?!/)")  # ``http:/host`` as some replay paths carry it


def replay_url(base_url: str, timestamp: str, original_url: str) -> str:
    """The raw replay address of a capture: no toolbar, no rewritten links."""
    return endpoint(base_url, f"/web/{timestamp}id_/{original_url}")


def end_of_day(day_digits: str) -> str:
    return day_digits + "235959"


def _split_replay(path: str) -> tuple[str, str] | None:
    match = _REPLAY.search(path)
    if not match:
        return None
    return match[1], _COLLAPSED_SCHEME.sub(r"\1//", match[2])


class WaybackArchive(Backend):
    name = NAME
    default_url = DEFAULT_URL
    default_limit = WAYBACK_LIMIT
    give_up_reason = "rate-limited; no more archive look-ups in this run"

    def closest(self, url: str, before: date) -> ArchiveCapture | None:
        """The latest capture of ``url`` with status 200 made on or before ``before`` (UTC), or None."""
        bound = end_of_day(before.strftime("%Y%m%d"))
        return self._available(url, bound) or self._cdx(url, bound)

    def capture_from_replay_url(self, url: str) -> ArchiveCapture | None:
        """The capture a replay address of this archive shows (the fetcher may have been redirected
        to another timestamp than the one asked for); None for any other address."""
        parsed = httpx.URL(url)
        base = httpx.URL(self.base_url)
        if parsed.host != base.host or parsed.port != base.port:
            return None
        prefix = base.path.rstrip("/")
        raw_path = parsed.raw_path.decode("ascii", "replace")
        if not raw_path.startswith(prefix + "/web/"):
            return None
        found = _split_replay(raw_path[len(prefix) :])
        if found is None:
            return None
        timestamp, original = found
        return ArchiveCapture(
            url=replay_url(self.base_url, timestamp, original), timestamp=timestamp, original_url=original
        )

    def _available(self, url: str, bound: str) -> ArchiveCapture | None:
        # ``closest=before`` is how InternetArchiveBot asks; the timestamp check below holds either way.
        response = self._ask(AVAILABLE_PATH, [("url", url), ("timestamp", bound), ("closest", "before")])
        if response.status_code != 200:
            raise unexpected_status(response, NAME)
        data = json_body(response, NAME)
        snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
        closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
        if not isinstance(closest, dict) or closest.get("available") is not True or str(closest.get("status")) != "200":
            return None
        timestamp = str(closest.get("timestamp", ""))
        if not (len(timestamp) == 14 and timestamp.isdigit()) or timestamp > bound:
            return None
        found = _split_replay(str(closest.get("url", "")))
        original = found[1] if found else url
        return ArchiveCapture(
            url=replay_url(self.base_url, timestamp, original), timestamp=timestamp, original_url=original
        )

    def _cdx(self, url: str, bound: str) -> ArchiveCapture | None:
        params = [
            ("url", url),
            ("output", "json"),
            ("fl", "timestamp,original,statuscode"),
            ("filter", "statuscode:200"),
            ("to", bound),
            ("limit", "-1"),  # the last capture in range: the closest before the bound
        ]
        response = self._ask(CDX_PATH, params)
        if response.status_code == 403 and "AccessControlException" in response.text:
            return None  # the site is excluded from the archive, or its robots.txt bars replay
        if response.status_code != 200:
            raise unexpected_status(response, NAME)
        if not response.text.strip():
            return None
        rows = json_body(response, NAME)
        if not isinstance(rows, list) or len(rows) < 2 or not isinstance(rows[0], list):
            return None
        header = rows[0]
        try:
            at_time, at_original, at_status = (header.index(f) for f in ("timestamp", "original", "statuscode"))
        except ValueError:
            raise BackendFailure(NAME, "answered a CDX list without the fields asked for") from None
        best: tuple[str, str] | None = None
        for row in rows[1:]:
            if not isinstance(row, list) or len(row) != len(header):
                continue
            timestamp, original, status = str(row[at_time]), str(row[at_original]), str(row[at_status])
            if len(timestamp) == 14 and timestamp.isdigit() and timestamp <= bound and status == "200":
                if best is None or timestamp > best[0]:
                    best = (timestamp, original)
        if best is None:
            return None
        return ArchiveCapture(url=replay_url(self.base_url, best[0], best[1]), timestamp=best[0], original_url=best[1])

    def _ask(self, path: str, params: list[tuple[str, str]]) -> httpx.Response:
        while True:
            with self.limiter.turn():
                response = get(self.client, NAME, endpoint(self.base_url, path), params)
            if response.status_code != 429:
                return response
            self.limiter.throttled(retry_after_of(response.headers))
