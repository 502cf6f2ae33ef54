"""One quality run over a twin: every rule, then each problem completed with its key and a geometry to zoom to.

Call :func:`~.sources.prepare_inputs` on the main thread, then :func:`check_twin` anywhere (a ``QgsTask``, a
Processing algorithm): it only reads snapshots and opens its own read-only SQL connections. Rows without geometry
(inspections, counts, plans) get their parent's geometry through the catalog's key relations.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
)

from ..catalog import Catalog
from . import attribute_rules, spatial_rules
from .config import HourlyRule, NearRule, SignValueRule, StatusDatesRule, quality_rules
from .context import Progress, RunContext
from .model import Problem, QualityReport
from .sources import LayerInput

DEFAULT_METRIC_CRS = "EPSG:3006"
CHUNK = 500


def metric_crs(catalog: Catalog) -> QgsCoordinateReferenceSystem:
    identify = catalog.extra.get("identify")
    authid = identify.get("metric_crs") if isinstance(identify, dict) else None
    return QgsCoordinateReferenceSystem(authid if isinstance(authid, str) else DEFAULT_METRIC_CRS)


def check_twin(catalog: Catalog, inputs: dict[str, LayerInput], today: Optional[date] = None, language: str = "en",
               progress: Optional[Progress] = None,
               transform_context: Optional[QgsCoordinateTransformContext] = None) -> QualityReport:
    """Every problem of the twin (never writes to it). ``progress(fraction)`` returning False stops the run."""
    started = time.perf_counter()
    ctx = RunContext(catalog, inputs, today or date.today(), language, metric_crs(catalog),
                     transform_context or QgsCoordinateTransformContext(), progress)
    rules = quality_rules(catalog)
    try:
        _run(ctx, rules)
        if not ctx.cancelled:
            _complete(ctx)
    finally:
        ctx.connections.close()
    report = ctx.report
    report.problems.sort(key=Problem.sort_key)
    report.seconds = time.perf_counter() - started
    return report


def _run(ctx: RunContext, rules: list) -> None:
    for inp in ctx.inputs.values():
        attribute_rules.field_rules(ctx, inp)
        attribute_rules.duplicates(ctx, inp)
    attribute_rules.orphans(ctx)
    for rule in rules:
        if isinstance(rule, HourlyRule):
            attribute_rules.hourly_profiles(ctx, rule)
        elif isinstance(rule, StatusDatesRule):
            attribute_rules.status_dates(ctx, rule)
    if not ctx.step(0.2):
        return
    spatial = [inp for inp in ctx.inputs.values() if inp.spec.is_spatial]
    counts = {inp.spec.id: max(1, inp.count) for inp in spatial}
    total = float(sum(counts.values())) or 1.0
    done = 0.2
    for inp in spatial:
        share = 0.5 * counts[inp.spec.id] / total
        spatial_rules.geometries(ctx, inp, done, share)
        done += share
        if ctx.cancelled:
            return
    by_relation: dict[str, list] = {}
    for rule in rules:
        if isinstance(rule, (NearRule, SignValueRule)):
            by_relation.setdefault(rule.relation.id, []).append(rule)
    for i, group in enumerate(by_relation.values()):
        relation = group[0].relation
        sign_rules = [r for r in group if isinstance(r, SignValueRule)]
        nearest = spatial_rules.nearest_for(ctx, relation, sign_rules, 0.7 + 0.3 * i / len(by_relation),
                                            0.3 / len(by_relation))
        if ctx.cancelled:
            return
        for rule in group:
            if isinstance(rule, NearRule):
                spatial_rules.near_relation(ctx, rule, nearest)
            else:
                spatial_rules.sign_values(ctx, rule, nearest)
    ctx.step(1.0)


def _features(inp: LayerInput, ctx: RunContext, request: QgsFeatureRequest):
    if inp.spec.is_spatial:
        request.setDestinationCrs(ctx.metric_crs, ctx.transform_context)
    else:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return inp.source.getFeatures(request)


def _complete(ctx: RunContext) -> None:
    """Fill in keys and geometries: from the feature itself, else (rows without geometry) from its parent."""
    by_layer: dict[str, list[Problem]] = {}
    for problem in ctx.report.problems:
        by_layer.setdefault(problem.layer, []).append(problem)
    for layer_id, problems in by_layer.items():
        inp = ctx.inputs.get(layer_id)
        if inp is None:
            continue
        key = inp.spec.key if inp.spec.key and inp.has(inp.spec.key) else None
        wanted = sorted({p.fid for p in problems if p.fid is not None and (
            (p.key is None and key) or (p.geometry is None and inp.spec.is_spatial))})
        found: dict[int, tuple[object, Optional[QgsGeometry]]] = {}
        for start in range(0, len(wanted), CHUNK):
            request = QgsFeatureRequest().setFilterFids(wanted[start:start + CHUNK])
            request.setSubsetOfAttributes([key] if key else [], inp.fields)
            for feature in _features(inp, ctx, request):
                found[feature.id()] = (feature[key] if key else None,
                                       QgsGeometry(feature.geometry()) if inp.spec.is_spatial else None)
        for problem in problems:
            if problem.fid in found:
                value, geometry = found[problem.fid]
                problem.key = value if problem.key is None else problem.key
                problem.geometry = geometry if problem.geometry is None else problem.geometry
        if not inp.spec.is_spatial:
            _parent_geometries(ctx, layer_id, problems)


def _parent_geometries(ctx: RunContext, layer_id: str, problems: list[Problem]) -> None:
    for relation in ctx.spec.parents_of(layer_id):
        parent = ctx.inputs.get(relation.parent)
        if parent is None or not parent.spec.is_spatial or not parent.has(relation.parent_field):
            continue
        keys = sorted({str(p.key) for p in problems if p.key is not None and p.geometry is None and
                       p.rule != "orphan"})
        geometry_of: dict[str, QgsGeometry] = {}
        for start in range(0, len(keys), CHUNK):
            listed = ", ".join(QgsExpression.quotedValue(k) for k in keys[start:start + CHUNK])
            request = QgsFeatureRequest().setFilterExpression(
                f"{QgsExpression.quotedColumnRef(relation.parent_field)} IN ({listed})")
            request.setSubsetOfAttributes([relation.parent_field], parent.fields)
            for feature in _features(parent, ctx, request):
                geometry_of[str(feature[relation.parent_field])] = QgsGeometry(feature.geometry())
        for problem in problems:
            if problem.geometry is None and problem.key is not None:
                problem.geometry = geometry_of.get(str(problem.key))
        return
