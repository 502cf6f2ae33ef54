"""After an import the twin answers from the new data: the card of an imported segment shows the imported
condition, signs and hourly counts; with the twin's own triggers installed, history records the import and a row
the database refuses is reported, the rest imported."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

from digiresan_plugin.core.gpkg_triggers import install_triggers, session_user
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.importing import load_mapping, run_import
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .fixtures_twin import open_layers
from .import_fixtures import NVDB_FIELDS, ORIGIN, nvdb_key, nvdb_row, write_csv, write_vector


def run(catalog, twin: Path, source: Path, preset: str, **kwargs):
    return run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(preset), today=TODAY, **kwargs)


@pytest.fixture()
def twin(demo_twin, tmp_path, catalog) -> Path:
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(3)], NVDB_FIELDS, 3006)
    assert run(catalog, path, source, "nvdb_roads").inserted == 3
    return path


def test_the_card_of_an_imported_segment_shows_imported_condition_signs_and_counts(catalog, twin, tmp_path):
    seg = nvdb_key(nvdb_row(0))
    survey = write_csv(tmp_path / "survey.csv", ["segment_id", "datum", "IRI", "spårdjup"], [
        [seg, "2024-05-03", "1,2", "4"], [seg, "2026-05-03", "3,8", "7"]])
    assert run(catalog, twin, survey, "pavement_survey").inserted == 2
    signs = write_csv(tmp_path / "signs.csv", ["id", "kod", "X", "Y"], [
        ["PROV-S1", "SE:C31-40", ORIGIN[0] + 30, ORIGIN[1] - 5]])
    assert run(catalog, twin, signs, "sign_inventory", crs="EPSG:3006").inserted == 1
    hours = [5 * h for h in range(24)]
    counts = write_csv(tmp_path / "hourly.csv", ["segment", "år"] + [f"h{h:02d}" for h in range(24)],
                       [[seg, 2026, *hours]])
    assert run(catalog, twin, counts, "traffic_hourly").inserted == 1

    layers = open_layers(twin, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    report = engine.report_at_point(QgsPointXY(ORIGIN[0] + 25, ORIGIN[1] + 0.5),
                                    QgsCoordinateReferenceSystem("EPSG:3006"), 2.0)
    assert report.subject.key == seg
    condition = report.section("condition").summary
    assert (condition["latest_value"], condition["latest_date"]) == (4, "2026-05-03")  # IRI 3,8 → class 4
    assert [i.key for i in report.section("signs").items] == ["PROV-S1"]
    assert report.section("signs").summary["codes"] == ["C31-40"]
    assert report.section("traffic").summary["hours"] == hours


def test_with_the_twins_triggers_history_records_the_import_and_refusals_are_per_row(catalog, twin, tmp_path):
    install_triggers(twin, catalog)
    with sqlite3.connect(twin) as conn:
        history_before = conn.execute("SELECT count(*) FROM twin_history").fetchone()[0]
    seg = nvdb_key(nvdb_row(1))
    survey = write_csv(tmp_path / "survey.csv", ["segment_id", "datum", "IRI", "spårdjup"], [
        [seg, "2026-05-03", "1,2", "4"], ["NO-SUCH-SEGMENT", "2026-05-03", "1,2", "4"]])
    result = run(catalog, twin, survey, "pavement_survey")
    assert (result.inserted, result.rejected) == (1, 1)
    refusal = result.rejections[0]
    assert refusal.row == 2 and refusal.reason.startswith("refused by the twin:")
    with sqlite3.connect(twin) as conn:
        who = conn.execute("SELECT DISTINCT changed_by FROM twin_history WHERE rowid > ?", (history_before,)).fetchall()
        session = conn.execute("SELECT who FROM twin_session").fetchall()
        derived = conn.execute("SELECT latest_condition_class FROM road_segments WHERE segment_id = ?", (seg,))
        assert derived.fetchone() == (1,)  # the twin's derived-field trigger ran inside the import
    assert who == [(session_user(),)]
    assert session == [(None,)]  # cleared again
