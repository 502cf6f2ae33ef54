"""The engine's direct GeoPackage reader gives exactly what QGIS's OGR provider gives: every value and geometry of
every layer, every kind of query, and whole reports; and it steps aside where it would not (edits, subset strings,
a replaced file)."""

from __future__ import annotations

import dataclasses
import random
import shutil
from datetime import date
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsField,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from digiresan_plugin.core.identify import LayerHandle, TwinEngine
from digiresan_plugin.core.identify.export import report_to_json
from digiresan_plugin.core.identify.gpkg_reader import GpkgReader, reader_for_layer
from digiresan_plugin.core.identify.handles import live_handle
from digiresan_plugin.core.identify.query import Query, to_request
from digiresan_plugin.core.identify.specs import Condition
from digiresan_plugin.core.identify.values import py_value

from .fixtures_twin import busiest_key, open_layers

EPSG3006 = QgsCoordinateReferenceSystem("EPSG:3006")
TODAY_DEMO = date(2026, 11, 27)


@pytest.fixture()
def layers(project, catalog, demo_twin):
    return open_layers(demo_twin, catalog, project)


def _through_qgis(layer, query: Query) -> dict[int, tuple]:
    found = {}
    for f in layer.getFeatures(to_request(query, layer.fields())):
        geometry = f.geometry().asWkt(3) if query.geometry and f.hasGeometry() else None
        found[f.id()] = (tuple(py_value(v) for v in f.attributes()), geometry)
    return found


def _direct(reader: GpkgReader, query: Query) -> dict[int, tuple]:
    found = {}
    for f in reader.read(query):
        geometry = f.geometry().asWkt(3) if query.geometry and f.hasGeometry() else None
        found[f.id()] = (tuple(f.attributes()), geometry)
    return found


def test_every_layer_reads_as_ogr_gives_it(layers):
    compared = 0
    for layer_id, layer in layers.items():
        reader = reader_for_layer(layer, layer.fields())
        assert reader is not None, f"{layer_id} should be read directly"
        expected = _through_qgis(layer, Query())
        assert expected, f"{layer_id} is empty in the demo twin"
        assert _direct(reader, Query()) == expected, layer_id
        compared += len(expected)
    assert compared > 1000


def test_each_kind_of_query_matches_qgis(layers):
    roads, permits = layers["road_segments"], layers["excavation_permits"]
    rng = random.Random(7)
    extent = roads.extent()
    segment_ids = [f["segment_id"] for f in roads.getFeatures(QgsFeatureRequest().setLimit(50))]
    permit_statuses = sorted({f["status"] for f in permits.getFeatures()} - {None})
    assert len(permit_statuses) >= 2
    queries = []
    for _ in range(20):
        x, y = rng.uniform(extent.xMinimum(), extent.xMaximum()), rng.uniform(extent.yMinimum(), extent.yMaximum())
        queries.append((roads, Query(rect=QgsRectangle(x - 40, y - 40, x + 40, y + 40))))
        queries.append((permits, Query(rect=QgsRectangle(x - 200, y - 200, x + 200, y + 200),
                                       where=(Condition("status", "not_in", (permit_statuses[0],)),))))
    for segment_id in segment_ids[:10]:
        queries.append((layers["road_condition"], Query(equals=("segment_id", segment_id), geometry=False,
                                                        attributes=("segment_id", "iri_mm_m", "inspected_on"))))
        queries.append((permits, Query(equals=("segment_id", segment_id),
                                       where=(Condition("status", "in", tuple(permit_statuses)),))))
        queries.append((permits, Query(equals=("segment_id", segment_id),
                                       where=(Condition("status", "ne", (permit_statuses[1],)),))))
        queries.append((permits, Query(where=(Condition("status", "eq", (permit_statuses[0],)),))))
    queries.append((roads, Query(fids=[3, 1, 2, 999_999])))
    hits = 0
    for layer, query in queries:
        expected = _through_qgis(layer, query)
        assert _direct(reader_for_layer(layer, layer.fields()), query) == expected, query
        hits += len(expected)
    assert hits > 100


def test_a_limit_gives_the_first_features_in_key_order_on_every_path(layers):
    """``Query.limit``: the first features in feature-id order, read directly and through QGIS (whose OGR provider
    gives a GeoPackage's rows in fid order)."""
    conditions = layers["road_condition"]
    segment, fids = busiest_key(conditions, "segment_id")
    assert len(fids) >= 3
    reader = reader_for_layer(conditions, conditions.fields())
    for limit in (1, 2, len(fids), len(fids) + 5):
        query = Query(equals=("segment_id", segment), geometry=False, limit=limit)
        assert list(_direct(reader, query)) == fids[:limit]
        assert list(_through_qgis(conditions, query)) == fids[:limit]


def test_whole_reports_are_the_same_either_way(layers, catalog):
    def through_qgis(layer_id):
        layer = layers.get(layer_id)
        if layer is None:
            return None
        return dataclasses.replace(LayerHandle.from_layer(catalog.layer(layer_id), layer), reader=None)

    direct = TwinEngine(catalog, layers.get, today=TODAY_DEMO)
    plain = TwinEngine(catalog, through_qgis, today=TODAY_DEMO)
    assert direct.layer_handle("road_segments").reader is not None
    assert plain.layer_handle("road_segments").reader is None
    roads = layers["road_segments"]
    rng = random.Random(11)
    features = list(roads.getFeatures())
    compared = 0
    for feature in rng.sample(features, 40):
        point = feature.geometry().interpolate(feature.geometry().length() / 2).asPoint()
        ours = direct.report_at_point(QgsPointXY(point), EPSG3006, 4.0)
        theirs = plain.report_at_point(QgsPointXY(point), EPSG3006, 4.0)
        assert report_to_json(ours) == report_to_json(theirs)
        compared += len(ours.sections)
    assert compared > 40 * 4


def test_not_used_where_qgis_shows_something_else(layers):
    roads = layers["road_segments"]
    assert reader_for_layer(roads, roads.fields()) is not None
    roads.setSubsetString('"functional_class" = 4')
    assert reader_for_layer(roads, roads.fields()) is None  # the subset string filters what the layer shows
    roads.setSubsetString("")
    assert roads.startEditing()
    try:
        assert reader_for_layer(roads, roads.fields()) is None  # the edit buffer is only in QGIS
    finally:
        roads.rollBack()
    assert reader_for_layer(roads, roads.fields()) is not None


def test_a_replaced_file_is_read_again(tmp_path: Path, demo_twin, catalog, project):
    path = tmp_path / "twin.gpkg"
    shutil.copy(demo_twin, path)
    layer = open_layers(path, catalog, project)["road_segments"]
    reader = reader_for_layer(layer, layer.fields())
    name_index = layer.fields().indexFromName("street_name")
    before = reader.read(Query(fids=[1]))[0].attributes()[name_index]
    changed = tmp_path / "changed.gpkg"
    shutil.copy(demo_twin, changed)
    other = QgsVectorLayer(f"{changed}|layername=road_segments", "changed", "ogr")
    assert other.dataProvider().changeAttributeValues({1: {name_index: "Ny gata"}})
    del other
    changed.replace(path)  # a new file under the same name (a re-created demo copy, a restored backup)
    assert before != "Ny gata"
    again = reader_for_layer(layer, layer.fields())  # what the next report's handle reads through
    assert again is not reader
    assert again.read(Query(fids=[1]))[0].attributes()[name_index] == "Ny gata"


def test_live_handles_are_kept_between_clicks_until_the_layer_changes(layers, catalog):
    roads = layers["road_segments"]
    spec = catalog.layer("road_segments")
    first = live_handle(spec, roads)
    assert live_handle(spec, roads) is first  # the next click reads through the same handle
    roads.setSubsetString('"functional_class" = 4')
    filtered = live_handle(spec, roads)
    assert filtered is not first and filtered.reader is None  # the subset string is QGIS's: read through it
    roads.setSubsetString("")
    assert roads.startEditing()
    try:
        editing = live_handle(spec, roads)
        assert editing.reader is None  # the edit buffer is QGIS's
        assert roads.addAttribute(QgsField("note", QVariant.String))
        assert "note" in live_handle(spec, roads).names  # new fields, new handle
    finally:
        roads.rollBack()
    after = live_handle(spec, roads)
    assert after.reader is not None and "note" not in after.names
