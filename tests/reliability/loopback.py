"""A loopback HTTP server whose answers a test writes as a function (path, headers) → (status, body chunks, pause)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterable

Answer = tuple[int, Iterable[bytes], float]  # status, body chunks, seconds between chunks


def page(items: list[dict], next_url: str | None = None) -> bytes:
    return json.dumps({"items": items, "next": next_url}).encode("utf-8")


class Loopback:
    """``answer(path, headers)`` gives the reply; every request is kept in :attr:`requests` (path, headers)."""

    def __init__(self, answer: Callable[[str, dict], Answer], length: int | None = None):
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server.requests.append((self.path, dict(self.headers)))
                status, chunks, pause = answer(self.path, dict(self.headers))
                chunks = list(chunks)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(length if length is not None else sum(map(len, chunks))))
                self.end_headers()
                try:
                    for chunk in chunks:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        if pause:
                            time.sleep(pause)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/export/ideas"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)
