"""The demo twin GeoPackage: schema, CRS, indexes, plausibility, named cases, determinism, scale and CLI.

Checks read the real file with sqlite3, GDAL/OGR and QGIS and recompute nothing the generator's way: expected
answers are the documented contract (issue 2) and the named cases in ``KNOWN_CASES``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from osgeo import ogr

from demo import KNOWN_CASES, TwinStats, generate_twin

ogr.UseExceptions()

TODAY = date(2026, 11, 27)
SEED = 2380
REPO = Path(__file__).resolve().parents[1]

SPATIAL = {
    "road_segments": "LINESTRING", "traffic_signs": "POINT", "excavation_permits": "POLYGON",
    "buildings": "POLYGON", "properties": "POLYGON", "parks": "POLYGON", "ideas": "POINT", "water": "POLYGON",
    "local_regulations": "LINESTRING", "agreements": "POLYGON", "park_assets": "POINT",
}
TEXT, INT, REAL, DATE, BOOL = {"TEXT"}, {"INTEGER", "MEDIUMINT", "INT"}, {"REAL", "DOUBLE"}, {"DATE"}, {"BOOLEAN"}
CONTRACT = {
    "ideas": {
        "idea_id": INT, "reference": TEXT, "title": TEXT, "description": TEXT, "theme": TEXT, "department": TEXT,
        "submitter_category": TEXT, "submitted_on": DATE, "status": TEXT, "estimated_cost_sek": REAL,
        "granted_sek": REAL, "expected_yearly_effect_sek": REAL, "decision_text": TEXT, "decided_on": DATE,
        "linked_layer": TEXT, "linked_key": TEXT, "submitter_name": TEXT, "submitter_contact": TEXT,
        "version": INT},
    "idea_events": {"event_id": INT, "idea_id": INT, "changed_by": TEXT, "field": TEXT, "old_value": TEXT,
                    "new_value": TEXT},
    "road_segments": {
        "segment_id": TEXT, "street_name": TEXT, "functional_class": INT, "speed_limit_kmh": INT, "surface": TEXT,
        "road_owner": TEXT, "width_m": REAL, "aadt": INT, "last_paved": DATE, "pavement_warranty_years": INT,
        "latest_condition_class": INT, "lanes": INT, "bearing_class": TEXT},
    "road_condition": {"segment_id": TEXT, "inspected_on": DATE, "iri_mm_m": REAL, "rut_depth_mm": REAL,
                       "condition_class": INT},
    "paving_plan": {"segment_id": TEXT, "planned_year": INT, "treatment": TEXT},
    "traffic_signs": {"sign_id": TEXT, "sign_code": TEXT, "value": INT, "side": TEXT, "installed_on": DATE,
                      "segment_id": TEXT, "bearing_deg": REAL},
    "excavation_permits": {
        "permit_id": TEXT, "applicant": TEXT, "contractor": TEXT, "utility": TEXT, "start_date": DATE,
        "end_date": DATE, "status": TEXT, "ta_plan_id": TEXT, "emergency": BOOL, "restoration_status": TEXT},
    "traffic_counts": {"segment_id": TEXT, "hour": INT, "vehicles": INT, "measured_year": INT},
    "buildings": {"building_id": TEXT, "purpose": TEXT, "construction_year": INT, "floors": INT, "owner": TEXT},
    "properties": {"designation": TEXT, "area_m2": REAL, "owner_type": TEXT, "detailed_plan": TEXT, "block": TEXT},
    "parks": {"park_id": TEXT, "name": TEXT, "maintenance_class": TEXT, "last_maintained": DATE},
    "water": {"water_id": TEXT, "name": TEXT, "kind": TEXT},
    "local_regulations": {"regulation_id": TEXT, "kind": TEXT, "value": TEXT, "valid_from": DATE, "valid_to": DATE,
                          "text": TEXT},
    "agreements": {"agreement_id": TEXT, "kind": TEXT, "counterparty": TEXT, "contact": TEXT, "valid_from": DATE,
                   "valid_to": DATE, "notice_months": INT, "annual_cost_sek": INT, "description": TEXT,
                   "linked_layer": TEXT, "linked_key": TEXT},
    "documents": {"document_id": TEXT, "linked_layer": TEXT, "linked_key": TEXT, "title": TEXT, "kind": TEXT,
                  "path_or_url": TEXT, "dated": DATE},
    "park_assets": {"asset_id": TEXT, "park_id": TEXT, "kind": TEXT, "installed_on": DATE, "last_inspected": DATE,
                    "condition_class": INT},
}
# Indexes the contract asks for: (table, leading columns).
KEY_INDEXES = [
    ("road_segments", ("segment_id",)), ("road_condition", ("segment_id",)), ("paving_plan", ("segment_id",)),
    ("traffic_signs", ("segment_id",)), ("traffic_counts", ("segment_id",)), ("excavation_permits", ("segment_id",)),
    ("traffic_signs", ("sign_id",)), ("excavation_permits", ("permit_id",)), ("buildings", ("building_id",)),
    ("properties", ("designation",)), ("parks", ("park_id",)), ("water", ("water_id",)),
    ("road_condition", ("segment_id", "inspected_on")), ("traffic_counts", ("segment_id", "hour")),
]
STATUSES = {"Ansökan", "Komplettering", "Beviljad", "Pågående", "Återställd", "Avslutad"}
NS_ORDER = ["Strandgatan", "Köpmangatan", "Storgatan", "Prästgatan", "Kyrkgatan", "Rådhusgatan"]
WE_ORDER = ["Färjemansgatan", "Residensgränd", "Brogränd", "Törnstensgränd", "Thoméegränd", "Läroverksgränd",
            "Tullgatan", "Biblioteksgatan", "Gränsgatan"]


@pytest.fixture(scope="module")
def twin(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "twin.gpkg"
    stats = generate_twin(path, seed=SEED, today=TODAY)
    assert isinstance(stats, TwinStats)
    return path


@pytest.fixture()
def db(twin):
    con = sqlite3.connect(f"file:{twin}?mode=ro", uri=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def ds(twin):
    return ogr.Open(str(twin))


def _one(con, sql, *args):
    return con.execute(sql, args).fetchone()[0]


def _geom(ds, table, key, value) -> ogr.Geometry:
    layer = ds.GetLayerByName(table)
    layer.SetAttributeFilter(None)
    layer.SetSpatialFilter(None)
    for feature in layer:
        if feature.GetField(key) == value:
            return feature.GetGeometryRef().Clone()
    raise AssertionError(f"{table}.{key} = {value} not found")


def _dump(path: Path) -> dict:
    """Digest of every contract table's rows in fid order, geometry included."""
    con = sqlite3.connect(path)
    digests = {}
    for table in CONTRACT:
        h = hashlib.sha256()
        for row in con.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            h.update(repr(row).encode())
        digests[table] = h.hexdigest()
    con.close()
    return digests


# --- the file -----------------------------------------------------------------------------------------------------
def test_schema_has_every_contract_column_with_a_sensible_type(db):
    for table, columns in CONTRACT.items():
        info = {row[1]: row[2].upper() for row in db.execute(f'PRAGMA table_info("{table}")')}
        assert info, f"table {table} missing"
        for column, types in columns.items():
            assert column in info, f"{table}.{column} missing"
            assert info[column] in types, f"{table}.{column} has type {info[column]}, expected one of {types}"


def test_geopackage_metadata_crs_and_gdal_validation(db, twin):
    assert _one(db, "PRAGMA application_id") == 0x47504B47
    assert _one(db, "PRAGMA user_version") >= 10200
    geometry_columns = dict(db.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns"))
    assert geometry_columns == SPATIAL
    assert {r[0] for r in db.execute("SELECT DISTINCT srs_id FROM gpkg_geometry_columns")} == {3006}
    assert "SWEREF99 TM" in _one(db, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 3006")
    contents = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert contents == {t: ("features" if t in SPATIAL else "attributes") for t in CONTRACT}
    rtree = {r[0] for r in db.execute("SELECT table_name FROM gpkg_extensions WHERE extension_name = "
                                      "'gpkg_rtree_index' AND column_name = 'geom'")}
    assert rtree == set(SPATIAL)
    validate = pytest.importorskip("osgeo_utils.samples.validate_gpkg")
    validate.check(str(twin))  # raises on any violation of the GeoPackage spec


def test_qgis_reads_every_layer_in_3006_with_a_spatial_index(qgis_app, twin):
    from qgis.core import QgsFeatureSource, QgsVectorLayer, QgsWkbTypes

    con = sqlite3.connect(twin)
    for table in CONTRACT:
        layer = QgsVectorLayer(f"{twin}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        assert layer.featureCount() == _one(con, f'SELECT count(*) FROM "{table}"')
        if table in SPATIAL:
            assert layer.crs().authid() == "EPSG:3006", table
            assert QgsWkbTypes.displayString(layer.wkbType()).upper() == SPATIAL[table]
            assert layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresence.SpatialIndexPresent, table
    con.close()


def test_spatial_index_finds_what_a_scan_finds(db, ds):
    # Storgatan crosses this box once, between Läroverksgränd and Tullgatan (the box avoids both gränder).
    box = (481400, 7005600, 481500, 7005700)
    ids = db.execute("SELECT id FROM rtree_road_segments_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND "
                     "miny <= ?", (box[0], box[2], box[1], box[3])).fetchall()
    names = {_one(db, "SELECT segment_id FROM road_segments WHERE fid = ?", i) for (i,) in ids}
    assert names == {"OST-STORGATAN-0007"}
    assert _one(db, "SELECT count(*) FROM rtree_traffic_signs_geom") == _one(db, "SELECT count(*) FROM traffic_signs")


def test_key_indexes_exist(db):
    found = set()
    for (name, table) in db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"):
        cols = tuple(r[2] for r in db.execute(f'PRAGMA index_info("{name}")'))
        found.add((table, cols))
    for table, cols in KEY_INDEXES:
        assert any(t == table and c[: len(cols)] == cols for t, c in found), f"no index on {table}{cols}"
    unique = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                       "AND sql LIKE 'CREATE UNIQUE%'")}
    assert any("road_segments" in n and "segment_id" in n for n in unique)


# --- plausibility -------------------------------------------------------------------------------------------------
def test_counts_are_plausible(db):
    n = _one(db, "SELECT count(*) FROM road_segments")
    assert 150 <= n <= 600
    assert _one(db, "SELECT count(*) FROM traffic_counts") == 24 * n
    per_segment = [r[0] for r in db.execute("SELECT count(*) FROM road_condition GROUP BY segment_id")]
    assert len(per_segment) == n and min(per_segment) >= 2 and max(per_segment) <= 4
    plan = _one(db, "SELECT count(DISTINCT segment_id) FROM paving_plan")
    assert 0.05 * n <= plan <= 0.2 * n
    assert _one(db, "SELECT count(*) FROM traffic_signs") >= n
    assert _one(db, "SELECT count(*) FROM excavation_permits") >= 30
    assert _one(db, "SELECT count(*) FROM properties") >= 150
    assert _one(db, "SELECT count(*) FROM buildings") >= _one(db, "SELECT count(*) FROM properties") * 0.8
    parks = {r[0] for r in db.execute("SELECT name FROM parks")}
    assert {"Badhusparken", "Österängsparken"} <= parks
    # every row of a child table belongs to a segment
    for table in ("road_condition", "paving_plan", "traffic_counts", "traffic_signs", "excavation_permits"):
        orphans = _one(db, f"SELECT count(*) FROM {table} "
                           f"WHERE segment_id NOT IN (SELECT segment_id FROM road_segments)")
        assert orphans == 0, table


def test_segment_ids_are_unique_stable_and_streets_real(db):
    ids = [r[0] for r in db.execute("SELECT segment_id FROM road_segments")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("OST-") and i[-4:].isdigit() for i in ids)
    assert "OST-STORGATAN-0007" in ids and "OST-RADHUSGATAN-0006" in ids
    names = {r[0] for r in db.execute("SELECT DISTINCT street_name FROM road_segments")}
    assert set(NS_ORDER + WE_ORDER) <= names
    for col, allowed in (("surface", {"asfalt", "grus", "gatsten"}), ("road_owner", {"kommunal", "statlig", "enskild"}),
                         ("bearing_class", {"BK1", "BK2", "BK3", "BK4"})):
        assert {r[0] for r in db.execute(f"SELECT DISTINCT {col} FROM road_segments")} <= allowed
    assert _one(db, "SELECT count(*) FROM road_segments WHERE functional_class NOT BETWEEN 0 AND 9") == 0
    assert _one(db, "SELECT count(*) FROM road_segments WHERE latest_condition_class NOT BETWEEN 1 AND 5") == 0


def test_geography_of_central_ostersund(db, ds):
    layer = ds.GetLayerByName("road_segments")
    xmin, xmax, ymin, ymax = layer.GetExtent()
    assert 480800 <= xmin and xmax <= 482600 and 7004600 <= ymin and ymax <= 7006800
    assert xmin < 481670 < xmax and ymin < 7005610 < ymax
    # Storsjön to the west of the centre, and nothing on land lies in it.
    lake = _geom(ds, "water", "name", "Storsjön")
    assert lake.GetEnvelope()[1] < 481670 - 300
    for table in ("road_segments", "traffic_signs", "buildings", "properties", "parks", "excavation_permits"):
        features = ds.GetLayerByName(table)
        features.SetSpatialFilter(lake)
        wet = [f.GetFID() for f in features if f.GetGeometryRef().Intersects(lake)]
        features.SetSpatialFilter(None)
        assert wet == [], f"{table} in the lake: {wet[:5]}"

    def mean(sql, *args):
        return _one(db, sql, *args)

    xs = [mean("SELECT avg((SELECT minx FROM rtree_road_segments_geom WHERE id = fid)) FROM road_segments "
               "WHERE street_name = ?", n) for n in NS_ORDER]
    assert xs == sorted(xs), "gator not in west-east order"
    ys = [mean("SELECT avg((SELECT miny FROM rtree_road_segments_geom WHERE id = fid)) FROM road_segments "
               "WHERE street_name = ?", n) for n in WE_ORDER]
    assert ys == sorted(ys, reverse=True), "gränder not in north-south order"
    # every gränd runs west down to the lake: its first segment ends a few metres from the water
    for name in WE_ORDER:
        first = _geom(ds, "road_segments", "segment_id", f"OST-{_slug(name)}-0001")
        end = ogr.Geometry(ogr.wkbPoint)
        end.AddPoint_2D(first.GetX(0), first.GetY(0))
        assert end.Distance(lake) < 10, name
    park = _geom(ds, "parks", "name", "Badhusparken")
    assert park.Distance(lake) < 5, "Badhusparken is by the lake"
    strand = _geom(ds, "road_segments", "segment_id", "OST-STRANDGATAN-0005")  # between its gränder
    assert park.Centroid().GetX() < strand.Centroid().GetX() and park.Distance(strand) > 3, \
        "Badhusparken lies west of Strandgatan, beside it"


def _slug(name: str) -> str:
    return name.upper().translate(str.maketrans({"Å": "A", "Ä": "A", "Ö": "O", "É": "E", " ": "-"}))


def test_segments_are_split_at_every_crossing(ds):
    layer = ds.GetLayerByName("road_segments")
    segments = [(f.GetField("street_name"), f.GetGeometryRef().Clone()) for f in layer]
    for name, geom in segments:
        ends = {(round(geom.GetX(i), 2), round(geom.GetY(i), 2)) for i in (0, geom.GetPointCount() - 1)}
        layer.SetSpatialFilter(geom)
        for other in layer:
            if other.GetField("street_name") == name:
                continue
            cross = geom.Intersection(other.GetGeometryRef())
            if cross is None or cross.IsEmpty():
                continue
            point = (round(cross.GetX(), 2), round(cross.GetY(), 2))
            assert point in ends, f"{name} crosses {other.GetField('street_name')} mid-segment at {point}"
    layer.SetSpatialFilter(None)


def test_traffic_counts_sum_to_aadt(db):
    rows = db.execute("SELECT r.segment_id, r.aadt, sum(t.vehicles), count(DISTINCT t.hour), min(t.hour), max(t.hour) "
                      "FROM road_segments r JOIN traffic_counts t USING (segment_id) GROUP BY r.segment_id").fetchall()
    assert rows
    for sid, aadt, total, hours, lo, hi in rows:
        assert abs(total - aadt) <= 24, sid
        assert (hours, lo, hi) == (24, 0, 23), sid


def _hourly(db, segment_id):
    return dict(db.execute("SELECT hour, vehicles FROM traffic_counts WHERE segment_id = ?", (segment_id,)))


def test_commuter_and_shopping_peaks(db):
    commuter = _hourly(db, KNOWN_CASES["commuter_street"]["segment_id"])
    assert max(range(0, 12), key=commuter.get) in (7, 8)
    assert max(range(12, 24), key=commuter.get) in (16, 17)
    assert commuter[7] > 1.3 * commuter[12] and commuter[3] < commuter[7] / 10
    shopping = _hourly(db, KNOWN_CASES["shopping_street"]["segment_id"])
    assert max(range(24), key=shopping.get) in (11, 12, 13, 14)
    assert shopping[12] > shopping[7] and shopping[12] > shopping[17]
    for (sid,) in db.execute("SELECT segment_id FROM road_segments WHERE street_name = 'Rådhusgatan'"):
        assert max(range(0, 12), key=_hourly(db, sid).get) in (7, 8), sid


def test_condition_class_follows_iri_and_rut_depth(db):
    # class = worse of the IRI class (limits 1.5/2.5/3.5/5.0 mm/m) and the rut class (5/10/15/20 mm)
    bad = _one(db, """
        SELECT count(*) FROM road_condition WHERE condition_class != max(
          CASE WHEN iri_mm_m < 1.5 THEN 1 WHEN iri_mm_m < 2.5 THEN 2 WHEN iri_mm_m < 3.5 THEN 3
               WHEN iri_mm_m < 5.0 THEN 4 ELSE 5 END,
          CASE WHEN rut_depth_mm < 5 THEN 1 WHEN rut_depth_mm < 10 THEN 2 WHEN rut_depth_mm < 15 THEN 3
               WHEN rut_depth_mm < 20 THEN 4 ELSE 5 END)""")
    assert bad == 0
    mismatched = _one(db, """
        SELECT count(*) FROM road_segments r WHERE latest_condition_class != (
          SELECT condition_class FROM road_condition c WHERE c.segment_id = r.segment_id
          ORDER BY inspected_on DESC LIMIT 1)""")
    assert mismatched == 0
    assert _one(db, "SELECT max(inspected_on) FROM road_condition") <= TODAY.isoformat()
    assert len({r[0] for r in db.execute("SELECT DISTINCT substr(inspected_on, 1, 4) FROM road_condition")}) >= 4


def test_iri_and_rut_depth_are_consistent_with_the_class(db):
    # the IRI lies in its class's band (class 1 below 1.5 mm/m ... class 5 above 5.0), the rut in the same band or
    # the one below: a class 5 road is rough, a class 1 road smooth, and ruts deepen class by class
    off_band = _one(db, """
        SELECT count(*) FROM road_condition WHERE condition_class != CASE WHEN iri_mm_m < 1.5 THEN 1
          WHEN iri_mm_m < 2.5 THEN 2 WHEN iri_mm_m < 3.5 THEN 3 WHEN iri_mm_m < 5.0 THEN 4 ELSE 5 END""")
    assert off_band == 0
    rut_class = ("CASE WHEN rut_depth_mm < 5 THEN 1 WHEN rut_depth_mm < 10 THEN 2 WHEN rut_depth_mm < 15 THEN 3 "
                 "WHEN rut_depth_mm < 20 THEN 4 ELSE 5 END")
    assert _one(db, f"SELECT count(*) FROM road_condition WHERE condition_class - {rut_class} NOT IN (0, 1)") == 0
    per_class = db.execute("SELECT condition_class, min(iri_mm_m), max(iri_mm_m), avg(rut_depth_mm) "
                           "FROM road_condition GROUP BY 1 ORDER BY 1").fetchall()
    assert [c for c, *_ in per_class] == [1, 2, 3, 4, 5]
    assert per_class[0][2] < 1.5 and per_class[-1][1] > 5.0
    ruts = [rut for *_, rut in per_class]
    assert ruts == sorted(ruts) and len(set(ruts)) == 5


def test_attributes_vary_along_a_street(db):
    real = "segment_id NOT GLOB 'OST-T[0-9]*'"
    streets = db.execute(f"SELECT street_name, count(DISTINCT width_m), count(DISTINCT speed_limit_kmh), "
                         f"count(DISTINCT surface), count(DISTINCT aadt), count(DISTINCT last_paved), count(*) "
                         f"FROM road_segments WHERE {real} GROUP BY 1").fetchall()
    assert len(streets) == 21
    long_ones = [s for s in streets if s[-1] >= 8]
    assert sum(1 for s in long_ones if s[1] > 1) >= 0.8 * len(long_ones), "widths change along most streets"
    assert sum(1 for s in long_ones if s[2] > 1) >= 4, "speed limits change along some streets"
    assert sum(1 for s in long_ones if s[3] > 1) >= 4, "surfaces change along some streets"
    assert all(s[4] > 1 and s[5] > 1 for s in long_ones), "ÅDT and last paving differ along every street"
    # paving is done in stretches: neighbours along a street often share their paving (within a week)
    shared = _one(db, f"""
        SELECT count(*) FROM road_segments a JOIN road_segments b ON b.street_name = a.street_name
          AND b.to_street IS a.from_street AND b.segment_id < a.segment_id
         WHERE a.{real} AND abs(julianday(a.last_paved) - julianday(b.last_paved)) <= 7""")
    assert shared >= 30
    # where the speed limit changes along a street a C31 sign says so, facing the traffic that meets it
    changes = db.execute(f"""
        SELECT a.segment_id, a.speed_limit_kmh, b.segment_id, b.speed_limit_kmh FROM road_segments a
          JOIN road_segments b ON b.street_name = a.street_name AND b.from_street = a.to_street
         WHERE a.{real} AND a.speed_limit_kmh != b.speed_limit_kmh AND 7 NOT IN (a.speed_limit_kmh,
               b.speed_limit_kmh)""").fetchall()
    assert len(changes) >= 4
    for first, first_speed, second, second_speed in changes:
        for segment, speed in ((first, first_speed), (second, second_speed)):
            assert _one(db, "SELECT count(*) FROM traffic_signs WHERE segment_id = ? AND sign_code = ?",
                        segment, f"C31-{speed}") >= 1, (segment, speed)


def test_streets_end_irregularly(db, ds):
    # Beyond the outermost crossings the gator go on by different lengths, some not at all; only the main roads
    # and the shore road reach the edge of the town.
    marks = ",".join("?" * len(NS_ORDER))
    ends = db.execute(f"SELECT street_name, round(length_m) FROM road_segments WHERE from_street IS NULL AND "
                      f"segment_id NOT GLOB 'OST-T[0-9]*' AND street_name IN ({marks})", NS_ORDER).fetchall()
    assert 2 <= len(ends) < len(NS_ORDER)
    lengths = {length for _name, length in db.execute(
        "SELECT street_name, round(length_m) FROM road_segments WHERE (from_street IS NULL OR to_street IS NULL) "
        "AND segment_id NOT GLOB 'OST-T[0-9]*'")}
    assert len(lengths) >= 10, "end pieces of many different lengths"
    bent = 0
    layer = ds.GetLayerByName("road_segments")
    layer.SetAttributeFilter("from_street IS NULL OR to_street IS NULL")
    for feature in layer:
        geom = feature.GetGeometryRef()
        bent += geom.GetPointCount() > 2
    layer.SetAttributeFilter(None)
    assert bent >= 5, "some ends bend"
    # the built-up edge is ragged too: plots stand beyond the outermost streets here and there
    outside = _one(db, "SELECT count(*) FROM properties p JOIN rtree_properties_geom r ON r.id = p.fid "
                       "WHERE r.miny > 7006520 OR r.maxy < 7004860 OR r.minx > 482420")
    assert outside >= 10


def test_paving_plan_years_and_treatments(db):
    years = {r[0] for r in db.execute("SELECT DISTINCT planned_year FROM paving_plan")}
    assert years and min(years) >= TODAY.year and max(years) <= TODAY.year + 3
    assert _one(db, "SELECT count(*) FROM paving_plan WHERE treatment IS NULL OR treatment = ''") == 0


def test_signs(db, ds):
    codes = {r[0] for r in db.execute("SELECT DISTINCT sign_code FROM traffic_signs")}
    assert {"B1", "B3", "B4", "C35", "C39", "E19", "T6", "E22", "D10", "E7"} <= codes
    assert {"C31-30", "C31-40", "C31-50"} <= codes
    # C31 carries the number and matches the speed limit of its segment
    rows = db.execute("SELECT s.sign_code, s.value, r.speed_limit_kmh FROM traffic_signs s JOIN road_segments r "
                      "USING (segment_id) WHERE s.sign_code LIKE 'C31-%'").fetchall()
    assert rows and all(code == f"C31-{value}" and value == speed for code, value, speed in rows)
    # huvudled only on main roads, give way only on lesser streets, bus lane only on Kyrkgatan
    assert _one(db, "SELECT max(r.functional_class) FROM traffic_signs s JOIN road_segments r USING (segment_id) "
                    "WHERE s.sign_code = 'B4'") <= 3
    assert _one(db, "SELECT count(*) FROM traffic_signs s JOIN road_segments r USING (segment_id) "
                    "WHERE s.sign_code = 'B1' AND r.street_name IN ('Vallaleden', 'Rådhusgatan')") == 0
    assert {r[0] for r in db.execute("SELECT DISTINCT r.street_name FROM traffic_signs s JOIN road_segments r "
                                     "USING (segment_id) WHERE s.sign_code IN ('D10', 'E22')")} == {"Kyrkgatan"}
    # every sign stands beside its own segment
    roads = ds.GetLayerByName("road_segments")
    roads.SetSpatialFilter(None)
    lines = {f.GetField("segment_id"): f.GetGeometryRef().Clone() for f in roads}
    layer = ds.GetLayerByName("traffic_signs")
    layer.SetSpatialFilter(None)
    for feature in layer:
        distance = feature.GetGeometryRef().Distance(lines[feature.GetField("segment_id")])
        assert distance < 12, feature.GetField("sign_id")


def test_permits_statuses_and_dates(db):
    assert {r[0] for r in db.execute("SELECT DISTINCT status FROM excavation_permits")} == STATUSES
    today = TODAY.isoformat()
    rows = db.execute("SELECT permit_id, status, start_date, end_date, emergency, utility FROM excavation_permits")
    for pid, status, start, end, emergency, utility in rows:
        assert start <= end, pid
        assert emergency in (0, 1) and utility in {"VA", "el", "fjärrvärme", "fiber", "tele"}, pid
        if status in ("Ansökan", "Komplettering", "Beviljad"):
            assert start > today, pid
        elif status == "Pågående":
            assert start <= today <= end, pid
        else:
            assert end < today, pid
    ids = [r[0] for r in db.execute("SELECT permit_id FROM excavation_permits")]
    assert len(ids) == len(set(ids))


# --- the named cases, checked with independent SQL and geometry ----------------------------------------------------
def _permit(db, permit_id):
    return db.execute("SELECT status, start_date, end_date, emergency FROM excavation_permits WHERE permit_id = ?",
                      (permit_id,)).fetchone()


def test_known_moratorium_conflict(db, ds):
    case = KNOWN_CASES["moratorium_conflict"]
    paved = _one(db, "SELECT last_paved FROM road_segments WHERE segment_id = ?", case["segment_id"])
    assert paved >= (TODAY - timedelta(days=3 * 365)).isoformat()
    status, _start, end, _ = _permit(db, case["permit_id"])
    assert status == case["status"] and end >= TODAY.isoformat()
    assert _geom(ds, "excavation_permits", "permit_id", case["permit_id"]).Intersects(
        _geom(ds, "road_segments", "segment_id", case["segment_id"]))


def test_known_overlapping_permits(db, ds):
    case = KNOWN_CASES["overlapping_permits"]
    a, b = case["permit_ids"]
    ga, gb = (_geom(ds, "excavation_permits", "permit_id", p) for p in (a, b))
    assert ga.Intersection(gb).GetArea() > 10
    (_, sa, ea, _), (_, sb, eb, _) = _permit(db, a), _permit(db, b)
    assert sa <= eb and sb <= ea, "not overlapping in time"
    segment = _geom(ds, "road_segments", "segment_id", case["segment_id"])
    assert ga.Intersects(segment) and gb.Intersects(segment)


def test_known_paving_plan_conflict(db, ds):
    case = KNOWN_CASES["paving_plan_conflict"]
    years = {r[0] for r in db.execute("SELECT planned_year FROM paving_plan WHERE segment_id = ?",
                                      (case["segment_id"],))}
    assert years & {TODAY.year, TODAY.year + 1}
    assert _geom(ds, "excavation_permits", "permit_id", case["permit_id"]).Intersects(
        _geom(ds, "road_segments", "segment_id", case["segment_id"]))


def test_known_permit_without_conflict(db, ds):
    case = KNOWN_CASES["no_conflict"]
    sid = case["segment_id"]
    assert _one(db, "SELECT last_paved FROM road_segments WHERE segment_id = ?", sid) < \
        (TODAY - timedelta(days=3 * 365)).isoformat()
    assert _one(db, "SELECT count(*) FROM paving_plan WHERE segment_id = ?", sid) == 0
    mine = _geom(ds, "excavation_permits", "permit_id", case["permit_id"])
    assert mine.Intersects(_geom(ds, "road_segments", "segment_id", sid))
    layer = ds.GetLayerByName("excavation_permits")
    near = mine.Buffer(5)
    layer.SetSpatialFilter(near)
    others = [f.GetField("permit_id") for f in layer
              if f.GetField("permit_id") != case["permit_id"] and f.GetGeometryRef().Intersects(near)]
    layer.SetSpatialFilter(None)
    assert others == []


def test_known_emergency_dig_and_streets(db):
    case = KNOWN_CASES["emergency_dig"]
    status, start, end, emergency = _permit(db, case["permit_id"])
    assert (status, emergency) == ("Pågående", 1) and start <= TODAY.isoformat() <= end
    ped = KNOWN_CASES["pedestrian_street"]
    marks = ",".join("?" * len(ped["segment_ids"]))
    rows = db.execute(f"SELECT surface, street_name FROM road_segments WHERE segment_id IN ({marks})",
                      ped["segment_ids"]).fetchall()
    assert len(rows) == len(ped["segment_ids"]) and {r for r in rows} == {("gatsten", "Prästgatan")}
    e7 = {r[0] for r in db.execute(f"SELECT segment_id FROM traffic_signs WHERE sign_code = 'E7' "
                                   f"AND segment_id IN ({marks})", ped["segment_ids"])}
    assert e7 == {ped["segment_ids"][0], ped["segment_ids"][-1]}, "E7 at both ends of the gågata"
    assert _one(db, "SELECT count(*) FROM traffic_signs s JOIN road_segments r USING (segment_id) "
                    "WHERE r.street_name = ? AND s.sign_code = 'E22'", KNOWN_CASES["bus_corridor"]["street_name"]) >= 2


def test_known_property_holds_its_buildings(db, ds):
    designation = KNOWN_CASES["property"]["designation"]
    prop = _geom(ds, "properties", "designation", designation)
    assert _one(db, "SELECT block FROM properties WHERE designation = ?", designation) == "Hjorten"
    buildings = ds.GetLayerByName("buildings")
    buildings.SetAttributeFilter(f"designation = '{designation}'")
    inside = [f.GetGeometryRef().Within(prop) for f in buildings]
    buildings.SetAttributeFilter(None)
    assert inside and all(inside)
    assert _one(db, "SELECT count(*) FROM properties WHERE designation NOT LIKE 'Östersund %'") == 0


# --- determinism, scale, CLI --------------------------------------------------------------------------------------
def test_deterministic_for_seed_and_today(tmp_path, twin):
    a, b, c = tmp_path / "a.gpkg", tmp_path / "b.gpkg", tmp_path / "c.gpkg"
    generate_twin(a, seed=SEED, today=TODAY)
    generate_twin(b, seed=SEED, today=TODAY)
    generate_twin(c, seed=SEED + 1, today=TODAY)
    da, db_, dc = _dump(a), _dump(b), _dump(c)
    assert da == db_ == _dump(twin)
    assert da != dc and da["road_condition"] != dc["road_condition"]
    ids = "SELECT segment_id FROM road_segments ORDER BY fid"
    assert sqlite3.connect(a).execute(ids).fetchall() == sqlite3.connect(c).execute(ids).fetchall(), "ids stable"
    assert not list(tmp_path.glob(".*tmp")), "temporary file left behind"


def test_rewrite_is_atomic(tmp_path):
    path = tmp_path / "twin.gpkg"
    generate_twin(path, seed=SEED, today=TODAY)
    before = path.read_bytes()

    def boom(fraction):
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        generate_twin(path, seed=SEED + 5, today=TODAY, progress=boom)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["twin.gpkg"]


def test_scale_grows_the_grid(tmp_path):
    path = tmp_path / "big.gpkg"
    seen = []
    stats = generate_twin(path, seed=SEED, scale=5000, today=TODAY, progress=seen.append)
    con = sqlite3.connect(path)
    n = _one(con, "SELECT count(*) FROM road_segments")
    assert n >= 5000 and stats.counts["road_segments"] == n
    assert _one(con, "SELECT count(DISTINCT segment_id) FROM road_segments") == n
    assert _one(con, "SELECT count(*) FROM traffic_counts") == 24 * n
    assert _one(con, "SELECT count(*) FROM properties") > 5 * 150
    assert _one(con, "SELECT count(DISTINCT designation) FROM properties") == \
        _one(con, "SELECT count(*) FROM properties")
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    xmin, ymin, xmax, ymax = stats.extent
    assert xmax - xmin > 2000 and ymax - ymin > 2000
    # the lake goes on along the western tiles without a gap
    lake = None
    for (blob,) in con.execute("SELECT geom FROM water"):
        piece = ogr.CreateGeometryFromWkb(bytes(blob[40:]))  # GP header with an xy envelope: 8 + 32 bytes
        lake = piece if lake is None else lake.Union(piece)
    assert _one(con, "SELECT count(*) FROM water") >= 2 and lake.GetGeometryName() == "POLYGON"
    # the real town is the same tile whatever the scale (generated tiles have ids like OST-T00012-...)
    base = con.execute("SELECT * FROM road_segments WHERE segment_id NOT GLOB 'OST-T[0-9][0-9][0-9][0-9][0-9]-*' "
                       "ORDER BY segment_id").fetchall()
    con.close()
    small = tmp_path / "small.gpkg"
    generate_twin(small, seed=SEED, today=TODAY)
    con = sqlite3.connect(small)
    assert [r[1:] for r in base] == [r[1:] for r in con.execute("SELECT * FROM road_segments ORDER BY segment_id")]
    con.close()


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "demo", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def test_cli_writes_the_twin_without_qgis(tmp_path):
    out = tmp_path / "sub" / "cli.gpkg"
    res = _cli("--output", str(out), "--today", TODAY.isoformat(), "--seed", str(SEED))
    assert res.returncode == 0, res.stderr
    assert "road_segments" in res.stdout and out.exists()
    assert _one(sqlite3.connect(out), "SELECT count(*) FROM road_segments") > 150
    probe = subprocess.run([sys.executable, "-c", "import sys, demo as d; "
                            "print(any(m == 'qgis' or m.startswith('qgis.') for m in sys.modules))"],
                           cwd=REPO, capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "False"
    assert _cli("--output", str(out), "--quiet").stdout == ""


@pytest.mark.parametrize("args, message", [
    (["--scale", "0"], "--scale"),
    (["--scale", "many"], "--scale"),
    (["--today", "2026-13-40"], "--today"),
    (["--seed", "x"], "--seed"),
    ([], None),
])
def test_cli_rejects_bad_arguments(tmp_path, args, message):
    res = _cli("--output", str(tmp_path / "x.gpkg"), *args) if message else _cli()
    assert res.returncode == 2
    assert "error" in res.stderr and (message or "--output") in res.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_cli_rejects_unwritable_output(tmp_path):
    res = _cli("--output", str(tmp_path))
    assert res.returncode == 2 and "directory" in res.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = _cli("--output", str(blocker / "twin.gpkg"))
    assert res.returncode == 2 and "error" in res.stderr
