"""The "Digiresan ideas" dock in a real QGIS: listing, filters and counts, planner/coordinator modes, editing with
conflicts, CSV export, errors with retry, and the link between the list and the map."""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt

from demo import generate_twin
from demo.ideas import write_ideas_for_twin
from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.gpkg_notes import read_notes
from digiresan_plugin.core.ideas.model import IdeaChange
from digiresan_plugin.gui.ideas import personal_data
from digiresan_plugin.gui.ideas.conflict_dialog import ConflictDialog
from digiresan_plugin.gui.ideas.dock import IdeasDock
from digiresan_plugin.gui.ideas.map_layer import LAYER_PROPERTY
from tests.conftest import SEED, TODAY
from tests.sqlite_rows import rows


@pytest.fixture(scope="module")
def ideas_twin_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dock") / "twin.gpkg"
    generate_twin(path, seed=SEED, today=TODAY)
    write_ideas_for_twin(path, SEED, TODAY)
    return path


@pytest.fixture()
def gpkg(ideas_twin_master, tmp_path) -> Path:
    path = tmp_path / "twin.gpkg"
    shutil.copy(ideas_twin_master, path)
    return path




def wait(condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting")
        QCoreApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture()
def make_dock(project, qgis_canvas):
    docks = []

    def _make(path: Path, coordinator: bool = False, canvas=True, catalog=None) -> IdeasDock:
        dock = IdeasDock(qgis_canvas if canvas else None, None, None, repository=GeoPackageIdeaRepository(path),
                         coordinator=coordinator, load=False, catalog=catalog)
        docks.append(dock)
        dock.refresh()
        wait(lambda: not dock.is_busy())
        QCoreApplication.processEvents()
        return dock

    yield _make
    for dock in docks:
        dock.cleanup()
        dock.deleteLater()


def visible_refs(dock: IdeasDock) -> list[str]:
    return [i.reference for i in dock.model.visible_ideas()]


def test_dock_lists_the_ideas_with_counts(make_dock, gpkg):
    dock = make_dock(gpkg)
    assert dock.error_text == ""
    assert dock.model.rowCount() == 200
    expected = dict(rows(gpkg, "SELECT status, count(*) FROM ideas GROUP BY status"))
    assert {s: n for s, n in dock.model.result.counts.items() if n} == expected
    assert "200 of 200 ideas" in dock.counts_label.text()
    # newest first
    newest = rows(gpkg, "SELECT reference FROM ideas ORDER BY submitted_on DESC, idea_id DESC LIMIT 1")[0][0]
    assert dock.model.idea_at(0).reference == newest
    assert dock.windowTitle() == "Digiresan ideas"


def test_filters_update_rows_and_counts(make_dock, gpkg):
    dock = make_dock(gpkg)
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("skola"))
    expected = dict(rows(gpkg, "SELECT status, count(*) FROM ideas WHERE theme = 'skola' GROUP BY status"))
    assert {s: n for s, n in dock.model.result.counts.items() if n} == expected
    assert dock.model.rowCount() == sum(expected.values())
    dock.status_combo.setCurrentIndex(dock.status_combo.findData("Avslagen"))
    assert dock.model.rowCount() == expected.get("Avslagen", 0)
    assert {s: n for s, n in dock.model.result.counts.items() if n} == expected  # counts ignore the status choice
    year = TODAY.year - 1  # the demo's ideas came in over the years before its today
    assert dock.year_combo.findData(year) >= 0
    dock.year_combo.setCurrentIndex(dock.year_combo.findData(year))
    (n,), = rows(gpkg, "SELECT count(*) FROM ideas WHERE theme = 'skola' AND status = 'Avslagen' AND "
                       "submitted_on LIKE ?", (f"{year}-%",))
    assert dock.model.rowCount() == n
    dock.clear_filters()
    dock.search_edit.setText("sensor")
    (n,), = rows(gpkg, "SELECT count(*) FROM ideas WHERE lower(title || ' ' || description) LIKE '%sensor%'")
    assert dock.model.rowCount() == n > 0
    for literal in ("'; DROP TABLE ideas; --", "<b>", "%", "_"):
        dock.search_edit.setText(literal)
        assert dock.model.rowCount() == 0
    assert rows(gpkg, "SELECT count(*) FROM ideas") == [(200,)]
    dock.search_edit.setText("")
    assert dock.model.rowCount() == 200


def test_planner_mode_never_shows_personal_data(make_dock, gpkg, tmp_path):
    dock = make_dock(gpkg, coordinator=False)
    names = {r[0] for r in rows(gpkg, "SELECT submitter_name FROM ideas")}
    contacts = {r[0] for r in rows(gpkg, "SELECT submitter_contact FROM ideas")}
    assert "submitter_name" not in dock.model.column_keys()
    assert all(i.submitter_name is None and i.submitter_contact is None for i in dock.model.ideas())
    dock.select_idea(5)
    wait(lambda: "History" in dock.detail.toPlainText() and "Loading" not in dock.detail.toPlainText())
    text = dock.detail.toPlainText()
    assert not any(name in text for name in names) and not any(c in text for c in contacts)
    assert not dock.tabs.isTabVisible(dock.tabs.indexOf(dock.editor_page))
    path = tmp_path / "planner.csv"
    dock.export_csv(path)
    content = path.read_text(encoding="utf-8-sig")
    header = content.splitlines()[0].split(",")
    assert "submitter_name" not in header and "submitter_contact" not in header
    assert not any(c in content for c in contacts) and not any(name in content for name in names)
    # the map layer has no personal data either
    layer = dock.layer
    assert layer is not None and not {"submitter_name", "submitter_contact"} & set(layer.fields().names())


def show_local_personal(dock, monkeypatch) -> None:
    """The user's explicit choice to show a local file's personal data (confirmed), and the reload it starts."""
    monkeypatch.setattr(personal_data, "ASK_SHOW_LOCAL", lambda _parent, _source: True)
    assert dock.show_local_personal_data(True)
    wait(lambda: not dock.is_busy())


def test_a_local_file_shows_personal_data_only_after_an_explicit_logged_choice(make_dock, gpkg, monkeypatch,
                                                                              caplog):
    dock = make_dock(gpkg, coordinator=True)
    assert "submitter_name" not in dock.model.column_keys()  # hidden by default, even for a coordinator
    assert all(i.submitter_name is None for i in dock.model.ideas())
    assert not dock.header.local_notice.isHidden() and "protects nothing" in dock.header.local_label.text()
    assert "personal data hidden" in dock.header.source_label.text()
    assert dock.tabs.isTabVisible(dock.tabs.indexOf(dock.editor_page))  # the file is writable: decisions
    asked = []
    monkeypatch.setattr(personal_data, "ASK_SHOW_LOCAL", lambda _parent, source: asked.append(source) or False)
    assert not dock.show_local_personal_data(True)  # the user says no: nothing changes, nothing is noted
    assert asked == ["twin.gpkg"] and "submitter_name" not in dock.model.column_keys()
    assert read_notes(gpkg) == []
    noted = []
    dock.audit_noted.connect(noted.append)
    with caplog.at_level("WARNING"):
        show_local_personal(dock, monkeypatch)
    wait(lambda: noted)
    assert dock.model.column_keys()[-2:] == ["submitter_name", "submitter_contact"]
    assert any("chose to show the personal data" in r.getMessage() for r in caplog.records)
    (note,) = read_notes(gpkg)
    assert note[2] == "show_personal_data" and "twin.gpkg" in note[3]
    (name, contact), = rows(gpkg, "SELECT submitter_name, submitter_contact FROM ideas WHERE idea_id = 5")
    dock.select_idea(5)
    assert name in dock.detail.toPlainText() and contact in dock.detail.toPlainText()
    assert "personal data shown" in dock.header.source_label.text()
    # hiding them again takes effect at once, without a question
    assert dock.show_local_personal_data(False)
    assert "submitter_name" not in dock.model.column_keys()
    wait(lambda: not dock.is_busy())
    assert all(i.submitter_name is None for i in dock.model.ideas())
    assert name not in dock.detail.toPlainText()


def test_coordinator_edit_is_saved_with_its_history(make_dock, gpkg):
    dock = make_dock(gpkg, coordinator=True)
    (idea_id, version), = rows(gpkg, "SELECT idea_id, version FROM ideas WHERE status = 'Under bedömning' "
                                     "AND estimated_cost_sek >= 175000 ORDER BY idea_id LIMIT 1")
    assert dock.select_idea(idea_id)
    dock.edit_status.setCurrentIndex(dock.edit_status.findData("Beviljad"))
    dock.edit_granted.setValue(175000)
    dock.edit_decision.setPlainText("Beviljas för en pilot <i>2023</i>.")
    saved = []
    dock.saved.connect(saved.append)
    dock.save_button.click()
    wait(lambda: saved)
    stored = rows(gpkg, "SELECT status, granted_sek, decision_text, version, decided_on IS NOT NULL FROM ideas "
                        "WHERE idea_id = ?", (idea_id,))
    assert stored == [("Beviljad", 175000.0, "Beviljas för en pilot <i>2023</i>.", version + 1, 1)]
    fields = {r[0] for r in rows(gpkg, "SELECT field FROM idea_events WHERE idea_id = ? AND changed_at = "
                                       "(SELECT updated_at FROM ideas WHERE idea_id = ?)", (idea_id, idea_id))}
    assert fields == {"status", "granted_sek", "decision_text", "decided_on"}
    assert dock.current_idea().idea_id == idea_id and dock.current_idea().status == "Beviljad"
    wait(lambda: "175" in dock.detail.toPlainText() and "Loading" not in dock.detail.toPlainText())
    assert "Under review → Granted" in dock.detail.toPlainText()  # the data stay Swedish, the English UI shows English


def test_a_conflict_shows_both_values_and_overwrites_nothing_silently(make_dock, gpkg):
    dock = make_dock(gpkg, coordinator=True)
    (idea_id,), = rows(gpkg, "SELECT idea_id FROM ideas WHERE status = 'Under bedömning' ORDER BY idea_id LIMIT 1")
    dock.select_idea(idea_id)
    seen = dock.current_idea()
    # meanwhile another coordinator decides
    other = GeoPackageIdeaRepository(gpkg).save(
        IdeaChange(idea_id, seen.version, {"status": "Avslagen", "decision_text": "Theirs"}, user="Other"))
    assert other.ok
    conflicts = []

    def keep_my_text(conflict):
        conflicts.append(conflict)
        return {"decision_text": "Mine"}  # the user keeps their text, takes the other status

    dock.resolve_conflict = keep_my_text
    dock.edit_status.setCurrentIndex(dock.edit_status.findData("Beviljad"))
    dock.edit_granted.setValue(min(seen.estimated_cost_sek or 1000, 1000))
    dock.edit_decision.setPlainText("Mine")
    saved = []
    dock.saved.connect(saved.append)
    dock.save_button.click()
    wait(lambda: saved)
    assert len(conflicts) == 1
    differences = dict((f, (mine, theirs)) for f, mine, theirs in conflicts[0].differences())
    assert differences["decision_text"] == ("Mine", "Theirs") and differences["status"] == ("Beviljad", "Avslagen")
    assert rows(gpkg, "SELECT status, decision_text, version FROM ideas WHERE idea_id = ?", (idea_id,)) == [
        ("Avslagen", "Mine", seen.version + 2)]
    texts = [r[0] for r in rows(gpkg, "SELECT new_value FROM idea_events WHERE idea_id = ? AND field = "
                                      "'decision_text' ORDER BY event_id", (idea_id,))]
    assert texts[-2:] == ["Theirs", "Mine"]


def test_conflict_dialog_defaults_to_theirs():
    conflict_change = IdeaChange(1, 1, {"status": "Beviljad", "decision_text": "Mine"})
    from digiresan_plugin.core.ideas.model import Conflict, Idea

    current = Idea(1, "DR-2020-0001", "t", status="Avslagen", decision_text="Theirs", version=2, updated_by="Other")
    dialog = ConflictDialog(Conflict(conflict_change, current))
    assert dialog.table.rowCount() == 2
    assert dialog.chosen_values() == {}
    dialog.choose_mine("decision_text")
    assert dialog.chosen_values() == {"decision_text": "Mine"}
    assert dialog.table.cellWidget(1, 1).text() == "Theirs"
    dialog.deleteLater()


def test_planner_cannot_save(make_dock, gpkg):
    dock = make_dock(gpkg, coordinator=False)
    dock.select_idea(3)
    before = rows(gpkg, "SELECT version FROM ideas WHERE idea_id = 3")
    dock.edit_status.setCurrentIndex(dock.edit_status.findData("Avslagen"))
    dock.save_current()
    wait(lambda: not dock.is_busy())
    assert rows(gpkg, "SELECT version FROM ideas WHERE idea_id = 3") == before


def test_export_writes_the_filtered_list(make_dock, gpkg, tmp_path, monkeypatch):
    dock = make_dock(gpkg, coordinator=True)
    show_local_personal(dock, monkeypatch)
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("miljö"))
    path = tmp_path / "ideas.csv"
    noted = []
    dock.audit_noted.connect(noted.append)
    assert dock.export_csv(path, personal=True) == dock.model.rowCount()
    wait(lambda: "export_personal_data" in noted)
    note = read_notes(gpkg)[-1]
    assert note[2] == "export_personal_data" and note[3] == (
        f"{dock.model.rowCount()} ideas with submitter_name, submitter_contact to {path}")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    expected = rows(gpkg, "SELECT reference FROM ideas WHERE theme = 'miljö'")
    assert sorted(r["reference"] for r in table) == sorted(r[0] for r in expected)
    assert [r["reference"] for r in table] == visible_refs(dock)  # in the table's order
    assert {r["theme"] for r in table} == {"miljö"}
    assert "submitter_name" in table[0]  # coordinator mode
    one = next(r for r in table if r["granted_sek"])
    (granted,), = rows(gpkg, "SELECT granted_sek FROM ideas WHERE reference = ?", (one["reference"],))
    assert float(one["granted_sek"]) == granted


def test_source_down_gives_a_message_and_retry_works(make_dock, gpkg, tmp_path):
    missing = tmp_path / "later" / "twin.gpkg"
    dock = make_dock(missing)
    assert "not found" in dock.error_text and dock.retry_button is not None
    assert dock.model.rowCount() == 0
    missing.parent.mkdir()
    shutil.copy(gpkg, missing)
    dock.retry_button.click()
    wait(lambda: not dock.is_busy())
    assert dock.error_text == "" and dock.model.rowCount() == 200


def test_refresh_keeps_filters_and_selection(make_dock, gpkg):
    dock = make_dock(gpkg)
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("vård och omsorg"))
    dock.search_edit.setText("digital")
    target = dock.model.idea_at(1).idea_id
    dock.select_idea(target)
    # someone changes the data meanwhile
    GeoPackageIdeaRepository(gpkg).save(IdeaChange(target, dock.current_idea().version,
                                                   {"decision_text": "Ny text"}, user="x"))
    loaded = []
    dock.loaded.connect(loaded.append)
    dock.refresh()
    wait(lambda: loaded)
    assert dock.theme_combo.currentData() == "vård och omsorg" and dock.search_edit.text() == "digital"
    assert dock.current_idea().idea_id == target
    assert dock.current_idea().decision_text == "Ny text"
    assert all(i.theme == "vård och omsorg" for i in dock.model.visible_ideas())


def test_rows_and_map_select_each_other(make_dock, gpkg, qgis_canvas, monkeypatch):
    monkeypatch.setattr("digiresan_plugin.gui.ideas.map_layer.LAYER_CHUNK", 25)  # several event-loop turns
    located = rows(gpkg, "SELECT idea_id FROM ideas WHERE geom IS NOT NULL ORDER BY idea_id")
    dock = make_dock(gpkg)
    wait(lambda: dock.layer is not None and dock.layer.featureCount() == len(located))
    layer = dock.layer
    assert layer.customProperty(LAYER_PROPERTY) and QgsProject.instance().mapLayer(layer.id()) is not None
    wait(lambda: len(dock.map_layer._idea_of_fid) == len(located))
    idea_id = located[3][0]
    dock.select_idea(idea_id)
    selected = layer.selectedFeatures()
    assert [f["idea_id"] for f in selected] == [idea_id]
    other = located[10][0]
    fid = next(f.id() for f in layer.getFeatures() if f["idea_id"] == other)
    layer.selectByIds([fid])  # a click with QGIS's select tool
    assert dock.current_idea().idea_id == other
    # an idea hidden by the filters (and so off the map) selected by id, e.g. from the attribute table of
    # another tool: the filters are cleared to show it
    dock.search_edit.setText("no idea has this text")
    settle_map(dock)
    assert layer.featureCount() == 0
    layer.selectByIds([dock.map_layer._fid_of[idea_id]])
    assert dock.current_idea().idea_id == idea_id and dock.search_edit.text() == ""


def swedish(value: float, decimals: int) -> str:
    """A number as Swedish reports write it: thin no-break space thousands, decimal comma (by hand, not by the code
    under test)."""
    whole, _, fraction = f"{value:.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:]] + groups
    return "\u202f".join([whole] + groups) + ("," + fraction if fraction else "")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_programme_summary_panel_shows_the_sums(make_dock, gpkg, monkeypatch, language):
    monkeypatch.setattr("digiresan_plugin.gui.ideas.dock.ui_language", lambda: language)
    dock = make_dock(gpkg)
    (granted,), = rows(gpkg, "SELECT sum(granted_sek) FROM ideas WHERE status IN ('Beviljad', 'Delvis beviljad', "
                             "'Genomförd')")
    (effect,), = rows(gpkg, "SELECT sum(expected_yearly_effect_sek) FROM ideas WHERE status IN ('Beviljad', "
                            "'Delvis beviljad', 'Genomförd', 'Genomförd utan medel')")

    def num(value: float, decimals: int) -> str:
        text = swedish(value, decimals)
        return text if language == "sv" else text.replace(",", ".")

    # the words stay English here (no translator installed); the numbers follow the UI language
    assert dock.granted_label.text().startswith(num(granted / 1e6, 1) + " of 50 MSEK")
    assert dock.effect_label.text().startswith(num(effect / 1e6, 1) + " of 100 MSEK")
    assert dock.ratio_label.text().startswith(num(effect / granted, 2) + " : 1")
    assert dock.granted_bar.value() == round(granted / 50e6 * dock.granted_bar.maximum())
    by_year = dict(rows(gpkg, "SELECT CAST(substr(coalesce(decided_on, submitted_on), 1, 4) AS INTEGER), "
                              "sum(granted_sek) FROM ideas WHERE status IN ('Beviljad', 'Delvis beviljad', "
                              "'Genomförd') AND granted_sek > 0 GROUP BY 1"))
    (last_received,), = rows(gpkg, "SELECT max(CAST(substr(submitted_on, 1, 4) AS INTEGER)) FROM ideas")
    assert sorted(dock.year_bars) == [last_received - 2, last_received - 1, last_received]  # from the data
    in_last = sum(v for y, v in by_year.items() if y >= last_received)  # later decisions go in the last year
    value_label, _bar = dock.year_bars[last_received]
    assert value_label.text().startswith("+" + num(in_last / 1e6, 1) + " MSEK")
    assert by_year.get(last_received - 1)  # the demo's ideas have grants in more than one programme year
    assert not dock.year_bars[last_received - 1][0].text().startswith("+" + num(0, 1) + " MSEK")
    if language == "sv":
        assert "," in dock.ratio_label.text() and "." not in dock.ratio_label.text()
    big = max(i.estimated_cost_sek or 0 for i in dock.model.ideas())
    row = next(r for r in range(dock.model.rowCount()) if dock.model.idea_at(r).estimated_cost_sek == big)
    column = dock.model.column_keys().index("estimated_cost_sek")
    assert dock.model.index(row, column).data() == swedish(big, 0)  # thin-space thousands in both languages


def test_detail_names_the_linked_twin_layer_by_its_catalog_title(make_dock, gpkg, catalog):
    dock = make_dock(gpkg, catalog=catalog)
    (idea_id, key), = rows(gpkg, "SELECT idea_id, linked_key FROM ideas WHERE linked_layer = 'road_segments' "
                                 "ORDER BY idea_id LIMIT 1")
    dock.select_idea(idea_id)
    assert f"Road segments {key}" in dock.detail.toPlainText()


def settle_map(dock) -> None:
    """The map follows the list now (not after the pause), and its flags are all written."""
    dock.sync_map()
    wait(lambda: not dock.map_pending)


def test_the_filters_filter_the_map_too(make_dock, gpkg):
    located = {r[0] for r in rows(gpkg, "SELECT idea_id FROM ideas WHERE geom IS NOT NULL")}
    dock = make_dock(gpkg)
    wait(lambda: dock.layer is not None and len(dock.map_layer._fid_of) == len(located) and not dock.map_pending)
    layer = dock.layer
    assert dock.map_layer.listed_ids() == sorted(located)
    theme_located = {r[0] for r in rows(gpkg, "SELECT idea_id FROM ideas WHERE theme = 'skola' AND geom IS NOT NULL")}
    (theme_all,), = rows(gpkg, "SELECT count(*) FROM ideas WHERE theme = 'skola'")
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("skola"))
    assert dock.map_pending  # the list first; the map a moment later
    wait(lambda: not dock.map_pending)
    listed = {i.idea_id for i in dock.model.visible_ideas()}
    assert dock.map_layer.listed_ids() == sorted(listed & located) == sorted(theme_located)
    assert layer.featureCount() == len(theme_located)
    text = dock.counts_label.text()
    assert f"{theme_all} of 200 ideas" in text
    if len(theme_located) == theme_all:
        assert f"the map shows the same {theme_all}" in text
    else:
        assert f"{len(theme_located)} of them on the map" in text
    dock.search_edit.setText("sensor")
    settle_map(dock)
    listed = {i.idea_id for i in dock.model.visible_ideas()}
    assert dock.map_layer.listed_ids() == sorted(listed & located)
    dock.status_combo.setCurrentIndex(dock.status_combo.findData("Beviljad"))
    settle_map(dock)
    listed = {i.idea_id for i in dock.model.visible_ideas()}
    assert dock.map_layer.listed_ids() == sorted(listed & located)
    dock.clear_filters()
    settle_map(dock)
    assert dock.map_layer.listed_ids() == sorted(located)
    # a reload keeps the map filtered like the list, from its first point
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("miljö"))
    loaded = []
    dock.loaded.connect(loaded.append)
    dock.refresh_button.click()
    wait(lambda: loaded and not dock.is_busy())
    wait(lambda: len(dock.map_layer._fid_of) == len(located) and not dock.map_pending)
    listed = {i.idea_id for i in dock.model.visible_ideas()}
    assert listed and dock.map_layer.listed_ids() == sorted(listed & located)


def test_reload_and_retry_keep_the_selection(make_dock, gpkg):
    dock = make_dock(gpkg)
    target = dock.model.idea_at(3).idea_id
    dock.select_idea(target)
    loaded = []
    dock.loaded.connect(loaded.append)
    dock.refresh_button.click()  # clicked(False) must not become refresh(keep_selection=False)
    wait(lambda: loaded and not dock.is_busy())
    assert dock.current_idea() is not None and dock.current_idea().idea_id == target
    dock.header.show_error("test")
    dock.retry_button.click()
    wait(lambda: len(loaded) == 2 and not dock.is_busy())
    assert dock.current_idea().idea_id == target


def test_the_selected_idea_is_ringed_above_the_labels_and_zoom_flashes_it(make_dock, gpkg, qgis_canvas,
                                                                          monkeypatch):
    located = [i for i in GeoPackageIdeaRepository(gpkg).list_ideas() if i.located]
    idea = located[0]
    dock = make_dock(gpkg)
    flashed = []
    monkeypatch.setattr(qgis_canvas, "flashGeometries", lambda geometries, crs=None, *a: flashed.append(
        [g.asPoint() for g in geometries]))
    dock.select_idea(idea.idea_id)
    marker = dock.map_layer.marker
    assert marker is not None and marker.isVisible() and marker.scene() is qgis_canvas.scene()
    assert marker.zValue() >= 1000  # a canvas item: drawn above the rendered map and its labels
    dock.zoom_to_selected()
    assert flashed and qgis_canvas.scale() <= 2000.0 + 1e-6
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3006"),
                                       qgis_canvas.mapSettings().destinationCrs(), QgsProject.instance())
    expected = transform.transform(QgsPointXY(idea.x, idea.y))
    assert abs(marker.center().x() - expected.x()) < 1e-6 and abs(marker.center().y() - expected.y()) < 1e-6
    assert abs(flashed[-1][0].x() - expected.x()) < 1e-6
    dock.table.clearSelection()
    assert not marker.isVisible()


@pytest.mark.parametrize("coordinator", [False, True])
def test_the_list_fits_an_800_px_dock_without_horizontal_scrolling(make_dock, gpkg, monkeypatch, coordinator):
    dock = make_dock(gpkg, coordinator=coordinator)
    if coordinator:
        monkeypatch.setattr(personal_data, "ASK_SHOW_LOCAL", lambda _parent, _source: True)
        dock.show_local_personal_data(True)
        wait(lambda: not dock.is_busy())
    dock.resize(800, 900)
    dock.show()
    wait(lambda: dock.table.viewport().width() > 0)
    QCoreApplication.processEvents()
    table = dock.table
    header = table.horizontalHeader()
    shown = [s for s in range(header.count()) if not table.isColumnHidden(s)]
    assert sum(header.sectionSize(s) for s in shown) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0 or not table.horizontalScrollBar().isVisible()
    title = dock.model.column_keys().index("title")
    assert not table.isColumnHidden(title) and header.sectionSize(title) >= table.fontMetrics().horizontalAdvance(
        "x" * 18)
    assert {"reference", "status", "granted_sek"} <= {dock.model.column_keys()[s] for s in shown}
    # what a narrow dock hides is in the tooltip, whichever cell is hovered
    idea = dock.model.idea_at(0)
    tip = dock.model.index(0, dock.model.column_keys().index("status")).data(Qt.ItemDataRole.ToolTipRole)
    assert idea.reference in tip and "Status" in tip
    for key in table.hidden_columns():
        header_text = dict((k, h) for k, h, _n in dock.model._columns)[key]
        if getattr(idea, key, None) is not None:
            assert header_text in tip
    # a wide dock shows everything
    dock.resize(1600, 900)
    wait(lambda: table.viewport().width() > 1200)
    QCoreApplication.processEvents()
    if not coordinator:
        assert table.hidden_columns() == []
    dock.hide()


def location_line(dock) -> str:
    lines = dock.detail.toPlainText().splitlines()
    for k, line in enumerate(lines):
        if line.startswith("Location"):
            rest = line[len("Location"):].strip()
            return rest or lines[k + 1].strip()
    raise AssertionError("no Location row")


def test_the_location_names_the_nearest_street_and_the_property_before_the_coordinates(make_dock, gpkg, catalog,
                                                                                      project):
    from osgeo import ogr

    from digiresan_plugin.core.loader import TwinLoader
    from digiresan_plugin.core.twin_source import TwinSource

    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(gpkg))
    dock = make_dock(gpkg, catalog=catalog)
    ds = ogr.Open(str(gpkg))
    streets = [(f.GetField("street_name"), f.GetGeometryRef().Clone()) for f in ds.GetLayerByName("road_segments")]
    properties = [(f.GetField("designation"), f.GetGeometryRef().Clone()) for f in ds.GetLayerByName("properties")]
    located = [i for i in dock.model.ideas() if i.located]
    # an idea away from the streets (so the distance shows) and one inside a property
    for idea in located[:12]:
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(idea.x, idea.y)
        distance, street = min((g.Distance(point), name) for name, g in streets)
        inside = [name for name, g in properties if g.Intersects(point)]
        dock.select_idea(idea.idea_id)
        wait(lambda idea_id=idea.idea_id: idea_id in dock.detail._places)  # named in its task
        location = location_line(dock)
        if distance > 50:
            assert street not in location
            continue
        expected_street = street if distance < 1 else f"{street} ({distance:.0f} m)"
        assert location.startswith(expected_street), (location, expected_street)
        for name in inside:
            assert name in location
        assert location.endswith(f"E {idea.x:.0f}, N {idea.y:.0f} (EPSG:3006)")


def test_amounts_read_the_swedish_way(qgis_app):
    """Thin-space digit groups: "330 000 kr" on the detail, "330 000,00" in the history (English: commas)."""
    from qgis.PyQt.QtCore import QLocale

    from digiresan_plugin.core.formatting import amount, grouped

    sv, en = QLocale("sv_SE"), QLocale("en_GB")
    assert amount(330000.0, sv) == "330\u202f000\u00a0kr"
    assert grouped(330000.0, sv, 2) == "330\u202f000,00"
    assert grouped(330000.0, en, 2) == "330,000.00" and amount(None, sv) == "–"


def test_the_filters_take_one_row_in_a_wide_bottom_panel_and_two_in_a_side_panel(make_dock, gpkg):
    """A wide panel (the default place at the bottom) puts the four combos side by side so the list gets a row more;
    a narrow one keeps two per row. Each combo still shows its whole "All …" text."""
    dock = make_dock(gpkg)
    bar = dock.filters
    rows = {}
    for width in (1200, 480, 1200):
        dock.resize(width, 700)
        dock.show()
        wait(lambda w=width: dock.isVisible() and dock.width() == w)
        QCoreApplication.processEvents()
        tops = {combo.geometry().top() for combo in bar.combos()}
        rows[width] = (bar.combos_per_row(), len(tops))
        for combo in bar.combos():
            text = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
            assert combo.width() >= text, (width, combo.itemText(0))
        assert bar.search_edit.geometry().top() > max(tops)
    assert rows == {1200: (4, 1), 480: (2, 2)}
    dock.resize(1200, 700)
    wait(lambda: dock.width() == 1200)
    assert bar.minimumSizeHint().width() <= 320  # four in a row never keeps the panel from narrowing
    dock.hide()
