"""The twin table a row is linked to, read when a row first needs it: ``rows(names, geometry)`` gives
(fid, values by name, WKB or None). A GeoPackage twin is read through the import's own SQLite connection (inside
its transaction: a second connection could not read once the write holds the file); PostGIS through GDAL.
"""
# ruff: noqa: S608 - the table and column names are the twin's own (quoted); nothing else enters the SQL

from __future__ import annotations

import sqlite3
from typing import Any, Callable, Iterator, Optional

from osgeo import gdal

from .gpkg_writer import blob_wkb, q

LinkRows = Callable[[list[str], bool], Iterator[tuple[int, dict[str, Any], Optional[bytes]]]]


def ogr_rows(ds: gdal.Dataset, table: str) -> LinkRows:
    """The table through GDAL (only the named fields read; the geometry only when asked for)."""
    def rows(names: list[str], geometry: bool) -> Iterator[tuple[int, dict[str, Any], Optional[bytes]]]:
        layer = ds.GetLayerByName(table)
        defn = layer.GetLayerDefn()
        present = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        layer.SetIgnoredFields([n for n in present if n not in names] + ([] if geometry else ["OGR_GEOMETRY"]))
        layer.ResetReading()
        try:
            for feature in layer:
                geom = feature.GetGeometryRef() if geometry else None
                yield (feature.GetFID(), {n: feature.GetField(n) for n in names},
                       bytes(geom.ExportToIsoWkb()) if geom is not None else None)
        finally:
            layer.SetIgnoredFields([])
            layer.ResetReading()
    return rows


def gpkg_rows(conn: sqlite3.Connection, table: str) -> LinkRows:
    """The table of a GeoPackage through ``conn`` (the geometry as WKB out of the GeoPackage blob)."""
    info = conn.execute(f"PRAGMA table_info({q(table)})").fetchall()
    pk = next((row[1] for row in info if row[5] == 1), "fid")
    found = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                         (table,)).fetchone()
    geom = found[0] if found else None

    def rows(names: list[str], geometry: bool) -> Iterator[tuple[int, dict[str, Any], Optional[bytes]]]:
        spatial = geometry and geom is not None
        columns = ", ".join([q(pk)] + [q(n) for n in names] + ([q(geom)] if spatial else []))
        for record in conn.execute(f"SELECT {columns} FROM {q(table)} ORDER BY {q(pk)}"):
            yield (record[0], dict(zip(names, record[1:1 + len(names)])),
                   blob_wkb(record[-1]) if spatial else None)
    return rows
