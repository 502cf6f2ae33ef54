"""The twin's memory in the demo twin: the planted cases of ``demo.cases.KNOWN_CASES`` and nothing else warn; the
park card of Badhusparken answers who is responsible, under which agreement, and where the papers are."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeatureRequest

from demo.cases import KNOWN_CASES
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.identify.context import ReportContext

from .conftest import TODAY
from .fixtures_twin import open_layers

MEMORY_RULES = ("agreement_expiring", "regulation_without_sign", "sign_without_regulation", "park_asset_overdue")


@pytest.fixture()
def layers(qgis_app, demo_twin, catalog, project):
    return open_layers(demo_twin, catalog, project)


def engine_for(catalog, layers, language: str = "en") -> TwinEngine:
    return TwinEngine(catalog, layers.get, today=TODAY, language=language,
                      setting_values={"dig_moratorium_years": 3, "documents_folder": ""})


def feature(layers, layer_id: str, expression: str):
    (found,) = list(layers[layer_id].getFeatures(QgsFeatureRequest().setFilterExpression(expression)))
    return found


def test_only_the_planted_cases_warn(catalog, layers):
    engine = engine_for(catalog, layers)
    found = []
    for layer_id in ("agreements", "local_regulations", "traffic_signs", "park_assets"):
        ctx = ReportContext(engine.setup)
        for f in layers[layer_id].getFeatures():
            found += [(w.rule, w.refs[0].key) for w in engine.warnings_for_feature(layer_id, f, ctx)
                      if w.rule in MEMORY_RULES and w.refs[0].layer == layer_id]
    rules = sorted(rule for rule, _ in found)
    assert rules == ["agreement_expiring", "park_asset_overdue", "regulation_without_sign",
                     "sign_without_regulation", "sign_without_regulation"]  # Tullgatan's two C31-30
    regulation = KNOWN_CASES["regulation_without_sign"]
    assert ("regulation_without_sign", f"2380 {TODAY.year}:{regulation['number']}") in found


def test_badhusparken_card(catalog, layers):
    park = feature(layers, "parks", "\"name\" = 'Badhusparken'")
    report = engine_for(catalog, layers).report_for_feature("parks", park)
    case = KNOWN_CASES["agreement_expiring"]
    assert [s.id for s in report.sections] == ["assets", "agreements", "works", "regulations", "documents"]
    (agreement,) = report.section("agreements").items
    assert agreement.values["counterparty"] == case["counterparty"]
    assert agreement.extra["days_left"] == case["ends_in_days"]
    assert report.section("assets").total == sum(n for _, n in (("lekplats", 1), ("bänk", 3), ("belysning", 2),
                                                                 ("träd", 3), ("papperskorg", 2)))
    assert [w.rule for w in report.warnings if w.rule in MEMORY_RULES] == ["agreement_expiring",
                                                                            "park_asset_overdue"]
    assert case["contact"] in report.warnings[0].message
    docs = report.section("documents")
    assert docs.total == 1 and docs.summary["missing"] == 1  # the demo ships no files: reported as missing


def test_road_cards_regulations_and_mismatches(catalog, layers):
    engine = engine_for(catalog, layers)
    case = KNOWN_CASES["regulation_without_sign"]
    segment = feature(layers, "road_segments", f"\"segment_id\" = '{case['segment_id']}'")
    report = engine.report_for_feature("road_segments", segment)
    ids = [item.key for item in report.section("regulations").items]
    assert f"2380 {TODAY.year}:{case['number']}" in ids
    assert [w.rule for w in report.warnings if w.rule in MEMORY_RULES] == ["regulation_without_sign"]
    assert [i.title for i in report.section("agreements").items] == ["Winter road maintenance contract (AVT-0001)"]
    street = KNOWN_CASES["sign_without_regulation"]["street_name"]
    tullgatan = [engine.report_for_feature("road_segments", f) for f in layers["road_segments"].getFeatures(
        QgsFeatureRequest().setFilterExpression(f"\"street_name\" = '{street}'"))]
    flagged = {w.refs[0].key for r in tullgatan for w in r.warnings if w.rule == "sign_without_regulation"}
    assert len(flagged) == 2
    assert all(r.section("regulations").items == [] for r in tullgatan)  # 30 km/h but no regulation


def test_swedish_park_card(catalog, layers):
    park = feature(layers, "parks", "\"name\" = 'Badhusparken'")
    report = engine_for(catalog, layers, "sv").report_for_feature("parks", park)
    assert [s.title for s in report.sections] == ["Parkutrustning", "Avtal", "Arbeten", "Lokala trafikföreskrifter",
                                                  "Dokument"]
    assert "uppsägning senast" in report.warnings[0].message
