"""The one exporter of a twin report (core/identify/export.py): text as on the card, long CSV rows, JSON.

The report is the engine's answer for a click on S1 of the constructed twin (fixtures_twin); every expected line
below follows from how that twin was built (today 2026-11-27, moratorium 3 years), written out by hand.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
from qgis.PyQt.QtCore import QLocale

from digiresan_plugin.core.catalog import load_catalog
from digiresan_plugin.core.identify import TwinEngine, TwinReport
from digiresan_plugin.core.identify.export import (
    CSV_HEADER,
    report_to_csv,
    report_to_csv_rows,
    report_to_json,
    report_to_text,
    write_csv,
    write_json,
)

from .fixtures_twin import ON_S1, S1, S1_HOURS, SCRIPT, TODAY, build_twin, open_layers


@pytest.fixture(scope="module")
def s1_report(qgis_app, tmp_path_factory: pytest.TempPathFactory) -> TwinReport:
    catalog = load_catalog()
    layers = open_layers(build_twin(tmp_path_factory.mktemp("export") / "twin.gpkg"), catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    return engine.report_at_point(QgsPointXY(*ON_S1), QgsCoordinateReferenceSystem("EPSG:3006"), 2.0)


def test_text_reads_like_the_card(qgis_app, s1_report):
    text = report_to_text(s1_report, QLocale("sv_SE"))
    lines = text.splitlines()
    assert lines[0] == f"Road segment: Storgatan ({S1})"
    assert lines[2] == "Warnings" and sum(line.startswith("  ! ") for line in lines) == 7
    # the subject's attributes in the Swedish locale: a date as 2025-11-27, 9.0 m as 9
    assert "  Last paved: 2025-11-27" in lines and "  Width (m): 9" in lines
    assert "  ÅDT (vehicles/day): 8400" in lines
    # condition: inspections 2022 → 2024 → 2026 with classes 3 → 2 → 4, newest first, decimal comma
    at = lines.index("Condition (3)")
    assert lines[at + 1] == "  Worsening: 2 → 4 (since 2024)"
    assert lines[at + 2] == "  All inspections: 3 → 2 → 4 (2022–2026)"
    assert lines[at + 3] == "  - 2026-05-14 — Condition class (1–5): 4 – poor; IRI (mm/m): 3,4; Rut depth (mm): 11"
    # signs within 15 m, by code: the sign name leads, a missing value is a dash
    # a coded value reads as its domain's label in the report's language (the fixture's 'vänster' is "Left")
    assert f"  - E19 — Parking; Value: {SCRIPT}; Side: Left; Installed: –" in lines
    assert "  - C31-50 — Speed limit 50 km/h; Value: 50; Side: Right; Installed: 2019-04-01" in lines
    # permits by start: P2 ongoing (ends in 15 days), P1 starts in 10 days, P5 on 2027-03-01 (94 days)
    at = lines.index("Excavations (3)")
    assert [line.split(" — ")[0] for line in lines[at + 1:at + 4]] == [
        "  - GT-2026-0002", "  - GT-2026-0001", "  - GT-2027-0005"]
    assert lines[at + 1].endswith("; 15 days left") and lines[at + 2].endswith("; in 10 days")
    assert lines[at + 3].endswith("; Emergency dig: –; in 94 days")
    # the hourly profile: no count in its title, the 2025 profile and the segment's ÅDT
    at = lines.index("Traffic by hour (weekday)")
    assert lines[at + 1] == "  Peak hours 07–08 and 16–17 · ÅDT 8400 · Counted in 2025"
    assert lines[at + 2] == "  Hour 00–23: ▁▁▁▁▁▂▃▇▅▄▄▄▄▄▄▆█▆▄▃▂▂▁▁"
    assert lines[at + 3].startswith("  00:20 01:10 02:10 03:10 04:20 05:80 06:300 07:800 ")
    assert lines[-2:] == ["  - 2027 — Treatment: New surfacing", "  - 2030 — Treatment: Sealing"]


def test_csv_rows_keep_the_raw_values(s1_report):
    rows = report_to_csv_rows(s1_report)
    assert rows[0] == CSV_HEADER == ["section", "layer", "key", "fid", "field", "label", "value"]
    assert rows[1] == ["subject", "road_segments", S1, "1", "street_name", "Street", "Storgatan"]
    assert ["subject", "road_segments", S1, "1", "last_paved", "Last paved", "2025-11-27"] in rows
    assert ["subject", "road_segments", S1, "1", "width_m", "Width (m)", "9"] in rows
    warnings = [r for r in rows if r[0] == "warnings"]
    assert len(warnings) == 7 and {r[4] for r in warnings} == {"moratorium", "permit_overlap", "dig_before_paving"}
    assert ["condition", "road_condition", "", "", "summary.trend", "trend", "worsening"] in rows
    assert ["condition", "road_condition", S1, "2", "iri_mm_m", "IRI (mm/m)", "3.4"] in rows  # raw, not 3,4
    assert ["signs", "traffic_signs", "SIGN-1", "1", "extra.distance_m", "distance_m", "10"] in rows
    assert ["signs", "traffic_signs", "SIGN-3", "3", "value", "Value", SCRIPT] in rows
    assert ["signs", "traffic_signs", "", "", "summary.codes", "codes", '["B2", "C31-50", "E19"]'] in rows
    assert ["excavations", "excavation_permits", "", "", "summary.next_start", "next_start", "2026-12-07"] in rows
    assert ["excavations", "excavation_permits", "GT-2026-0001", "1", "extra.days_until_start", "days_until_start",
            "10"] in rows
    assert ["excavations", "excavation_permits", "GT-2026-0002", "2", "emergency", "Emergency dig", "no"] in rows
    assert ["excavations", "excavation_permits", "GT-2027-0005", "5", "emergency", "Emergency dig", ""] in rows
    hours = next(r for r in rows if r[0] == "traffic" and r[4] == "summary.hours")
    assert json.loads(hours[6]) == S1_HOURS
    # 10 attributes, 7 warnings; condition 8 summary (trend, all inspections, …) + 3 × 4 values; signs 2 + 3 × 6;
    # permits 2 + 3 × 13 (with applicant and TA plan); traffic 7 + 24 × 3; paving plan 1 + 2 × 2
    assert len(rows) == 1 + 10 + 7 + (8 + 12) + (2 + 18) + (2 + 39) + (7 + 72) + (1 + 4)
    assert list(csv.reader(io.StringIO(report_to_csv(s1_report)))) == rows


def test_json_and_the_typed_report_round_trip(s1_report):
    data = json.loads(report_to_json(s1_report))
    assert data == s1_report.to_dict()
    assert data["subject"]["bbox"] == [481600.0, 7005610.0, 481700.0, 7005610.0]  # S1 runs along y = 7 005 610
    assert data["subject"]["bbox_crs"] == "EPSG:3006"
    assert TwinReport.from_dict(data) == s1_report
    # a dict in the JSON form exports the same as the report it came from
    assert report_to_csv_rows(data) == report_to_csv_rows(s1_report)


def test_files(s1_report, tmp_path: Path):
    write_json(s1_report, tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["subject"]["key"] == S1
    write_csv(s1_report, tmp_path / "plain.csv")
    write_csv(s1_report, tmp_path / "excel.csv", excel=True)
    assert (tmp_path / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbfsection,layer,key,")
    assert (tmp_path / "plain.csv").read_bytes().startswith(b"section,layer,key,")


def test_swedish_csv_opens_in_columns_in_swedish_excel(qgis_app, s1_report, tmp_path):
    """Semicolons, decimal comma, a byte order mark, a Swedish header and Swedish words (fixtures_twin: S1's latest
    inspection has IRI 3.4, width 9.0 m, worsening)."""
    from digiresan_plugin.core.identify.export import write_csv
    from digiresan_plugin.core.identify.report import TwinReport

    report = TwinReport.from_dict(dict(s1_report.to_dict(), language="sv"))
    path = tmp_path / "kort.csv"
    write_csv(report, path, excel=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["avsnitt", "lager", "nyckel", "fid", "fält", "etikett", "värde"]
    assert all(len(row) == 7 for row in rows)
    assert ["condition", "road_condition", S1, "2", "iri_mm_m", "IRI (mm/m)", "3,4"] in rows
    assert ["condition", "road_condition", "", "", "summary.trend", "trend", "Försämras"] in rows
    assert any(r[4] == "emergency" and r[6] == "nej" for r in rows)
    english = tmp_path / "card.csv"
    write_csv(s1_report, english, excel=True)
    rows = list(csv.reader(io.StringIO(english.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "section" and ["condition", "road_condition", S1, "2", "iri_mm_m", "IRI (mm/m)",
                                         "3.4"] in rows
