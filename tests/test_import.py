"""Import into a real GeoPackage twin: each preset with a fixture in its source's shape, whose rows' fates are
known by construction (inserted, updated, unchanged, rejected and why)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import ogr

from digiresan_plugin.core.importing import (
    ImportCancelledError,
    MappingError,
    SourceError,
    gpkg_writer,
    load_mapping,
    run_import,
)
from digiresan_plugin.core.importing.gpkg_writer import GpkgWriter
from digiresan_plugin.core.importing.mapping import preset_ids
from digiresan_plugin.core.importing.writer import TwinWriter
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, ORIGIN, nvdb_key, nvdb_row, shape_names, write_csv, write_vector


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(twin: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(twin) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.fixture()
def twin(demo_twin, tmp_path) -> Path:
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    return path


def run(catalog, twin: Path, source: Path, preset: str, **kwargs):
    return run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(preset), today=TODAY, **kwargs)


def reasons(result) -> dict[int, tuple]:
    return {r.row: (r.field, r.reason) for r in result.rejections}


# -- road network (NVDB) ---------------------------------------------------------------------------
GOOD = 10
BAD = {  # row number in the file -> (the row, the field it is refused for, a word of the reason)
    11: (nvdb_row(10, Slitl_152=7), "surface", "unknown code '7'"),
    12: (nvdb_row(11, F_Hogst_225=55, B_Hogst_225=None), "speed_limit_kmh", "not in the domain speed_limit"),
    13: (nvdb_row(12, wkt=None), "geometry", "no geometry"),
    14: (nvdb_row(13, wkt="MULTILINESTRING((484000 7003900,484050 7003900),(484100 7003900,484150 7003900))"),
         "geometry", "2 parts"),
    15: (nvdb_row(14, Klass_181=12), "functional_class", "outside 0–9"),
    16: (nvdb_row(3), "segment_id", "appears twice in the file (first at row 4)"),
}


def nvdb_rows() -> list[dict]:
    return [nvdb_row(i) for i in range(GOOD)] + [bad[0] for bad in BAD.values()]


def test_nvdb_geopackage_in_3012_is_mapped_checked_and_idempotent(catalog, twin, tmp_path):
    before = rows(twin, "SELECT count(*) FROM road_segments")[0][0]
    source = write_vector(tmp_path / "nvdb.gpkg", nvdb_rows(), NVDB_FIELDS, 3012)
    result = run(catalog, twin, source, "nvdb_roads")
    assert result.counts() == {"read": 16, "inserted": 10, "updated": 0, "unchanged": 0, "rejected": 6, "deleted": 0}
    assert result.balanced
    got = reasons(result)
    assert set(got) == set(BAD)
    for number, (_row, field, words) in BAD.items():
        assert got[number][0] == field and words in got[number][1], (number, got[number])
    assert rows(twin, "SELECT count(*) FROM road_segments")[0][0] == before + 10
    row0 = nvdb_row(0)
    stored = rows(twin, "SELECT street_name, functional_class, speed_limit_kmh, surface, road_owner, width_m, aadt "
                        "FROM road_segments WHERE segment_id = ?", nvdb_key(row0))
    assert stored == [("Provgatan 0", 5, 40, "asfalt", "kommunal", 7.5, 1200)]
    # written in EPSG:3012, stored in the twin's EPSG:3006 where the line was drawn: back within a millimetre
    writer = TwinWriter(str(twin), "road_segments", "twin")
    feature = next(f for f in writer.layer if f.GetField("segment_id") == nvdb_key(row0))
    start = feature.GetGeometryRef().GetPoint_2D(0)
    assert abs(start[0] - ORIGIN[0]) < 0.001 and abs(start[1] - ORIGIN[1]) < 0.001
    assert feature.GetGeometryRef().GetGeometryType() == ogr.wkbLineString
    writer.close()

    again = run(catalog, twin, source, "nvdb_roads")
    assert again.counts() == {"read": 16, "inserted": 0, "updated": 0, "unchanged": 10, "rejected": 6, "deleted": 0}


def test_nvdb_shape_export_with_truncated_lower_case_names(catalog, twin, tmp_path):
    run(catalog, twin, write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(GOOD)], NVDB_FIELDS, 3006),
        "nvdb_roads")
    changed = [nvdb_row(i, ADT_f_117=9000 + i) if i < 3 else nvdb_row(i) for i in range(GOOD)] + [nvdb_row(50)]
    shape = write_vector(tmp_path / "nvdb.shp", changed, NVDB_FIELDS, 3006, driver="ESRI Shapefile",
                         rename=shape_names(NVDB_FIELDS))
    ds = ogr.Open(str(shape))
    defn = ds.GetLayer().GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    ds = None
    assert "f_hogst_22" in names and "from_measu" in names and "F_Hogst_225" not in names
    result = run(catalog, twin, shape, "nvdb_roads")
    assert result.counts() == {"read": 11, "inserted": 1, "updated": 3, "unchanged": 7, "rejected": 0, "deleted": 0}
    assert rows(twin, "SELECT aadt FROM road_segments WHERE segment_id = ?", nvdb_key(nvdb_row(1))) == [(9001,)]


# -- safety ------------------------------------------------------------------------------------------
def test_dry_run_counts_and_writes_nothing(catalog, twin, tmp_path):
    source = write_vector(tmp_path / "nvdb.gpkg", nvdb_rows(), NVDB_FIELDS, 3006)
    before = digest(twin)
    result = run(catalog, twin, source, "nvdb_roads", dry_run=True)
    assert (result.inserted, result.rejected) == (10, 6)
    assert digest(twin) == before


def test_a_failure_mid_run_leaves_the_twin_byte_identical(catalog, twin, tmp_path, monkeypatch):
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(20)], NVDB_FIELDS, 3006)
    before = digest(twin)
    monkeypatch.setattr(gpkg_writer, "CHUNK", 4)  # three chunks written (R-tree, triggers dropped), then it fails
    calls = []
    original = GpkgWriter.flush

    def failing(self):
        calls.append(1)
        if len(calls) == 4:
            raise OSError("disk full (forced)")
        return original(self)

    monkeypatch.setattr(GpkgWriter, "flush", failing)
    with pytest.raises(OSError, match="forced"):
        run(catalog, twin, source, "nvdb_roads")
    assert len(calls) == 4
    assert digest(twin) == before


def test_cancel_mid_run_leaves_the_twin_byte_identical(catalog, twin, tmp_path):
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(1200)], NVDB_FIELDS, 3006)
    before = digest(twin)
    seen = []

    def progress(percent):
        seen.append(percent)
        return len(seen) < 2  # the user presses Cancel after the first 500 rows

    with pytest.raises(ImportCancelledError):
        run(catalog, twin, source, "nvdb_roads", progress=progress)
    assert digest(twin) == before
    assert len(seen) == 2


def test_insert_mode_refuses_existing_keys_and_replace_touches_one_layer_only(catalog, twin, tmp_path):
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(5)], NVDB_FIELDS, 3006)
    run(catalog, twin, source, "nvdb_roads", mode="insert")
    again = run(catalog, twin, source, "nvdb_roads", mode="insert")
    assert (again.inserted, again.rejected) == (0, 5)
    assert "already in the twin" in again.rejections[0].reason
    segments = rows(twin, "SELECT count(*) FROM road_segments")[0][0]
    others = rows(twin, "SELECT (SELECT count(*) FROM road_condition), (SELECT count(*) FROM traffic_signs)")
    replaced = run(catalog, twin, source, "nvdb_roads", mode="replace")
    assert (replaced.deleted, replaced.inserted) == (segments, 5)
    assert rows(twin, "SELECT count(*) FROM road_segments")[0][0] == 5
    assert rows(twin, "SELECT (SELECT count(*) FROM road_condition), (SELECT count(*) FROM traffic_signs)") == others


def test_a_source_without_crs_is_refused_unless_one_is_given(catalog, twin, tmp_path):
    source = write_vector(tmp_path / "nocrs.shp", [nvdb_row(0)], NVDB_FIELDS, None, driver="ESRI Shapefile")
    with pytest.raises(SourceError, match="no CRS"):
        run(catalog, twin, source, "nvdb_roads")
    given = run(catalog, twin, source, "nvdb_roads", crs="EPSG:3006")
    assert given.inserted == 1, given.rejections


# -- mappings ----------------------------------------------------------------------------------------
def test_presets_are_the_issues_ids():
    assert set(preset_ids()) >= {"nvdb_roads", "pavement_survey", "sign_inventory", "permit_eservice",
                                 "traffic_hourly", "buildings", "properties"}


def test_a_user_mapping_with_unit_factor_and_default(catalog, twin, tmp_path):
    mapping = tmp_path / "my_roads.json"
    mapping.write_text(json.dumps({
        "format": 1, "id": "my_roads", "title": {"en": "Mine", "sv": "Min"}, "layer": "road_segments",
        "fields": {"segment_id": {"from": "GID"}, "width_m": {"from": "BREDD_DM", "factor": 0.1},
                   "surface": {"default": "asfalt"}, "street_name": {"from": "NAMN"}}}), encoding="utf-8")
    source = write_csv(tmp_path / "roads.csv", ["GID", "BREDD_DM", "NAMN", "WKT"],
                       [["MY-1", "75", "Egna vägen", "LINESTRING(484000 7004000,484100 7004000)"]])
    raw = json.loads(mapping.read_text(encoding="utf-8"))
    raw["csv"] = {"wkt": ["WKT"]}
    mapping.write_text(json.dumps(raw), encoding="utf-8")
    result = run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(str(mapping)), today=TODAY,
                        crs="EPSG:3006")
    assert result.inserted == 1
    assert rows(twin, "SELECT width_m, surface, street_name FROM road_segments WHERE segment_id = 'MY-1'") == [
        (7.5, "asfalt", "Egna vägen")]


def test_a_mapping_naming_a_field_the_twin_lacks_says_file_and_key(catalog, twin, tmp_path):
    mapping = tmp_path / "bad.json"
    mapping.write_text(json.dumps({"format": 1, "id": "bad", "title": {"en": "B", "sv": "B"}, "layer": "road_segments",
                                   "fields": {"segment_id": {"from": "id"}, "colour": {"from": "färg"}}}))
    source = write_csv(tmp_path / "x.csv", ["id"], [["A"]])
    with pytest.raises(MappingError, match=r"bad\.json: key 'fields\.colour'"):
        run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(str(mapping)), today=TODAY)
    with pytest.raises(MappingError, match="nvdb_roads"):
        load_mapping("no_such_preset")


def test_lines_are_merged_only_when_the_mapping_says_so(catalog, twin, tmp_path):
    two_parts = "MULTILINESTRING((484000 7004100,484050 7004100),(484050 7004100,484100 7004100))"
    source = write_csv(tmp_path / "roads.csv", ["GID", "WKT"], [["MERGE-1", f'"{two_parts}"']])
    raw = {"format": 1, "id": "my_lines", "title": {"en": "L", "sv": "L"}, "layer": "road_segments",
           "csv": {"wkt": ["WKT"]}, "fields": {"segment_id": {"from": "GID"}}}
    plain_mapping = tmp_path / "plain.json"
    plain_mapping.write_text(json.dumps(raw), encoding="utf-8")
    merging = tmp_path / "merge.json"
    merging.write_text(json.dumps({**raw, "geometry": {"lines": "merge"}}), encoding="utf-8")
    target = TwinSource.geopackage(twin)
    refused = run_import(catalog, target, source, load_mapping(str(plain_mapping)), today=TODAY, crs="EPSG:3006")
    assert refused.rejections[0].reason == "2 parts where the twin layer holds one LineString"
    merged = run_import(catalog, target, source, load_mapping(str(merging)), today=TODAY, crs="EPSG:3006")
    assert merged.inserted == 1
    assert rows(twin, "SELECT count(*) FROM road_segments WHERE segment_id = 'MERGE-1'") == [(1,)]


def test_lines_are_split_into_one_row_per_part_only_when_the_mapping_says_so(catalog, twin, tmp_path):
    parts = ["(484000 7004300,484050 7004300)", "(484200 7004300,484260 7004300,484260 7004340)"]  # apart
    source = write_csv(tmp_path / "roads.csv", ["GID", "WKT"], [["SPLIT-1", f'"MULTILINESTRING({",".join(parts)})"'],
                                                                ["ONE", '"LINESTRING(484000 7004400,484090 7004400)"']])
    raw = {"format": 1, "id": "my_lines", "title": {"en": "L", "sv": "L"}, "layer": "road_segments",
           "csv": {"wkt": ["WKT"]}, "fields": {"segment_id": {"from": "GID"}}}
    target = TwinSource.geopackage(twin)
    for lines, reason in (("merge", "2 parts where the twin layer holds one LineString"),
                          ("as_is", "2 parts where the twin layer holds one LineString")):
        mapping = tmp_path / f"{lines}.json"
        mapping.write_text(json.dumps({**raw, "geometry": {"lines": lines}}), encoding="utf-8")
        refused = run_import(catalog, target, source, load_mapping(str(mapping)), today=TODAY, crs="EPSG:3006",
                             dry_run=True)
        assert [(r.row, r.reason) for r in refused.rejections] == [(1, reason)]  # disjoint: merging cannot help
    splitting = tmp_path / "split.json"
    splitting.write_text(json.dumps({**raw, "geometry": {"lines": "split"}}), encoding="utf-8")
    result = run_import(catalog, target, source, load_mapping(str(splitting)), today=TODAY, crs="EPSG:3006")
    assert result.counts() == {"read": 2, "inserted": 2, "updated": 0, "unchanged": 0, "rejected": 0, "deleted": 0}
    assert result.twin_rows == 3
    got = rows(twin, "SELECT segment_id FROM road_segments WHERE segment_id LIKE 'SPLIT-1%' OR segment_id = 'ONE' "
                     "ORDER BY segment_id")
    assert got == [("ONE",), ("SPLIT-1-1",), ("SPLIT-1-2",)]
    ds = ogr.Open(str(twin))
    layer = ds.GetLayerByName("road_segments")
    layer.SetAttributeFilter("segment_id = 'SPLIT-1-2'")
    assert [f.GetGeometryRef().ExportToWkt() for f in layer] == ["LINESTRING (484200 7004300,484260 7004300,"
                                                                 "484260 7004340)"]
    ds = None
    again = run_import(catalog, target, source, load_mapping(str(splitting)), today=TODAY, crs="EPSG:3006")
    assert (again.unchanged, again.inserted) == (2, 0)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**raw, "geometry": {"lines": "explode"}}), encoding="utf-8")
    with pytest.raises(MappingError, match="geometry.lines"):
        load_mapping(str(bad))


def test_an_xlsx_property_register_with_a_wkt_column(catalog, twin, tmp_path):
    from osgeo import gdal

    path = tmp_path / "fastigheter.xlsx"
    ds = gdal.GetDriverByName("XLSX").Create(str(path), 0, 0, 0, gdal.GDT_Unknown)
    layer = ds.CreateLayer("Blad1", None, ogr.wkbNone)
    for name, kind in (("Fastighetsbeteckning", ogr.OFTString), ("Areal", ogr.OFTReal),
                       ("Ägarkategori", ogr.OFTString), ("WKT", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for designation, area, owner in (("ÖSTERSUND XL 1:1", 1500.5, "Staten"), ("ÖSTERSUND XL 1:2", 800, "Kyrkan")):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("Fastighetsbeteckning", designation), ("Areal", area), ("Ägarkategori", owner),
                            ("WKT", "POLYGON((484000 7004200,484030 7004200,484030 7004230,484000 7004200))")):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    feature = layer = ds = None
    mapping = tmp_path / "xlsx_properties.json"
    preset = json.loads((Path(__file__).resolve().parents[1] / "resources" / "import_presets" / "properties.json")
                        .read_text(encoding="utf-8"))
    mapping.write_text(json.dumps({**preset, "id": "xlsx_properties", "csv": {"wkt": ["WKT"]}}), encoding="utf-8")
    result = run_import(catalog, TwinSource.geopackage(twin), path, load_mapping(str(mapping)), today=TODAY,
                        crs="EPSG:3006")
    assert result.counts() == {"read": 2, "inserted": 1, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert result.rejections[0].field == "owner_type" and "unknown code 'Kyrkan'" in result.rejections[0].reason
    assert rows(twin, "SELECT area_m2, owner_type FROM properties WHERE designation = 'ÖSTERSUND XL 1:1'") == [
        (1500.5, "stat")]
