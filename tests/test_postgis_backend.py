"""The same twin from PostGIS: the same catalog loads the same layers and the cards give the same answers."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsPointXY

from demo import KNOWN_CASES
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer, twin_layers
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource, TwinSourceError
from tests.conftest import TODAY

EPSG_3006 = QgsCoordinateReferenceSystem("EPSG:3006")


@pytest.fixture(scope="module")
def pg_twin(pg_cluster, demo_twin):
    """The demo twin loaded into the test database; the source string a planner would use."""
    pg_cluster.load_gpkg(demo_twin)
    return TwinSource.parse(f"pgservice:{pg_cluster.service_uri('reader')}")


def without_fids(value):
    """A report dict with feature ids dropped (they are storage details that differ between backends)."""
    if isinstance(value, dict):
        return {k: without_fids(v) for k, v in value.items() if k != "fid"}
    if isinstance(value, list):
        return [without_fids(v) for v in value]
    return value


def segment_midpoint(project, segment_id: str) -> QgsPointXY:
    layer = twin_layer(project, "road_segments")
    request = QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{segment_id}'")
    feature = next(layer.getFeatures(request))
    return feature.geometry().interpolate(feature.geometry().length() / 2).asPoint()


def reports(project, catalog, source: TwinSource, points: list[QgsPointXY]) -> list[dict]:
    project.clear()
    report = TwinLoader(catalog, project, "en").load(source)
    assert report.problems == []
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    return [without_fids(engine.report_at_point(p, EPSG_3006, 2.0).to_dict()) for p in points]


def test_catalog_loads_every_layer_from_postgis(project, catalog, pg_twin, demo_twin):
    con = sqlite3.connect(demo_twin)
    segments = con.execute("SELECT count(*) FROM road_segments").fetchone()[0]  # the twin that was loaded
    con.close()
    report = TwinLoader(catalog, project, "en").load(pg_twin)
    assert report.problems == []
    layers = twin_layers(project)
    assert set(layers) == {spec.id for spec in catalog.layers}
    assert all(layer.providerType() == "postgres" for layer in layers.values())
    assert layers["road_segments"].featureCount() == segments
    assert layers["traffic_counts"].featureCount() == segments * 24
    assert layers["road_segments"].crs().authid() == "EPSG:3006"
    # no password anywhere in what the project stores
    for layer in layers.values():
        assert "password" not in layer.source().lower()


def test_cards_are_the_same_on_geopackage_and_postgis(project, catalog, demo_twin, pg_twin):
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    cases = ("moratorium_conflict", "overlapping_permits", "paving_plan_conflict", "commuter_street")
    points = [segment_midpoint(project, KNOWN_CASES[c]["segment_id"]) for c in cases]
    points.append(QgsPointXY(481670, 7005610))  # the town centre

    from_gpkg = reports(project, catalog, TwinSource.geopackage(demo_twin), points)
    from_pg = reports(project, catalog, pg_twin, points)

    kinds = [{w["kind"] for w in r["warnings"]} for r in from_gpkg]
    assert "moratorium" in kinds[0] and "permit_overlap" in kinds[1] and "dig_before_paving" in kinds[2]
    assert from_pg == from_gpkg


def test_unreachable_database_is_reported_quickly(catalog, project):
    source = TwinSource.parse("pgservice:host=127.0.0.1 port=9 dbname=nothing user=nobody connect_timeout=2")
    reason = source.check()
    assert reason is not None and "Cannot reach the twin database" in reason


def test_a_source_with_a_password_is_refused():
    with pytest.raises(TwinSourceError, match="must not contain a password"):
        TwinSource.parse("pgservice:host=x dbname=y password=secret")


def test_dates_are_as_constructed(project, catalog, pg_twin):
    TwinLoader(catalog, project, "en").load(pg_twin)
    roads = twin_layer(project, "road_segments")
    case = KNOWN_CASES["moratorium_conflict"]
    request = QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{case['segment_id']}'")
    paved = next(roads.getFeatures(request))["last_paved"]
    paved = paved.toPyDate() if hasattr(paved, "toPyDate") else date.fromisoformat(str(paved))
    assert (TODAY - paved).days == case["paved_days_ago"]


def test_dock_loads_from_a_saved_qgis_connection(project, catalog, pg_twin, pg_cluster):
    """A planner picks a saved connection (its credentials live in pg_service/auth manager, not in the project)."""
    from qgis.core import QgsApplication, QgsProviderRegistry
    from qgis.gui import QgsMessageBar

    from digiresan_plugin.gui.twin_dock import KIND_POSTGRES, TwinDock

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.createConnection(pg_cluster.service_uri("reader"), {}).store("Digiresan test")
    dock = TwinDock(catalog, None, QgsMessageBar())
    try:
        dock.kind_combo.setCurrentIndex(dock.kind_combo.findData(KIND_POSTGRES))
        assert dock.connection_combo.findText("Digiresan test") >= 0
        dock.connection_combo.setCurrentText("Digiresan test")
        dock.load_button.click()
        for _ in range(2000):
            if dock._task is None:
                break
            QgsApplication.processEvents()
            time.sleep(0.005)
        layers = twin_layers(project)
        assert set(layers) == {spec.id for spec in catalog.layers}
        assert project.readEntry("digiresan", "twin_source")[0] == "postgres:Digiresan test"
    finally:
        dock.cleanup()
        metadata.deleteConnection("Digiresan test")
