"""Item 5: with the database stopped, killed or out of connection slots, a click is an error on the card
("The twin database did not answer: …", Retry) — never "no twin feature here" — and the loader says the
connection was refused, not that a table is missing. Real PostgreSQL; "stopped" is a loopback proxy cut off."""

from __future__ import annotations

import pytest
import sip
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QLabel, QPushButton

from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.read_faults import TwinReadError
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import EPSG_3006, expected_cards, proxy_pgpass, reader_backends, slots_taken, without_fids
from .tcp_proxy import TcpProxy


@pytest.fixture()
def expected(project, catalog, demo_twin):
    return expected_cards(project, catalog, demo_twin)


@pytest.fixture()
def proxied(pg_demo, tmp_path, monkeypatch):
    """A twin source through a proxy in front of the real server (stop() = the server is gone)."""
    proxy = TcpProxy(pg_demo.port).start()
    monkeypatch.setenv("PGPASSFILE", str(proxy_pgpass(pg_demo, proxy.port, tmp_path)))
    source = TwinSource.parse(f"pgservice:host=127.0.0.1 port={proxy.port} dbname={pg_demo.dbname} "
                              "user=digiresan_reader connect_timeout=2")
    yield proxy, source
    proxy.stop()


def engine(project, catalog, snapshot=False) -> TwinEngine:
    make = TwinEngine.snapshot if snapshot else TwinEngine
    return make(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")


def load(project, catalog, source) -> None:
    report = TwinLoader(catalog, project, "en").load(source)
    assert report.problems == []


def test_out_of_connection_slots_is_an_error_not_an_empty_card(project, catalog, pg_demo, expected):
    points, cards = expected
    load(project, catalog, TwinSource.parse(f"pgservice:{pg_demo.service_uri('reader')}"))
    assert without_fids(engine(project, catalog).report_at_point(points[0], EPSG_3006, 2.0).to_dict()) == cards[0]
    with slots_taken(pg_demo):
        for snapshot in (False, True):
            with pytest.raises(TwinReadError, match="connection|slots"):
                engine(project, catalog, snapshot).report_at_point(points[0], EPSG_3006, 2.0)
    # the slots are free again: a connection QGIS's pool kept broken may fail once more (an error, as Retry on
    # the card would show it), then the answer is right — never a wrong one in between
    outcomes = []
    for _ in range(3):
        try:
            outcomes.append(without_fids(engine(project, catalog).report_at_point(points[0], EPSG_3006, 2.0)
                                         .to_dict()) == cards[0])
        except TwinReadError:
            outcomes.append("error")
    assert outcomes[-1] is True and False not in outcomes, outcomes


def test_killed_connections_are_reconnected_and_answer_right(project, catalog, pg_demo, expected):
    points, cards = expected
    load(project, catalog, TwinSource.parse(f"pgservice:{pg_demo.service_uri('reader')}"))
    for point, card in zip(points, cards):
        assert reader_backends(pg_demo, terminate=True) >= 0  # the server "crashes" the plugin's sessions
        got = without_fids(engine(project, catalog).report_at_point(point, EPSG_3006, 2.0).to_dict())
        assert got == card


def test_stopped_server_is_an_error_for_every_query(project, catalog, proxied, expected):
    proxy, source = proxied
    points, cards = expected
    load(project, catalog, source)
    assert without_fids(engine(project, catalog).report_at_point(points[1], EPSG_3006, 2.0).to_dict()) == cards[1]
    proxy.stop()
    for method in (lambda e: e.report_at_point(points[1], EPSG_3006, 2.0),
                   lambda e: e.report_for_feature("road_segments", 1),
                   lambda e: list(e.conflicts())):
        with pytest.raises(TwinReadError):
            method(engine(project, catalog, snapshot=True))


def test_the_card_shows_the_failure_with_retry(project, catalog, proxied, expected, qgis_iface):
    from digiresan_plugin.gui.card.dock import TwinCardDock
    from digiresan_plugin.gui.identify_controller import IdentifyController

    proxy, source = proxied
    points, cards = expected
    load(project, catalog, source)
    dock = TwinCardDock(qgis_iface.mapCanvas(), message_bar=QgsMessageBar())
    controller = IdentifyController(qgis_iface, catalog, dock)
    try:
        proxy.stop()
        controller.identify_at(points[1], EPSG_3006, 2.0)
        assert dock.report is None
        text = dock.findChild(QLabel, "failureText").text()
        assert text.startswith("The twin database did not answer:") and "No twin feature" not in text
        proxy.start()  # the server is back
        shown = []
        controller.reportShown.connect(shown.append)
        for _ in range(3):  # a connection QGIS's pool kept broken may fail once more: Retry again
            dock.findChild(QPushButton, "retryButton").click()
            if shown:
                break
            assert dock.findChild(QLabel, "failureText").text().startswith("The twin database did not answer:")
        assert len(shown) == 1 and without_fids(shown[0])["subject"] == cards[1]["subject"]
    finally:
        controller.unload()
        dock.cleanup()
        sip.delete(dock)


def test_loader_says_the_connection_was_refused(project, catalog, proxied):
    proxy, source = proxied
    proxy.stop()
    report = TwinLoader(catalog, project, "en").load(source, check=False)  # the check passed a moment ago
    assert report.problems and not any("not found" in p for p in report.problems)
    assert all("Cannot reach the twin database" in p for p in report.problems)
    assert len(report.problems) == 1  # once, not once per layer
