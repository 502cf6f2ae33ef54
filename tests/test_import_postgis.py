"""Import into a real PostGIS twin (pg_service, editor role): counts, idempotent upsert, a refusal of the database
reported per row, and a failure that leaves the tables row-identical."""

from __future__ import annotations

import pytest

from digiresan_plugin.core.importing import ImportCancelledError, load_mapping, run_import
from digiresan_plugin.core.importing.writer import TwinWriter
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, nvdb_key, nvdb_row, write_csv, write_vector


@pytest.fixture(scope="module")
def loaded(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return pg_cluster


def target(cluster) -> TwinSource:
    return TwinSource.parse(f"pgservice:{cluster.service_uri('editor')}")


def count(cluster, sql: str, *args):
    with cluster.connect("reader") as conn, conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchone()[0]


def test_nvdb_into_postgis_upserts_and_is_idempotent(catalog, loaded, tmp_path):
    before = count(loaded, "SELECT count(*) FROM twin.road_segments")
    rows = [nvdb_row(i) for i in range(8)] + [nvdb_row(60, Slitl_152=7)]
    source = write_vector(tmp_path / "nvdb.gpkg", rows, NVDB_FIELDS, 3012)
    result = run_import(catalog, target(loaded), source, load_mapping("nvdb_roads"), today=TODAY)
    assert result.counts() == {"read": 9, "inserted": 8, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert count(loaded, "SELECT count(*) FROM twin.road_segments") == before + 8
    assert count(loaded, "SELECT surface || '/' || road_owner || '/' || speed_limit_kmh FROM twin.road_segments "
                         "WHERE segment_id = %s", nvdb_key(nvdb_row(0))) == "asfalt/kommunal/40"
    again = run_import(catalog, target(loaded), source, load_mapping("nvdb_roads"), today=TODAY)
    assert (again.unchanged, again.rejected) == (8, 1)


def test_a_database_refusal_is_one_rejected_row_and_a_failure_changes_nothing(catalog, loaded, tmp_path,
                                                                            monkeypatch):
    seg = count(loaded, "SELECT min(segment_id) FROM twin.road_segments")
    survey = write_csv(tmp_path / "survey.csv", ["segment_id", "datum", "IRI", "spårdjup"], [
        [seg, "2026-10-03", "1,2", "4"], ["NO-SUCH-SEGMENT", "2026-10-03", "1,2", "4"],
        [seg, "2026-10-04", "1,4", "4"]])
    before = count(loaded, "SELECT count(*) FROM twin.road_condition")
    result = run_import(catalog, target(loaded), survey, load_mapping("pavement_survey"), today=TODAY)
    assert (result.inserted, result.rejected) == (2, 1)
    assert result.rejections[0].row == 2 and result.rejections[0].reason.startswith("refused by the twin:")
    assert count(loaded, "SELECT count(*) FROM twin.road_condition") == before + 2

    source = write_vector(tmp_path / "more.gpkg", [nvdb_row(100 + i) for i in range(10)], NVDB_FIELDS, 3006)
    segments = count(loaded, "SELECT count(*) FROM twin.road_segments")
    original = TwinWriter.insert
    calls = []

    def failing(self, values, wkb):
        calls.append(1)
        if len(calls) == 6:
            raise OSError("connection lost (forced)")
        original(self, values, wkb)

    monkeypatch.setattr(TwinWriter, "insert", failing)
    with pytest.raises(OSError, match="forced"):
        run_import(catalog, target(loaded), source, load_mapping("nvdb_roads"), today=TODAY)
    assert count(loaded, "SELECT count(*) FROM twin.road_segments") == segments
    monkeypatch.undo()

    many = write_vector(tmp_path / "many.gpkg", [nvdb_row(300 + i) for i in range(700)], NVDB_FIELDS, 3006)
    with pytest.raises(ImportCancelledError):  # Cancel after the first 500 rows were written
        run_import(catalog, target(loaded), many, load_mapping("nvdb_roads"), today=TODAY,
                   progress=lambda percent: percent < 50)
    assert count(loaded, "SELECT count(*) FROM twin.road_segments") == segments


def test_the_postgis_card_of_an_imported_segment_shows_the_imported_data(catalog, loaded, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    from digiresan_plugin.core.identify import TwinEngine
    from digiresan_plugin.core.identify.standalone import open_twin_layers

    from .import_fixtures import ORIGIN

    i = 200  # a segment of its own: 200 // 100 rows of 40 m north of the origin
    row = nvdb_row(i)
    x, y = ORIGIN[0] + (i % 100) * 120.0, ORIGIN[1] + (i // 100) * 40.0
    seg = nvdb_key(row)
    twin = target(loaded)
    assert run_import(catalog, twin, write_vector(tmp_path / "one.gpkg", [row], NVDB_FIELDS, 3006),
                      load_mapping("nvdb_roads"), today=TODAY).inserted == 1
    survey = write_csv(tmp_path / "survey.csv", ["segment_id", "datum", "IRI", "spårdjup"], [
        [seg, "2026-06-01", "2,7", "4"]])
    assert run_import(catalog, twin, survey, load_mapping("pavement_survey"), today=TODAY).inserted == 1
    signs = write_csv(tmp_path / "signs.csv", ["id", "kod", "X", "Y"], [["PG-S1", "c31 30", x + 30, y - 5]])
    assert run_import(catalog, twin, signs, load_mapping("sign_inventory"), today=TODAY,
                      crs="EPSG:3006").inserted == 1
    hours = [3 * h for h in range(24)]
    counts = write_csv(tmp_path / "hourly.csv", ["segment", "år"] + [f"h{h:02d}" for h in range(24)],
                       [[seg, 2026, *hours]])
    assert run_import(catalog, twin, counts, load_mapping("traffic_hourly"), today=TODAY).inserted == 1

    layers, problems = open_twin_layers(TwinSource.parse(f"pgservice:{loaded.service_uri('reader')}"), catalog)
    assert "road_segments" in layers, problems
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    report = engine.report_at_point(QgsPointXY(x + 25, y + 0.5), QgsCoordinateReferenceSystem("EPSG:3006"), 2.0)
    assert report.subject.key == seg
    assert report.section("condition").summary["latest_value"] == 3  # IRI 2,7 → class 3
    assert report.section("signs").summary["codes"] == ["C31-30"]
    assert report.section("traffic").summary["hours"] == hours
