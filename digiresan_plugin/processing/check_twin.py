"""Processing: "Check twin data" (``digiresan:check_twin``) — every data problem of the twin as a point layer.

Inputs as the other Digiresan algorithms (``TWIN`` GeoPackage or ``CONNECTION`` source string; without either the
twin layers of the project, else the embedded demo), optional ``CATALOG``, ``TODAY`` and ``LANGUAGE``. ``OUTPUT``: one
row per problem — layer, key, fid, field, rule, severity, message — at the feature's location (a point on it; none
for rows without geometry and without a located parent). The twin is only read.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.catalog import Catalog, CatalogError, load_catalog
from ..core.catalog_check import check_catalog
from ..core.compat import new_field
from ..core.i18n import ui_language
from ..core.layers import twin_layers
from ..core.quality import ERROR, WARNING, LayerInput, QualityReport, check_twin, prepare_inputs
from ..core.quality.runner import metric_crs
from ..core.twin_source import TwinSource, TwinSourceError
from .common import LANGUAGES, TwinAlgorithm

OUTPUT_FIELDS = (("layer", QVariant.String), ("key", QVariant.String), ("fid", QVariant.LongLong),
                 ("field", QVariant.String), ("rule", QVariant.String), ("severity", QVariant.String),
                 ("message", QVariant.String))


def location(geometry: Optional[QgsGeometry]) -> Optional[QgsGeometry]:
    """A point on ``geometry``: the middle of a line, a point inside a polygon (None for none)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    kind = QgsWkbTypes.geometryType(geometry.wkbType())
    if kind == QgsWkbTypes.GeometryType.PointGeometry:
        point = QgsGeometry(geometry)
    elif kind == QgsWkbTypes.GeometryType.LineGeometry:
        point = geometry.interpolate(geometry.length() / 2.0)
    else:
        point = geometry.pointOnSurface()
    if point.isNull() or point.isEmpty():
        point = geometry.centroid()
    return point if not point.isEmpty() else None


class CheckTwinAlgorithm(TwinAlgorithm):
    OUTPUT = "OUTPUT"

    def __init__(self) -> None:
        super().__init__()
        self._inputs: dict[str, LayerInput] = {}
        self._opened: dict[str, QgsVectorLayer] = {}  # kept alive for the snapshots
        self._today = date.today()
        self._language = "en"

    def name(self) -> str:
        return "check_twin"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Check twin data")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Checks every twin layer against the catalog: values outside their domain or range, required values "
            "missing, dates in the future, empty or duplicate keys, child rows without parent, missing, empty or "
            "invalid geometries, signs far from any road, speed-limit signs that disagree with the road, permit "
            "statuses that do not fit the dates, hourly counts that are not 24 hours or do not add up to ÅDT. "
            "Output: one point per problem with the layer, key, feature id, field, rule, severity and message. "
            "The twin is only read.")

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Problems"),
                                                            QgsProcessing.SourceType.TypeVectorPoint))
        advanced = [
            QgsProcessingParameterFile(self.CATALOG, self.tr("Twin catalog (JSON; default: the bundled one)"),
                                       extension="json", optional=True),
            QgsProcessingParameterString(self.TODAY, self.tr("Today (YYYY-MM-DD; default: the current date)"),
                                         optional=True),
            QgsProcessingParameterEnum(self.LANGUAGE, self.tr("Report language"), options=LANGUAGES,
                                       defaultValue=LANGUAGES.index(ui_language())),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Number of problems")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Number of warnings")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    # -- main thread -----------------------------------------------------------------------------
    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> bool:
        try:
            self.catalog = check_catalog(load_catalog(
                self.parameterAsFile(parameters, self.CATALOG, context) or None))
        except CatalogError as exc:
            raise QgsProcessingException(str(exc)) from exc
        today_text = (self.parameterAsString(parameters, self.TODAY, context) or "").strip()
        try:
            self._today = date.fromisoformat(today_text) if today_text else date.today()
        except ValueError as exc:
            raise QgsProcessingException(self.tr("Today must be a date like 2026-11-27, got '{}'").format(
                today_text)) from exc
        self._language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        layers = self._layers(parameters, context, feedback, self.catalog)
        self._inputs = prepare_inputs(self.catalog, layers)
        if not self._inputs:
            raise QgsProcessingException(self.tr("No twin layer could be read"))
        return True

    def _layers(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback,
                catalog: Catalog) -> dict[str, QgsVectorLayer]:
        twin = self.parameterAsFile(parameters, self.TWIN, context)
        connection = (self.parameterAsString(parameters, self.CONNECTION, context) or "").strip()
        try:
            source = TwinSource.geopackage(twin) if twin else TwinSource.parse(connection) if connection else None
        except TwinSourceError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if source is None:
            project = context.project()
            found = twin_layers(project) if project is not None else {}
            if found:
                feedback.pushInfo(self.tr("Checking the twin layers of the current project"))
                return found
            source = TwinSource.demo()
        reason = source.check()
        if reason:
            raise QgsProcessingException(reason)
        feedback.pushInfo(self.tr("Twin source: {}").format(source.describe()))
        self._opened = {}
        for spec in catalog.layers:
            layer = source.open_layer(spec)
            if layer.isValid():
                self._opened[spec.id] = layer
            else:
                feedback.reportError(self.tr("Layer '{layer}': table '{table}' not found in {source}").format(
                    layer=spec.id, table=spec.table, source=source.describe()), fatalError=False)
        return self._opened

    # -- any thread -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(new_field(name, kind))
        crs = metric_crs(self.catalog)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def progress(fraction: float) -> bool:
            feedback.setProgress(100.0 * fraction)
            return not feedback.isCanceled()

        report = check_twin(self.catalog, self._inputs, self._today, self._language, progress,
                            context.transformContext())
        if feedback.isCanceled():
            return {}
        for problem in report.problems:
            out = QgsFeature(fields)
            point = location(problem.geometry)
            if point is not None:
                out.setGeometry(point)
            out.setAttributes([problem.layer, None if problem.key is None else str(problem.key), problem.fid,
                               problem.field, problem.rule, problem.severity, problem.message])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        for note in report.not_checked:
            feedback.reportError(note, fatalError=False)
        summary = self.summary(report)
        feedback.pushInfo(summary)
        return {self.OUTPUT: dest, "COUNT": len(report.problems), "SUMMARY": summary,
                "ERRORS": sum(1 for p in report.problems if p.severity == ERROR),
                "WARNINGS": sum(1 for p in report.problems if p.severity == WARNING)}

    def summary(self, report: QualityReport) -> str:
        if report.clean:
            return self.tr("No problems found in {n} layers").format(n=len(report.checked_layers))
        parts = ", ".join(f"{rule} {count}" for rule, count in report.by_rule().items())
        text = self.tr("{n} problems in {layers} layers: {rules}").format(
            n=len(report.problems), layers=len(report.checked_layers), rules=parts or "–")
        if report.not_checked:
            text += " " + self.tr("({n} checks could not run)").format(n=len(report.not_checked))
        return text
