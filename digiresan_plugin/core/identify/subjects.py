"""The feature a card is about: found under a click the way a person means it (points, then lines, then the smallest
polygon containing the click; metres on the ground; catalog priority breaks ties) or given, read once with
everything the rest of the report needs (attributes, metric geometry, layer geometry, title)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsWkbTypes,
)

from .context import EngineSetup, ReportContext
from .gpkg_reader import LiteFeature
from .handles import LayerHandle
from .query import Query
from .report import Ref
from .values import json_value, py_value, text

EPS_M = 1e-6
PLACE = "{$place}"  # in a card title: where a segment of the catalog's streets lies (core/cross_streets)
MAX_HITS = 12  # the subject and the "Also here" features of one click


@dataclass
class SubjectFeature:
    """The feature a card is about, with everything the engine needs about it."""

    handle: LayerHandle
    fid: int
    attrs: dict[str, Any]
    metric: Optional[QgsGeometry]  # geometry in the metric CRS (None: no geometry)
    title: str
    geometry: Optional[QgsGeometry] = None  # geometry in the layer's CRS (the map highlight)

    @property
    def layer(self) -> str:
        return self.handle.spec.id

    @property
    def key(self) -> Any:
        return json_value(self.attrs.get(self.handle.spec.key)) if self.handle.spec.key else None

    @property
    def ref(self) -> Ref:
        return Ref(self.layer, self.key, self.fid)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "–"


class _TitleFormatter(string.Formatter):
    """``{field}`` as text; ``{field:sign}``: the name of the sign code in ``field`` (in the report's language)."""

    def __init__(self, sign_name: Optional[Callable[[str, str], Optional[str]]], language: str):
        super().__init__()
        self.sign_name, self.language = sign_name, language

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "sign":
            if self.sign_name is None or value in (None, "–"):
                return str(value)
            return self.sign_name(str(value), self.language) or str(value)
        return super().format_field(value, format_spec)


@lru_cache(maxsize=256)
def _template_names(template: str) -> tuple[str, ...]:
    try:
        return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)
    except ValueError:
        return ()


def fill_template(template: str, attrs: dict[str, Any],
                  sign_name: Optional[Callable[[str, str], Optional[str]]] = None, language: str = "en",
                  day: Optional[Callable[[Any], str]] = None, labels: Optional[dict[str, str]] = None) -> str:
    """``template`` filled from ``attrs`` ('–' for NULL or unknown fields; ``{field:sign}`` names a sign code with
    ``sign_name``; ``day``: how a date value reads, else ISO; ``labels``: field -> how its value reads, e.g. its
    domain label); a broken template comes back as is."""
    names = _template_names(template)
    if day is None:
        values = _Blank({k: text(attrs.get(k)) for k in names})
    else:
        values = _Blank({k: day(v) if isinstance(v := attrs.get(k), date) else text(v) for k in names})
    if labels:
        values.update((k, labels[k]) for k in names if k in labels)
    try:
        if ":sign}" in template:
            return _TitleFormatter(sign_name, language).vformat(template, (), values)
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


def make_subject(setup: EngineSetup, handle: LayerHandle, feature: QgsFeature,
                 crs: Optional[QgsCoordinateReferenceSystem] = None) -> SubjectFeature:
    """``feature`` of ``handle`` as a subject; ``crs``: its geometry's CRS when it is not the layer's."""
    if isinstance(feature, LiteFeature):  # plain Python values in the handle's field order already
        attrs = dict(zip(handle.field_names, feature.attributes()))
    else:
        fields = feature.fields() if feature.fields().count() else handle.fields
        values = feature.attributes()
        attrs = {fields.at(i).name(): py_value(values[i]) for i in range(min(fields.count(), len(values)))}
    metric = geometry = None
    if handle.spec.is_spatial and feature.hasGeometry():
        geometry = feature.geometry()
        metric = setup.metric.to_metric(geometry, crs or handle.crs)
        if crs is not None and crs.isValid() and handle.crs.isValid() and crs != handle.crs:
            geometry = QgsGeometry(geometry)
            geometry.transform(QgsCoordinateTransform(crs, handle.crs, setup.metric.context))
    spec = handle.spec
    card = setup.config.card(spec.id)
    template = (card.title if isinstance(card.title, str) else card.title.text(setup.language)) if card.title else None
    if template and PLACE in template:  # where a street segment lies; not known: the plain title
        place = setup.place(spec.id, feature.id(), attrs) if setup.place is not None else None
        template = None if place is None else template
        attrs_for_title = {**attrs, PLACE[1:-1]: place}
    else:
        attrs_for_title = attrs
    if template:
        labels = setup.labels.of(spec.id, attrs, _template_names(template)) if setup.labels is not None else None
        title = fill_template(template, attrs_for_title, setup.kinds.sign_name, setup.language, setup.day, labels)
    else:
        display = attrs.get(spec.display_field) if spec.display_field else None
        key = attrs.get(spec.key) if spec.key else None
        if display is not None and setup.labels is not None:
            display = setup.labels.label(spec.id, spec.display_field, display) or display
        if display is not None and key is not None and display != key:
            title = f"{text(display)} ({text(key)})"
        else:
            title = text(display if display is not None else key, f"#{feature.id()}")
    return SubjectFeature(handle, feature.id(), attrs, metric, title, geometry)


def subject_from(setup: EngineSetup, handle: LayerHandle, feature: QgsFeature | int,
                 crs: Optional[QgsCoordinateReferenceSystem]) -> Optional[SubjectFeature]:
    """A given feature (or feature id) as a subject; an incomplete feature is read again from its layer."""
    if isinstance(feature, QgsFeature):
        complete = feature.fields().count() >= handle.fields.count() and (
            feature.hasGeometry() or not handle.spec.is_spatial)
        if complete or feature.id() < 0:
            return make_subject(setup, handle, feature, crs)
        feature = feature.id()
    found = next(handle.read(Query(fids=[int(feature)])), None)
    return make_subject(setup, handle, found) if found is not None else None


def subjects_by_fid(ctx: ReportContext, layer_id: str, fids: list[int]) -> list[SubjectFeature]:
    """The features ``fids`` of ``layer_id`` as subjects, in fid order."""
    handle = ctx.handle(layer_id)
    if handle is None or not fids:
        return []
    features = handle.read(Query(fids=fids))
    return sorted((make_subject(ctx.setup, handle, f) for f in features), key=lambda s: s.fid)


def _rank(geometry: QgsGeometry, probe: QgsGeometry, distance: float, priority: int, fid: int) -> tuple:
    """How well a hit matches what a person means by the click (smaller is better): points before lines before
    polygons; points and lines nearest first; polygons containing the click smallest first (a park or a building
    inside a property), then polygons only near the click, nearest first; the catalog's priority breaks ties."""
    kind = QgsWkbTypes.geometryType(geometry.wkbType())
    if kind == QgsWkbTypes.GeometryType.PointGeometry:
        return (0, 0, distance, priority, fid)
    if kind == QgsWkbTypes.GeometryType.LineGeometry:
        return (1, 0, distance, priority, fid)
    if distance <= EPS_M and geometry.intersects(probe):
        return (2, 0, round(geometry.area(), 2), priority, fid)  # to the cm²: equal shapes tie
    return (2, 1, distance, priority, fid)


def find_subjects(ctx: ReportContext, point_m: QgsPointXY, radius: float,
                  limit: int = MAX_HITS) -> list[SubjectFeature]:
    """The features within ``radius`` metres of the click in every identifiable layer, best first (see
    :func:`_rank`); at most ``limit``."""
    setup = ctx.setup
    probe = QgsGeometry.fromPointXY(point_m)
    rect = QgsRectangle(point_m.x() - radius, point_m.y() - radius, point_m.x() + radius, point_m.y() + radius)
    hits: list[tuple[tuple, LayerHandle, QgsFeature]] = []
    for spec in setup.catalog.identifiable_layers():
        handle = ctx.handle(spec.id)
        if handle is None or not handle.identifiable:
            continue
        for feature in handle.read(Query(rect=setup.metric.rect_in(rect, handle.crs))):
            geometry = setup.metric.to_metric(feature.geometry(), handle.crs)
            if geometry.isEmpty():
                continue
            distance = geometry.distance(probe)
            if distance <= radius + EPS_M:
                hits.append((_rank(geometry, probe, distance, spec.priority, feature.id()), handle,
                             _kept(feature)))
    hits.sort(key=lambda hit: hit[0])
    return [make_subject(setup, handle, feature) for _, handle, feature in hits[:limit]]


def _kept(feature: Any) -> Any:
    """A feature to keep after its iterator moved on (QGIS's are copied; the GeoPackage reader's are its own)."""
    return QgsFeature(feature) if isinstance(feature, QgsFeature) else feature


def find_subject(ctx: ReportContext, point_m: QgsPointXY, radius: float) -> Optional[SubjectFeature]:
    """The feature a person means by the click (the best of :func:`find_subjects`), or None."""
    found = find_subjects(ctx, point_m, radius, limit=1)
    return found[0] if found else None


def features_near(setup: EngineSetup, handle: LayerHandle, point_m: QgsPointXY,
                  distance: float) -> list[tuple[float, QgsFeature]]:
    """(metres, feature) of ``handle`` within ``distance`` of the metric point, nearest first."""
    probe = QgsGeometry.fromPointXY(point_m)
    rect = QgsRectangle(point_m.x() - distance, point_m.y() - distance,
                        point_m.x() + distance, point_m.y() + distance)
    found = []
    for feature in handle.read(Query(rect=setup.metric.rect_in(rect, handle.crs))):
        geometry = setup.metric.to_metric(feature.geometry(), handle.crs)
        if geometry.isEmpty():
            continue
        d = geometry.distance(probe)
        if d <= distance + EPS_M:
            found.append((d, _kept(feature)))
    found.sort(key=lambda x: (x[0], x[1].id()))
    return found
