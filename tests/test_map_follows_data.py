"""The map follows the data: after a new inspection is saved, the road's colour on the map and the class on the
card agree — on the GeoPackage (SQLite triggers) and on PostGIS (migration 006's trigger)."""

from __future__ import annotations

from datetime import date

import pytest
from qgis.core import QgsFeature, QgsFeatureRequest, QgsRenderContext

from demo import KNOWN_CASES
from digiresan_plugin.core.edit_watch import EditWatch
from digiresan_plugin.core.gpkg_triggers import install_triggers
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY
from tests.maintenance_fixtures import private_copy

SEGMENT = KNOWN_CASES["commuter_street"]["segment_id"]


def map_class(layer, fid: int):
    """The condition class of the category the road style draws the feature with."""
    feature = layer.getFeature(fid)
    renderer = layer.renderer().clone()
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    keys = renderer.legendKeysForFeature(feature, context)
    renderer.stopRender(context)
    by_label = {c.label(): c.value() for c in renderer.categories()}
    classes = [by_label[item.label()] for item in renderer.legendSymbolItems() if item.ruleKey() in keys]
    assert len(classes) == 1, keys
    return None if classes[0] in (None, "") else int(classes[0])  # the style stores category values as text


def card_class(project, catalog, fid: int):
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY)
    report = engine.report_for_feature("road_segments", fid).to_dict()
    return next(s for s in report["sections"] if s["id"] == "condition")["summary"]["latest_value"]


def add_inspection(project, klass: int, on: date) -> None:
    inspections = twin_layer(project, "road_condition")
    assert inspections.startEditing()
    feature = QgsFeature(inspections.fields())
    feature["segment_id"] = SEGMENT
    feature["inspected_on"] = on.isoformat()
    feature["iri_mm_m"], feature["rut_depth_mm"], feature["condition_class"] = 6.1, 24.0, klass
    assert inspections.addFeature(feature)
    assert inspections.commitChanges(), inspections.commitErrors()


def check_map_and_card_agree(project, catalog) -> None:
    watch = EditWatch(catalog, project, "en")
    roads = twin_layer(project, "road_segments")
    fid = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'"))).id()
    before = card_class(project, catalog, fid)
    assert map_class(roads, fid) == before
    new = 5 if before != 5 else 1
    repaints = []
    roads.repaintRequested.connect(lambda *_: repaints.append(1))
    add_inspection(project, new, TODAY)
    assert repaints, "the road layer was not redrawn after the inspection was saved"
    assert card_class(project, catalog, fid) == new
    assert map_class(roads, fid) == new
    watch.cleanup()


def test_geopackage_map_and_card_agree_after_a_new_inspection(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    install_triggers(path, catalog)
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(path)).problems == []
    check_map_and_card_agree(project, catalog)


@pytest.fixture(scope="module")
def pg_twin(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return pg_cluster


def test_postgis_map_and_card_agree_after_a_new_inspection(project, catalog, pg_twin):
    editor = TwinSource.parse(f"pgservice:{pg_twin.service_uri('editor')}")
    assert TwinLoader(catalog, project, "en").load(editor).problems == []
    check_map_and_card_agree(project, catalog)
