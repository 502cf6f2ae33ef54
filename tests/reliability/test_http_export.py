"""Items 3 and 11: the ideas export over HTTP against real loopback servers — credentials only to the export's own
origin, a deadline a trickled body cannot outrun, a size cap, the page limit and repeated ids as errors."""

from __future__ import annotations

import logging
import time

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig

from digiresan_plugin.core.ideas.http import HttpIdeaRepository
from digiresan_plugin.core.ideas.repository import RepositoryError

from .loopback import Loopback, page

TOKEN = "reliability-token-0815"


def idea(n: int) -> dict:
    return {"idea_id": n, "reference": f"DR-{n}", "title": f"Idé {n}", "status": "Inkommen"}


@pytest.fixture()
def authcfg(qgis_app):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("digiresan-tests", True)
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("Digiresan reliability token")
    config.setConfig("token", TOKEN)
    ok, config = manager.storeAuthenticationConfig(config)
    assert ok
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


def test_next_link_to_another_origin_gets_no_credentials(authcfg, caplog):
    other = Loopback(lambda path, headers: (200, [page([idea(3)])], 0))
    same_host_next = None

    def export(path: str, headers: dict):
        if "page=2" in path:
            return 200, [page([idea(2)], other.url)], 0  # absolute link: same host, another port
        return 200, [page([idea(1)], same_host_next)], 0

    export_server = Loopback(export)
    same_host_next = "/export/ideas?page=2"
    try:
        with caplog.at_level(logging.WARNING, logger="digiresan_plugin"):
            ideas = HttpIdeaRepository(export_server.url, authcfg=authcfg, timeout=2, retries=0).list_ideas()
    finally:
        export_server.close()
        other.close()
    assert [i.idea_id for i in ideas] == [1, 2, 3]
    assert [h.get("Authorization") for _p, h in export_server.requests] == [f"Bearer {TOKEN}"] * 2
    assert [h.get("Authorization") for _p, h in other.requests] == [None]
    assert any("another server" in r.getMessage() and "without the credentials" in r.getMessage()
               for r in caplog.records)
    assert not any(TOKEN in r.getMessage() for r in caplog.records)


def test_a_trickled_body_stops_at_the_deadline():
    body = page([idea(n) for n in range(1, 40)])
    server = Loopback(lambda path, headers: (200, [body[i:i + 1] for i in range(len(body))], 0.2))
    started = time.monotonic()
    try:
        with pytest.raises(RepositoryError) as caught:
            HttpIdeaRepository(server.url, timeout=1.0, retries=2, backoff=0.01, deadline=2.0).list_ideas()
    finally:
        server.close()
    elapsed = time.monotonic() - started
    assert elapsed < 4.0  # deadline 2 s + one read timeout; the body alone would take > 8 minutes
    assert "deadline" in str(caught.value) and "page 1" in str(caught.value)


def test_a_body_over_the_size_cap_is_an_error():
    big = page([{**idea(n), "description": "x" * 1000} for n in range(1, 2001)])  # ~2 MB
    server = Loopback(lambda path, headers: (200, [big], 0))
    try:
        with pytest.raises(RepositoryError, match="larger than 1 MB") as caught:
            HttpIdeaRepository(server.url, timeout=2, retries=0, max_bytes=1024 * 1024).list_ideas()
    finally:
        server.close()
    assert not caught.value.retryable


def test_the_page_limit_is_an_error_not_a_short_list():
    server = Loopback(lambda path, headers: (
        200, [page([idea(int(path.rsplit("=", 1)[-1]) if "=" in path else 1)],
                   f"/export/ideas?page={int(path.rsplit('=', 1)[-1]) + 1 if '=' in path else 2}")], 0))
    try:
        with pytest.raises(RepositoryError, match="more than 3 pages"):
            HttpIdeaRepository(server.url, timeout=2, retries=0, max_pages=3).list_ideas()
    finally:
        server.close()
    assert len(server.requests) == 3


def test_a_repeated_idea_id_is_an_error_naming_it():
    server = Loopback(lambda path, headers: (
        200, [page([idea(4), idea(5)], "/export/ideas?page=2")] if "page=2" not in path
        else [page([idea(5), idea(6)])], 0))
    try:
        with pytest.raises(RepositoryError, match=r"idea 5 twice \(pages 1 and 2\)"):
            HttpIdeaRepository(server.url, timeout=2, retries=0).list_ideas()
    finally:
        server.close()
