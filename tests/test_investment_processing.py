"""``digiresan:maintenance_candidates`` and ``digiresan:budget_scenario`` through processing.run, on the twins of
``tests/investment_fixture.py`` (answers known by construction)."""

from __future__ import annotations

import csv

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from digiresan_plugin.processing import register_provider, unregister_provider

from .investment_fixture import (
    BACKLOG_NOW,
    BUDGET,
    BUDGET_FOR_THREE,
    CANDIDATES,
    EXPECTED,
    PERMITS,
    TODAY,
    build_investment_twin,
)

COMMON = {"TODAY": TODAY.isoformat(), "LANGUAGE": 0, "MORATORIUM_YEARS": 3}


def run_failing(algorithm_id: str, params: dict) -> str:
    """The message of the QgsProcessingException the algorithm raises (processing.run only says "There were
    errors"): prepare and process called as QGIS does, in this thread."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        algorithm.prepareAlgorithm(params, context, feedback)
        algorithm.processAlgorithm(params, context, feedback)
    return str(raised.value)


@pytest.fixture()
def provider(qgis_processing):
    provider = register_provider()
    yield provider
    unregister_provider()


def test_maintenance_candidates_layer(provider, tmp_path):
    import processing

    twin = build_investment_twin(tmp_path / "twin.gpkg", CANDIDATES, PERMITS)
    out = tmp_path / "candidates.gpkg"
    result = processing.run("digiresan:maintenance_candidates", {"TWIN": str(twin), "OUTPUT": str(out), **COMMON})
    assert (result["COUNT"], result["COST_SEK"]) == (len(EXPECTED), BACKLOG_NOW)
    layer = QgsVectorLayer(str(out), "c", "ogr")
    rows = {f["segment_id"]: f for f in layer.getFeatures()}
    assert {k: (f["treatment"], f["cost_sek"]) for k, f in rows.items()} == EXPECTED
    assert rows["D1"]["coordination"] == "dig_first" and rows["D1"]["utilities"] == "Jämtkraft Elnät (el)"
    assert rows["A5"]["reason"] == "IRI 6.5 > 6.0 for class 4–5 streets; rut 10.0 mm; ÅDT 9,000"
    assert rows["A5"].geometry().length() == pytest.approx(100.0)


def test_budget_scenario_years_treated_and_accept(provider, tmp_path):
    import processing

    twin = build_investment_twin(tmp_path / "twin.gpkg", BUDGET)
    years_csv, treated = tmp_path / "years.csv", tmp_path / "treated.gpkg"
    params = {"TWIN": str(twin), "YEARS": 2, "BUDGET_SEK_PER_YEAR": f"{BUDGET_FOR_THREE}", "STRATEGY": [0],
              "OUTPUT": str(years_csv), "TREATED": str(treated), "ACCEPT": True, "SCENARIO_ID": "P-1", **COMMON}
    result = processing.run("digiresan:budget_scenario", params)
    assert result["WRITTEN"] == 4
    with years_csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["year"], r["treated"], float(r["spend_sek"]), float(r["backlog_sek"])) for r in rows] == [
        ("2026", "0", 0.0, 1_800_000.0), ("2027", "3", 1_350_000.0, 450_000.0), ("2028", "1", 450_000.0, 0.0)]
    layer = QgsVectorLayer(str(treated), "t", "ogr")
    assert sorted((f["year"], f["segment_id"]) for f in layer.getFeatures()) == [
        (2027, "B1"), (2027, "B2"), (2027, "B3"), (2028, "B4")]
    plan = QgsVectorLayer(f"{twin}|layername=paving_plan", "p", "ogr")
    assert sorted((f["segment_id"], f["planned_year"], f["scenario_id"]) for f in plan.getFeatures()) == [
        ("B1", 2027, "P-1"), ("B2", 2027, "P-1"), ("B3", 2027, "P-1"), ("B4", 2028, "P-1")]
    assert "already in" in run_failing("digiresan:budget_scenario", {**params, "OUTPUT": "memory:",
                                                                     "TREATED": "memory:"})


def test_budget_scenarios_side_by_side_and_bad_budget(provider, tmp_path):
    import processing

    twin = build_investment_twin(tmp_path / "twin.gpkg", BUDGET)
    out = tmp_path / "years.csv"
    processing.run("digiresan:budget_scenario", {
        "TWIN": str(twin), "YEARS": 1, "BUDGET_SEK_PER_YEAR": "450000, 900000", "STRATEGY": [0, 1],
        "OUTPUT": str(out), "TREATED": "memory:", **COMMON})
    with out.open(encoding="utf-8") as handle:
        rows = [(r["scenario_id"], r["treated"]) for r in csv.DictReader(handle) if r["year"] == "2027"]
    assert rows == [("worst_first-0.45MSEK", "1"), ("worst_first-0.9MSEK", "2"), ("benefit_cost-0.45MSEK", "1"),
                    ("benefit_cost-0.9MSEK", "2")]
    assert "Budget per year must be numbers in SEK, got 'tolv miljoner'" in run_failing(
        "digiresan:budget_scenario", {"TWIN": str(twin), "BUDGET_SEK_PER_YEAR": "tolv miljoner", "OUTPUT": "memory:",
                                      "TREATED": "memory:", **COMMON})


def test_a_bad_model_file_is_a_clear_error(provider, tmp_path):

    twin = build_investment_twin(tmp_path / "twin.gpkg", BUDGET)
    bad = tmp_path / "model.json"
    bad.write_text("{", encoding="utf-8")
    assert "model.json: key '(file)'" in run_failing(
        "digiresan:maintenance_candidates", {"TWIN": str(twin), "MODEL": str(bad), "OUTPUT": "memory:", **COMMON})
