"""The "Digital twin" dock: pick a twin source and load its layers into the project."""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
)
from qgis.gui import QgsFileWidget, QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import demo_copy, settings
from ..core.catalog import Catalog
from ..core.compat import null_rectangle
from ..core.i18n import ui_language
from ..core.layers import background_maps, twin_layers
from ..core.loader import TwinLoader, stored_source
from ..core.redact import redact
from ..core.tasks import BackgroundTask, run_task
from ..core.twin_source import TwinSource, TwinSourceError
from .base_dock import DigiresanDock
from .help import open_help
from .twin_guard import confirm_removal, reset_demo, save_or_discard

KIND_DEMO, KIND_GPKG, KIND_POSTGRES = "demo", "gpkg", "postgres"


class TwinDock(DigiresanDock):
    """Choose the twin source (embedded demo, a GeoPackage, a PostgreSQL connection) and load it."""

    loaded = pyqtSignal(object)  # LoadReport

    def __init__(
        self,
        catalog: Catalog,
        canvas: Optional[QgsMapCanvas] = None,
        message_bar: Optional[QgsMessageBar] = None,
        parent: Optional[QWidget] = None,
    ):
        super().__init__(parent, message_bar)
        self.setWindowTitle(self.tr("Digital twin"))
        self.setObjectName("DigiresanTwinDock")
        self.message_title = self.tr("Digital twin")
        self.catalog = catalog
        self.canvas = canvas
        self.project = QgsProject.instance()
        self.language = ui_language()
        self._task: Optional[BackgroundTask] = None
        self._failed_source: Optional[TwinSource] = None
        self._build()
        self._signals.connect(self.project.readProject, self._restore_from_project)
        self._signals.connect(self.project.layersRemoved, self._refresh_status)
        self._signals.connect(self.project.cleared, self._refresh_status)
        self._restore_from_project()

    # -- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.kind_combo = QComboBox(body)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(16)  # narrower than its longest entry: the dock fits a small screen
        self.kind_combo.addItem(self.tr("Embedded demo twin (central Östersund)"), KIND_DEMO)
        self.kind_combo.addItem(self.tr("GeoPackage file"), KIND_GPKG)
        self.kind_combo.addItem(self.tr("PostgreSQL connection"), KIND_POSTGRES)
        form.addRow(self.tr("Source"), self.kind_combo)
        self.reset_demo_button = QPushButton(QgsApplication.getThemeIcon("mActionReload.svg"),
                                             self.tr("Reset demo twin…"), body)
        self.reset_demo_button.setToolTip(self.tr("Replace your copy of the embedded demo twin by a fresh one"))
        form.addRow("", self.reset_demo_button)
        self.file_widget = QgsFileWidget(body)
        self.file_widget.setFilter(self.tr("GeoPackage (*.gpkg *.GPKG)"))
        self.file_widget.setDialogTitle(self.tr("Choose a twin GeoPackage"))
        self.file_label = QLabel(self.tr("File"), body)
        form.addRow(self.file_label, self.file_widget)
        self.connection_combo = QComboBox(body)
        self.connection_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.connection_combo.setMinimumContentsLength(16)
        self.connection_label = QLabel(self.tr("Connection"), body)
        form.addRow(self.connection_label, self.connection_combo)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Load twin"), body)
        self.load_button.setToolTip(self.tr("Add the twin's layers to the project (existing ones are reused)"))
        self.zoom_button = QPushButton(self.tr("Zoom to twin"), body)
        self.remove_button = QPushButton(self.tr("Remove"), body)
        self.remove_button.setToolTip(self.tr("Remove the twin's layers from the project"))
        self.check_button = QPushButton(self.tr("Check data"), body)
        self.check_button.setToolTip(self.tr("List the twin's data problems and zoom to them"))
        self.import_button = QPushButton(self.tr("Import data…"), body)  # its tool tip: _refresh_status
        self.help_button = QToolButton(body)
        self.help_button.setIcon(QgsApplication.getThemeIcon("mActionHelpContents.svg"))
        self.help_button.setToolTip(self.tr("Help"))
        for button in (self.load_button, self.zoom_button, self.remove_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        maintenance = QHBoxLayout()  # a second row: the dock stays narrow enough for a 1366 px screen
        for button in (self.check_button, self.import_button):
            maintenance.addWidget(button)
        maintenance.addStretch(1)
        maintenance.addWidget(self.help_button)
        layout.addLayout(maintenance)
        layout.addWidget(self.busy_bar(body))

        layout.addWidget(QLabel(self.tr("Layers"), body))
        self.layer_list = QListWidget(body)
        layout.addWidget(self.layer_list, 1)
        self.background_boxes: dict[str, QCheckBox] = {}
        for spec in self.catalog.background_maps:  # online maps under the twin: off until the user wants one
            box = QCheckBox(body)
            box.setToolTip(self.tr("An online map under the twin. It needs an internet connection; nothing is "
                                   "fetched while it is off, and the twin works without it."))
            box.toggled.connect(lambda on, map_id=spec.id: self._show_background_map(map_id, on))
            self.background_boxes[spec.id] = box
            label = QLabel(spec.title.text(self.language), body)  # wraps in a narrow dock, where a check box cannot
            label.setWordWrap(True)
            label.setBuddy(box)
            label.setToolTip(box.toolTip())
            row = QHBoxLayout()
            row.addWidget(box, 0)
            row.addWidget(label, 1)
            layout.addLayout(row)
        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status_label)
        self.retry_button = QPushButton(self.tr("Retry"), body)
        self.retry_button.setToolTip(self.tr("Try the same twin source again"))
        self.retry_button.hide()
        layout.addWidget(self.retry_button)
        self.setWidget(body)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.load_button.clicked.connect(self._load_clicked)
        self.zoom_button.clicked.connect(self.zoom_to_twin)
        self.remove_button.clicked.connect(self.remove_twin)
        self.check_button.clicked.connect(self.check_data)
        self.import_button.clicked.connect(self.import_data)
        self.reset_demo_button.clicked.connect(lambda: reset_demo(self))
        self.retry_button.clicked.connect(self._retry)
        self.help_button.clicked.connect(
            lambda: open_help("dock", lambda text: self.message(text, Qgis.MessageLevel.Warning, 10)))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        for widget in (self.file_widget, self.file_label):
            widget.setVisible(kind == KIND_GPKG)
        for widget in (self.connection_combo, self.connection_label):
            widget.setVisible(kind == KIND_POSTGRES)
        self.reset_demo_button.setVisible(kind == KIND_DEMO)
        if kind == KIND_POSTGRES:
            self._fill_connections()

    def _fill_connections(self) -> None:
        current = self.connection_combo.currentText()
        self.connection_combo.clear()
        try:
            names = sorted(QgsProviderRegistry.instance().providerMetadata("postgres").connections())
        except Exception:  # noqa: BLE001 - no postgres provider
            names = []
        self.connection_combo.addItems(names)
        if current in names:
            self.connection_combo.setCurrentText(current)

    # -- source ----------------------------------------------------------------------------
    def selected_source(self) -> TwinSource:
        """The source the widgets describe; raises TwinSourceError with a message if incomplete."""
        kind = self.kind_combo.currentData()
        if kind == KIND_GPKG:
            path = self.file_widget.filePath().strip()
            if not path:
                raise TwinSourceError(self.tr("Choose a GeoPackage file first."))
            return TwinSource.geopackage(path)
        if kind == KIND_POSTGRES:
            name = self.connection_combo.currentText().strip()
            if not name:
                raise TwinSourceError(self.tr("No saved PostgreSQL connection: add one in the Data Source Manager."))
            return TwinSource("postgres", name)
        return TwinSource.demo()

    def show_source(self, source: TwinSource) -> None:
        """Set the widgets to ``source``."""
        if source.is_demo:
            kind = KIND_DEMO
        elif source.kind == "gpkg":
            kind = KIND_GPKG
            self.file_widget.setFilePath(source.location)
        else:
            kind = KIND_POSTGRES
            self._fill_connections()
            self.connection_combo.setCurrentText(source.location)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    # -- loading ---------------------------------------------------------------------------
    def _load_clicked(self) -> None:
        try:
            source = self.selected_source()
        except TwinSourceError as exc:
            self._message(str(exc), Qgis.MessageLevel.Warning)
            return
        self.load(source)

    def load(self, source: TwinSource) -> None:
        """Check the source (off the UI thread when it may block), then add the layers."""
        if self._task is not None:
            return
        stored = stored_source(self.project)
        if twin_layers(self.project) and stored != source.to_string() and not save_or_discard(
                self, self.project, self.tr("loading another twin")):
            return
        if source.kind == "gpkg" and source.readable_now():  # a local file nobody locks: nothing that can block
            self._finish_load(source, source.check())
            return
        self._set_busy(True)  # a database, or a file another program locks: checked in a task, with a deadline

        def done(reason: Optional[str], error: Optional[BaseException]) -> None:
            self._task = None
            self._set_busy(False)
            self._finish_load(source, str(error) if error is not None else reason)

        self._task = run_task(self.tr("Checking twin source"), lambda _task: source.check(), done)

    def _retry(self) -> None:
        if self._failed_source is not None:
            self.load(self._failed_source)

    def _finish_load(self, source: TwinSource, reason: Optional[str]) -> None:
        reason = redact(reason) if reason else None  # e.g. a task's exception text
        self._failed_source = source if reason else None
        self.retry_button.setVisible(bool(reason))
        if reason:
            self._message(reason, Qgis.MessageLevel.Critical)
            self.status_label.setText(reason)
            return
        report = TwinLoader(self.catalog, self.project, self.language).load(source, check=False)
        settings.set_value("twin_source", "" if source.is_demo else source.to_string())
        self._refresh_status()
        if report.problems:
            self.status_label.setText("\n".join(report.problems))
            self._message(
                self.tr("Twin loaded with {n} problem(s): {first}").format(
                    n=len(report.problems), first=report.problems[0]
                ),
                Qgis.MessageLevel.Warning,
            )
        else:
            self.status_label.setText(
                self.tr("{n} layers from {source}").format(n=len(report.loaded), source=source.describe())
            )
        for notice in report.notices:
            self._message(notice, Qgis.MessageLevel.Warning)
        if source.is_demo and demo_copy.is_outdated():
            self._message(self.tr("This version of the plugin comes with a newer demo twin: 'Reset demo twin…' "
                                  "uses it (your copy is kept as a backup)."), Qgis.MessageLevel.Info)
        if not source.writable():
            self.status_label.setText(self.status_label.text() + "\n" + self.tr(
                "Read-only: you may not write to {file}, so edits cannot be saved.").format(file=source.location))
            self._message(self.tr("Digital twin loaded: {n} layers").format(n=len(report.loaded)),
                          Qgis.MessageLevel.Success)
        if report.added and report.extent is not None:
            self.zoom_to_twin()
            QTimer.singleShot(0, self.zoom_to_twin)  # again after QGIS's own zoom to its first layers' extent
        self.loaded.emit(report)

    def _set_busy(self, busy: bool) -> None:
        self.set_busy(busy)
        self.load_button.setEnabled(not busy)

    def _show_background_map(self, map_id: str, on: bool) -> None:
        TwinLoader(self.catalog, self.project, self.language).show_background_map(map_id, on)

    def remove_twin(self) -> None:
        """Ask first (what goes, the data stays), offer to save unsaved edits, then remove and redraw."""
        source = stored_source(self.project) or ""
        description = TwinSource.parse(source).describe() if source else self.tr("the twin source")
        if not confirm_removal(self, self.catalog, self.project, description):
            return
        if not save_or_discard(self, self.project, self.tr("removing the twin")):
            return
        TwinLoader(self.catalog, self.project, self.language).unload()
        self._refresh_status()
        if self.canvas is not None:
            self.canvas.refresh()

    def check_data(self) -> None:
        """The "Check data" window over the loaded twin (a new check each time it is opened)."""
        from .quality_dialog import QualityDialog

        if getattr(self, "quality_dialog", None) is None:
            self.quality_dialog = QualityDialog(self.catalog, self.canvas, self, self.project)
        self.quality_dialog.show()
        self.quality_dialog.raise_()
        self.quality_dialog.run()

    def import_data(self) -> None:
        """The "Import data" window into the loaded twin."""
        from .import_dialog import ImportDialog

        if getattr(self, "import_dialog", None) is None:
            self.import_dialog = ImportDialog(self.catalog, self, self.project)
        self.import_dialog.show()
        self.import_dialog.raise_()

    def zoom_to_twin(self) -> None:
        if self.canvas is None:
            return
        subjects = {spec.id for spec in self.catalog.identifiable_layers()}  # not the lake around the town
        layers = [lyr for lid, lyr in twin_layers(self.project).items() if lyr.isSpatial() and lid in subjects]
        if not layers:
            return
        self.canvas.setExtent(self._extent(layers))
        self.canvas.refresh()

    def _extent(self, layers: list) -> QgsRectangle:
        extent = null_rectangle()
        target = self.canvas.mapSettings().destinationCrs()
        for layer in layers:
            transform = QgsCoordinateTransform(layer.crs(), target, self.project.transformContext())
            extent.combineExtentWith(transform.transformBoundingBox(layer.extent()))
        extent.scale(1.05)
        return extent

    # -- state -----------------------------------------------------------------------------
    def _restore_from_project(self) -> None:
        stored = stored_source(self.project) or settings.get("twin_source")
        try:
            self.show_source(TwinSource.parse(stored))
        except TwinSourceError as exc:
            self.status_label.setText(str(exc))
        self._refresh_status()

    def _refresh_status(self, *_args: object) -> None:
        loaded = twin_layers(self.project)
        self.layer_list.clear()
        for spec in self.catalog.layers:
            layer = loaded.get(spec.id)
            if layer is None and loaded and spec.optional:  # an optional layer this twin does not have: no fault
                text = self.tr("{title} — not in this twin").format(title=spec.title.text(self.language))
                icon = "mIconInfo.svg"
            elif layer is None:
                text = self.tr("{title} — not loaded").format(title=spec.title.text(self.language))
                icon = "mIconWarning.svg" if loaded else "mActionRemove.svg"
            else:
                text = spec.title.text(self.language)
                icon = "mIconTableLayer.svg" if not spec.is_spatial else "mActionAddOgrLayer.svg"
            item = QListWidgetItem(QgsApplication.getThemeIcon(icon), text)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            self.layer_list.addItem(item)
        self.zoom_button.setEnabled(bool(loaded))
        self.remove_button.setEnabled(bool(loaded))
        shown = background_maps(self.project)
        for map_id, box in self.background_boxes.items():
            box.blockSignals(True)
            box.setChecked(map_id in shown)
            box.blockSignals(False)
            box.setEnabled(bool(loaded))
        self.check_button.setEnabled(bool(loaded))
        self.import_button.setEnabled(bool(loaded))
        self.import_button.setToolTip(
            self.tr("Bring a file (NVDB, survey, signs, permits, counts…) into the twin") if loaded
            else self.tr("Load a twin first: the data is imported into the loaded twin"))

    def _message(self, text: str, level: Qgis.MessageLevel) -> None:
        self.message(text, level)
