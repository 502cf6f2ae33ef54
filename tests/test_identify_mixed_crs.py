"""Mixed coordinate systems: layers in EPSG:3006, 3012 and 4326, clicks in any CRS, distances in ground metres.

The fixture is built in EPSG:3006 and each layer written in another CRS by OSR; the answers (what lies within
15 m, 2 m, 50 m …) are those of the construction, so the engine must measure in metres whatever the CRS.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
)

from digiresan_plugin.core.identify import TwinEngine

from .fixtures_twin import (
    IN_PR1_FREE,
    IN_PR2_FREE,
    NEAR_NOTHING,
    ON_B1,
    ON_P1_ONLY,
    ON_PARK,
    ON_S1,
    ON_SIGN1,
    S1,
    TODAY,
    build_twin,
    open_layers,
)

MIXED = {
    "road_segments": 3012,
    "traffic_signs": 4326,
    "excavation_permits": 4326,
    "buildings": 4326,
    "properties": 3012,
    "parks": 3012,
}
CLICK_CRS = ["EPSG:3006", "EPSG:3012", "EPSG:4326", "EPSG:3857"]
EPSG3006 = QgsCoordinateReferenceSystem("EPSG:3006")


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("mixed")
    return {
        "sweref": build_twin(folder / "sweref.gpkg"),
        "mixed": build_twin(folder / "mixed.gpkg", crs=MIXED),
        "all4326": build_twin(folder / "all4326.gpkg", crs=dict.fromkeys(MIXED, 4326)),
    }


def engine_for(path: Path, catalog) -> TwinEngine:
    layers = open_layers(path, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    engine._keep = layers  # the layers must outlive the engine's use
    return engine


def click(engine: TwinEngine, xy_3006, crs_id: str, radius: float = 2.0):
    crs = QgsCoordinateReferenceSystem(crs_id)
    point = QgsPointXY(*xy_3006)
    if crs != EPSG3006:
        point = QgsCoordinateTransform(EPSG3006, crs, QgsProject.instance()).transform(point)
    return engine.report_at_point(point, crs, radius)


def comparable(report) -> dict:
    """The report without the query echo, distances rounded to centimetres."""
    data = report.to_dict()
    data.pop("query")

    def walk(value):
        if isinstance(value, dict):
            return {k: (round(v, 2) if k == "distance_m" and v is not None else walk(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(data)


def test_layers_really_are_in_different_crs(twins, catalog, qgis_app):
    layers = open_layers(twins["mixed"], catalog)
    assert layers["road_segments"].crs().authid() == "EPSG:3012"
    assert layers["traffic_signs"].crs().authid() == "EPSG:4326"
    assert layers["properties"].crs().authid() == "EPSG:3012"
    # the segment's start in EPSG:3012 is far from its EPSG:3006 coordinates
    start = next(layers["road_segments"].getFeatures()).geometry().asPolyline()[0]
    assert abs(start.x() - 481600) > 100_000


@pytest.mark.parametrize("crs_id", CLICK_CRS)
@pytest.mark.parametrize("where", [ON_S1, NEAR_NOTHING, ON_P1_ONLY, ON_B1, IN_PR1_FREE, IN_PR2_FREE, ON_SIGN1, ON_PARK])
def test_same_report_in_any_crs(twins, catalog, qgis_app, where, crs_id):
    expected = comparable(click(engine_for(twins["sweref"], catalog), where, "EPSG:3006"))
    assert expected["subject"] is not None
    for name in ("mixed", "all4326"):
        assert comparable(click(engine_for(twins[name], catalog), where, crs_id)) == expected, name


def test_metre_thresholds_hold_across_crs(twins, catalog, qgis_app):
    engine = engine_for(twins["mixed"], catalog)
    report = click(engine, ON_S1, "EPSG:4326")
    assert report.subject.key == S1
    signs = {i.key: i.extra["distance_m"] for i in report.section("signs").items}
    # 10, 14 and 12 m count; 16 m (SIGN-5) and 20 m (SIGN-2) do not
    assert signs == pytest.approx({"SIGN-1": 10.0, "SIGN-3": 14.0, "SIGN-4": 12.0}, abs=0.01)
    permits = {i.key: i.extra["distance_m"] for i in report.section("excavations").items}
    assert permits == pytest.approx({"GT-2026-0002": 0.0, "GT-2026-0001": 0.0, "GT-2027-0005": 1.5}, abs=0.01)


def test_search_radius_is_metres_on_the_ground(twins, catalog, qgis_app):
    engine = engine_for(twins["all4326"], catalog)
    hit = click(engine, (481650.0, 7005611.5), "EPSG:4326", radius=2.0)  # 1.5 m from the segment
    assert hit.subject.key == S1 and hit.fallback is None
    miss = click(engine, (481650.0, 7005613.0), "EPSG:4326", radius=2.0)  # 3 m: click anywhere instead
    assert miss.fallback is not None and miss.fallback["distance_m"] == pytest.approx(3.0, abs=0.01)
    wide = click(engine, (481650.0, 7005613.0), "EPSG:3857", radius=3.5)
    assert wide.fallback is None and wide.subject.key == S1


def test_fallback_distance_in_metres(twins, catalog, qgis_app):
    engine = engine_for(twins["mixed"], catalog)
    report = click(engine, NEAR_NOTHING, "EPSG:3857")
    assert report.subject.key == S1 and report.fallback["distance_m"] == pytest.approx(15.0, abs=0.01)
    # 49 m south of the segment's middle: still within 50 m; 51 m: nothing
    near = click(engine, (481650.0, 7005561.0), "EPSG:4326")
    assert near.subject.key == S1 and near.fallback["distance_m"] == pytest.approx(49.0, abs=0.01)
    far = click(engine, (481650.0, 7005559.0), "EPSG:4326")
    assert far.subject is None


def test_web_mercator_distances_are_not_taken_at_face_value(twins, catalog, qgis_app):
    """In EPSG:3857 at 63° N a map metre is about 0.45 ground metres: a 15 m threshold must not become 33 m."""
    scale = 1 / math.cos(math.radians(63.18))
    assert scale > 2.2
    engine = engine_for(twins["mixed"], catalog)
    report = click(engine, ON_S1, "EPSG:3857")
    assert [i.key for i in report.section("signs").items] == ["SIGN-4", "SIGN-1", "SIGN-3"]
