"""Processing: "Coordination statement" — a one-page PDF for one permit (a QGIS print layout): a map extract with
the permit and the works it conflicts with, the conflicts, the work window and the contacts, in Swedish or
English, ready to send to the applicant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QFont

from ..core.coordination.board import Board, BoardError
from ..core.coordination.model import Window
from ..core.coordination.statement import statement_for
from ..core.layers import twin_layers
from .common import TwinAlgorithm


class CoordinationStatementAlgorithm(TwinAlgorithm):
    PERMIT = "PERMIT"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "coordination_statement"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Coordination statement (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("A one-page PDF for one excavation permit: a map of the permit and the works it conflicts "
                       "with, every coordination conflict it takes part in, the work window on its streets and "
                       "the contacts of the other permits, in the report language.")

    def flags(self) -> Any:
        # a print layout renders on the main thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterString(self.PERMIT, self.tr("Permit id")))
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Statement (PDF)"),
                                                                "PDF (*.pdf)"))
        self.add_advanced_parameters()

    def prepared(self, parameters: dict, context: QgsProcessingContext, hint: Any) -> None:
        project = context.project()
        self.project_layers = twin_layers(project) if project is not None and not self.layers else {}
        try:
            self.board = Board(self.engine)
        except BoardError as exc:
            self.release()
            raise QgsProcessingException(str(exc)) from None

    def release(self) -> None:
        """Let go of the twin's layers before a failure is raised: a traceback QGIS keeps must not hold them."""
        self.board, self.engine, self.layers, self.project_layers = None, None, {}, {}

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        permit_id = (self.parameterAsString(parameters, self.PERMIT, context) or "").strip()
        try:
            self.board.conflicts(Window())
        except BoardError as exc:
            self.release()
            raise QgsProcessingException(str(exc)) from None
        statement = statement_for(self.board, permit_id)
        if statement is None:
            self.release()
            raise QgsProcessingException(self.tr("No permit '{}' in the twin").format(permit_id))
        title, lines = statement.lines(self.engine.language, self.engine.today.isoformat())
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        self._export(title, lines, [permit_id] + [c[0] for c in statement.contacts], output)
        feedback.pushInfo(self.tr("{} conflicts in the statement").format(len(statement.rows)))
        return {self.OUTPUT: output}

    def _export(self, title: str, lines: list[str], permit_ids: list[str], output: str) -> None:
        project = QgsProject()
        project.setCrs(self.engine.metric.crs)
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()  # one A4 page
        mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters
        heading = QgsLayoutItemLabel(layout)
        heading.setText(title)
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        heading.setFont(font)
        heading.attemptMove(QgsLayoutPoint(12, 10, mm))
        heading.attemptResize(QgsLayoutSize(270, 12, mm))
        layout.addLayoutItem(heading)
        net = self.board.network
        spec = self.board.spec
        layers = []
        for layer_id in (spec.permits.layer, spec.segments.layer):
            layer = self.layers.get(layer_id) or self.project_layers.get(layer_id)
            if layer is None:
                continue
            style = self.catalog.style_path(self.catalog.layer(layer_id))
            if layer_id in self.layers and style is not None:  # our own copy: the twin's look on the map
                layer.loadNamedStyle(str(style))
            layers.append(layer)
        parts = [net.permit_geometry[p] for p in permit_ids if p in net.permit_geometry]
        if layers and parts:
            area = QgsLayoutItemMap(layout)
            area.attemptMove(QgsLayoutPoint(12, 25, mm))
            area.attemptResize(QgsLayoutSize(130, 90, mm))
            area.setCrs(self.engine.metric.crs)
            area.setLayers(layers)
            area.setKeepLayerSet(True)  # the layout's own project has no layers: draw these
            extent = QgsGeometry.unaryUnion(parts).boundingBox()
            extent.grow(max(40.0, extent.width() * 0.3))
            area.setExtent(extent)  # a new map item has no extent: zoomToExtent needs one to keep its size
            area.attemptResize(QgsLayoutSize(130, 90, mm))
            area.zoomToExtent(extent)
            area.setFrameEnabled(True)
            layout.addLayoutItem(area)
        body = QgsLayoutItemLabel(layout)
        body.setText("\n".join(lines))
        small = QFont()
        small.setPointSize(9)
        body.setFont(small)
        body.attemptMove(QgsLayoutPoint(148, 25, mm))
        body.attemptResize(QgsLayoutSize(140, 175, mm))
        layout.addLayoutItem(body)
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        pdf = QgsLayoutExporter.PdfExportSettings()
        pdf.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable text (QGIS 3.40 draws outlines)
        result = QgsLayoutExporter(layout).exportToPdf(output, pdf)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(self.tr("The PDF could not be written: {}").format(output))



