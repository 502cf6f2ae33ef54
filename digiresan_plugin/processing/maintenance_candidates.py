"""Processing: "Maintenance candidates" — every segment needing action, its treatment, cost, priority,
coordination status and reason, as a line layer (``digiresan:maintenance_candidates``)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QVariant

from ..core.investment.candidates import Candidate, find_candidates, number
from .investment_common import InvestmentAlgorithm, sink_crs

FIELDS = (
    ("segment_id", QVariant.String), ("street", QVariant.String), ("functional_class", QVariant.Int),
    ("class_group", QVariant.String), ("level", QVariant.String), ("iri_mm_m", QVariant.Double),
    ("rut_mm", QVariant.Double), ("aadt", QVariant.Int), ("inspected_on", QVariant.Date),
    ("condition_class", QVariant.Int), ("treatment", QVariant.String), ("cost_sek", QVariant.Double),
    ("area_m2", QVariant.Double), ("width_assumed", QVariant.Bool), ("priority", QVariant.Double),
    ("benefit_cost", QVariant.Double), ("forecast_year", QVariant.Int), ("coordination", QVariant.String),
    ("earliest_year", QVariant.Int), ("utilities", QVariant.String), ("permits", QVariant.String),
    ("planned", QVariant.String), ("reason", QVariant.String),
)


def candidate_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def candidate_attributes(c: Candidate) -> list[Any]:
    return [
        c.segment_id, c.street, c.functional_class, c.group, c.level, round(c.iri_mm_m, 2), round(c.rut_mm, 1),
        int(c.aadt) if c.aadt is not None else None,
        QDate(c.inspected_on.year, c.inspected_on.month, c.inspected_on.day) if c.inspected_on else None,
        c.condition_class, c.treatment or None, round(c.cost_sek), round(c.area_m2, 1), c.width_assumed,
        round(c.severity, 3), round(c.benefit_cost, 4), c.forecast_year, c.coordination, c.earliest_year,
        "; ".join(c.utilities) or None, ", ".join(c.permits) or None, "; ".join(c.planned) or None, c.reason,
    ]


class MaintenanceCandidatesAlgorithm(InvestmentAlgorithm):
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "maintenance_candidates"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Maintenance candidates")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Every road segment whose latest inspection is above the maintenance model's limits (IRI, rut depth "
            "per functional-class group), with the treatment the model's rules choose, its cost (length × width × "
            "unit cost), a priority (severity), the benefit per SEK, the year the next limit is crossed, the "
            "coordination status (dig first where permits are open or planned, dig moratorium) and a readable "
            "reason. Worst first.")

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.add_twin_parameters()
        self.add_model_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Maintenance candidates"), QgsProcessing.SourceType.TypeVectorLine))
        self.add_advanced_parameters()
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Number of candidates")))
        self.addOutput(QgsProcessingOutputNumber("COST_SEK", self.tr("Cost of every candidate (SEK)")))

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        net = self.network(feedback)
        assessment = find_candidates(self.model, net, self.language, self.moratorium(), self.today.year + 1)
        candidates = assessment.candidates
        fields = candidate_fields()
        sink, dest = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiLineString,
                                      sink_crs(self))
        geometries = self.segment_geometries(net, candidates.indexes.tolist())
        total = 0.0
        for c in candidates:
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            geometry = geometries.get(c.index)
            if geometry is not None:
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes(candidate_attributes(c))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            total += c.cost_sek
        feedback.pushInfo(self.tr("{count} candidates, {cost} MSEK").format(
            count=len(candidates), cost=number(total / 1e6, 1, self.language)))
        return {self.OUTPUT: dest, "COUNT": len(candidates), "COST_SEK": round(total)}
