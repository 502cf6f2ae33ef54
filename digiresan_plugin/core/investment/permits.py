"""Open or planned permits per road segment, by the catalog's spatial relation (within its distance in metres,
its status filter, not ended before today).

Candidate segments per permit come from the segment table's R-tree (GeoPackage: one indexed query per permit)
or from QGIS's spatial filter (other providers); the exact distance is then measured on the geometries, fetched
in one request.
"""

# ruff: noqa: S608 - the R-tree table name comes from gpkg_geometry_columns and is quoted

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from itertools import islice
from typing import Optional

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeatureRequest, QgsProject

from ..catalog import Catalog
from ..identify.config import identify_config
from ..tr import tr
from .columns import SegmentIds, ranges, utf8
from .model import MaintenanceModel
from .sources import Categories, LayerInput, Reading, SourceError, columns_of, floats, ints, read_rows


@dataclass(frozen=True)
class Permit:
    """A permit near a segment, its dates as day numbers (``network.JD_OFFSET``)."""

    permit_id: str
    applicant: Optional[str]
    utility: Optional[str]
    start_jd: Optional[int]
    end_jd: Optional[int]
    status: Optional[str]


DEGREE_M = 111_000.0
CHUNK = 4096  # permits matched at a time


def _rtree_candidates(segments: LayerInput, rects: list) -> Optional[list[list[int]]]:
    """Feature ids whose bounding box meets each rectangle, from the GeoPackage R-tree; None without one."""
    if segments.gpkg is None:
        return None
    try:
        reading = Reading(segments)
    except sqlite3.Error:
        return None
    try:
        row = reading.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                           (segments.table,)).fetchone()
        if row is None:
            return None
        name = f"rtree_{segments.table}_{row[0]}"
        if reading.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is None:
            return None
        near: list[list[int]] = [[] for _ in rects]
        per_query = 999 // 5  # rectangles per statement (SQLite's smallest bound-parameter limit)
        for first in range(0, len(rects), per_query):
            part = rects[first:first + per_query]
            values = ", ".join("(?, ?, ?, ?, ?)" for _ in part)
            params = [v for i, r in enumerate(part, first)
                      for v in (i, r.xMinimum(), r.xMaximum(), r.yMinimum(), r.yMaximum())]
            sql = (f"WITH q(i, x0, x1, y0, y1) AS (VALUES {values}) SELECT q.i, t.id FROM q, \"{name}\" t "
                   "WHERE t.minx <= q.x1 AND t.maxx >= q.x0 AND t.miny <= q.y1 AND t.maxy >= q.y0")
            for i, fid in reading.execute(sql, params):
                near[i].append(fid)
        return near
    except sqlite3.Error:
        return None
    finally:
        reading.close()


class PermitRows:
    """The permits near each segment, compact: the open permits' columns and (segment, permit row) pairs sorted by
    segment. ``get(seg)`` makes that segment's :class:`Permit` objects (in the order they were matched)."""

    def __init__(self, table: Optional[dict] = None, seg: Optional[np.ndarray] = None,
                 row: Optional[np.ndarray] = None) -> None:
        self.table = table or {}
        seg = np.zeros(0, np.int64) if seg is None else seg
        order = np.argsort(seg, kind="stable")
        self.seg = seg[order]
        self.row = (np.zeros(0, np.int64) if row is None else row)[order]

    def __len__(self) -> int:
        """The number of segments with permits near them."""
        return int(len(np.unique(self.seg)))

    def segments(self) -> np.ndarray:
        return np.unique(self.seg)

    def permit(self, row: int) -> Permit:
        t = self.table
        start, end = float(t["start"][row]), float(t["end"][row])
        return Permit(t["id"][row] or "", _category(t, "applicant", row), _category(t, "utility", row),
                      int(start) if start == start else None, int(end) if end == end else None,
                      _category(t, "status", row))

    def get(self, seg: int, default: Optional[list] = None) -> list:
        found = self.lookup(np.array([seg])).get(int(seg))
        return found if found is not None else ([] if default is None else default)

    def lookup(self, segs: np.ndarray) -> dict[int, list]:
        """Segment index → its permits, for the segments ``segs`` that have some (one search for them all)."""
        return {seg: [self.permit(r) for r in self.row[lo:hi].tolist()] for seg, lo, hi in ranges(self.seg, segs)}

    def items(self):
        yield from self.lookup(self.segments()).items()

    def values(self):
        for _seg, permits in self.items():
            yield permits


def _category(table: dict, name: str, row: int) -> Optional[str]:
    code = int(table[name][row])
    return table[f"{name}_values"][code] if code >= 0 else None


def _open_rows(status: np.ndarray, values: tuple, end: np.ndarray, excluded: set, included: set,
               today_jd: int) -> np.ndarray:
    """The relation's status filter holds and the permit has not ended before today."""
    allowed = np.array([not (v in excluded or (included and v not in included)) for v in values] + [True])
    with np.errstate(invalid="ignore"):
        return allowed[np.where(status >= 0, status, len(values))] & ~(end < today_jd)


def read_permits(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput], segments: LayerInput,
                 fids: np.ndarray, today_jd: int) -> PermitRows:
    """The permits near each segment (segment index = position in ``fids``)."""
    src = model.sources["permits"]
    rel = identify_config(catalog).relations.get(src.relation)
    if rel is None:
        raise SourceError(
            tr("The maintenance model's permits relation '{relation}' is not in the catalog").format(
                relation=src.relation
            )
        )
    layer = inputs.get(rel.to_layer)
    if layer is None:
        raise SourceError(tr("The twin has no layer '{to_layer}' (permits)").format(to_layer=rel.to_layer))
    f = src.fields
    roles = ("id", "applicant", "utility", "start", "end", "status")
    layer.require({k: f[k] for k in roles}, "permit")
    excluded = {str(v) for c in rel.where if c.op == "not_in" for v in c.values}
    included = {str(v) for c in rel.where if c.op == "in" for v in c.values}
    context = QgsProject.instance().transformContext()
    to_segments = QgsCoordinateTransform(layer.crs, segments.crs, context) if layer.crs != segments.crs else None
    geographic = segments.crs.isGeographic()
    to_metric = QgsCoordinateTransform(segments.crs, QgsCoordinateReferenceSystem(
        identify_config(catalog).metric_crs), context) if geographic else None
    buffer = rel.distance_m / DEGREE_M if geographic else rel.distance_m
    match = _Matcher(segments, fids, rel.distance_m, buffer, to_segments, to_metric)
    applicants, utilities, statuses = Categories(), Categories(), Categories()
    names, dates = [f[k] for k in roles], (f["start"], f["end"])
    converters = [utf8, applicants, utilities, floats, floats, statuses]
    if layer.gpkg is not None:  # attributes by SQL, then the geometries of the open permits only
        fid, *cols = columns_of(read_rows(layer, names, dates=dates, fid=True), [ints] + converters)
        if fid is None:
            return PermitRows()
        keep = _open_rows(cols[5], statuses.values, cols[4], excluded, included, today_jd)
        fid, cols = fid[keep], [c[keep] for c in cols]
        order = np.argsort(fid)
        request = QgsFeatureRequest().setFilterFids(fid.tolist()).setNoAttributes()
        features = ((feature.id(), feature.geometry()) for feature in layer.source.getFeatures(request))
        while True:  # a chunk of permits at a time: their segments' geometries are fetched and dropped per chunk
            chunk = list(islice(features, CHUNK))
            if not chunk:
                break
            found = np.searchsorted(fid, np.array([c[0] for c in chunk], np.int64), sorter=order)
            match.add(list(zip(order[found].tolist(), (c[1] for c in chunk))))
    else:
        parts: list[list] = [[] for _ in converters]
        rows, first = read_rows(layer, names, dates=dates, geometry=True), 0
        while True:
            raw = list(islice(rows, CHUNK))
            if not raw:
                break
            columns = list(zip(*raw))
            values = [convert(v) for convert, v in zip(converters, columns)]
            keep = np.flatnonzero(_open_rows(values[5], statuses.values, values[4], excluded, included, today_jd))
            for part, v in zip(parts, values):
                part.append(v[keep])
            match.add([(first + k, raw[i][-1]) for k, i in enumerate(keep.tolist())])
            first += len(keep)
        cols = [np.concatenate(p) for p in parts] if parts[0] else None
        if cols is None:
            return PermitRows()
    table = {"id": SegmentIds(cols[0]), "applicant": cols[1], "utility": cols[2], "start": cols[3],
             "end": cols[4], "status": cols[5], "applicant_values": applicants.values,
             "utility_values": utilities.values, "status_values": statuses.values}
    return PermitRows(table, *match.pairs())


class _Matcher:
    """Permits matched to the segments within the relation's distance, chunk by chunk."""

    def __init__(self, segments: LayerInput, fids: np.ndarray, distance_m: float, buffer: float,
                 to_segments, to_metric) -> None:
        self.segments, self.fids, self.distance_m, self.buffer = segments, fids, distance_m, buffer
        self.to_segments, self.to_metric = to_segments, to_metric
        self.order = np.argsort(fids, kind="stable")
        self.sorted = fids[self.order]
        self.segs: list[int] = []
        self.rows: list[int] = []

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(segment index, permit row) of every permit near a segment, in the order matched."""
        return np.array(self.segs, dtype=np.int64), np.array(self.rows, dtype=np.int64)

    def add(self, chunk: list) -> None:
        """Match ``(permit row, geometry)`` pairs (geometries may be None or empty: never near)."""
        chunk = [(r, g) for r, g in chunk if g is not None and not g.isEmpty()]
        if not chunk:
            return
        shapes = []
        for _row, geometry in chunk:
            if self.to_segments is not None:
                geometry.transform(self.to_segments)
            shapes.append(geometry)
        rects = [g.boundingBox().buffered(self.buffer) for g in shapes]
        near = _rtree_candidates(self.segments, rects)
        geometries: dict[int, object] = {}
        if near is None:  # QGIS's spatial filter, one request per permit
            near = []
            for rect in rects:
                hits = []
                request = QgsFeatureRequest().setFilterRect(rect).setNoAttributes()
                for feature in self.segments.source.getFeatures(request):
                    geometries[feature.id()] = feature.geometry()
                    hits.append(feature.id())
                near.append(hits)
        else:
            wanted = sorted({fid for hits in near for fid in hits})
            request = QgsFeatureRequest().setFilterFids(wanted).setNoAttributes()
            geometries = {feature.id(): feature.geometry() for feature in self.segments.source.getFeatures(request)}
        segment_of = self._segments_of(sorted({fid for hits in near for fid in hits}))
        for (row, _g), shape, hits in zip(chunk, shapes, near):
            if not hits:
                continue
            if self.to_metric is not None:
                shape = type(shape)(shape)
                shape.transform(self.to_metric)
            for fid in hits:
                line, seg = geometries.get(fid), segment_of.get(fid)
                if line is None or seg is None:
                    continue
                if self.to_metric is not None:
                    line = type(line)(line)
                    line.transform(self.to_metric)
                if line.distance(shape) <= self.distance_m + 1e-6:
                    self.segs.append(seg)
                    self.rows.append(row)

    def _segments_of(self, wanted_fids: list) -> dict[int, int]:
        wanted = np.array(wanted_fids, dtype=np.int64)
        if not len(self.sorted) or not len(wanted):
            return {}
        pos = np.clip(np.searchsorted(self.sorted, wanted), 0, len(self.sorted) - 1)
        found = self.sorted[pos] == wanted
        return dict(zip(wanted[found].tolist(), self.order[pos[found]].tolist()))
