"""The "Check data" window: runs the quality report over the loaded twin in the background, lists every problem,
zooms to one on click."""

from __future__ import annotations

from datetime import date
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import Catalog
from ..core.i18n import ui_language
from ..core.layers import twin_layers
from ..core.log import get_logger
from ..core.quality import ERROR, Problem, QualityReport, check_twin, prepare_inputs
from ..core.quality.runner import metric_crs
from ..core.tasks import LatestTask

LOG = get_logger(__name__)
ZOOM_MARGIN_M = 30.0


class QualityDialog(QDialog):
    """Problems of the twin now in the project; never changes the data."""

    def __init__(self, catalog: Catalog, canvas: Optional[QgsMapCanvas] = None, parent: Optional[QWidget] = None,
                 project: Optional[QgsProject] = None):
        super().__init__(parent)
        self.setObjectName("DigiresanQualityDialog")
        self.setWindowTitle(self.tr("Check twin data"))
        self.catalog = catalog
        self.canvas = canvas
        self.project = project or QgsProject.instance()
        self.language = ui_language()
        self.report: Optional[QualityReport] = None
        self._task = LatestTask()
        self._build()
        self.resize(900, 520)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        top.addWidget(self.status_label, 1)
        self.run_button = QPushButton(self.tr("Check again"), self)
        self.run_button.clicked.connect(self.run)
        top.addWidget(self.run_button)
        layout.addLayout(top)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.faults_label = QLabel(self)
        self.faults_label.setTextFormat(Qt.TextFormat.PlainText)
        self.faults_label.setWordWrap(True)
        self.faults_label.setStyleSheet("color: #a4000f;")
        self.faults_label.hide()
        layout.addWidget(self.faults_label)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Layer"), self.tr("Key"), self.tr("Field"),
                                   self.tr("Problem")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.setToolTip(self.tr("Click a problem to zoom to it"))
        self.tree.currentItemChanged.connect(lambda item, _previous: self.zoom_to(item))
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    # -- running -----------------------------------------------------------------------------------
    def run(self) -> None:
        """Check the twin layers of the project (snapshots now, the checks in a background task)."""
        layers = twin_layers(self.project)
        if not layers:
            self._show_text(self.tr("No twin is loaded: load one in the Digital twin dock first."))
            return
        inputs = prepare_inputs(self.catalog, layers)
        catalog, language, today = self.catalog, self.language, date.today()
        context = self.project.transformContext()
        self.tree.clear()
        self.faults_label.hide()
        self.status_label.setText(self.tr("Checking {n} layers…").format(n=len(inputs)))
        self.progress.setValue(0)
        self.progress.show()
        self.run_button.setEnabled(False)

        def work(task):
            def progress(fraction: float) -> bool:
                task.setProgress(100.0 * fraction)
                return not task.isCanceled()
            return check_twin(catalog, inputs, today, language, progress, context)

        task = self._task.start(self.tr("Checking twin data"), work, self._done)
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))

    def _done(self, report: Optional[QualityReport], error: Optional[BaseException]) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        if error is not None:
            LOG.error("Quality check failed: %s", error)
            self._show_text(self.tr("The check could not finish: {error}").format(error=error), fault=True)
            return
        self.show_report(report)

    def show_report(self, report: QualityReport) -> None:
        self.report = report
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for problem in report.problems:
            self.tree.addTopLevelItem(self._item(problem))
        self.tree.setSortingEnabled(True)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)  # errors first ("Error" < "Warning", "Fel" < "Varning")
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        errors = sum(1 for p in report.problems if p.severity == ERROR)
        if not report.problems:
            text = self.tr("No problems found in {n} layers.").format(n=len(report.checked_layers))
        else:
            text = self.tr("{n} problems: {errors} errors, {warnings} warnings, in {layers} layers.").format(
                n=len(report.problems), errors=errors, warnings=len(report.problems) - errors,
                layers=len(report.checked_layers))
        self.status_label.setText(text)
        if report.not_checked:
            self.faults_label.setText("\n".join(report.not_checked))
            self.faults_label.show()
        else:
            self.faults_label.hide()

    def _item(self, problem: Problem) -> QTreeWidgetItem:
        severity = self.tr("Error") if problem.severity == ERROR else self.tr("Warning")
        try:
            layer = self.catalog.layer(problem.layer).title.text(self.language)
        except KeyError:
            layer = problem.layer
        item = QTreeWidgetItem([severity, layer, "" if problem.key is None else str(problem.key), problem.field,
                                problem.message])
        item.setData(0, Qt.ItemDataRole.UserRole, problem)
        item.setToolTip(4, problem.message)
        return item

    def _show_text(self, text: str, fault: bool = False) -> None:
        self.progress.hide()
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #a4000f;" if fault else "")

    # -- zoom --------------------------------------------------------------------------------------
    def zoom_to(self, item: Optional[QTreeWidgetItem]) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if self.canvas is None or problem is None or problem.geometry is None or problem.geometry.isEmpty():
            return
        geometry = problem.geometry
        box = QgsRectangle(geometry.boundingBox())
        box.grow(ZOOM_MARGIN_M)
        source: QgsCoordinateReferenceSystem = metric_crs(self.catalog)
        target = self.canvas.mapSettings().destinationCrs()
        transform = QgsCoordinateTransform(source, target, self.project.transformContext())
        try:
            extent = transform.transformBoundingBox(box)
            flash = QgsGeometry(geometry)
            flash.transform(transform)
        except Exception as exc:  # noqa: BLE001 - QgsCsException: cannot show it here
            LOG.warning("Cannot zoom to the problem: %s", exc)
            return
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        if QgsWkbTypes.geometryType(flash.wkbType()) != QgsWkbTypes.GeometryType.NullGeometry:
            self.canvas.flashGeometries([flash], target)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._task.cancel()
        super().closeEvent(event)
