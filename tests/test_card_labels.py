"""Coded values read as their domain's label on the card, in the card's language; titles name the feature's kind.

Expected texts are the catalog's own labels for the fixtures' codes (tests/fixtures_twin.py, fixtures_memory.py):
S1's surface 'asfalt' is "Asphalt" / "Asfalt", its owner 'kommunal' "Municipal" / "Kommunal"; S2's owner is markup
outside the domain (shown as stored, escaped); sign codes are ids and stay codes.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsPointXY
from qgis.PyQt.QtCore import QLocale

from digiresan_plugin.core.catalog import CatalogError, load_catalog, parse_catalog
from digiresan_plugin.core.csv_style import csv_style
from digiresan_plugin.core.domains import parse_domains
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.identify.export import report_to_csv, report_to_csv_rows, report_to_json, report_to_text
from digiresan_plugin.core.identify.tabular import summary_values
from digiresan_plugin.core.paths import default_catalog_path
from digiresan_plugin.gui.card.render import CardRenderer, report_to_html

from .fixtures_memory import build_memory_twin
from .fixtures_twin import BOLD, ON_P1_ONLY, ON_S1, S1, S2, S3, TODAY, build_twin, open_layers

EPSG3006 = QgsCoordinateReferenceSystem("EPSG:3006")


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_twin(tmp_path_factory.mktemp("labels") / "twin.gpkg")


@pytest.fixture(scope="module")
def memory_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_memory_twin(tmp_path_factory.mktemp("labels_memory") / "twin.gpkg")


def engine_for(catalog, layers, language: str) -> TwinEngine:
    return TwinEngine(catalog, layers.get, today=TODAY, language=language,
                      setting_values={"dig_moratorium_years": 3, "documents_folder": ""})


def feature_card(engine: TwinEngine, layers, layer_id: str, key_field: str, key: str):
    request = QgsFeatureRequest().setFilterExpression(f"\"{key_field}\" = '{key}'")
    (feature,) = list(layers[layer_id].getFeatures(request))
    return engine.report_for_feature(layer_id, feature)


def texts(report) -> dict:
    return {a.field: a.text for a in report.subject.attributes}


@pytest.mark.parametrize("language, surface, owner, speed, kind", [
    ("en", "Asphalt", "Municipal", "50 km/h", "Road segment"),
    ("sv", "Asfalt", "Kommunal", "50 km/h", "Vägsegment"),
])
def test_road_card_shows_domain_labels(qgis_app, catalog, twin, project, language, surface, owner, speed, kind):
    layers = open_layers(twin, catalog, project)
    report = engine_for(catalog, layers, language).report_at_point(QgsPointXY(*ON_S1), EPSG3006, 2.0)
    assert report.subject.kind == kind
    assert report.subject.value("surface") == "asfalt"  # the stored code stays the value
    shown = texts(report)
    assert (shown["surface"], shown["road_owner"], shown["speed_limit_kmh"]) == (surface, owner, speed)
    assert shown["street_name"] is None and shown["segment_id"] is None  # no domain: shown as stored
    assert shown["functional_class"] is None  # a range domain has no labels
    latest = report.section("condition").items[0]
    assert latest.values["condition_class"] == 4
    assert latest.labels["condition_class"] == {"en": "4 – poor", "sv": "4 – dålig"}[language]
    signs = {i.values["sign_code"]: i for i in report.section("signs").items}
    assert "sign_code" not in signs["C31-50"].labels  # a sign code is an id ("show": "code"): kept
    assert signs["C31-50"].labels["side"] == {"en": "Right", "sv": "Höger"}[language]
    permits = {i.key: i for i in report.section("excavations").items}
    assert permits["GT-2026-0002"].labels["utility"] == {"en": "Electricity", "sv": "El"}[language]
    assert permits["GT-2026-0002"].labels["status"] == {"en": "In progress", "sv": "Pågående"}[language]
    plan = report.section("paving_plan").items
    assert [i.labels["treatment"] for i in plan] == {
        "en": ["New surfacing", "Sealing"], "sv": ["Ny beläggning", "Försegling"]}[language]

    paving = [w.message for w in report.warnings if w.kind == "dig_before_paving"]
    assert paving and all({"en": "New surfacing", "sv": "Ny beläggning"}[language] in m for m in paving)

    html = report_to_html(report, QLocale("sv_SE"))
    assert f"{kind}</p>" in CardRenderer(report).header_html()
    assert f">{surface}</td>" in html and ">asfalt<" not in html
    assert {"en": "4 – poor", "sv": "4 – dålig"}[language] in html
    text = report_to_text(report, QLocale("sv_SE"))
    assert f"  {'Surface' if language == 'en' else 'Slitlager'}: {surface}" in text


def test_values_outside_a_domain_and_nulls_are_shown_as_stored(qgis_app, catalog, twin, project):
    layers = open_layers(twin, catalog, project)
    engine = engine_for(catalog, layers, "en")
    s2 = feature_card(engine, layers, "road_segments", "segment_id", S2)
    assert texts(s2)["road_owner"] is None and s2.subject.value("road_owner") == BOLD
    html = report_to_html(s2)
    assert "&lt;b&gt;kommunal&lt;/b&gt; &amp; &#x27;co&#x27;" in html and BOLD not in html
    s3 = feature_card(engine, layers, "road_segments", "segment_id", S3)
    assert all(a.text is None for a in s3.subject.attributes)


def test_a_label_is_escaped_like_any_value(qgis_app, twin, project, tmp_path):
    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    surface = next(v for v in data["domains"]["surface"]["values"] if v["code"] == "asfalt")
    surface["en"] = "<i>Asphalt</i> & co"
    path = tmp_path / "twin_catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for name in ("styles", "sign_codes.json"):
        (tmp_path / name).symlink_to(default_catalog_path().parent / name)
    catalog = load_catalog(path)
    layers = open_layers(twin, catalog, project)
    report = engine_for(catalog, layers, "en").report_at_point(QgsPointXY(*ON_S1), EPSG3006, 2.0)
    assert texts(report)["surface"] == "<i>Asphalt</i> & co"
    html = report_to_html(report)
    assert "&lt;i&gt;Asphalt&lt;/i&gt; &amp; co" in html and "<i>Asphalt" not in html


@pytest.mark.parametrize("language, title, kind", [
    ("en", "Excavation permit – Östersunds kommun VA (GT-2026-0001)", "Excavation permit"),
    ("sv", "Grävtillstånd – Östersunds kommun VA (GT-2026-0001)", "Grävtillstånd"),
])
def test_permit_card_title_names_its_kind_applicant_and_id(qgis_app, catalog, twin, project, language, title, kind):
    layers = open_layers(twin, catalog, project)
    report = engine_for(catalog, layers, language).report_at_point(QgsPointXY(*ON_P1_ONLY), EPSG3006, 2.0)
    assert (report.subject.title, report.subject.kind) == (title, kind)
    assert texts(report)["utility"] == {"en": "Water and sewer", "sv": "Vatten och avlopp"}[language]
    assert report_to_text(report).splitlines()[0] == title  # the title names the kind already


@pytest.mark.parametrize("language, agreement, park, asset", [
    ("en", "Agreement – Maintenance agreement with Parkservice AB (AV-1)", "Park – Badhusparken", "Playground (PA-1)"),
    ("sv", "Avtal – Skötselavtal med Parkservice AB (AV-1)", "Park – Badhusparken", "Lekplats (PA-1)"),
])
def test_agreement_and_park_titles(qgis_app, catalog, memory_twin, project, language, agreement, park, asset):
    layers = open_layers(memory_twin, catalog, project)
    engine = engine_for(catalog, layers, language)
    report = feature_card(engine, layers, "agreements", "agreement_id", "AV-1")
    assert report.subject.title == agreement
    assert report.subject.kind == {"en": "Agreement", "sv": "Avtal"}[language]
    report = feature_card(engine, layers, "parks", "park_id", "PARK-1")
    assert (report.subject.title, report.subject.kind) == (park, "Park")
    # an item title from a template reads the label too; the agreements listed name their kind
    agreements = {i.key: i.title for i in report.section("agreements").items}
    assert agreements["AV-1"] == {"en": "Maintenance agreement (AV-1)", "sv": "Skötselavtal (AV-1)"}[language]
    report = feature_card(engine, layers, "park_assets", "asset_id", "PA-1")
    assert report.subject.title == asset
    overdue = next(w for w in report.warnings if w.rule == "park_asset_overdue")
    assert overdue.message.startswith(asset.split(" (")[0] + " PA-1: ")  # "Playground PA-1: last inspected …"


def test_exports_keep_their_documented_form(qgis_app, catalog, twin, project):
    """JSON and the raw CSV (Processing, machines) keep the stored codes, the labels beside them in JSON; the
    spreadsheet CSV in the UI language reads like the card; the flat "report for features" row keeps codes."""
    layers = open_layers(twin, catalog, project)
    report = engine_for(catalog, layers, "sv").report_at_point(QgsPointXY(*ON_S1), EPSG3006, 2.0)
    data = json.loads(report_to_json(report))
    surface = next(a for a in data["subject"]["attributes"] if a["field"] == "surface")
    assert (surface["value"], surface["text"]) == ("asfalt", "Asfalt")
    assert data["subject"]["kind"] == "Vägsegment" and data["subject"]["layer_title"] == "Vägsegment"
    street = next(a for a in data["subject"]["attributes"] if a["field"] == "street_name")
    assert "text" not in street  # only values with a label carry one
    raw = report_to_csv_rows(report)
    assert ["subject", "road_segments", S1, "1", "surface", "Slitlager", "asfalt"] in raw
    sheet = list(csv.reader(io.StringIO(report_to_csv(report, csv_style("sv")).lstrip("\ufeff")), delimiter=";"))
    assert ["subject", "road_segments", S1, "1", "surface", "Slitlager", "Asfalt"] in sheet
    assert any(r[4] == "side" and r[6] == "Höger" for r in sheet)
    assert any(r[4] == "sign_code" and r[6] == "C31-50" for r in sheet)  # a sign code stays a code
    flat = summary_values(report)
    assert flat["signs_codes"] == "B2, C31-50, E19" and flat["condition_latest"] == 4


def test_layer_kinds_are_declared_for_every_layer(catalog):
    for spec in catalog.layers:
        assert spec.kind is not None, spec.id
    assert catalog.layer("road_segments").kind_text("en") == "Road segment"
    assert catalog.layer("buildings").kind_text("sv") == "Byggnad"
    assert catalog.layer("traffic_signs").kind_text("sv") == "Vägmärke"


def test_a_catalog_without_kinds_falls_back_to_the_title_and_a_bad_show_is_refused(qgis_app):
    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    plain = copy.deepcopy(data)
    for layer in plain["layers"]:
        layer.pop("kind", None)
    catalog = parse_catalog(plain, default_catalog_path())
    assert catalog.layer("road_segments").kind_text("en") == "Road segments"
    broken = copy.deepcopy(data)
    broken["layers"][0]["kind"] = {"en": "Permit"}
    with pytest.raises(CatalogError, match=r"layers\[0:excavation_permits\]\.kind\.sv"):
        parse_catalog(broken, default_catalog_path())
    broken = copy.deepcopy(data)
    broken["domains"]["surface"]["show"] = "name"
    with pytest.raises(CatalogError, match=r"domains\.surface\.show"):
        parse_domains(parse_catalog(broken, default_catalog_path()))


@pytest.mark.parametrize("locale, cost, linked, lines", [
    # AV-1's annual cost is 180000 (fixtures_memory); Swedish groups with a narrow no-break space
    ("sv_SE", "180\u202f000\u00a0kr", "Park", ["  Årskostnad: 180\u202f000\u00a0kr", "  Kopplat lager: Park"]),
    ("en_GB", "180,000\u00a0kr", "Park", ["  Annual cost: 180,000\u00a0kr", "  Linked layer: Park"]),
])
def test_amounts_read_as_kronor_and_linked_layers_as_their_kind(qgis_app, catalog, memory_twin, project, locale,
                                                                cost, linked, lines):
    layers = open_layers(memory_twin, catalog, project)
    language = locale[:2]
    engine = TwinEngine(catalog, layers.get, today=TODAY, language=language, locale=QLocale(locale),
                        setting_values={"dig_moratorium_years": 3, "documents_folder": ""})
    report = feature_card(engine, layers, "agreements", "agreement_id", "AV-1")
    assert report.subject.value("annual_cost_sek") == 180000  # the stored number stays the value
    assert (texts(report)["annual_cost_sek"], texts(report)["linked_layer"]) == (cost, linked)
    text = report_to_text(report, QLocale(locale)).splitlines()
    assert [line for line in lines if line not in text] == []  # the label drops "(kr)": the value says it
    html = report_to_html(report, QLocale(locale))
    assert f">{cost}</td>" in html.replace("&nbsp;", "\u00a0")
    data = json.loads(report_to_json(report))
    cost_attr = next(a for a in data["subject"]["attributes"] if a["field"] == "annual_cost_sek")
    assert cost_attr["value"] == 180000


def test_without_a_locale_amounts_stay_numbers(qgis_app, catalog, memory_twin, project):
    """Processing and data outputs (no locale): the number, no kronor text; the layer id still reads as its kind."""
    layers = open_layers(memory_twin, catalog, project)
    report = feature_card(engine_for(catalog, layers, "en"), layers, "agreements", "agreement_id", "AV-1")
    assert texts(report)["annual_cost_sek"] is None and texts(report)["linked_layer"] == "Park"


@pytest.mark.parametrize("label, shown, expected", [
    ("Speed limit (km/h)", "30 km/h", "Speed limit"),
    ("Speed limit (km/h)", "Walking pace", "Speed limit (km/h)"),  # the text has no unit: the label keeps it
    ("Årskostnad (kr)", "370\u202f000\u00a0kr", "Årskostnad"),
    ("Condition class (1–5)", "3 – fair", "Condition class (1–5)"),
    ("Area (m²)", "1250", "Area (m²)"),
    ("Annual cost (SEK)", "180,000\u00a0kr", "Annual cost"),
    ("(kr)", "5 kr", "(kr)"),  # a label that is only a unit stays
    ("Cost (kr)", "5kr", "Cost (kr)"),  # not a unit after a space
])
def test_a_unit_the_value_carries_is_not_repeated_in_the_label(label, shown, expected):
    from digiresan_plugin.core.identify.display import attribute_label
    from digiresan_plugin.core.identify.report import Attribute

    assert attribute_label(Attribute("f", label, 1), shown) == expected


def test_a_catalog_layers_domain_lists_the_layers_and_refuses_other_tables(qgis_app):
    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    domains = parse_domains(parse_catalog(data, default_catalog_path()))
    twin_layer = domains.domains["twin_layer"]
    assert twin_layer.label("buildings", "sv") == "Byggnad" and twin_layer.label("parks", "en") == "Park"
    assert twin_layer.allows("road_segments") and not twin_layer.allows("ideas") and not twin_layer.allows("Parks")
    for change, key in (({"table": "layers.json"}, r"domains\.twin_layer\.table"),
                        ({"type": "integer"}, r"domains\.twin_layer\.type")):
        broken = copy.deepcopy(data)
        broken["domains"]["twin_layer"].update(change)
        with pytest.raises(CatalogError, match=key):
            parse_domains(parse_catalog(broken, default_catalog_path()))
    broken = copy.deepcopy(data)
    broken["field_rules"]["agreements"]["annual_cost_sek"]["amount"] = "yes"
    with pytest.raises(CatalogError, match=r"field_rules\.agreements\.annual_cost_sek\.amount"):
        parse_domains(parse_catalog(broken, default_catalog_path()))
