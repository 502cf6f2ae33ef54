"""Item 12: a bad catalog or a bad Processing parameter is a CatalogError / QgsProcessingException naming the file,
the key and what was expected — never a traceback, never a silently wrong answer."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from digiresan_plugin.core.catalog import CatalogError, load_catalog
from digiresan_plugin.core.identify.config import parse_identify
from digiresan_plugin.core.paths import default_catalog_path
from digiresan_plugin.processing import register_provider, unregister_provider

from .feedback import KeepingFeedback

BUNDLED = json.loads(default_catalog_path().read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "catalog.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    return path


def changed(edit) -> dict:
    data = copy.deepcopy(BUNDLED)
    edit(data)
    return data


def relation(data: dict, rel_id: str) -> dict:
    return next(r for r in data["relations"] if r["id"] == rel_id)


CASES = [  # (edit, key named, expectation named)
    (lambda d: d["identify"].__setitem__("default_radius_m", float("nan")), "identify.default_radius_m", "finite"),
    (lambda d: d["identify"].__setitem__("default_radius_m", float("inf")), "identify.default_radius_m", "finite"),
    (lambda d: d["identify"]["fallback"].__setitem__("max_distance_m", float("nan")),
     "identify.fallback.max_distance_m", "finite"),
    (lambda d: relation(d, "segment_signs").__setitem__("distance_m", float("-inf")), "distance_m", "finite"),
    (lambda d: d["identify"].__setitem__("metric_crs", "EPSG:4326"), "identify.metric_crs", "projected CRS in metres"),
    (lambda d: d["identify"].__setitem__("metric_crs", "EPSG:2249"), "identify.metric_crs", "projected CRS in metres"),
    (lambda d: d["identify"].__setitem__("metric_crs", "EPSG:999999"), "identify.metric_crs", "a known CRS"),
    (lambda d: d["identify"].__setitem__("default_radius_m", "2"), "identify.default_radius_m", "a number"),
    (lambda d: d["warnings"][0].__setitem__("years_default", -3), "years_default", "≥ 0"),
    (lambda d: d["warnings"][0].__setitem__("years_default", 2.5), "years_default", "integer"),
]


@pytest.mark.parametrize(("edit", "key", "expected"), CASES)
def test_bad_catalog_values_name_file_key_and_expectation(tmp_path, edit, key, expected):
    path = write(tmp_path, changed(edit))
    with pytest.raises(CatalogError) as raised:
        parse_identify(load_catalog(path))
    message = str(raised.value)
    assert str(path) in message and key in raised.value.key and expected in message


def test_non_utf8_catalog(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(BUNDLED, ensure_ascii=False).encode("latin-1", errors="replace"))
    with pytest.raises(CatalogError, match="UTF-8") as raised:
        load_catalog(path)
    assert raised.value.key == "(file)" and str(path) in str(raised.value)


def test_a_very_deep_catalog(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(CatalogError, match="nested"):
        load_catalog(path)


@pytest.fixture()
def provider(qgis_processing):
    yield register_provider()
    unregister_provider()


def run(parameters: dict) -> str:
    """The algorithm's errors, as the Processing dialog shows them (it must fail)."""
    import processing

    feedback = KeepingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("digiresan:report_at_point", {"POINT": "481600,7005600 [EPSG:3006]", **parameters},
                       feedback=feedback)
    return f"{raised.value}\n{feedback.text()}"


@pytest.mark.parametrize(("radius", "expected"), [("nan", "RADIUS_M: expected a finite number"),
                                                  ("inf", "Incorrect parameter value for RADIUS_M")])
def test_processing_refuses_a_radius_that_is_not_a_number(provider, demo_twin, tmp_path, radius, expected):
    assert expected in run(
        {"TWIN": str(demo_twin), "RADIUS_M": radius, "OUTPUT": str(tmp_path / "r.json")})


def test_processing_latin1_catalog_is_a_message(provider, demo_twin, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(BUNDLED, ensure_ascii=False).encode("latin-1", errors="replace"))
    errors = run({"TWIN": str(demo_twin), "CATALOG": str(path), "OUTPUT": str(tmp_path / "r.json")})
    assert "UTF-8" in errors and str(path) in errors


def test_processing_bad_metric_crs_is_a_message(provider, demo_twin, tmp_path):
    path = write(tmp_path, changed(lambda d: d["identify"].__setitem__("metric_crs", "EPSG:4326")))
    errors = run({"TWIN": str(demo_twin), "CATALOG": str(path), "OUTPUT": str(tmp_path / "r.json")})
    assert "identify.metric_crs" in errors and "EPSG:4326" in errors


def test_processing_unwritable_output_is_a_message(provider, demo_twin, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "no" / "such" / "dir" / "r.json"
    (folder / "no").write_text("a file where a folder should be")
    assert "OUTPUT: cannot write" in run({"TWIN": str(demo_twin), "OUTPUT": str(target)})
