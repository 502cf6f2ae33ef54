"""A loopback tile server for the background map tests: the map is fetched from it, never from the internet."""

from __future__ import annotations

import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication

from digiresan_plugin.core.catalog import Catalog, load_catalog
from digiresan_plugin.core.paths import default_catalog_path


class TileServer:
    """A loopback HTTP server that records the tiles asked for (and has none)."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"

    def settle(self, quiet_s: float = 0.5, limit_s: float = 5.0) -> int:
        """Wait until no tile has been asked for during ``quiet_s`` (the event loop running); the number of hits."""
        started = last_change = time.monotonic()
        seen = len(self.hits)
        while time.monotonic() - last_change < quiet_s and time.monotonic() - started < limit_s:
            QCoreApplication.processEvents()
            time.sleep(0.05)
            if len(self.hits) != seen:
                seen, last_change = len(self.hits), time.monotonic()
        return seen

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def loopback_catalog(tmp_path: Path, url: str) -> Catalog:
    """The bundled catalog with its background map served by ``url`` (styles copied beside it)."""
    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    data["background_maps"][0]["url"] = url
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    shutil.copytree(default_catalog_path().parent / "styles", tmp_path / "styles")
    return load_catalog(path)
