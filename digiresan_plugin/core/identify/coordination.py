"""Coordination warnings of a subject: the catalog's rules (moratorium, overlapping permits, dig before paving)
evaluated over the relations they name, also through ``via`` (a permit's card shows the warnings of the streets
it touches that involve it), plus one note per layer that is missing from the project."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterator, Optional

from qgis.core import QgsFeature, QgsFeatureRequest

from . import item_warnings
from .context import EngineSetup, ReportContext
from .item_warnings import optional_absent
from .relations import related, where_expression
from .report import Ref, TwinWarning
from .rules import Permit, Target, dig_before_paving, moratorium, permit_overlap
from .specs import ITEM_WARNING_KINDS, RelationSpec, WarningSpec
from .subjects import SubjectFeature, make_subject, subjects_by_fid
from .texts import join_list, message
from .values import as_date, as_int, json_value

WARNING_ORDER = {"warning": 0, "info": 1}


def warnings_for(ctx: ReportContext, subject: SubjectFeature) -> list[TwinWarning]:
    """The subject's coordination warnings, warnings before notes, each (kind, message) once."""
    setup = ctx.setup
    out: list[TwinWarning] = []
    for rule in setup.config.warnings:
        if rule.layer == subject.layer:
            out.extend(_evaluate(ctx, rule, subject))
        for via in rule.via:
            if via.layer != subject.layer:
                continue
            via_rel = setup.config.relations[via.relation]
            if optional_absent(ctx, via_rel.to_layer) or (
                    rule.related and optional_absent(ctx, setup.config.relations[rule.related].to_layer)):
                continue
            item = rule.kind in ITEM_WARNING_KINDS  # every warning of the related feature, not only those naming us
            found = related(ctx, via_rel, subject)
            if found.error:
                if found.missing:
                    ctx.note_missing(via_rel.to_layer, rule.title.text(setup.language))
                continue
            rows = found.rows[: setup.cap]
            if item:  # a related feature its rule cannot fire for is not read again
                rows = [r for r in rows if item_warnings.may_fire(rule, r.attrs, setup.today)]
            for target in subjects_by_fid(ctx, rule.layer, [r.fid for r in rows]):
                out.extend(w for w in _evaluate(ctx, rule, target) if item or w.refers_to(subject.layer, subject.fid))
    seen = set()
    unique = []
    for w in out:
        key = (w.kind, w.message)
        if key not in seen:
            seen.add(key)
            unique.append(w)
    return sorted(unique, key=lambda w: WARNING_ORDER.get(w.severity, 9))


def _evaluate(ctx: ReportContext, rule: WarningSpec, target: SubjectFeature) -> list[TwinWarning]:
    cache_key = (rule.id, target.layer, target.fid)
    if cache_key in ctx.rule_results:
        return ctx.rule_results[cache_key]
    setup = ctx.setup
    if rule.kind in ITEM_WARNING_KINDS:
        ctx.rule_results[cache_key] = item_warnings.evaluate(ctx, rule, target)
        return ctx.rule_results[cache_key]
    result: list[TwinWarning] = []
    rule_title = rule.title.text(setup.language)
    permits_rel = setup.config.relations[rule.permits]
    found = related(ctx, permits_rel, target)
    if found.error:
        if found.missing:
            ctx.note_missing(permits_rel.to_layer, rule_title)
        ctx.rule_results[cache_key] = result
        return result
    permit_spec = setup.catalog.layer(permits_rel.to_layer)
    f = rule.fields
    permit_handle = ctx.handle(permits_rel.to_layer)
    if permit_handle is not None:  # an unreadable start or end date is named, not silently skipped
        ctx.check_stored(permit_handle, {r.fid: json_value(r.attrs.get(permit_spec.key)) if permit_spec.key else None
                                         for r in found.rows}, [f[k] for k in ("start", "end") if f.get(k)],
                           {r.fid: r.attrs for r in found.rows})
    if rule.kind == "moratorium":
        ctx.check_stored(target.handle, {target.fid: json_value(target.attrs.get(target.handle.spec.key))
                                         if target.handle.spec.key else None}, [f["paved"]], {target.fid: target.attrs})
    permits = [
        Permit(
            Ref(permit_spec.id, json_value(r.attrs.get(permit_spec.key)) if permit_spec.key else None, r.fid),
            as_date(r.attrs.get(f.get("start"))) if f.get("start") else None,
            as_date(r.attrs.get(f.get("end"))) if f.get("end") else None,
        )
        for r in found.rows
    ]
    permits.sort(key=lambda p: (p.start or date.max, p.label))
    where = Target(target.ref, target.title)
    if permits and rule.kind == "moratorium":
        paved = as_date(target.attrs.get(f["paved"]))
        result = moratorium(where, paved, permits, setup.years[rule.id], setup.today, setup.language,
                            rule.severity, rule.id, setup.day)
    elif permits and rule.kind == "permit_overlap":
        result = permit_overlap(where, permits, setup.language, rule.severity, rule.id, setup.day)
    elif permits and rule.kind == "dig_before_paving":
        plan_rel = setup.config.relations[rule.plan]
        plan = related(ctx, plan_rel, target)
        if plan.error:
            if plan.missing:
                ctx.note_missing(plan_rel.to_layer, rule_title)
        else:
            treatment = f.get("treatment", "")
            labels = setup.labels

            def shown(value: Any) -> Any:  # the treatment as the card reads it (its domain label)
                label = labels.label(plan_rel.to_layer, treatment, value) if labels is not None else None
                return value if label is None else label

            plans = [(as_int(r.attrs.get(f["planned_year"])), shown(r.attrs.get(treatment))) for r in plan.rows]
            result = dig_before_paving(where, permits, plans, setup.today, rule.years_ahead, setup.language,
                                       rule.severity, rule.id)
    ctx.rule_results[cache_key] = result
    return result


def unreadable_warnings(ctx: ReportContext) -> list[TwinWarning]:
    """One data-quality warning per stored value that cannot be read (see :mod:`.unreadable`)."""
    setup = ctx.setup
    out = []
    for (layer_id, fid, name), (key, found) in sorted(ctx.unreadable.items(), key=lambda i: i[0]):
        spec = setup.catalog.layer(layer_id)
        out.append(TwinWarning(
            "unreadable_value", "warning",
            message("unreadable_value", setup.language, field=setup.config.label(layer_id, name, setup.language),
                    layer=setup.title(spec), feature=key if key is not None else f"#{fid}", raw=found.raw[:80],
                    expected=message(f"expected_{found.expected}", setup.language)),
            [Ref(layer_id, key, fid)],
        ))
    return out


def missing_warnings(ctx: ReportContext) -> list[TwinWarning]:
    """One ``missing_layer`` note per layer the report needed but the project lacks."""
    setup = ctx.setup
    out = []
    for layer_id, what in ctx.missing.items():
        title = setup.title(setup.catalog.layer(layer_id))
        out.append(TwinWarning(
            "missing_layer", "info",
            message("missing_layer_warning", setup.language, title=title, layer=layer_id,
                    what=join_list([f"'{w}'" for w in what], setup.language) or title),
            [Ref(layer_id, None, None)],
        ))
    return out


def conflicts(setup: EngineSetup, progress: Optional[Callable[[float], bool]] = None,
              chunk: int = 500) -> Iterator[tuple[str, QgsFeature, list[TwinWarning]]]:
    """Every feature of a layer the rules reach through ``via`` (the permits) that is in conflict.

    Yields (layer id, feature in its layer's CRS, warnings). ``progress(percent)`` returning False stops.
    """
    layers: dict[str, list[RelationSpec]] = {}
    for rule in setup.config.warnings:
        if rule.permits is None:  # the item kinds are not about permits
            continue
        for via in rule.via:
            layers.setdefault(via.layer, []).append(setup.config.relations[rule.permits])
    for layer_id, permit_relations in layers.items():
        handle = ReportContext(setup).handle(layer_id)
        if handle is None:
            continue
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        wheres = {rel.where for rel in permit_relations if rel.to_layer == layer_id}
        request.setNoAttributes()
        if len(wheres) == 1:  # the rules' own filter (e.g. open permits only) narrows the candidates
            where = next(iter(wheres))
            expression = where_expression(where, handle)
            if expression:
                request.setFilterExpression(expression)
                request.setSubsetOfAttributes(handle.present([c.field for c in where]), handle.fields)
        fids = [f.id() for f in handle.features(request)]
        for start in range(0, len(fids), chunk):
            if progress is not None and progress(100.0 * start / max(1, len(fids))) is False:
                return
            ctx = ReportContext(setup)  # fresh caches per chunk: memory stays flat on big twins
            # read the chunk first: no iterator stays open while the rules query the same source
            features = list(handle.features(QgsFeatureRequest().setFilterFids(fids[start:start + chunk])))
            for feature in sorted(features, key=lambda f: f.id()):
                subject = make_subject(setup, ctx.handle(layer_id), feature)
                warnings = [w for w in warnings_for(ctx, subject) if w.kind != "missing_layer"]
                if warnings:
                    yield layer_id, feature, warnings
