"""Where :mod:`.cross_streets` reads street segments from: a GeoPackage table by bound SQL (the street by its
name, one segment by its feature id, the R-tree around a point), a PostGIS table through the card's direct reader,
or any layer through QGIS (the filters compiled to the provider's SQL). A street's segments come as
:class:`Piece`: its two ends and its extent, which a GeoPackage blob (:func:`blob_piece`) or PostGIS's WKB
(:func:`wkb_piece`) give without building a geometry. No widgets; a GeoPackage reader reads through the calling
thread's own connection."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Protocol

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)

from .identify.gpkg_reader import connection, geometry_from_blob
from .identify.pg_reader import PgReader, PgReadError
from .identify.query import Query
from .read_faults import features_or_fault
from .rule_sql import q
from .tr import tr

Point = tuple[float, float]
Ends = Optional[tuple[Point, Point]]  # (x, y) of the first and the last vertex


@dataclass(frozen=True)
class Piece:
    """A segment as a street's order needs it: its key, its two ends (None: no geometry) and its extent (xmin,
    ymin, xmax, ymax)."""

    fid: int
    key: str
    ends: Ends
    extent: tuple[float, float, float, float]


def geometry_piece(fid: int, key: str, geometry: Optional[QgsGeometry]) -> Piece:
    """The piece of a segment read as a geometry: its first and last vertex (of the first and last part)."""
    if geometry is None or geometry.isEmpty():
        return Piece(fid, key, None, (0.0, 0.0, 0.0, 0.0))
    box = geometry.boundingBox()
    count = geometry.constGet().nCoordinates()
    first, last = geometry.vertexAt(0), geometry.vertexAt(count - 1)
    ends = ((first.x(), first.y()), (last.x(), last.y()))
    return Piece(fid, key, ends, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))


_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}  # GeoPackage header envelope indicator -> doubles


def blob_piece(fid: int, key: str, blob: Optional[bytes]) -> Piece:
    """:func:`geometry_piece` from a GeoPackage geometry blob: past its header, as :func:`wkb_piece` reads WKB;
    anything else (an empty or extended geometry, another type, an unexpected layout) through the geometry."""
    try:
        flags = blob[3]  # type: ignore[index]
        doubles = _ENVELOPE_DOUBLES.get((flags >> 1) & 7)
        if blob[:2] == b"GP" and doubles is not None and not flags & 0x30:  # not empty, not extended
            piece = _lines_piece(fid, key, blob, 8 + 8 * doubles)  # type: ignore[arg-type]
            if piece is not None:
                return piece
    except (TypeError, IndexError, struct.error):
        pass
    return geometry_piece(fid, key, geometry_from_blob(blob) if blob is not None else None)


def wkb_piece(fid: int, key: str, wkb: Optional[bytes]) -> Piece:
    """:func:`geometry_piece` from plain ISO WKB (PostGIS's ``ST_AsBinary``): a (multi)line string's ends and
    extent from its coordinates, no geometry built; anything else through the geometry."""
    try:
        piece = _lines_piece(fid, key, wkb, 0) if wkb else None
    except (IndexError, struct.error):
        piece = None
    if piece is not None:
        return piece
    geometry = QgsGeometry()
    if wkb:
        geometry.fromWkb(bytes(wkb))
    return geometry_piece(fid, key, geometry)


def _lines_piece(fid: int, key: str, data: bytes, at: int) -> Optional[Piece]:
    """The piece of the (multi)line string whose WKB starts at ``at``; None for anything else."""
    lines = _wkb_lines(data, at)
    if not lines:
        return None
    xs = [x for line in lines for x in line[0::2]]
    ys = [y for line in lines for y in line[1::2]]
    first, last = lines[0], lines[-1]
    return Piece(fid, key, ((first[0], first[1]), (last[-2], last[-1])), (min(xs), min(ys), max(xs), max(ys)))


def _wkb_lines(wkb: bytes, at: int) -> Optional[list[tuple[float, ...]]]:
    """Each line's x, y pairs (flat) of the ISO WKB (multi)line string at ``at`` (2D, Z, M or ZM); None for
    anything else."""
    order = "<" if wkb[at] == 1 else ">"
    kind = struct.unpack_from(order + "I", wkb, at + 1)[0]
    if kind // 1000 > 3 or kind % 1000 not in (2, 5):
        return None
    dims = 2 + (kind // 1000 in (1, 2)) + 2 * (kind // 1000 == 3)
    if kind % 1000 == 5:
        parts = struct.unpack_from(order + "I", wkb, at + 5)[0]
        at, lines = at + 9, []
        for _ in range(parts):
            inner = _wkb_lines(wkb, at)
            if not inner or len(inner) != 1:
                return None
            lines.extend(inner)
            at += 9 + 8 * len(inner[0]) // 2 * dims
        return lines or None
    count = struct.unpack_from(order + "I", wkb, at + 5)[0]
    if count == 0:
        return None
    values = struct.unpack_from(f"{order}{count * dims}d", wkb, at + 9)
    flat = values if dims == 2 else tuple(v for i in range(count) for v in values[i * dims:i * dims + 2])
    return [flat]


class StreetRows(Protocol):
    """A street's segments, its size, one segment, and the named segments near a point."""

    def street(self, name: str) -> list[Piece]: ...
    def street_size(self, name: str, at_most: int) -> int: ...
    def segment(self, fid: int) -> Optional[Piece]: ...
    def near(self, rect: QgsRectangle) -> Iterable[tuple[str, QgsGeometry]]: ...
    def street_of(self, fid: int) -> Optional[str]: ...


def _key(value: Any) -> str:
    return "" if value is None else str(value)


class GpkgStreetRows:
    """Bound SQL on the GeoPackage table (the street by its name, the R-tree around each end)."""

    def __init__(self, path: str, table: str, name_field: str, key_field: Optional[str]):
        self.path = path
        conn = connection(path)
        info = conn.execute(f"PRAGMA table_info({q(table)})").fetchall()
        pk = next((row[1] for row in info if row[5]), None)
        found = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
        if pk is None or found is None:
            raise LookupError(tr("table '{table}' has no primary key or no geometry column").format(table=table))
        rtree = f"rtree_{table}_{found[0]}"
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            raise LookupError(tr("table '{table}' has no spatial index").format(table=table))
        t, name, geom, fid = q(table), q(name_field), q(found[0]), q(pk)
        key = q(key_field) if key_field else "NULL"
        # names from the file's schema, values bound
        self._street = f"SELECT {fid}, {key}, {geom} FROM {t} WHERE {name} = ?"  # noqa: S608
        self._size = f"SELECT count(*) FROM (SELECT 1 FROM {t} WHERE {name} = ? LIMIT ?)"  # noqa: S608
        self._segment = f"SELECT {key}, {geom} FROM {t} WHERE {fid} = ?"  # noqa: S608
        self._near = (f"SELECT t.{name}, t.{geom} FROM {t} AS t JOIN {q(rtree)} AS r "  # noqa: S608
                      f"ON r.id = t.{fid} WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?")
        self._street_of = f"SELECT {name} FROM {t} WHERE {fid} = ?"  # noqa: S608

    def street(self, name: str) -> list[Piece]:
        rows = connection(self.path).execute(self._street, (name,)).fetchall()
        return [blob_piece(fid, _key(key), blob) for fid, key, blob in rows]

    def street_size(self, name: str, at_most: int) -> int:
        return int(connection(self.path).execute(self._size, (name, int(at_most))).fetchone()[0])

    def segment(self, fid: int) -> Optional[Piece]:
        row = connection(self.path).execute(self._segment, (int(fid),)).fetchone()
        return None if row is None else blob_piece(int(fid), _key(row[0]), row[1])

    def near(self, rect: QgsRectangle) -> Iterable[tuple[str, QgsGeometry]]:
        params = (rect.xMaximum(), rect.xMinimum(), rect.yMaximum(), rect.yMinimum())
        for name, blob in connection(self.path).execute(self._near, params):
            yield _key(name), geometry_from_blob(blob) or QgsGeometry()

    def street_of(self, fid: int) -> Optional[str]:
        row = connection(self.path).execute(self._street_of, (int(fid),)).fetchone()
        return None if row is None or row[0] is None else str(row[0])


class LayerStreetRows:
    """The same through QGIS (PostGIS and other providers: the filters are compiled to the provider's SQL)."""

    def __init__(self, layer: QgsVectorLayer, name_field: str, key_field: Optional[str]):
        self.source = QgsVectorLayerFeatureSource(layer)
        self.fields = layer.fields()
        self.name, self.key = name_field, key_field if key_field and layer.fields().indexFromName(key_field) >= 0 \
            else None

    def _request(self) -> QgsFeatureRequest:
        """The name and key fields. One feature is asked for by ``setFilterFids([fid])``: after ``setFilterFid``
        OGR's iterator reads as no longer valid, which is how a read without a connection looks."""
        wanted = [self.name] + ([self.key] if self.key else [])
        return QgsFeatureRequest().setSubsetOfAttributes(wanted, self.fields)

    def _street_request(self, name: str) -> QgsFeatureRequest:
        return self._request().setFilterExpression(QgsExpression.createFieldEqualityExpression(self.name, name))

    def street(self, name: str) -> list[Piece]:
        return [geometry_piece(f.id(), _key(f[self.key]) if self.key else "", f.geometry())
                for f in self._features(self._street_request(name))]

    def street_size(self, name: str, at_most: int) -> int:
        """The street's segments counted up to ``at_most`` (not the request's limit: QGIS's iterator then reads
        as no longer valid, which is how a read without a connection looks)."""
        count = 0
        for _feature in self._features(self._street_request(name).setFlags(QgsFeatureRequest.Flag.NoGeometry)):
            count += 1
            if count >= at_most:
                break
        return count

    def segment(self, fid: int) -> Optional[Piece]:
        found = list(self._features(self._request().setFilterFids([int(fid)])))
        if not found:
            return None
        return geometry_piece(int(fid), _key(found[0][self.key]) if self.key else "", found[0].geometry())

    def near(self, rect: QgsRectangle) -> Iterable[tuple[str, QgsGeometry]]:
        for f in self._features(self._request().setFilterRect(rect)):
            yield _key(f[self.name]), f.geometry()

    def street_of(self, fid: int) -> Optional[str]:
        found = list(self._features(self._request().setFilterFids([int(fid)])))
        return None if not found or found[0][self.name] is None else str(found[0][self.name])

    def _features(self, request: QgsFeatureRequest) -> Iterator[Any]:
        """The features, and a fault noted when the provider gave the iterator no connection (it looks empty)."""
        return features_or_fault(self.source, request, "cross streets")


class PgStreetRows:
    """Through the card's direct PostGIS reader (``identify.pg_reader``: one bound, prepared statement a question,
    not a QGIS cursor's three round trips); off the main thread, or where the database cannot answer it, through
    QGIS (``fallback``), which notes a failed read as a fault."""

    def __init__(self, reader: PgReader, fallback: LayerStreetRows):
        self.reader, self.fallback = reader, fallback
        self.name, self.key = fallback.name, fallback.key
        fields = fallback.fields
        self._name_at = fields.indexFromName(self.name)
        self._key_at = fields.indexFromName(self.key) if self.key else -1
        self._key_only = [self.key] if self.key else []
        # a short street read whole by street_size, for the street() call that follows it: one round trip, not two
        self._read_whole: Optional[tuple[str, list[Piece]]] = None

    def _read(self, query: Query) -> Optional[list]:
        self._read_whole = None  # kept only until the next question (so never from an earlier click)
        try:
            return self.reader.read(query)
        except PgReadError:
            return None

    def _key_of(self, feature: Any) -> str:
        return _key(feature.attributes()[self._key_at]) if self._key_at >= 0 else ""

    def street(self, name: str) -> list[Piece]:
        whole = self._read_whole
        if whole is not None and whole[0] == name:  # read by street_size just before
            self._read_whole = None
            return whole[1]
        found = self._read(Query(equals=(self.name, name), attributes=self._key_only, geometry=True))
        if found is None:
            return self.fallback.street(name)
        return [wkb_piece(f.id(), self._key_of(f), f.wkb()) for f in found]

    def street_size(self, name: str, at_most: int) -> int:
        """Counted by reading at most ``at_most`` segments; a shorter street is read whole, for :meth:`street`."""
        found = self._read(Query(equals=(self.name, name), attributes=self._key_only, geometry=True,
                                 limit=at_most))
        if found is None:
            return self.fallback.street_size(name, at_most)
        if len(found) < at_most:
            self._read_whole = (name, [wkb_piece(f.id(), self._key_of(f), f.wkb()) for f in found])
        return len(found)

    def segment(self, fid: int) -> Optional[Piece]:
        found = self._read(Query(fids=[int(fid)], attributes=self._key_only, geometry=True))
        if found is None:
            return self.fallback.segment(fid)
        return wkb_piece(int(fid), self._key_of(found[0]), found[0].wkb()) if found else None

    def near(self, rect: QgsRectangle) -> Iterable[tuple[str, QgsGeometry]]:
        found = self._read(Query(rect=rect, attributes=[self.name], geometry=True))
        if found is None:
            return self.fallback.near(rect)
        return [(_key(f.attributes()[self._name_at]), f.geometry()) for f in found]

    def street_of(self, fid: int) -> Optional[str]:
        found = self._read(Query(fids=[int(fid)], attributes=[self.name], geometry=False))
        if found is None:
            return self.fallback.street_of(fid)
        value = found[0].attributes()[self._name_at] if found else None
        return None if value is None else str(value)
