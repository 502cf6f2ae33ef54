"""The quality report (``digiresan:check_twin``): a twin breaking every rule once gets exactly those problems,
a clean twin and the demo twin none; the run never changes the twin; a fault is reported, never an empty answer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from digiresan_plugin.core.quality import check_twin, prepare_inputs
from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.processing import register_provider, unregister_provider
from tests.quality_fixture import PLANTED, TODAY, build_quality_twin


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    return build_quality_twin(tmp_path_factory.mktemp("quality") / "planted.gpkg", planted=True)


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    return build_quality_twin(tmp_path_factory.mktemp("quality") / "clean.gpkg", planted=False)


@pytest.fixture()
def provider(qgis_processing):
    provider = register_provider()
    yield provider
    unregister_provider()


def run_check(path: Path, catalog, language: str = "en"):
    source = TwinSource.geopackage(path)
    layers = {spec.id: source.open_layer(spec) for spec in catalog.layers}
    return check_twin(catalog, prepare_inputs(catalog, layers), TODAY, language)


def found(report) -> list[tuple]:
    return sorted((p.rule, p.layer, "" if p.key is None else str(p.key)) for p in report.problems)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_planted_problem_is_found_once(planted, catalog):
    before = digest(planted)
    report = run_check(planted, catalog)
    assert found(report) == PLANTED
    assert report.not_checked == []
    for problem in report.problems:  # every problem names layer, key and field
        assert problem.layer and problem.field and problem.key is not None and problem.message
    by_rule = {p.rule: p for p in report.problems}
    assert by_rule["domain"].field == "surface" and "(found: lera)" in by_rule["domain"].message
    assert by_rule["hourly_counts"].geometry is not None  # counts have no geometry: their segment's
    assert by_rule["speed_sign_mismatch"].message == \
        "Sign C31-40 says 40, but Speed limit (km/h) of Road segments R2 is 50"
    assert by_rule["permit_status_dates"].message == "Status 'Pågående' but it ended 90 days ago (2026-08-29)"
    assert digest(planted) == before  # the run never writes


def test_clean_twin_says_so(clean, catalog):
    report = run_check(clean, catalog)
    assert report.problems == [] and report.not_checked == [] and report.clean


def test_demo_twin_has_no_problems(demo_twin, catalog):
    report = run_check(demo_twin, catalog)
    assert found(report) == []
    assert report.not_checked == []


def test_messages_in_swedish_name_the_fields(planted, catalog):
    report = run_check(planted, catalog, "sv")
    by_rule = {p.rule: p for p in report.problems}
    assert by_rule["domain"].message.startswith("Slitlager")
    assert "1\u00a0200" in next(p.message for p in report.problems if p.rule == "hourly_counts" and p.key == "R3")


def test_a_layer_it_cannot_query_is_reported_not_skipped(catalog):
    memory = QgsVectorLayer("Point?crs=EPSG:3006&field=sign_id:string&field=sign_code:string", "signs", "memory")
    report = check_twin(catalog, prepare_inputs(catalog, {"traffic_signs": memory}), TODAY, "en")
    assert not report.clean
    assert any("Traffic signs: attribute rules not checked" in note for note in report.not_checked)


def test_processing_check_twin_writes_the_problems(provider, planted, clean, tmp_path):
    import processing

    result = processing.run("digiresan:check_twin", {"TWIN": str(planted), "TODAY": TODAY.isoformat(),
                                                     "LANGUAGE": 0, "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer)
    rows = sorted((f["rule"], f["layer"], f["key"] or "") for f in layer.getFeatures())
    assert rows == PLANTED
    assert [f.name() for f in layer.fields()] == ["layer", "key", "fid", "field", "rule", "severity", "message"]
    located = {f["rule"] for f in layer.getFeatures() if not f.geometry().isEmpty()}
    assert {"geometry_invalid", "sign_far_from_road", "hourly_counts", "domain"} <= located
    assert "geometry_missing" not in located
    assert result["COUNT"] == len(PLANTED) and result["WARNINGS"] == 5

    clean_result = processing.run("digiresan:check_twin", {"TWIN": str(clean), "TODAY": TODAY.isoformat(),
                                                           "LANGUAGE": 0, "OUTPUT": "memory:"})
    assert clean_result["COUNT"] == 0
    assert clean_result["SUMMARY"].startswith("No problems found in 9 layers")


def test_postgis_twin_is_checked_in_the_database(pg_cluster, planted, catalog):
    pg_cluster.load_gpkg(planted)  # the database keeps them (rules added NOT VALID) and reports
    source = TwinSource.parse(f"pgservice:{pg_cluster.service_uri('reader')}")
    layers = {spec.id: source.open_layer(spec) for spec in catalog.layers}
    report = check_twin(catalog, prepare_inputs(catalog, layers), TODAY, "en")
    assert report.not_checked == []
    assert found(report) == PLANTED


def test_hourly_counts_over_several_years_null_years_and_null_keys(clean, catalog, tmp_path):
    """Counts grouped by segment then, for segments with several (or NULL) years, by year: only the latest year is
    held against ÅDT, every year must have each hour once, a NULL year is a year of its own, a NULL key no segment."""
    import shutil
    import sqlite3

    path = tmp_path / "years.gpkg"
    shutil.copy(clean, path)
    rows = ([("R1", h, 1000, 2024) for h in range(24)]  # an older full year far off ÅDT 2400: not the latest, fine
            + [("R1", h, 100, 2023) for h in range(23)]  # an older year with 23 hours: reported
            + [("R3", h, 5000, 2026) for h in range(24)]  # the latest year, 100× ÅDT 1200: reported
            + [("R2", 0, 10, None)]  # one count of no year: a year of its own with 1 row
            + [(None, h, 10, 2025) for h in range(5)])  # no segment: joins none, not reported
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO traffic_counts (segment_id, hour, vehicles, measured_year) VALUES (?, ?, ?, ?)",
                         rows)
    conn.close()
    report = run_check(path, catalog)
    hourly = sorted((str(p.key), p.field, p.message.split(":")[0].split(" sum")[0]) for p in report.problems
                    if p.rule == "hourly_counts")
    assert hourly == [("R1", "hour", "Counts of 2023"), ("R2", "hour", "Counts of NULL"),
                      ("R3", "vehicles", "Counts of 2026")]
