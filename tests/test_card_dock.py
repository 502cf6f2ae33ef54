"""The card renderer and the Twin card dock, fed with hand-written reports (docs/report_schema.md, read with
``TwinReport.from_dict``).

Nothing here needs the identify engine: the dock only ever sees the report.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle, QgsSettings, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsHighlight, QgsMessageBar, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QTextCursor
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QFrame

from digiresan_plugin.core.identify.export import report_to_csv, report_to_json, report_to_text
from digiresan_plugin.core.identify.report import TwinReport
from digiresan_plugin.core.identify.sections.hourly_profile import profile_text
from digiresan_plugin.core.layers import LAYER_ID_PROPERTY
from digiresan_plugin.gui.card.browser import AutoHeightBrowser
from digiresan_plugin.gui.card.chart import HourlyChart
from digiresan_plugin.gui.card.dock import TwinCardDock
from digiresan_plugin.gui.card.links import parse_href
from digiresan_plugin.gui.card.parts import ATTRIBUTES_ID
from digiresan_plugin.gui.card.render import CardRenderer, report_to_html
from digiresan_plugin.gui.card.sections.hourly_profile import chart_html
from digiresan_plugin.gui.card.theme import PEAK_COLOR

SCRIPT = '<script>alert("x")</script>'
BOLD = "<b>kommunal</b> & 'co'"
HOURS = [20, 10, 10, 10, 20, 80, 300, 800, 500, 350, 380, 400, 420, 400, 420, 600, 900, 700, 400, 250, 150, 100,
         60, 40]


def permit(fid: int, start: str, contractor: str, **extra) -> dict:
    return {
        "layer": "excavation_permits", "key": f"GT-2026-{fid:04d}", "fid": fid, "title": f"GT-2026-{fid:04d}",
        "values": {"permit_id": f"GT-2026-{fid:04d}", "contractor": contractor, "start_date": start,
                   "end_date": None, "status": "Beviljad"},
        "extra": {"distance_m": 0.0, "days_until_start": None, "days_left": None, "state": None, **extra},
    }


REPORT = {
    "report_version": 1,
    "language": "en",
    "query": {"x": 481650.0, "y": 7005611.0, "crs": "EPSG:3006", "radius_m": 1.5},
    "subject": {
        "layer": "road_segments", "layer_title": "Road segments", "key_field": "segment_id", "key": "OST-1",
        "fid": 1, "title": "Storgatan (OST-1)", "bbox": [481600.0, 7005610.0, 481700.0, 7005610.0],
        "bbox_crs": "EPSG:3006",
        "attributes": [
            {"field": "street_name", "label": "Street", "value": "<b>Storgatan</b>", "type": "text"},
            {"field": "road_owner", "label": "Owner", "value": BOLD, "type": "text"},
            {"field": "surface", "label": "Surface", "value": None, "type": "text"},
            {"field": "width_m", "label": "Width (m)", "value": 9.5, "type": "real"},
            {"field": "aadt", "label": "ÅDT", "value": 8400, "type": "int"},
            {"field": "last_paved", "label": "Last paved", "value": "2025-11-27", "type": "date"},
        ],
    },
    "fallback": None,
    "warnings": [
        {"kind": "moratorium", "severity": "warning",
         "message": "Permit GT-2026-0001 digs in a street paved less than 3 years ago",
         "refs": [{"layer": "excavation_permits", "key": "GT-2026-0001", "fid": 1},
                  {"layer": "road_segments", "key": "OST-1", "fid": 1}], "rule": "moratorium"},
        {"kind": "missing_layer", "severity": "info", "message": "Layer 'Paving plan' is not in the project",
         "refs": [{"layer": "paving_plan", "key": None, "fid": None}], "rule": None},
    ],
    "sections": [
        {"id": "condition", "title": "Condition", "kind": "latest_with_trend", "layer": "road_condition",
         "layer_title": "Road condition inspections", "relation": "segment_condition", "total": 2,
         "truncated": False, "cap": 200,
         "columns": [{"field": "inspected_on", "label": "Inspected", "type": "date"},
                     {"field": "condition_class", "label": "Class", "type": "int"},
                     {"field": "iri_mm_m", "label": "IRI", "type": "real"}],
         "items": [{"layer": "road_condition", "key": "OST-1", "fid": 2, "title": "2026-05-14",
                    "values": {"inspected_on": "2026-05-14", "condition_class": 4, "iri_mm_m": 3.4}, "extra": {}},
                   {"layer": "road_condition", "key": "OST-1", "fid": 1, "title": "2024-05-12",
                    "values": {"inspected_on": "2024-05-12", "condition_class": 2, "iri_mm_m": None}, "extra": {}}],
         "summary": {"trend": "worsening", "trend_text": "Worsening: 2 → 4 (2024–2026)"}, "error": None},
        {"id": "excavations", "title": "Excavations", "kind": "list", "layer": "excavation_permits",
         "layer_title": "Excavation permits", "relation": "segment_permits", "total": 250, "truncated": True, "cap": 3,
         "columns": [{"field": "permit_id", "label": "Permit", "type": "text"},
                     {"field": "contractor", "label": "Contractor", "type": "text"},
                     {"field": "start_date", "label": "Start", "type": "date"},
                     {"field": "end_date", "label": "End", "type": "date"},
                     {"field": "status", "label": "Status", "type": "text"}],
         "items": [permit(1, "2026-12-07", SCRIPT, days_until_start=10, state="upcoming"),
                   permit(2, "2026-11-22", "Elnät AB", days_left=15, state="ongoing"),
                   permit(3, "2027-03-01", "Fiber AB", days_until_start=94, state="upcoming")],
         "summary": {"count": 250, "next_start": "2026-12-07"}, "error": None},
        {"id": "traffic", "title": "Traffic by hour", "kind": "hourly_profile", "layer": "traffic_counts",
         "layer_title": "Hourly traffic", "relation": "segment_traffic", "total": 24, "truncated": False, "cap": 200,
         "columns": [], "items": [],
         "summary": {"hours": HOURS, "peak_hours": [7, 16], "peak_text": "07–08 and 16–17", "aadt": 8400,
                     "total": 7320, "year": 2025}, "error": None},
        {"id": "signs", "title": "Signs", "kind": "sign_list", "layer": "traffic_signs", "layer_title": "Signs",
         "relation": "segment_signs",
         "total": 0, "truncated": False, "cap": 200, "columns": [], "items": [], "summary": {"codes": []},
         "error": None},
        {"id": "paving_plan", "title": "Paving plan", "kind": "list", "layer": "paving_plan",
         "layer_title": "Paving plan", "relation": "segment_paving_plan", "total": 0, "truncated": False, "cap": 200,
         "columns": [], "items": [],
         "summary": {}, "error": "Layer 'Paving plan' (paving_plan) is not in the project"},
    ],
    "ideas": [],
    "also_here": [],
}


def report() -> dict:
    return copy.deepcopy(REPORT)


@pytest.fixture()
def locale_setting(qgis_app):
    """Set QGIS's UI locale for one test and put the old one back."""
    settings = QgsSettings()
    keys = ("locale/userLocale", "locale/overrideFlag", "locale/globalLocale")
    old = {k: settings.value(k) for k in keys}

    def set_locale(name: str) -> None:
        settings.setValue("locale/overrideFlag", False)
        settings.setValue("locale/userLocale", name)

    yield set_locale
    for key, value in old.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture()
def swedish_translation(qgis_app):
    """The compiled Swedish translation (build/i18n/digiresan_sv.qm, ``make build``) installed for one test: the
    card's words come from it alone."""
    ts = Path(__file__).resolve().parent.parent / "i18n" / "digiresan_sv.ts"
    # build/i18n, never a folder inside the package (i18n_dir() falls back to one before the first `make build`,
    # and a .qm left there would shadow the built one for the rest of the suite)
    qm = Path(__file__).resolve().parent.parent / "build" / "i18n" / "digiresan_sv.qm"
    if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = shutil.which("lrelease")
        if lrelease is None:
            pytest.skip("lrelease is not installed (make tool-deps)")
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def twin_layers(project):
    """Memory layers tagged like the loader does: a road segment (fid 1) and three permits (fids 1–3)."""
    roads = QgsVectorLayer("LineString?crs=EPSG:3006&field=segment_id:string", "Road segments", "memory")
    permits = QgsVectorLayer("Polygon?crs=EPSG:3006&field=permit_id:string", "Permits", "memory")
    feature = QgsFeature(roads.fields())
    feature.setAttributes(["OST-1"])
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(481600, 7005610), QgsPointXY(481700, 7005610)]))
    roads.dataProvider().addFeatures([feature])
    for i in range(3):
        feature = QgsFeature(permits.fields())
        feature.setAttributes([f"GT-2026-{i + 1:04d}"])
        x = 481610 + 30 * i
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, 7005605, x + 10, 7005615)))
        permits.dataProvider().addFeatures([feature])
    roads.setCustomProperty(LAYER_ID_PROPERTY, "road_segments")
    permits.setCustomProperty(LAYER_ID_PROPERTY, "excavation_permits")
    project.addMapLayers([roads, permits])
    return {"road_segments": roads, "excavation_permits": permits}


def shown(dock: TwinCardDock, data: dict) -> None:
    """Show ``data`` in the visible dock and let Qt lay it out (widgets added to a shown parent appear later)."""
    dock.show()
    dock.show_report(data)
    QApplication.processEvents()


_DOCKS: list[TwinCardDock] = []


def make_dock(canvas=None) -> TwinCardDock:
    dock = TwinCardDock(canvas, message_bar=QgsMessageBar())
    dock.resize(380, 900)
    _DOCKS.append(dock)
    return dock


@pytest.fixture(autouse=True)
def dispose_docks():
    """Delete each test's docks now: left to Python's garbage collector, a shown dock may be deleted in the
    middle of one of its own paint events."""
    yield
    while _DOCKS:
        dock = _DOCKS.pop()
        if not sip.isdeleted(dock):
            dock.cleanup()
            dock.hide()
            sip.delete(dock)


def browsers(dock: TwinCardDock) -> list[AutoHeightBrowser]:
    return dock.content.findChildren(AutoHeightBrowser)


def browser_with(dock: TwinCardDock, href: str) -> AutoHeightBrowser:
    for browser in browsers(dock):
        if f'href="{href}"' in browser.toHtml():
            return browser
    raise AssertionError(f"no link {href} in the card")


def click_link(browser: AutoHeightBrowser, href: str) -> None:
    """Click with the mouse in the middle of the first piece of text linked to ``href``."""
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                rect = browser.cursorRect(cursor)
                QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                 rect.center())
                return
            it += 1
        block = block.next()
    raise AssertionError(f"link {href} not found")


def card_text(dock: TwinCardDock) -> str:
    return "\n".join(b.toPlainText() for b in browsers(dock))


# -- rendering -----------------------------------------------------------------------------------------------
def test_markup_in_values_is_shown_literally(qgis_app, locale_setting):
    locale_setting("en_US")
    html = report_to_html(report())
    assert "<script>" not in html and "<b>Storgatan</b>" not in html and "<b>kommunal</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;kommunal&lt;/b&gt; &amp; &#x27;co&#x27;" in html
    dock = make_dock()
    dock.show_report(report())
    shown = card_text(dock)
    assert SCRIPT in shown  # the text itself, not a script element
    assert "<b>Storgatan</b>" in shown and BOLD in shown
    assert SCRIPT in report_to_text(report())
    dock.cleanup()


def test_null_values_show_as_a_dash(qgis_app, locale_setting):
    locale_setting("en_US")
    renderer = CardRenderer(report())
    assert 'Surface</td><td valign="top">–</td>' in renderer.subject_html()
    text = report_to_text(report())
    assert "  Surface: –" in text
    assert "IRI: –" in text  # the second inspection has no IRI
    # the permit without an end date: a dash in its "End" cell
    assert "End</span>&nbsp;–" in renderer.section_html(renderer.report.sections[1])


def test_dates_and_numbers_follow_the_ui_locale(qgis_app, locale_setting):
    locale_setting("sv_SE")
    text = report_to_text(report())
    assert "Last paved: 2025-11-27" in text
    assert "Width (m): 9,5" in text  # Swedish decimal comma
    assert "ÅDT: 8400" in text  # no thousands separator
    locale_setting("en_US")
    text = report_to_text(report())
    assert "Last paved: 11/27/2025" in text and "Width (m): 9.5" in text
    locale_setting("en_GB")
    assert "Last paved: 27/11/2025" in report_to_text(report())
    # an explicit locale wins over the setting; the date title of an inspection is a date too
    renderer = CardRenderer(report(), QLocale("sv_SE"))
    html = renderer.section_html(renderer.report.sections[0])
    assert ">2026-05-14</a>" in html and ">3,4<" in html


def test_swedish_card_speaks_swedish(qgis_app, locale_setting, swedish_translation):
    locale_setting("sv_SE")
    data = report()
    data["language"] = "sv"
    renderer = CardRenderer(data)
    assert "Visar 3 av 250" in renderer.section_html(renderer.report.sections[1])
    assert "om 10 dagar" in renderer.section_html(renderer.report.sections[1])
    assert "Högtrafik 07–08 and 16–17" in profile_text(renderer.report.sections[2], renderer.fmt)
    assert renderer.warnings_heading("warning") == "⚠ Varningar"


def test_warnings_come_before_the_sections(qgis_app, locale_setting):
    locale_setting("en_US")
    html = report_to_html(report())
    warning = html.index("Permit GT-2026-0001 digs in a street")
    assert warning < html.index("Condition (2)") < html.index("Excavations (250)")
    assert html.index("Storgatan (OST-1)") < warning  # the header is above everything

    dock = make_dock()
    dock.show_report(report())
    layout = dock.content_layout
    widgets = [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]
    kinds = [w.objectName() if isinstance(w, QFrame) and w.objectName().endswith("Box") and
             not isinstance(w, QgsCollapsibleGroupBox) else type(w).__name__ for w in widgets]
    assert kinds[:3] == ["AutoHeightBrowser", "warningBox", "infoBox"]
    assert all(k == "QgsCollapsibleGroupBox" for k in kinds[3:])
    boxes = [w for w in widgets if isinstance(w, QgsCollapsibleGroupBox)]
    assert [b.title() for b in boxes] == ["Attributes", "Condition (2)", "Excavations (250)", "Traffic by hour",
                                          "Signs (0)", "Paving plan"]
    dock.cleanup()


def test_sections_fold_and_remember_the_users_choice(qgis_app):
    dock = make_dock()
    shown(dock, report())
    assert dock.section_box("signs").isCollapsed()  # nothing found: folded
    assert not dock.section_box("condition").isCollapsed()
    assert not dock.section_box("paving_plan").isCollapsed()  # the error is shown
    assert "not in the project" in card_text(dock)
    dock.section_box("condition").setCollapsed(True)
    dock.section_box(ATTRIBUTES_ID).setCollapsed(True)
    shown(dock, report())  # next click
    assert dock.section_box("condition").isCollapsed() and dock.section_box(ATTRIBUTES_ID).isCollapsed()
    assert not dock.section_box("excavations").isCollapsed()
    dock.close()
    dock.cleanup()


def test_a_section_empty_on_one_card_and_full_on_the_next_is_the_same_box_folded_as_its_content_says(qgis_app):
    dock = make_dock()
    shown(dock, report())
    signs = dock.section_box("signs")
    assert signs.isCollapsed()  # nothing found: folded
    with_signs = report()
    with_signs["sections"][3].update(total=1, columns=[{"field": "code", "label": "Code", "type": "text"}],
                                     items=[{"fid": 7, "values": {"code": "C31-40"}}])
    shown(dock, with_signs)
    assert dock.section_box("signs") is signs and not signs.isCollapsed()  # the same box, open: it has a sign
    shown(dock, report())
    assert dock.section_box("signs") is signs and signs.isCollapsed()  # empty again: folded again
    signs.setCollapsed(False)  # the user opens the empty section
    shown(dock, with_signs)
    shown(dock, report())
    assert not dock.section_box("signs").isCollapsed()  # the user's choice stays
    dock.close()
    dock.cleanup()


def test_the_next_card_reuses_the_widgets_and_shows_only_its_own_content(qgis_app, locale_setting):
    locale_setting("en_US")
    dock = make_dock()
    dock.show()
    shown(dock, report())
    traffic, chart = dock.section_box("traffic"), dock.section_box("traffic").findChildren(HourlyChart)[0]
    second = report()
    second["subject"]["title"] = "Kyrkgatan (OST-2)"
    second["sections"][2]["summary"]["hours"] = list(reversed(HOURS))
    second["sections"][2]["summary"]["peak_hours"] = [6]
    del second["sections"][4]  # no paving plan section on this card
    shown(dock, second)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dock.section_box("traffic") is traffic and traffic.findChildren(HourlyChart) == [chart]
    assert chart.hours == [float(h) for h in reversed(HOURS)] and chart.peaks == {6}
    text = card_text(dock)
    assert "Kyrkgatan (OST-2)" in text and "Storgatan (OST-1)" not in text
    assert dock.section_box("paving_plan") is None and "(paving_plan) is not in the project" not in text
    dock.close()
    dock.cleanup()


def test_hourly_profile_is_a_chart_with_the_peaks(qgis_app, locale_setting):
    locale_setting("en_US")
    dock = make_dock()
    dock.show()
    dock.show_report(report())
    charts = dock.section_box("traffic").findChildren(HourlyChart)
    assert len(charts) == 1
    chart = charts[0]
    assert chart.hours == [float(h) for h in HOURS] and chart.peaks == {7, 16}
    plot = chart._plot_rect()
    assert chart.hour_at(plot.left() + 0.5) == 0 and chart.hour_at(plot.right() - 0.5) == 23
    assert chart.hour_at(plot.left() + plot.width() * 7.5 / 24) == 7
    assert "Peak hours 07–08 and 16–17 · ÅDT 8400 · Counted in 2025" in card_text(dock)
    assert not dock.grab().isNull()  # paints without error
    # the HTML version (clipboard, export): 24 columns, the peak hours in the accent colour
    html = chart_html(TwinReport.from_dict(report()).sections[2], levels=10)
    top_row = html.split("<tr>")[1]
    assert top_row.count("<td") == 24
    assert [i for i, cell in enumerate(top_row.split("<td")[1:]) if PEAK_COLOR in cell] == [16]
    dock.close()
    dock.cleanup()


def test_truncated_section_offers_show_all(qgis_app, locale_setting):
    locale_setting("en_US")
    dock = make_dock()
    shown(dock, report())
    assert "Showing 3 of 250 · Show all" in card_text(dock)
    asked = []
    dock.showAllRequested.connect(asked.append)
    click_link(browser_with(dock, "showall:excavations"), "showall:excavations")
    assert asked == ["excavations"]

    full = copy.deepcopy(report()["sections"][1])
    full["items"] = [permit(i, "2027-01-01", f"Firma {i}") for i in range(1, 251)]
    full["truncated"], full["cap"] = False, 250
    dock.update_section(full)
    QApplication.processEvents()
    assert "Firma 250" in card_text(dock) and "Show all" not in card_text(dock)
    assert dock.report.sections[1].items[-1].fid == 250
    assert "Condition (2)" in [b.title() for b in dock.content.findChildren(QgsCollapsibleGroupBox)]
    dock.close()
    dock.cleanup()


def test_links_round_trip():
    assert parse_href("feature:excavation_permits:7") == ("feature", ("excavation_permits", 7))
    assert parse_href("feature:odd%3Alayer:3") == ("feature", ("odd:layer", 3))
    assert parse_href("showall:at_point%3Aproperties") == ("showall", "at_point:properties")
    assert parse_href("https://example.org") is None and parse_href("feature:x:y") is None
    assert parse_href("card:parks:3") == ("card", ("parks", 3)) and parse_href("idea:12") == ("idea", 12)
    assert parse_href("idea:x") is None


def test_ideas_section_is_a_compact_list_linking_each_idea(qgis_app, locale_setting):
    """One row per idea: the reference links to the idea in the ideas dock, the title stays whole, one status."""
    from digiresan_plugin.core.ideas.card import ideas_section
    from digiresan_plugin.core.ideas.model import Idea

    locale_setting("en_US")
    ideas = [Idea(12, "DR-2025-0015", "Luftkvalitetsmätare längs infarterna", status="Under bedömning",
                  linked_layer="road_segments", linked_key="OST-1"),
             Idea(13, "DR-2026-0002", "Bänkar <vid> torget", status="Beviljad", linked_layer="road_segments",
                  linked_key="OST-1")]
    data = report()
    data["sections"].append(ideas_section(ideas, "road_segments", "OST-1", None))
    dock = make_dock()
    dock.show_report(data)
    html = CardRenderer(dock.report).section_html(dock.report.section("ideas"))
    # one paragraph per idea: no header row, no repeated "Feature" column, no table squeezing the title
    assert html.count("<p ") == 2 and "<th" not in html and "<table" not in html
    assert '<a href="idea:12">DR-2025-0015</a>' in html and "Luftkvalitetsmätare längs infarterna" in html
    assert "Bänkar &lt;vid&gt; torget" in html and "Under&nbsp;bedömning" in html
    asked = []
    dock.ideaRequested.connect(asked.append)
    dock.open_link("idea:13")
    assert asked == [13]


# -- exports -------------------------------------------------------------------------------------------------
def test_json_export_round_trips(qgis_app, tmp_path):
    data = report()
    assert json.loads(report_to_json(data)) == data
    dock = make_dock()
    dock.show_report(data)
    path = tmp_path / "card.json"
    dock.export_json(path)
    assert json.loads(path.read_text(encoding="utf-8")) == data
    dock.cleanup()


def test_csv_export_has_one_row_per_value(qgis_app, tmp_path):
    data = report()
    rows = list(csv.reader(io.StringIO(report_to_csv(data))))
    assert rows[0] == ["section", "layer", "key", "fid", "field", "label", "value"]
    assert ["subject", "road_segments", "OST-1", "1", "street_name", "Street", "<b>Storgatan</b>"] in rows
    assert ["subject", "road_segments", "OST-1", "1", "surface", "Surface", ""] in rows
    assert ["subject", "road_segments", "OST-1", "1", "last_paved", "Last paved", "2025-11-27"] in rows
    assert ["warnings", "excavation_permits", "GT-2026-0001", "1", "moratorium", "warning",
            "Permit GT-2026-0001 digs in a street paved less than 3 years ago"] in rows
    assert ["excavations", "excavation_permits", "GT-2026-0001", "1", "contractor", "Contractor", SCRIPT] in rows
    assert ["excavations", "excavation_permits", "GT-2026-0001", "1", "extra.days_until_start",
            "days_until_start", "10"] in rows
    assert ["paving_plan", "paving_plan", "", "", "error", "",
            "Layer 'Paving plan' (paving_plan) is not in the project"] in rows
    hours_row = next(r for r in rows if r[0] == "traffic" and r[4] == "summary.hours")
    assert json.loads(hours_row[6]) == HOURS
    # 6 subject values + 2 warnings + per section: error, summary entries, item values and extras
    assert len(rows) == 1 + 6 + 2 + (2 + 6) + (2 + 3 * 9) + 6 + 1 + 1
    dock = make_dock()
    dock.show_report(data)
    path = tmp_path / "card.csv"
    dock.export_csv(path)
    assert list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))) == rows
    dock.cleanup()


def test_export_buttons_ask_for_a_file(qgis_app, tmp_path, monkeypatch):
    from digiresan_plugin.gui.card import dock as card_dock

    asked = []

    def answer(_parent, title, default, file_filter):
        asked.append((default, file_filter))
        return str(tmp_path / "storgatan"), file_filter  # no extension typed

    monkeypatch.setattr(card_dock.QFileDialog, "getSaveFileName", staticmethod(answer))
    dock = make_dock()
    dock.show_report(report())
    try:
        dock.json_action.trigger()
        dock.csv_action.trigger()
        assert asked[0][0].endswith("twin_card_OST-1.json") and "*.json" in asked[0][1]
        assert json.loads((tmp_path / "storgatan.json").read_text(encoding="utf-8")) == report()
        assert (tmp_path / "storgatan.csv").read_text(encoding="utf-8-sig").startswith("section,layer,key,")
        assert QgsSettings().value("digiresan/card_export_dir") == str(tmp_path)
        assert asked[1][0] == str(tmp_path / "twin_card_OST-1.csv")  # the folder is remembered
    finally:
        QgsSettings().remove("digiresan/card_export_dir")
        dock.cleanup()


def test_copy_puts_the_card_on_the_clipboard(qgis_app, locale_setting):
    locale_setting("en_US")
    dock = make_dock()
    assert not dock.copy_action.isEnabled()  # nothing to copy yet
    dock.show_report(report())
    assert dock.copy_action.isEnabled()
    QApplication.clipboard().clear()
    dock.copy_action.trigger()
    mime = QApplication.clipboard().mimeData()
    text = mime.text()
    assert text.startswith("Road segments: Storgatan (OST-1)\n")
    assert SCRIPT in text and "Last paved: 11/27/2025" in text and "  ! Permit GT-2026-0001" in text
    assert "Showing 3 of 250" in text
    assert mime.hasHtml() and "&lt;script&gt;" in mime.html() and "<script>" not in mime.html()
    assert "clipboard" in dock.message_bar.currentItem().text()  # "Copy" confirms
    dock.cleanup()


def test_empty_and_fallback_reports(qgis_app, locale_setting):
    locale_setting("en_US")
    dock = make_dock()
    nothing = {"report_version": 1, "language": "en", "query": None, "subject": None,
               "fallback": {"reason": "No twin feature under the cursor and nothing within 50 m"},
               "warnings": [], "sections": [], "ideas": []}
    dock.show_report(nothing)
    text = card_text(dock)
    assert "Nothing found here" in text and "nothing within 50 m" in text
    assert dock.highlight is None
    assert report_to_text(nothing).startswith("Nothing found here\n")
    dock.clear()
    assert dock.report is None and not dock.json_action.isEnabled() and browsers(dock) == []
    dock.cleanup()


# -- the map -------------------------------------------------------------------------------------------------
def test_clicking_a_related_feature_selects_and_flashes_it(qgis_canvas, qgis_parent, twin_layers):
    qgis_parent.show()
    qgis_canvas.setDestinationCrs(twin_layers["road_segments"].crs())
    qgis_canvas.setLayers(list(twin_layers.values()))
    qgis_canvas.setExtent(QgsRectangle(481500, 7005500, 481800, 7005800))
    dock = make_dock(qgis_canvas)
    shown(dock, report())
    activated = []
    dock.featureActivated.connect(lambda layer, fid: activated.append((layer, fid)))
    bands_before = len([i for i in qgis_canvas.scene().items() if isinstance(i, QgsRubberBand)])
    click_link(browser_with(dock, "feature:excavation_permits:2"), "feature:excavation_permits:2")
    assert activated == [("excavation_permits", 2)]
    assert twin_layers["excavation_permits"].selectedFeatureIds() == [2]
    bands = [i for i in qgis_canvas.scene().items() if isinstance(i, QgsRubberBand)]
    assert len(bands) > bands_before  # the flash
    # a link in the warnings box works the same way
    click_link(browser_with(dock, "feature:excavation_permits:1"), "feature:excavation_permits:1")
    assert twin_layers["excavation_permits"].selectedFeatureIds() == [1]
    # a feature off screen is brought into view
    qgis_canvas.setExtent(QgsRectangle(490000, 7010000, 490300, 7010300))
    dock.activate_feature("excavation_permits", 3)
    assert qgis_canvas.extent().contains(QgsPointXY(481675, 7005610))
    # a layer that is not loaded: a message, nothing selected
    dock.activate_feature("parks", 1)
    assert activated[-1] == ("excavation_permits", 3)
    dock.close()
    dock.cleanup()


def test_subject_is_highlighted_while_the_card_is_shown(qgis_canvas, qgis_parent, twin_layers, project):
    qgis_parent.show()
    qgis_canvas.setDestinationCrs(twin_layers["road_segments"].crs())
    qgis_canvas.setExtent(QgsRectangle(481500, 7005500, 481800, 7005800))

    def highlights() -> list:
        return [i for i in qgis_canvas.scene().items() if isinstance(i, QgsHighlight)]

    dock = make_dock(qgis_canvas)
    dock.show()
    dock.show_report(report())
    assert highlights() == [dock.highlight]
    assert dock.highlight.isVisible()
    casing = dock._highlight.casing  # a white casing under the halo: visible on every condition colour
    assert casing is not None and casing.isVisible() and casing.strokeColor().name() == "#ffffff"
    bands = len([i for i in qgis_canvas.scene().items() if isinstance(i, QgsRubberBand)])
    dock.show_report(report())  # a new card replaces the highlight and its casing
    assert len(highlights()) == 1
    assert len([i for i in qgis_canvas.scene().items() if isinstance(i, QgsRubberBand)]) == bands
    dock.clear()
    assert highlights() == [] and dock.highlight is None
    dock.show_report(report())
    dock.close()
    assert highlights() == []
    dock.show()
    assert len(highlights()) == 1  # back with the dock
    project.removeMapLayer(twin_layers["road_segments"].id())
    assert highlights() == []
    dock.cleanup()


def test_highlight_draws_the_geometry_the_report_carries(qgis_canvas, qgis_parent, twin_layers):
    """A report from the engine carries its subject's geometry: the highlight needs no read of the layer."""
    qgis_parent.show()
    qgis_canvas.setDestinationCrs(twin_layers["road_segments"].crs())
    data = report()
    data["subject"]["fid"] = 99  # the layer has no feature 99: nothing to read there
    dock = make_dock(qgis_canvas)
    dock.show_report(data)
    assert dock.highlight is None
    typed = TwinReport.from_dict(data)
    typed.subject.geometry = QgsGeometry.fromPolylineXY([QgsPointXY(481600, 7005700), QgsPointXY(481650, 7005750)])
    dock.show_report(typed)
    assert [i for i in qgis_canvas.scene().items() if isinstance(i, QgsHighlight)] == [dock.highlight]
    dock.cleanup()


def test_cleanup_removes_the_highlight(qgis_canvas, qgis_parent, twin_layers):
    qgis_parent.show()
    qgis_canvas.setDestinationCrs(twin_layers["road_segments"].crs())
    dock = make_dock(qgis_canvas)
    dock.show_report(report())
    assert dock.highlight is not None
    dock.cleanup()
    assert [i for i in qgis_canvas.scene().items() if isinstance(i, QgsHighlight)] == []
    # nothing left connected to the project
    assert len(dock._signals) == 0


def test_rendering_does_not_depend_on_the_engine():
    """The dock and the renderer import without the identify engine (a fresh interpreter to see imports): they
    read the report, its exporter and the section kinds, never what finds features or reads layers."""
    engine = {"engine", "subjects", "relations", "card_builder", "coordination", "fallback", "handles", "context",
              "config"}
    code = ("import sys; import digiresan_plugin.gui.card.dock, digiresan_plugin.gui.card.render; "
            "print(sorted(m for m in sys.modules if m.startswith('digiresan_plugin.core.identify')))")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    loaded = {m.rsplit(".", 1)[-1] for m in json.loads(out.stdout.strip().splitlines()[-1].replace("'", '"'))}
    assert "export" in loaded and "report" in loaded  # the check sees what the card does import
    assert loaded & engine == set()


def test_chart_without_counts(qgis_app):
    data = report()
    data["sections"][2]["summary"] = {"hours": [None] * 24, "peak_hours": [], "peak_text": None, "aadt": None}
    renderer = CardRenderer(data)
    assert profile_text(renderer.report.sections[2], renderer.fmt) == "No counts"
    dock = make_dock()
    dock.show_report(data)
    assert dock.section_box("traffic").findChildren(HourlyChart) == []
    assert not dock.grab().isNull()
    dock.cleanup()


def _header_lines(browser: AutoHeightBrowser, word: str) -> list[str]:
    block = browser.document().find(word).block()
    layout, text = block.layout(), block.text()
    return [text[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
            for i in range(layout.lineCount())]


def test_narrow_table_headers_wrap_between_words(qgis_app):
    """A card table's headers wrap between words ("Tillståndsklass" whole) while the table's words fit the width;
    only a table whose words cannot fit is wrapped inside words, never cut off at the right edge; wider again,
    the words are whole again."""
    headers = ("Mätdatum", "Tillståndsklass (1–5)", "IRI (mm/m)", "Spårdjup (mm)", "Fastighetsbeteckning")
    html = ('<table cellspacing="0" cellpadding="3" width="100%"><thead><tr>'
            + "".join(f'<th align="left" style="font-size:small">{h}</th>' for h in headers)
            + "</tr></thead><tr><td>2026-11-09</td><td>1</td><td>1,44</td><td>4,5</td><td>Hjorten 3</td></tr></table>")
    browser = AutoHeightBrowser(html)
    for width, whole in ((560, True), (240, False), (600, True)):
        browser.resize(width, 100)
        browser.show()
        QCoreApplication.processEvents()
        for word in ("Tillståndsklass", "Fastighetsbeteckning", "Spårdjup"):
            lines = _header_lines(browser, word)
            inside = any(a[-1:].isalpha() and b[:1].isalpha() for a, b in zip(lines, lines[1:]))  # "Tillstå|nds"
            assert inside is not whole, (width, word, lines)
        assert browser.document().size().width() <= browser.viewport().width() + 3  # nothing cut off
    browser.deleteLater()
