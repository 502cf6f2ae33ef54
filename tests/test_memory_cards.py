"""The twin as the municipality's memory: agreements, documents, local regulations and park assets on the cards and
their warnings, on the fixture whose answers are known by construction (tests/fixtures_memory.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QLocale

from digiresan_plugin.core.identify import TwinEngine

from .fixtures_memory import TODAY, build_memory_twin
from .fixtures_twin import S1, S2, open_layers

PR1 = "Östersund Hjorten 3"


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_memory_twin(tmp_path_factory.mktemp("memory") / "twin.gpkg")


@pytest.fixture()
def layers(qgis_app, twin, catalog, project):
    return open_layers(twin, catalog, project)


def engine_for(catalog, layers, language: str = "en") -> TwinEngine:
    return TwinEngine(catalog, layers.get, today=TODAY, language=language,
                      setting_values={"dig_moratorium_years": 3, "documents_folder": ""})


def card(engine: TwinEngine, layers, layer_id: str, key_field: str, key: str):
    request = QgsFeatureRequest().setFilterExpression(f"\"{key_field}\" = '{key}'")
    (feature,) = list(layers[layer_id].getFeatures(request))
    return engine.report_for_feature(layer_id, feature)


def keys(section) -> list:
    return [item.key for item in section.items]


def rules(report) -> list[tuple[str, str]]:
    return [(w.rule, w.refs[0].key) for w in report.warnings if w.rule]


def test_park_card_assets_agreements_works_rules_documents(catalog, layers):
    report = card(engine_for(catalog, layers), layers, "parks", "park_id", "PARK-1")
    assert [s.id for s in report.sections] == ["assets", "agreements", "works", "regulations", "documents"]
    assert keys(report.section("assets")) == ["PA-3", "PA-4", "PA-1", "PA-2"]  # Bench, Litter bin, Playground ×2
    assert keys(report.section("agreements")) == ["AV-5", "AV-1"]  # AV-1 covers and is linked: listed once
    av1 = report.section("agreements").items[1]
    assert av1.extra["days_left"] == 60 and av1.extra["state"] == "ongoing"
    assert report.section("agreements").items[0].extra["state"] == "ended"
    assert report.section("works").items == []
    assert keys(report.section("regulations")) == ["2380 2026:5"]
    assert keys(report.section("documents")) == ["DOC-2", "DOC-1"]  # newest first; DOC-7 names another park
    assert rules(report) == [("agreement_expiring", "AV-1"), ("park_asset_overdue", "PA-1")]
    expiring = report.warnings[0].message
    assert "AV-1" in expiring and "in 60 days" in expiring and "2026-10-26" in expiring
    assert "Anna Ek, 063-14 30 00" in expiring  # who to contact


def test_item_warning_dates_read_as_the_cards_dates(catalog, layers):
    """With the card's locale (en_US) the agreement's end and notice date read "1/26/2027", "10/26/2026" (today
    2026-11-27 + 60 days; 3 months' notice before it)."""
    engine = TwinEngine(catalog, layers.get, today=TODAY, language="en", locale=QLocale("en_US"),
                        setting_values={"dig_moratorium_years": 3, "documents_folder": ""})
    expiring = card(engine, layers, "parks", "park_id", "PARK-1").warnings[0].message
    assert "ends 1/26/2027, in 60 days: notice was due by 10/26/2026" in expiring


def test_assets_sorted_by_kind_then_id(catalog, layers):
    """By kind as the card reads it (the domain's labels in the card's language), then by id."""
    report = card(engine_for(catalog, layers), layers, "parks", "park_id", "PARK-1")
    assert [i.values["kind"] for i in report.section("assets").items] == ["bänk", "papperskorg", "lekplats",
                                                                            "lekplats"]
    assert [i.labels["kind"] for i in report.section("assets").items] == ["Bench", "Litter bin", "Playground",
                                                                            "Playground"]
    report = card(engine_for(catalog, layers, "sv"), layers, "parks", "park_id", "PARK-1")
    assert [i.labels["kind"] for i in report.section("assets").items] == ["Bänk", "Lekplats", "Lekplats",
                                                                            "Papperskorg"]


def test_documents_link_files_that_exist_and_report_missing_ones(catalog, layers, twin):
    report = card(engine_for(catalog, layers), layers, "parks", "park_id", "PARK-1")
    docs = {i.key: i.extra for i in report.section("documents").items}
    present = docs["DOC-1"]
    assert present["missing"] is False and present["href"] == (twin.parent / "docs/badhusparken.pdf").resolve().as_uri()
    missing = docs["DOC-2"]
    assert missing["missing"] is True and missing["href"] is None
    assert missing["path"] == str(twin.parent / "docs/saknas.pdf")
    assert report.section("documents").summary == {"count": 2, "missing": 1}
    road = card(engine_for(catalog, layers), layers, "road_segments", "segment_id", S1)
    (photo,) = road.section("documents").items
    assert photo.extra == {"href": "https://example.org/s1.jpg", "missing": False, "path": None}
    agreement = engine_for(catalog, layers).report_for_feature(
        "agreements", next(layers["agreements"].getFeatures(QgsFeatureRequest().setFilterExpression(
            "\"agreement_id\" = 'AV-1'"))))
    (absolute,) = agreement.section("documents").items
    assert absolute.extra["missing"] is False and absolute.extra["href"].endswith("/docs/av1.pdf")


def test_relative_documents_without_a_twin_folder_are_missing():
    from digiresan_plugin.core.identify.sections.documents import resolve_document

    assert resolve_document("docs/a.pdf", None) == {"href": None, "missing": True, "path": "docs/a.pdf"}
    assert resolve_document("", "/tmp")["href"] is None and not resolve_document(None, "/tmp")["missing"]


def test_road_card_regulations_along_it_next_to_its_signs(catalog, layers):
    report = card(engine_for(catalog, layers), layers, "road_segments", "segment_id", S1)
    ids = [s.id for s in report.sections]
    assert ids.index("regulations") == ids.index("signs") + 1
    assert keys(report.section("regulations")) == ["2380 2026:1", "2380 2026:2"]  # LTF-3 only crosses S1
    assert keys(report.section("agreements")) == ["AV-2"]
    assert report.section("agreements").items[0].extra["days_left"] == 200
    assert [(w.rule, w.refs[0].key) for w in report.warnings if w.rule == "regulation_without_sign"] == [
        ("regulation_without_sign", "2380 2026:1")]
    assert sum(1 for w in report.warnings if w.kind in ("moratorium", "permit_overlap", "dig_before_paving")) == 7
    assert not [w for w in report.warnings if w.rule in ("agreement_expiring", "sign_without_regulation")]


def test_sign_without_regulation_on_the_street_and_the_sign(catalog, layers):
    engine = engine_for(catalog, layers)
    street = card(engine, layers, "road_segments", "segment_id", S2)
    assert rules(street) == [("sign_without_regulation", "SIGN-6")]
    assert "C31-40" in street.warnings[0].message and "40 km/h" in street.warnings[0].message
    sign = card(engine, layers, "traffic_signs", "sign_id", "SIGN-6")
    assert rules(sign) == [("sign_without_regulation", "SIGN-6")]
    for matched in ("SIGN-1", "SIGN-9"):  # the general limit; a sign beside its regulation
        assert rules(card(engine, layers, "traffic_signs", "sign_id", matched)) == []
    far = card(engine, layers, "local_regulations", "regulation_id", "2380 2026:4")
    assert rules(far) == [] and keys(far.section("signs")) == ["SIGN-9"]


def test_building_and_property_cards(catalog, layers):
    engine = engine_for(catalog, layers)
    building = card(engine, layers, "buildings", "building_id", "BLD-1")
    assert [s.id for s in building.sections] == ["property", "agreements", "documents"]
    assert keys(building.section("agreements")) == ["AV-3"]  # AV-8 names PARK-1 under buildings: not here
    assert keys(building.section("documents")) == ["DOC-4"]
    assert rules(building) == []
    prop = card(engine, layers, "properties", "designation", PR1)
    assert [s.id for s in prop.sections] == ["buildings", "agreements", "works", "documents"]
    assert keys(prop.section("agreements")) == ["AV-4"]
    assert prop.section("agreements").items[0].extra["state"] == "ongoing"  # no end: no days left
    assert prop.section("agreements").items[0].extra["days_left"] is None
    assert keys(prop.section("documents")) == ["DOC-5"]


def test_swedish_cards(catalog, layers):
    engine = engine_for(catalog, layers, "sv")
    park = card(engine, layers, "parks", "park_id", "PARK-1")
    assert [s.title for s in park.sections] == ["Parkutrustning", "Avtal", "Arbeten", "Lokala trafikföreskrifter",
                                                "Dokument"]
    assert park.warnings[0].message.startswith("Avtal AV-1 (Skötselavtal) med Parkservice AB löper ut")
    assert "Kontakta Anna Ek" in park.warnings[0].message
    assert "senast besiktigad" in park.warnings[1].message
    road = card(engine, layers, "road_segments", "segment_id", S1)
    assert road.section("regulations").title == "Lokala trafikföreskrifter"
    assert any(w.message.startswith("Föreskrift 2380 2026:1 (Hastighet 30 km/h) saknar vägmärke C31-30")
               for w in road.warnings)
    building = card(engine, layers, "buildings", "building_id", "BLD-1")
    assert [s.title for s in building.sections] == ["Fastighet", "Avtal", "Dokument"]
    prop = card(engine, layers, "properties", "designation", PR1)
    assert [s.title for s in prop.sections] == ["Byggnader", "Avtal", "Arbeten", "Dokument"]


def test_asset_card_shows_its_park_and_its_warning(catalog, layers):
    report = card(engine_for(catalog, layers), layers, "park_assets", "asset_id", "PA-1")
    assert report.section("park").items[0].key == "PARK-1"
    assert keys(report.section("agreements")) == ["AV-1"]  # inside the park's agreement area: its warning too
    assert rules(report) == [("agreement_expiring", "AV-1"), ("park_asset_overdue", "PA-1")]
    assert rules(card(engine_for(catalog, layers), layers, "park_assets", "asset_id", "PA-2")) == [
        ("agreement_expiring", "AV-1")]


def test_documents_form_has_a_file_picker_relative_to_the_twin(project, catalog, twin, tmp_path):
    from qgis.gui import QgsAttributeForm, QgsExternalResourceWidget

    from digiresan_plugin.core.layers import twin_layer
    from digiresan_plugin.core.loader import TwinLoader
    from digiresan_plugin.core.twin_source import TwinSource
    from tests.maintenance_fixtures import init_editor_widgets

    init_editor_widgets()
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(twin)).problems == []
    documents = twin_layer(project, "documents")
    setup = documents.editorWidgetSetup(documents.fields().indexOf("path_or_url"))
    assert setup.type() == "ExternalResource"
    assert setup.config()["DefaultRoot"] == str(twin.parent.resolve()) and setup.config()["RelativeStorage"] == 2
    feature = next(documents.getFeatures(QgsFeatureRequest().setFilterExpression("\"document_id\" = 'DOC-1'")))
    form = QgsAttributeForm(documents, feature)
    (picker,) = form.findChildren(QgsExternalResourceWidget)
    assert picker.documentPath() == "docs/badhusparken.pdf"  # stored relative, shown as it is stored
    form.deleteLater()


def test_card_links_documents_and_the_dock_opens_them_with_the_system(catalog, layers, twin, monkeypatch):
    from qgis.gui import QgsMessageBar

    from digiresan_plugin.gui.card import dock as dock_module
    from digiresan_plugin.gui.card.dock import TwinCardDock
    from digiresan_plugin.gui.card.render import report_to_html

    report = card(engine_for(catalog, layers), layers, "parks", "park_id", "PARK-1")
    html = report_to_html(report)
    present = (twin.parent / "docs/badhusparken.pdf").resolve().as_uri()
    assert f'<a href="{present}">Skötselplan Badhusparken</a>' in html
    assert "file missing: " + str(twin.parent / "docs/saknas.pdf") in html
    opened = []
    monkeypatch.setattr(dock_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    dock = TwinCardDock(None, message_bar=QgsMessageBar())
    dock.open_link(present)
    dock.open_link("https://example.org/s1.jpg")
    dock.open_link("javascript:alert(1)")  # neither a file nor an address: ignored
    assert opened == [present, "https://example.org/s1.jpg"]
    dock.deleteLater()
