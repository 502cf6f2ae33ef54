"""Nothing lost: the demo is edited in the user's own copy (never in the plugin folder) and can be reset; removing
the twin asks first and offers to save unsaved edits; a card whose layer goes is cleared; the GeoPackage records
who changed what."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeatureRequest
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QMessageBox

from digiresan_plugin.core import demo_copy
from digiresan_plugin.core.edit_watch import EditWatch
from digiresan_plugin.core.gpkg_triggers import install_triggers, session_user
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer, twin_layers
from digiresan_plugin.core.maintenance import install_gpkg_triggers
from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.gui import twin_guard
from digiresan_plugin.gui.card.dock import TwinCardDock
from digiresan_plugin.gui.twin_dock import TwinDock
from tests.maintenance_fixtures import make_unwritable, make_writable, one, private_copy

SEGMENT = "OST-STORGATAN-0006"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def demo_home(monkeypatch, tmp_path, demo_twin):
    """A plugin folder with the shipped demo and a QGIS profile folder, both private to the test."""
    plugin_data = tmp_path / "plugin" / "data"
    plugin_data.mkdir(parents=True)
    bundled = plugin_data / demo_twin.name
    shutil.copyfile(demo_twin, bundled)
    monkeypatch.setattr(demo_copy, "demo_twin_path", lambda: bundled)
    monkeypatch.setattr(demo_copy, "user_data_dir", lambda: tmp_path / "profile" / "digiresan")
    return bundled


@pytest.fixture()
def answers(monkeypatch):
    """The answers the user gives to the questions, in order; every question asked is recorded."""
    given: list[int] = []
    asked: list[tuple[str, str]] = []

    def ask(_parent, title, text, *_args):
        asked.append((title, text))
        return given.pop(0)

    monkeypatch.setattr(twin_guard, "ASK", ask)
    return given, asked


def make_dock(catalog):
    return TwinDock(catalog, None, QgsMessageBar())


def rename(project, name: str) -> None:
    roads = twin_layer(project, "road_segments")
    feature = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'")))
    assert roads.startEditing()
    roads.changeAttributeValue(feature.id(), roads.fields().indexOf("street_name"), name)


def street(path: Path) -> str:
    return one(path, "SELECT street_name FROM road_segments WHERE segment_id = ?", (SEGMENT,))


def test_demo_edits_go_to_the_profile_copy_and_reset_restores_it(project, catalog, demo_home, answers):
    given, asked = answers
    shipped = digest(demo_home)
    dock = make_dock(catalog)
    source = TwinSource.demo()
    copy = demo_copy.user_demo_path()
    assert Path(source.location) == copy and not copy.exists()
    dock.load(source)  # first use: the copy is made
    assert copy.is_file() and source.is_demo
    assert all(Path(layer.source().split("|")[0]) == copy for layer in twin_layers(project).values())
    original = street(copy)
    rename(project, "Nygatan")
    assert twin_layer(project, "road_segments").commitChanges()
    assert street(copy) == "Nygatan"
    assert digest(demo_home) == shipped  # the plugin folder is never written

    given += [QMessageBox.StandardButton.Yes]  # "Replace your copy of the demo twin?"
    assert twin_guard.reset_demo(dock)
    assert "Replace your copy" in asked[-1][1]
    assert street(copy) == original
    assert street(copy.with_name(copy.stem + ".bak.gpkg")) == "Nygatan"  # the edit kept as a backup
    roads = twin_layer(project, "road_segments")  # loaded again, from the fresh copy
    feature = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'")))
    assert feature["street_name"] == original
    dock.cleanup()


def test_the_shipped_demo_path_opens_the_copy(demo_home):
    assert TwinSource.parse(f"gpkg:{demo_home}") == TwinSource.demo()
    assert TwinSource.geopackage(demo_home) == TwinSource.demo()


def test_remove_asks_first_and_says_what_goes(project, catalog, demo_twin, tmp_path, answers):
    given, asked = answers
    path = private_copy(demo_twin, tmp_path)
    dock = make_dock(catalog)
    dock.load(TwinSource.geopackage(path))
    given += [QMessageBox.StandardButton.No]
    dock.remove_twin()
    assert len(twin_layers(project)) == len(catalog.layers)  # nothing removed
    title, text = asked[-1]
    assert title == "Remove the twin"
    assert "Remove the 14 twin layers (Excavation permits, Traffic signs, Road segments" in text  # + the lake
    assert f"The data in {path.name} is not changed" in text
    given += [QMessageBox.StandardButton.Yes]
    dock.remove_twin()
    assert twin_layers(project) == {}
    dock.cleanup()


def test_unsaved_edits_are_offered_for_saving_before_removal(project, catalog, demo_twin, tmp_path, answers):
    given, asked = answers
    path = private_copy(demo_twin, tmp_path)
    dock = make_dock(catalog)
    dock.load(TwinSource.geopackage(path))
    original = street(path)
    rename(project, "Sparad gata")
    given += [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel]  # remove? yes — save the edits? cancel
    dock.remove_twin()
    assert "Road segments have unsaved edits" in asked[-1][1]
    assert twin_layers(project) and twin_layer(project, "road_segments").isModified()  # cancelled: all kept
    given += [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Save]
    dock.remove_twin()
    assert twin_layers(project) == {} and street(path) == "Sparad gata"  # saved, then removed

    dock.load(TwinSource.geopackage(path))
    rename(project, "Kastad gata")
    given += [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Discard]
    dock.remove_twin()
    assert twin_layers(project) == {} and street(path) == "Sparad gata"
    assert original != "Sparad gata"
    dock.cleanup()


def test_unsaved_edits_are_offered_before_another_twin_is_loaded(project, catalog, demo_twin, tmp_path, answers):
    given, asked = answers
    first, second = private_copy(demo_twin, tmp_path, "a.gpkg"), private_copy(demo_twin, tmp_path, "b.gpkg")
    dock = make_dock(catalog)
    dock.load(TwinSource.geopackage(first))
    rename(project, "Första gatan")
    given += [QMessageBox.StandardButton.Save]
    dock.load(TwinSource.geopackage(second))
    assert "before loading another twin" in asked[-1][1]
    assert street(first) == "Första gatan"
    assert all(Path(layer.source().split("|")[0]) == second for layer in twin_layers(project).values())
    dock.cleanup()


def test_an_unwritable_geopackage_is_read_only_and_the_dock_says_so(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    make_unwritable(path)
    try:
        dock = make_dock(catalog)
        dock.load(TwinSource.geopackage(path))
        assert f"Read-only: you may not write to {path}" in dock.status_label.text()
        assert all(layer.readOnly() for layer in twin_layers(project).values())
        dock.cleanup()
    finally:
        project.clear()
        make_writable(path)


def test_a_card_whose_layer_is_removed_is_cleared(project, catalog, demo_twin, tmp_path, qgis_canvas):
    path = private_copy(demo_twin, tmp_path)
    make_dock(catalog).load(TwinSource.geopackage(path))
    card = TwinCardDock(qgis_canvas)
    project.layersWillBeRemoved.connect(lambda ids: twin_guard.clear_card_if_removed(card, project, list(ids)))
    roads = twin_layer(project, "road_segments")
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid))
    card.show_report(engine.report_for_feature("road_segments", next(roads.getFeatures()).id()).to_dict())
    assert card.report is not None
    project.removeMapLayer(twin_layer(project, "parks").id())  # another layer: the card stays
    assert card.report is not None
    project.removeMapLayer(roads.id())
    assert card.report is None
    card.cleanup()
    card.deleteLater()


def wait_for_tasks(timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while QgsApplication.taskManager().countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsApplication.processEvents()


def test_geopackage_history_names_who_changed_what(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    source = TwinSource.geopackage(path)
    make_dock(catalog).load(source)
    assert install_gpkg_triggers(catalog, source) is not None  # what the plugin starts after a load
    wait_for_tasks()
    watch = EditWatch(catalog, project, "en")
    original = street(path)
    rename(project, "Historiegatan")
    assert twin_layer(project, "road_segments").commitChanges()
    QgsApplication.processEvents()
    assert one(path, "SELECT old_value || ' -> ' || new_value || ' by ' || changed_by FROM twin_history "
                     "WHERE layer = 'road_segments' AND key = ? AND field = 'street_name'", (SEGMENT,)) == \
        f"{original} -> Historiegatan by {session_user()}"
    assert one(path, "SELECT who FROM twin_session WHERE id = 1") is None  # cleared after the commit
    install_triggers(path, catalog)  # idempotent: nothing to do a second time
    assert one(path, "SELECT count(*) FROM twin_history") == 1
    watch.cleanup()


def test_history_reads_back_who_changed_what(project, catalog, demo_twin, tmp_path):
    from digiresan_plugin.core.history import changes, history_layer, last_change

    path = private_copy(demo_twin, tmp_path)
    install_triggers(path, catalog)
    source = TwinSource.geopackage(path)
    make_dock(catalog).load(source)
    watch = EditWatch(catalog, project, "en")
    original = street(path)
    rename(project, "Första namnet")
    assert twin_layer(project, "road_segments").commitChanges()
    rename(project, "Andra namnet")
    assert twin_layer(project, "road_segments").commitChanges()
    QgsApplication.processEvents()
    history = history_layer(source, catalog)
    found = changes(history, "road_segments", SEGMENT)
    assert [(c.field, c.old, c.new, c.who) for c in found] == [
        ("street_name", "Första namnet", "Andra namnet", session_user()),
        ("street_name", original, "Första namnet", session_user())]
    assert last_change(history, "road_segments", "OST-NOWHERE") is None
    watch.cleanup()


def test_postgis_history_reads_back_the_login(project, catalog, pg_cluster, demo_twin):
    from digiresan_plugin.core.history import history_layer, last_change

    pg_cluster.load_gpkg(demo_twin)
    editor = TwinSource.parse(f"pgservice:{pg_cluster.service_uri('editor')}")
    from digiresan_plugin.core.loader import TwinLoader

    assert TwinLoader(catalog, project, "en").load(editor).problems == []
    rename(project, "Postgatan")
    assert twin_layer(project, "road_segments").commitChanges()
    change = last_change(history_layer(editor, catalog), "road_segments", SEGMENT)
    assert (change.field, change.new, change.who) == ("street_name", "Postgatan", "digiresan_editor")


def test_the_card_says_who_changed_the_subject_last(project, catalog, demo_twin, tmp_path, qgis_app):
    from digiresan_plugin.core.history_card import HistoryReader
    from digiresan_plugin.core.identify.report import as_section
    from digiresan_plugin.gui.card.render import report_to_html

    path = private_copy(demo_twin, tmp_path)
    install_triggers(path, catalog)
    source = TwinSource.geopackage(path)
    make_dock(catalog).load(source)
    reader = HistoryReader(catalog)
    reader.set_source(source)
    engine = TwinEngine(catalog, lambda layer_id: twin_layer(project, layer_id), language="en")
    roads = twin_layer(project, "road_segments")
    fid = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'"))).id()
    untouched = engine.report_for_feature("road_segments", fid)
    assert reader.card_section(untouched.to_dict()) is None  # no change recorded: no section

    watch = EditWatch(catalog, project, "en")
    original = street(path)
    assert original == "Storgatan"
    rename(project, "Kortgatan")
    assert roads.commitChanges()
    QgsApplication.processEvents()
    report = engine.report_for_feature("road_segments", fid)
    section = reader.card_section(report.to_dict())
    assert section["summary"]["text"].startswith("Last changed ") and section["summary"]["text"].endswith(
        f" by {session_user()}")
    assert [item["values"]["change"] for item in section["items"]] == ["street_name: Storgatan → Kortgatan"]
    report.sections.append(as_section(section))
    html = report_to_html(report)
    assert "Edit history" in html and "→ Kortgatan" in html
    watch.cleanup()



def test_a_newer_bundled_demo_is_announced_never_forced(demo_home):
    copy = demo_copy.ensure_user_demo()
    assert not demo_copy.is_outdated()
    with open(copy, "ab") as handle:  # the user's edits
        handle.write(b"")
    edited = digest(copy)
    demo_home.write_bytes(demo_home.read_bytes() + b"\0" * 1024)  # a plugin update ships another demo
    assert demo_copy.is_outdated()
    assert demo_copy.ensure_user_demo() == copy and digest(copy) == edited  # the copy is not replaced unasked
    demo_copy.reset_user_demo()
    assert not demo_copy.is_outdated() and digest(copy) == digest(demo_home)
    assert digest(copy.with_name(copy.stem + ".bak.gpkg")) == edited  # the old copy kept
    demo_copy._stamp_path(copy).unlink()  # a copy made by an older version of the plugin: no record
    assert demo_copy.is_outdated()
