"""Processing: "Coordination conflicts" — every permit in conflict, with the reason, as a polygon layer."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.compat import new_field
from .common import TwinAlgorithm


class CoordinationConflictsAlgorithm(TwinAlgorithm):
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "coordination_conflicts"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Coordination conflicts")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Finds every open excavation permit in conflict with the catalog's coordination rules: digging in a "
            "street paved less than the moratorium ago, two permits overlapping in time on the same street, or "
            "digging where paving is planned this year or next. Output: the permits' areas with the reasons."
        )

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Permits in conflict"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.add_advanced_parameters()
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Number of permits in conflict")))

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        engine = self.engine
        layer_ids = list(dict.fromkeys(v.layer for rule in engine.config.warnings for v in rule.via))
        handles = [h for h in (engine.layer_handle(i) for i in layer_ids) if h is not None]
        if not handles:
            raise QgsProcessingException(self.tr("The twin has no layer the coordination rules apply to ({})").format(
                ", ".join(layer_ids) or "-"))
        first = handles[0]
        key_name = first.spec.key or "key"
        fields = QgsFields()
        for name, kind in ((key_name, QVariant.String), ("layer", QVariant.String), ("kinds", QVariant.String),
                           ("warning_count", QVariant.Int), ("segments", QVariant.String),
                           ("reason", QVariant.String)):
            fields.append(new_field(name, kind))
        wkb = QgsWkbTypes.multiType(first.wkb_type) if first.wkb_type != QgsWkbTypes.Type.Unknown else (
            QgsWkbTypes.Type.MultiPolygon)
        sink, dest = self.create_sink(parameters, self.OUTPUT, context, fields, wkb, first.crs)
        rule_layers = {rule.layer for rule in engine.config.warnings}
        count = 0
        for layer_id, feature, warnings in engine.conflicts(self.progress(feedback)):
            handle = engine.layer_handle(layer_id)
            segments = sorted({str(r.key) for w in warnings for r in w.refs if r.layer in rule_layers})
            out = QgsFeature(fields)
            geometry = feature.geometry()
            if handle is not None and handle.crs != first.crs:
                geometry.transform(QgsCoordinateTransform(handle.crs, first.crs, context.transformContext()))
            geometry.convertToMultiType()
            out.setGeometry(geometry)
            key = feature.attribute(handle.spec.key) if handle is not None and handle.spec.key else feature.id()
            out.setAttributes([
                str(key), layer_id, ", ".join(sorted({w.kind for w in warnings})), len(warnings),
                ", ".join(segments), " | ".join(w.message for w in warnings),
            ])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            count += 1
        feedback.pushInfo(self.tr("{} permits in conflict").format(count))
        return {self.OUTPUT: dest, "COUNT": count}
