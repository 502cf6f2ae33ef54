"""Records linked by route id and measure, without coordinates (``link.measure``): survey records and traffic
records to the NVDB segment whose measure range holds them. The twin's ranges are those of the fixture below, so
every expected segment and refusal is known by construction."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import gdal

from digiresan_plugin.core.importing import MappingError, load_mapping, read_mapping, run_import
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, nvdb_key, nvdb_row, write_csv, write_vector

ROUTE_A = "{0000000A-AAAA-4000-8000-NVDB}"
ROUTE_B = "{0000000B-BBBB-4000-8000-NVDB}"
# route A: 0–0.4 and 0.4–1 (contiguous); route B: 0–0.3 and 0.6–1 (a gap 0.3–0.6)
RANGES = [(ROUTE_A, 0.0, 0.4), (ROUTE_A, 0.4, 1.0), (ROUTE_B, 0.0, 0.3), (ROUTE_B, 0.6, 1.0)]
NVDB_ROWS = [nvdb_row(i, ROUTE_ID=route, FROM_MEASURE=a, TO_MEASURE=b) for i, (route, a, b) in enumerate(RANGES)]
A1, A2, B1, B2 = (nvdb_key(row) for row in NVDB_ROWS)
OURS = "segment_id LIKE 'NVDB-{0000000_-%'"  # this file's segments, not the demo twin's


def run(catalog, twin: Path, source: Path, mapping, **kwargs):
    mapping = load_mapping(mapping) if isinstance(mapping, str) else mapping
    return run_import(catalog, TwinSource.geopackage(twin), source, mapping, today=TODAY, **kwargs)


def rows(twin: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(twin) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.fixture()
def twin(demo_twin, tmp_path, catalog) -> Path:
    """The demo twin (whose own segment ids are of another kind) with the four NVDB segments of RANGES."""
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    source = write_vector(tmp_path / "nvdb.gpkg", NVDB_ROWS, NVDB_FIELDS, 3006)
    assert run(catalog, path, source, "nvdb_roads").inserted == len(RANGES)
    return path


def test_survey_records_link_by_route_and_measure_boundaries_and_refusals(catalog, twin, tmp_path):
    records = [
        [ROUTE_A, "0,2", "2026-05-01", "1,0", "2"],                    # 1: inside A1
        [ROUTE_A, "0,4", "2026-05-02", "2,0", "2"],                    # 2: on the A1/A2 boundary → A2, which starts
        [ROUTE_A, "1", "2026-05-03", "3,0", "2"],                      # 3: the route's end → A2
        [ROUTE_B, "0,3", "2026-05-04", "4,0", "2"],                    # 4: B1's end, no range continues → B1
        [ROUTE_B, "0,45", "2026-05-05", "1,0", "2"],                   # 5: in B's gap → refused
        [ROUTE_B, "1,2", "2026-05-06", "1,0", "2"],                    # 6: beyond B's end → refused
        ["{0000000C-CCCC-4000-8000-NVDB}", "0,5", "2026-05-07", "1,0", "2"],  # 7: a route the twin lacks
        [ROUTE_A, "", "2026-05-08", "1,0", "2"],                       # 8: no measure
        ["", "0,5", "2026-05-09", "1,0", "2"],                         # 9: no route
        [ROUTE_A, "mitten", "2026-05-10", "1,0", "2"],                 # 10: not a number
        [" 0000000a-aaaa-4000-8000-nvdb ", "0,1", "2026-05-11", "1,6", "2"],  # 11: A in another spelling → A1
    ]
    source = write_csv(tmp_path / "survey.csv", ["Route_ID", "Measure", "Datum", "IRI", "Spårdjup"], records)
    result = run(catalog, twin, source, "pavement_survey")
    assert result.counts() == {"read": 11, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 6, "deleted": 0}
    assert result.balanced
    got = [(r.row, r.field, r.value, r.reason) for r in result.rejections]
    assert got == [
        (5, "Measure", "0,45", f"measure 0.45 is outside everything in 'Road segments' on route {ROUTE_B} "
                               "(the twin has 0–0.3, 0.6–1)"),
        (6, "Measure", "1,2", f"measure 1.2 is outside everything in 'Road segments' on route {ROUTE_B} "
                              "(the twin has 0–0.3, 0.6–1)"),
        (7, "Route_ID", "{0000000C-CCCC-4000-8000-NVDB}",
         "nothing in 'Road segments' on route {0000000C-CCCC-4000-8000-NVDB}"),
        (8, "Measure", None, f"route {ROUTE_A} is given without a measure"),
        (9, "Route_ID", None, "measure 0,5 is given without a route"),
        (10, "Measure", "mitten", got[5][3]),
    ]
    assert got[5][3].startswith("expected a number")
    assert rows(twin, f"SELECT segment_id, inspected_on, iri_mm_m FROM road_condition WHERE {OURS} "
                      "ORDER BY inspected_on") == [
        (A1, "2026-05-01", 1.0), (A2, "2026-05-02", 2.0), (A2, "2026-05-03", 3.0), (B1, "2026-05-04", 4.0),
        (A1, "2026-05-11", 1.6)]
    again = run(catalog, twin, source, "pavement_survey")
    assert (again.unchanged, again.rejected, again.inserted) == (5, 6, 0)


def test_measure_points_on_one_segment_and_date_are_combined(catalog, twin, tmp_path):
    source = write_csv(tmp_path / "survey.csv", ["ROUTE_ID", "MEASURE", "Datum", "IRI", "Spårdjup"], [
        [ROUTE_A, "0,5", "2026-06-01", "1,0", "2"], [ROUTE_A, "0,9", "2026-06-01", "3,0", "12"]])
    result = run(catalog, twin, source, "pavement_survey")
    assert (result.read, result.inserted, result.rejected) == (2, 2, 0)
    # one record on A2: IRI (1 + 3) / 2 = 2.0 → class 2; rut (2 + 12) / 2 = 7 → class 2
    assert rows(twin, "SELECT segment_id, iri_mm_m, rut_depth_mm, condition_class FROM road_condition "
                      f"WHERE {OURS}") == [(A2, 2.0, 7.0, 2)]


def test_traffic_records_link_their_site_by_route_and_measure(catalog, twin, tmp_path):
    records = []
    for site, route, measure in (("S1", ROUTE_A, "0,7"), ("S2", ROUTE_B, "0,5")):  # S2 in B's gap
        for hour in range(24):  # Monday 2026-05-04
            records.append([site, f"2026-05-04 {hour:02d}:00", 10 * hour + 5, route, measure])
    source = write_csv(tmp_path / "traffic.csv", ["Mätplats", "Tidpunkt", "Fordon", "ROUTE_ID", "MEASURE"], records)
    result = run(catalog, twin, source, "traffic_records")
    assert (result.read, result.inserted, result.rejected) == (48, 24, 24)
    assert result.balanced
    assert sorted({r.row for r in result.rejections}) == list(range(25, 49))
    assert {r.reason for r in result.rejections} == {
        f"measure 0.5 is outside everything in 'Road segments' on route {ROUTE_B} (the twin has 0–0.3, 0.6–1)"}
    assert rows(twin, "SELECT hour, vehicles, measured_year FROM traffic_counts WHERE segment_id = ? ORDER BY hour",
                A2) == [(hour, 10 * hour + 5, 2026) for hour in range(24)]


def test_hourly_columns_link_by_route_and_measure(catalog, twin, tmp_path):
    header = ["ROUTE_ID", "MEASURE", "År"] + [f"h{h:02d}" for h in range(24)]
    source = write_csv(tmp_path / "hourly.csv", header, [[ROUTE_B, "0,6", 2025] + [h + 1 for h in range(24)],
                                                         [ROUTE_B, "", 2025] + [h + 1 for h in range(24)]])
    result = run(catalog, twin, source, "traffic_hourly")
    assert (result.read, result.inserted, result.rejected) == (2, 1, 1)
    assert (result.rejections[0].row, result.rejections[0].field) == (2, "MEASURE")
    assert rows(twin, "SELECT count(*), sum(vehicles) FROM traffic_counts WHERE segment_id = ?", B2) == [(24, 300)]


def user_mapping(tmp_path: Path, twin_spec: dict) -> Path:
    path = tmp_path / "by_columns.json"
    raw = json.loads(load_mapping("pavement_survey").path.read_text(encoding="utf-8"))
    raw["id"] = "by_columns"
    raw["link"] = {"field": "segment_id", "layer": "road_segments",
                   "measure": {"route": ["vag"], "at": ["meter"], "twin": twin_spec}}
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_twin_ranges_from_its_own_fields(catalog, twin, tmp_path):
    """A twin that keeps route and range in fields of its own (metres here), named by the user mapping."""
    ds = gdal.OpenEx(str(twin), gdal.OF_VECTOR | gdal.OF_UPDATE)  # GDAL: the GeoPackage's triggers need its functions
    for column, kind in (("road_no", "TEXT"), ("from_m", "REAL"), ("to_m", "REAL")):
        ds.ExecuteSQL(f"ALTER TABLE road_segments ADD COLUMN {column} {kind}")
    for key, start, end in ((A1, 0, 250), (A2, 250, 900)):
        ds.ExecuteSQL(f"UPDATE road_segments SET road_no = 'E14', from_m = {start}, to_m = {end} "
                      f"WHERE segment_id = '{key}'")
    ds = None
    mapping = read_mapping(user_mapping(tmp_path, {"route": "road_no", "from": "from_m", "to": "to_m"}))
    source = write_csv(tmp_path / "s.csv", ["vag", "meter", "datum", "iri", "rut"], [
        ["e14", "250", "2026-07-01", "1,0", "2"], ["E14", "249,9", "2026-07-02", "1,0", "2"],
        ["E14", "901", "2026-07-03", "1,0", "2"]])
    result = run(catalog, twin, source, mapping)
    assert (result.inserted, [r.row for r in result.rejections]) == (2, [3]), [r.reason for r in result.rejections]
    assert "(the twin has 0–900)" in result.rejections[0].reason
    assert rows(twin, f"SELECT segment_id FROM road_condition WHERE {OURS} ORDER BY inspected_on") == [(A2,), (A1,)]


def test_mapping_errors_name_the_measure_keys(catalog, twin, tmp_path):
    with pytest.raises(MappingError) as caught:
        read_mapping(user_mapping(tmp_path, {"key": "NVDB-{route}-{from}"}))
    assert caught.value.key == "link.measure.twin.key"
    mapping = read_mapping(user_mapping(tmp_path, {"route": "road_no", "from": "from_m", "to": "to_m"}))
    source = write_csv(tmp_path / "s.csv", ["vag", "meter", "datum", "iri", "rut"], [["E14", "1", "2026-07-01",
                                                                                       "1", "2"]])
    with pytest.raises(MappingError) as caught:
        run(catalog, twin, source, mapping)
    assert caught.value.key == "link.measure.twin.route"


def counting_loaders(monkeypatch) -> dict[str, int]:
    """Count the reads of the twin's network by the two linkers (the nearest-feature index, the measure ranges)."""
    from digiresan_plugin.core.importing import linking, measures

    loads = {"nearest": 0, "measure": 0}
    for name, cls in (("nearest", linking.NearestLinker), ("measure", measures.MeasureLinker)):
        original = cls._load

        def counted(self, _original=original, _name=name):
            loads[_name] += 1
            return _original(self)
        monkeypatch.setattr(cls, "_load", counted)
    return loads


def test_hourly_rows_with_segment_ids_read_no_network(catalog, twin, tmp_path, monkeypatch):
    """Every row names its segment: the road network is neither read nor indexed (the linkers' loaders not run);
    the rows are written as they were before."""
    loads = counting_loaders(monkeypatch)
    header = ["segment_id", "År"] + [f"h{h:02d}" for h in range(24)]
    source = write_csv(tmp_path / "hourly.csv", header, [[A1, 2025] + [1] * 24, [B2, 2025] + [2] * 24])
    result = run(catalog, twin, source, "traffic_hourly")
    assert loads == {"nearest": 0, "measure": 0}
    assert (result.read, result.inserted, result.rejected) == (2, 2, 0)
    assert rows(twin, "SELECT segment_id, sum(vehicles) FROM traffic_counts WHERE " + OURS
                + " GROUP BY segment_id ORDER BY segment_id") == sorted([(A1, 24), (B2, 48)])


def test_hourly_mixed_rows_link_the_others_once(catalog, twin, tmp_path, monkeypatch):
    """Rows with a segment id beside rows by route and measure: the ranges read once, the others linked as before."""
    loads = counting_loaders(monkeypatch)
    header = ["segment_id", "ROUTE_ID", "MEASURE", "År"] + [f"h{h:02d}" for h in range(24)]
    source = write_csv(tmp_path / "hourly.csv", header, [[A1, "", "", 2025] + [1] * 24,
                                                         ["", ROUTE_A, "0,7", 2025] + [2] * 24,
                                                         ["", ROUTE_B, "0,1", 2025] + [3] * 24])
    result = run(catalog, twin, source, "traffic_hourly")
    assert loads == {"nearest": 0, "measure": 1}
    assert (result.read, result.inserted, result.rejected) == (3, 3, 0)
    assert rows(twin, "SELECT segment_id, sum(vehicles) FROM traffic_counts WHERE " + OURS
                + " GROUP BY segment_id ORDER BY segment_id") == sorted([(A1, 24), (A2, 48), (B1, 72)])


def test_a_link_needed_late_in_a_long_file_reads_the_network_inside_the_import(catalog, twin, tmp_path):
    """6000 rows by segment id first (144 000 twin rows: SQLite's page cache spills and the import holds the file),
    then one by route and measure: the ranges are read through the import's own connection, and it links."""
    header = ["segment_id", "ROUTE_ID", "MEASURE", "År"] + [f"h{h:02d}" for h in range(24)]
    data = [[f"X-{i}", "", "", 2025] + [1] * 24 for i in range(6000)] + [["", ROUTE_A, "0,7", 2025] + [2] * 24]
    result = run(catalog, twin, write_csv(tmp_path / "long.csv", header, data), "traffic_hourly")
    assert (result.read, result.inserted, result.rejected) == (6001, 6001, 0)
    assert rows(twin, "SELECT sum(vehicles) FROM traffic_counts WHERE segment_id = ?", A2) == [(48,)]
