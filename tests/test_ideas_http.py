"""The e-service's JSON export read over HTTP, against a real server on loopback serving real JSON pages."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig

from digiresan_plugin.core.ideas.http import HttpIdeaRepository
from digiresan_plugin.core.ideas.model import IdeaChange
from digiresan_plugin.core.ideas.repository import RepositoryError
from digiresan_plugin.core.ideas.sources import open_repository

TOKEN = "s3cr3t-token-for-tests"


def item(n: int) -> dict:
    located = n % 3 == 0
    return {
        "idea_id": n,
        "reference": f"DR-2021-{n:04d}",
        "title": f"Idé nummer {n}",
        "description": "Beskrivning <b>med</b> '; DROP TABLE ideas; --" if n == 7 else f"Text {n}",
        "theme": "skola" if n % 2 else "miljö",
        "department": "Barn- och utbildningsförvaltningen",
        "submitter_category": "invånare",
        "submitted_on": f"2021-{1 + n % 12:02d}-15",
        "status": "Beviljad" if n % 4 == 0 else "Inkommen",
        "estimated_cost_sek": 100000 + n,
        "granted_sek": 50000 if n % 4 == 0 else None,
        "expected_yearly_effect_sek": "300000.50",
        "decided_on": "2021-12-01" if n % 4 == 0 else None,
        **({"geometry": {"type": "Point", "coordinates": [481600 + n, 7005600 + n]}} if located else {}),
        "submitter_name": f"Person {n}",
        "submitter_contact": f"p{n}@mail.example",
        "version": 2,
    }


class ExportServer:
    """A paged JSON export. ``style``: "next" (next links), "pages" (a page count) or "short" (a short last page);
    ``fail`` maps page → HTTP status (every time, or ``fail_times`` times); ``slow`` maps page → seconds."""

    def __init__(self, total: int = 23, page_size: int = 5, style: str = "next"):
        self.total, self.page_size, self.style = total, page_size, style
        self.fail: dict[int, int] = {}
        self.fail_times: Optional[int] = None
        self.slow: dict[int, float] = {}
        self.bad_json: set[int] = set()
        self.token: Optional[str] = None
        self.grants: dict[Optional[str], list] = {}  # bearer token (None: no token) → what the server grants it
        self.withdraw_on: set[int] = set()  # pages answered without any grant
        self.requests: list[tuple[int, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args) -> None:  # keep the test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                query = parse_qs(urlsplit(self.path).query)
                page = int(query.get("page", ["1"])[0])
                size = int(query.get("page_size", [str(server.page_size)])[0])
                server.requests.append((page, dict(self.headers)))
                if server.token and self.headers.get("Authorization") != f"Bearer {server.token}":
                    self._send(401, b'{"error": "unauthorised"}')
                    return
                if page in server.slow:
                    time.sleep(server.slow[page])
                if page in server.fail and (server.fail_times is None or server.fail_times > 0):
                    if server.fail_times is not None:
                        server.fail_times -= 1
                    self._send(server.fail[page], b"<html>Internal Server Error</html>")
                    return
                if page in server.bad_json:
                    self._send(200, b'{"items": [ {"idea_id": 1,')
                    return
                start = (page - 1) * size
                items = [item(n) for n in range(start + 1, min(start + size, server.total) + 1)]
                pages = -(-server.total // size)
                body: dict = {"items": items, "page": page}
                auth = self.headers.get("Authorization") or ""
                granted = server.grants.get(auth[7:] if auth.startswith("Bearer ") else None)
                if granted is not None and page not in server.withdraw_on:
                    body["grants"] = granted
                if server.style == "next":
                    body["next"] = f"/export/ideas?page={page + 1}&page_size={size}" if page < pages else None
                elif server.style == "pages":
                    body["pages"] = pages
                self._send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"))

            def _send(self, status: int, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/export/ideas"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture()
def server():
    srv = ExportServer()
    yield srv
    srv.close()


def http_repo(url: str, **kwargs) -> HttpIdeaRepository:
    defaults = {"page_size": 5, "timeout": 1.0, "retries": 2, "backoff": 0.01}
    return HttpIdeaRepository(url, **{**defaults, **kwargs})


@pytest.mark.parametrize("style", ["next", "pages", "short"])
def test_all_pages_are_read(style):
    srv = ExportServer(total=23, page_size=5, style=style)
    try:
        ideas = http_repo(srv.url).list_ideas()
    finally:
        srv.close()
    assert [i.idea_id for i in ideas] == list(range(1, 24))
    assert sorted({p for p, _h in srv.requests}) == [1, 2, 3, 4, 5]
    seven = ideas[6]
    assert seven.description == "Beskrivning <b>med</b> '; DROP TABLE ideas; --"  # text stays text
    assert ideas[2].located and (ideas[2].x, ideas[2].y) == (481603.0, 7005603.0)
    assert not ideas[0].located
    assert ideas[3].status == "Beviljad" and ideas[3].granted_sek == 50000.0
    assert ideas[3].decided_on.isoformat() == "2021-12-01"
    assert ideas[0].expected_yearly_effect_sek == 300000.5 and ideas[0].version == 2


def test_personal_data_only_when_the_server_grants_them_and_they_are_asked_for(server):
    # the items carry names, but the server grants nothing: they are dropped
    repository = http_repo(server.url)
    assert all(i.submitter_name is None for i in repository.list_ideas(include_personal=True))
    assert not repository.can_read_personal_data() and not repository.access().personal
    server.grants[None] = ["personal_data"]
    granted = http_repo(server.url)
    assert granted.list_ideas(include_personal=False)[0].submitter_name is None
    assert granted.list_ideas(include_personal=True)[0].submitter_name == "Person 1"
    access = granted.access()
    assert access.personal and not access.editable and access.protected and access.basis == "server"
    assert access.role == "personal_data"
    # the plugin may narrow further, never widen
    assert http_repo(server.url, personal_data=False).list_ideas(include_personal=True)[0].submitter_name is None
    # a grant withdrawn on a later page counts for the whole list
    server.withdraw_on.add(3)
    withdrawn = http_repo(server.url)
    assert all(i.submitter_name is None for i in withdrawn.list_ideas(include_personal=True))
    assert not withdrawn.access().personal


def test_grants_follow_the_token(server, token_authcfg):
    server.grants = {TOKEN: ["personal_data"], None: []}
    anonymous = http_repo(server.url)
    assert all(i.submitter_name is None for i in anonymous.list_ideas(include_personal=True))
    with_token = http_repo(server.url, authcfg=token_authcfg)
    with_token.prepare()
    assert with_token.list_ideas(include_personal=True)[4].submitter_contact == "p5@mail.example"
    assert with_token.access().personal


def test_http_500_names_the_url_and_page_after_retries(server):
    server.fail[3] = 500
    repository = http_repo(server.url, retries=2)
    with pytest.raises(RepositoryError) as caught:
        repository.list_ideas()
    message = str(caught.value)
    assert "HTTP 500" in message and "page 3" in message and server.url.split("?")[0] in message
    assert "3 attempts" in message and caught.value.retryable
    assert [p for p, _h in server.requests].count(3) == 3


def test_a_passing_failure_is_retried_with_backoff(server):
    server.fail[2] = 503
    server.fail_times = 1
    slept = []
    repository = http_repo(server.url, retries=3, backoff=0.2, sleep=slept.append)
    assert len(repository.list_ideas()) == 23
    assert slept == [0.2]
    assert [p for p, _h in server.requests].count(2) == 2


def test_timeout_gives_a_message_not_a_hang(server):
    server.slow[2] = 3.0
    repository = http_repo(server.url, timeout=0.5, retries=1)
    started = time.monotonic()
    with pytest.raises(RepositoryError) as caught:
        repository.list_ideas()
    assert time.monotonic() - started < 2.5
    message = str(caught.value)
    assert "timeout" in message and "page 2" in message and "127.0.0.1" in message


def test_bad_json_is_named(server):
    server.bad_json.add(2)
    with pytest.raises(RepositoryError, match=r"page 2\).*not valid JSON"):
        http_repo(server.url).list_ideas()


def test_nobody_listening_is_a_message(server):
    url = server.url
    server.close()
    with pytest.raises(RepositoryError, match="cannot connect"):
        http_repo(url, retries=1).list_ideas()


def test_export_is_read_only(server):
    repository = open_repository(server.url)
    assert isinstance(repository, HttpIdeaRepository) and not repository.can_edit()
    result = repository.save(IdeaChange(1, 2, {"status": "Avslagen"}))
    assert not result.ok and "read-only" in result.error
    assert repository.history(1) == []


@pytest.fixture()
def token_authcfg(qgis_app):
    """An authentication configuration in QGIS's auth manager holding the bearer token."""
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("digiresan-tests", True)
    config = QgsAuthMethodConfig("EsriToken")  # QGIS 3.22's method that stores a bare token
    config.setName("Digiresan e-service test token")
    config.setConfig("token", TOKEN)
    ok, config = manager.storeAuthenticationConfig(config)
    assert ok
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


def test_bearer_token_comes_from_the_auth_manager(server, token_authcfg):
    server.token = TOKEN
    with pytest.raises(RepositoryError, match="Not authorised"):
        http_repo(server.url).list_ideas()
    repository = http_repo(server.url, authcfg=token_authcfg)
    repository.prepare()
    assert len(repository.list_ideas()) == 23
    assert all(h.get("Authorization") == f"Bearer {TOKEN}" for _p, h in server.requests[-5:])
    assert TOKEN not in repository.describe() and TOKEN not in repr(vars(repository).get("label"))
    with pytest.raises(RepositoryError, match="No authentication configuration"):
        http_repo(server.url, authcfg="nope123").prepare()


def test_the_dock_shows_what_the_server_grants(server, qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication

    from digiresan_plugin.gui.ideas.dock import IdeasDock

    def load(dock):
        dock.refresh(restart=True)
        end = time.monotonic() + 20
        while dock.is_busy() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    dock = IdeasDock(None, None, None, repository=http_repo(server.url), load=False)
    try:
        load(dock)
        assert dock.model.rowCount() == 23 and not dock.show_personal and not dock.editing
        assert "read-only export" in dock.header.source_label.text()
        server.grants[None] = ["personal_data"]
        dock.set_repository(http_repo(server.url))
        load(dock)
        assert dock.show_personal and dock.model.idea_by_id(2).submitter_name == "Person 2"
        assert not dock.editing and "personal data granted" in dock.header.source_label.text()
    finally:
        dock.cleanup()
        dock.deleteLater()
