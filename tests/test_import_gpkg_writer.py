"""The GeoPackage writer of the import (straight through SQLite): after a run the R-tree, the feature count and
GDAL's triggers are as GDAL keeps them; a chunk with refused rows refuses those rows only, each reported; what GDAL
and QGIS read back is what was imported."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import gdal, ogr

from digiresan_plugin.core.gpkg_triggers import install_triggers
from digiresan_plugin.core.importing import gpkg_writer, load_mapping, run_import
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, ORIGIN, nvdb_key, nvdb_row, write_csv, write_vector


def query(twin: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(twin) as conn:
        return conn.execute(sql, args).fetchall()


def run(catalog, twin: Path, source: Path, preset: str, **kwargs):
    return run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(preset), today=TODAY, **kwargs)


@pytest.fixture()
def twin(demo_twin, tmp_path) -> Path:
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    return path


TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"


@pytest.mark.parametrize("bulk_min", [1, 10**9], ids=["tree rebuilt", "boxes added one by one"])
def test_rtree_feature_count_and_triggers_are_as_gdal_keeps_them(catalog, twin, tmp_path, monkeypatch, bulk_min):
    monkeypatch.setattr(gpkg_writer, "CHUNK", 7)  # several chunks
    monkeypatch.setattr(gpkg_writer, "BULK_MIN", bulk_min)
    monkeypatch.setattr(gpkg_writer, "REBUILD_RATIO", 10**9)
    triggers = query(twin, TRIGGERS)
    before = query(twin, "SELECT count(*) FROM road_segments")[0][0]
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(30)], NVDB_FIELDS, 3006)
    assert run(catalog, twin, source, "nvdb_roads").inserted == 30
    assert query(twin, TRIGGERS) == triggers  # dropped for the bulk insert, put back as they were
    assert query(twin, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'road_segments'") == [
        (before + 30,)]
    # segment i runs from (ORIGIN.x + 120 i, ORIGIN.y) 100 m east, 1 m north at its middle (nvdb_row)
    boxes = query(twin, "SELECT s.segment_id, r.minx, r.maxx, r.miny, r.maxy FROM road_segments s "
                        "JOIN rtree_road_segments_geom r ON r.id = s.fid WHERE s.segment_id LIKE 'NVDB-%'")
    expected = {nvdb_key(nvdb_row(i)): (ORIGIN[0] + 120 * i, ORIGIN[0] + 120 * i + 100, ORIGIN[1], ORIGIN[1] + 1)
                for i in range(30)}
    assert {key: tuple(box) for key, *box in boxes} == pytest.approx(expected, abs=0.1)  # R-tree floats: ±ulp
    assert query(twin, "SELECT count(*) FROM rtree_road_segments_geom")[0][0] == before + 30
    assert query(twin, "SELECT rtreecheck('rtree_road_segments_geom')") == [("ok",)]
    ds = gdal.OpenEx(str(twin), gdal.OF_VECTOR)
    layer = ds.GetLayerByName("road_segments")
    assert layer.GetFeatureCount() == before + 30
    layer.SetSpatialFilterRect(ORIGIN[0] + 120 * 7 + 10, ORIGIN[1] - 1, ORIGIN[0] + 120 * 7 + 20, ORIGIN[1] + 2)
    found = [(f.GetField("segment_id"), f.GetGeometryRef().ExportToWkt()) for f in layer]
    x = ORIGIN[0] + 120 * 7
    assert found == [(nvdb_key(nvdb_row(7)), f"LINESTRING ({x:.0f} {ORIGIN[1]:.0f},{x + 50:.0f} {ORIGIN[1] + 1:.0f},"
                                             f"{x + 100:.0f} {ORIGIN[1]:.0f})")]
    ds = None
    # a geometry that moved: the R-tree follows the update
    moved = write_vector(tmp_path / "moved.gpkg", [nvdb_row(3, wkt="MULTILINESTRING((484000 7009000,484010 7009020))")],
                         NVDB_FIELDS, 3006)
    assert run(catalog, twin, moved, "nvdb_roads").updated == 1
    assert query(twin, "SELECT r.minx, r.maxx, r.miny, r.maxy FROM road_segments s JOIN rtree_road_segments_geom r "
                       "ON r.id = s.fid WHERE s.segment_id = ?", nvdb_key(nvdb_row(3))) == [
        pytest.approx((484000, 484010, 7009000, 7009020), abs=0.1)]
    assert query(twin, TRIGGERS) == triggers
    assert query(twin, "SELECT rtreecheck('rtree_road_segments_geom')") == [("ok",)]


def test_rows_refused_by_the_twin_inside_chunks_are_each_reported_the_rest_written(catalog, twin, tmp_path,
                                                                                  monkeypatch):
    install_triggers(twin, catalog)
    segments = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(3)], NVDB_FIELDS, 3006)
    assert run(catalog, twin, segments, "nvdb_roads").inserted == 3
    monkeypatch.setattr(gpkg_writer, "CHUNK", 3)  # rows 1-3, 4-6 and 7 are written as chunks
    known = [nvdb_key(nvdb_row(i)) for i in range(3)]
    rows = [[known[0], "2026-05-01"], ["NO-SUCH-1", "2026-05-01"], [known[1], "2026-05-01"],
            [known[2], "2026-05-01"], ["NO-SUCH-2", "2026-05-01"], ["NO-SUCH-3", "2026-05-02"],
            [known[0], "2026-05-02"]]
    survey = write_csv(tmp_path / "survey.csv", ["segment_id", "datum", "IRI", "spårdjup"],
                       [r + ["1,2", "4"] for r in rows])
    result = run(catalog, twin, survey, "pavement_survey")
    assert result.counts() == {"read": 7, "inserted": 4, "updated": 0, "unchanged": 0, "rejected": 3, "deleted": 0}
    assert [r.row for r in result.rejections] == [2, 5, 6]
    assert all(r.reason.startswith("refused by the twin:") for r in result.rejections)
    assert result.rejections[0].values["segment_id"] == "NO-SUCH-1"
    stored = query(twin, "SELECT segment_id, inspected_on FROM road_condition WHERE segment_id LIKE 'NVDB-%' "
                         "ORDER BY segment_id, inspected_on")
    assert stored == sorted([(known[0], "2026-05-01"), (known[1], "2026-05-01"), (known[2], "2026-05-01"),
                             (known[0], "2026-05-02")])
    again = run(catalog, twin, survey, "pavement_survey")
    assert (again.unchanged, again.rejected) == (4, 3)


def test_the_source_geopackage_is_read_directly_as_qgis_reads_it(catalog, twin, tmp_path):
    """The same NVDB rows from a GeoPackage (read through SQLite) and from a Shape file (through QGIS) give the
    same twin rows."""
    rows = [nvdb_row(i) for i in range(5)] + [nvdb_row(5, wkt=None), nvdb_row(6, Bredd_156=None, Namn_130=None)]
    gpkg = write_vector(tmp_path / "nvdb.gpkg", rows, NVDB_FIELDS, 3006)
    first = run(catalog, twin, gpkg, "nvdb_roads")
    assert first.counts() == {"read": 7, "inserted": 6, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert (first.rejections[0].row, first.rejections[0].reason) == (6, "no geometry")
    shape = write_vector(tmp_path / "nvdb.shp", rows, NVDB_FIELDS, 3006, driver="ESRI Shapefile",
                         geometry_type=ogr.wkbMultiLineString)
    again = run(catalog, twin, shape, "nvdb_roads")
    assert again.counts() == {"read": 7, "inserted": 0, "updated": 0, "unchanged": 6, "rejected": 1, "deleted": 0}
    assert query(twin, "SELECT width_m, street_name FROM road_segments WHERE segment_id = ?",
                 nvdb_key(nvdb_row(6))) == [(None, None)]
