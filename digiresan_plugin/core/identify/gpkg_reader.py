"""A GeoPackage table read straight through SQLite: the engine's :class:`~.query.Query` as one bound SQL statement
on the table's R-tree and indexes, the values typed as QGIS's OGR provider gives them.

A click asks some twenty small questions of the twin's layers; through OGR each costs an iterator set-up that
dwarfs the rows it returns. Here each is one prepared statement on a read-only connection kept per thread and file
(opened again when the file is replaced). Used only where it reads exactly what the layer shows: a plain table of an
``ogr`` GeoPackage layer without a subset string, edit buffer, virtual or joined fields (see
:func:`reader_for_layer`); everything else goes through QGIS.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Optional

from qgis.core import QgsFields, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..layers import plain_gpkg_table
from ..log import get_logger
from .query import Query

LOG = get_logger(__name__)
_ENVELOPE_BYTES = (0, 32, 48, 48, 64)
MAX_OPEN_FILES = 8  # per thread: the twin's file(s), a few more when twins are switched
_INTS = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def geometry_from_blob(blob: Optional[bytes]) -> Optional[QgsGeometry]:
    """A GeoPackage geometry blob (header + WKB) as a QgsGeometry; None for NULL, empty or not a GeoPackage blob."""
    if not blob or len(blob) < 8 or blob[0] != 0x47 or blob[1] != 0x50:  # b"GP"
        return None
    flags = blob[3]
    envelope = (flags >> 1) & 0x07
    if flags & 0x10 or envelope >= len(_ENVELOPE_BYTES):
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(blob[8 + _ENVELOPE_BYTES[envelope]:]))
    return None if geometry.isNull() else geometry


# --- values as OGR gives them -------------------------------------------------------------------------------------
def _as_int(value: Any) -> Any:
    if value.__class__ is int:
        return value
    if isinstance(value, float):
        return int(value)
    try:  # OGR reads text in an INTEGER column as its leading number, else 0
        return int(str(value).strip())
    except ValueError:
        return 0


def _as_real(value: Any) -> Any:
    if value.__class__ is float:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _as_text(value: Any) -> Any:
    return value if value.__class__ is str else (value.decode("utf-8", "replace") if isinstance(value, bytes)
                                                 else str(value))


def _as_date(value: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_datetime(value: Any) -> Optional[datetime]:
    text_value = str(value).strip().replace(" ", "T")
    if text_value.endswith("Z"):
        text_value = text_value[:-1]
    try:
        parsed = datetime.fromisoformat(text_value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def _as_bool(value: Any) -> Any:
    return bool(value) if isinstance(value, (int, float)) else None


def _converter(qtype: int) -> Optional[Callable[[Any], Any]]:
    if qtype in _INTS:
        return _as_int
    if qtype == QVariant.Double:
        return _as_real
    if qtype == QVariant.Date:
        return _as_date
    if qtype == QVariant.DateTime:
        return _as_datetime
    if qtype == QVariant.Bool:
        return _as_bool
    if qtype == QVariant.String:
        return _as_text
    return None


class LiteFeature:
    """A feature read here: what the engine uses of a QgsFeature (id, attributes in the layer's field order,
    geometry decoded when first asked for)."""

    __slots__ = ("_fid", "_attributes", "_blob", "_geometry", "_fields")

    def __init__(self, fid: int, attributes: list, blob: Optional[bytes], fields: QgsFields):
        self._fid, self._attributes, self._blob, self._fields = fid, attributes, blob, fields
        self._geometry: Optional[QgsGeometry] = None

    def id(self) -> int:  # noqa: A003 - the QgsFeature API
        return self._fid

    def attributes(self) -> list:
        return self._attributes

    def fields(self) -> QgsFields:
        return self._fields

    def hasGeometry(self) -> bool:  # noqa: N802 - the QgsFeature API
        return not self.geometry().isNull()

    def geometry(self) -> QgsGeometry:
        if self._geometry is None:
            self._geometry = geometry_from_blob(self._blob) or QgsGeometry()
            self._blob = None
        return self._geometry


def features_from_rows(rows: list, wanted: list[int], converters: tuple, has_blob: bool, fields: QgsFields,
                       feature: type = LiteFeature) -> list[LiteFeature]:
    """Features from SQL rows ``(fid, the wanted fields' values…[, geometry])``: each value at its field's index,
    converted as the field's type asks; fields not wanted stay NULL."""
    width, count = len(wanted), len(converters)
    out = []
    for row in rows:
        attributes = [None] * count
        for slot, i in enumerate(wanted, start=1):
            value = row[slot]
            if value is not None:
                convert = converters[i]
                attributes[i] = convert(value) if convert is not None else value
        out.append(feature(row[0], attributes, row[width + 1] if has_blob else None, fields))
    return out


# --- the reader ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Table:
    """What a query needs to know about a table: its columns in the layer's field order and its R-tree."""

    pk: str
    geometry: Optional[str]
    rtree: Optional[str]
    columns: tuple[Optional[str], ...]  # per layer field: the column (the pk for OGR's fid field), None if absent
    converters: tuple[Optional[Callable[[Any], Any]], ...]


class _Connections(threading.local):
    def __init__(self) -> None:
        self.open: dict[str, tuple[tuple[int, int], sqlite3.Connection]] = {}


_CONNECTIONS = _Connections()
_READERS: dict[tuple, "GpkgReader"] = {}
_READERS_LOCK = threading.Lock()


def _identity(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def connection(path: str, identity: Optional[tuple[int, int]] = None) -> sqlite3.Connection:
    """This thread's read-only connection to ``path`` (a new one when the file was replaced: ``identity``, the
    file's device and inode, when the caller has just looked)."""
    identity = identity or _identity(path)
    known = _CONNECTIONS.open.get(path)
    if known is not None and known[0] == identity:
        return known[1]
    if known is not None:
        known[1].close()
        del _CONNECTIONS.open[path]
    while len(_CONNECTIONS.open) >= MAX_OPEN_FILES:  # the oldest first (dicts keep insertion order)
        _CONNECTIONS.open.pop(next(iter(_CONNECTIONS.open)))[1].close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2.0, isolation_level=None,
                           check_same_thread=True)
    _CONNECTIONS.open[path] = (identity, conn)
    return conn


def _describe(conn: sqlite3.Connection, table: str, fields: QgsFields) -> Optional[_Table]:
    info = conn.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
    if not info:
        return None
    pk = next((row[1] for row in info if row[5]), None)
    names = {row[1] for row in info}
    found = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    geometry = found[0] if found else None
    rtree = None
    if geometry:
        candidate = f"rtree_{table}_{geometry}"
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (candidate,)).fetchone():
            rtree = candidate
    columns, converters = [], []
    for i in range(fields.count()):
        name = fields.at(i).name()
        column = name if name in names and name != geometry else (pk if name == "fid" else None)
        if column is None or pk is None:
            return None  # a field the table does not hold: read through QGIS, which knows where it comes from
        columns.append(column)
        converters.append(_converter(fields.at(i).type()))
    return _Table(pk, geometry, rtree, tuple(columns), tuple(converters))


class GpkgReader:
    """Reads one GeoPackage table for a layer with ``fields`` (the layer's, in its order)."""

    def __init__(self, path: str, table: str, fields: QgsFields, identity: tuple[int, int]):
        self.path, self.table, self.fields, self.identity = path, table, fields, identity
        self._statements: dict[tuple, tuple[str, list[int]]] = {}
        try:
            self._shape = _describe(connection(path, identity), table, fields)
        except (OSError, sqlite3.Error) as exc:
            LOG.info(f"{path}: {table} is read through QGIS ({exc})")
            self._shape = None

    @property
    def usable(self) -> bool:
        return self._shape is not None

    @property
    def shape(self) -> Optional[_Table]:
        """The table as described (primary key, geometry column, R-tree, column and converter per field)."""
        return self._shape

    def is_current(self) -> bool:
        """The file is still the one this reader described (not replaced since)."""
        try:
            return _identity(self.path) == self.identity
        except OSError:
            return False

    def _statement(self, query: Query, shape: _Table) -> tuple[str, list[int]]:
        if query.attributes is None:
            wanted = list(range(len(shape.columns)))
        else:
            names = set(query.attributes)
            wanted = [i for i in range(len(shape.columns)) if self.fields.at(i).name() in names]
        select = [_quoted(shape.pk)] + [_quoted(shape.columns[i]) for i in wanted]
        if query.geometry and shape.geometry:
            select.append(_quoted(shape.geometry))
        where = []
        if query.rect is not None:
            if shape.rtree is None:
                raise LookupError("no spatial index")
            rtree = f"SELECT id FROM {_quoted(shape.rtree)} WHERE "  # noqa: S608 - names from the file's schema
            where.append(f"{_quoted(shape.pk)} IN ({rtree}minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)")
        if query.equals is not None:
            where.append(f"{_quoted(query.equals[0])} = ?")
        for c in query.where:
            column = _quoted(c.field)
            marks = ", ".join("?" for _ in c.values)
            where.append({"eq": f"{column} = ?", "ne": f"({column} IS NULL OR {column} <> ?)",
                          "in": f"{column} IN ({marks})"}.get(c.op, f"({column} IS NULL OR {column} NOT IN ({marks}))"))
        if query.fids is not None:
            where.append(_quoted(shape.pk) + " IN (SELECT value FROM json_each(?))")  # noqa: S608
        sql = f"SELECT {', '.join(select)} FROM {_quoted(self.table)}"  # noqa: S608 - names from the file's schema
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {_quoted(shape.pk)}"
        return (sql + " LIMIT ?" if query.limit is not None else sql), wanted

    def read(self, query: Query) -> list[LiteFeature]:
        """The features ``query`` asks for, in fid order. Raises sqlite3.Error / LookupError when it cannot."""
        shape = self._shape
        if shape is None:
            raise LookupError("not a plain GeoPackage table")
        key = query.shape()
        if key not in self._statements:
            self._statements[key] = self._statement(query, shape)
        sql, wanted = self._statements[key]
        params: list[Any] = []
        if query.rect is not None:
            r = query.rect
            params += [r.xMaximum(), r.xMinimum(), r.yMaximum(), r.yMinimum()]
        if query.equals is not None:
            params.append(_bindable(query.equals[1]))
        for c in query.where:
            params += [_bindable(v) for v in c.values]
        if query.fids is not None:
            params.append("[" + ",".join(str(int(f)) for f in query.fids) + "]")
        if query.limit is not None:
            params.append(int(query.limit))
        rows = connection(self.path, self.identity).execute(sql, params).fetchall()
        return features_from_rows(rows, wanted, shape.converters, query.geometry and shape.geometry is not None,
                                  self.fields)


def _bindable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def reader_for_layer(layer: QgsVectorLayer, fields: QgsFields) -> Optional[GpkgReader]:
    """A direct reader for ``layer`` when it reads exactly what the layer shows, else None (see the module doc).
    One reader per file, table and fields, made again when the file is replaced."""
    plain = plain_gpkg_table(layer)
    if plain is None:
        return None
    path, table = plain
    try:
        identity = _identity(path)
    except OSError:
        return None
    key = (path, table, identity, tuple(fields.names()))
    reader = _READERS.get(key)
    if reader is None:
        if any(fields.fieldOrigin(i) != QgsFields.FieldOrigin.OriginProvider for i in range(fields.count())):
            return None
        reader = GpkgReader(path, table, fields, identity)
        with _READERS_LOCK:
            if len(_READERS) > 256:
                _READERS.clear()
            _READERS[key] = reader
    return reader if reader.usable else None
