"""A street's segments between their cross streets, and the locator's order: a small street grid whose labels
and order are known by construction.

Grid (EPSG:3006, metres from (481 000, 7 005 000)):
- Storgatan runs north–south at x = 0 from y = 300 to y = 0 in three segments, stored out of order and one
  digitised south to north: ST-01 (300 → 200, the north end piece), ST-02 (100 → 200, reversed), ST-03 (100 → 0);
- Kyrkgatan (y = 200), Prästgatan (y = 100) and Ågatan (y = 0) cross it, each in a west and an east segment;
- Prästgatan's east end (x = 100) is where Bäckvägen and Abborrvägen both begin;
- Lillgatan meets Kyrkgatan's east segment in its middle (x = 50): a cross street of Lillgatan, not of Kyrkgatan;
- Fjärrvägen starts 5 m from Storgatan's south end: too far to cross it (touch_m 1 m).
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsFeedback, QgsLocatorContext, QgsLocatorModel, QgsLocatorProxyModel, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from digiresan_plugin.core.catalog import CatalogError, parse_catalog
from digiresan_plugin.core.collation import sorted_names
from digiresan_plugin.core.cross_streets import for_layer, streets_spec
from digiresan_plugin.core.search import TwinSearch, like_pattern
from digiresan_plugin.gui.locator import TwinLocatorFilter

from .fixtures_twin import _srs
from .test_i18n import compiled_qm  # noqa: F401 - the fixture

X, Y = 481000.0, 7005000.0
SEGMENTS = [  # (segment_id, street, points relative to (X, Y))
    ("ST-03", "Storgatan", [(0, 100), (0, 0)]),
    ("ST-01", "Storgatan", [(0, 300), (0, 200)]),
    ("ST-02", "Storgatan", [(0, 100), (0, 200)]),
    ("KY-01", "Kyrkgatan", [(-100, 200), (0, 200)]),
    ("KY-02", "Kyrkgatan", [(0, 200), (100, 200)]),
    ("PR-01", "Prästgatan", [(-100, 100), (0, 100)]),
    ("PR-02", "Prästgatan", [(0, 100), (100, 100)]),
    ("ÅG-01", "Ågatan", [(-100, 0), (0, 0)]),
    ("ÅG-02", "Ågatan", [(0, 0), (100, 0)]),
    ("BÄ-01", "Bäckvägen", [(100, 100), (200, 100)]),
    ("AB-01", "Abborrvägen", [(100, 100), (100, 50)]),
    ("LI-01", "Lillgatan", [(50, 250), (50, 200)]),
    ("FJ-01", "Fjärrvägen", [(0, -5), (0, -80)]),
]
STORGATAN = ["Storgatan, north of Kyrkgatan", "Storgatan, Kyrkgatan–Prästgatan", "Storgatan, Prästgatan–Ågatan"]
PROPERTIES = ["Hjorten 10", "Hjorten 3", "hjorten 2", "Hjorten 1", "Älgen 1", "Åsen 4"]


def write_grid(path: Path) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    roads = ds.CreateLayer("road_segments", _srs(3006), ogr.wkbLineString, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name in ("segment_id", "street_name"):
        roads.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for key, street, points in SEGMENTS:
        feature = ogr.Feature(roads.GetLayerDefn())
        feature.SetField("segment_id", key)
        feature.SetField("street_name", street)
        line = ", ".join(f"{X + dx} {Y + dy}" for dx, dy in points)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING ({line})"))
        roads.CreateFeature(feature)
    properties = ds.CreateLayer("properties", _srs(3006), ogr.wkbPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    properties.CreateField(ogr.FieldDefn("designation", ogr.OFTString))
    for i, designation in enumerate(PROPERTIES):
        feature = ogr.Feature(properties.GetLayerDefn())
        feature.SetField("designation", designation)
        x0, y0 = X + 300 + 30 * i, Y
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON (({x0} {y0}, {x0 + 20} {y0}, {x0 + 20} {y0 + 20}, {x0} {y0 + 20}, {x0} {y0}))"))
        properties.CreateFeature(feature)
    ds = None
    return path


@pytest.fixture()
def grid(tmp_path, qgis_app) -> dict[str, QgsVectorLayer]:
    path = write_grid(tmp_path / "grid.gpkg")
    layers = {lid: QgsVectorLayer(f"{path}|layername={lid}", lid, "ogr") for lid in ("road_segments", "properties")}
    assert all(layer.isValid() for layer in layers.values())
    yield layers
    layers.clear()
    gc.collect()  # the layers go while QGIS is alive (an OGR dataset closed after exitQgis crashes)


def labels(cross, street: str) -> list[str]:
    return [p.label() for p in cross.along(street)]


def test_a_street_lists_its_segments_end_to_end_between_their_cross_streets(catalog, grid):
    cross = for_layer(streets_spec(catalog), catalog.layer("road_segments"), grid["road_segments"])
    assert labels(cross, "Storgatan") == STORGATAN
    assert [p.key for p in cross.along("Storgatan")] == ["ST-01", "ST-02", "ST-03"]
    assert labels(cross, "Prästgatan") == ["Prästgatan, west of Storgatan",
                                           "Prästgatan, Storgatan–Abborrvägen / Bäckvägen"]
    assert labels(cross, "Kyrkgatan") == ["Kyrkgatan, west of Storgatan",
                                          "Kyrkgatan, east of Storgatan"]  # Lillgatan meets its middle, not an end
    assert labels(cross, "Lillgatan") == ["Lillgatan, north of Kyrkgatan"]
    assert labels(cross, "Fjärrvägen") == ["Fjärrvägen (FJ-01)"]  # 5 m from Storgatan's end: no crossing
    assert cross.place(cross.along("Storgatan")[1].fid).label() == "Storgatan, Kyrkgatan–Prästgatan"


def test_through_qgis_the_answers_are_the_same(catalog, grid):
    layer = grid["road_segments"]
    layer.setSubsetString('"fid" > 0')  # not the plain table: read through QGIS's provider
    cross = for_layer(streets_spec(catalog), catalog.layer("road_segments"), layer)
    assert labels(cross, "Storgatan") == STORGATAN


def test_answers_are_kept_until_the_file_changes(catalog, grid, tmp_path):
    spec, layer = streets_spec(catalog), grid["road_segments"]
    assert labels(for_layer(spec, catalog.layer("road_segments"), layer), "Storgatan")[2].endswith("–Ågatan")
    time.sleep(0.01)
    ds = ogr.Open(str(tmp_path / "grid.gpkg"), 1)  # OGR: the GeoPackage's R-tree triggers need its functions
    ds.ExecuteSQL("UPDATE road_segments SET street_name = 'Åvägen' WHERE street_name = 'Ågatan'")
    ds = None
    assert labels(for_layer(spec, catalog.layer("road_segments"), layer), "Storgatan")[2].endswith("–Åvägen")


SMALL = {"catalog_version": 1, "title": {"en": "t", "sv": "t"},
         "groups": [{"id": "g", "title": {"en": "g", "sv": "g"}}],
         "layers": [{"id": "blocks", "table": "blocks", "group": "g", "title": {"en": "b", "sv": "b"},
                     "geometry": "Polygon"},
                    {"id": "notes", "table": "notes", "group": "g", "title": {"en": "n", "sv": "n"}},
                    {"id": "roads", "table": "roads", "group": "g", "title": {"en": "r", "sv": "r"},
                     "geometry": "LineString", "fields": ["road_id", "street"]}]}
#: (search key, the message's expected part in English, in Swedish): what a user reads, file and key named
BAD_STREETS = [
    ([], "search", "an object", "ett objekt"),
    ({"streets": "roads"}, "search.streets", "an object with 'layer' and 'name_field'",
     "ett objekt med 'layer' och 'name_field'"),
    ({"streets": {"layer": "blocks", "name_field": "street"}}, "search.streets.layer",
     "the id of a line layer, one of roads: layer 'blocks' has geometry Polygon",
     "id för ett linjelager, ett av roads: lagret 'blocks' har geometrin Polygon"),
    ({"streets": {"layer": "notes", "name_field": "street"}}, "search.streets.layer",
     "the id of a line layer, one of roads: layer 'notes' has no geometry",
     "id för ett linjelager, ett av roads: lagret 'notes' har ingen geometri"),
    ({"streets": {"layer": "gator", "name_field": "street"}}, "search.streets.layer",
     "the id of a line layer, one of roads, got 'gator'", "id för ett linjelager, ett av roads, fick 'gator'"),
    ({"streets": {"name_field": "street"}}, "search.streets.layer",
     "the id of a line layer, one of roads, got null", "id för ett linjelager, ett av roads, fick null"),
    ({"streets": {"layer": "roads", "name_field": ""}}, "search.streets.name_field",
     "the name of the field of layer 'roads' that holds the street name, got ''",
     "namnet på det fält i lagret 'roads' som har gatunamnet, fick ''"),
    ({"streets": {"layer": "roads", "name_field": "gatunamn"}}, "search.streets.name_field",
     "one of the fields of layer 'roads' (road_id, street), got 'gatunamn'",
     "ett av fälten i lagret 'roads' (road_id, street), fick 'gatunamn'"),
    ({"streets": {"layer": "roads", "name_field": "street", "touch_m": 0}}, "search.streets.touch_m",
     "a distance in metres above 0 and at most 50, got 0", "ett avstånd i meter över 0 och högst 50, fick 0"),
    ({"streets": {"layer": "roads", "name_field": "street", "touch_m": True}}, "search.streets.touch_m",
     "a distance in metres above 0 and at most 50, got true", "ett avstånd i meter över 0 och högst 50, fick true"),
]


@pytest.mark.parametrize(("search_key", "key", "english", "swedish"), BAD_STREETS,
                         ids=[f"{k}:{e[:24]}" for _s, k, e, _sv in BAD_STREETS])
def test_the_catalog_key_is_checked_in_the_ui_language(search_key, key, english, swedish,
                                                       compiled_qm):  # noqa: F811 - the fixture
    catalog = parse_catalog(dict(SMALL, search=search_key), "katalog.json")
    with pytest.raises(CatalogError) as caught:
        streets_spec(catalog)
    assert str(caught.value) == f"katalog.json: key '{key}': expected {english}"
    translator = QTranslator()
    assert translator.load(str(compiled_qm))
    QCoreApplication.installTranslator(translator)
    try:
        with pytest.raises(CatalogError) as caught:
            streets_spec(catalog)
        assert str(caught.value) == f"katalog.json: nyckel '{key}': förväntade {swedish}"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_good_streets_key_and_none(catalog):
    spec = streets_spec(parse_catalog(dict(SMALL, search={"streets": {"layer": "roads", "name_field": "street",
                                                                      "touch_m": 2}}), "c.json"))
    assert (spec.layer, spec.name_field, spec.touch_m) == ("roads", "street", 2.0)
    assert streets_spec(parse_catalog(SMALL, "c.json")) is None
    assert streets_spec(parse_catalog(dict(SMALL, search={}), "c.json")) is None


def search(catalog, grid) -> TwinSearch:
    return TwinSearch(catalog, grid.get, "en")


def test_a_street_first_then_its_segments_and_segment_ids_not_repeated(catalog, grid):
    hits = search(catalog, grid).search("storg")
    assert [(h.kind, h.text) for h in hits] == [("street", "Storgatan")] + [("segment", t) for t in STORGATAN]
    assert len(hits[0].fids) == 3 and [h.description for h in hits[1:]] == ["ST-01", "ST-02", "ST-03"]
    by_id = search(catalog, grid).search("st-02")
    assert [(h.text, h.description) for h in by_id] == [("ST-02", "Storgatan, Kyrkgatan–Prästgatan")]


def test_natural_swedish_order_and_unicode_case(catalog, grid):
    hits = search(catalog, grid).search("hjorten")
    assert [h.text for h in hits] == ["Hjorten 1", "hjorten 2", "Hjorten 3", "Hjorten 10"]
    assert [h.text for h in search(catalog, grid).search("ÅGATAN") if h.kind == "street"] == ["Ågatan"]
    assert [h.text for h in search(catalog, grid).search("en 1")] == ["Hjorten 1", "Hjorten 10", "Älgen 1"]
    assert sorted_names(["Ödet", "Zeta", "Åsen", "Älgen", "apan", "Bo"]) == ["apan", "Bo", "Zeta", "Åsen", "Älgen",
                                                                            "Ödet"]
    assert like_pattern("Å_%") == "%_\\_\\%%"


def test_the_locator_shows_the_street_then_its_segments(catalog, grid, qgis_canvas, monkeypatch):
    """In QGIS's own locator model and proxy, on 3.22 and 3.40 alike (3.40's lost scores mended by
    gui/locator_order)."""
    from digiresan_plugin.gui import locator as locator_module
    from digiresan_plugin.gui.locator_order import keep_result_scores

    project_layers = dict(grid)
    monkeypatch.setattr(locator_module, "twin_layer", lambda _project, lid: project_layers.get(lid))
    locator = TwinLocatorFilter(catalog, qgis_canvas, lambda hit: None)
    assert not locator.flags() & locator.Flag.FlagFast  # searched on a worker thread
    model = QgsLocatorModel()
    proxy = QgsLocatorProxyModel()
    proxy.setSourceModel(model)
    undo = keep_result_scores(proxy)
    locator.resultFetched.connect(model.addResult)

    def shown(text: str) -> list[str]:
        model.clear()
        locator.prepare(text, QgsLocatorContext())
        locator.fetchResults(text, QgsLocatorContext(), QgsFeedback())
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    try:
        rows = shown("storg")
        assert [text for text in rows if text and text.startswith("Storgatan")] == ["Storgatan (3)"] + STORGATAN, rows
        rows = shown("hjorten")
        assert rows[rows.index("  Properties") + 1:] == ["Hjorten 1", "hjorten 2", "Hjorten 3", "Hjorten 10"], rows
    finally:
        undo()


def test_the_labels_in_swedish(catalog, grid, compiled_qm):  # noqa: F811 - the fixture
    translator = QTranslator()
    assert translator.load(str(compiled_qm))
    QCoreApplication.installTranslator(translator)
    try:
        cross = for_layer(streets_spec(catalog), catalog.layer("road_segments"), grid["road_segments"])
        assert labels(cross, "Kyrkgatan") == ["Kyrkgatan, väster om Storgatan", "Kyrkgatan, öster om Storgatan"]
    finally:
        QCoreApplication.removeTranslator(translator)


def _fid(layer: QgsVectorLayer, key: str) -> int:
    return next(f.id() for f in layer.getFeatures() if f["segment_id"] == key)


def test_a_road_card_is_titled_by_its_street_and_cross_streets(catalog, grid):
    """The card title of a segment reads as the locator lists it ("{$place}" in the catalog's card title), on the
    main thread and in a task's snapshot; a segment with no crossing keeps its street and id."""
    from digiresan_plugin.core.identify.engine import TwinEngine

    layer = grid["road_segments"]
    live = TwinEngine(catalog, grid.get, language="en")
    snapshot = TwinEngine.snapshot(catalog, grid.get, language="en")
    for engine in (live, snapshot):
        titles = {key: engine.report_for_feature("road_segments", _fid(layer, key)).subject.title
                  for key in ("ST-02", "ST-01", "PR-02", "FJ-01")}
        assert titles == {"ST-02": "Storgatan, Kyrkgatan–Prästgatan", "ST-01": "Storgatan, north of Kyrkgatan",
                          "PR-02": "Prästgatan, Storgatan–Abborrvägen / Bäckvägen", "FJ-01": "Fjärrvägen (FJ-01)"}
    layer.setSubsetString('"fid" > 0')  # through QGIS's provider: the same title
    assert TwinEngine(catalog, grid.get).report_for_feature(
        "road_segments", _fid(layer, "ST-03")).subject.title == "Storgatan, Prästgatan–Ågatan"


class CountingRows:
    """A street reader that counts what it is asked (the grid read through the GeoPackage reader)."""

    def __init__(self, rows, fault_on_near: bool = False):
        self.rows, self.fault_on_near = rows, fault_on_near
        self.calls: dict[str, int] = {}

    def __getattr__(self, name):
        method = getattr(self.rows, name)

        def counted(*args):
            self.calls[name] = self.calls.get(name, 0) + 1
            if name == "near" and self.fault_on_near:
                from digiresan_plugin.core.read_faults import note_fault

                note_fault("the provider gave no connection")
            return method(*args)

        return counted


def _counting(path: Path, fault_on_near: bool = False):
    from digiresan_plugin.core.cross_streets import CrossStreets
    from digiresan_plugin.core.street_rows import GpkgStreetRows

    rows = CountingRows(GpkgStreetRows(str(path), "road_segments", "street_name", "segment_id"), fault_on_near)
    return CrossStreets(rows, 1.0), rows


#: every segment's label, known from the grid (see the module doc)
EVERY_LABEL = {"ST-01": STORGATAN[0], "ST-02": STORGATAN[1], "ST-03": STORGATAN[2],
               "PR-01": "Prästgatan, west of Storgatan", "PR-02": "Prästgatan, Storgatan–Abborrvägen / Bäckvägen",
               "KY-01": "Kyrkgatan, west of Storgatan", "KY-02": "Kyrkgatan, east of Storgatan",
               "LI-01": "Lillgatan, north of Kyrkgatan", "FJ-01": "Fjärrvägen (FJ-01)"}


def test_a_card_reads_only_its_own_segments_cross_streets(grid, tmp_path):
    """The card's place of one segment: its street read once (its order), the R-tree only at that segment's two
    ends — not at every end of the street as the locator's whole-street listing does; the same label."""
    layer = grid["road_segments"]
    for key, label in EVERY_LABEL.items():
        cross, rows = _counting(tmp_path / "grid.gpkg")
        assert cross.place(_fid(layer, key)).label() == label
        assert rows.calls.get("near") == 2, key
        assert rows.calls.get("street") == 1, key
    cross, rows = _counting(tmp_path / "grid.gpkg")
    for key in ("ST-01", "ST-02", "ST-03"):  # one street: its order read once, then two ends per segment
        cross.place(_fid(layer, key))
    assert rows.calls["street"] == 1 and rows.calls["near"] == 6
    assert rows.calls["street_size"] == 1  # the street's order kept: its length is not counted again
    cross.place(_fid(layer, "ST-02"))
    assert rows.calls["near"] == 6  # kept


def test_a_street_too_long_to_walk_is_not_read_for_one_segment(grid, tmp_path, monkeypatch):
    """Past MAX_ORDERED segments a street is listed by key as digitised: one segment's place reads that segment
    and its two ends, never the street's other segments; it equals the whole-street listing's entry."""
    from digiresan_plugin.core import cross_streets

    monkeypatch.setattr(cross_streets, "MAX_ORDERED", 2)
    layer = grid["road_segments"]
    whole, _ = _counting(tmp_path / "grid.gpkg")
    listed = {p.key: p for p in whole.along("Storgatan")}
    assert list(listed) == ["ST-01", "ST-02", "ST-03"]
    assert listed["ST-02"].label() == "Storgatan, Prästgatan–Kyrkgatan"  # as digitised: south to north
    for key in listed:
        cross, rows = _counting(tmp_path / "grid.gpkg")
        assert cross.place(_fid(layer, key)) == listed[key]
        assert "street" not in rows.calls and rows.calls["segment"] == 1 and rows.calls["near"] == 2


def test_a_place_read_while_the_source_failed_is_not_kept(grid, tmp_path):
    layer = grid["road_segments"]
    cross, rows = _counting(tmp_path / "grid.gpkg", fault_on_near=True)
    fid = _fid(layer, "ST-02")
    cross.place(fid)
    cross.place(fid)
    assert rows.calls["near"] == 4  # asked again: nothing kept from a failed read
    rows.fault_on_near = False
    assert cross.place(fid).label() == STORGATAN[1]
    cross.place(fid)
    assert rows.calls["near"] == 6


def test_through_qgis_a_long_street_and_a_walked_one_give_the_listing(catalog, grid, monkeypatch):
    """Through QGIS's provider: one segment's place is the whole-street listing's entry, walked or by key."""
    from digiresan_plugin.core import cross_streets

    layer = grid["road_segments"]
    layer.setSubsetString('"fid" > 0')
    keys = ("ST-01", "ST-02", "ST-03")
    for limit, st02 in ((400, STORGATAN[1]), (2, "Storgatan, Prästgatan–Kyrkgatan")):
        monkeypatch.setattr(cross_streets, "MAX_ORDERED", limit)
        listed = {p.key: p for p in for_layer(streets_spec(catalog), catalog.layer("road_segments"),
                                                 layer).along("Storgatan")}
        for key in keys:
            one = for_layer(streets_spec(catalog), catalog.layer("road_segments"), layer)
            assert one.place(_fid(layer, key)) == listed[key]
        assert listed["ST-02"].label() == st02


def test_the_kept_orders_and_places_are_bounded(grid, tmp_path, monkeypatch):
    """A long session clicks many streets: the oldest kept answers go, the answers stay right."""
    from digiresan_plugin.core import cross_streets

    monkeypatch.setattr(cross_streets, "MAX_ORDERS", 1)
    monkeypatch.setattr(cross_streets, "MAX_PLACES", 2)
    layer = grid["road_segments"]
    cross, _rows = _counting(tmp_path / "grid.gpkg")
    for _round in range(2):
        for key, label in EVERY_LABEL.items():
            assert cross.place(_fid(layer, key)).label() == label
            assert len(cross.orders) <= 1 and len(cross.places) <= 2
