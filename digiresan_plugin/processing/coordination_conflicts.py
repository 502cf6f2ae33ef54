"""Processing: "Coordination conflicts" — every coordination conflict of the whole network in a date window, one
row per conflict: rule id, class, both permits, segment, period, handling status and message, as polygons."""

from __future__ import annotations

from datetime import date, timedelta
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
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QVariant

from ..core.compat import new_field
from ..core.coordination.board import Board, BoardError
from ..core.coordination.model import Conflict, Window
from ..core.coordination.notes import NotesError, NotesStore, statuses_for, store_for_layer
from ..core.layers import twin_layers
from ..core.tr import tr
from .common import TwinAlgorithm

COLUMNS = (("rule", QVariant.String), ("class", QVariant.String), ("severity", QVariant.String),
           ("permit_id", QVariant.String), ("other_id", QVariant.String), ("segment_id", QVariant.String),
           ("street", QVariant.String), ("start", QVariant.Date), ("end", QVariant.Date),
           ("handling_status", QVariant.String), ("message", QVariant.String))


def parse_window(from_text: Optional[str], to_text: Optional[str], today: date) -> Window:
    """FROM: a date, 'today' or empty (open); TO: a date, '+N' (N days after FROM, or after today) or empty.
    Both empty: the full network. Raises ValueError naming the parameter."""
    def day(text: str, name: str, base: Optional[date]) -> Optional[date]:
        text = (text or "").strip()
        if not text:
            return None
        if text.lower() == "today":
            return today
        if text.startswith("+") and text[1:].isdigit():
            return (base or today) + timedelta(days=int(text[1:]))
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                tr("{name} must be a date like 2026-11-27, 'today' or '+14', got '{text}'").format(name=name, text=text)
            ) from None

    start = day(from_text or "", "FROM", None)
    end = day(to_text or "", "TO", start)
    if start and end and end < start:
        raise ValueError(tr('TO ({end}) is before FROM ({start})').format(end=end.isoformat(), start=start.isoformat()))
    return Window(start, end)


class CoordinationConflictsAlgorithm(TwinAlgorithm):
    OUTPUT = "OUTPUT"
    FROM = "FROM"
    TO = "TO"

    def name(self) -> str:
        return "coordination_conflicts"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Coordination conflicts")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Every coordination conflict of the whole network whose period touches FROM–TO (default today to "
            "14 days ahead; both empty: the full network): the card's rules (dig moratorium, overlapping permits, "
            "dig before paving), two permits at the same place and time (space_time), at the same place within "
            "months (space: shared trenching), at the same time by a shared crossing (time), the dig-now notice "
            "before a planned paving and the dig ban in force. One row per conflict with its rule id, class, both "
            "permits, the segment, the period, the handling status and the message."
        )

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.FROM, self.tr("From (YYYY-MM-DD or 'today'; empty: no start)"), defaultValue="today",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TO, self.tr("To (YYYY-MM-DD or '+days' after From; empty: no end)"), defaultValue="+14",
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Coordination conflicts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.add_advanced_parameters()
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Number of conflicts")))

    def prepared(self, parameters: dict, context: QgsProcessingContext, hint: Any) -> None:
        def text(name: str, default: str) -> str:
            value = parameters.get(name)
            return default if value is None else self.parameterAsString(parameters, name, context)

        try:
            self.window = parse_window(text(self.FROM, "today"), text(self.TO, "+14"), self.engine.today)
            self.board = Board(self.engine)
        except (ValueError, BoardError) as exc:
            self.release()
            raise QgsProcessingException(str(exc)) from None
        self.board.notes = self._notes(context)

    def release(self) -> None:
        """Let go of the twin's layers before a failure is raised: a traceback QGIS keeps must not hold them."""
        self.board, self.engine, self.layers = None, None, {}

    def _notes(self, context: QgsProcessingContext) -> Optional[NotesStore]:
        """The handling notes of the twin the permits come from (main thread: a saved connection's info)."""
        layer_id = self.board.spec.permits.layer
        layer = self.layers.get(layer_id)
        if layer is None and context.project() is not None:
            layer = twin_layers(context.project()).get(layer_id)
        return store_for_layer(layer)

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        try:
            rows = self.board.conflicts(self.window, self.progress(feedback))
        except BoardError as exc:
            self.release()
            raise QgsProcessingException(str(exc)) from None
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(new_field(name, kind))
        sink, dest = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                      self.engine.metric.crs)
        try:
            statuses: Optional[dict] = statuses_for(self.board, rows)
        except NotesError as exc:
            feedback.reportError(str(exc), fatalError=False)
            statuses = None
        for row in rows:
            out = QgsFeature(fields)
            out.setGeometry(self._geometry(row))
            out.setAttributes([
                row.rule, row.conflict_class, row.severity, row.permit_id, row.other_id, row.segment_id, row.street,
                QDate(row.start) if row.start else None, QDate(row.end) if row.end else None,
                statuses.get(row.key, "new") if statuses is not None else None, row.message,
            ])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(self.tr("{} conflicts").format(len(rows)))
        return {self.OUTPUT: dest, "COUNT": len(rows)}

    def _geometry(self, row: Conflict) -> QgsGeometry:
        """The permits' areas (both of a pair), else the segment widened by the near distance."""
        net = self.board.network
        parts = [net.permit_geometry[p] for p in (row.permit_id, row.other_id) if p in net.permit_geometry]
        if not parts and row.segment_id in net.segment_geometry:
            parts = [net.segment_geometry[row.segment_id].buffer(max(self.board.spec.near_m, 0.5), 4)]
        geometry = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else (QgsGeometry(parts[0]) if parts else
                                                                           QgsGeometry())
        geometry.convertToMultiType()
        return geometry
