"""A fictional source page served from 127.0.0.1 for the tests that use the real network path."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

QUOTE = "We will not rest until the pier reopens"
DRAFT = f"“{QUOTE},” said Ana Reyes, who runs the ferry café on the quay.\n"

PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Café owner vows to fight pier closure</title></head>
<body><article>
<h1>Café owner vows to fight pier closure</h1>
<p>Ana Reyes has run the ferry café on the quay for eleven years, and she does not mean to stop now.</p>
<p>“{QUOTE},” Reyes said on Tuesday, standing by the locked gate. “The town needs its ferry.”</p>
<p>The council says repairs to the timber deck would cost more than the harbour earns in a decade.</p>
</article></body></html>
""".encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        if self.path == "/pier-story":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass


@contextmanager
def source_server() -> Iterator[str]:
    """Serve the page on a free port of 127.0.0.1; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/pier-story"
    finally:
        server.shutdown()
        server.server_close()
