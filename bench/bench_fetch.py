"""How much concurrent fetching buys: N pages from a local server that answers each after
a fixed latency, fetched one by one and then with a few concurrency settings.

    .venv/bin/python bench/bench_fetch.py [--pages 200] [--latency 0.1] [--concurrency 8 32 64]

Everything runs through ``fetch_sources`` with the real client (address policy with
--allow-private, robots.txt, cache writes to a temporary folder). The server is a small
asyncio HTTP/1.1 server on 127.0.0.1 with keep-alive, in a process of its own, so the
client's connection pool is exercised as it would be against one real site. The
sequential row uses concurrency=1; "ideal" is pages × latency / concurrency; every row
also makes one robots.txt request (answered 404 after the same latency).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import tempfile
import time
from pathlib import Path

from verify.model import SourceRef, SourceStatus
from verify.sources.fetch import fetch_sources
from verify.sources.options import FetchOptions


class SlowServer:
    """The server runs in a process of its own so it does not compete with the client for the GIL."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.port = 0
        self._requests = multiprocessing.Value("i", 0)
        self._process: multiprocessing.Process | None = None

    @property
    def requests(self) -> int:
        return int(self._requests.value)

    def start(self) -> None:
        port_pipe, child_end = multiprocessing.Pipe()
        self._process = multiprocessing.Process(
            target=_serve, args=(self.latency, self._requests, child_end), daemon=True
        )
        self._process.start()
        self.port = int(port_pipe.recv())

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join()


def _serve(latency: float, counter, port_pipe) -> None:  # type: ignore[no-untyped-def]
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:  # HTTP/1.1 keep-alive: many requests per connection
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                with counter.get_lock():
                    counter.value += 1
                await asyncio.sleep(latency)
                if path == "/robots.txt":
                    status, body = "404 Not Found", b"none"
                else:
                    status, body = "200 OK", f"<html><body><p>Page {path} of the benchmark.</p></body></html>".encode()
                writer.write(
                    f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
        port_pipe.send(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def run(server: SlowServer, pages: int, concurrency: int) -> tuple[float, int, int]:
    refs = [SourceRef(url=f"http://127.0.0.1:{server.port}/page/{i}", path=None) for i in range(pages)]
    options = FetchOptions(allow_private=True, refresh=True, concurrency=concurrency, per_host=concurrency)
    before = server.requests
    with tempfile.TemporaryDirectory() as cache_dir:
        started = time.perf_counter()
        results = fetch_sources(refs, cache_dir=Path(cache_dir), options=options)
        elapsed = time.perf_counter() - started
    ok = sum(r.status is SourceStatus.OK for r in results)
    return elapsed, ok, server.requests - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds the server waits before each answer")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 16, 32, 64])
    args = parser.parse_args()

    server = SlowServer(args.latency)
    server.start()
    print(f"{args.pages} pages, {args.latency * 1000:.0f} ms server latency, one host (per_host = concurrency)\n")
    columns = ("concurrency", 12), ("wall s", 9), ("ideal s", 9), ("vs ideal", 10), ("speed-up", 10), ("ok", 6)
    print(f"{'mode':<14}" + "".join(f"{name:>{width}}" for name, width in columns) + f"{'requests':>10}")
    sequential = None
    for concurrency in [1, *args.concurrency]:
        elapsed, ok, requests = run(server, args.pages, concurrency)
        ideal = args.pages * args.latency / concurrency
        sequential = sequential or elapsed
        mode = "sequential" if concurrency == 1 else "concurrent"
        print(
            f"{mode:<14}{concurrency:>12}{elapsed:>9.2f}{ideal:>9.2f}"
            + (f"{elapsed / ideal:>9.2f}x" if ideal else f"{'-':>10}")
            + f"{sequential / elapsed:>9.1f}x{ok:>6}{requests:>10}"
        )
    server.stop()


if __name__ == "__main__":
    main()
