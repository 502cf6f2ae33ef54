"""The "Import data…" button of the twin dock: a preview of the first rows after mapping, the import in the
background, the loaded layers showing the new rows, the rejected rows listed and saved; Cancel writes nothing."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgsMessageBar

from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.gui.twin_dock import TwinDock

from .import_fixtures import NVDB_FIELDS, nvdb_key, nvdb_row, write_csv, write_vector


def wait_until(predicate, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        QgsApplication.processEvents()
        time.sleep(0.01)


def loaded_dock(catalog, demo_twin, tmp_path):
    twin = tmp_path / "twin.gpkg"
    shutil.copyfile(demo_twin, twin)
    dock = TwinDock(catalog, None, QgsMessageBar())
    dock.load(TwinSource.geopackage(twin))
    wait_until(lambda: dock.import_button.isEnabled())
    return dock, twin


def test_import_dialog_previews_imports_and_lists_rejections(project, catalog, demo_twin, tmp_path):
    dock, twin = loaded_dock(catalog, demo_twin, tmp_path)
    layer = twin_layer(project, "road_segments")
    before = layer.featureCount()
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(12)] + [nvdb_row(90, Vagha_6=8)],
                          NVDB_FIELDS, 3012)
    dock.import_button.click()
    dialog = dock.import_dialog
    dialog.file_widget.setFilePath(str(source))
    dialog.mapping_combo.setCurrentIndex(dialog.mapping_combo.findData("nvdb_roads"))
    dialog.preview_button.click()
    wait_until(lambda: dialog.preview_button.isEnabled() and dialog.table.rowCount() > 0)
    assert dialog.table.rowCount() == 10
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers[:3] == ["Row", "segment_id", "street_name"]
    assert dialog.layer_label.text() == "Road segments (road_segments)"
    assert dialog.table.item(0, 1).text() == nvdb_key(nvdb_row(0))

    dialog.import_button.click()
    wait_until(lambda: dialog.result is not None)
    assert "→ Road segments (road_segments): read 13, inserted 12, updated 0, unchanged 0, rejected 1" in \
        dialog.status.text()
    assert layer.featureCount() == before + 12  # the loaded layer was reloaded
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["13", "road_owner", "8"]
    out = tmp_path / "rejected.csv"
    from digiresan_plugin.gui.import_dialog import write_rejections

    write_rejections(out, dialog.result)
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith(
        "13,road_owner,8,\"unknown code '8' in Vagha_6 (known: 1, 2, 3)\"")
    dialog.close()
    dock.cleanup()


def test_cancel_in_the_dialog_writes_nothing(project, catalog, demo_twin, tmp_path):
    dock, twin = loaded_dock(catalog, demo_twin, tmp_path)
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(3000)], NVDB_FIELDS, 3006)
    count = twin_layer(project, "road_segments").dataProvider().featureCount()
    dock.import_data()
    dialog = dock.import_dialog
    dialog.file_widget.setFilePath(str(source))
    dialog.import_button.click()
    dialog.cancel()
    wait_until(lambda: dialog.import_button.isEnabled())
    assert "nothing was written" in dialog.status.text().lower()
    assert dialog.result is None
    with sqlite3.connect(twin) as conn:  # the core tests check byte-identity; here the dock's own tasks also run
        assert conn.execute("SELECT count(*) FROM road_segments").fetchone()[0] == count
    dialog.close()
    dock.cleanup()


def test_the_algorithm_without_a_twin_parameter_imports_into_the_projects_twin_and_reloads_it(
        project, catalog, demo_twin, tmp_path, qgis_processing):
    import processing

    from digiresan_plugin.processing import register_provider, unregister_provider

    dock, twin = loaded_dock(catalog, demo_twin, tmp_path)
    layer = twin_layer(project, "road_segments")
    before = layer.featureCount()
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(i) for i in range(4)], NVDB_FIELDS, 3006)
    register_provider()
    try:
        result = processing.run("digiresan:import_into_twin", {"INPUT": str(source), "MAPPING": "nvdb_roads"})
    finally:
        unregister_provider()
    assert result["INSERTED"] == 4
    assert layer.featureCount() == before + 4
    dock.cleanup()


def test_a_layer_being_edited_is_not_imported_into(project, catalog, demo_twin, tmp_path, qgis_processing):
    import processing
    from qgis.core import QgsProcessingException

    from digiresan_plugin.processing import register_provider, unregister_provider

    dock, twin = loaded_dock(catalog, demo_twin, tmp_path)
    layer = twin_layer(project, "road_segments")
    source = write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(0)], NVDB_FIELDS, 3006)
    count = layer.dataProvider().featureCount()
    layer.startEditing()
    dock.import_data()
    dialog = dock.import_dialog
    dialog.file_widget.setFilePath(str(source))
    dialog.mapping_combo.setCurrentIndex(dialog.mapping_combo.findData("nvdb_roads"))
    dialog.import_button.click()
    assert "is being edited: save or discard the edits" in dialog.status.text()
    register_provider()
    try:
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            errors: list = []

            def reportError(self, error, fatalError=False):  # noqa: N802, N803 - QGIS API
                self.errors.append(error)

        feedback = Feedback()
        with pytest.raises(QgsProcessingException):
            processing.run("digiresan:import_into_twin", {"INPUT": str(source), "MAPPING": "nvdb_roads"},
                           feedback=feedback)
        assert any("Road segments is being edited" in e for e in feedback.errors), feedback.errors
    finally:
        unregister_provider()
    layer.rollBack()
    layer.dataProvider().reloadData()
    assert layer.dataProvider().featureCount() == count  # nothing imported
    dialog.close()
    dock.cleanup()


def run_dialog(dialog, source, preset: str, button: str = "import") -> None:
    dialog.file_widget.setFilePath(str(source))
    dialog.mapping_combo.setCurrentIndex(dialog.mapping_combo.findData(preset))
    clicked = dialog.import_button if button == "import" else dialog.preview_button
    clicked.click()
    wait_until(lambda: clicked.isEnabled())


def test_survey_records_by_route_and_measure_through_the_dialog(project, catalog, demo_twin, tmp_path):
    """NVDB segments 0 and 1 (each its own route, measure 0–1), then survey records on them by ROUTE_ID + MEASURE."""
    dock, twin = loaded_dock(catalog, demo_twin, tmp_path)
    dock.import_data()
    dialog = dock.import_dialog
    run_dialog(dialog, write_vector(tmp_path / "nvdb.gpkg", [nvdb_row(0), nvdb_row(1)], NVDB_FIELDS, 3006),
               "nvdb_roads")
    assert "inserted 2" in dialog.status.text()
    route0, route1 = nvdb_row(0)["ROUTE_ID"], nvdb_row(1)["ROUTE_ID"]
    survey = write_csv(tmp_path / "survey.csv", ["ROUTE_ID", "MEASURE", "Datum", "IRI", "Spårdjup"], [
        [route0, "0,2", "2026-05-01", "1,2", "3"], [route1, "1,4", "2026-05-01", "2,0", "5"]])
    run_dialog(dialog, survey, "pavement_survey")
    assert "read 2, inserted 1, updated 0, unchanged 0, rejected 1" in dialog.status.text()
    assert "no column" not in dialog.status.text()  # segment_id is not missing: the link fills it
    assert [dialog.table.item(0, c).text() for c in range(4)] == [
        "2", "MEASURE", "1,4",
        f"measure 1.4 is outside everything in 'Road segments' on route {route1} (the twin has 0–1)"]
    with sqlite3.connect(twin) as conn:
        assert conn.execute("SELECT segment_id, iri_mm_m FROM road_condition WHERE inspected_on = '2026-05-01' "
                            "AND segment_id LIKE 'NVDB-%'").fetchall() == [(nvdb_key(nvdb_row(0)), 1.2)]
    dialog.close()
    dock.cleanup()


def test_a_file_the_mapping_does_not_fit_is_said_so_and_an_error_clears_the_table(project, catalog, demo_twin,
                                                                                   tmp_path):
    dock, twin = loaded_dock(catalog, demo_twin, tmp_path)
    dock.import_data()
    dialog = dock.import_dialog
    survey = write_csv(tmp_path / "survey.csv", ["ROUTE_ID", "MEASURE", "Datum", "IRI"], [["{R}", "0,2", "", ""]])
    run_dialog(dialog, survey, "nvdb_roads", "preview")
    text = dialog.status.text()
    assert "None of the first 1 rows would enter the twin: is this the right mapping for the file?" in text
    assert "survey.csv: no column Klass_181 (mapping nvdb_roads)" in text  # the columns the file lacks, listed
    assert dialog.table.rowCount() == 1
    run_dialog(dialog, tmp_path / "missing.csv", "nvdb_roads", "preview")
    assert "missing.csv: file not found" in dialog.status.text()
    assert dialog.table.rowCount() == 0  # not the rows of the earlier preview next to the error
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    assert dialog.height() <= dialog.screen().availableGeometry().height()
    dialog.close_button.click()
    assert not dialog.isVisible()
    dock.cleanup()
