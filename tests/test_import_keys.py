"""A key built from a template (issue #12's quick path for text and float values, the full way for the rest):
keys written out by hand, so the two paths are held to the same answers."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from digiresan_plugin.core.importing import load_mapping, run_import
from digiresan_plugin.core.twin_source import TwinSource

from .conftest import TODAY
from .import_fixtures import NVDB_FIELDS, nvdb_row, write_csv, write_vector


@pytest.fixture()
def twin(demo_twin, tmp_path) -> Path:
    path = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, path)
    return path


def keys(twin: Path, like: str) -> list[str]:
    with sqlite3.connect(twin) as conn:
        return [r[0] for r in conn.execute("SELECT segment_id FROM road_segments WHERE segment_id LIKE ? "
                                           "ORDER BY segment_id", (like,))]


def test_nvdb_keys_from_text_and_float_measures(catalog, twin, tmp_path):
    source = write_vector(tmp_path / "nvdb.gpkg", [
        nvdb_row(0, ROUTE_ID="{K-0}"),
        nvdb_row(1, ROUTE_ID="  {K-1}  ", FROM_MEASURE=0.125, TO_MEASURE=0.5),  # stripped, formatted
        nvdb_row(2, ROUTE_ID="{K-{2}}", FROM_MEASURE=0.333333333, TO_MEASURE=1.0),  # braces in a value
        nvdb_row(3, ROUTE_ID=None),  # no key
    ], NVDB_FIELDS, 3006)
    result = run_import(catalog, TwinSource.geopackage(twin), source, load_mapping("nvdb_roads"), today=TODAY)
    assert result.counts() == {"read": 4, "inserted": 3, "updated": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert [r.row for r in result.rejections] == [4] and result.rejections[0].field == "segment_id"
    assert keys(twin, "NVDB-{K-%") == ["NVDB-{K-0}-0.00000-1.00000", "NVDB-{K-1}-0.12500-0.50000",
                                       "NVDB-{K-{2}}-0.33333-1.00000"]


def test_template_keys_from_text_cells_go_the_full_way(catalog, twin, tmp_path):
    mapping = tmp_path / "keyed.json"
    mapping.write_text(json.dumps({
        "format": 1, "id": "keyed", "title": {"en": "K", "sv": "K"}, "layer": "road_segments",
        "key": ["segment_id"], "csv": {"wkt": ["WKT"]},
        "fields": {"segment_id": {"template": "T-{A}-{M:.2f}"}, "street_name": {"from": "NAMN"}}}),
        encoding="utf-8")
    line = "LINESTRING(484000 7004000,484100 7004000)"
    source = write_csv(tmp_path / "k.csv", ["A", "M", "NAMN", "WKT"], [
        ["x", "1.5", "Nyckelgatan", line],
        [" y ", "2", "Nyckelgatan", line],
        ["z", "abc", "Nyckelgatan", line],
    ])
    result = run_import(catalog, TwinSource.geopackage(twin), source, load_mapping(str(mapping)), today=TODAY,
                        crs="EPSG:3006")
    assert (result.inserted, result.rejected) == (2, 1)
    assert [r.row for r in result.rejections] == [3]
    assert "cannot build the key from T-{A}-{M:.2f}" in result.rejections[0].reason
    assert keys(twin, "T-%") == ["T-x-1.50", "T-y-2.00"]
