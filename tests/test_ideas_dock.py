"""The "Digiresan ideas" dock in a real QGIS: listing, filters and counts, planner/coordinator modes, editing with
conflicts, CSV export, errors with retry, and the link between the list and the map."""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QLocale

from demo import generate_twin
from demo.ideas import write_ideas_for_twin
from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.model import IdeaChange
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


def test_coordinator_sees_submitters(make_dock, gpkg):
    dock = make_dock(gpkg, coordinator=True)
    assert dock.model.column_keys()[-2:] == ["submitter_name", "submitter_contact"]
    (name, contact), = rows(gpkg, "SELECT submitter_name, submitter_contact FROM ideas WHERE idea_id = 5")
    dock.select_idea(5)
    assert name in dock.detail.toPlainText() and contact in dock.detail.toPlainText()
    assert dock.tabs.isTabVisible(dock.tabs.indexOf(dock.editor_page))


def test_coordinator_edit_is_saved_with_its_history(make_dock, gpkg):
    dock = make_dock(gpkg, coordinator=True)
    (idea_id, version), = rows(gpkg, "SELECT idea_id, version FROM ideas WHERE status = 'Under bedömning' "
                                     "ORDER BY idea_id LIMIT 1")
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
    assert "Under bedömning → Beviljad" in dock.detail.toPlainText()


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


def test_export_writes_the_filtered_list(make_dock, gpkg, tmp_path):
    dock = make_dock(gpkg, coordinator=True)
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("miljö"))
    path = tmp_path / "ideas.csv"
    assert dock.export_csv(path) == dock.model.rowCount()
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
    # an idea hidden by the filters is shown by clearing them
    dock.search_edit.setText("no idea has this text")
    layer.selectByIds([next(f.id() for f in layer.getFeatures() if f["idea_id"] == idea_id)])
    assert dock.current_idea().idea_id == idea_id and dock.search_edit.text() == ""


def test_programme_summary_panel_shows_the_sums(make_dock, gpkg):
    dock = make_dock(gpkg)
    (granted,), = rows(gpkg, "SELECT sum(granted_sek) FROM ideas WHERE status IN ('Beviljad', 'Delvis beviljad', "
                             "'Genomförd')")
    (effect,), = rows(gpkg, "SELECT sum(expected_yearly_effect_sek) FROM ideas WHERE status IN ('Beviljad', "
                            "'Delvis beviljad', 'Genomförd', 'Genomförd utan medel')")
    loc = QLocale()
    assert dock.granted_label.text().startswith(loc.toString(granted / 1e6, "f", 1) + " of 50 MSEK")
    assert dock.effect_label.text().startswith(loc.toString(effect / 1e6, "f", 1) + " of 100 MSEK")
    assert dock.ratio_label.text().startswith(loc.toString(effect / granted, "f", 2) + " : 1")
    assert dock.granted_bar.value() == round(granted / 50e6 * dock.granted_bar.maximum())
    by_year = dict(rows(gpkg, "SELECT CAST(substr(coalesce(decided_on, submitted_on), 1, 4) AS INTEGER), "
                              "sum(granted_sek) FROM ideas WHERE status IN ('Beviljad', 'Delvis beviljad', "
                              "'Genomförd') AND granted_sek > 0 GROUP BY 1"))
    (last_received,), = rows(gpkg, "SELECT max(CAST(substr(submitted_on, 1, 4) AS INTEGER)) FROM ideas")
    assert sorted(dock.year_bars) == [last_received - 2, last_received - 1, last_received]  # from the data
    in_last = sum(v for y, v in by_year.items() if y >= last_received)  # later decisions go in the last year
    value_label, _bar = dock.year_bars[last_received]
    assert value_label.text().startswith("+" + loc.toString(in_last / 1e6, "f", 1) + " MSEK")
    assert by_year.get(last_received - 1)  # the demo's ideas have grants in more than one programme year
    assert not dock.year_bars[last_received - 1][0].text().startswith("+0.0 MSEK")


def test_detail_names_the_linked_twin_layer_by_its_catalog_title(make_dock, gpkg, catalog):
    dock = make_dock(gpkg, catalog=catalog)
    (idea_id, key), = rows(gpkg, "SELECT idea_id, linked_key FROM ideas WHERE linked_layer = 'road_segments' "
                                 "ORDER BY idea_id LIMIT 1")
    dock.select_idea(idea_id)
    assert f"Road segments {key}" in dock.detail.toPlainText()


def test_amounts_read_the_swedish_way(qgis_app):
    """Thin-space digit groups: "330 000 kr" on the detail, "330 000,00" in the history (English: commas)."""
    from qgis.PyQt.QtCore import QLocale

    from digiresan_plugin.core.formatting import amount, grouped

    sv, en = QLocale("sv_SE"), QLocale("en_GB")
    assert amount(330000.0, sv) == "330\u202f000\u00a0kr"
    assert grouped(330000.0, sv, 2) == "330\u202f000,00"
    assert grouped(330000.0, en, 2) == "330,000.00" and amount(None, sv) == "–"
