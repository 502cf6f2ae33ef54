"""Spatial rules, read from feature-source snapshots: geometries, distances between related layers, sign values.

Distances are metres in the catalog's metric CRS (features are reprojected by the request). The target layer of a
relation (e.g. the roads) is indexed once with its geometries; each feature of the other layer (e.g. a sign) asks
the index for its nearest target within the relation's distance, in C++.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from qgis.core import Qgis, QgsFeature, QgsFeatureRequest, QgsGeometry, QgsSpatialIndex

from ..field_checks import format_number
from ..maintenance_spec import SpatialRelation
from ..tr import tr
from .config import NearRule, SignValueRule
from .context import RunContext
from .model import ERROR
from .sources import LayerInput

GEOMETRY_FIELD = "geometry"
PROGRESS_EVERY = 20000


def _request(ctx: RunContext) -> QgsFeatureRequest:
    return QgsFeatureRequest().setDestinationCrs(ctx.metric_crs, ctx.transform_context)


def geometries(ctx: RunContext, inp: LayerInput, done: float, share: float) -> None:
    """Missing, empty and invalid (GEOS) geometries of a spatial layer."""
    if not inp.spec.is_spatial:
        return
    layer_id = inp.spec.id
    total = max(1, inp.count)
    request = QgsFeatureRequest().setNoAttributes()
    for i, feature in enumerate(inp.source.getFeatures(request)):
        if i % PROGRESS_EVERY == 0 and not ctx.step(done + share * i / total):
            return
        geometry = feature.geometry()
        if geometry.isNull():
            if inp.spec.geometry_optional:
                continue
            ctx.add(layer_id, None, feature.id(), GEOMETRY_FIELD, "geometry_missing", ERROR, tr("No geometry"))
        elif geometry.isEmpty():
            ctx.add(layer_id, None, feature.id(), GEOMETRY_FIELD, "geometry_empty", ERROR, tr("Empty geometry"))
        elif not geometry.isGeosValid():
            errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
            reason = errors[0].what() if errors else ""
            problem = ctx.add(layer_id, None, feature.id(), GEOMETRY_FIELD, "geometry_invalid", ERROR,
                              tr("Invalid geometry: {reason}").format(reason=reason))
            problem.geometry = QgsGeometry(geometry)


class _Nearest:
    """For every feature of the relation's source layer: its nearest target within the relation's distance."""

    def __init__(self, ctx: RunContext, relation: SpatialRelation, attributes: list[str], done: float,
                 share: float, keep: Callable[[QgsFeature, list[tuple[str, int]]], bool] = lambda _f, _i: True):
        self.ctx = ctx
        self.relation = relation
        self.source = ctx.inputs.get(relation.from_layer)
        self.target = ctx.inputs.get(relation.to_layer)
        self.within: dict[int, int] = {}  # source fid -> nearest target fid
        self.far: dict[int, Optional[float]] = {}  # source fid -> distance to the nearest target (None: no target)
        self.attributes: dict[int, dict[str, object]] = {}  # source fid -> the attributes asked for
        if self.source is None or self.target is None:
            return
        request = _request(ctx).setNoAttributes()
        index = QgsSpatialIndex(self.target.source.getFeatures(request), None,
                                QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
        names = [n for n in attributes if self.source.has(n)]
        request = _request(ctx).setSubsetOfAttributes(names, self.source.fields)
        indexes = [(n, self.source.fields.indexFromName(n)) for n in names]
        distance = float(relation.distance_m or 0.0)
        total = max(1, self.source.count)
        for i, feature in enumerate(self.source.source.getFeatures(request)):
            if i % PROGRESS_EVERY == 0 and not ctx.step(done + share * i / total):
                return
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue  # reported by the geometry rule
            fid = feature.id()
            if indexes and keep(feature, indexes):
                self.attributes[fid] = {n: feature.attribute(j) for n, j in indexes}
            # the distance is compared here: nearestNeighbor's maxDistance is not honoured by every QGIS (3.40
            # returns the nearest feature at any distance), and ties come back together
            found = index.nearestNeighbor(geometry, 1)
            if not found:
                self.far[fid] = None
                continue
            nearest = min(found, key=lambda f: index.geometry(f).distance(geometry))
            gap = index.geometry(nearest).distance(geometry)
            if distance > 0 and gap <= distance:
                self.within[fid] = nearest
            else:
                self.far[fid] = gap


def near_relation(ctx: RunContext, rule: NearRule, nearest: _Nearest) -> None:
    """Features farther than the relation's distance from any target (e.g. a sign 40 m from every road)."""
    target = ctx.title(rule.relation.to_layer)
    limit = format_number(rule.relation.distance_m or 0, ctx.language)
    for fid, distance in sorted(nearest.far.items()):
        if distance is None:
            message = tr("No feature of {target} at all (expected one within {limit} m)")
        else:
            message = tr("Nearest feature of {target} is {distance} m away (expected within {limit} m)")
        ctx.add(rule.layer, None, fid, GEOMETRY_FIELD, rule.id, rule.severity, message.format(
            target=target, limit=limit, distance=format_number(round(distance or 0, 1), ctx.language)))


def sign_values(ctx: RunContext, rule: SignValueRule, nearest: _Nearest) -> None:
    """Signs ``CODE-N`` whose N differs from the nearest target's field (a 50 sign on a 30 km/h segment)."""
    target = ctx.inputs.get(rule.relation.to_layer)
    if target is None or not target.has(rule.target_field):
        return
    pattern = code_pattern(rule)
    wanted: dict[int, tuple[int, int, str]] = {}  # sign fid -> (target fid, value on the sign, code)
    for fid, attrs in nearest.attributes.items():
        code = attrs.get(rule.code_field)
        match = pattern.match(str(code)) if code is not None else None
        if match and fid in nearest.within:
            wanted[fid] = (nearest.within[fid], int(match.group(1)), str(code))
    targets: dict[int, tuple[object, object]] = {}
    fids = sorted({t for t, _v, _c in wanted.values()})
    names = [rule.target_field] + ([target.spec.key] if target.spec.key and target.has(target.spec.key) else [])
    for start in range(0, len(fids), 5000):
        request = QgsFeatureRequest().setFilterFids(fids[start:start + 5000])
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes(names, target.fields)
        for feature in target.source.getFeatures(request):
            key = feature[target.spec.key] if len(names) > 1 else feature.id()
            targets[feature.id()] = (feature[rule.target_field], key)
    for fid, (target_fid, value, code) in sorted(wanted.items()):
        limit, key = targets.get(target_fid, (None, None))
        if limit is None or str(limit) in ("", "NULL"):
            continue
        try:
            same = int(float(str(limit))) == value
        except ValueError:
            same = False
        if not same:
            ctx.add(rule.layer, None, fid, rule.code_field, rule.id, rule.severity,
                    tr("Sign {code} says {value}, but {field} of {target} {key} is {limit}").format(
                        code=code, value=value, field=ctx.label(rule.relation.to_layer, rule.target_field),
                        target=ctx.title(rule.relation.to_layer), key=key, limit=limit))


def code_pattern(rule: SignValueRule) -> re.Pattern:
    """``C31-50``, ``C31:50``, ``c31 50`` → the value 50 of a sign of code ``C31``."""
    return re.compile(rf"^\s*{re.escape(rule.code)}\s*[-:\s]\s*(\d+)\s*$", re.IGNORECASE)


def nearest_for(ctx: RunContext, relation: SpatialRelation, rules: list[SignValueRule], done: float,
                share: float) -> _Nearest:
    """The nearest targets of a relation; the attributes the sign-value ``rules`` need, for their signs only."""
    patterns = [code_pattern(r) for r in rules]
    attributes = list(dict.fromkeys(r.code_field for r in rules))

    def keep(feature: QgsFeature, indexes: list[tuple[str, int]]) -> bool:
        return any(p.match(str(feature.attribute(j))) for p in patterns for _n, j in indexes)

    return _Nearest(ctx, relation, attributes, done, share, keep)
