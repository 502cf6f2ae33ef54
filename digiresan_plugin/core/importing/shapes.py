"""Geometry as a twin layer holds it: from a source geometry (QGIS, the full way) or straight from WKB in the
plain cases (no geometry object made); and the error a refused source row raises."""

from __future__ import annotations

import math
from array import array
from typing import Any, Optional

from qgis.core import QgsGeometry, QgsWkbTypes

from ..tr import tr

GEOMETRY = "geometry"
_SINGLE = {"Point": QgsWkbTypes.Type.Point, "LineString": QgsWkbTypes.Type.LineString,
           "Polygon": QgsWkbTypes.Type.Polygon}


class RowRejectedError(Exception):
    """A source row the twin cannot take: the field (or ``geometry``), the value and why."""

    def __init__(self, field: Optional[str], value: Any, reason: str):
        super().__init__(reason)
        self.field, self.value, self.reason = field, value, reason


def twin_geometry(geometry: Optional[QgsGeometry], wanted: Optional[str], merge_lines: bool = False,
                  split_lines: bool = False) -> bytes | list[bytes]:
    """The geometry as the twin layer holds it (WKB): Z/M dropped, made valid where that keeps its type, a
    one-part multi as single; several parts merged or split (a list) only when the mapping says so."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        raise RowRejectedError(GEOMETRY, None, tr("no geometry"))
    geometry = QgsGeometry(geometry)
    abstract = geometry.get()
    abstract.dropZValue()
    abstract.dropMValue()
    if not geometry.isGeosValid():
        geometry = _repaired(geometry)
    single = _SINGLE.get(wanted)
    if single is not None and QgsWkbTypes.isMultiType(geometry.wkbType()):
        parts = geometry.asGeometryCollection()
        if len(parts) > 1 and wanted == "LineString" and merge_lines:
            geometry = geometry.mergeLines()
            parts = geometry.asGeometryCollection() if QgsWkbTypes.isMultiType(geometry.wkbType()) else [geometry]
        if len(parts) > 1 and wanted == "LineString" and split_lines:
            return [bytes(part.asWkb()) for part in parts]
        if len(parts) != 1:
            raise RowRejectedError(GEOMETRY, None, tr("{n} parts where the twin layer holds one {type}").format(
                n=len(parts), type=wanted))
        geometry = parts[0]
    expected = QgsWkbTypes.parseType(wanted) if wanted else None
    if expected is not None and QgsWkbTypes.flatType(geometry.wkbType()) != expected:
        if not (QgsWkbTypes.isMultiType(expected)
                and QgsWkbTypes.singleType(expected) == QgsWkbTypes.flatType(geometry.wkbType())):
            shown = QgsWkbTypes.displayString(geometry.wkbType())
            raise RowRejectedError(GEOMETRY, None, tr("a {found} where the twin layer holds {type}").format(
                found=shown, type=wanted))
        geometry.convertToMultiType()
    return bytes(geometry.asWkb())


def _repaired(geometry: QgsGeometry) -> QgsGeometry:
    """``makeValid`` keeping only the parts of the geometry's own dimension (a spike of a polygon collapses to a
    line and is dropped); refused when nothing of that dimension is left."""
    kind = geometry.type()
    repaired = geometry.makeValid()
    parts = [p for p in repaired.asGeometryCollection() if p.type() == kind] if not repaired.isNull() else []
    if not parts:
        raise RowRejectedError(GEOMETRY, None, tr("an invalid geometry that cannot be repaired without changing its "
                                                  "type"))
    return parts[0] if len(parts) == 1 else QgsGeometry.collectGeometry(parts)


def fast_geometry(wkb: bytes, wanted: str) -> Optional[tuple[bytes, tuple[float, float, float, float]]]:
    """(WKB, envelope) for the twin without making a geometry, in the plain cases: a 2D LineString (or a
    one-part MultiLineString) of at least two distinct finite points into a LineString layer, a finite 2D Point
    (or one-part MultiPoint) into a Point layer. None for anything else (it goes the full way)."""
    if len(wkb) < 9 or wkb[0] != 1:
        return None
    kind = int.from_bytes(wkb[1:5], "little")
    if wanted == "LineString":
        if kind == 5 and int.from_bytes(wkb[5:9], "little") == 1:
            wkb, kind = wkb[9:], int.from_bytes(wkb[10:14], "little") if wkb[9] == 1 else 0
        if kind != 2 or len(wkb) < 9:
            return None
        n = int.from_bytes(wkb[5:9], "little")
        if n < 2 or len(wkb) != 9 + 16 * n:
            return None
        coords = array("d", wkb[9:])
        if not math.isfinite(sum(coords)):
            return None
        xs, ys = coords[0::2], coords[1::2]
        envelope = (min(xs), max(xs), min(ys), max(ys))
        if envelope[0] == envelope[1] and envelope[2] == envelope[3]:
            return None
        return bytes(wkb), envelope
    if wanted == "Point":
        if kind == 4 and int.from_bytes(wkb[5:9], "little") == 1:
            wkb, kind = wkb[9:], int.from_bytes(wkb[10:14], "little") if wkb[9] == 1 else 0
        if kind != 1 or len(wkb) != 21:
            return None
        x, y = array("d", wkb[5:21])
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        return bytes(wkb), (x, x, y, y)
    return None
