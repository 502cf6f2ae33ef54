"""From a subject to its card: the subject's attributes, then each card section from its relation, ordered, capped
and summarised by the section's kind (:mod:`.sections`), then the coordination warnings."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from .config import template_fields
from .context import ReportContext
from .coordination import missing_warnings, unreadable_warnings, warnings_for
from .handles import LayerHandle
from .relations import Row, related
from .report import Attribute, Column, Item, Section, Subject, TwinReport
from .sections import KindEnv, SectionKind, kind_of
from .specs import DISTANCE_FIELD, SectionSpec
from .subjects import SubjectFeature, fill_template
from .values import field_type, json_value, py_value, text


def _sort_key(value: Any) -> tuple:
    cls = value.__class__
    if cls is int or cls is float:
        return (0, float(value))
    if cls is str:
        return (2, value)
    value = py_value(value)
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float)):
        return (0, float(value))
    if isinstance(value, date):
        return (1, value.isoformat())
    return (2, str(value))


def attribute_names(ctx: ReportContext, handle: LayerHandle) -> list[str]:
    """The fields a card of ``handle``'s layer shows (the catalog's list, else all)."""
    card = ctx.setup.config.card(handle.spec.id)
    if card.attributes:
        return handle.present(card.attributes)
    return [handle.fields.at(i).name() for i in range(handle.fields.count())]


def column(ctx: ReportContext, handle: LayerHandle, name: str) -> Column:
    """The report column of field ``name`` (one object per layer handle, field and language: reports only read it)."""
    key = ("column", name, ctx.setup.language)
    found = handle.memo.get(key)
    if found is None:
        index = handle.index.get(name, -1)
        qfield = handle.fields.at(index) if index >= 0 else None
        found = handle.memo[key] = Column(name, ctx.setup.config.label(handle.spec.id, name, ctx.setup.language),
                                          field_type(qfield))
    return found


def build_report(ctx: ReportContext, subject: SubjectFeature, query: Optional[dict],
                 fallback: Optional[dict] = None) -> TwinReport:
    """The whole card of ``subject``."""
    setup = ctx.setup
    handle = subject.handle
    spec = handle.spec
    attributes = []
    names = attribute_names(ctx, handle)
    unreadable = ctx.check_stored(handle, {subject.fid: subject.key}, list(names), {subject.fid: subject.attrs})
    labels = setup.labels.of(spec.id, subject.attrs, names) if setup.labels is not None else {}
    for name in names:
        col = column(ctx, handle, name)
        value = None if (subject.fid, name) in unreadable else json_value(subject.attrs.get(name))  # never "0 km/h"
        attributes.append(Attribute(name, col.label, value, col.type, labels.get(name) if value is not None else None))
    bbox = None
    if subject.metric is not None and not subject.metric.isEmpty():
        box = subject.metric.boundingBox()
        # to the millimetre: the same box whatever CRS the layer is stored in
        bbox = tuple(round(v, 3) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
    report = TwinReport(
        language=setup.language,
        query=query,
        subject=Subject(spec.id, setup.title(spec), spec.key, subject.key, subject.fid, subject.title, attributes,
                        bbox=bbox, bbox_crs=setup.config.metric_crs if bbox is not None else None,
                        geometry=subject.geometry, kind=setup.kind(spec)),
        fallback=fallback,
    )
    card = setup.config.card(spec.id)
    report.sections = [build_section(ctx, subject, s) for s in card.sections if not _optional_absent(ctx, s)]
    report.warnings = warnings_for(ctx, subject) + unreadable_warnings(ctx) + missing_warnings(ctx)
    return report


def _optional_absent(ctx: ReportContext, spec: SectionSpec) -> bool:
    """The section reads an optional layer (``"optional": true``) the project does not have: left off the card."""
    target = ctx.setup.catalog.layer(ctx.setup.config.relations[spec.relation].to_layer)
    return target.optional and ctx.handle(target.id) is None


def build_section(ctx: ReportContext, subject: SubjectFeature, spec: SectionSpec,
                  cap: Optional[int] = None) -> Section:
    """One card section of ``subject`` with up to ``cap`` items (default: the engine's cap)."""
    setup = ctx.setup
    cap = setup.cap if cap is None else cap
    kind = kind_of(spec.kind)
    rel = setup.config.relations[spec.relation]
    target_spec = setup.catalog.layer(rel.to_layer)
    section = Section(
        id=spec.id, title=spec.title.text(setup.language), kind=spec.kind, layer=target_spec.id,
        layer_title=setup.title(target_spec), cap=cap, relation=rel.id,
    )
    found = related(ctx, rel, subject)
    if found.error:
        section.error = found.error
        if found.missing:
            ctx.note_missing(target_spec.id, section.title)
        section.summary = kind.summary(spec, [], subject.attrs, setup.kinds)
        return section
    handle = ctx.handle(target_spec.id)
    rows = _ordered(kind, spec, kind.select(spec, found.rows), _text_labels(setup, target_spec.id))
    section.total = len(rows)
    section.truncated = len(rows) > cap
    names = handle.present(spec.columns) if spec.columns else [
        handle.fields.at(i).name() for i in range(handle.fields.count())]
    section.columns = [column(ctx, handle, n) for n in names]
    env = ctx.kinds_for(handle.folder or setup.kinds.folder)
    labelled = set(names) | template_fields(spec.item_title) | {target_spec.display_field}
    labels = setup.labels if setup.labels is not None and setup.labels.fields(target_spec.id) else None
    section.items = [_item(env, kind, spec, handle, row, names,
                           labels.of(target_spec.id, row.attrs, labelled) if labels is not None else {})
                     for row in rows[:cap]]
    section.summary = kind.summary(spec, rows, subject.attrs, env)
    return section


def _text_labels(setup: Any, layer_id: str) -> dict[str, dict[Any, str]]:
    """field -> (code -> label) of ``layer_id``'s text domains: a list ordered by such a field reads in the order
    of what it shows ("Bench, Lighting, Playground", not the codes' "belysning, bänk, lekplats")."""
    if setup.labels is None:
        return {}
    return {name: labels for name, (integer, labels) in setup.labels.fields(layer_id).items() if not integer}


def _ordered(kind: SectionKind, spec: SectionSpec, rows: list[Row],
             labels: Optional[dict[str, dict[Any, str]]] = None) -> list[Row]:
    order = list(spec.order_by) or list(kind.default_order(spec))
    rows = sorted(rows, key=lambda r: (r.distance_m if r.distance_m is not None else 0.0, r.fid))
    labels = labels or {}
    for ob in reversed(order):
        def value(row: Row, name: str = ob.field) -> Any:
            if name == DISTANCE_FIELD:
                return row.distance_m
            found = row.attrs.get(name)
            shown = labels.get(name)
            return shown.get(found, found) if shown is not None and found.__class__ is str else found

        present = [r for r in rows if value(r) is not None]
        absent = [r for r in rows if value(r) is None]
        present.sort(key=lambda r: _sort_key(value(r)), reverse=not ob.ascending)
        rows = present + absent
    return rows


def _item(env: KindEnv, kind: SectionKind, spec: SectionSpec, handle: LayerHandle, row: Row,
          names: list[str], labels: dict[str, str]) -> Item:
    """One related feature; ``labels``: the domain labels of its values (of the columns and the title's fields)."""
    lspec = handle.spec
    key = json_value(row.attrs.get(lspec.key)) if lspec.key else None
    if spec.item_title:
        title = fill_template(spec.item_title, row.attrs, labels=labels)
    else:
        display = row.attrs.get(lspec.display_field) if lspec.display_field else None
        title = labels.get(lspec.display_field) if display is not None and lspec.display_field else None
        title = title or text(display if display is not None else key, f"#{row.fid}")
    extra: dict[str, Any] = {}
    if row.distance_m is not None:
        extra["distance_m"] = round(row.distance_m, 2)
    extra.update(kind.item_extra(spec, row.attrs, env))
    shown = {n: labels[n] for n in names if n in labels} if labels else {}
    return Item(lspec.id, key, row.fid, title, {n: json_value(row.attrs.get(n)) for n in names}, extra, shown)
