"""Shared-database sessions: a GIS specialist's edit reaches the planner's next click; a server that goes
away and comes back is reported and retried without restarting QGIS."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeatureRequest, QgsVectorDataProvider
from qgis.gui import QgsMessageBar

from demo import KNOWN_CASES
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer, twin_layers
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.gui.twin_dock import TwinDock
from tests.conftest import TODAY

PG_SH = Path(__file__).resolve().parent.parent / "db" / "pg.sh"
SEGMENT = KNOWN_CASES["no_conflict"]["segment_id"]


@pytest.fixture(scope="module")
def loaded_pg(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return pg_cluster


def wait_for(predicate, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        QgsApplication.processEvents()
        time.sleep(0.01)


def segment_fid(layer) -> int:
    request = QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'")
    return next(layer.getFeatures(request)).id()


def surface_in_card(project, catalog, planner: TwinSource) -> str:
    project.clear()
    TwinLoader(catalog, project, "en").load(planner)
    layer = twin_layer(project, "road_segments")
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY)
    report = engine.report_for_feature("road_segments", segment_fid(layer)).to_dict()
    return next(a["value"] for a in report["subject"]["attributes"] if a["field"] == "surface")


def test_editor_change_shows_in_the_planners_next_card(project, catalog, loaded_pg):
    planner = TwinSource.parse(f"pgservice:{loaded_pg.service_uri('reader')}")
    editor = TwinSource.parse(f"pgservice:{loaded_pg.service_uri('editor')}")
    assert surface_in_card(project, catalog, planner) != "grus"

    # the GIS specialist edits with QGIS's standard editing on the editor connection
    project.clear()
    TwinLoader(catalog, project, "en").load(editor)
    roads = twin_layer(project, "road_segments")
    assert roads.startEditing()
    assert roads.changeAttributeValue(segment_fid(roads), roads.fields().indexFromName("surface"), "grus")
    assert roads.commitChanges(), roads.commitErrors()

    assert surface_in_card(project, catalog, planner) == "grus"


def test_planner_cannot_save_edits(project, catalog, loaded_pg):
    TwinLoader(catalog, project, "en").load(TwinSource.parse(f"pgservice:{loaded_pg.service_uri('reader')}"))
    roads = twin_layer(project, "road_segments")
    # QGIS reads the role's privileges: the planner's layer offers no editing at all
    assert not roads.dataProvider().capabilities() & QgsVectorDataProvider.Capability.ChangeAttributeValues
    roads.startEditing()
    roads.changeAttributeValue(segment_fid(roads), roads.fields().indexFromName("surface"), "gatsten")
    assert not roads.commitChanges()
    roads.rollBack()
    assert surface_in_card(project, catalog, TwinSource.parse(f"pgservice:{loaded_pg.service_uri('reader')}")) != (
        "gatsten"
    )


def test_server_down_is_reported_and_retry_works_when_it_returns(project, catalog, loaded_pg):
    source = TwinSource.parse(f"pgservice:{loaded_pg.service_uri('reader')}")
    bar = QgsMessageBar()
    dock = TwinDock(catalog, None, bar)
    try:
        subprocess.run(["bash", str(PG_SH), "stop"], check=True, capture_output=True, timeout=120)
        started = time.monotonic()
        dock.load(source)
        assert dock.progress.isVisibleTo(dock) and dock._task is not None  # busy while the check runs in a task
        wait_for(lambda: dock._task is None)
        assert time.monotonic() - started < 15  # connect timeout, not a hang
        assert "Cannot reach the twin database" in dock.status_label.text()
        assert dock.retry_button.isVisibleTo(dock)
        assert twin_layers(project) == {}
    finally:
        subprocess.run(["bash", str(PG_SH), "start"], check=True, capture_output=True, timeout=300)
    dock.retry_button.click()
    wait_for(lambda: dock._task is None)
    assert set(twin_layers(project)) == {spec.id for spec in catalog.layers}
    assert not dock.retry_button.isVisibleTo(dock)
    dock.cleanup()
