"""The twin read into the coordination rules' plain data (QGIS, no widgets; safe in a task on snapshots):
permits with the segments within the near distance, permits near each other, segments with their end nodes,
the paving plan and the latest hourly traffic profile per segment. Distances are measured in the metric CRS."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Callable, Iterable, Mapping, Optional

from qgis.core import QgsExpression, QgsFeatureRequest, QgsGeometry, QgsRectangle, QgsSpatialIndex

from ..identify.handles import LayerHandle, Metric
from ..identify.specs import Condition
from ..identify.values import as_date, as_int, as_number, py_value
from ..log import get_logger
from ..tr import tr
from .config import CoordinationSpec, Exemption, LayerPart
from .model import PermitRow, SegmentRow, Window, add_months

LOG = get_logger(__name__)
Progress = Optional[Callable[[float], bool]]


class ReadError(RuntimeError):
    """A layer the board needs is missing or a field it reads is not there (names layer and field)."""


@dataclass
class Network:
    permits: dict[str, PermitRow] = field(default_factory=dict)
    segments: dict[str, SegmentRow] = field(default_factory=dict)
    near: list[tuple[str, str]] = field(default_factory=list)
    plans: dict[str, list[tuple[Optional[int], Any]]] = field(default_factory=dict)
    traffic: dict[str, list[Optional[float]]] = field(default_factory=dict)
    permit_geometry: Mapping[str, QgsGeometry] = field(default_factory=dict)  # metric
    segment_geometry: Mapping[str, QgsGeometry] = field(default_factory=dict)  # metric
    street_lookup: Optional[Callable[["Network", str], None]] = None  # adds a street's segments on demand

    def permits_on(self, segment_id: str) -> list[PermitRow]:
        return [p for p in self.permits.values() if segment_id in p.segments]

    def street_segments(self, street: str) -> list[str]:
        """The segments of a street, by id (those not read yet are read first where the network reads on demand)."""
        if self.street_lookup is not None:
            self.street_lookup(self, street)
        return sorted(s.id for s in self.segments.values() if s.street == street)


def _fields(handle: LayerHandle, part: LayerPart, key: Optional[str]) -> list[str]:
    names = ([key] if key else []) + list(part.fields.values())
    missing = [n for n in names if not handle.has_field(n)]
    if missing:
        raise ReadError(
            tr("layer '{layer}' ({value}) has no field '{missing}'").format(
                layer=part.layer, value=handle.name or handle.spec.table, missing=missing[0]
            )
        )
    return list(dict.fromkeys(names))


def _matches(value: Any, condition: Condition) -> bool:
    value = py_value(value)
    if condition.op == "eq":
        return value == condition.values[0]
    if condition.op == "ne":
        return value is None or value != condition.values[0]
    if condition.op == "in":
        return value in condition.values
    return value is None or value not in condition.values


def _exemption(attrs: dict[str, Any], exemptions: tuple[Exemption, ...]):
    for e in exemptions:
        value = py_value(attrs.get(e.field))
        if value is not None and (value in e.values or str(value) in {str(v) for v in e.values}):
            return e.reason
    return None


def reach(spec: CoordinationSpec, window: Window) -> Window:
    """The dates a permit must touch to take part in a conflict touching ``window`` (space-only reaches N months
    on each side, an ended permit counts ``recent_days`` longer)."""
    if window.full:
        return window
    months = spec.space_months
    lo = add_months(window.start, -months) - timedelta(days=spec.recent_days) if window.start else None
    hi = add_months(window.end, months) if window.end else None
    return Window(lo, hi)


class NetworkReader:
    """Reads a :class:`Network` from the layers ``resolve`` gives (LayerHandle or None)."""

    def __init__(self, spec: CoordinationSpec, resolve: Callable[[str], Optional[LayerHandle]], metric: Metric,
                 admit: tuple[Condition, ...] = ()):
        self.spec = spec
        self.resolve = resolve
        self.metric = metric
        self.admit = admit

    def handle(self, part: LayerPart) -> LayerHandle:
        handle = self.resolve(part.layer)
        if handle is None:
            raise ReadError(tr("the twin has no layer '{layer}'").format(layer=part.layer))
        return handle

    def read(self, window: Window, progress: Progress = None) -> Network:
        net = Network()
        self._segments(net)
        if progress is not None and progress(20.0) is False:
            return net
        self._permits(net, window)
        if progress is not None and progress(60.0) is False:
            return net
        self._plans(net)
        return net

    # -- segments ------------------------------------------------------------------------------------
    def _segments(self, net: Network) -> None:
        part = self.spec.segments
        handle = self.handle(part)
        key = handle.spec.key
        names = _fields(handle, part, key)
        request = QgsFeatureRequest().setSubsetOfAttributes(names, handle.fields)
        tol = self.spec.node_tolerance_m
        street_field, paved_field = part.field("street"), part.field("paved")
        for f in handle.features(request):
            sid = str(py_value(f[key]) if key else f.id())
            geom = self.metric.to_metric(f.geometry(), handle.crs)
            nodes: tuple = ()
            if not geom.isNull():
                count = geom.constGet().nCoordinates()
                if count:
                    a, b = geom.vertexAt(0), geom.vertexAt(count - 1)
                    nodes = tuple(dict.fromkeys(((round(a.x() / tol), round(a.y() / tol)),
                                                 (round(b.x() / tol), round(b.y() / tol)))))
                net.segment_geometry[sid] = geom
            street = py_value(f[street_field]) if street_field else None
            net.segments[sid] = SegmentRow(f.id(), sid, str(street or sid), as_date(f[paved_field]), nodes)

    # -- permits ---------------------------------------------------------------------------------------
    def _permits(self, net: Network, window: Window) -> None:
        part = self.spec.permits
        handle = self.handle(part)
        key = handle.spec.key
        names = _fields(handle, part, key)
        extra = [n for n in {c.field for c in self.admit} | {e.field for e in self.spec.exemptions}
                 if handle.has_field(n)]
        request = QgsFeatureRequest().setSubsetOfAttributes(list(dict.fromkeys(names + extra)), handle.fields)
        index = QgsSpatialIndex()
        seg_index = QgsSpatialIndex()
        seg_ids: dict[int, str] = {}
        for n, (sid, geom) in enumerate(net.segment_geometry.items()):
            seg_index.addFeature(n, geom.boundingBox())
            seg_ids[n] = sid
        d = self.spec.near_m
        by_n: dict[int, str] = {}
        span = reach(self.spec, window)
        admit = [c for c in self.admit if handle.has_field(c.field)]
        for f in handle.features(request):
            start, end = as_date(f[part.field("start")]), as_date(f[part.field("end")])
            if not span.touches(start, end):
                continue
            pid = str(py_value(f[key]) if key else f.id())
            geom = self.metric.to_metric(f.geometry(), handle.crs)
            segments: list[str] = []
            if not geom.isNull():
                box = _grown(geom.boundingBox(), d)
                for n in seg_index.intersects(box):
                    sid = seg_ids[n]
                    if geom.distance(net.segment_geometry[sid]) <= d:
                        segments.append(sid)
                n = len(by_n)
                by_n[n] = pid
                index.addFeature(n, geom.boundingBox())
                net.permit_geometry[pid] = geom
            attrs = {name: f[name] for name in extra}
            net.permits[pid] = PermitRow(
                f.id(), pid, start, end,
                str(py_value(f[part.field("applicant")]) or "") if part.field("applicant") else "",
                str(py_value(f[part.field("utility")]) or "") if part.field("utility") else "",
                tuple(sorted(segments)), all(_matches(attrs.get(c.field), c) for c in admit),
                _exemption(attrs, self.spec.exemptions))
        for n, pid in by_n.items():
            geom = net.permit_geometry[pid]
            for m in index.intersects(_grown(geom.boundingBox(), d)):
                other = by_n[m]
                if m > n and geom.distance(net.permit_geometry[other]) <= d:
                    net.near.append((pid, other))

    # -- tables ----------------------------------------------------------------------------------------
    def _plans(self, net: Network) -> None:
        part = self.spec.paving_plan
        handle = self.resolve(part.layer) if part else None
        if part is None or handle is None:
            return
        names = _fields(handle, part, None)
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
            names, handle.fields)
        treatment = part.field("treatment")
        for f in handle.features(request):
            sid = str(py_value(f[part.field("segment")]))
            if sid in net.segments:
                net.plans.setdefault(sid, []).append(
                    (as_int(f[part.field("year")]), py_value(f[treatment]) if treatment else None))

    def traffic(self, net: Network, segment_ids: Iterable[str], chunk: int = 500) -> None:
        """Read the latest hourly profile of ``segment_ids`` into ``net.traffic`` (only the rows' segments are
        read: the counts are the biggest table of a twin)."""
        part = self.spec.traffic
        handle = self.resolve(part.layer) if part else None
        if part is None or handle is None:
            return
        ids = sorted({str(s) for s in segment_ids} - set(net.traffic))
        names = _fields(handle, part, None)
        column = QgsExpression.quotedColumnRef(part.field("segment"))
        for start in range(0, len(ids), chunk):
            values = ", ".join(QgsExpression.quotedValue(s) for s in ids[start:start + chunk])
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
                names, handle.fields).setFilterExpression(f"{column} IN ({values})")
            self._traffic_rows(net, handle, part, request)

    def _traffic_rows(self, net: Network, handle: LayerHandle, part: LayerPart, request: QgsFeatureRequest) -> None:
        year_field = part.field("year")
        seg_field, hour_field, vehicles_field = part.field("segment"), part.field("hour"), part.field("vehicles")
        latest: dict[str, int] = {}
        for f in handle.features(request):
            sid = str(py_value(f[seg_field]))
            hour = as_int(f[hour_field])
            year = as_int(f[year_field]) if year_field else 0
            if hour is None or not 0 <= hour <= 23 or year is None:
                continue
            if year > latest.get(sid, -1):
                latest[sid] = year
                net.traffic[sid] = [None] * 24
            if year == latest[sid]:
                net.traffic[sid][hour] = as_number(f[vehicles_field])


def _grown(rect: QgsRectangle, d: float) -> QgsRectangle:
    out = QgsRectangle(rect)
    out.grow(d)
    return out
