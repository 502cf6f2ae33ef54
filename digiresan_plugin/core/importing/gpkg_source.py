"""Read a source GeoPackage table straight through SQLite, streamed in file (fid) order: the values as stored and
the geometry as WKB (taken out of the GeoPackage blob, no geometry object made). Used for the plain case — one
table, no subset — with exactly the fields QGIS lists; anything else is read through QGIS (:mod:`.source`).
"""
# ruff: noqa: S608 - the table and column names are the file's own (quoted); nothing else enters the SQL

from __future__ import annotations

import sqlite3
from typing import Any, Callable, Iterator, Optional

from qgis.core import QgsProviderRegistry, QgsVectorLayer

from .gpkg_writer import blob_wkb, q

FETCH = 2000


class GpkgTable:
    """One feature table of a GeoPackage file (opened read-only for each pass)."""

    def __init__(self, path: str, table: str, geometry: str):
        self.path, self.table, self.geometry = path, table, geometry

    def rows(self, names: list[str], make: Callable[..., Any] = lambda *row: row) -> Iterator[Any]:
        """``make(row number from 1, values by field name, None, None, the geometry as WKB)`` in stored order
        (a :class:`.source.SourceRow` made here: no tuple in between)."""
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            columns = ", ".join([q(n) for n in names] + [q(self.geometry)])
            cursor = conn.execute(f"SELECT {columns} FROM {q(self.table)} ORDER BY rowid")
            number = 0
            while True:
                batch = cursor.fetchmany(FETCH)
                if not batch:
                    break
                for record in batch:
                    number += 1
                    yield make(number, dict(zip(names, record)), None, None, blob_wkb(record[-1]))
        finally:
            conn.close()


def gpkg_table(text: str, layer: QgsVectorLayer) -> Optional[GpkgTable]:
    """The fast reader for the layer QGIS opened from ``text``, or None when it must be read through QGIS."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if parts.get("subset") or not layer.isSpatial():
        return None
    path = parts.get("path") or text.split("|")[0]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = conn.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall()
        wanted = parts.get("layerName") or ""
        found = [t for t in tables if t[0].lower() == wanted.lower()] if wanted else tables
        if len(found) != 1:
            return None
        table, geometry = found[0]
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({q(table)})")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if not set(layer.fields().names()) <= columns or geometry not in columns:
        return None
    return GpkgTable(path, table, geometry)
