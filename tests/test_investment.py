"""Maintenance candidates, budget scenarios and the backlog on twins whose answers are known by construction
(``tests/investment_fixture.py``), the model file's validation, the paving-plan writer and the demo twin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from digiresan_plugin.core.investment.candidates import find_candidates
from digiresan_plugin.core.investment.model import ModelError, default_model_path, load_model
from digiresan_plugin.core.investment.network import read_network
from digiresan_plugin.core.investment.plan import PlanError, accept_scenario, delete_scenario
from digiresan_plugin.core.investment.scenario import run_scenario
from digiresan_plugin.core.investment.sources import SourceError, layer_inputs
from digiresan_plugin.core.twin_source import TwinSource

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

TABLES = ("road_segments", "road_condition", "paving_plan", "excavation_permits")


def _layers(path: Path, catalog) -> dict[str, QgsVectorLayer]:
    source = TwinSource.geopackage(path)
    layers = {t: source.open_layer(catalog.layer(t)) for t in TABLES}
    assert all(layer.isValid() for layer in layers.values())
    return layers


@pytest.fixture(scope="module")
def candidates_twin(tmp_path_factory) -> Path:
    return build_investment_twin(tmp_path_factory.mktemp("invest") / "candidates.gpkg", CANDIDATES, PERMITS)


@pytest.fixture()
def model():
    return load_model()


def _network(path: Path, catalog, model, layers=None):
    layers = layers or _layers(path, catalog)
    return read_network(catalog, model, layer_inputs(layers), TODAY), layers


def test_candidates_are_the_segments_above_a_limit_each_with_its_rule(qgis_app, candidates_twin, catalog, model):
    net, _layers_kept = _network(candidates_twin, catalog, model)
    found = {c.segment_id: c for c in find_candidates(model, net).candidates}
    assert set(found) == set(EXPECTED)  # A1, A3 just below a limit and T1 are not candidates
    for sid, (treatment, cost) in EXPECTED.items():
        assert (found[sid].treatment, round(found[sid].cost_sek)) == (treatment, cost), sid
    assert sum(c.cost_sek for c in found.values()) == pytest.approx(BACKLOG_NOW)


def test_each_candidate_says_why(qgis_app, candidates_twin, catalog, model):
    net, _kept = _network(candidates_twin, catalog, model)
    found = {c.segment_id: c for c in find_candidates(model, net).candidates}
    assert found["A5"].reason == "IRI 6.5 > 6.0 for class 4–5 streets; rut 10.0 mm; ÅDT 9,000"
    assert found["A5"].level == "urgent"
    assert found["A4"].reason.startswith("IRI 2.0; rut 15.1 mm > 15.0 for class 4–5 streets")
    assert found["W1"].width_assumed and "width assumed 7.0 m" in found["W1"].reason
    assert not found["A2"].width_assumed
    sv = {c.segment_id: c for c in find_candidates(model, net, language="sv").candidates}
    assert sv["A5"].reason.startswith("IRI 6,5 > 6,0 for gator i klass 4–5")


def test_coordination_dig_first_and_moratorium(qgis_app, candidates_twin, catalog, model):
    net, _kept = _network(candidates_twin, catalog, model)
    found = {c.segment_id: c for c in find_candidates(model, net, moratorium_years=3).candidates}
    d1 = found["D1"]
    assert (d1.coordination, d1.earliest_year, d1.permits) == ("dig_first", 2028, ("GT-D1",))
    assert d1.utilities == ("Jämtkraft Elnät (el)",)
    assert "dig first: GT-D1; pave from 2028" in d1.reason
    assert (found["M1"].coordination, found["M1"].earliest_year) == ("moratorium", 2028)
    assert found["A2"].coordination == "clear"  # its permit is closed
    assert found["A4"].coordination == "clear"  # its permit ended before today
    assert found["A5"].coordination == "clear"


def test_trend_forecasts_the_year_the_limit_is_crossed(qgis_app, candidates_twin, catalog, model):
    net, _kept = _network(candidates_twin, catalog, model)
    t1 = net.ids.index("T1")
    assert net.own_trend[t1]
    assert net.iri_rate[t1] == pytest.approx(0.5, abs=0.002)  # 2022 → 2024: +1.0 IRI; 2019 (before paving) ignored
    assessment = find_candidates(model, net)
    from digiresan_plugin.core.investment.network import year_of

    assert year_of(assessment.forecast_jd[t1]) == 2027  # 3.0 + 0.5/year crosses 4.5 in mid 2027
    a2 = net.ids.index("A2")
    assert not net.own_trend[a2]  # one inspection: the model's rate (asphalt, ÅDT 2 000–8 000)
    assert net.iri_rate[a2] == pytest.approx(0.15)


def test_a_budget_that_fits_exactly_three_segments(qgis_app, tmp_path, catalog, model):
    path = build_investment_twin(tmp_path / "budget.gpkg", BUDGET)
    net, _kept = _network(path, catalog, model)
    result = run_scenario(model, net, years=2, budget_sek_per_year=BUDGET_FOR_THREE, first_year=2027)
    first, second = result.years
    assert [t.segment_id for t in result.treated if t.year == 2027] == ["B1", "B2", "B3"]
    assert [t.segment_id for t in result.treated if t.year == 2028] == ["B4"]
    assert (first.spend_sek, first.treated, second.spend_sek) == (BUDGET_FOR_THREE, 3, 450_000)
    assert result.baseline.class_share[5] == 1.0 and result.baseline.backlog_sek == 4 * 450_000
    assert first.class_share[2] == pytest.approx(0.75) and first.class_share[5] == pytest.approx(0.25)
    assert (first.backlog_sek, second.backlog_sek) == (450_000, 0)
    assert second.acceptable_share == 1.0
    one_short = run_scenario(model, net, years=1, budget_sek_per_year=BUDGET_FOR_THREE - 1, first_year=2027)
    assert [t.segment_id for t in one_short.treated] == ["B1", "B2"]


def test_scenario_defers_moratorium_and_dig_first(qgis_app, candidates_twin, catalog, model):
    net, _kept = _network(candidates_twin, catalog, model)
    for strategy in ("worst_first", "benefit_cost"):
        result = run_scenario(model, net, years=2, budget_sek_per_year=1e9, strategy=strategy, first_year=2027,
                              moratorium_years=3)
        year_of_work = {t.segment_id: t.year for t in result.treated}
        assert year_of_work["M1"] == 2028 and year_of_work["D1"] == 2028, strategy
        assert year_of_work["A5"] == 2027
        assert result.years[0].deferred == 2
    assert result.baseline.backlog_sek == pytest.approx(BACKLOG_NOW)


def test_accepting_writes_the_paving_plan_and_deleting_undoes_it(qgis_app, tmp_path, catalog, model):
    path = build_investment_twin(tmp_path / "plan.gpkg", BUDGET)
    net, layers = _network(path, catalog, model)
    result = run_scenario(model, net, years=2, budget_sek_per_year=BUDGET_FOR_THREE, first_year=2027,
                          scenario_id="S-12")
    plan = layers["paving_plan"]
    assert accept_scenario(plan, catalog, model, result) == 4
    rows = sorted((f["segment_id"], f["planned_year"], f["treatment"], f["estimated_cost_sek"], f["scenario_id"])
                  for f in plan.getFeatures())
    assert rows == [("B1", 2027, "Fräsning och ny beläggning", 450_000, "S-12"),
                    ("B2", 2027, "Fräsning och ny beläggning", 450_000, "S-12"),
                    ("B3", 2027, "Fräsning och ny beläggning", 450_000, "S-12"),
                    ("B4", 2028, "Fräsning och ny beläggning", 450_000, "S-12")]
    with pytest.raises(PlanError, match="already in"):
        accept_scenario(plan, catalog, model, result)
    assert delete_scenario(plan, catalog, model, "S-12") == 4
    assert plan.featureCount() == 0


def test_the_bundled_model_loads_and_a_bad_one_names_the_key(tmp_path):
    model = load_model()
    assert [g.id for g in model.groups] == ["main", "collector", "local"]
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    data["class_groups"][1]["urgent"]["iri_mm_m"] = 4.0  # below its needs-action limit 4.5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match=r"class_groups\[1\]\.urgent"):
        load_model(bad)
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    data["treatments"][0]["unit_cost_sek_m2"] = "dyr"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match=r"treatments\[0\]\.unit_cost_sek_m2"):
        load_model(bad)
    with pytest.raises(ModelError, match="bad.json"):
        load_model(tmp_path / "missing" / "bad.json")


def test_a_missing_field_is_named(qgis_app, candidates_twin, catalog, tmp_path):
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    data["sources"]["segments"]["fields"]["aadt"] = "adt_total"
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SourceError, match="'road_segments' has no field 'adt_total'"):
        _network(candidates_twin, catalog, load_model(path))


def test_demo_twin_candidates_and_a_scenario(qgis_app, demo_twin, catalog, model):
    layers = _layers(demo_twin, catalog)
    net, _kept = _network(demo_twin, catalog, model, layers)
    assessment = find_candidates(model, net)
    assert 0 < len(assessment.candidates) < len(net)
    assert all(c.reason and c.treatment and c.cost_sek > 0 for c in assessment.candidates)
    result = run_scenario(model, net, years=5, budget_sek_per_year=12e6)
    assert [y.year for y in result.years] == [2027, 2028, 2029, 2030, 2031]
    assert all(y.spend_sek <= 12e6 for y in result.years)
    assert all(abs(sum(y.class_share.values()) - 1.0) < 1e-9 for y in result.years)


def _subject(layers, sid: str) -> dict:
    from qgis.core import QgsFeatureRequest

    layer = layers["road_segments"]
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{sid}'")))
    box = feature.geometry().boundingBox()
    return {"layer": "road_segments", "key": sid, "fid": feature.id(), "bbox_crs": "EPSG:3006",
            "bbox": [box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()]}


def test_the_road_card_gets_a_maintenance_section(qgis_app, candidates_twin, catalog, model):
    from digiresan_plugin.core.investment.card import MaintenanceCard

    layers = _layers(candidates_twin, catalog)
    card = MaintenanceCard(catalog, lambda: layers, today=lambda: TODAY, model=model)
    section = card({"subject": _subject(layers, "D1"), "language": "en"})
    values = section["items"][0]["values"]
    assert section["id"] == "maintenance" and section["kind"] == "attributes"
    assert values["level"] == "needs action" and values["treatment"] == "Ny beläggning"
    assert values["cost_sek"] == "300,000\u00a0kr"
    assert values["coordination"] == "dig first (Jämtkraft Elnät (el)); pave from 2028"
    t1 = card({"subject": _subject(layers, "T1"), "language": "en"})["items"][0]["values"]
    assert (t1["level"], t1["forecast_year"], t1["treatment"]) == ("acceptable", 2027, "none needed now")
    assert card({"subject": {"layer": "buildings", "key": "B1"}, "language": "en"}) is None


def test_the_maintenance_section_reads_its_segment_by_key_through_the_kept_sqlite_connection(
        qgis_app, candidates_twin, catalog, model, monkeypatch):
    """On a GeoPackage twin the card reads its segment, inspections and plan rows by key through this thread's kept
    read-only connection (no file opened per click) and says what the QGIS path says for every segment."""
    import sqlite3

    from digiresan_plugin.core.investment import sources
    from digiresan_plugin.core.investment.card import MaintenanceCard

    layers = _layers(candidates_twin, catalog)
    card = MaintenanceCard(catalog, lambda: layers, today=lambda: TODAY, model=model)
    keys = [f["segment_id"] for f in layers["road_segments"].getFeatures()]
    subjects = {sid: _subject(layers, sid) for sid in keys}
    card({"subject": subjects[keys[0]], "language": "en"})  # the kept connection opened
    opened = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sources.sqlite3, "connect", lambda *a, **k: opened.append(a) or real_connect(*a, **k))
    by_sql = {sid: card({"subject": subjects[sid], "language": "en"}) for sid in keys}
    assert opened == []
    monkeypatch.setattr(sources, "plain_gpkg_table", lambda _layer: None)  # every layer through QGIS
    by_qgis = {sid: card({"subject": subjects[sid], "language": "en"}) for sid in keys}
    assert by_sql == by_qgis
    assert by_sql["D1"]["items"][0]["values"]["treatment"] == "Ny beläggning"
