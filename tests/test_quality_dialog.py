"""The "Check data" button of the twin dock: problems listed from a background run, a click zooms to one."""

from __future__ import annotations

import time

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt

from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.gui.twin_dock import TwinDock
from tests.quality_fixture import PLANTED, build_quality_twin


def wait_until(predicate, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        QgsApplication.processEvents()
        time.sleep(0.01)


def test_check_data_lists_the_problems_and_zooms_to_one(project, catalog, tmp_path, qgis_canvas):
    path = build_quality_twin(tmp_path / "planted.gpkg", planted=True)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    dock = TwinDock(catalog, qgis_canvas, QgsMessageBar())
    dock.load(TwinSource.geopackage(path))
    assert dock.check_button.isEnabled()
    dock.check_button.click()
    dialog = dock.quality_dialog
    wait_until(lambda: dialog.report is not None)
    tree = dialog.tree
    assert tree.topLevelItemCount() == len(PLANTED)
    assert dialog.status_label.text().startswith(f"{len(PLANTED)} problems: 12 errors, 5 warnings")
    far = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if "Nearest feature of Road segments is" in tree.topLevelItem(i).text(4))
    assert [far.text(c) for c in range(4)] == ["Warning", "Traffic signs", "S3", "geometry"]
    tree.setCurrentItem(far)  # a click
    assert qgis_canvas.extent().contains(far.data(0, Qt.ItemDataRole.UserRole).geometry.boundingBox())
    assert qgis_canvas.extent().width() < 300  # zoomed in: street level, not the whole twin
    dialog.close()
    dock.cleanup()


def test_a_clean_twin_says_so(project, catalog, tmp_path):
    path = build_quality_twin(tmp_path / "clean.gpkg", planted=False)
    dock = TwinDock(catalog, None, QgsMessageBar())
    dock.load(TwinSource.geopackage(path))
    dock.check_data()
    wait_until(lambda: dock.quality_dialog.report is not None)
    assert dock.quality_dialog.status_label.text() == "No problems found in 9 layers."
    assert dock.quality_dialog.tree.topLevelItemCount() == 0
    dock.quality_dialog.close()
    dock.cleanup()
