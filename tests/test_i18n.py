"""The Swedish translation: complete, well-formed, compiled, and really used when QGIS runs in Swedish.

The expected Swedish below is written out by hand (the words a Swedish user sees), not read from the .ts file.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from digiresan_plugin import classFactory
from digiresan_plugin.core.catalog import load_catalog
from digiresan_plugin.core.identify.export import report_to_text
from digiresan_plugin.core.identify.texts import MESSAGES
from digiresan_plugin.core.paths import i18n_dir
from digiresan_plugin.gui.card.dock import TwinCardDock
from digiresan_plugin.gui.card.parts import ATTRIBUTES_ID
from digiresan_plugin.gui.card.render import report_to_html
from digiresan_plugin.gui.twin_dock import TwinDock
from digiresan_plugin.processing.report_at_point import ReportAtPointAlgorithm
from tests.real_iface import RealIface

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "digiresan_plugin"
TS = ROOT / "i18n" / "digiresan_sv.ts"
QM = ROOT / "build" / "i18n" / "digiresan_sv.qm"
CHECK = ROOT / "scripts" / "check_translations.py"
LOCALE_KEYS = ("locale/overrideFlag", "locale/userLocale", "locale/globalLocale")
# names and file filters that Swedish writes the same way
SAME_IN_SWEDISH = {"Digiresan", "Status", "JSON", "CSV", "JSON (*.json)", "CSV (*.csv)", "GeoPackage (*.gpkg *.GPKG)",
                   "ÅDT {aadt}", "administration", "organisation"}  # the last two: idea themes / categories
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")


def run_check(*ts_files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), str(PLUGIN), *map(str, ts_files)],
                          capture_output=True, text=True, timeout=120)


def ts_messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            found.append((context.findtext("name") or "", message.findtext("source") or "",
                          message.find("translation")))
    return found


def needs_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (make tool-deps)")
    return path


# -- the .ts file ---------------------------------------------------------------------------------
def test_check_script_passes_on_the_swedish_translation():
    needs_tool("pylupdate5")
    result = run_check(TS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"translations: \d+ strings, 0 problem\(s\)", result.stdout), result.stdout


def test_check_script_fails_on_unfinished_or_missing_strings(tmp_path):
    """The build check can fail: one string marked unfinished and one removed are both reported."""
    needs_tool("pylupdate5")
    tree = ET.parse(TS)
    contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
    dock = contexts["TwinDock"]
    unfinished = next(m for m in dock.iter("message") if m.findtext("source") == "Load twin")
    unfinished.find("translation").set("type", "unfinished")
    card = contexts["TwinCardDock"]
    card.remove(next(m for m in card.iter("message") if m.findtext("source") == "Twin card"))
    broken = tmp_path / "broken_sv.ts"
    tree.write(broken, encoding="utf-8", xml_declaration=True)

    result = run_check(broken)
    assert result.returncode == 1
    assert "unfinished [TwinDock] 'Load twin'" in result.stdout
    assert "missing [TwinCardDock] 'Twin card'" in result.stdout
    assert "2 problem(s)" in result.stdout


def test_ts_is_swedish_and_every_translation_keeps_its_placeholders():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "sv_SE"
    messages = ts_messages(TS)
    assert len(messages) > 150
    for context, source, translation in messages:
        text = translation.text or ""
        where = f"[{context}] {source!r} -> {text!r}"
        assert translation.get("type") is None, where
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert source.count("&") == text.count("&"), where
        assert (source[:1].isspace(), source[-1:].isspace()) == (text[:1].isspace(), text[-1:].isspace()), where
        assert source.rstrip().endswith(":") == text.rstrip().endswith(":"), where
        if source not in SAME_IN_SWEDISH:
            assert text != source, f"not translated: {where}"


def test_card_words_agree_with_the_engines_swedish():
    """The card's words live in the .ts only (context CardRenderer); where the engine's report texts (chosen by
    the report's language, no .qm needed) say the same in English, they say the same in Swedish."""
    ts = {source: t.text for context, source, t in ts_messages(TS) if context == "CardRenderer"}
    assert ts["Show all"] == "Visa alla" and ts["Peak hours {peaks}"] == "Högtrafik {peaks}"
    for texts in MESSAGES.values():
        if texts["en"] in ts:
            assert ts[texts["en"]] == texts["sv"], texts["en"]


def test_lrelease_compiles_every_string_without_warnings(tmp_path):
    lrelease = needs_tool("lrelease")
    result = subprocess.run([lrelease, str(TS), "-qm", str(tmp_path / "sv.qm")], capture_output=True, text=True,
                            timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "warning" not in output.lower(), output
    match = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", output)
    assert match, output
    assert int(match.group(1)) == len(ts_messages(TS)) == int(match.group(2))
    assert match.group(3) == "0"


# -- the plugin in Swedish ------------------------------------------------------------------------
@pytest.fixture()
def compiled_qm() -> Path:
    """build/i18n/digiresan_sv.qm, compiled now if missing or older than the .ts (``make build`` does it too)."""
    if not QM.is_file() or QM.stat().st_mtime < TS.stat().st_mtime:
        lrelease = needs_tool("lrelease")
        QM.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([lrelease, "-silent", str(TS), "-qm", str(QM)], check=True, timeout=120)
    assert Path(i18n_dir()) == QM.parent
    return QM


@pytest.fixture()
def swedish_qgis(qgis_app, compiled_qm):
    """QGIS's UI locale overridden to sv_SE for one test; the old settings are put back."""
    settings = QgsSettings()
    old = {key: settings.value(key) for key in LOCALE_KEYS}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "sv_SE")
    yield
    for key, value in old.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def swedish_report() -> dict:
    """A card as the engine builds it for a Swedish UI (docs/report_schema.md), written by hand."""
    def permit(fid: int, **extra) -> dict:
        key = f"GT-2026-{fid:04d}"
        return {"layer": "excavation_permits", "key": key, "fid": fid, "title": key,
                "values": {"permit_id": key, "status": "Beviljad"},
                "extra": {"days_until_start": None, "days_left": None, "state": None, **extra}}

    hours = [20, 10, 10, 10, 20, 80, 300, 800, 500, 350, 380, 400, 420, 400, 420, 600, 900, 700, 400, 250, 150, 100,
             60, 40]
    return copy.deepcopy({
        "report_version": 1,
        "language": "sv",
        "query": {"x": 481650.0, "y": 7005611.0, "crs": "EPSG:3006", "radius_m": 1.5},
        "subject": {"layer": "road_segments", "layer_title": "Vägsegment", "key_field": "segment_id",
                    "key": "OST-1", "fid": 1, "title": "Storgatan (OST-1)",
                    "attributes": [{"field": "street_name", "label": "Gatunamn", "value": "Storgatan",
                                    "type": "text"},
                                   {"field": "aadt", "label": "ÅDT", "value": 8400, "type": "int"}]},
        "fallback": None,
        "warnings": [
            {"kind": "moratorium", "severity": "warning", "message": "Grävtillstånd GT-2026-0001 gräver i OST-1",
             "refs": [{"layer": "excavation_permits", "key": "GT-2026-0001", "fid": 1}]},
            {"kind": "permit_overlap", "severity": "warning", "message": "GT-2026-0001 och GT-2026-0002 överlappar",
             "refs": [{"layer": "excavation_permits", "key": "GT-2026-0002", "fid": 2}]},
        ],
        "sections": [
            {"id": "excavations", "title": "Grävtillstånd", "kind": "list", "layer": "excavation_permits",
             "layer_title": "Grävtillstånd", "total": 12, "truncated": True, "cap": 3,
             "columns": [{"field": "permit_id", "label": "Tillstånd", "type": "text"},
                         {"field": "status", "label": "Status", "type": "text"}],
             "items": [permit(1, days_until_start=10, state="upcoming"),
                       permit(2, days_left=15, state="ongoing"),
                       permit(3, days_until_start=1, state="upcoming")],
             "summary": {"count": 12}, "error": None},
            {"id": "traffic", "title": "Trafik per timme", "kind": "hourly_profile", "layer": "traffic_counts",
             "layer_title": "Trafikmätningar", "total": 24, "truncated": False, "cap": 200, "columns": [],
             "items": [], "summary": {"hours": hours, "peak_hours": [7, 16], "peak_text": "07–08 och 16–17",
                                      "aadt": 8400, "total": 7320, "year": 2025}, "error": None},
            {"id": "signs", "title": "Vägmärken", "kind": "sign_list", "layer": "traffic_signs",
             "layer_title": "Vägmärken", "total": 0, "truncated": False, "cap": 200, "columns": [], "items": [],
             "summary": {"codes": []}, "error": None},
        ],
        "ideas": [],
    })


def flush() -> None:
    QgsApplication.processEvents()
    QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_plugin_speaks_swedish_when_qgis_does_and_english_after_unload(swedish_qgis):
    assert QCoreApplication.translate("TwinDock", "Digital twin") == "Digital twin"  # no translator yet
    iface = RealIface()
    plugin = classFactory(iface)
    try:
        assert plugin.translator is not None, "the Swedish .qm was not installed"
        plugin.initGui()

        # the twin dock
        twin = plugin.twin_dock
        assert twin.windowTitle() == "Digital tvilling"
        assert twin.load_button.text() == "Läs in tvilling"
        assert twin.zoom_button.text() == "Zooma till tvilling"
        assert twin.remove_button.text() == "Ta bort"
        assert twin.kind_combo.itemText(0) == "Inbyggd demotvilling (centrala Östersund)"

        # menu and toolbar actions
        texts = [a.text() for a in iface.submenus["&Digiresan"].actions()]
        assert texts == ["Digital tvilling", "Tvillinginfo", "Digiresan-idéer", "Underhållsplan", "Samordning"]
        assert [a.text() for a in plugin.toolbar.actions()] == texts
        assert plugin.toolbar.windowTitle() == "Digiresan"
        twin_info = plugin.toolbar.actions()[1]
        assert twin_info.toolTip().startswith("Tvillinginfo (Ctrl+Alt+I): klicka var som helst på kartan")

        # the ideas dock
        ideas = plugin.ideas_dock
        assert ideas.windowTitle() == "Digiresan-idéer"
        assert ideas.status_combo.itemText(0) == "Alla statusar"
        assert ideas.search_edit.placeholderText() == "Sök i titel och beskrivning"
        assert [ideas.tabs.tabText(i) for i in range(ideas.tabs.count())][:2] == ["Detaljer", "Beslut"]
        # statuses, themes and categories in the UI language: in Swedish, the stored words themselves
        assert [ideas.status_combo.itemText(i) for i in (1, 4)] == ["Inkommen", "Delvis beviljad"]
        assert ideas.status_combo.itemData(4) == "Delvis beviljad"
        assert ideas.theme_combo.itemText(ideas.theme_combo.findData("vård och omsorg")) == "vård och omsorg"
        assert ideas.category_combo.itemText(ideas.category_combo.findData("invånare")) == "invånare"
        from digiresan_plugin.core.ideas.formats import mnkr

        assert mnkr(12_345_678) == "12,3 mnkr"

        # the coordination board
        board = plugin.coordination_dock
        assert board.windowTitle() == "Samordning"
        assert board.rule_filter.itemText(0) == "Alla regler" and board.timeline_button.text() == "Tidslinje"
        assert board.editor.save.text() == "Spara hantering"

        # the card dock and its toolbar
        card = plugin.card_dock
        assert card.windowTitle() == "Tvillingkort"
        assert [a.text() for a in card.toolbar.actions() if a.text()] == [
            "Kopiera som text", "Exportera JSON…", "Exportera CSV…", "Hjälp"]
        assert card.copy_action.iconText() == "Kopiera"
        assert card.help_action.toolTip() == "Så läser du tvillingkortet"
        assert card.csv_action.toolTip() == "Spara rapporten som en CSV-tabell (en rad per värde)"

        # a card in the dock and as HTML / text
        report = swedish_report()
        card.show_report(report)
        assert card.section_box(ATTRIBUTES_ID).title() == "Egenskaper"
        assert card.section_box("excavations").title() == "Grävtillstånd (12)"
        html = report_to_html(report)
        for swedish in ("⚠ Varningar (2)", "Grävstopp", "Överlappande grävtillstånd", "Egenskaper",
                        "Visar 3 av 12", "Visa alla", "om 10 dagar", "15 dagar kvar", "i morgon", "När",
                        "Högtrafik 07–08 och 16–17", "ÅDT 8400", "Mätår 2025", "Inget hittat"):
            assert swedish in html, swedish
        for english in ("Warnings", "Attributes", "Show all", "Peak hours", "Counted in", "Nothing found", "days"):
            assert english not in html, english
        text = report_to_text(report)
        assert "Varningar" in text and "Timme 00–23" in text
        # the words come from the compiled translation (not only the card's built-in Swedish)
        assert QCoreApplication.translate("CardRenderer", "Attributes") == "Egenskaper"
        # Processing: a subclass finds the strings its base class wrote (context TwinAlgorithm)
        algorithm = ReportAtPointAlgorithm()
        assert algorithm.displayName() == "Tvillingrapport för punkt"
        assert algorithm.group() == "Digital tvilling"
    finally:
        plugin.unload()
        flush()

    assert plugin.translator is None
    assert QCoreApplication.translate("TwinDock", "Digital twin") == "Digital twin"
    assert QCoreApplication.translate("CardRenderer", "Attributes") == "Attributes"
    dock = TwinDock(load_catalog())
    card = TwinCardDock()
    try:
        assert dock.windowTitle() == "Digital twin"
        assert dock.load_button.text() == "Load twin"
        assert card.windowTitle() == "Twin card"
        assert card.copy_action.text() == "Copy as text"
        english = swedish_report()
        english["language"] = "en"
        html = report_to_html(english)
        assert "Attributes" in html and "Show all" in html and "Peak hours" in html
        assert "Egenskaper" not in html and "Visa alla" not in html
    finally:
        dock.cleanup()
        card.cleanup()
        dock.deleteLater()
        card.deleteLater()
        flush()


def test_plugin_stays_english_without_the_swedish_locale(qgis_app, compiled_qm):
    settings = QgsSettings()
    old = {key: settings.value(key) for key in LOCALE_KEYS}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_GB")
    plugin = classFactory(RealIface())
    try:
        assert plugin.translator is None
        plugin.initGui()
        assert plugin.twin_dock.windowTitle() == "Digital twin"
        assert plugin.card_dock.windowTitle() == "Twin card"
        ideas = plugin.ideas_dock  # English words, Swedish data
        assert [ideas.status_combo.itemText(i) for i in (1, 4)] == ["Received", "Partly granted"]
        assert ideas.status_combo.itemData(4) == "Delvis beviljad"
        assert ideas.theme_combo.itemText(ideas.theme_combo.findData("vård och omsorg")) == "health and social care"
    finally:
        plugin.unload()
        flush()
        for key, value in old.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


def test_the_language_is_the_translation_qgis_started_with(qgis_app):
    """Changing the locale in the Options dialog mid-session does not switch the cards: QGIS's start-up
    translation wins over the settings read later."""
    from qgis.core import QgsApplication

    from digiresan_plugin.core.i18n import ui_language

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    try:
        QgsApplication.setTranslation("sv_SE")
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "en_GB")  # what the Options dialog wrote after start-up
        assert ui_language() == "sv"
        QgsApplication.setTranslation("")
        assert ui_language() == "en"  # no start-up translation (tests, scripts): the settings
    finally:
        QgsApplication.setTranslation("")
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
