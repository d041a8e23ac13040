"""One polite, bounded HTTP GET: address checks, retries, redirects and size limits.

``HttpGetter.get`` follows redirects itself so every hop is checked again (scheme,
address policy, and whatever ``hop_check`` adds, such as robots.txt) and the address each
hop's answer came from is recorded; retries the failures worth retrying with exponential
backoff and jitter, honouring Retry-After; and reads the body as a stream, stopping as soon
as it passes the size cap or, after decompression (done here, incrementally), the
decoded-size cap. A failure is raised as ``FetchFailure`` carrying the source status to
report.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC

import brotli
import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_any,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from verify.model import SourceStatus
from verify.sources.netpolicy import AddressPolicy, AddressRefused, HostNotFound
from verify.sources.options import ALLOWED_SCHEMES, FetchOptions
from verify.sources.provenance import Hop
from verify.version import __version__

# The agent names the tool and its purpose; a newsroom running it at scale adds a contact
# (``contact`` in the configuration file's [fetch] table, or ``Options.contact``).
USER_AGENT = f"verify/{__version__} (quote-attribution checker for newsrooms)"


def user_agent(contact: str | None) -> str:
    return USER_AGENT if not contact else f"{USER_AGENT[:-1]}; +{contact})"
ROBOTS_TOKEN = "verify"  # the product token robots.txt groups are matched against

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
GONE_STATUSES = frozenset({404, 410})

# Backoff between attempts: about BASE, 2×BASE, 4×BASE … plus up to BASE of jitter,
# never more than MAX. Module constants so tests can shrink them.
RETRY_BASE_DELAY = 0.5
RETRY_MAX_DELAY = 10.0


async def backoff_sleep(seconds: float) -> None:
    """How the retry loop waits; looked up at each wait so tests can record waits instead."""
    await asyncio.sleep(seconds)


ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"
ACCEPT_ENCODING = "gzip, deflate, br"


class _StopPastDeadline(stop_base):
    """Stop retrying when the next wait would end past the source's deadline."""

    def __init__(self, loop: asyncio.AbstractEventLoop, deadline_at: float) -> None:
        self.loop = loop
        self.deadline_at = deadline_at

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.loop.time() + retry_state.upcoming_sleep >= self.deadline_at


class FetchFailure(Exception):
    """Why a URL could not be had, as the status the report shows."""

    def __init__(self, status: SourceStatus, message: str, http_status: int | None = None) -> None:
        super().__init__(one_line(message))
        self.status = status
        self.http_status = http_status


class RedirectTrap(FetchFailure):
    """A redirect loop (the server's fault: ``http_error``) or more redirects than allowed (``blocked``)."""


class AddressBlocked(FetchFailure):
    """The address policy refused a host: nothing was sent to it."""

    def __init__(self, message: str) -> None:
        super().__init__(SourceStatus.BLOCKED, message)


def one_line(text: object) -> str:
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Got:
    """A successful (2xx) answer, body decoded from any content-encoding."""

    final_url: str
    http_status: int
    headers: httpx.Headers
    body: bytes
    content_type: str | None  # media type only, lower case
    charset: str | None
    hops: tuple[Hop, ...] = ()  # every request made, the first one first, and where its answer came from


def split_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``"text/html; charset=UTF-8"`` → ``("text/html", "utf-8")``."""
    if not value:
        return None, None
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = param_value.strip().strip("\"'").lower() or None
    return (media_type.strip().lower() or None), charset


def readable_type(media_type: str | None) -> bool:
    """Whether a body of this media type may be a source verify can read.

    Missing and generic types pass (the text stage sniffs them); images, audio, video,
    fonts and archives are refused before their bodies are read.
    """
    if media_type is None or media_type.startswith("text/"):
        return True
    return media_type in {
        "application/xhtml+xml",
        "application/pdf",
        "application/x-pdf",
        "application/octet-stream",
        "application/xml",
        "binary/octet-stream",
    }


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now if now is not None else time.time()
    return max(0.0, when.timestamp() - current)


class _RetryableStatus(Exception):
    def __init__(self, status: int, reason: str, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status} {reason}".strip())
        self.status = status
        self.retry_after = retry_after


_RETRYABLE_ERRORS = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


def _is_retryable(error: BaseException) -> bool:
    return isinstance(error, (_RetryableStatus, *_RETRYABLE_ERRORS))


@dataclass
class HttpGetter:
    client: httpx.AsyncClient
    policy: AddressPolicy
    options: FetchOptions
    _host_slots: dict[str, asyncio.Semaphore] = field(default_factory=dict)

    async def get(
        self,
        url: str,
        *,
        deadline_at: float,
        hop_check: Callable[[httpx.URL], Awaitable[None]] | None = None,
        only_readable: bool = True,
        keep_first: int | None = None,
    ) -> Got:
        """GET ``url`` following redirects; raise FetchFailure for anything but a 2xx body.

        ``deadline_at`` (event-loop time) stops retries whose wait would pass it, so the
        report names the real failure rather than a timeout. ``keep_first``: read only that
        many bytes of the (decoded) body and ignore the rest, instead of refusing a body
        past the size caps.
        """
        current = _parse_url(url)
        chain = [current]
        hops: list[Hop] = []
        while True:
            await self._check_hop(current)
            if hop_check is not None:
                await hop_check(current)
            answer = await self._with_retries(current, deadline_at, only_readable, keep_first)
            response_status, headers, body, addresses = answer
            hops.append(Hop(str(current), addresses))
            if response_status in REDIRECT_STATUSES:
                location = headers.get("location")
                if not location:
                    raise FetchFailure(
                        SourceStatus.HTTP_ERROR, f"HTTP {response_status} without a Location", response_status
                    )
                try:
                    target = current.join(location.strip()).copy_with(fragment=None)
                except (httpx.InvalidURL, ValueError) as error:
                    raise FetchFailure(SourceStatus.HTTP_ERROR, f"bad redirect Location: {error}") from error
                earlier = [str(u) for u in chain]
                if str(target) in earlier:
                    loop = [*chain[earlier.index(str(target)) :], target]
                    shown = " → ".join(_shown(u, chain[0]) for u in loop)
                    raise RedirectTrap(SourceStatus.HTTP_ERROR, f"redirect loop: {shown}", response_status)
                if len(chain) > self.options.max_redirects:
                    raise RedirectTrap(
                        SourceStatus.BLOCKED, f"more than {self.options.max_redirects} redirects (last {target})"
                    )
                chain.append(target)
                current = target
                continue
            assert body is not None
            media_type, charset = split_content_type(headers.get("content-type"))
            return Got(str(current), response_status, headers, body, media_type, charset, tuple(hops))

    async def _check_hop(self, url: httpx.URL) -> None:
        if url.scheme not in ALLOWED_SCHEMES:
            raise FetchFailure(SourceStatus.BLOCKED, f"only http and https URLs are fetched, not {url.scheme}:")
        if not url.host:
            raise FetchFailure(SourceStatus.NOT_FOUND, f"URL has no host: {url}")
        try:
            # The ASCII (IDNA) form: it is what httpcore hands the network backend to connect to.
            host = url.raw_host.decode("ascii")
            await self.policy.pin(host, url.port or (443 if url.scheme == "https" else 80))
        except AddressRefused as refused:
            raise AddressBlocked(f"address refused: {refused}") from refused
        except HostNotFound as missing:
            raise FetchFailure(SourceStatus.NOT_FOUND, str(missing)) from missing

    async def _with_retries(
        self, url: httpx.URL, deadline_at: float, only_readable: bool, keep_first: int | None
    ) -> tuple[int, httpx.Headers, bytes | None, tuple[str, ...]]:
        loop = asyncio.get_running_loop()
        backoff = wait_exponential_jitter(multiplier=RETRY_BASE_DELAY, max=RETRY_MAX_DELAY, jitter=RETRY_BASE_DELAY)

        def wait(state: RetryCallState) -> float:
            error = state.outcome.exception() if state.outcome else None
            if isinstance(error, _RetryableStatus) and error.retry_after is not None:
                return min(error.retry_after, self.options.max_retry_after)
            return float(backoff(state))  # about BASE, 2×BASE, 4×BASE … plus jitter

        retrying = AsyncRetrying(
            stop=stop_any(stop_after_attempt(self.options.max_retries + 1), _StopPastDeadline(loop, deadline_at)),
            wait=wait,
            retry=retry_if_exception(_is_retryable),
            reraise=True,
            sleep=lambda seconds: backoff_sleep(seconds),  # looked up now: tests replace it
        )
        attempts = 0
        try:
            async for attempt in retrying:
                with attempt:
                    attempts = attempt.retry_state.attempt_number
                    return await self._attempt(url, only_readable, keep_first)
        except _RetryableStatus as error:
            raise FetchFailure(SourceStatus.HTTP_ERROR, f"{error} after {_attempts(attempts)}", error.status) from error
        except httpx.TimeoutException as error:
            what = "connecting" if isinstance(error, httpx.ConnectTimeout) else "reading"
            raise FetchFailure(
                SourceStatus.TIMEOUT, f"timed out {what} {url.host} after {_attempts(attempts)}"
            ) from error
        except httpx.ConnectError as error:
            raise FetchFailure(SourceStatus.HTTP_ERROR, f"could not connect to {url.host}: {_reason(error)}") from error
        except httpx.HTTPError as error:
            raise FetchFailure(SourceStatus.HTTP_ERROR, f"connection failed: {_reason(error)}") from error
        raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover

    async def _attempt(
        self, url: httpx.URL, only_readable: bool, keep_first: int | None
    ) -> tuple[int, httpx.Headers, bytes | None, tuple[str, ...]]:
        """One request: status, headers, body (None for a redirect) and the addresses the answer came from."""
        slot = self._host_slots.setdefault(url.host, asyncio.Semaphore(self.options.per_host))
        async with slot:
            request = self.client.build_request(
                "GET", url, headers={"Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}
            )
            response = await self.client.send(request, stream=True, follow_redirects=False)
            try:
                status = response.status_code
                addresses = self._answered_from(response, url)
                if status in REDIRECT_STATUSES:
                    return status, response.headers, None, addresses
                if status in RETRY_STATUSES:
                    retry_after = parse_retry_after(response.headers.get("retry-after"))
                    raise _RetryableStatus(status, response.reason_phrase, retry_after)
                if status in GONE_STATUSES:
                    raise FetchFailure(SourceStatus.NOT_FOUND, f"HTTP {status} {response.reason_phrase}", status)
                if not 200 <= status < 300:
                    raise FetchFailure(SourceStatus.HTTP_ERROR, f"HTTP {status} {response.reason_phrase}", status)
                media_type, _ = split_content_type(response.headers.get("content-type"))
                if only_readable and not readable_type(media_type):
                    raise FetchFailure(
                        SourceStatus.BLOCKED, f"content type {media_type} is not HTML, text or PDF", status
                    )
                if keep_first is not None:  # that much is read even when the size cap is lower
                    body = await read_prefix(response, max(self.options.max_bytes, keep_first), keep_first)
                else:
                    body = await read_body(response, self.options.max_bytes, self.options.max_decoded_bytes)
                return status, response.headers, body, addresses
            finally:
                await response.aclose()

    def _answered_from(self, response: httpx.Response, url: httpx.URL) -> tuple[str, ...]:
        """The address of the connection that carried ``response``; through a proxy (or when the
        connection does not say), every address the policy checked for the host."""
        stream = response.extensions.get("network_stream")
        if stream is not None and not self.options.use_proxy_env:
            peer = stream.get_extra_info("server_addr")
            if isinstance(peer, tuple) and peer:
                return (str(peer[0]).split("%", 1)[0],)
        return tuple(str(ip) for ip in self.policy.pinned(url.raw_host.decode("ascii")) or ())


def _attempts(count: int) -> str:
    return "1 attempt" if count == 1 else f"{count} attempts"


def _reason(error: BaseException) -> str:
    return one_line(error) or type(error).__name__


def _shown(url: httpx.URL, first: httpx.URL) -> str:
    """``url`` as a redirect chain shows it: its path alone when it is on the first URL's site."""
    same_site = (url.scheme, url.host, url.port) == (first.scheme, first.host, first.port)
    return url.raw_path.decode("ascii", errors="replace") if same_site else str(url)


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, ValueError, TypeError) as error:
        raise FetchFailure(SourceStatus.NOT_FOUND, f"invalid URL {url!r}: {error}") from error
    return parsed.copy_with(fragment=None)


# ---------------------------------------------------------------------------
# Reading a body within limits
# ---------------------------------------------------------------------------


async def read_body(response: httpx.Response, max_bytes: int, max_decoded: int) -> bytes:
    """The body, decoded from its content-encoding, or FetchFailure past a cap.

    The caps are checked while streaming: a large body stops being read at the first
    chunk past ``max_bytes``, and decompression never produces more than one byte past
    ``max_decoded`` (so a gzip or brotli bomb costs at most that much memory).
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailure(SourceStatus.BLOCKED, f"body of {int(declared)} bytes is over the {max_bytes}-byte limit")
    decoders = [_decoder_for(name) for name in _encodings(response.headers.get("content-encoding"))]
    decoders.reverse()  # the last encoding applied is the first to undo
    received = 0
    decoded = bytearray()
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > max_bytes:
            raise FetchFailure(SourceStatus.BLOCKED, f"body is over the {max_bytes}-byte limit")
        decoded += _run_decoders(decoders, chunk, max_decoded - len(decoded) + 1)
        _check_decoded(decoded, max_decoded)
    decoded += _run_decoders(decoders, None, max_decoded - len(decoded) + 1)
    _check_decoded(decoded, max_decoded)
    return bytes(decoded)


async def read_prefix(response: httpx.Response, max_bytes: int, length: int) -> bytes:
    """The first ``length`` bytes of the decoded body; the rest is never read.

    For a file of which only a prefix counts (robots.txt): a body past the caps is cut, not
    refused. At most ``max_bytes`` come off the wire; past that, what they decoded to.
    """
    decoders = [_decoder_for(name) for name in _encodings(response.headers.get("content-encoding"))]
    decoders.reverse()
    received = 0
    decoded = bytearray()
    async for chunk in response.aiter_raw():
        received += len(chunk)
        decoded += _run_decoders(decoders, chunk, length - len(decoded) + 1)
        if len(decoded) >= length or received >= max_bytes:
            return bytes(decoded[:length])
    decoded += _run_decoders(decoders, None, length - len(decoded) + 1)
    return bytes(decoded[:length])


def _check_decoded(decoded: bytearray, max_decoded: int) -> None:
    if len(decoded) > max_decoded:
        raise FetchFailure(
            SourceStatus.BLOCKED, f"decompressed body is over the {max_decoded}-byte limit (compression bomb?)"
        )


def _encodings(header: str | None) -> list[str]:
    if not header:
        return []
    return [name.strip().lower() for name in header.split(",") if name.strip().lower() not in ("", "identity")]


class _Decoder:
    def decode(self, data: bytes, room: int) -> bytes:
        raise NotImplementedError

    def flush(self, room: int) -> bytes:
        return b""


class _ZlibDecoder(_Decoder):
    """gzip (possibly several members) or deflate (zlib-wrapped or, as some servers send, raw)."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._wbits = zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS
        self._inner = zlib.decompressobj(self._wbits)
        self._started = False

    def decode(self, data: bytes, room: int) -> bytes:
        try:
            return self._decode(data, room)
        except zlib.error as error:
            if self._gzip or self._started:
                raise FetchFailure(SourceStatus.UNREADABLE, f"corrupt compressed body: {error}") from error
            self._wbits = -zlib.MAX_WBITS  # raw deflate without the zlib header
            self._inner = zlib.decompressobj(self._wbits)
            return self.decode(data, room)

    def _decode(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        pending = data
        while True:
            # max_length stops inflating once ``room`` is exceeded: a bomb never unpacks.
            out += self._inner.decompress(pending, max(1, room - len(out)))
            self._started = self._started or bool(out)
            if len(out) >= room:
                return bytes(out)
            if self._inner.unconsumed_tail:
                pending = self._inner.unconsumed_tail
                continue
            if self._gzip and self._inner.eof and self._inner.unused_data:
                pending = self._inner.unused_data  # another gzip member follows
                self._inner = zlib.decompressobj(self._wbits)
                continue
            return bytes(out)

    def flush(self, room: int) -> bytes:
        return self._inner.flush()[:room]


class _BrotliDecoder(_Decoder):
    def __init__(self) -> None:
        self._inner = brotli.Decompressor()

    def decode(self, data: bytes, room: int) -> bytes:
        try:
            out = bytearray(self._process(data, room))
            # brotli holds back output past the limit; drain it until it takes input again.
            while len(out) < room and not self._can_take_input():
                more = self._process(b"", room - len(out))
                if not more:
                    break
                out += more
            return bytes(out)
        except brotli.error as error:
            raise FetchFailure(SourceStatus.UNREADABLE, f"corrupt brotli body: {error}") from error

    def _can_take_input(self) -> bool:
        can_accept = getattr(self._inner, "can_accept_more_data", None)
        return True if can_accept is None else bool(can_accept())

    def _process(self, data: bytes, room: int) -> bytes:
        try:
            return bytes(self._inner.process(data, output_buffer_limit=max(1, room)))
        except TypeError:  # brotli before 1.2 has no output limit
            return bytes(self._inner.process(data))


def _decoder_for(name: str) -> _Decoder:
    if name in ("gzip", "x-gzip"):
        return _ZlibDecoder(gzip=True)
    if name == "deflate":
        return _ZlibDecoder(gzip=False)
    if name == "br":
        return _BrotliDecoder()
    raise FetchFailure(SourceStatus.UNREADABLE, f"unsupported content-encoding {name!r}")


def _run_decoders(decoders: list[_Decoder], chunk: bytes | None, room: int) -> bytes:
    """Pass ``chunk`` through every decoder in turn; ``None`` means the body ended: flush."""
    data = chunk or b""
    for decoder in decoders:
        out = decoder.decode(data, room) if data else b""
        if chunk is None:
            out += decoder.flush(room)
        data = out
    return data
