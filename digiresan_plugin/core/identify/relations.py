"""Reading what is related to a subject: by key (a compiled field-equality expression, no geometry) or
spatially (``setFilterRect`` on the spatial index, then the exact predicate in metres), only the attributes a
section, order, filter or rule reads. One fetch per relation and subject per report, shared by sections and
rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Optional

from qgis.core import QgsFeature, QgsGeometry, QgsWkbTypes

from ..log import get_logger
from .context import EngineSetup, ReportContext
from .gpkg_reader import LiteFeature
from .handles import LayerHandle
from .query import Query, usable_conditions
from .query import where_expression as query_where
from .specs import Condition, RelationSpec
from .subjects import EPS_M, SubjectFeature
from .texts import message
from .values import py_value

LOG = get_logger(__name__)


@dataclass
class Row:
    """One related feature: id, the attributes read (plain Python values), distance from the subject."""

    fid: int
    attrs: dict[str, Any]
    distance_m: Optional[float] = None


@dataclass
class Related:
    rows: list[Row] = field(default_factory=list)
    error: Optional[str] = None
    missing: bool = False


def where_expression(conditions: tuple[Condition, ...], handle: LayerHandle) -> Optional[str]:
    """SQL-compilable QGIS expression for the relation's filter on ``handle`` (see :func:`.query.where_expression`)."""
    return query_where(usable_conditions(conditions, handle.fields, handle.spec.id))


def related(ctx: ReportContext, rel: RelationSpec, subject: SubjectFeature) -> Related:
    """What ``rel`` relates to ``subject`` (cached for the report); a missing or broken layer is an error."""
    cache_key = (rel.id, subject.layer, subject.fid)
    if cache_key in ctx.related:
        return ctx.related[cache_key]
    setup = ctx.setup
    target = ctx.handle(rel.to_layer)
    if target is None:
        title = setup.title(setup.catalog.layer(rel.to_layer))
        result = Related(error=message("layer_missing", setup.language, title=title, layer=rel.to_layer),
                         missing=True)
    elif rel.type == "any":
        result = _any(ctx, rel, subject)
    else:
        try:
            result = Related(rows=_fetch(setup, rel, subject, target))
        except Exception as exc:  # noqa: BLE001 - a broken layer must not take the whole card down
            LOG.warning(f"Relation '{rel.id}' failed: {exc}")
            result = Related(error=message("section_failed", setup.language, title=setup.title(target.spec),
                                           layer=rel.to_layer, error=exc))
    ctx.related[cache_key] = result
    return result


def _any(ctx: ReportContext, rel: RelationSpec, subject: SubjectFeature) -> Related:
    """The rows of every relation ``rel`` joins, each feature once (the nearest reading of it); the first error
    is the union's."""
    rows: dict[int, Row] = {}
    for sub_id in rel.of:
        found = related(ctx, ctx.setup.config.relations[sub_id], subject)
        if found.error:
            return found
        for row in found.rows:
            kept = rows.get(row.fid)
            if kept is None or (row.distance_m is not None and (kept.distance_m is None
                                                                 or row.distance_m < kept.distance_m)):
                rows[row.fid] = row
    return Related(rows=[rows[fid] for fid in sorted(rows)])


def _attribute_subset(setup: EngineSetup, rel: RelationSpec, target: LayerHandle) -> Optional[list[str]]:
    if rel.id not in setup.fields_read:
        all_fields = setup.config.needs_all_fields(rel.id)
        setup.fields_read[rel.id] = None if all_fields else sorted(setup.config.relation_fields(rel.id))
    names = setup.fields_read[rel.id]
    return None if names is None else target.present(names)


def _read(feature: QgsFeature, indexes: list[tuple[str, int]]) -> dict[str, Any]:
    values = feature.attributes()
    if isinstance(feature, LiteFeature):  # plain Python values already (GeoPackage and PostGIS readers)
        return {name: values[i] for name, i in indexes}
    return {name: py_value(values[i]) for name, i in indexes if i < len(values)}


def _indexes(target: LayerHandle, subset: Optional[list[str]]) -> list[tuple[str, int]]:
    if subset is None:
        return list(target.index.items())
    index = target.index
    return [(name, index[name]) for name in subset if name in index]


def _fetch(setup: EngineSetup, rel: RelationSpec, subject: SubjectFeature, target: LayerHandle) -> list[Row]:
    subset = _attribute_subset(setup, rel, target)
    indexes = _indexes(target, subset)
    where = tuple(usable_conditions(rel.where, target.fields, target.spec.id))
    if rel.type == "key":
        value = subject.attrs.get(rel.from_field)
        if value is None or not target.has_field(rel.to_field):
            return []
        query = Query(equals=(rel.to_field, value), where=where, attributes=subset, geometry=False)
        return [Row(f.id(), _read(f, indexes)) for f in target.read(query)]
    if subject.metric is None or subject.metric.isEmpty():
        return []
    return _spatial(setup, rel, subject.metric, target, Query(where=where, attributes=subset), indexes)


def _spatial(setup: EngineSetup, rel: RelationSpec, geometry: QgsGeometry, target: LayerHandle,
             query: Query, indexes: list[tuple[str, int]]) -> list[Row]:
    predicate = rel.predicate
    metric = setup.metric
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    probe = None
    if predicate == "contains_subject_point":
        probe = geometry.pointOnSurface()
        search = probe.boundingBox().buffered(0.01)
    elif predicate == "point_within_subject":
        search = geometry.boundingBox().buffered(0.01)
    else:
        search = geometry.boundingBox().buffered(rel.distance_m + 0.01)
    rows: list[Row] = []
    for feature in target.read(replace(query, rect=metric.rect_in(search, target.crs))):
        other = metric.to_metric(feature.geometry(), target.crs, copy=False)
        if other.isEmpty():
            continue
        if predicate == "along":
            distance = _along(geometry, other, rel)
            if distance is None:
                continue
        elif predicate in ("within_distance", "nearest"):
            if engine.intersects(other.constGet()):
                distance = 0.0
            else:
                distance = geometry.distance(other)
                if distance > rel.distance_m + EPS_M:
                    continue
        elif predicate == "contains_subject_point":
            if not other.intersects(probe):
                continue
            distance = 0.0
        else:  # point_within_subject
            inner = other.pointOnSurface()  # keep a reference: constGet() points into it
            if inner.isNull() or not engine.intersects(inner.constGet()):
                continue
            distance = 0.0
        rows.append(Row(feature.id(), _read(feature, indexes), distance))
    if predicate == "nearest":
        rows.sort(key=lambda r: (r.distance_m, r.fid))
        rows = rows[: rel.limit or 1]
    return rows


def _along(subject: QgsGeometry, other: QgsGeometry, rel: RelationSpec) -> Optional[float]:
    """Distance when ``other`` runs beside the subject: within ``distance_m`` over at least ``min_length_m`` metres
    of the subject (all of a shorter subject); a line crossing it or touching its end does not. None: not along."""
    distance = subject.distance(other)
    if distance > rel.distance_m + EPS_M:
        return None
    if subject.type() != QgsWkbTypes.GeometryType.LineGeometry:
        return distance
    beside = subject.intersection(other.buffer(max(rel.distance_m, EPS_M), 8)).length()
    if beside + EPS_M < min(rel.min_length_m, subject.length()):
        return None
    return distance
