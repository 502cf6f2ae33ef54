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
from .model import MaintenanceModel
from .sources import LayerInput, SourceError, read_rows


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
        conn = sqlite3.connect(f"file:{segments.gpkg}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                           (segments.table,)).fetchone()
        if row is None:
            return None
        name = f"rtree_{segments.table}_{row[0]}"
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is None:
            return None
        sql = f'SELECT id FROM "{name}" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?'
        return [[r[0] for r in conn.execute(sql, (r.xMaximum(), r.xMinimum(), r.yMaximum(), r.yMinimum()))]
                for r in rects]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _open(status, end, excluded: set, included: set, today_jd: int) -> bool:
    """The relation's status filter holds and the permit has not ended before today."""
    if status is not None and (str(status) in excluded or (included and str(status) not in included)):
        return False
    return end is None or end >= today_jd


def read_permits(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput], segments: LayerInput,
                 fids: np.ndarray, today_jd: int) -> dict[int, list]:
    """Segment index (position in ``fids``) → the permits near it."""
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
    if layer.gpkg is not None:  # attributes by SQL, then the geometries of the open permits only
        kept = {}
        for fid, pid, applicant, utility, start, end, status in read_rows(
                layer, [f[k] for k in roles], dates=(f["start"], f["end"]), fid=True):
            if _open(status, end, excluded, included, today_jd):
                kept[fid] = Permit(str(pid), applicant, utility, start, end, status)
        request = QgsFeatureRequest().setFilterFids(list(kept)).setNoAttributes()
        rows = ((kept[feature.id()], feature.geometry()) for feature in layer.source.getFeatures(request))
    else:
        rows = ((Permit(str(pid), applicant, utility, start, end, status), geometry)
                for pid, applicant, utility, start, end, status, geometry in read_rows(
                    layer, [f[k] for k in roles], dates=(f["start"], f["end"]), geometry=True)
                if _open(status, end, excluded, included, today_jd))
    match = _Matcher(segments, fids, rel.distance_m, buffer, to_segments, to_metric)
    while True:  # a chunk of permits at a time: their segments' geometries are fetched and dropped per chunk
        raw = list(islice(rows, CHUNK))
        if not raw:
            return match.out
        match.add([(p, g) for p, g in raw if g is not None and not g.isEmpty()])


class _Matcher:
    """Permits matched to the segments within the relation's distance, chunk by chunk."""

    def __init__(self, segments: LayerInput, fids: np.ndarray, distance_m: float, buffer: float,
                 to_segments, to_metric) -> None:
        self.segments, self.fids, self.distance_m, self.buffer = segments, fids, distance_m, buffer
        self.to_segments, self.to_metric = to_segments, to_metric
        self.order = np.argsort(fids, kind="stable")
        self.sorted = fids[self.order]
        self.out: dict[int, list] = {}

    def add(self, chunk: list) -> None:
        if not chunk:
            return
        shapes = []
        for _permit, geometry in chunk:
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
        for (permit, _g), shape, hits in zip(chunk, shapes, near):
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
                    self.out.setdefault(seg, []).append(permit)

    def _segments_of(self, wanted_fids: list) -> dict[int, int]:
        wanted = np.array(wanted_fids, dtype=np.int64)
        if not len(self.sorted) or not len(wanted):
            return {}
        pos = np.clip(np.searchsorted(self.sorted, wanted), 0, len(self.sorted) - 1)
        found = self.sorted[pos] == wanted
        return dict(zip(wanted[found].tolist(), self.order[pos[found]].tolist()))
