"""Shared parts of the database-fault tests: the demo twin in PostGIS, the expected cards (from the GeoPackage,
a different backend), a proxy source that can be stopped, and all connection slots taken."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

import psycopg2
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsPointXY

from demo import KNOWN_CASES
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

EPSG_3006 = QgsCoordinateReferenceSystem("EPSG:3006")
CASES = ("moratorium_conflict", "overlapping_permits", "paving_plan_conflict", "commuter_street")


def without_fids(value):
    if isinstance(value, dict):
        return {k: without_fids(v) for k, v in value.items() if k != "fid"}
    if isinstance(value, list):
        return [without_fids(v) for v in value]
    return value


def case_points(project) -> list[QgsPointXY]:
    layer = twin_layer(project, "road_segments")
    points = []
    for case in CASES:
        request = QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{KNOWN_CASES[case]['segment_id']}'")
        geometry = next(layer.getFeatures(request)).geometry()
        points.append(geometry.interpolate(geometry.length() / 2).asPoint())
    points.append(QgsPointXY(481670, 7005610))  # the town centre
    return points


def expected_cards(project, catalog, demo_twin: Path) -> tuple[list[QgsPointXY], list[dict]]:
    """The single-client answers, read from the GeoPackage the database was loaded from."""
    project.clear()
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin)).problems == []
    points = case_points(project)
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    cards = [without_fids(engine.report_at_point(p, EPSG_3006, 2.0).to_dict()) for p in points]
    project.clear()
    return points, cards


def proxy_pgpass(pg_cluster, proxy_port: int, folder: Path) -> Path:
    """A copy of the cluster's pgpass with the same passwords for the proxy's port."""
    lines = pg_cluster.pass_file.read_text().splitlines()
    extra = [":".join([p[0], str(proxy_port), *p[2:]]) for p in (line.split(":") for line in lines if line)]
    path = folder / "pgpass"
    path.write_text("\n".join(lines + extra) + "\n")
    path.chmod(0o600)
    return path


def reader_backends(pg_cluster, terminate: bool = False) -> int:
    conn = pg_cluster.connect("superuser", autocommit=True)
    try:
        with conn.cursor() as cur:
            if terminate:
                cur.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            " WHERE usename = 'digiresan_reader' AND datname = current_database()"
                            " AND pid <> pg_backend_pid()")
            else:
                cur.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = 'digiresan_reader'"
                            " AND datname = current_database()")
            return cur.fetchone()[0]
    finally:
        conn.close()


@contextlib.contextmanager
def slots_taken(pg_cluster, leave: int = 0) -> Iterator[list]:
    """Every connection slot but ``leave`` taken by idle clients (the plugin's own connections cut first)."""
    reader_backends(pg_cluster, terminate=True)
    held: list = []
    try:
        while True:
            held.append(pg_cluster.connect("editor"))
    except psycopg2.OperationalError:
        pass
    for conn in held[len(held) - leave:] if leave else []:
        conn.close()
    del held[len(held) - leave:]
    try:
        yield held
    finally:
        for conn in held:
            conn.close()
