"""Stored values the twin cannot read, found where OGR would hide them.

SQLite keeps whatever it is given: ``'fast'`` in an INTEGER column, ``'2024-13-45'`` in a DATE column. OGR then
reads 0 and NULL, and a card would say "0 km/h" or drop a coordination warning without a word. For GeoPackage
layers this module reads the stored values of the few features a card uses straight from the file (read-only,
by primary key) and names those that do not fit the declared type. A database (PostGIS) enforces its types, so
its layers need no check.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Optional

from .gpkg_reader import connection

_INTEGER = ("INT", "BOOLEAN")
_REAL = ("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL")


@dataclass(frozen=True)
class Unreadable:
    """One stored value that does not fit its column: ``expected`` is 'integer', 'number', 'date' or 'datetime'."""

    fid: int
    field: str
    raw: str
    expected: str


def _expected(declared: str) -> Optional[str]:
    declared = (declared or "").upper()
    if declared == "DATE":
        return "date"
    if declared == "DATETIME":
        return "datetime"
    if any(t in declared for t in _INTEGER):
        return "integer"
    if any(t in declared for t in _REAL):
        return "number"
    return None


def _fits(value: object, expected: str) -> bool:
    if value is None:
        return True
    if expected == "integer":
        return isinstance(value, int)
    if expected == "number":
        return isinstance(value, (int, float))
    if not isinstance(value, str):
        return False
    try:
        if expected == "date":
            date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def unreadable_values(path: str, table: str, fids: Iterable[int], fields: Iterable[str]) -> list[Unreadable]:
    """The values of ``fields`` of features ``fids`` in GeoPackage ``path`` that do not fit their declared type.
    Nothing when the file cannot be read here (the provider reports that itself)."""
    fids = sorted({int(f) for f in fids if f is not None and int(f) >= 0})
    if not fids:
        return []
    try:
        conn = connection(path)  # this thread's read-only connection, shared with the engine's reader
    except (sqlite3.Error, OSError):
        return []
    try:
        columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()  # noqa: S608 - a catalog table name
        pk = next((c[1] for c in columns if c[5]), None)
        checked = {c[1]: _expected(c[2]) for c in columns if c[1] in set(fields) and _expected(c[2])}
        if pk is None or not checked:
            return []
        names = list(checked)
        select = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in fids)
        rows = conn.execute(f'SELECT "{pk}", {select} FROM "{table}" WHERE "{pk}" IN ({marks})',  # noqa: S608
                            fids).fetchall()
    except sqlite3.Error:
        return []
    found = []
    for row in rows:
        for name, value in zip(names, row[1:]):
            if not _fits(value, checked[name]):
                found.append(Unreadable(int(row[0]), name, str(value), checked[name]))
    return found


def gpkg_path(layer_source: str, provider: str) -> Optional[str]:
    """The GeoPackage file of an ogr layer source (None for anything else)."""
    if provider != "ogr":
        return None
    path = layer_source.split("|")[0]
    return path if path.lower().endswith(".gpkg") else None


__all__ = ["Unreadable", "gpkg_path", "unreadable_values"]
