"""The "Import data" window: a file, a mapping preset, a preview of the first rows after mapping, then the import
in the background (progress, Cancel) into the twin now in the project; rejected rows listed with their reasons.

All the work is :mod:`..core.importing` (the same as ``digiresan:import_into_twin``); files and the twin are read in
a task, layers are reloaded on the main thread afterwards.
"""

from __future__ import annotations

import csv
import html
import json
from datetime import date
from pathlib import Path
from typing import Any, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import Catalog
from ..core.i18n import ui_language
from ..core.importing import MODES, Importer, ImportResult, MappingError, load_mapping, preset_ids
from ..core.layers import SOURCE_PROPERTY, twin_layers
from ..core.loader import stored_source
from ..core.log import get_logger
from ..core.tasks import BackgroundTask, LatestTask, TaskCancelledError
from ..core.twin_source import TwinSource

LOG = get_logger(__name__)
PREVIEW_ROWS = 10
SHOWN_REJECTIONS = 500
SHOWN_NOTES = 4


class ImportDialog(QDialog):
    """Import a file into one layer of the project's twin."""

    def __init__(self, catalog: Catalog, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None):
        super().__init__(parent)
        self.setObjectName("DigiresanImportDialog")
        self.setWindowTitle(self.tr("Import data into the twin"))
        self.catalog = catalog
        self.project = project or QgsProject.instance()
        self.language = ui_language()
        self.result: Optional[ImportResult] = None
        self._task = LatestTask()
        self._build()
        self._fit_screen()

    # -- widgets -------------------------------------------------------------------------------
    def _fit_screen(self) -> None:
        """960 x 620, or less on a small screen (the window's frame and a taskbar must fit too)."""
        screen = self.screen() if hasattr(self, "screen") else None
        if screen is None:
            self.resize(960, 620)
            return
        free = screen.availableGeometry()
        self.resize(min(960, int(free.width() * 0.9)), min(620, int(free.height() * 0.85)))

    def _build(self) -> None:
        form = QFormLayout()
        self.file_widget = QgsFileWidget(self)
        self.file_widget.setFilter(self.tr("Data files (*.gpkg *.shp *.geojson *.json *.csv *.txt *.xlsx);;"
                                           "All files (*)"))
        form.addRow(self.tr("File"), self.file_widget)
        self.mapping_combo = QComboBox(self)
        for preset in preset_ids():
            mapping = load_mapping(preset)
            self.mapping_combo.addItem(f"{mapping.title.text(self.language)} ({preset})", preset)
        self.mapping_combo.addItem(self.tr("My own mapping (JSON file)…"), "")
        # not as wide as the longest title: the dialog must fit a small screen (the list opens wider)
        self.mapping_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mapping_combo.setMinimumContentsLength(24)
        self.mapping_combo.view().setMinimumWidth(self.mapping_combo.view().sizeHintForColumn(0) + 24)
        form.addRow(self.tr("Mapping"), self.mapping_combo)
        self.layer_label = QLabel(self)
        form.addRow(self.tr("Into twin layer"), self.layer_label)
        self.mapping_file = QgsFileWidget(self)
        self.mapping_file.setFilter(self.tr("Mapping (*.json)"))
        self.mapping_file.setEnabled(False)
        form.addRow(self.tr("Mapping file"), self.mapping_file)
        self.mode_combo = QComboBox(self)
        for mode, text in zip(MODES, (self.tr("insert new rows only"), self.tr("update or insert by key"),
                                      self.tr("replace the layer's rows"))):
            self.mode_combo.addItem(text, mode)
        self.mode_combo.setCurrentIndex(MODES.index("upsert"))
        form.addRow(self.tr("Mode"), self.mode_combo)
        self.crs_widget = QgsProjectionSelectionWidget(self)
        self.crs_widget.setOptionVisible(QgsProjectionSelectionWidget.CrsOption.CrsNotSet, True)
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem())
        form.addRow(self.tr("CRS of the file (if it has none)"), self.crs_widget)
        self.dry_run = QCheckBox(self.tr("Dry run: check and count, write nothing"), self)
        form.addRow("", self.dry_run)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.save_button = QPushButton(self.tr("Save rejected rows…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.setEnabled(False)
        self.save_button.setEnabled(False)
        for button in (self.preview_button, self.import_button, self.cancel_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self.mapping_combo.currentIndexChanged.connect(self._mapping_changed)
        self.mapping_file.fileChanged.connect(lambda _path: self._mapping_changed())
        self._mapping_changed()
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save_rejected)
        self.close_button.clicked.connect(self.close)

    # -- inputs ---------------------------------------------------------------------------------
    def target(self) -> Optional[TwinSource]:
        text = stored_source(self.project)
        for layer in twin_layers(self.project).values():
            text = text or layer.customProperty(SOURCE_PROPERTY)
        return TwinSource.parse(str(text)) if text else None

    def _mapping_changed(self, _index: int = 0) -> None:
        """Show which twin layer the chosen mapping fills (a broken user mapping says why)."""
        preset = self.mapping_combo.currentData()
        self.mapping_file.setEnabled(not preset)
        if not preset and not self.mapping_file.filePath():
            self.layer_label.setText("")
            return
        try:
            mapping = load_mapping(preset or self.mapping_file.filePath())
            title = self.catalog.layer(mapping.layer).title.text(self.language)
            self.layer_label.setText(html.escape(f"{title} ({mapping.layer})"))
        except (MappingError, KeyError) as exc:
            self.layer_label.setText(f"<span style='color:#b00020'>{html.escape(str(exc))}</span>")

    def _inputs(self) -> Optional[dict[str, Any]]:
        target = self.target()
        if target is None:
            self._say(self.tr("Load the twin first: the import goes into the twin of the project."), error=True)
            return None
        if not self.file_widget.filePath():
            self._say(self.tr("Choose the file to import."), error=True)
            return None
        try:
            layer_id = load_mapping(self.mapping_combo.currentData() or self.mapping_file.filePath()).layer
        except MappingError as exc:
            self._say(str(exc), error=True)
            return None
        layer = twin_layers(self.project).get(layer_id)
        if layer is not None and layer.isEditable():
            self._say(self.tr("{layer} is being edited: save or discard the edits before importing into it").format(
                layer=layer.name()), error=True)
            return None
        crs = self.crs_widget.crs()
        return {"target": target, "path": self.file_widget.filePath(), "spec": self.mapping_combo.currentData()
                or self.mapping_file.filePath(), "mode": self.mode_combo.currentData(),
                "dry_run": self.dry_run.isChecked(), "crs": crs.authid() if crs.isValid() else "",
                "context": self.project.transformContext()}

    def _importer(self, given: dict[str, Any]) -> Importer:
        """Opens the file and the twin: call in the task."""
        return Importer(self.catalog, given["target"], given["path"], load_mapping(given["spec"]), given["mode"],
                        given["dry_run"], date.today(), given["crs"], given["context"])

    # -- preview --------------------------------------------------------------------------------
    def preview(self) -> None:
        given = self._inputs()
        if given is None:
            return
        self._busy(True, self.tr("Reading the first rows…"))

        def work(_task: BackgroundTask) -> tuple[list[str], list, list[str]]:
            importer = self._importer(given)
            return importer.mapping.targets(), importer.preview(PREVIEW_ROWS), importer.result.warnings

        self._task.start(self.tr("Import preview"), work, self._previewed)

    def _previewed(self, result: Optional[tuple[list[str], list, list[str]]],
                   error: Optional[BaseException]) -> None:
        self._busy(False)
        if error is not None:
            self._clear_table()
            self._say(str(error), error=True)
            return
        columns, rows, warnings = result
        headers = [self.tr("Row")] + columns + [self.tr("Refused because")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, (number, values, reason) in enumerate(rows):
            cells = [number] + [None if values is None else values.get(c) for c in columns] + [reason]
            for c, value in enumerate(cells):
                self.table.setItem(r, c, _item(value))
        self.table.resizeColumnsToContents()
        if rows and all(values is None for _number, values, _reason in rows):
            self._say(self.tr("None of the first {n} rows would enter the twin: is this the right mapping for the "
                              "file?").format(n=len(rows)), warnings, error=True)
        else:
            self._say(self.tr("The first {n} rows as they would enter the twin.").format(n=len(rows)), warnings)

    # -- import ---------------------------------------------------------------------------------
    def start_import(self) -> None:
        given = self._inputs()
        if given is None:
            return
        self._busy(True, self.tr("Importing…"))
        self.progress.setValue(0)

        def work(task: BackgroundTask) -> ImportResult:
            importer = self._importer(given)

            def progress(percent: float) -> bool:
                task.setProgress(percent)
                return not task.isCanceled()

            return importer.run(progress)

        task = self._task.start(self.tr("Import into the twin"), work, self._imported)
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self._running = task

    def cancel(self) -> None:
        task = getattr(self, "_running", None)
        if task is not None:
            try:
                task.cancel()
            except RuntimeError:
                pass

    def _imported(self, result: Optional[ImportResult], error: Optional[BaseException]) -> None:
        self._busy(False)
        self._running = None
        if error is not None:
            self._clear_table()
            if isinstance(error, TaskCancelledError) or type(error).__name__ == "ImportCancelledError":
                self._say(self.tr("Cancelled: nothing was written to the twin."), error=True)
            else:
                self._say(self.tr("Nothing was written to the twin: {}").format(error), error=True)
            return
        self.result = result
        text = self.tr("{file} → {layer}: read {read}, inserted {inserted}, updated {updated}, unchanged "
                       "{unchanged}, rejected {rejected}").format(
            file=result.source, layer=self._layer_title(result.layer), read=result.read, inserted=result.inserted,
            updated=result.updated, unchanged=result.unchanged, rejected=result.rejected)
        if result.dry_run:
            text += " " + self.tr("— dry run, nothing written")
        else:
            self.reload_layers()
        self._say(text, result.warnings)
        self._show_rejections(result)

    def reload_layers(self) -> None:
        """The project's twin layers read again, so map and card show the imported data (main thread)."""
        for layer in twin_layers(self.project).values():
            layer.dataProvider().reloadData()
            layer.triggerRepaint()

    def _show_rejections(self, result: ImportResult) -> None:
        headers = [self.tr("Row"), self.tr("Field"), self.tr("Value"), self.tr("Refused because")]
        shown = result.rejections[:SHOWN_REJECTIONS]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(shown))
        for r, rejection in enumerate(shown):
            for c, value in enumerate((rejection.row, rejection.field, rejection.value, rejection.reason)):
                self.table.setItem(r, c, _item(value))
        self._fit_reasons()
        self.save_button.setEnabled(bool(result.rejections))

    def _fit_reasons(self) -> None:
        """Columns to their contents, but a long reason wrapped within the table rather than cut at its edge."""
        self.table.resizeColumnsToContents()
        last = self.table.columnCount() - 1
        room = self.table.viewport().width() - sum(self.table.columnWidth(c) for c in range(last))
        if last > 0 and room > 200 and self.table.columnWidth(last) > room:
            self.table.setColumnWidth(last, room)
            self.table.resizeRowsToContents()

    def save_rejected(self) -> None:
        if self.result is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), "rejected.csv",
                                                    self.tr("CSV (*.csv)"))
        if path:
            write_rejections(Path(path), self.result)

    # -- state ----------------------------------------------------------------------------------
    def _busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.preview_button, self.import_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if text:
            self._say(text)

    def _say(self, text: str, notes: Optional[list[str]] = None, error: bool = False) -> None:
        """The status line; ``notes`` (e.g. source columns the mapping names but the file lacks) below it."""
        shown = html.escape(text)
        shown = f"<span style='color:#b00020'>{shown}</span>" if error else shown
        for note in (notes or [])[:SHOWN_NOTES]:
            shown += f"<br><span style='color:#8a5300'>{html.escape(note)}</span>"
        if len(notes or []) > SHOWN_NOTES:
            shown += "<br>" + html.escape(self.tr("… and {n} more").format(n=len(notes) - SHOWN_NOTES))
        self.status.setText(shown)

    def _clear_table(self) -> None:
        """No rows left from an earlier preview or import next to an error."""
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.save_button.setEnabled(False)
        self.result = None

    def _layer_title(self, layer_id: str) -> str:
        try:
            return f"{self.catalog.layer(layer_id).title.text(self.language)} ({layer_id})"
        except KeyError:
            return layer_id


def _item(value: Any) -> QTableWidgetItem:
    text = "" if value is None else str(value)
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def write_rejections(path: Path, result: ImportResult) -> None:
    """Every rejected row as CSV: source row, field, value, reason, the row's values (JSON)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source_row", "field", "value", "reason", "values"])
        for r in result.rejections:
            writer.writerow([r.row, r.field or "", "" if r.value is None else r.value, r.reason,
                             json.dumps(r.values, ensure_ascii=False, default=str)])
