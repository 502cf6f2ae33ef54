"""The identify engine: a point or a feature in, one :class:`TwinReport` out.

No layer names here: subject priority, relations, card sections, labels, warnings and the "click anywhere"
fallback all come from the catalog (see :mod:`.config`). Distances are metres in the catalog's metric CRS
(EPSG:3006 by default), whatever the CRS of the click and of each layer.

Every query is indexed: ``setFilterRect`` (spatial index) for spatial relations and the click, a compiled
field-equality expression for key relations, ``setFilterFids`` for follow-ups; attributes are limited to those
a section, order, filter or rule reads and key lookups fetch no geometry.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from .. import settings
from ..catalog import Catalog, LayerSpec
from ..log import get_logger
from .config import (
    DISTANCE_FIELD,
    Condition,
    IdentifyConfig,
    OrderBy,
    RelationSpec,
    SectionSpec,
    WarningSpec,
    identify_config,
)
from .handles import LayerHandle, LayerLike, Metric, snapshot_handles
from .report import Attribute, Column, Item, Ref, Section, Subject, TwinReport, TwinWarning
from .rules import Permit, Target, dig_before_paving, moratorium, permit_overlap
from .summaries import date_extras, hourly_profile, latest_with_trend, name_for_sign, sign_summary
from .texts import join_list, message
from .values import as_date, as_int, field_type, json_value, py_value, text

LOG = get_logger(__name__)

EPS_M = 1e-6
WARNING_ORDER = {"warning": 0, "info": 1}


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


@dataclass
class SubjectFeature:
    """The feature a card is about, with everything the engine needs about it."""

    handle: LayerHandle
    fid: int
    attrs: dict[str, Any]
    metric: Optional[QgsGeometry]  # geometry in the metric CRS (None: no geometry)
    title: str

    @property
    def layer(self) -> str:
        return self.handle.spec.id

    @property
    def key(self) -> Any:
        return json_value(self.attrs.get(self.handle.spec.key)) if self.handle.spec.key else None

    @property
    def ref(self) -> Ref:
        return Ref(self.layer, self.key, self.fid)


class _Context:
    """Per-report state: resolved layers, fetched relations (shared by sections and rules), missing layers."""

    def __init__(self, engine: "TwinEngine"):
        self.engine = engine
        self.handles: dict[str, Optional[LayerHandle]] = {}
        self.related: dict[tuple[str, str, int], Related] = {}
        self.rule_results: dict[tuple[str, str, int], list[TwinWarning]] = {}
        self.missing: dict[str, list[str]] = {}

    def handle(self, layer_id: str) -> Optional[LayerHandle]:
        if layer_id not in self.handles:
            self.handles[layer_id] = self.engine._resolve(layer_id)
        return self.handles[layer_id]

    def note_missing(self, layer_id: str, what: str) -> None:
        items = self.missing.setdefault(layer_id, [])
        if what and what not in items:
            items.append(what)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "–"


@lru_cache(maxsize=256)
def _template_names(template: str) -> tuple[str, ...]:
    try:
        return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)
    except ValueError:
        return ()


def _template(template: str, attrs: dict[str, Any]) -> str:
    """``template`` filled from ``attrs`` ('–' for NULL or unknown fields); a broken template comes back as is."""
    try:
        return template.format_map(_Blank({k: text(attrs.get(k)) for k in _template_names(template)}))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


def _sort_key(value: Any) -> tuple:
    value = py_value(value)
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float)):
        return (0, float(value))
    if isinstance(value, date):
        return (1, value.isoformat())
    return (2, str(value))


def _where_expression(conditions: tuple[Condition, ...], handle: LayerHandle) -> Optional[str]:
    """SQL-compilable QGIS expression for the relation's filter (unknown status counts as matching 'not_in')."""
    parts = []
    for c in conditions:
        if not handle.has_field(c.field):
            LOG.warning(f"Filter field '{c.field}' not in layer '{handle.spec.id}': filter ignored")
            continue
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


class TwinEngine:
    """Builds twin reports from a catalog and the layers ``layer_for`` resolves (live layers or handles).

    ``layer_for(layer_id)`` returns a ``QgsVectorLayer``, a :class:`LayerHandle` or None (not loaded).
    For a background task build the engine with :meth:`snapshot` on the main thread.
    """

    def __init__(
        self,
        catalog: Catalog,
        layer_for: Callable[[str], LayerLike],
        today: Optional[date] = None,
        language: str = "en",
        cap: int = 200,
        *,
        transform_context: Optional[QgsCoordinateTransformContext] = None,
        setting_values: Optional[dict[str, Any]] = None,
    ):
        self.catalog = catalog
        self.config: IdentifyConfig = identify_config(catalog)
        self._layer_for = layer_for
        self.today = today or date.today()
        self.language = "sv" if (language or "").startswith("sv") else "en"
        self.cap = max(1, int(cap))
        context = transform_context or QgsProject.instance().transformContext()
        self.metric = Metric(QgsCoordinateReferenceSystem(self.config.metric_crs), context)
        # settings are read now (main thread), never from a worker thread
        self._years: dict[str, int] = {}
        for rule in self.config.warnings:
            value = (setting_values or {}).get(rule.years_setting) if rule.years_setting else None
            if value is None and rule.years_setting:
                value = settings.get(rule.years_setting, rule.years_default)
            self._years[rule.id] = as_int(value) if as_int(value) is not None else rule.years_default
        self._sign_name = _sign_lookup()
        self._fields_read: dict[str, Optional[list[str]]] = {}  # relation id -> fields it reads (None: all)

    @classmethod
    def snapshot(cls, catalog: Catalog, layer_for: Callable[[str], LayerLike], **kwargs: Any) -> "TwinEngine":
        """An engine reading thread-safe feature-source snapshots of the layers (build on the main thread)."""
        handles = snapshot_handles(catalog, layer_for, snapshot=True)
        return cls(catalog, handles.get, **kwargs)

    # -- public API ----------------------------------------------------------------------------
    def report_at_point(
        self, point: QgsPointXY, crs: QgsCoordinateReferenceSystem, radius_m: Optional[float] = None
    ) -> TwinReport:
        """The card for a click: the subject under ``point`` (within ``radius_m`` metres on the ground) in the
        catalog's priority order, or "click anywhere": the nearest street and what lies at the point."""
        radius = self.config.default_radius_m if radius_m is None else float(radius_m)
        ctx = _Context(self)
        point_m = self.metric.point_to_metric(QgsPointXY(point), crs)
        query = {"x": point.x(), "y": point.y(), "crs": crs.authid() or crs.toWkt(), "radius_m": radius}
        subject = self._find_subject(ctx, point_m, radius)
        if subject is not None:
            return self._report(ctx, subject, query)
        return self._fallback(ctx, point_m, query)

    def report_for_feature(
        self, layer_id: str, feature: QgsFeature | int, crs: Optional[QgsCoordinateReferenceSystem] = None
    ) -> TwinReport:
        """The card of ``feature`` (a feature of catalog layer ``layer_id`` or its id). ``crs``: the CRS of the
        feature's geometry when it is not the layer's (e.g. a reprojected Processing input)."""
        ctx = _Context(self)
        handle = ctx.handle(layer_id)
        if handle is None:
            ctx.note_missing(layer_id, self.catalog.layer(layer_id).title.text(self.language))
            report = TwinReport(language=self.language)
            report.warnings = self._missing_warnings(ctx)
            return report
        subject = self._subject_from(ctx, handle, feature, crs)
        if subject is None:
            return TwinReport(language=self.language)
        return self._report(ctx, subject, None)

    def section_for(self, layer_id: str, fid: int, section_id: str, cap: Optional[int] = None) -> Section:
        """One section of a feature's card with up to ``cap`` items (None: all) — the "show all" action."""
        ctx = _Context(self)
        handle = ctx.handle(layer_id)
        if handle is None:
            raise LookupError(message("layer_missing", self.language, title=layer_id, layer=layer_id))
        subject = self._subject_from(ctx, handle, fid, None)
        if subject is None:
            raise LookupError(f"{layer_id}: no feature {fid}")
        for spec in self.config.card(layer_id).sections:
            if spec.id == section_id:
                return self._section(ctx, subject, spec, cap=cap if cap is not None else 2**31 - 1)
        raise KeyError(section_id)

    def warnings_for_feature(
        self, layer_id: str, feature: QgsFeature | int, ctx: Optional[_Context] = None
    ) -> list[TwinWarning]:
        """The coordination warnings of one feature (no sections); ``ctx`` shares work across calls."""
        ctx = ctx or _Context(self)
        handle = ctx.handle(layer_id)
        if handle is None:
            return []
        subject = self._subject_from(ctx, handle, feature, None)
        return self._warnings(ctx, subject) if subject is not None else []

    def conflicts(
        self, progress: Optional[Callable[[float], bool]] = None, chunk: int = 500
    ) -> Iterator[tuple[str, QgsFeature, list[TwinWarning]]]:
        """Every permit (feature of a layer the warning rules are about, through ``via``) in conflict.

        Yields (layer id, feature in its layer's CRS, warnings). ``progress(percent)`` returning False stops.
        """
        layers: dict[str, list[RelationSpec]] = {}
        for rule in self.config.warnings:
            for via in rule.via:
                layers.setdefault(via.layer, []).append(self.config.relations[rule.permits])
        for layer_id, permit_relations in layers.items():
            ctx = _Context(self)
            handle = ctx.handle(layer_id)
            if handle is None:
                continue
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            wheres = {rel.where for rel in permit_relations if rel.to_layer == layer_id}
            request.setNoAttributes()
            if len(wheres) == 1:  # the rules' own filter (e.g. open permits only) narrows the candidates
                where = next(iter(wheres))
                expression = _where_expression(where, handle)
                if expression:
                    request.setFilterExpression(expression)
                    request.setSubsetOfAttributes(handle.present([c.field for c in where]), handle.fields)
            fids = [f.id() for f in handle.source.getFeatures(request)]
            for start in range(0, len(fids), chunk):
                if progress is not None and progress(100.0 * start / max(1, len(fids))) is False:
                    return
                ctx = _Context(self)  # fresh caches per chunk: memory stays flat on big twins
                # read the chunk first: no iterator stays open while the rules query the same source
                features = list(handle.source.getFeatures(QgsFeatureRequest().setFilterFids(fids[start:start + chunk])))
                for feature in sorted(features, key=lambda f: f.id()):
                    subject = self._make_subject(ctx.handle(layer_id), feature)
                    warnings = [w for w in self._warnings(ctx, subject) if w.kind != "missing_layer"]
                    if warnings:
                        yield layer_id, feature, warnings

    def layer_handle(self, layer_id: str) -> Optional[LayerHandle]:
        """The handle the engine would read ``layer_id`` from now (None: not loaded)."""
        return self._resolve(layer_id)

    # -- layers ----------------------------------------------------------------------------------
    def _resolve(self, layer_id: str) -> Optional[LayerHandle]:
        try:
            spec = self.catalog.layer(layer_id)
        except KeyError:
            return None
        found = self._layer_for(layer_id)
        if isinstance(found, LayerHandle):
            return found
        if isinstance(found, QgsVectorLayer) and found.isValid():
            return LayerHandle.from_layer(spec, found)
        return None

    def _title(self, spec: LayerSpec) -> str:
        return spec.title.text(self.language)

    # -- subjects --------------------------------------------------------------------------------
    def _make_subject(self, handle: LayerHandle, feature: QgsFeature,
                      crs: Optional[QgsCoordinateReferenceSystem] = None) -> SubjectFeature:
        fields = feature.fields() if feature.fields().count() else handle.fields
        values = feature.attributes()
        attrs = {fields.at(i).name(): py_value(values[i]) for i in range(min(fields.count(), len(values)))}
        metric = None
        if handle.spec.is_spatial and feature.hasGeometry():
            metric = self.metric.to_metric(feature.geometry(), crs or handle.crs)
        spec = handle.spec
        card = self.config.card(spec.id)
        if card.title:
            title = _template(card.title, attrs)
        else:
            display = attrs.get(spec.display_field) if spec.display_field else None
            key = attrs.get(spec.key) if spec.key else None
            if display is not None and key is not None and display != key:
                title = f"{text(display)} ({text(key)})"
            else:
                title = text(display if display is not None else key, f"#{feature.id()}")
        return SubjectFeature(handle, feature.id(), attrs, metric, title)

    def _subject_from(self, ctx: _Context, handle: LayerHandle, feature: QgsFeature | int,
                      crs: Optional[QgsCoordinateReferenceSystem]) -> Optional[SubjectFeature]:
        if isinstance(feature, QgsFeature):
            complete = feature.fields().count() >= handle.fields.count() and (
                feature.hasGeometry() or not handle.spec.is_spatial)
            if complete or feature.id() < 0:
                return self._make_subject(handle, feature, crs)
            feature = feature.id()
            crs = None
        found = next(handle.source.getFeatures(QgsFeatureRequest().setFilterFid(int(feature))), None)
        return self._make_subject(handle, found) if found is not None else None

    def _find_subject(self, ctx: _Context, point_m: QgsPointXY, radius: float) -> Optional[SubjectFeature]:
        """The feature under the click in the first identifiable layer (catalog priority) that has one."""
        probe = QgsGeometry.fromPointXY(point_m)
        rect = QgsRectangle(point_m.x() - radius, point_m.y() - radius, point_m.x() + radius, point_m.y() + radius)
        for spec in self.catalog.identifiable_layers():
            handle = ctx.handle(spec.id)
            if handle is None or not handle.identifiable:
                continue
            best = None
            request = QgsFeatureRequest().setFilterRect(self.metric.rect_in(rect, handle.crs))
            for feature in handle.source.getFeatures(request):
                geometry = self.metric.to_metric(feature.geometry(), handle.crs)
                if geometry.isEmpty():
                    continue
                distance = geometry.distance(probe)
                if distance <= radius + EPS_M:
                    rank = (distance, geometry.area(), feature.id())
                    if best is None or rank < best[0]:
                        best = (rank, QgsFeature(feature))
            if best is not None:
                return self._make_subject(handle, best[1])
        return None

    def _features_near(self, handle: LayerHandle, point_m: QgsPointXY, distance: float) -> list[
            tuple[float, QgsFeature]]:
        probe = QgsGeometry.fromPointXY(point_m)
        rect = QgsRectangle(point_m.x() - distance, point_m.y() - distance,
                            point_m.x() + distance, point_m.y() + distance)
        found = []
        for feature in handle.source.getFeatures(QgsFeatureRequest().setFilterRect(
                self.metric.rect_in(rect, handle.crs))):
            geometry = self.metric.to_metric(feature.geometry(), handle.crs)
            if geometry.isEmpty():
                continue
            d = geometry.distance(probe)
            if d <= distance + EPS_M:
                found.append((d, QgsFeature(feature)))
        found.sort(key=lambda x: (x[0], x[1].id()))
        return found

    def _fallback(self, ctx: _Context, point_m: QgsPointXY, query: dict) -> TwinReport:
        """Click anywhere: nearest street (within the catalog distance) and the features at the point."""
        fb = self.config.fallback
        lang = self.language
        here: list[tuple[LayerHandle, QgsFeature]] = []
        for layer_id in fb.at_point:
            handle = ctx.handle(layer_id)
            if handle is None:
                ctx.note_missing(layer_id, self._title(self.catalog.layer(layer_id)))
                continue
            here.extend((handle, f) for d, f in self._features_near(handle, point_m, 0.0))
        nearest = None
        if fb.nearest:
            handle = ctx.handle(fb.nearest)
            if handle is None:
                ctx.note_missing(fb.nearest, self._title(self.catalog.layer(fb.nearest)))
            else:
                hits = self._features_near(handle, point_m, fb.max_distance_m)
                nearest = (handle, hits[0]) if hits else None
        at_point_refs = [
            self._make_subject(h, f) for h, f in here
        ]
        fallback: dict[str, Any] = {
            "reason": "",
            "distance_m": None,
            "layer": fb.nearest,
            "max_distance_m": fb.max_distance_m,
            "at_point": [{"layer": s.layer, "key": s.key, "fid": s.fid, "title": s.title} for s in at_point_refs],
        }
        max_text = f"{fb.max_distance_m:g}"
        if nearest is not None:
            handle, (distance, feature) = nearest
            subject = self._make_subject(handle, feature)
            fallback["distance_m"] = round(distance, 2)
            fallback["reason"] = message("fallback_nearest", lang, layer_title=self._title(handle.spec).lower(),
                                         distance=f"{distance:.0f}")
            report = self._report(ctx, subject, query, fallback=fallback)
            report.sections[0:0] = self._at_point_sections(at_point_refs)
            return report
        if at_point_refs:
            subject = at_point_refs[0]
            nearest_title = self._title(self.catalog.layer(fb.nearest)).lower() if fb.nearest else "–"
            fallback["layer"] = subject.layer
            fallback["reason"] = message("fallback_at_point", lang, layer_title=self._title(subject.handle.spec),
                                         nearest_title=nearest_title, max=max_text)
            report = self._report(ctx, subject, query, fallback=fallback)
            report.sections[0:0] = self._at_point_sections(at_point_refs[1:])
            return report
        fallback["reason"] = message("fallback_none", lang, max=max_text)
        report = TwinReport(language=lang, query=query, fallback=fallback)
        report.warnings = self._missing_warnings(ctx)
        return report

    def _at_point_sections(self, subjects: list[SubjectFeature]) -> list[Section]:
        by_layer: dict[str, list[SubjectFeature]] = {}
        for s in subjects:
            by_layer.setdefault(s.layer, []).append(s)
        sections = []
        for layer_id, items in by_layer.items():
            spec = self.catalog.layer(layer_id)
            handle = items[0].handle
            names = self._attribute_names(handle)
            sections.append(Section(
                id=f"at_point:{layer_id}",
                title=message("at_point_title", self.language, layer_title=self._title(spec)),
                kind="attributes", layer=layer_id, layer_title=self._title(spec),
                total=len(items), truncated=False, cap=self.cap,
                columns=[self._column(handle, n) for n in names],
                items=[Item(layer_id, s.key, s.fid, s.title, {n: json_value(s.attrs.get(n)) for n in names})
                       for s in items],
            ))
        return sections

    # -- the card ---------------------------------------------------------------------------------
    def _attribute_names(self, handle: LayerHandle) -> list[str]:
        card = self.config.card(handle.spec.id)
        if card.attributes:
            return handle.present(card.attributes)
        return [handle.fields.at(i).name() for i in range(handle.fields.count())]

    def _column(self, handle: LayerHandle, name: str) -> Column:
        index = handle.fields.indexFromName(name)
        qfield = handle.fields.at(index) if index >= 0 else None
        return Column(name, self.config.label(handle.spec.id, name, self.language), field_type(qfield))

    def _report(self, ctx: _Context, subject: SubjectFeature, query: Optional[dict],
                fallback: Optional[dict] = None) -> TwinReport:
        handle = subject.handle
        spec = handle.spec
        attributes = []
        for name in self._attribute_names(handle):
            column = self._column(handle, name)
            attributes.append(Attribute(name, column.label, json_value(subject.attrs.get(name)), column.type))
        report = TwinReport(
            language=self.language,
            query=query,
            subject=Subject(spec.id, self._title(spec), spec.key, subject.key, subject.fid, subject.title, attributes),
            fallback=fallback,
        )
        card = self.config.card(spec.id)
        report.sections = [self._section(ctx, subject, s) for s in card.sections]
        report.warnings = self._warnings(ctx, subject) + self._missing_warnings(ctx)
        return report

    def _section(self, ctx: _Context, subject: SubjectFeature, spec: SectionSpec, cap: Optional[int] = None) -> Section:
        cap = self.cap if cap is None else cap
        rel = self.config.relations[spec.relation]
        target_spec = self.catalog.layer(rel.to_layer)
        section = Section(
            id=spec.id, title=spec.title.text(self.language), kind=spec.kind, layer=target_spec.id,
            layer_title=self._title(target_spec), cap=cap, relation=rel.id,
        )
        related = self._related(ctx, rel, subject)
        if related.error:
            section.error = related.error
            if related.missing:
                ctx.note_missing(target_spec.id, section.title)
            section.summary = self._summary(spec, [], subject)
            return section
        handle = ctx.handle(target_spec.id)
        rows = self._ordered(spec, rel, self._latest_year(spec, related.rows))
        section.total = len(rows)
        section.truncated = len(rows) > cap
        names = handle.present(spec.columns) if spec.columns else [
            handle.fields.at(i).name() for i in range(handle.fields.count())]
        section.columns = [self._column(handle, n) for n in names]
        section.items = [self._item(spec, handle, row, names) for row in rows[:cap]]
        section.summary = self._summary(spec, rows, subject)
        return section

    @staticmethod
    def _latest_year(spec: SectionSpec, rows: list[Row]) -> list[Row]:
        """An hourly profile shows the latest measured year only."""
        year_field = spec.option("year_field") if spec.kind == "hourly_profile" else None
        if not year_field:
            return rows
        years = [y for y in (as_int(r.attrs.get(year_field)) for r in rows) if y is not None]
        if not years:
            return rows
        latest = max(years)
        return [r for r in rows if as_int(r.attrs.get(year_field)) == latest]

    def _ordered(self, spec: SectionSpec, rel: RelationSpec, rows: list[Row]) -> list[Row]:
        order = list(spec.order_by)
        if not order and spec.kind == "latest_with_trend":
            order = [OrderBy(spec.option("date_field"), False)]
        if not order and spec.kind == "hourly_profile":
            order = [OrderBy(spec.option("hour_field"))]
        rows = sorted(rows, key=lambda r: (r.distance_m if r.distance_m is not None else 0.0, r.fid))
        for ob in reversed(order):
            def value(row: Row, name: str = ob.field) -> Any:
                return row.distance_m if name == DISTANCE_FIELD else row.attrs.get(name)

            present = [r for r in rows if value(r) is not None]
            absent = [r for r in rows if value(r) is None]
            present.sort(key=lambda r: _sort_key(value(r)), reverse=not ob.ascending)
            rows = present + absent
        return rows

    def _item(self, spec: SectionSpec, handle: LayerHandle, row: Row, names: list[str]) -> Item:
        lspec = handle.spec
        key = json_value(row.attrs.get(lspec.key)) if lspec.key else None
        if spec.item_title:
            title = _template(spec.item_title, row.attrs)
        else:
            display = row.attrs.get(lspec.display_field) if lspec.display_field else None
            title = text(display if display is not None else key, f"#{row.fid}")
        extra: dict[str, Any] = {}
        if row.distance_m is not None:
            extra["distance_m"] = round(row.distance_m, 2)
        if spec.kind == "sign_list":
            extra["name"] = name_for_sign(row.attrs.get(spec.option("code_field")), self.language, self._sign_name)
        if spec.kind == "list" and spec.option("start_field"):
            extra.update(date_extras(row.attrs.get(spec.option("start_field")),
                                     row.attrs.get(spec.option("end_field")) if spec.option("end_field") else None,
                                     self.today))
        return Item(lspec.id, key, row.fid, title, {n: json_value(row.attrs.get(n)) for n in names}, extra)

    def _summary(self, spec: SectionSpec, rows: list[Row], subject: SubjectFeature) -> dict[str, Any]:
        lang = self.language
        if spec.kind == "latest_with_trend":
            date_f, value_f = spec.option("date_field"), spec.option("value_field")
            history = [(as_date(r.attrs.get(date_f)), r.attrs.get(value_f), r.attrs) for r in rows]
            history.sort(key=lambda h: h[0] or date.min, reverse=True)
            return latest_with_trend(history, spec.option("higher_is_worse"), lang)
        if spec.kind == "hourly_profile":
            aadt_field = spec.option("aadt_field")
            return hourly_profile(
                [r.attrs for r in rows], spec.option("hour_field"), spec.option("value_field"),
                spec.option("year_field"), subject.attrs.get(aadt_field) if aadt_field else None, lang,
                spec.option("max_peaks"), float(spec.option("peak_min_share")), spec.option("peak_min_gap_h"),
            )
        if spec.kind == "sign_list":
            codes = [json_value(r.attrs.get(spec.option("code_field"))) for r in rows]
            return sign_summary([str(c) if c is not None else None for c in codes])
        if spec.kind == "list" and spec.option("start_field"):
            starts = [as_date(r.attrs.get(spec.option("start_field"))) for r in rows]
            upcoming = sorted(d for d in starts if d is not None and d >= self.today)
            return {"count": len(rows), "next_start": upcoming[0].isoformat() if upcoming else None}
        return {"count": len(rows)}

    # -- relations ----------------------------------------------------------------------------
    def _related(self, ctx: _Context, rel: RelationSpec, subject: SubjectFeature) -> Related:
        cache_key = (rel.id, subject.layer, subject.fid)
        if cache_key in ctx.related:
            return ctx.related[cache_key]
        target = ctx.handle(rel.to_layer)
        if target is None:
            title = self._title(self.catalog.layer(rel.to_layer))
            result = Related(error=message("layer_missing", self.language, title=title, layer=rel.to_layer),
                             missing=True)
        else:
            try:
                result = Related(rows=self._fetch(rel, subject, target))
            except Exception as exc:  # noqa: BLE001 - a broken layer must not take the whole card down
                LOG.warning(f"Relation '{rel.id}' failed: {exc}")
                result = Related(error=message("section_failed", self.language, title=self._title(target.spec),
                                               layer=rel.to_layer, error=exc))
        ctx.related[cache_key] = result
        return result

    def _attribute_subset(self, rel: RelationSpec, target: LayerHandle) -> Optional[list[str]]:
        if rel.id not in self._fields_read:
            all_fields = self.config.needs_all_fields(rel.id)
            self._fields_read[rel.id] = None if all_fields else sorted(self.config.relation_fields(rel.id))
        names = self._fields_read[rel.id]
        return None if names is None else target.present(names)

    @staticmethod
    def _read(feature: QgsFeature, indexes: list[tuple[str, int]]) -> dict[str, Any]:
        values = feature.attributes()
        return {name: py_value(values[i]) for name, i in indexes if i < len(values)}

    def _indexes(self, target: LayerHandle, subset: Optional[list[str]]) -> list[tuple[str, int]]:
        names = subset if subset is not None else [target.fields.at(i).name() for i in range(target.fields.count())]
        return [(n, target.fields.indexFromName(n)) for n in names if target.fields.indexFromName(n) >= 0]

    def _fetch(self, rel: RelationSpec, subject: SubjectFeature, target: LayerHandle) -> list[Row]:
        subset = self._attribute_subset(rel, target)
        indexes = self._indexes(target, subset)
        where = _where_expression(rel.where, target)
        request = QgsFeatureRequest()
        if subset is not None:
            request.setSubsetOfAttributes(subset, target.fields)
        if rel.type == "key":
            value = subject.attrs.get(rel.from_field)
            if value is None or not target.has_field(rel.to_field):
                return []
            expression = QgsExpression.createFieldEqualityExpression(rel.to_field, value)
            if where:
                expression = f"({expression}) AND {where}"
            request.setFilterExpression(expression)
            request.setFlags(request.flags() | QgsFeatureRequest.NoGeometry)
            return [Row(f.id(), self._read(f, indexes)) for f in target.source.getFeatures(request)]
        if subject.metric is None or subject.metric.isEmpty():
            return []
        if where:
            request.setFilterExpression(where)
        return self._spatial(rel, subject.metric, target, request, indexes)

    def _spatial(self, rel: RelationSpec, geometry: QgsGeometry, target: LayerHandle, request: QgsFeatureRequest,
                 indexes: list[tuple[str, int]]) -> list[Row]:
        predicate = rel.predicate
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
        request.setFilterRect(self.metric.rect_in(search, target.crs))
        rows: list[Row] = []
        for feature in target.source.getFeatures(request):
            other = self.metric.to_metric(feature.geometry(), target.crs)
            if other.isEmpty():
                continue
            if predicate in ("within_distance", "nearest"):
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
            rows.append(Row(feature.id(), self._read(feature, indexes), distance))
        if predicate == "nearest":
            rows.sort(key=lambda r: (r.distance_m, r.fid))
            rows = rows[: rel.limit or 1]
        return rows

    # -- warnings ---------------------------------------------------------------------------------
    def _warnings(self, ctx: _Context, subject: SubjectFeature) -> list[TwinWarning]:
        out: list[TwinWarning] = []
        for rule in self.config.warnings:
            if rule.layer == subject.layer:
                out.extend(self._evaluate(ctx, rule, subject))
            for via in rule.via:
                if via.layer != subject.layer:
                    continue
                related = self._related(ctx, self.config.relations[via.relation], subject)
                if related.error:
                    if related.missing:
                        ctx.note_missing(self.config.relations[via.relation].to_layer, rule.title.text(self.language))
                    continue
                for target in self._subjects(ctx, rule.layer, [r.fid for r in related.rows[: self.cap]]):
                    out.extend(w for w in self._evaluate(ctx, rule, target) if w.refers_to(subject.layer, subject.fid))
        seen = set()
        unique = []
        for w in out:
            key = (w.kind, w.message)
            if key not in seen:
                seen.add(key)
                unique.append(w)
        return sorted(unique, key=lambda w: WARNING_ORDER.get(w.severity, 9))

    def _subjects(self, ctx: _Context, layer_id: str, fids: list[int]) -> list[SubjectFeature]:
        handle = ctx.handle(layer_id)
        if handle is None or not fids:
            return []
        features = handle.source.getFeatures(QgsFeatureRequest().setFilterFids(fids))
        return sorted((self._make_subject(handle, f) for f in features), key=lambda s: s.fid)

    def _evaluate(self, ctx: _Context, rule: WarningSpec, target: SubjectFeature) -> list[TwinWarning]:
        cache_key = (rule.id, target.layer, target.fid)
        if cache_key in ctx.rule_results:
            return ctx.rule_results[cache_key]
        result: list[TwinWarning] = []
        rule_title = rule.title.text(self.language)
        permits_rel = self.config.relations[rule.permits]
        related = self._related(ctx, permits_rel, target)
        if related.error:
            if related.missing:
                ctx.note_missing(permits_rel.to_layer, rule_title)
            ctx.rule_results[cache_key] = result
            return result
        permit_spec = self.catalog.layer(permits_rel.to_layer)
        f = rule.fields
        permits = [
            Permit(
                Ref(permit_spec.id, json_value(r.attrs.get(permit_spec.key)) if permit_spec.key else None, r.fid),
                as_date(r.attrs.get(f.get("start"))) if f.get("start") else None,
                as_date(r.attrs.get(f.get("end"))) if f.get("end") else None,
            )
            for r in related.rows
        ]
        permits.sort(key=lambda p: (p.start or date.max, p.label))
        where = Target(target.ref, target.title)
        if permits and rule.kind == "moratorium":
            paved = as_date(target.attrs.get(f["paved"]))
            result = moratorium(where, paved, permits, self._years[rule.id], self.today, self.language,
                                rule.severity, rule.id)
        elif permits and rule.kind == "permit_overlap":
            result = permit_overlap(where, permits, self.language, rule.severity, rule.id)
        elif permits and rule.kind == "dig_before_paving":
            plan_rel = self.config.relations[rule.plan]
            plan = self._related(ctx, plan_rel, target)
            if plan.error:
                if plan.missing:
                    ctx.note_missing(plan_rel.to_layer, rule_title)
            else:
                plans = [(as_int(r.attrs.get(f["planned_year"])), r.attrs.get(f.get("treatment", "")))
                         for r in plan.rows]
                result = dig_before_paving(where, permits, plans, self.today, rule.years_ahead, self.language,
                                           rule.severity, rule.id)
        ctx.rule_results[cache_key] = result
        return result

    def _missing_warnings(self, ctx: _Context) -> list[TwinWarning]:
        out = []
        for layer_id, what in ctx.missing.items():
            title = self._title(self.catalog.layer(layer_id))
            out.append(TwinWarning(
                "missing_layer", "info",
                message("missing_layer_warning", self.language, title=title, layer=layer_id,
                        what=join_list([f"'{w}'" for w in what], self.language) or title),
                [Ref(layer_id, None, None)],
            ))
        return out


def _sign_lookup() -> Optional[Callable[[str, str], Optional[str]]]:
    """``sign_codes.sign_name`` when that module is there (it is written separately)."""
    try:
        from ..sign_codes import sign_name
    except ImportError:
        LOG.warning("Sign code table not available: signs are shown without names")
        return None
    return sign_name
