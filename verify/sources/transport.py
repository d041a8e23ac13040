"""An httpx transport whose connections go only to addresses the address policy checked.

``httpx.AsyncHTTPTransport`` builds its own ``httpcore.AsyncConnectionPool`` and has no
way to pass a network backend, so this transport builds the pool itself, with
``netpolicy.PinnedBackend``, and does the little the stock transport does around it:
convert the request and response and map httpcore's errors to httpx's.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterable, AsyncIterator, Iterator
from types import TracebackType

import httpcore
import httpx

from verify.sources.netpolicy import AddressPolicy, PinnedBackend

# Most specific first: the first match wins.
_ERROR_MAP: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as error:
        for core_error, httpx_error in _ERROR_MAP:
            if isinstance(error, core_error):
                raise httpx_error(str(error)) from error
        raise


class _ResponseStream(httpx.AsyncByteStream):
    def __init__(self, core_stream: AsyncIterable[bytes]) -> None:
        self._core_stream = core_stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for part in self._core_stream:
                yield part

    async def aclose(self) -> None:
        aclose = getattr(self._core_stream, "aclose", None)
        if aclose is not None:
            await aclose()


class PinnedTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over connections that ``PinnedBackend`` opens to checked addresses."""

    def __init__(self, policy: AddressPolicy, *, max_connections: int) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            network_backend=PinnedBackend(policy),
        )

    async def __aenter__(self) -> PinnedTransport:
        await self._pool.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        with _httpx_errors():
            await self._pool.__aexit__(exc_type, exc_value, traceback)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            core_response = await self._pool.handle_async_request(core_request)
        return httpx.Response(
            status_code=core_response.status,
            headers=core_response.headers,
            stream=_ResponseStream(core_response.stream),  # type: ignore[arg-type]
            extensions=core_response.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()
