"""Processing: "Twin report at point" — the same report as a click on the map, written as JSON."""

from __future__ import annotations

import math
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
)

from ..core.identify.export import write_json
from .common import TwinAlgorithm


class ReportAtPointAlgorithm(TwinAlgorithm):
    POINT = "POINT"
    RADIUS_M = "RADIUS_M"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "report_at_point"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Twin report at point")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Builds the twin card for a point, exactly as a click with the Twin info tool: the feature under the "
            "point (within the radius, in metres on the ground) in the catalog's priority order, or the nearest "
            "street and the property at the point. Writes the report as JSON (see docs/report_schema.md)."
        )

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterPoint(self.POINT, self.tr("Point")))
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS_M, self.tr("Search radius (m; default from the catalog)"),
            type=QgsProcessingParameterNumber.Type.Double, minValue=0.0, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Report (JSON)"), fileFilter="JSON (*.json)"))
        self.add_advanced_parameters()
        self.addOutput(QgsProcessingOutputString("SUBJECT_LAYER", self.tr("Subject layer")))
        self.addOutput(QgsProcessingOutputString("SUBJECT_KEY", self.tr("Subject key")))
        self.addOutput(QgsProcessingOutputNumber("WARNING_COUNT", self.tr("Number of warnings")))

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        crs = self.parameterAsPointCrs(parameters, self.POINT, context)
        point = self.parameterAsPoint(parameters, self.POINT, context, crs)
        radius = None
        if parameters.get(self.RADIUS_M) not in (None, ""):
            radius = self.parameterAsDouble(parameters, self.RADIUS_M, context)
            if not math.isfinite(radius) or radius < 0:
                raise QgsProcessingException(self.tr("RADIUS_M: expected a finite number of metres ≥ 0, got {}").format(
                    parameters.get(self.RADIUS_M)))
        report = self.engine.report_at_point(point, crs, radius)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            write_json(report, output)
        except OSError as exc:
            raise QgsProcessingException(self.tr("OUTPUT: cannot write {path}: {error}").format(
                path=output, error=exc.strerror or exc)) from exc
        subject = report.subject
        if subject is not None:
            feedback.pushInfo(f"{subject.layer_title}: {subject.title}")
        for warning in report.warnings:
            feedback.pushWarning(warning.message)
        return {
            self.OUTPUT: output,
            "SUBJECT_LAYER": subject.layer if subject else "",
            "SUBJECT_KEY": str(subject.key) if subject and subject.key is not None else "",
            "WARNING_COUNT": len(report.warnings),
        }
