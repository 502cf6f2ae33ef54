"""The engine's direct PostGIS reader gives exactly what QGIS's postgres provider gives (values, geometries, feature
ids) for every kind of query and whole reports; it steps aside where it would not (subset strings, edits, a key
QGIS maps to ids of its own), and a database that stops answering is a fault, never an empty answer."""

from __future__ import annotations

import dataclasses
import random

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsPointXY,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)

from digiresan_plugin.core import settings
from digiresan_plugin.core.identify import LayerHandle, TwinEngine, pg_reader
from digiresan_plugin.core.identify.export import report_to_json
from digiresan_plugin.core.identify.handles import release_handles
from digiresan_plugin.core.identify.pg_reader import PgReader, PgReadError, reader_for_pg_layer
from digiresan_plugin.core.identify.query import Query, to_request
from digiresan_plugin.core.identify.specs import Condition
from digiresan_plugin.core.identify.values import py_value
from digiresan_plugin.core.layers import twin_layers
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY
from tests.fixtures_twin import busiest_key

EPSG3006 = QgsCoordinateReferenceSystem("EPSG:3006")


@pytest.fixture(scope="module")
def pg_source(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return TwinSource.parse(f"pgservice:{pg_cluster.service_uri('reader')}")


@pytest.fixture()
def layers(project, catalog, pg_source):
    report = TwinLoader(catalog, project, "en").load(pg_source)
    assert not report.problems, report.problems
    assert settings.get("postgis_direct_read") is True  # the default
    try:
        yield twin_layers(project)
    finally:
        release_handles()


def test_on_by_default_and_off_the_engine_reads_postgis_through_qgis(project, catalog, pg_source):
    assert settings.get("postgis_direct_read") is True
    assert not TwinLoader(catalog, project, "en").load(pg_source).problems
    engine = TwinEngine(catalog, twin_layers(project).get, today=TODAY)
    assert isinstance(engine.layer_handle("road_segments").reader, PgReader)
    release_handles()
    settings.set_value("postgis_direct_read", False)
    try:
        engine = TwinEngine(catalog, twin_layers(project).get, today=TODAY)
        assert engine.layer_handle("road_segments").reader is None
    finally:
        QgsSettings().remove(settings.PREFIX + "postgis_direct_read")  # back to the default
        release_handles()
    assert settings.get("postgis_direct_read") is True


def _through_qgis(layer, query: Query) -> dict[int, tuple]:
    found = {}
    for f in layer.getFeatures(to_request(query, layer.fields())):
        geometry = f.geometry().asWkt(3) if query.geometry and f.hasGeometry() else None
        found[f.id()] = (tuple(py_value(v) for v in f.attributes()), geometry)
    return found


def _direct(reader: PgReader, query: Query) -> dict[int, tuple]:
    found = {}
    for f in reader.read(query):
        geometry = f.geometry().asWkt(3) if query.geometry and f.hasGeometry() else None
        found[f.id()] = (tuple(f.attributes()), geometry)
    return found


def test_the_twin_layers_are_read_directly_and_as_qgis_gives_them(layers):
    direct = {layer_id: reader_for_pg_layer(layer, layer.fields()) for layer_id, layer in layers.items()}
    assert direct["road_segments"] is not None and direct["traffic_signs"] is not None
    compared = 0
    for layer_id, reader in direct.items():
        if reader is None:
            continue
        expected = _through_qgis(layers[layer_id], Query())
        assert _direct(reader, Query()) == expected, layer_id
        compared += len(expected)
    assert compared > 1000
    assert sum(r is not None for r in direct.values()) >= 6


def test_each_kind_of_query_matches_qgis(layers):
    roads, permits = layers["road_segments"], layers["excavation_permits"]
    rng = random.Random(7)
    extent = roads.extent()
    segment_ids = [f["segment_id"] for f in roads.getFeatures(QgsFeatureRequest().setLimit(50))]
    statuses = sorted({f["status"] for f in permits.getFeatures()} - {None})
    assert len(statuses) >= 2
    queries = []
    for _ in range(20):
        x, y = rng.uniform(extent.xMinimum(), extent.xMaximum()), rng.uniform(extent.yMinimum(), extent.yMaximum())
        queries.append((roads, Query(rect=QgsRectangle(x - 40, y - 40, x + 40, y + 40))))
        queries.append((permits, Query(rect=QgsRectangle(x - 200, y - 200, x + 200, y + 200),
                                       where=(Condition("status", "not_in", (statuses[0],)),))))
    for segment_id in segment_ids[:10]:
        queries.append((layers["road_condition"], Query(equals=("segment_id", segment_id), geometry=False,
                                                        attributes=("segment_id", "iri_mm_m", "inspected_on"))))
        queries.append((permits, Query(equals=("segment_id", segment_id),
                                       where=(Condition("status", "in", tuple(statuses)),))))
        queries.append((permits, Query(equals=("segment_id", segment_id),
                                       where=(Condition("status", "ne", (statuses[1],)),))))
    queries.append((permits, Query(where=(Condition("status", "eq", (statuses[0],)),))))
    queries.append((roads, Query(fids=[3, 1, 2, 999_999])))
    hits = 0
    for layer, query in queries:
        expected = _through_qgis(layer, query)
        assert _direct(reader_for_pg_layer(layer, layer.fields()), query) == expected, query
        hits += len(expected)
    assert hits > 100


def test_a_limit_gives_the_first_features_in_key_order(layers):
    conditions = layers["road_condition"]
    segment, fids = busiest_key(conditions, "segment_id")
    assert len(fids) >= 3
    reader = reader_for_pg_layer(conditions, conditions.fields())
    for limit in (1, 2, len(fids) + 5):
        query = Query(equals=("segment_id", segment), geometry=False, limit=limit)
        assert list(_direct(reader, query)) == fids[:limit]


def test_direct_reads_only_on_the_main_thread_tasks_read_through_qgis(layers, catalog):
    """One direct connection per QGIS: a task's snapshot engine has no PostGIS reader, and a live one asked from
    another thread steps aside (the handle then reads through QGIS) — the reports are the same."""
    import threading

    live = TwinEngine(catalog, layers.get, today=TODAY)
    assert isinstance(live.layer_handle("road_segments").reader, PgReader)
    snapshot = TwinEngine.snapshot(catalog, layers.get, today=TODAY)
    assert snapshot.layer_handle("road_segments").reader is None
    roads = layers["road_segments"]
    reader = reader_for_pg_layer(roads, roads.fields())
    point = roads.getFeature(next(roads.getFeatures(QgsFeatureRequest().setLimit(1))).id()).geometry() \
        .interpolate(1.0).asPoint()
    expected = report_to_json(live.report_at_point(QgsPointXY(point), EPSG3006, 3.0))
    found: dict = {}

    def task() -> None:
        try:
            reader.read(Query())
        except PgReadError as exc:
            found["refused"] = str(exc)
        found["report"] = report_to_json(snapshot.report_at_point(QgsPointXY(point), EPSG3006, 3.0))

    worker = threading.Thread(target=task)
    worker.start()
    worker.join(60)
    assert found["refused"] == "not on the main thread"
    assert found["report"] == expected


def test_statements_are_prepared_once_and_a_server_that_forgets_them_still_answers(layers):
    """Each query shape is prepared on the server once; when the server loses them (a pooler in transaction mode,
    here ``DEALLOCATE ALL``), the read answers the same through plain statements."""
    roads = layers["road_segments"]
    reader = reader_for_pg_layer(roads, roads.fields())
    segment_ids = [f["segment_id"] for f in roads.getFeatures(QgsFeatureRequest().setLimit(3))]
    queries = [Query(equals=("segment_id", sid), geometry=False) for sid in segment_ids]
    expected = [_through_qgis(roads, q) for q in queries]
    assert all(len(e) == 1 for e in expected)
    assert [_direct(reader, q) for q in queries] == expected
    conn = pg_reader._CONNECTIONS.open[reader._conninfo]
    with conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'digiresan_card_%%'")
        assert cursor.fetchone()[0] == 1  # one shape: one statement, whatever the value
        cursor.execute("DEALLOCATE ALL")
    try:
        assert [_direct(reader, q) for q in queries] == expected
        assert reader._conninfo in pg_reader._UNPREPARED
    finally:
        pg_reader._UNPREPARED.discard(reader._conninfo)


def test_whole_reports_are_the_same_either_way(layers, catalog):
    def through_qgis(layer_id):
        layer = layers.get(layer_id)
        if layer is None:
            return None
        return dataclasses.replace(LayerHandle.from_layer(catalog.layer(layer_id), layer), reader=None)

    direct = TwinEngine(catalog, layers.get, today=TODAY)
    plain = TwinEngine(catalog, through_qgis, today=TODAY)
    assert isinstance(direct.layer_handle("road_segments").reader, PgReader)
    assert plain.layer_handle("road_segments").reader is None
    features = list(layers["road_segments"].getFeatures())
    compared = 0
    for feature in random.Random(11).sample(features, 30):
        point = feature.geometry().interpolate(feature.geometry().length() / 2).asPoint()
        ours = direct.report_at_point(QgsPointXY(point), EPSG3006, 4.0)
        theirs = plain.report_at_point(QgsPointXY(point), EPSG3006, 4.0)
        assert report_to_json(ours) == report_to_json(theirs)
        compared += len(ours.sections)
    assert compared > 30 * 4


def test_not_used_where_qgis_shows_something_else(layers, pg_cluster):
    roads = layers["road_segments"]
    assert reader_for_pg_layer(roads, roads.fields()) is not None
    roads.setSubsetString('"functional_class" = 4')
    assert reader_for_pg_layer(roads, roads.fields()) is None  # the subset string filters what the layer shows
    roads.setSubsetString("")
    uri = QgsDataSourceUri(roads.source())
    uri.setConnection(pg_cluster.service("editor"), uri.database(), "", "")
    roads = QgsVectorLayer(uri.uri(False), "editable roads", "postgres")
    assert roads.isValid() and reader_for_pg_layer(roads, roads.fields()) is not None
    assert roads.startEditing()  # the edit buffer is only in QGIS
    try:
        assert reader_for_pg_layer(roads, roads.fields()) is None
    finally:
        roads.rollBack()


def test_an_unreachable_database_raises_without_connection_details_and_the_handle_asks_qgis(layers, catalog):
    roads = layers["road_segments"]
    reader = reader_for_pg_layer(roads, roads.fields())
    assert reader.read(Query(fids=[1]))  # connected and answering
    broken = PgReader("host=127.0.0.1 port=1 dbname=nowhere user=secretuser", "", "road_segments", "geom", 3006,
                      "fid", roads.fields())
    with pytest.raises(PgReadError) as raised:
        broken.read(Query(fids=[1]))
    assert "nowhere" not in str(raised.value) and "secretuser" not in str(raised.value)
    assert "secretuser" not in repr(broken)
    handle = dataclasses.replace(LayerHandle.from_layer(catalog.layer("road_segments"), roads), reader=broken)
    expected = _through_qgis(roads, Query(fids=[1, 2]))
    found = {f.id(): tuple(py_value(v) for v in f.attributes()) for f in handle.read(Query(fids=[1, 2]))}
    assert found == {fid: values for fid, (values, _geometry) in expected.items()} and len(found) == 2


def test_a_road_title_read_straight_from_postgis_is_the_geopackage_one(layers, catalog, demo_twin, monkeypatch):
    """The card's road title on PostGIS (the cross streets through the direct reader: bound statements, not QGIS
    cursors) is the title the GeoPackage twin gives, for every segment of the demo's streets; off the main thread,
    or where the database cannot answer, the same through QGIS."""
    import threading

    from digiresan_plugin.core.cross_streets import for_layer, streets_spec
    from digiresan_plugin.core.street_rows import PgStreetRows

    spec, layer_spec = streets_spec(catalog), catalog.layer("road_segments")
    gpkg = QgsVectorLayer(f"{demo_twin}|layername=road_segments", "gpkg", "ogr")
    key = layer_spec.key
    expected = {}
    for f in gpkg.getFeatures():
        place = for_layer(spec, layer_spec, gpkg).place(f.id(), f[spec.name_field] or None)
        expected[f[key]] = place.label() if place is not None else None
    assert len(expected) > 50 and sum(1 for v in expected.values() if v and "–" in v) > 20

    pg = layers["road_segments"]
    pg_fid = {f[key]: f.id() for f in pg.getFeatures()}

    def titles(cross) -> dict:
        return {k: (p.label() if (p := cross.place(fid)) is not None else None) for k, fid in pg_fid.items()}

    direct = for_layer(spec, layer_spec, pg)
    assert isinstance(direct.rows, PgStreetRows)
    asked: list = []
    real_read = direct.rows.reader.read
    monkeypatch.setattr(direct.rows.reader, "read", lambda query: asked.append(query) or real_read(query))
    assert titles(direct) == expected
    streets = {f[spec.name_field] for f in pg.getFeatures()} - {None}
    by_name = [q for q in asked if q.equals is not None and q.equals[0] == spec.name_field]
    assert len(by_name) == len(streets)  # each street read once: its length and its segments in one question
    found: dict = {}
    built_here = for_layer(spec, layer_spec, pg)  # built on the main thread, read on a worker (the locator's)
    worker = threading.Thread(target=lambda: found.update(titles(built_here)))
    worker.start()
    worker.join()
    assert found == expected  # off the main thread: through QGIS
    refusing = for_layer(spec, layer_spec, pg)

    def refuse(_query):
        raise PgReadError("the database did not answer")

    monkeypatch.setattr(refusing.rows.reader, "read", refuse)
    assert titles(refusing) == expected
