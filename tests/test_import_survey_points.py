"""Pavement survey by position: survey points or chainage sections linked to the nearest segment, several on one
segment and date combined into one condition record (the mean, weighted by section length), the class derived
from the combined values. Expected values worked out by hand from the fixture."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from digiresan_plugin.core.importing import load_mapping, run_import
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, ORIGIN, nvdb_key, nvdb_row, write_csv, write_vector

SEGMENTS = 6


def run(catalog, twin: Path, source: Path, preset: str, **kwargs):
    return run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(preset), today=TODAY, **kwargs)


def condition(twin: Path, segment: int) -> list[tuple]:
    with sqlite3.connect(twin) as conn:
        return conn.execute("SELECT inspected_on, iri_mm_m, rut_depth_mm, condition_class FROM road_condition "
                            "WHERE segment_id = ? ORDER BY inspected_on", (nvdb_key(nvdb_row(segment)),)).fetchall()


@pytest.fixture()
def twin(demo_twin, tmp_path, catalog) -> Path:
    """Segment i runs 100 m east from (ORIGIN.x + 120 i, ORIGIN.y)."""
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(SEGMENTS)], NVDB_FIELDS, 3006)
    assert run(catalog, path, source, "nvdb_roads").inserted == SEGMENTS
    return path


def test_chainage_sections_on_one_segment_become_one_length_weighted_record(catalog, twin, tmp_path):
    x0, y = ORIGIN[0] + 2 * 120, ORIGIN[1] - 2  # along segment 2, 2 m beside it
    sections = [(0, 10, "1,0", "2"), (10, 20, "2,0", "2"), (20, 40, "3,0", "4"), (40, 60, "4,0", "4"),
                (60, 100, "5,0", "4")]
    rows = [["2026-05-03", iri, rut, start, end, x0 + (start + end) / 2, y] for start, end, iri, rut in sections]
    rows.append(["2026-05-03", "1,0", "2", "30", "20", x0 + 25, y])  # ends before it starts
    source = write_csv(tmp_path / "survey.csv", ["Datum", "IRI", "Spårdjup", "Från_m", "Till_m", "X", "Y"], rows)
    result = run(catalog, twin, source, "pavement_survey", crs="EPSG:3006")
    assert result.counts() == {"read": 6, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert result.balanced
    assert (result.rejections[0].row, result.rejections[0].field) == (6, "Till_m")  # the file's own column
    assert "must end after it starts" in result.rejections[0].reason
    # IRI (10·1 + 10·2 + 20·3 + 20·4 + 40·5) / 100 = 3.7 → class 4 (3.5–5.0); rut (20+20+80+80+160)/100 = 3.6 → 1
    [(day, iri, rut, klass)] = condition(twin, 2)
    assert (day, klass) == ("2026-05-03", 4)
    assert (iri, rut) == (pytest.approx(3.7), pytest.approx(3.6))
    again = run(catalog, twin, source, "pavement_survey", crs="EPSG:3006")
    assert (again.unchanged, again.rejected) == (5, 1)


def test_survey_points_are_linked_to_the_nearest_segment_and_combined_per_date(catalog, twin, tmp_path):
    x4, x5, y = ORIGIN[0] + 4 * 120, ORIGIN[0] + 5 * 120, ORIGIN[1] + 3
    rows = [["2026-05-03", "1,0", "3", x4 + 10, y], ["2026-05-03", "2,0", "3", x4 + 50, y],
            ["2026-05-03", "6,0", "3", x4 + 90, y],       # segment 4: mean IRI 3.0 → class 3, rut 3 → class 1
            ["2026-06-01", "1,2", "3", x4 + 50, y],        # segment 4, another date: a record of its own
            ["2026-05-03", "1,2", "12", x5 + 50, y - 6],   # segment 5 alone: rut 12 → class 3
            ["2026-05-03", "1,0", "2", 490000, 7000000]]   # far from any segment
    source = write_csv(tmp_path / "points.csv", ["Datum", "IRI", "Spårdjup", "X", "Y"], rows)
    result = run(catalog, twin, source, "pavement_survey", crs="EPSG:3006")
    assert result.counts() == {"read": 6, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert [(r.row, r.field, r.reason) for r in result.rejections] == [
        (6, "segment_id", "nothing in 'Road segments' within 25 m")]
    assert condition(twin, 4) == [("2026-05-03", pytest.approx(3.0), pytest.approx(3.0), 3),
                                  ("2026-06-01", pytest.approx(1.2), pytest.approx(3.0), 1)]
    assert condition(twin, 5) == [("2026-05-03", pytest.approx(1.2), pytest.approx(12.0), 3)]


def test_a_row_with_its_segment_id_is_not_combined_with_positioned_ones(catalog, twin, tmp_path):
    seg = nvdb_key(nvdb_row(1))
    x1, y = ORIGIN[0] + 120, ORIGIN[1] + 2
    source = write_csv(tmp_path / "mixed.csv", ["Sträcka", "Datum", "IRI", "Spårdjup", "X", "Y"], [
        [seg, "2026-05-03", "1,0", "2", "", ""], ["", "2026-05-03", "4,0", "2", x1 + 50, y]])
    result = run(catalog, twin, source, "pavement_survey", crs="EPSG:3006")
    assert (result.inserted, result.rejected) == (1, 1)
    assert "appears twice in the file (first at row 1)" in result.rejections[0].reason
    assert condition(twin, 1) == [("2026-05-03", pytest.approx(1.0), pytest.approx(2.0), 1)]
