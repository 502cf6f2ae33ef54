"""Item 6: how many database connections one QGIS with the twin (and the ideas) uses, measured on the real server:
the figure the README's sizing of ``max_connections`` rests on."""

from __future__ import annotations

import threading

import pytest
from qgis.core import QgsApplication, QgsMapRendererParallelJob, QgsMapSettings
from qgis.PyQt.QtCore import QSize

from digiresan_plugin.core.ideas.postgres import PostgresIdeaRepository
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer, twin_layers
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import EPSG_3006, case_points, reader_backends

POOL_SPARE = 2  # CONN_POOL_SPARE_CONNECTIONS in QGIS's qgsconnectionpool.h


def max_per_qgis() -> int:
    """The most one QGIS may hold on the twin's login: QGIS's pool (maxConcurrentConnectionsPerPool, 4 by default,
    + 2 spare), the shared connection of the layers' providers, and the card's direct reader (one, on the main
    thread: core/identify/pg_reader.py)."""
    return QgsApplication.instance().maxConcurrentConnectionsPerPool() + POOL_SPARE + 1 + 1


def backends(pg_cluster, user: str) -> int:
    conn = pg_cluster.connect("superuser", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND datname = current_database()",
                        (user,))
            return cur.fetchone()[0]
    finally:
        conn.close()


def test_connections_of_one_qgis_with_the_twin_and_the_ideas(project, catalog, pg_demo, record_property):
    reader_backends(pg_demo, terminate=True)
    assert TwinLoader(catalog, project, "en").load(TwinSource.parse(
        f"pgservice:{pg_demo.service_uri('reader')}")).problems == []
    after_load = backends(pg_demo, "digiresan_reader")
    # a map render (parallel, one thread per layer), clicks on the main thread and in a task's thread
    settings = QgsMapSettings()
    settings.setLayers(list(twin_layers(project).values()))
    settings.setDestinationCrs(EPSG_3006)
    settings.setExtent(twin_layer(project, "road_segments").extent())
    settings.setOutputSize(QSize(400, 400))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    points = case_points(project)
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    for point in points:
        engine.report_at_point(point, EPSG_3006, 2.0)
    snapshot = TwinEngine.snapshot(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    worker = threading.Thread(target=lambda: [snapshot.report_at_point(p, EPSG_3006, 2.0) for p in points])
    worker.start()
    worker.join(60)
    in_use = backends(pg_demo, "digiresan_reader")
    ideas = PostgresIdeaRepository.from_service(pg_demo.service("coordinator"), dbname=pg_demo.dbname)
    ideas.list_ideas(include_personal=True)
    ideas_left_open = backends(pg_demo, "digiresan_coordinator")
    record_property("connections", {"after_load": after_load, "in_use": in_use, "ideas_left_open": ideas_left_open})
    print(f"\nconnections per QGIS: after load {after_load}, after render + clicks {in_use}, "
          f"ideas left open {ideas_left_open} (bound {max_per_qgis()})")
    assert 1 <= after_load <= 2
    assert in_use <= max_per_qgis()
    assert ideas_left_open == 0  # the ideas open one connection per read and close it


def test_pg_sh_sizes_max_connections_for_fifty_users():
    from tests.pg_server import PG_SH

    text = PG_SH.read_text(encoding="utf-8")
    value = int(text.split("\nmax_connections = ", 1)[1].split()[0])
    assert value >= 50 * max_per_qgis()


def test_the_running_server_has_the_sized_limit(pg_cluster):
    conn = pg_cluster.connect("superuser", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW max_connections")
            value = int(cur.fetchone()[0])
    finally:
        conn.close()
    if value < 50 * max_per_qgis():
        pytest.skip(f"the cluster was started before db/pg.sh sized it (max_connections={value}): db/pg.sh stop")
    assert value >= 50 * max_per_qgis()
