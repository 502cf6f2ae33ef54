"""Processing: "Twin report for features" — one table row per input feature with its card's summary."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QVariant

from ..core.compat import new_field
from ..core.identify.handles import LayerHandle
from ..core.identify.tabular import summary_fields, summary_values
from ..core.identify.values import field_type
from ..core.layers import LAYER_ID_PROPERTY
from .common import TwinAlgorithm

QVARIANT = {"text": QVariant.String, "int": QVariant.Int, "real": QVariant.Double, "date": QVariant.Date,
             "datetime": QVariant.DateTime, "bool": QVariant.Bool}


class ReportForFeaturesAlgorithm(TwinAlgorithm):
    INPUT = "INPUT"
    LAYER_ID = "LAYER_ID"
    OUTPUT = "OUTPUT"

    def __init__(self) -> None:
        super().__init__()
        self.layer_id: Optional[str] = None

    def name(self) -> str:
        return "report_for_features"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Twin report for features")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "For each input feature of a twin layer (e.g. selected road segments), builds its twin card and writes "
            "one row: key, latest condition class and trend, sign codes, number of open permits and next start, "
            "peak hours, ÅDT and the coordination warnings. Columns follow the catalog's card sections."
        )

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Features of a twin layer"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER_ID, self.tr("Twin layer id in the catalog (default: recognised from the input)"),
            optional=True))
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Twin report table"), QgsProcessing.SourceType.TypeVector))
        self.add_advanced_parameters()

    def input_layer(self, parameters: dict, context: QgsProcessingContext) -> Optional[QgsVectorLayer]:
        return self.parameterAsVectorLayer(parameters, self.INPUT, context)

    def prepared(self, parameters: dict, context: QgsProcessingContext, hint: Optional[QgsVectorLayer]) -> None:
        self.layer_id = self._layer_id(parameters, context, hint)

    def _layer_id(self, parameters: dict, context: QgsProcessingContext, layer: Optional[QgsVectorLayer]) -> str:
        ids = {s.id for s in self.catalog.layers}
        given = (self.parameterAsString(parameters, self.LAYER_ID, context) or "").strip()
        if given:
            if given not in ids:
                raise QgsProcessingException(self.tr("'{}' is not a layer of the twin catalog ({})").format(
                    given, ", ".join(sorted(ids))))
            return given
        if layer is not None:
            tagged = layer.customProperty(LAYER_ID_PROPERTY)
            if tagged in ids:
                return str(tagged)
            source = layer.source()
            for spec in self.catalog.layers:
                if f"layername={spec.table}" in source or layer.name() in (spec.id, spec.table):
                    return spec.id
        raise QgsProcessingException(self.tr(
            "Cannot tell which twin layer the input is: give its catalog id in 'Twin layer id'"))

    def _type_of(self, layer_id: str, field_name: str) -> Optional[str]:
        handle = self.engine.layer_handle(layer_id)
        if not isinstance(handle, LayerHandle) or not handle.has_field(field_name):
            return None
        return field_type(handle.fields.at(handle.fields.indexFromName(field_name)))

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        columns = summary_fields(self.engine.config, self.layer_id, self._type_of)
        fields = QgsFields()
        for name, kind in columns:
            fields.append(new_field(name, QVARIANT.get(kind, QVariant.String)))
        sink, dest = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        total = source.featureCount() or 1
        for i, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            report = self.engine.report_for_feature(self.layer_id, feature, crs=source.sourceCrs())
            values = summary_values(report)
            out = QgsFeature(fields)
            out.setAttributes([_qvalue(values.get(name), kind) for name, kind in columns])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(100.0 * (i + 1) / total)
        return {self.OUTPUT: dest}


def _qvalue(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "date":
        return QDate.fromString(str(value)[:10], "yyyy-MM-dd") if isinstance(value, (str, date)) else value
    return value
