"""GeoPackage tables of the board read straight through SQLite (see ``identify/gpkg_reader``): a catalog layer's
table, columns and converters (values typed as QGIS's OGR provider gives them), its R-tree, rows by feature id,
and the file's change stamp. Used only where the layer shows the table as stored (a plain ``ogr`` GeoPackage
layer) and is already in the metric CRS; everything else is read through QGIS (:mod:`.reader`)."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from qgis.core import QgsGeometry

from ..identify.gpkg_reader import GpkgReader, connection, geometry_from_blob
from ..identify.handles import LayerHandle, Metric

Converter = Optional[Callable[[Any], Any]]


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class StoredTable:
    """One layer's GeoPackage table: file, table, primary key, geometry column and R-tree (None: attributes
    only), and the column and converter of each layer field."""

    path: str
    table: str
    pk: str
    geometry: Optional[str]
    rtree: Optional[str]
    columns: dict[str, str]
    converters: dict[str, Converter]

    @classmethod
    def of(cls, handle: Optional[LayerHandle], metric: Metric, spatial: bool = True) -> Optional["StoredTable"]:
        """The table behind ``handle`` when it may be read directly (``spatial``: with an R-tree, in the metric
        CRS), else None (a PostGIS layer's reader is not a GeoPackage's)."""
        reader = handle.reader if handle is not None else None
        if not isinstance(reader, GpkgReader) or not reader.usable or not reader.is_current():
            return None
        shape = reader.shape
        if shape is None or (spatial and (shape.rtree is None or metric.transform(handle.crs) is not None)):
            return None
        names = handle.field_names
        return cls(reader.path, reader.table, shape.pk, shape.geometry, shape.rtree,
                   {n: shape.columns[i] for i, n in enumerate(names)},
                   {n: shape.converters[i] for i, n in enumerate(names)})

    def conn(self) -> sqlite3.Connection:
        return connection(self.path)

    def select(self, names: Sequence[str], geometry: bool = False, where: str = "") -> str:
        """``SELECT pk, <names>[, geometry] FROM table [WHERE …]`` (names are the layer's fields)."""
        cols = [quoted(self.pk)] + [quoted(self.columns[n]) for n in names]
        if geometry:
            cols.append(quoted(self.geometry or ""))
        sql = f"SELECT {', '.join(cols)} FROM {quoted(self.table)}"  # noqa: S608 - names from the file's schema
        return sql + (f" WHERE {where}" if where else "")

    def rows(self, names: Sequence[str], geometry: bool = False, where: str = "",
             params: Sequence[Any] = ()) -> Iterator[tuple[int, dict[str, Any], Optional[bytes]]]:
        """(fid, {field: value as QGIS gives it, None for NULL}, geometry blob or None) per row."""
        converters = [self.converters[n] for n in names]
        width = len(names)
        for row in self.conn().execute(self.select(names, geometry, where), list(params)):
            values = {}
            for i, name in enumerate(names):
                raw = row[i + 1]
                convert = converters[i]
                values[name] = None if raw is None else (convert(raw) if convert is not None else raw)
            yield row[0], values, (row[width + 1] if geometry else None)

    def by_fids(self, fids: Iterable[int], names: Sequence[str], geometry: bool = False):
        """:meth:`rows` of these feature ids (one bound statement)."""
        ids = json.dumps(sorted({int(f) for f in fids}))
        where = f"{quoted(self.pk)} IN (SELECT value FROM json_each(?))"  # noqa: S608 - the key from the schema
        return self.rows(names, geometry, where, (ids,))

    def geometry_of(self, fid: int):
        """The feature's geometry (metric: the table is), None when it has none."""
        if self.geometry is None:
            return None
        sql = f"SELECT {quoted(self.geometry)} FROM {quoted(self.table)} WHERE {quoted(self.pk)} = ?"  # noqa: S608
        found = self.conn().execute(sql, (int(fid),)).fetchone()
        return geometry_from_blob(found[0]) if found else None


def table_stamp(table: StoredTable, names: Sequence[str], geometry: bool = False) -> tuple:
    """What changes when the rows the caller reads from ``table`` change: the row count, the largest key and the
    sum of a CRC-32 of each row's key, ``names``' columns and (``geometry``) geometry blob — one SQL pass.

    Why a checksum over the read columns rather than ``gpkg_contents.last_change`` or triggers:
    ``last_change`` is set by OGR/QGIS but not by plain SQL writers (``sqlite3``, ``ogr`` ``ExecuteSQL`` on some
    GDAL versions), so an edit could be missed; triggers would have to be installed in the user's twin (a write
    a read-only planner cannot make, and a schema change to every existing twin). A content checksum needs
    nothing in the twin, sees every writer, ignores writes to other tables (a note, an inspection) and to
    columns the reader does not use, and is the same query on PostGIS (``sum(hashtext(…))``). It costs one scan
    of the table (≈0.3 s per 10^5 segments with geometry), paid only after the file's :func:`file_stamp`
    changed."""
    cols = [quoted(table.pk)] + [quoted(table.columns[n]) for n in names]
    if geometry and table.geometry:
        cols.append(quoted(table.geometry))
    conn = table.conn()
    conn.create_function("digiresan_crc", -1, _row_crc, deterministic=True)
    sql = (f"SELECT count(*), max({quoted(table.pk)}), sum(digiresan_crc({', '.join(cols)})) "  # noqa: S608
           f"FROM {quoted(table.table)}")
    return (table.table,) + tuple(conn.execute(sql).fetchone())


def _row_crc(*values: Any) -> int:
    crc = 0
    for value in values:
        crc = zlib.crc32(value if isinstance(value, bytes) else repr(value).encode(), crc)
    return crc


def file_stamp(path: str) -> tuple:
    """What changes when the file is written: device, inode, size and modification time of the file and its WAL,
    and SQLite's file change counter (header bytes 24–27, bumped by every committed write transaction)."""
    stat = os.stat(path)
    parts: list[Any] = [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]
    with open(path, "rb") as handle:
        handle.seek(24)
        parts.append(handle.read(4))
    try:
        wal = os.stat(path + "-wal")
        parts += [wal.st_size, wal.st_mtime_ns]
    except OSError:
        parts += [None, None]
    return tuple(parts)


def last_changes(tables: Sequence[Optional[StoredTable]]) -> Optional[tuple]:
    """The tables' ``gpkg_contents.last_change`` (in the first one's file; None: not readable)."""
    names = sorted({t.table for t in tables if t is not None})
    first = next((t for t in tables if t is not None), None)
    if first is None:
        return None
    marks = ", ".join("?" for _ in names)
    try:
        return tuple(first.conn().execute(
            f"SELECT table_name, last_change FROM gpkg_contents WHERE table_name IN ({marks}) "  # noqa: S608
            "ORDER BY table_name", names).fetchall())
    except sqlite3.Error:
        return None


class StoredGeometries(Mapping):
    """Metric geometries by key, read from the table when first asked for (``fid_of`` gives a key's feature)."""

    def __init__(self, table: StoredTable, fid_of: Callable[[str], Optional[int]]):
        self.table, self.fid_of = table, fid_of
        self._memo: dict[str, Optional[QgsGeometry]] = {}

    def _get(self, key: str) -> Optional[QgsGeometry]:
        if key not in self._memo:
            fid = self.fid_of(key)
            self._memo[key] = self.table.geometry_of(fid) if fid is not None else None
        return self._memo[key]

    def __getitem__(self, key: str) -> QgsGeometry:
        found = self._get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, v in self._memo.items() if v is not None])

    def __len__(self) -> int:
        return sum(1 for v in self._memo.values() if v is not None)
