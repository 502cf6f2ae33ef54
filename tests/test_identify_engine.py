"""The identify engine on a constructed twin: every section's answer is known by construction (fixtures_twin)."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsPointXY,
    QgsSettings,
    QgsTask,
)
from qgis.PyQt.QtCore import QLocale

from digiresan_plugin.core.catalog import CatalogError, parse_catalog
from digiresan_plugin.core.identify import LayerHandle, TwinEngine, parse_identify
from digiresan_plugin.core.identify.export import report_to_csv, report_to_json, report_to_text
from digiresan_plugin.core.identify.query import to_request
from digiresan_plugin.core.identify.sections.hourly_profile import peak_hours
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.measure import radius_in_metres
from digiresan_plugin.core.paths import default_catalog_path

from .fixtures_twin import (
    BOLD,
    FAR_AWAY,
    IN_PR1_FREE,
    IN_PR1_ONLY,
    IN_PR2_FREE,
    NEAR_NOTHING,
    ON_B1,
    ON_P1_ONLY,
    ON_PARK,
    ON_S1,
    ON_SIGN1,
    S1,
    S1_HOURS,
    S2,
    S3,
    SCRIPT,
    TODAY,
    build_twin,
    catalog_with_street_lights,
    open_layers,
)

EPSG3006 = QgsCoordinateReferenceSystem("EPSG:3006")


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_twin(tmp_path_factory.mktemp("twin") / "twin.gpkg", street_lights=True)


@pytest.fixture()
def layers(qgis_app, twin, catalog, project):
    """The twin's layers, owned by the (cleared) project so they are gone before QGIS exits."""
    return open_layers(twin, catalog, project)


def make_engine(catalog, layers, **kwargs) -> TwinEngine:
    kwargs.setdefault("setting_values", {"dig_moratorium_years": 3})
    return TwinEngine(catalog, layers.get, today=TODAY, **kwargs)


@pytest.fixture()
def engine(catalog, layers) -> TwinEngine:
    return make_engine(catalog, layers)


def at(engine: TwinEngine, xy, radius: float = 2.0):
    return engine.report_at_point(QgsPointXY(*xy), EPSG3006, radius)


def keys(section) -> list:
    return [item.key for item in section.items]


# -- the road segment card --------------------------------------------------------------------------
def test_road_segment_subject_and_own_attributes(engine):
    report = at(engine, ON_S1)
    subject = report.subject
    assert (subject.layer, subject.key, subject.title) == ("road_segments", S1, f"Storgatan ({S1})")
    assert report.fallback is None
    attrs = {a.field: a for a in subject.attributes}
    assert [a.field for a in subject.attributes][:2] == ["street_name", "segment_id"]
    assert attrs["street_name"].label == "Street" and attrs["street_name"].value == "Storgatan"
    assert (attrs["aadt"].value, attrs["aadt"].type) == (8400, "int")
    assert (attrs["last_paved"].value, attrs["last_paved"].type) == ("2025-11-27", "date")
    assert (attrs["width_m"].value, attrs["width_m"].type) == (9.0, "real")
    assert {"speed_limit_kmh", "surface", "road_owner", "functional_class"} <= set(attrs)
    assert [s.id for s in report.sections] == ["condition", "signs", "excavations", "traffic", "paving_plan"]
    assert all(s.error is None for s in report.sections)


def test_condition_latest_and_trend(engine):
    section = at(engine, ON_S1).section("condition")
    assert section.kind == "latest_with_trend" and section.total == 3
    assert [i.values["inspected_on"] for i in section.items] == ["2026-05-14", "2024-05-12", "2022-05-10"]
    summary = section.summary
    assert summary["latest_value"] == 4 and summary["latest_date"] == "2026-05-14"
    assert summary["latest"]["iri_mm_m"] == 3.4 and summary["latest"]["rut_depth_mm"] == 11.0
    assert [h["value"] for h in summary["history"]] == [3, 2, 4]
    assert summary["trend"] == "worsening"
    assert summary["trend_text"] == "Worsening: 2 → 4 (since 2024)"  # the two latest: 2024 (2), 2026 (4)
    assert summary["history_text"] == "All inspections: 3 → 2 → 4 (2022–2026)"


def test_signage_within_15_m_with_names(engine):
    section = at(engine, ON_S1).section("signs")
    # 10 m (C31-50), 14 m (E19) and 12 m past the end (B2) count; 16 m and 20 m do not; sorted by code
    assert keys(section) == ["SIGN-4", "SIGN-1", "SIGN-3"]
    assert section.summary["codes"] == ["B2", "C31-50", "E19"]
    distances = {i.key: i.extra["distance_m"] for i in section.items}
    assert distances == pytest.approx({"SIGN-4": 12.0, "SIGN-1": 10.0, "SIGN-3": 14.0}, abs=0.01)
    names = {i.values["sign_code"]: i.extra["name"] for i in section.items}
    assert names["C31-50"] == "Speed limit 50 km/h"
    assert all(names.values())


def test_excavations_open_touching_ordered_by_start(engine):
    section = at(engine, ON_S1).section("excavations")
    # P3 is closed (Avslutad), P4 is 5 m away (buffer 2 m), P6 is on another street
    assert keys(section) == ["GT-2026-0002", "GT-2026-0001", "GT-2027-0005"]
    extra = {i.key: i.extra for i in section.items}
    assert extra["GT-2026-0002"]["state"] == "ongoing"
    assert (extra["GT-2026-0002"]["days_left"], extra["GT-2026-0002"]["days_until_start"]) == (15, None)
    assert (extra["GT-2026-0001"]["days_until_start"], extra["GT-2026-0001"]["days_left"]) == (10, None)
    assert extra["GT-2027-0005"]["days_until_start"] == 94  # 2026-11-27 → 2027-03-01
    assert extra["GT-2027-0005"]["distance_m"] == pytest.approx(1.5, abs=0.01)
    first = section.items[1].values
    assert (first["utility"], first["status"], first["start_date"], first["end_date"]) == (
        "VA", "Beviljad", "2026-12-07", "2026-12-27")
    assert section.summary == {"count": 3, "next_start": "2026-12-07"}


def test_traffic_by_hour_peaks_and_aadt(engine):
    section = at(engine, ON_S1).section("traffic")
    summary = section.summary
    assert summary["hours"] == S1_HOURS  # the 2025 profile, not the older 2020 one
    assert summary["year"] == 2025
    assert summary["peak_hours"] == [7, 16]
    assert summary["peak_text"] == "07–08 and 16–17"
    assert summary["aadt"] == 8400 and summary["total"] == 7320
    assert section.total == 24 and [i.values["hour"] for i in section.items] == list(range(24))


def test_paving_plan(engine):
    section = at(engine, ON_S1).section("paving_plan")
    assert [(i.values["planned_year"], i.values["treatment"]) for i in section.items] == [
        (2027, "Ny beläggning"), (2030, "Försegling")]


def test_coordination_warnings_known_by_construction(engine):
    report = at(engine, ON_S1)
    kinds = [w.kind for w in report.warnings]
    assert sorted(kinds) == sorted(["moratorium"] * 3 + ["permit_overlap"] + ["dig_before_paving"] * 3)
    moratorium = [w for w in report.warnings if w.kind == "moratorium"]
    assert [w.refs[0].key for w in moratorium] == ["GT-2026-0002", "GT-2026-0001", "GT-2027-0005"]
    assert all("2025-11-27" in w.message and "3-year" in w.message for w in moratorium)
    (overlap,) = [w for w in report.warnings if w.kind == "permit_overlap"]
    assert {r.key for r in overlap.refs} == {"GT-2026-0001", "GT-2026-0002", S1}
    assert "2026-12-07 – 2026-12-12" in overlap.message
    paving = [w for w in report.warnings if w.kind == "dig_before_paving"]
    assert all("2027" in w.message and "2030" not in w.message for w in paving)
    assert all(w.severity == "warning" for w in report.warnings)
    data = report.to_dict()
    assert list(data).index("warnings") < list(data).index("sections")


def test_warning_dates_read_as_the_cards_dates(catalog, layers):
    """With the card's locale the warnings' dates read as the card's other dates (en_US "11/27/2025", Swedish
    "2025-11-27"); without one (Processing outputs) they stay ISO."""
    by_locale = {}
    for name in ("en_US", "sv_SE"):
        report = at(make_engine(catalog, layers, locale=QLocale(name), language=name[:2]), ON_S1)
        by_locale[name] = {w.kind: w.message for w in report.warnings}
    # paved 2025-11-27, 3 years: until 2028-11-27; P1 and P2 overlap 2026-12-07 – 2026-12-12
    assert "paved 11/27/2025: within the 3-year moratorium (until 11/27/2028)" in by_locale["en_US"]["moratorium"]
    assert ": 12/7/2026 – 12/12/2026" in by_locale["en_US"]["permit_overlap"]
    assert "2025-11-27" not in " ".join(by_locale["en_US"].values())
    assert "belagd 2025-11-27: inom 3 års grävstopp (till 2028-11-27)" in by_locale["sv_SE"]["moratorium"]
    assert ": 2026-12-07 – 2026-12-12" in by_locale["sv_SE"]["permit_overlap"]


def test_moratorium_window_follows_the_setting(catalog, layers):
    settings = QgsSettings()
    settings.setValue("digiresan/dig_moratorium_years", 1)
    try:
        report = at(TwinEngine(catalog, layers.get, today=TODAY), ON_S1)
    finally:
        settings.remove("digiresan/dig_moratorium_years")
    # paved 2025-11-27 + 1 year = 2026-11-27: only P2 (started 2026-11-22) digs inside the window
    assert [w.refs[0].key for w in report.warnings if w.kind == "moratorium"] == ["GT-2026-0002"]
    report = at(make_engine(catalog, layers, setting_values={"dig_moratorium_years": 10}), ON_S1)
    assert len([w for w in report.warnings if w.kind == "moratorium"]) == 3


def test_other_segment_has_its_own_answers(engine):
    report = at(engine, (481900.0, 7005601.0))
    assert report.subject.key == S2
    assert report.warnings == []  # paved 2015, paving planned 2031, one permit only
    assert keys(report.section("signs")) == ["SIGN-6"]
    assert keys(report.section("excavations")) == ["GT-2026-0006"]
    condition = report.section("condition").summary
    assert condition["latest_value"] == 2 and condition["trend"] is None
    traffic = report.section("traffic").summary
    assert traffic["hours"] == [None] * 24 and traffic["peak_hours"] == [] and traffic["aadt"] == 5200


def test_empty_and_null_data(engine):
    report = at(engine, (482100.0, 7005550.0))
    subject = report.subject
    assert subject.key == S3 and subject.title == S3  # no street name: no place, the key alone
    assert {a.field: a.value for a in subject.attributes if a.field != "segment_id"} == {
        a.field: None for a in subject.attributes if a.field != "segment_id"}
    assert report.warnings == []
    for section in report.sections:
        assert (section.total, section.items, section.error) == (0, [], None)
    assert report.section("condition").summary["latest"] is None
    assert report.section("traffic").summary["hours"] == [None] * 24
    assert report.section("traffic").summary["aadt"] is None
    json.dumps(report.to_dict())
    assert "Street: –" in report_to_text(report)


def test_markup_is_kept_raw(engine):
    road = at(engine, ON_S1)
    contractor = {i.key: i.values["contractor"] for i in road.section("excavations").items}
    assert contractor["GT-2026-0001"] == SCRIPT
    assert {i.key: i.values["value"] for i in road.section("signs").items}["SIGN-3"] == SCRIPT
    assert at(engine, (481900.0, 7005601.0)).subject.value("road_owner") == BOLD
    data = json.loads(report_to_json(road))
    excavations = next(s for s in data["sections"] if s["id"] == "excavations")
    assert excavations["items"][1]["values"]["contractor"] == SCRIPT
    assert SCRIPT in report_to_text(road)
    assert any(SCRIPT in row for row in csv.reader(io.StringIO(report_to_csv(road))))


# -- other cards --------------------------------------------------------------------------------------
def test_building_shows_the_property_it_stands_on(engine):
    report = at(engine, ON_B1)
    assert (report.subject.layer, report.subject.key) == ("buildings", "BLD-1")
    assert report.subject.title == "Building – Bostad, BLD-1"  # the kind, then a readable name
    assert keys(report.section("property")) == ["Östersund Hjorten 3"]


def test_property_lists_its_buildings(engine):
    assert keys(at(engine, IN_PR1_FREE).section("buildings")) == ["BLD-1", "BLD-2"]
    pr2 = at(engine, IN_PR2_FREE)
    assert pr2.subject.key == "Östersund Björnen 7"
    assert keys(pr2.section("buildings")) == ["BLD-3"]  # straddles PR1/PR2 but stands on PR2
    assert pr2.subject.value("area_m2") is None


def test_permit_lists_its_segments_and_its_warnings(engine):
    report = at(engine, ON_P1_ONLY)
    assert (report.subject.layer, report.subject.key) == ("excavation_permits", "GT-2026-0001")
    assert keys(report.section("segments")) == [S1]
    assert sorted(w.kind for w in report.warnings) == ["dig_before_paving", "moratorium", "permit_overlap"]
    assert all(any(r.key == "GT-2026-0001" for r in w.refs) for w in report.warnings)


def test_sign_and_park_cards(engine):
    sign = at(engine, ON_SIGN1)
    assert (sign.subject.layer, sign.subject.key) == ("traffic_signs", "SIGN-1")
    assert sign.subject.title == "Speed limit 50 km/h (C31-50, SIGN-1)"  # the sign's name leads
    assert keys(sign.section("segment")) == [S1]
    assert sign.section("segment").items[0].extra["distance_m"] == pytest.approx(10.0, abs=0.01)
    park = at(engine, ON_PARK)
    assert (park.subject.layer, park.subject.title) == ("parks", "Park – Badhusparken")
    assert [s.id for s in park.sections] == ["works"]  # the twin has no assets, agreements, rules, documents


def test_road_segment_wins_over_permit_under_the_cursor(engine):
    assert at(engine, (481670.0, 7005610.5)).subject.layer == "road_segments"  # also inside P2


# -- click anywhere -------------------------------------------------------------------------------------
def test_click_anywhere_gives_the_nearest_segment(engine):
    report = at(engine, NEAR_NOTHING)
    assert report.subject.key == S1
    assert report.fallback["distance_m"] == pytest.approx(15.0, abs=0.01)
    assert report.fallback["at_point"] == [] and "15 m" in report.fallback["reason"]


def test_click_anywhere_gives_property_at_point_and_nearest_segment(catalog, layers):
    properties = layers["properties"]
    properties.setFlags(properties.flags() & ~QgsMapLayer.LayerFlag.Identifiable)
    report = at(make_engine(catalog, layers), IN_PR1_ONLY)
    assert report.subject.key == S1
    assert report.fallback["distance_m"] == pytest.approx(35.0, abs=0.01)
    assert [p["key"] for p in report.fallback["at_point"]] == ["Östersund Hjorten 3"]
    here = report.sections[0]
    assert (here.id, here.kind, keys(here)) == ("at_point:properties", "attributes", ["Östersund Hjorten 3"])
    assert here.items[0].values["detailed_plan"] == "DP-1975-12"


def test_identifiable_flag_is_respected(catalog, layers):
    assert at(make_engine(catalog, layers), IN_PR1_FREE).fallback is None  # a property hit
    layers["properties"].setFlags(layers["properties"].flags() & ~QgsMapLayer.LayerFlag.Identifiable)
    report = at(make_engine(catalog, layers), IN_PR1_FREE)  # not a hit any more: the property at the point
    assert report.subject.layer == "properties" and report.fallback["distance_m"] is None
    assert "Property at the point (no road segment within 50 m)" in report.fallback["reason"]
    roads = layers["road_segments"]
    roads.setFlags(roads.flags() & ~QgsMapLayer.LayerFlag.Identifiable)
    report = at(make_engine(catalog, layers), ON_S1)
    assert report.fallback is not None and report.fallback["distance_m"] == pytest.approx(1.0, abs=0.01)


def test_nothing_within_reach(engine):
    report = at(engine, FAR_AWAY)
    assert report.subject is None and report.sections == [] and report.warnings == []
    assert "50 m" in report.fallback["reason"]
    assert report.to_dict()["subject"] is None


# -- robustness -------------------------------------------------------------------------------------------
def test_layer_missing_from_the_project(project, twin, catalog):
    open_layers(twin, catalog, project)
    project.removeMapLayer(twin_layer(project, "paving_plan").id())
    engine = TwinEngine(catalog, lambda i: twin_layer(project, i), today=TODAY,
                        setting_values={"dig_moratorium_years": 3})
    report = at(engine, ON_S1)
    paving = report.section("paving_plan")
    assert paving.error == "Layer 'Paving plan' (paving_plan) is not in the project"
    assert paving.items == [] and paving.total == 0
    assert keys(report.section("signs")) == ["SIGN-4", "SIGN-1", "SIGN-3"]
    assert report.section("condition").summary["latest_value"] == 4
    kinds = [w.kind for w in report.warnings]
    assert "dig_before_paving" not in kinds and kinds.count("moratorium") == 3
    (missing,) = [w for w in report.warnings if w.kind == "missing_layer"]
    assert missing.severity == "info" and "paving_plan" in missing.message and "Dig before paving" in missing.message


def test_missing_permits_layer(catalog, layers):
    del layers["excavation_permits"]
    report = at(make_engine(catalog, layers), ON_S1)
    assert "excavation_permits" in report.section("excavations").error
    assert [w.kind for w in report.warnings] == ["missing_layer"]
    assert report.section("traffic").summary["peak_hours"] == [7, 16]


def test_catalog_only_layer_and_relation_show_in_the_card(tmp_path, twin, qgis_app):
    catalog = catalog_with_street_lights(tmp_path)
    layers = open_layers(twin, catalog)
    engine = make_engine(catalog, layers)
    lights = at(engine, ON_S1).section("lights")
    assert (lights.title, lights.layer_title) == ("Street lights", "Street lights")
    assert keys(lights) == ["LIGHT-1"]  # 5 m; LIGHT-2 is 25 m away (relation: 20 m)
    assert lights.items[0].extra["distance_m"] == pytest.approx(5.0, abs=0.01)
    assert [c.label for c in lights.columns][:2] == ["Light id", "Lamp"]
    light = at(engine, (481660.0, 7005605.5))
    assert (light.subject.layer, light.subject.title) == ("street_lights", "LED 40 W (LIGHT-1)")


def test_cap_truncates_and_show_all_gets_everything(catalog, layers):
    engine = make_engine(catalog, layers, cap=2)
    report = at(engine, ON_S1)
    signs = report.section("signs")
    assert (signs.total, signs.truncated, signs.cap, len(signs.items)) == (3, True, 2, 2)
    assert signs.summary["codes"] == ["B2", "C31-50", "E19"]  # summaries use every row
    assert report.section("paving_plan").truncated is False
    everything = engine.section_for("road_segments", report.subject.fid, "signs", cap=None)
    assert keys(everything) == ["SIGN-4", "SIGN-1", "SIGN-3"] and everything.truncated is False


class RecordingSource:
    """A feature source that remembers each request (to prove the engine never scans a whole layer)."""

    def __init__(self, layer, log):
        self.layer, self.log, self.name = layer, log, layer.name()

    def getFeatures(self, request=None):  # noqa: N802 - QGIS API
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        self.log.append((self.name, request))
        return self.layer.getFeatures(request)


class RecordingReader:
    """The direct GeoPackage reader, remembering each query as the QGIS request it stands for."""

    def __init__(self, reader, fields, name, log):
        self.reader, self.fields, self.name, self.log = reader, fields, name, log

    def read(self, query):
        self.log.append((self.name, to_request(query, self.fields)))
        return self.reader.read(query)


@pytest.mark.parametrize("direct", [False, True], ids=["through QGIS", "GeoPackage reader"])
def test_every_query_is_restricted(catalog, layers, direct):
    log = []
    handles = {}
    for layer_id, layer in layers.items():
        handle = LayerHandle.from_layer(catalog.layer(layer_id), layer)
        assert handle.reader is not None
        if direct:
            handle.reader = RecordingReader(handle.reader, handle.fields, layer.name(), log)
        else:
            handle.reader = None
            handle.source = RecordingSource(layer, log)
        handles[layer_id] = handle
    engine = TwinEngine(catalog, handles.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    report = at(engine, ON_S1)
    assert report.subject.key == S1
    # one query per identifiable layer the fixture has (the click), then condition + signs + permits + traffic +
    # paving plan (the rules reuse them; the fixture has none of the memory layers, so their sections read nothing)
    loaded = [spec for spec in catalog.identifiable_layers() if spec.id in layers]
    assert len(loaded) == 6 and len(log) == len(loaded) + 5
    for name, request in log:
        unfiltered = QgsFeatureRequest.FilterType.FilterNone
        restricted = not request.filterRect().isNull() or request.filterType() != unfiltered
        assert restricted, f"unrestricted query on {name}"
        if request.filterRect().isNull():  # key lookup: no geometry, only the needed attributes
            assert request.flags() & QgsFeatureRequest.Flag.NoGeometry
            assert request.flags() & QgsFeatureRequest.Flag.SubsetOfAttributes
            assert "segment_id" in request.filterExpression().expression()


def test_exports(engine):
    report = at(engine, ON_S1)
    data = json.loads(report_to_json(report))
    assert data["report_version"] == 1 and data["language"] == "en"
    assert data["query"] == {"x": ON_S1[0], "y": ON_S1[1], "crs": "EPSG:3006", "radius_m": 2.0}
    assert data["subject"]["key"] == S1 and len(data["sections"]) == 5
    text = report_to_text(report)
    assert text.startswith(f"Road segment: Storgatan ({S1})\n")
    assert text.index("Warnings") < text.index("Street: Storgatan") < text.index("Condition (3)")
    rows = list(csv.reader(io.StringIO(report_to_csv(report))))
    assert rows[0] == ["section", "layer", "key", "fid", "field", "label", "value"]
    assert ["signs", "traffic_signs", "SIGN-1", "1", "extra.name", "name", "Speed limit 50 km/h"] in rows
    assert ["subject", "road_segments", S1] == rows[1][:3]
    assert sum(r[0] == "warnings" for r in rows) == 7


def test_swedish_report(catalog, layers):
    report = at(make_engine(catalog, layers, language="sv_SE"), ON_S1)
    assert report.language == "sv"
    assert report.subject.layer_title == "Vägsegment"
    assert report.section("condition").title == "Tillstånd"
    assert report.section("condition").summary["trend_text"].startswith("Försämras")
    assert report.section("traffic").summary["peak_text"] == "07–08 och 16–17"
    names = {i.values["sign_code"]: i.extra["name"] for i in report.section("signs").items}
    assert names["C31-50"] == "Hastighetsbegränsning 50 km/h"
    assert {a.field: a.label for a in report.subject.attributes}["street_name"] == "Gata"
    swedish = make_engine(catalog, layers, language="sv")
    assert at(swedish, ON_B1).subject.title == "Byggnad – Bostad, BLD-1"
    assert at(swedish, ON_SIGN1).subject.title == "Hastighetsbegränsning 50 km/h (C31-50, SIGN-1)"


def test_snapshot_engine_runs_in_a_task(catalog, layers):
    expected = at(make_engine(catalog, layers), ON_S1).to_dict()
    engine = TwinEngine.snapshot(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    result = {}

    def run(task):
        result["report"] = at(engine, ON_S1).to_dict()
        return True

    task = QgsTask.fromFunction("twin report", run)
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 30
    while "report" not in result and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert result["report"] == expected


def test_peak_hours_rules():
    assert peak_hours(S1_HOURS) == [7, 16]
    assert peak_hours([0] * 24) == []
    assert peak_hours([10] * 11 + [100] + [10] * 12) == [11]
    assert peak_hours([0, 5, 9, 10, 9] + [0] * 19, max_peaks=2) == [3]  # neighbours of a peak are not peaks


def test_radius_from_map_units():
    # metres on the ground: SWEREF 99 TM's scale factor near its central meridian is 0.9996
    assert radius_in_metres(2.0, EPSG3006, QgsPointXY(481650, 7005610)) == pytest.approx(2.0 / 0.9996, abs=1e-4)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    # the longer of the two axes counts: 0.001° of latitude at 63.18° N is ≈ 111.4 m on the GRS80/WGS 84 meridian
    # (0.001° of longitude there is only ≈ 50.2 m)
    assert radius_in_metres(0.001, wgs84, QgsPointXY(14.64, 63.18)) == pytest.approx(111.4, abs=0.3)


# -- catalog validation ------------------------------------------------------------------------------------
def bundled() -> dict:
    return json.loads(default_catalog_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("mutate", "key", "expected"),
    [
        (lambda d: d["relations"][0].__setitem__("to", "nowhere"), "relations[0:segment_condition].to", "'nowhere'"),
        (lambda d: d["relations"][1].__setitem__("predicate", "touches"), "relations[1:segment_signs].predicate",
         "got 'touches'"),
        (lambda d: d["relations"][1].__setitem__("distance_m", -1), "relations[1:segment_signs].distance_m", "≥ 0"),
        (lambda d: d["relations"][0].pop("to_field"), "relations[0:segment_condition].to_field", "(missing)"),
        (lambda d: d["cards"]["road_segments"]["sections"][0].__setitem__("kind", "pie"),
         "cards.road_segments.sections[0].kind", "got 'pie'"),
        (lambda d: d["cards"]["road_segments"]["sections"][4]["options"].pop("hour_field"),
         "cards.road_segments.sections[4].options.hour_field", "(missing)"),
        (lambda d: d["cards"]["buildings"]["sections"][0].__setitem__("relation", "segment_signs"),
         "cards.buildings.sections[0].relation", "a relation from 'buildings'"),
        (lambda d: d["warnings"][0].__setitem__("permits", "nope"), "warnings[0:moratorium].permits", "'nope'"),
        (lambda d: d["warnings"][0]["fields"].pop("paved"), "warnings[0:moratorium].fields.paved", "(missing)"),
        (lambda d: d["identify"]["fallback"].__setitem__("nearest", "road_condition"),
         "identify.fallback.nearest", "a layer with geometry"),
        (lambda d: d["labels"]["road_segments"].__setitem__("aadt", {"en": "ÅDT"}), "labels.road_segments.aadt.sv",
         "(missing)"),
    ],
)
def test_identify_catalog_errors_name_file_key_and_expectation(tmp_path, mutate, key, expected):
    data = bundled()
    mutate(data)
    path = tmp_path / "catalog.json"
    catalog = parse_catalog(data, path)
    with pytest.raises(CatalogError) as info:
        parse_identify(catalog)
    assert info.value.path == str(path)
    assert info.value.key == key
    assert expected in info.value.expected


def test_excavations_name_the_applicant_and_the_ta_plan(engine):
    """The utility owner a planner calls and the traffic plan, for each permit on the road card."""
    items = {i.key: i.values for i in at(engine, ON_S1).section("excavations").items}
    assert items["GT-2026-0001"]["applicant"] == "Östersunds kommun VA"
    assert items["GT-2026-0001"]["ta_plan_id"] == "TA-1"
    assert items["GT-2027-0005"]["ta_plan_id"] is None
