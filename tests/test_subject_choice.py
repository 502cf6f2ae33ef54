"""Which feature a click means: points within the radius before lines before polygons, the smallest polygon that
contains the click, catalog priority on ties, and the other hits as "Also here" (answers known by construction,
tests/fixtures_twin.py SUBJECT_ROWS)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.identify.report import TwinReport

from .fixtures_twin import (
    BESIDE_KYRKPARKEN,
    IN_KYRKPARKEN,
    IN_PR1_FREE,
    ON_B1,
    ON_P1_ONLY,
    ON_S1,
    ON_S1_BY_SIGN7,
    S1,
    SUBJECT_ROWS,
    TODAY,
    build_twin,
    open_layers,
)

EPSG3006 = QgsCoordinateReferenceSystem("EPSG:3006")
# QGIS Identify's radius is 2 mm on the screen: 5 m on the ground at 1:2 500, 1 m at 1:500
AT_2500_M, AT_500_M = 5.0, 1.0


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_twin(tmp_path_factory.mktemp("subjects") / "twin.gpkg", extra=SUBJECT_ROWS)


@pytest.fixture()
def engine(qgis_app, twin, catalog, project) -> TwinEngine:
    layers = open_layers(twin, catalog, project)
    return TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})


def at(engine: TwinEngine, xy, radius: float) -> TwinReport:
    return engine.report_at_point(QgsPointXY(*xy), EPSG3006, radius)


def hits(report: TwinReport) -> list[tuple[str, object]]:
    return [(h.layer, h.key) for h in report.also_here]


def test_a_park_inside_a_property_is_the_park(engine):
    report = at(engine, IN_KYRKPARKEN, AT_2500_M)
    assert (report.subject.layer, report.subject.key) == ("parks", "PARK-2")
    assert hits(report) == [("properties", "Östersund Björnen 7")]
    assert report.also_here[0].title == "Östersund Björnen 7" and report.also_here[0].layer_title == "Properties"


def test_a_polygon_containing_the_click_wins_over_one_only_near_it(engine):
    report = at(engine, BESIDE_KYRKPARKEN, 2.0)  # the park's edge is 1 m away, within the radius
    assert (report.subject.layer, report.subject.key) == ("properties", "Östersund Björnen 7")
    assert hits(report) == [("parks", "PARK-2")]


def test_a_building_inside_a_property_is_the_building(engine):
    report = at(engine, ON_B1, AT_2500_M)
    assert (report.subject.layer, report.subject.key) == ("buildings", "BLD-1")
    assert hits(report) == [("properties", "Östersund Hjorten 3")]


def test_a_sign_on_a_road_wins_at_street_scale(engine):
    report = at(engine, ON_S1_BY_SIGN7, AT_2500_M)
    assert (report.subject.layer, report.subject.key) == ("traffic_signs", "SIGN-7")
    assert hits(report) == [("road_segments", S1)]
    close = at(engine, ON_S1_BY_SIGN7, AT_500_M)  # the sign is 2.5 m away: outside the radius at 1:500
    assert (close.subject.layer, close.subject.key) == ("road_segments", S1) and close.also_here == []


def test_a_road_wins_over_the_permit_dug_in_it(engine):
    report = at(engine, (481670.0, 7005610.5), 2.0)  # 0.5 m from S1, inside permit P2
    assert (report.subject.layer, report.subject.key) == ("road_segments", S1)
    assert hits(report) == [("excavation_permits", "GT-2026-0002")]


def test_single_hits_have_nothing_else_here(engine):
    assert at(engine, ON_S1, 2.0).also_here == []
    assert at(engine, ON_P1_ONLY, 2.0).also_here == []
    assert hits(at(engine, IN_PR1_FREE, 2.0)) == []


def test_also_here_survives_the_json_form(engine):
    report = at(engine, IN_KYRKPARKEN, AT_2500_M)
    again = TwinReport.from_dict(report.to_dict())
    assert again.also_here == report.also_here
    assert report.to_dict()["also_here"][0]["layer"] == "properties"


def test_for_a_feature_there_is_no_also_here(engine):
    park = at(engine, IN_KYRKPARKEN, AT_2500_M).subject
    assert engine.report_for_feature("parks", park.fid).also_here == []


def test_every_demo_park_can_be_clicked(qgis_app, demo_twin, catalog, project):
    """In the demo town every park lies on a property (KNOWN_CASES "park"): clicking inside it gives the park."""
    from demo.cases import KNOWN_CASES

    layers = open_layers(demo_twin, catalog, project)
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    names = []
    for park in layers["parks"].getFeatures():
        inside = park.geometry().pointOnSurface().asPoint()
        report = at(engine, (inside.x(), inside.y()), AT_500_M)
        if report.subject.layer in ("traffic_signs", "road_segments"):
            continue  # a sign or street within a metre of the point comes first, as it should
        assert (report.subject.layer, report.subject.fid) == ("parks", park.id()), park["name"]
        names.append(park["name"])
    assert KNOWN_CASES["park"]["name"] in names
