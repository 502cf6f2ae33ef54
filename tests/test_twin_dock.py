"""The Digital twin dock: source choice, loading through it, state restored from the project."""

from __future__ import annotations

import pytest
from qgis.core import Qgis
from qgis.gui import QgsMessageBar

from digiresan_plugin.core.layers import background_maps, twin_layers
from digiresan_plugin.core.twin_source import TwinSource, TwinSourceError
from digiresan_plugin.gui.twin_dock import KIND_DEMO, KIND_GPKG, KIND_POSTGRES, TwinDock
from tests.test_card_dock import swedish_translation  # noqa: F401 (a fixture)
from tests.tile_server import TileServer, loopback_catalog


def make_dock(catalog, canvas=None):
    bar = QgsMessageBar()
    dock = TwinDock(catalog, canvas, bar)
    return dock, bar


def test_dock_loads_a_geopackage_and_lists_the_layers(project, catalog, demo_twin, qgis_canvas):
    dock, _bar = make_dock(catalog, qgis_canvas)
    reports = []
    dock.loaded.connect(reports.append)
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData(KIND_GPKG))
    dock.file_widget.setFilePath(str(demo_twin))
    dock.load_button.click()

    assert len(reports) == 1 and reports[0].problems == []
    assert len(twin_layers(project)) == len(catalog.layers)
    texts = [dock.layer_list.item(i).text() for i in range(dock.layer_list.count())]
    assert texts == [spec.title.en for spec in catalog.layers]
    assert dock.remove_button.isEnabled()
    # zoomed to the twin: the canvas shows central Östersund
    extent = qgis_canvas.extent()
    assert extent.contains(twin_layers(project)["road_segments"].extent().center())
    dock.cleanup()


def test_layer_removed_by_hand_shows_as_not_loaded(project, catalog, demo_twin):
    dock, _bar = make_dock(catalog)
    dock.load(TwinSource.geopackage(demo_twin))
    project.removeMapLayer(twin_layers(project)["parks"].id())
    texts = [dock.layer_list.item(i).text() for i in range(dock.layer_list.count())]
    assert "Parks — not loaded" in texts
    dock.load(TwinSource.geopackage(demo_twin))  # and loading again brings it back
    assert "parks" in twin_layers(project)
    dock.cleanup()


def test_incomplete_choice_gives_a_message_not_an_error(project, catalog):
    dock, bar = make_dock(catalog)
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData(KIND_GPKG))
    dock.file_widget.setFilePath("")
    try:
        dock.selected_source()
        raise AssertionError("expected TwinSourceError")
    except TwinSourceError as exc:
        assert "GeoPackage" in str(exc)
    dock.load_button.click()
    assert twin_layers(project) == {}
    dock.cleanup()


def test_missing_file_message_names_the_file(project, catalog, tmp_path):
    dock, bar = make_dock(catalog)
    missing = tmp_path / "gone.gpkg"
    dock.load(TwinSource.geopackage(missing))
    assert str(missing) in dock.status_label.text()
    assert bar.currentItem() is not None and bar.currentItem().level() == Qgis.MessageLevel.Critical
    dock.cleanup()


def test_reopened_project_restores_the_dock_state(project, catalog, demo_twin, tmp_path):
    dock, _bar = make_dock(catalog)
    dock.load(TwinSource.geopackage(demo_twin))
    path = str(tmp_path / "p.qgz")
    project.write(path)
    project.clear()
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData(KIND_DEMO))
    project.read(path)
    assert dock.kind_combo.currentData() == KIND_GPKG
    assert dock.file_widget.filePath() == str(demo_twin)
    assert len(twin_layers(project)) == len(catalog.layers)
    dock.cleanup()


def test_postgres_choice_without_connections_explains(project, catalog):
    dock, _bar = make_dock(catalog)
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData(KIND_POSTGRES))
    dock.connection_combo.clear()
    try:
        dock.selected_source()
        raise AssertionError("expected TwinSourceError")
    except TwinSourceError as exc:
        assert "PostgreSQL" in str(exc)
    dock.cleanup()


def test_background_map_checkbox_is_off_by_default_and_adds_or_removes_the_map(project, demo_twin, tmp_path,
                                                                             monkeypatch):
    from qgis.PyQt.QtWidgets import QLabel, QMessageBox

    from digiresan_plugin.gui import twin_guard

    monkeypatch.setattr(twin_guard, "ASK", lambda *_args: QMessageBox.StandardButton.Yes)  # "Remove the twin?" — yes
    server = TileServer()  # the map comes from a loopback server here, never from the internet
    try:
        catalog = loopback_catalog(tmp_path, server.url)
        dock, _bar = make_dock(catalog)
        box = dock.background_boxes["osm"]
        label = next(lbl for lbl in dock.findChildren(QLabel) if lbl.buddy() is box)
        assert label.text() == "OpenStreetMap (online, © OpenStreetMap contributors)"
        assert not box.isChecked() and not box.isEnabled()  # nothing to lay it under yet
        dock.load(TwinSource.geopackage(demo_twin))
        assert box.isEnabled() and not box.isChecked() and background_maps(project) == {}
        box.setChecked(True)
        assert set(background_maps(project)) == {"osm"}
        project.removeMapLayer(background_maps(project)["osm"].id())  # removed by hand: the box follows
        assert not box.isChecked()
        box.setChecked(True)
        box.setChecked(False)
        assert background_maps(project) == {}
        dock.remove_twin()
        assert not box.isEnabled()
        dock.cleanup()
    finally:
        server.close()


def test_import_button_waits_for_a_twin(project, catalog, demo_twin, monkeypatch):
    """'Import data…' is off (saying why) until a twin is loaded, on with it, off again after 'Remove'."""
    from digiresan_plugin.gui import twin_dock

    dock, _bar = make_dock(catalog)
    assert not dock.import_button.isEnabled()
    assert dock.import_button.toolTip() == "Load a twin first: the data is imported into the loaded twin"
    dock.load(TwinSource.geopackage(demo_twin))
    assert dock.import_button.isEnabled()
    assert dock.import_button.toolTip() == "Bring a file (NVDB, survey, signs, permits, counts…) into the twin"
    monkeypatch.setattr(twin_dock, "confirm_removal", lambda *_args: True)
    monkeypatch.setattr(twin_dock, "save_or_discard", lambda *_args: True)
    dock.remove_twin()
    assert twin_layers(project) == {}
    assert not dock.import_button.isEnabled()
    assert dock.import_button.toolTip() == "Load a twin first: the data is imported into the loaded twin"
    dock.cleanup()


@pytest.mark.usefixtures("swedish_translation")
def test_import_button_says_why_in_swedish(project, catalog):
    dock, _bar = make_dock(catalog)
    assert not dock.import_button.isEnabled()
    assert dock.import_button.toolTip() == "Läs in en tvilling först: data importeras till den inlästa tvillingen"
    dock.cleanup()
