"""A read waits for one of QGIS's pooled connections only so long (``POOL_WAIT_MS``), then it is a fault.

QGIS's providers share a small pool of connections per database (four, and two spare for nested reads) and by
default wait forever for one. A pool whose connections the server cut can leave every reader holding a broken
connection while it waits for another (seen on CI: twenty clients hung, and the next load of the same database
waited with them). Here every connection of the pool is held on the main thread, known by construction: a click
in a task must end with a fault within the wait, never hang, and answer again once the pool is free."""

from __future__ import annotations

import threading
import time

from qgis.core import QgsFeature, QgsFeatureRequest

from digiresan_plugin.core import read_faults
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.read_faults import TwinReadError
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import EPSG_3006, case_points

WAIT_MS = 400
POOL_SIZE = 6  # QGIS's default: four connections per pool and two spare


def _click(engine: TwinEngine, point) -> tuple[str, float]:
    started = time.monotonic()
    outcome: list[str] = []

    def run() -> None:
        try:
            engine.report_at_point(point, EPSG_3006, 2.0)
        except TwinReadError as exc:
            outcome.append(f"fault: {exc}")
        else:
            outcome.append("answer")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10.0)
    return (outcome[0] if outcome else "hung"), time.monotonic() - started


def test_a_click_on_a_pool_without_free_connections_is_a_fault_within_the_wait(project, catalog, pg_demo,
                                                                                 monkeypatch):
    monkeypatch.setattr(read_faults, "POOL_WAIT_MS", WAIT_MS)
    assert TwinLoader(catalog, project, "en").load(TwinSource.parse(
        f"pgservice:{pg_demo.service_uri('reader')}")).problems == []
    point = case_points(project)[0]
    engine = TwinEngine.snapshot(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    layer = twin_layer(project, "road_segments")
    held = []
    try:
        for _ in range(4 * POOL_SIZE):  # nested reads may take the spare connections too: all of the pool
            iterator = layer.getFeatures(QgsFeatureRequest().setRequestMayBeNested(True).setTimeout(2000))
            if iterator.nextFeature(QgsFeature()):  # else a connection an earlier test's server cut: QGIS resets it
                held.append(iterator)
            if len(held) == POOL_SIZE:
                break
        assert len(held) == POOL_SIZE
        outcome, seconds = _click(engine, point)
    finally:
        for iterator in held:
            iterator.close()
    assert outcome.startswith("fault:") and "no connection" in outcome, outcome
    assert seconds < WAIT_MS / 1000 + 3.0
    outcome, _ = _click(engine, point)  # the pool is free again: the next click answers
    assert outcome == "answer"


def test_a_request_with_a_wait_of_its_own_keeps_it():
    class _Source:
        def getFeatures(self, request):
            self.wait = request.timeout()
            return _Empty()

    class _Empty(list):
        def isValid(self) -> bool:
            return True

    source = _Source()
    list(read_faults.features_or_fault(source, QgsFeatureRequest().setTimeout(WAIT_MS * 3), "Signs"))
    assert source.wait == WAIT_MS * 3
    list(read_faults.features_or_fault(source, QgsFeatureRequest(), "Signs"))
    assert source.wait == read_faults.POOL_WAIT_MS == 10_000
