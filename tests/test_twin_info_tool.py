"""The Twin info map tool (point and ground search radius of a click) and the controller that shows the card.

Expected radii are worked out by hand from the canvas's DPI and map units per pixel (set so 1 px = 1 map unit or
1e-5 degree) and the projection's scale at the clicked point.
"""

from __future__ import annotations

import importlib.util
import math
import time

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsPointXY,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsHighlight, QgsMapMouseEvent, QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

from digiresan_plugin.core import settings
from digiresan_plugin.core.measure import radius_in_metres
from digiresan_plugin.gui.card.dock import TwinCardDock
from digiresan_plugin.gui.qt_compat import QAction
from digiresan_plugin.gui.twin_info_tool import TwinInfoTool

HAS_ENGINE = importlib.util.find_spec("digiresan_plugin.core.identify") is not None
needs_engine = pytest.mark.skipif(not HAS_ENGINE,
                                  reason="identify engine (digiresan_plugin.core.identify) not built yet")

WGS84_A = 6378137.0
WGS84_E2 = 0.00669437999014


@pytest.fixture()
def radius_setting(qgis_app):
    """Set ``Map/searchRadiusMM`` for one test (None: unset) and put the old value back."""
    qsettings = QgsSettings()
    old = qsettings.value("Map/searchRadiusMM")

    def set_radius(mm) -> None:
        if mm is None:
            qsettings.remove("Map/searchRadiusMM")
        else:
            qsettings.setValue("Map/searchRadiusMM", mm)

    yield set_radius
    set_radius(old)


def canvas_at(canvas, parent, crs: str, xmin: float, ymax: float, unit_per_px: float) -> None:
    """Show the canvas in ``crs`` with its top-left corner at (xmin, ymax) and ``unit_per_px`` map units a pixel."""
    parent.show()
    QApplication.processEvents()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    size = canvas.mapSettings().outputSize()
    canvas.setExtent(QgsRectangle(xmin, ymax - size.height() * unit_per_px, xmin + size.width() * unit_per_px,
                                  ymax))
    assert canvas.mapUnitsPerPixel() == pytest.approx(unit_per_px, rel=1e-9)


def release(canvas, tool, x: int, y: int, button=Qt.MouseButton.LeftButton) -> None:
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button, button,
                                             Qt.KeyboardModifier.NoModifier))


def record(tool) -> list:
    clicks = []
    tool.clicked.connect(lambda point, crs, radius: clicks.append((QgsPointXY(point), crs.authid(), radius)))
    return clicks


def test_click_gives_the_map_point_and_identify_radius_in_metres(qgis_canvas, qgis_parent, radius_setting):
    radius_setting(5.0)
    canvas_at(qgis_canvas, qgis_parent, "EPSG:3006", 481000.0, 7005600.0, 1.0)
    tool = TwinInfoTool(qgis_canvas)
    clicks = record(tool)
    release(qgis_canvas, tool, 100, 200)
    assert len(clicks) == 1
    point, crs, radius = clicks[0]
    assert (point.x(), point.y()) == pytest.approx((481100.0, 7005400.0), abs=1e-6)
    assert crs == "EPSG:3006"
    dpi = qgis_canvas.mapSettings().outputDpi()
    radius_px = 5.0 / 25.4 * dpi  # 5 mm on screen
    assert tool.search_radius_map_units() == pytest.approx(radius_px, rel=1e-9)  # 1 px = 1 m
    # SWEREF 99 TM: k = 0.9996 (1 + x²/2R²), x = 18.9 km west of the central meridian → a ground metre is
    # 1/k = 1.000396 map metres
    k = 0.9996 * (1 + (481100.0 - 500000.0) ** 2 / (2 * 6_390_000.0 ** 2))
    assert radius == pytest.approx(radius_px / k, rel=2e-6)


def test_a_real_mouse_click_goes_through_the_canvas(qgis_canvas, qgis_parent, radius_setting):
    radius_setting(None)  # QGIS's default: 2 mm
    canvas_at(qgis_canvas, qgis_parent, "EPSG:3006", 481000.0, 7005600.0, 0.5)
    tool = TwinInfoTool(qgis_canvas)
    action = QAction("Twin info", qgis_parent)
    action.setCheckable(True)
    tool.setAction(action)
    qgis_canvas.setMapTool(tool)
    assert action.isChecked() and qgis_canvas.cursor().shape() == Qt.CursorShape.CrossCursor
    clicks = record(tool)
    no_modifier = Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(qgis_canvas.viewport(), Qt.MouseButton.LeftButton, no_modifier, QPoint(300, 50))
    QTest.mouseClick(qgis_canvas.viewport(), Qt.MouseButton.RightButton, no_modifier, QPoint(300, 50))  # ignored
    assert len(clicks) == 1
    point, _crs, radius = clicks[0]
    assert (point.x(), point.y()) == pytest.approx((481150.0, 7005575.0), abs=1e-6)
    radius_px = 2.0 / 25.4 * qgis_canvas.mapSettings().outputDpi()
    assert radius == pytest.approx(radius_px * 0.5, rel=1e-3)  # half a metre a pixel (scale factor ~1.0004)
    qgis_canvas.unsetMapTool(tool)
    assert not action.isChecked()


def test_negative_setting_falls_back_to_two_millimetres(qgis_canvas, qgis_parent, radius_setting):
    radius_setting(-1)
    canvas_at(qgis_canvas, qgis_parent, "EPSG:3006", 481000.0, 7005600.0, 1.0)
    tool = TwinInfoTool(qgis_canvas)
    assert tool.search_radius_map_units() == pytest.approx(2.0 / 25.4 * qgis_canvas.mapSettings().outputDpi())


def test_geographic_canvas_radius_is_metres_on_the_ground(qgis_canvas, qgis_parent, radius_setting):
    radius_setting(2.0)
    canvas_at(qgis_canvas, qgis_parent, "EPSG:4326", 0.0, 0.006, 1e-5)  # on the equator, 1 px = 1e-5 degree
    tool = TwinInfoTool(qgis_canvas)
    clicks = record(tool)
    release(qgis_canvas, tool, 300, 590)
    point, crs, radius = clicks[0]
    assert crs == "EPSG:4326" and point.y() == pytest.approx(0.0001, abs=1e-12)
    radius_deg = 2.0 / 25.4 * qgis_canvas.mapSettings().outputDpi() * 1e-5
    # on the equator a degree of longitude is a·π/180 = 111 319.49 m (a degree of latitude only 110 574 m)
    assert radius == pytest.approx(radius_deg * WGS84_A * math.pi / 180, rel=1e-5)


def test_web_mercator_radius_is_shrunk_to_ground_metres(qgis_canvas, qgis_parent, radius_setting):
    radius_setting(2.0)
    y60 = WGS84_A * math.log(math.tan(math.pi / 4 + math.radians(60) / 2))  # 60°N in Web Mercator
    canvas_at(qgis_canvas, qgis_parent, "EPSG:3857", 1_600_000.0, y60 + 100.0, 1.0)
    tool = TwinInfoTool(qgis_canvas)
    clicks = record(tool)
    release(qgis_canvas, tool, 100, 100)
    _point, _crs, radius = clicks[0]
    radius_map = 2.0 / 25.4 * qgis_canvas.mapSettings().outputDpi()
    # east–west at 60°N: ground/map = cos φ / sqrt(1 − e² sin² φ) (longer than north–south's (1−e²) cos φ / (…)^1.5)
    ratio = math.cos(math.radians(60)) / math.sqrt(1 - WGS84_E2 * math.sin(math.radians(60)) ** 2)
    assert radius == pytest.approx(radius_map * ratio, rel=1e-4)


def test_radius_without_crs_is_taken_as_metres():
    assert radius_in_metres(3.0, QgsCoordinateReferenceSystem(), QgsPointXY(0, 0)) == 3.0
    assert radius_in_metres(0.0, QgsCoordinateReferenceSystem("EPSG:3006"), QgsPointXY(500000, 7000000)) == 0.0


# -- the controller (needs the identify engine) --------------------------------------------------------------
@pytest.fixture()
def twin_project(project, catalog, tmp_path):
    from .fixtures_twin import build_twin, open_layers

    path = build_twin(tmp_path / "twin.gpkg")
    return open_layers(path, catalog, project)


@pytest.fixture()
def cap_setting(qgis_app):
    old = QgsSettings().value("digiresan/related_feature_cap")
    yield lambda cap: settings.set_value("related_feature_cap", cap)
    if old is None:
        QgsSettings().remove("digiresan/related_feature_cap")
    else:
        settings.set_value("related_feature_cap", old)


_MADE: list = []


@pytest.fixture(autouse=True)
def dispose_widgets():
    """Unload controllers and delete docks now, not whenever the garbage collector gets to them."""
    yield
    while _MADE:
        controller, dock = _MADE.pop()
        controller.unload()
        if not sip.isdeleted(dock):
            dock.cleanup()
            dock.hide()
            sip.delete(dock)


def make_controller(qgis_iface, catalog, background: bool = False):
    from digiresan_plugin.gui.identify_controller import IdentifyController

    dock = TwinCardDock(qgis_iface.mapCanvas(), message_bar=QgsMessageBar())
    dock.resize(380, 900)
    controller = IdentifyController(qgis_iface, catalog, dock, background=background)
    _MADE.append((controller, dock))
    return controller, dock


def click_on_s1(qgis_canvas, qgis_parent, controller) -> None:
    from .fixtures_twin import ON_S1

    # 1 px = 1 m with ON_S1 at pixel (100, 200)
    canvas_at(qgis_canvas, qgis_parent, "EPSG:3006", ON_S1[0] - 100, ON_S1[1] + 200, 1.0)
    controller.activate()
    QTest.mouseClick(qgis_canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(100, 200))


@needs_engine
def test_a_click_shows_the_card_of_the_segment(qgis_iface, qgis_canvas, qgis_parent, catalog, twin_project,
                                               cap_setting):
    from .fixtures_twin import S1

    cap_setting(200)
    controller, dock = make_controller(qgis_iface, catalog)
    shown = []
    controller.reportShown.connect(shown.append)
    click_on_s1(qgis_canvas, qgis_parent, controller)
    assert len(shown) == 1 and dock.report.to_dict() == shown[0]
    report = shown[0]
    assert report["subject"]["key"] == S1 and report["subject"]["layer"] == "road_segments"
    assert report["query"]["radius_m"] == pytest.approx(2.0 / 25.4 * qgis_canvas.mapSettings().outputDpi(),
                                                        rel=1e-3)
    assert len(report["warnings"]) == 7  # fixtures_twin: 3 moratorium, 3 dig-before-paving, 1 overlap
    assert dock.highlight is not None
    assert [i for i in qgis_canvas.scene().items() if isinstance(i, QgsHighlight)] == [dock.highlight]
    assert {"condition", "signs", "excavations", "traffic"} <= {s["id"] for s in report["sections"]}
    assert controller.last_timing["engine_ms"] > 0 and controller.last_timing["render_ms"] > 0
    controller.unload()
    assert qgis_canvas.mapTool() is None
    dock.cleanup()


@needs_engine
def test_show_all_fetches_the_rest_of_a_section(qgis_iface, qgis_canvas, qgis_parent, catalog, twin_project,
                                                cap_setting):
    cap_setting(1)
    controller, dock = make_controller(qgis_iface, catalog)
    click_on_s1(qgis_canvas, qgis_parent, controller)
    section = dock.report.section("excavations")
    assert section.truncated and section.total == 3 and len(section.items) == 1
    dock.showAllRequested.emit("excavations")  # what the "show all" link does (tested in test_card_dock)
    section = dock.report.section("excavations")
    assert not section.truncated and len(section.items) == 3
    assert dock.section_box("excavations").title().endswith("(3)")
    controller.unload()
    dock.cleanup()


@needs_engine
def test_other_parts_add_sections_as_dicts_or_typed(qgis_iface, qgis_canvas, qgis_parent, catalog, twin_project,
                                                    cap_setting):
    from digiresan_plugin.core.identify import Section

    cap_setting(200)
    controller, dock = make_controller(qgis_iface, catalog)
    subjects = []

    def as_dict(data: dict) -> dict:
        subjects.append(data["subject"])
        return {"id": "notes", "title": "Notes", "kind": "list", "layer": "notes", "layer_title": "Notes",
                "total": 1, "truncated": False, "cap": 50, "columns": [{"field": "text", "label": "Text"}],
                "items": [{"layer": "notes", "key": "N-1", "fid": None, "title": "N-1", "values": {"text": "Hi"},
                           "extra": {}}], "summary": {}, "error": None}

    def broken(_data: dict) -> dict:
        raise RuntimeError("this part is broken")

    controller.extra_sections += [as_dict, broken, lambda _data: None,
                                  lambda _data: Section("more", "More", "list", "more", "More")]
    shown = []
    controller.reportShown.connect(shown.append)
    click_on_s1(qgis_canvas, qgis_parent, controller)
    # the extra sections see where the subject is: S1 runs from x 481 600 to 481 700 along y 7 005 610
    assert subjects[0]["bbox"] == [481600.0, 7005610.0, 481700.0, 7005610.0]
    assert subjects[0]["bbox_crs"] == "EPSG:3006"
    assert [s.id for s in dock.report.sections][-2:] == ["notes", "more"]
    assert [s["id"] for s in shown[0]["sections"]][-2:] == ["notes", "more"]
    assert dock.section_box("notes").title() == "Notes (1)" and dock.section_box("more").isCollapsed()
    controller.unload()
    dock.cleanup()


@needs_engine
def test_background_task_gives_the_same_card(qgis_iface, qgis_canvas, qgis_parent, catalog, twin_project,
                                             cap_setting):
    cap_setting(200)
    controller, dock = make_controller(qgis_iface, catalog)
    click_on_s1(qgis_canvas, qgis_parent, controller)
    on_main_thread = dock.report.to_dict()
    controller.unload()
    dock.cleanup()

    controller, dock = make_controller(qgis_iface, catalog, background=True)
    shown = []
    controller.reportShown.connect(shown.append)
    click_on_s1(qgis_canvas, qgis_parent, controller)
    deadline = time.monotonic() + 30
    while not shown and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert len(shown) == 1
    assert shown[0] == on_main_thread
    controller.unload()
    dock.cleanup()


@needs_engine
def test_also_here_opens_the_other_card_and_back(qgis_iface, qgis_canvas, qgis_parent, catalog, twin_project):
    """fixtures_twin: building BLD-1 stands on property Hjorten 3, a click on it hits both."""
    from digiresan_plugin.gui.card.links import card_href
    from digiresan_plugin.gui.card.render import CardRenderer

    from .fixtures_twin import ON_B1

    controller, dock = make_controller(qgis_iface, catalog)
    controller.identify_at(QgsPointXY(*ON_B1), QgsCoordinateReferenceSystem("EPSG:3006"), 2.0)
    report = dock.report
    assert (report.subject.layer, report.subject.key) == ("buildings", "BLD-1")
    (hit,) = report.also_here
    assert (hit.layer, hit.key) == ("properties", "Östersund Hjorten 3")
    header = CardRenderer(report).header_html()
    assert "Also here:" in header and card_href("properties", hit.fid) in header
    dock.open_link(card_href("properties", hit.fid))  # one click
    back = dock.report
    assert (back.subject.layer, back.subject.key) == ("properties", "Östersund Hjorten 3")
    assert [(h.layer, h.key) for h in back.also_here] == [("buildings", "BLD-1")]
    assert back.query == report.query
