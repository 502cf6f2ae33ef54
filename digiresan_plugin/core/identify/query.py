"""What the engine asks a layer for, independent of how it is read: a :class:`Query` (rectangle, key equality,
the relation's conditions, feature ids, the attributes and whether geometry is needed). A layer handle answers it
through QGIS (:func:`to_request`, any provider) or straight from a GeoPackage (``gpkg_reader``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from qgis.core import QgsExpression, QgsFeatureRequest, QgsFields, QgsRectangle

from ..log import get_logger
from .specs import Condition

LOG = get_logger(__name__)


@dataclass(frozen=True)
class Query:
    """Features of one layer. Every part is optional; all given parts must hold."""

    rect: Optional[QgsRectangle] = None  # bounding-box filter, in the layer's CRS
    equals: Optional[tuple[str, Any]] = None  # (field, plain Python value): the key of a relation
    where: tuple[Condition, ...] = ()  # the relation's conditions (only those on fields the layer has)
    fids: Optional[Sequence[int]] = None  # these features only
    attributes: Optional[Sequence[str]] = None  # None: every attribute; the others come back NULL
    geometry: bool = True
    limit: Optional[int] = None  # at most this many (the first in key order)

    def shape(self) -> tuple:
        """What a reader's SQL statement for this query depends on (not the values bound into it)."""
        return (self.rect is not None, self.equals[0] if self.equals else None,
                tuple((c.field, c.op, len(c.values)) for c in self.where), self.fids is not None,
                None if self.attributes is None else tuple(self.attributes), self.geometry, self.limit is not None)


def usable_conditions(conditions: tuple[Condition, ...], fields: QgsFields, layer_id: str) -> list[Condition]:
    """The conditions on fields the layer has (a condition on a missing field is ignored, with a warning)."""
    usable = []
    for c in conditions:
        if fields.indexFromName(c.field) < 0:
            LOG.warning(f"Filter field '{c.field}' not in layer '{layer_id}': filter ignored")
        else:
            usable.append(c)
    return usable


def where_expression(conditions: Sequence[Condition]) -> Optional[str]:
    """SQL-compilable QGIS expression for ``conditions`` (unknown status counts as matching 'not_in')."""
    parts = []
    for c in conditions:
        col = QgsExpression.quotedColumnRef(c.field)
        values = ", ".join(QgsExpression.quotedValue(v) for v in c.values)
        if c.op == "eq":
            parts.append(QgsExpression.createFieldEqualityExpression(c.field, c.values[0]))
        elif c.op == "ne":
            parts.append(f"{col} IS NULL OR {col} <> {QgsExpression.quotedValue(c.values[0])}")
        elif c.op == "in":
            parts.append(f"{col} IN ({values})")
        else:
            parts.append(f"{col} IS NULL OR {col} NOT IN ({values})")
    return " AND ".join(f"({p})" for p in parts) if parts else None


def to_request(query: Query, fields: QgsFields) -> QgsFeatureRequest:
    """The QGIS feature request for ``query`` (conditions already reduced to the layer's fields)."""
    if query.fids is not None and (query.equals is not None or query.where):
        raise ValueError("a QGIS request filters by feature ids or by an expression, not both")
    request = QgsFeatureRequest()
    if query.fids is not None:
        request.setFilterFids([int(f) for f in query.fids])
    expressions = []
    if query.equals is not None:
        expressions.append(QgsExpression.createFieldEqualityExpression(*query.equals))
    where = where_expression(query.where)
    if where:
        expressions.append(where)
    if expressions:
        request.setFilterExpression(" AND ".join(f"({e})" for e in expressions) if len(expressions) > 1
                                    else expressions[0])
    if query.rect is not None:
        request.setFilterRect(query.rect)
    if query.attributes is not None:
        request.setSubsetOfAttributes(list(query.attributes), fields)
    if not query.geometry:
        request.setFlags(request.flags() | QgsFeatureRequest.Flag.NoGeometry)
    if query.limit is not None:
        request.setLimit(int(query.limit))
    return request
