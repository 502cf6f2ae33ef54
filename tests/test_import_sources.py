"""Import presets with fixtures in their sources' shapes: pavement survey (CSV, decimal commas, Swedish dates,
nearest-segment linking), sign inventory (four spellings, WGS 84), permit e-service (WKT, Swedish status words),
hourly traffic (24 columns), buildings and properties; and the Processing algorithm."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

from digiresan_plugin.core.importing import load_mapping, run_import
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, ORIGIN, nvdb_key, nvdb_row, write_csv, write_vector

SEGMENTS = 6


def rows(twin: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(twin) as conn:
        return conn.execute(sql, args).fetchall()


def run(catalog, twin: Path, source: Path, preset: str, **kwargs):
    return run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(preset), today=TODAY, **kwargs)


def key(i: int) -> str:
    return nvdb_key(nvdb_row(i))


@pytest.fixture()
def twin(demo_twin, tmp_path, catalog) -> Path:
    """The demo twin with six NVDB segments in a fresh area: segment i runs 100 m east from
    (ORIGIN.x + 120 i, ORIGIN.y)."""
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(SEGMENTS)], NVDB_FIELDS, 3006)
    assert run(catalog, path, source, "nvdb_roads").inserted == SEGMENTS
    return path


def to_wgs84(x: float, y: float) -> QgsPointXY:
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3006"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    return transform.transform(QgsPointXY(x, y))


def stored_point(twin: Path, table: str, key_field: str, value: str) -> tuple[float, float]:
    ds = ogr.Open(str(twin))
    layer = ds.GetLayerByName(table)
    layer.SetAttributeFilter(f"{key_field} = '{value}'")
    feature = next(iter(layer))
    point = feature.GetGeometryRef().GetPoint_2D(0)
    feature = None
    ds = None
    return point


def test_pavement_survey_csv_links_points_and_derives_the_class(catalog, twin, tmp_path):
    x2, y2 = ORIGIN[0] + 2 * 120 + 25, ORIGIN[1] + 3
    source = write_csv(tmp_path / "survey.csv", ["Sträcka", "Datum", "IRI", "Spårdjup", "Klass", "X", "Y"], [
        [key(0), "2026-05-03", "1,2", "4", "", "", ""],           # class 1 (IRI < 1,5, rut < 5)
        [key(1), "3/5 2026", "2,7", "12,5", "", "", ""],          # class 3 (IRI 2,5–3,5, rut 10–15)
        ["", "12 maj 2026", "4,1", "3", "", x2, y2],              # by position: segment 2, class 4 (IRI)
        [key(3), "20260503", "1,0", "2", "2", "", ""],            # the file's own class kept
        ["", "2026-05-03", "1,0", "2", "", 490000, 7000000],      # far from any segment
        [key(4), "2027-01-05", "1,0", "2", "", "", ""],           # in the future
        [key(4), "31/2 2026", "1,0", "2", "", "", ""],            # no such day
        [key(5), "2026-05-03", "abc", "2", "", "", ""],           # not a number
        [key(0), "2026-05-03", "1,3", "4", "", "", ""],           # the same segment and date twice
    ])
    result = run(catalog, twin, source, "pavement_survey", crs="EPSG:3006")
    assert result.counts() == {"read": 9, "inserted": 4, "updated": 0, "unchanged": 0, "rejected": 5, "deleted": 0}
    got = {r.row: (r.field, r.reason) for r in result.rejections}
    assert got[5] == ("segment_id", "nothing in 'Road segments' within 25 m")
    assert got[6][0] == "inspected_on" and "in the future" in got[6][1]
    assert got[7][0] == "inspected_on" and "calendar date" in got[7][1]
    assert got[8][0] == "iri_mm_m" and "a number" in got[8][1]
    assert "appears twice in the file (first at row 1)" in got[9][1]
    stored = rows(twin, "SELECT segment_id, inspected_on, iri_mm_m, rut_depth_mm, condition_class FROM road_condition "
                        "WHERE segment_id IN (?, ?, ?, ?) ORDER BY segment_id", key(0), key(1), key(2), key(3))
    assert stored == [(key(0), "2026-05-03", 1.2, 4.0, 1), (key(1), "2026-05-03", 2.7, 12.5, 3),
                      (key(2), "2026-05-12", 4.1, 3.0, 4), (key(3), "2026-05-03", 1.0, 2.0, 2)]
    again = run(catalog, twin, source, "pavement_survey", crs="EPSG:3006")
    assert (again.unchanged, again.rejected) == (4, 5)


def test_sign_codes_in_four_spellings_from_wgs84_coordinates(catalog, twin, tmp_path):
    spots = {i: (ORIGIN[0] + 10 * i, ORIGIN[1] - 6) for i in range(1, 10)}
    lonlat = {i: to_wgs84(*xy) for i, xy in spots.items()}

    def row(i, code, side="h", installed=""):
        return [f"PROV-{i}", code, side, installed, f"{lonlat[i].x():.9f}", f"{lonlat[i].y():.9f}"]

    source = write_csv(tmp_path / "signs.csv", ["skylt_id", "kod", "sida", "uppsatt", "lon", "lat"], [
        row(1, "C31-50", installed="2020-05-01"), row(2, "C31:50", "V", "1.6.2019"), row(3, "SE:C31-50", "höger"),
        row(4, "c31 50", "left"), row(5, "B1", ""), row(6, "Q99"), row(7, "C31-55"), row(8, "C31-50", "mitten"),
        ["PROV-9", "B1", "h", "", "", ""]], delimiter=",")
    result = run(catalog, twin, source, "sign_inventory", crs="EPSG:4326")
    assert result.counts() == {"read": 9, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 4, "deleted": 0}
    got = {r.row: (r.field, r.reason) for r in result.rejections}
    assert got[6][0] == "sign_code" and "'Q99' is not one" in got[6][1]
    assert got[7][0] == "sign_code" and "not in the domain sign_code" in got[7][1]
    assert got[8][0] == "side" and "unknown code 'mitten'" in got[8][1]
    assert got[9] == ("geometry", "no geometry")
    stored = rows(twin, "SELECT sign_id, sign_code, value, side, installed_on FROM traffic_signs "
                        "WHERE sign_id LIKE 'PROV-%' ORDER BY sign_id")
    assert stored == [("PROV-1", "C31-50", 50, "höger", "2020-05-01"),
                      ("PROV-2", "C31-50", 50, "vänster", "2019-06-01"),
                      ("PROV-3", "C31-50", 50, "höger", None), ("PROV-4", "C31-50", 50, "vänster", None),
                      ("PROV-5", "B1", None, None, None)]
    x, y = stored_point(twin, "traffic_signs", "sign_id", "PROV-3")
    assert abs(x - spots[3][0]) < 0.01 and abs(y - spots[3][1]) < 0.01


def test_signs_without_a_crs_are_refused(catalog, twin, tmp_path):
    from digiresan_plugin.core.importing import SourceError

    source = write_csv(tmp_path / "signs.csv", ["id", "kod", "X", "Y"], [["A", "B1", "484000", "7003000"]])
    with pytest.raises(SourceError, match=r"signs\.csv: the file's coordinates have no CRS"):
        run(catalog, twin, source, "sign_inventory")


def square(x: float, y: float, size: float = 10.0) -> str:
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def test_permits_from_the_e_service_with_swedish_words_and_dates(catalog, twin, tmp_path):
    x, y = ORIGIN[0], ORIGIN[1] - 30
    bowtie = f"POLYGON(({x} {y},{x + 10} {y + 10},{x + 10} {y},{x} {y + 10},{x} {y}))"
    spike = (f"POLYGON(({x} {y},{x + 10} {y},{x + 10} {y + 10},{x + 5} {y + 10},{x + 5} {y + 15},{x + 5} {y + 10},"
             f"{x} {y + 10},{x} {y}))")
    source = write_csv(tmp_path / "permits.csv", [
        "Ärendenummer", "Sökande", "Ledningsslag", "Startdatum", "Slutdatum", "Status", "Akut", "WKT"], [
        ["GT-PROV-1", "Jämtkraft", "El", "2026-05-04", "2026-05-20", "Beviljad", "nej", square(x, y)],
        ["GT-PROV-2", "Östersund Vatten", "VA", "4/5 2026", "12 maj 2026", "PÅGÅR", "ja", square(x + 20, y)],
        ["GT-PROV-3", "Fibra", "fiber", "20260601", "20260615", "Inkommen", "", square(x + 40, y)],
        ["GT-PROV-4", "Fibra", "fiber", "2026-06-15", "2026-06-01", "Beviljad", "", square(x + 60, y)],
        ["GT-PROV-5", "Fibra", "fiber", "2026-06-01", "2026-06-15", "Makulerad", "", square(x + 80, y)],
        ["GT-PROV-6", "Fibra", "fiber", "2026-06-01", "2026-06-15", "Beviljad", "", "POLYGON((1 2"],
        ["GT-PROV-7", "Fibra", "fiber", "2026-06-01", "2026-06-15", "Beviljad", "", bowtie],
        ["GT-PROV-8", "Fibra", "fiber", "2026-06-01", "2026-06-15", "Beviljad", "", spike],
    ])
    result = run(catalog, twin, source, "permit_eservice", crs="EPSG:3006")
    assert result.counts() == {"read": 8, "inserted": 4, "updated": 0, "unchanged": 0, "rejected": 4, "deleted": 0}
    got = {r.row: (r.field, r.reason) for r in result.rejections}
    assert got[4] == ("end_date", "The permit must end on or after its start date")
    assert got[5][0] == "status" and "unknown code 'Makulerad'" in got[5][1]
    assert got[6][0] == "geometry" and "is not WKT" in got[6][1]
    assert got[7] == ("geometry", "2 parts where the twin layer holds one Polygon")
    stored = rows(twin, "SELECT permit_id, utility, start_date, end_date, status, emergency FROM excavation_permits "
                        "WHERE permit_id LIKE 'GT-PROV-%' ORDER BY permit_id")
    assert stored == [("GT-PROV-1", "el", "2026-05-04", "2026-05-20", "Beviljad", 0),
                      ("GT-PROV-2", "VA", "2026-05-04", "2026-05-12", "Pågående", 1),
                      ("GT-PROV-3", "fiber", "2026-06-01", "2026-06-15", "Ansökan", 0),
                      ("GT-PROV-8", "fiber", "2026-06-01", "2026-06-15", "Beviljad", 0)]


def test_hourly_traffic_in_24_columns(catalog, twin, tmp_path):
    header = ["segment", "år"] + [f"h{h:02d}" for h in range(24)]
    full = [key(0), "2026"] + [str(10 * h) for h in range(24)]
    gap = [key(1), "2026"] + [str(10 * h) if h != 13 else "" for h in range(24)]
    source = write_csv(tmp_path / "hourly.csv", header, [full, gap])
    result = run(catalog, twin, source, "traffic_hourly")
    assert result.counts() == {"read": 2, "inserted": 1, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert result.rejections[0].reason == "no value for hour 13 (column h13)"
    assert rows(twin, "SELECT count(*), sum(vehicles) FROM traffic_counts WHERE segment_id = ?", key(0)) == [
        (24, 10 * sum(range(24)))]
    changed = full[:2 + 8] + ["999"] + full[2 + 9:]
    again = run(catalog, twin, write_csv(tmp_path / "hourly2.csv", header, [changed]), "traffic_hourly")
    assert (again.updated, again.twin_rows) == (1, 1)
    assert rows(twin, "SELECT vehicles FROM traffic_counts WHERE segment_id = ? AND hour = 8", key(0)) == [(999,)]


def test_traffic_records_become_a_weekday_profile_of_the_nearest_segment(catalog, twin, tmp_path):
    near_a = (ORIGIN[0] + 50, ORIGIN[1] + 5)  # by segment 0
    near_b = (ORIGIN[0] + 120 + 50, ORIGIN[1] + 5)  # by segment 1
    far = (490000, 7000000)
    records = []
    for hour in range(24):
        records.append(["A", f"2026-05-04 {hour:02d}:00", 10 * hour, *near_a])  # Monday
        records.append(["A", f"2026-05-05T{hour:02d}:00:00", 10 * hour + 4, *near_a])  # Tuesday
    records.append(["A", "2026-05-09 07:00", 5000, *near_a])  # Saturday
    records += [["B", f"2026-05-04 {hour:02d}:00", 100, *near_b] for hour in range(23)]  # no 23:00
    records += [["C", f"2026-05-04 {hour:02d}:00", 100, *far] for hour in range(24)]
    records.append(["A", "igår", 100, *near_a])
    source = write_csv(tmp_path / "records.csv", ["mätplats", "tid", "fordon", "X", "Y"], records)
    result = run(catalog, twin, source, "traffic_records", crs="EPSG:3006")
    assert result.counts() == {"read": 97, "inserted": 48, "updated": 0, "unchanged": 0, "rejected": 49,
                               "deleted": 0}
    reasons = [r.reason for r in result.rejections]
    assert reasons.count("not a weekday (the twin's profile is weekday traffic)") == 1
    assert reasons.count("no value for hour 23 (column h23)") == 23
    assert reasons.count("nothing in 'Road segments' within 30 m") == 24
    far_rows = [r for r in result.rejections if r.reason == "nothing in 'Road segments' within 30 m"]
    assert [r.row for r in far_rows] == list(range(73, 97))  # the records of site C, each with its own values
    assert far_rows[5].values["tid"] == "2026-05-04 05:00" and far_rows[5].values["mätplats"] == "C"
    assert sum("a date and time" in r for r in reasons) == 1
    assert rows(twin, "SELECT count(*), min(measured_year) FROM traffic_counts WHERE segment_id = ?", key(0)) == [
        (24, 2026)]
    assert rows(twin, "SELECT vehicles FROM traffic_counts WHERE segment_id = ? AND hour = 7", key(0)) == [(72,)]
    assert run(catalog, twin, source, "traffic_records", crs="EPSG:3006").unchanged == 48


PROPERTY_FIELDS = (("fastighetsbeteckning", ogr.OFTString), ("registerarea", ogr.OFTString),
                   ("ägarkategori", ogr.OFTString), ("kvarter", ogr.OFTString))
BUILDING_FIELDS = (("objektidentitet", ogr.OFTString), ("ändamål", ogr.OFTString), ("byggår", ogr.OFTInteger),
                   ("våningar", ogr.OFTInteger), ("fastighet", ogr.OFTString))


def test_properties_from_geojson_and_buildings_from_geopackage(catalog, twin, tmp_path):
    x, y = ORIGIN[0], ORIGIN[1] - 200
    properties = write_vector(tmp_path / "fastigheter.geojson", [
        {"fastighetsbeteckning": "ÖSTERSUND PROV 1:1", "registerarea": "1 234,5", "ägarkategori": "Kommun",
         "kvarter": "Prov", "wkt": square(x, y, 40)},
        {"fastighetsbeteckning": "ÖSTERSUND PROV 1:2", "registerarea": "900", "ägarkategori": "BRF",
         "kvarter": "Prov", "wkt": square(x + 50, y, 30)},
        {"fastighetsbeteckning": "ÖSTERSUND PROV 1:3", "registerarea": "-5", "ägarkategori": "Kommun",
         "kvarter": "Prov", "wkt": square(x + 90, y, 30)},
    ], PROPERTY_FIELDS, 4326, ogr.wkbPolygon, driver="GeoJSON", layer="fastigheter")
    result = run(catalog, twin, properties, "properties")
    assert result.counts() == {"read": 3, "inserted": 2, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert result.rejections[0].field == "area_m2" and "outside" in result.rejections[0].reason
    assert rows(twin, "SELECT designation, area_m2, owner_type FROM properties WHERE block = 'Prov' "
                      "ORDER BY designation") == [("ÖSTERSUND PROV 1:1", 1234.5, "kommun"),
                                                  ("ÖSTERSUND PROV 1:2", 900.0, "bostadsrättsförening")]
    buildings = write_vector(tmp_path / "byggnader.gpkg", [
        {"objektidentitet": "B-PROV-1", "ändamål": "Flerbostadshus", "byggår": 1950, "våningar": 3,
         "fastighet": "ÖSTERSUND PROV 1:1", "wkt": square(x + 5, y + 5, 12)},
        {"objektidentitet": "B-PROV-2", "ändamål": "Garage", "byggår": 1980, "våningar": 1,
         "fastighet": "ÖSTERSUND PROV 1:2", "wkt": square(x + 55, y + 5, 6)},
        {"objektidentitet": "B-PROV-3", "ändamål": "Slott", "byggår": 1700, "våningar": 2,
         "fastighet": "ÖSTERSUND PROV 1:2", "wkt": square(x + 65, y + 5, 6)},
    ], BUILDING_FIELDS, 3006, ogr.wkbMultiPolygon, layer="byggnader")
    result = run(catalog, twin, buildings, "buildings")
    assert result.counts() == {"read": 3, "inserted": 2, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert result.rejections[0].field == "purpose" and "unknown code 'Slott'" in result.rejections[0].reason
    assert rows(twin, "SELECT building_id, purpose, construction_year, floors FROM buildings "
                      "WHERE building_id LIKE 'B-PROV-%' ORDER BY building_id") == [
        ("B-PROV-1", "bostad", 1950, 3), ("B-PROV-2", "garage", 1980, 1)]


def test_processing_algorithm_reports_counts_and_every_rejected_row(catalog, twin, tmp_path, qgis_processing):
    import processing

    from digiresan_plugin.processing import register_provider, unregister_provider

    register_provider()
    try:
        source = write_vector(tmp_path / "more.gpkg", [nvdb_row(i) for i in range(SEGMENTS + 2)]
                              + [nvdb_row(40, Slitl_152=9)], NVDB_FIELDS, 3012)
        out = tmp_path / "rejected.csv"
        result = processing.run("digiresan:import_into_twin", {
            "INPUT": str(source), "TWIN": str(twin), "MAPPING": "nvdb_roads", "MODE": 1, "DRY_RUN": False,
            "REJECTED": str(out), "TODAY": TODAY.isoformat()})
        assert (result["READ"], result["INSERTED"], result["UNCHANGED"], result["REJECTED_COUNT"]) == (9, 2, 6, 1)
        assert "read 9, inserted 2, updated 0, unchanged 6, rejected 1" in result["SUMMARY"]
        rows_ = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))  # quoting differs by QGIS version
        assert rows_[0][:4] == ["source_row", "field", "value", "reason"]
        assert rows_[1][:3] == ["9", "surface", "9"] and rows_[1][3].startswith("unknown code '9' in Slitl_152")
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            errors: list = []

            def reportError(self, error, fatalError=False):  # noqa: N802, N803 - QGIS API
                self.errors.append(error)

        feedback = Feedback()
        with pytest.raises(Exception):  # noqa: B017 - QgsProcessingException, the reason goes to the feedback
            processing.run("digiresan:import_into_twin", {"INPUT": str(source), "TWIN": str(twin),
                                                          "MAPPING": "no_such_preset"}, feedback=feedback)
        assert any("key 'MAPPING': expected a preset id (buildings, nvdb_roads" in e for e in feedback.errors)
    finally:
        unregister_provider()
