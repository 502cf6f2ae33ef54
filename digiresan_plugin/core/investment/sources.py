"""Rows of the twin layers the model reads, as plain Python values, safe off the main thread.

:func:`layer_inputs` (main thread) snapshots each layer as a ``QgsVectorLayerFeatureSource`` plus what the
readers need (fields, CRS, the GeoPackage file when there is one). :func:`read_rows` then reads named fields
from a snapshot in any thread: straight from the GeoPackage's SQLite table when the layer is a plain GeoPackage
table without a filter (one ``SELECT``, the fast path), else through QGIS's feature iterator (PostGIS, filtered
layers). Dates come back as Julian day numbers (``int``), NULL as ``None``.
"""

# ruff: noqa: S608 - table and column names are quoted identifiers checked against the layer's own fields

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, Iterator, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeatureRequest,
    QgsFields,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..identify.gpkg_reader import connection
from ..layers import plain_gpkg_table
from ..rule_sql import q
from ..tr import tr

BATCH = 16_384  # rows converted at a time: the Python objects of one batch are the read's only temporaries
JD_OFFSET = 1721425  # date.toordinal() + JD_OFFSET = Julian day number (QDate.toJulianDay)


class SourceError(ValueError):
    """A layer the model needs is missing or lacks a field: names the layer and the field."""


@dataclass
class LayerInput:
    """A layer's snapshot and what the readers need; made on the main thread."""

    layer_id: str
    source: QgsVectorLayerFeatureSource
    fields: QgsFields
    crs: QgsCoordinateReferenceSystem
    gpkg: Optional[Path] = None  # the GeoPackage file when the layer is a whole table of one
    table: Optional[str] = None
    expression: Optional[str] = None  # read only these features (QGIS path; e.g. one segment for its card)
    rect: Optional[QgsRectangle] = None  # …or only those in this rectangle (layer CRS)
    key: Optional[tuple[str, Any]] = None  # …or only the rows whose field equals the value (both paths)

    def only(self, expression: Optional[str] = None, rect: Optional[QgsRectangle] = None) -> "LayerInput":
        """This layer restricted to the features matching ``expression`` / meeting ``rect`` (no fast path)."""
        return replace(self, gpkg=None, table=None, expression=expression, rect=rect, key=None)

    def only_key(self, field: str, value: Any) -> "LayerInput":
        """This layer restricted to the rows whose ``field`` equals ``value``: a bound ``WHERE`` on the fast path
        (e.g. one segment and its inspections for its card), the same expression through QGIS."""
        if not self.has_field(field):
            raise SourceError(tr("Layer '{layer_id}' has no field '{name}'").format(layer_id=self.layer_id,
                                                                                    name=field))
        return replace(self, expression=QgsExpression.createFieldEqualityExpression(field, value), key=(field, value))

    def key_sql(self, alias: str = "") -> tuple[list[str], tuple]:
        """The SQL condition and parameter of :attr:`key` (none without one)."""
        if self.key is None:
            return [], ()
        return [f"{alias}{q(self.key[0])} = ?"], (self.key[1],)

    def has_field(self, name: str) -> bool:
        return self.fields.indexOf(name) >= 0

    def require(self, names: dict[str, str], what: str) -> None:
        for role, name in names.items():
            if not self.has_field(name):
                raise SourceError(
                    tr("Layer '{layer_id}' has no field '{name}' ({what} {role})").format(
                        layer_id=self.layer_id, name=name, what=what, role=role
                    )
                )


class Reading:
    """The SQLite connection of one read: this thread's kept read-only connection to the file for a keyed read (a
    card's few rows: opening the file and parsing its schema would cost more than the read), else its own."""

    def __init__(self, layer: LayerInput) -> None:
        self.kept = layer.key is not None
        self.conn = connection(str(layer.gpkg)) if self.kept else sqlite3.connect(f"file:{layer.gpkg}?mode=ro",
                                                                                 uri=True)
        self.cursor: Optional[sqlite3.Cursor] = None

    def execute(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        """A statement; the one before it ends (read it first)."""
        if self.cursor is not None:
            self.cursor.close()
        self.cursor = self.conn.execute(sql, params)
        return self.cursor

    def close(self) -> None:
        if self.kept:
            if self.cursor is not None:
                self.cursor.close()  # the statement ends: no read transaction left open on the kept connection
        else:
            self.conn.close()


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def layer_inputs(layers: dict[str, QgsVectorLayer]) -> dict[str, LayerInput]:
    """Snapshots of ``layers`` (layer id → layer); call on the main thread."""
    out = {}
    for layer_id, layer in layers.items():
        if layer is None or not layer.isValid():
            continue
        plain = plain_gpkg_table(layer)  # a whole GeoPackage table: read by SQLite, the fast path
        gpkg, table = (Path(plain[0]), plain[1]) if plain and Path(plain[0]).is_file() else (None, None)
        out[layer_id] = LayerInput(layer_id, QgsVectorLayerFeatureSource(layer), layer.fields(), layer.crs(),
                                   gpkg, table)
    return out


def julian(value: Any) -> Optional[int]:
    """A date value (QDate, QDateTime, date, 'YYYY-MM-DD…' text) as a Julian day number; None when empty."""
    if value is None:
        return None
    if isinstance(value, QDate):
        return value.toJulianDay() if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.date().toJulianDay() if value.isValid() else None
    if isinstance(value, datetime):
        return value.date().toordinal() + JD_OFFSET
    if isinstance(value, date):
        return value.toordinal() + JD_OFFSET
    text = str(value).strip()
    if len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10]).toordinal() + JD_OFFSET
    except ValueError:
        return None


def _plain(value: Any) -> Any:
    if value is None:
        return None
    cls = value.__class__
    if cls is str or cls is int or cls is float:
        return value
    if isinstance(value, (QDate, QDateTime)):
        return julian(value)
    try:
        if value.isNull():  # QVariant NULL
            return None
    except AttributeError:
        pass
    return value


def read_rows(layer: LayerInput, names: list[str], dates: tuple[str, ...] = (),
              geometry: bool = False, fid: bool = False) -> Iterator[tuple]:
    """Tuples of ``names`` (dates as Julian days), the feature id first when ``fid``, the ``QgsGeometry`` last
    when ``geometry``."""
    missing = [n for n in names if not layer.has_field(n)]
    if missing:
        raise SourceError(
            tr("Layer '{layer_id}' has no field '{missing}'").format(layer_id=layer.layer_id, missing=missing[0])
        )
    if layer.gpkg is not None and not geometry:
        try:
            reading, cursor = _sqlite_cursor(layer, names, dates, fid)
        except sqlite3.Error:
            reading = None  # an unusual GeoPackage: QGIS reads it
        if reading is not None:
            try:
                while True:
                    batch = cursor.fetchmany(BATCH)
                    if not batch:
                        return
                    yield from batch
            finally:
                reading.close()
    request = QgsFeatureRequest().setSubsetOfAttributes([layer.fields.indexOf(n) for n in names])
    if not geometry and layer.rect is None:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if layer.expression:
        request.setFilterExpression(layer.expression)
    if layer.rect is not None:
        request.setFilterRect(layer.rect)
    indexes = [layer.fields.indexOf(n) for n in names]
    date_positions = {i for i, n in enumerate(names) if n in dates}
    for feature in layer.source.getFeatures(request):
        attrs = feature.attributes()
        row = [_plain(attrs[i]) for i in indexes]
        for i in date_positions:
            if row[i] is not None and not isinstance(row[i], int):
                row[i] = julian(row[i])
        if fid:
            row.insert(0, feature.id())
        if geometry:
            row.append(feature.geometry())
        yield tuple(row)


def _sqlite_cursor(layer: LayerInput, names: list[str], dates: tuple[str, ...], fid: bool) -> tuple:
    columns = ", ".join(
        f'CAST(julianday(substr("{n}", 1, 10)) + 0.5 AS INTEGER)' if n in dates else f'"{n}"' for n in names)
    reading = Reading(layer)
    try:
        if fid:
            pk = reading.execute("SELECT name FROM pragma_table_info(?) WHERE pk = 1", (layer.table,)).fetchone()
            if pk is None:
                raise sqlite3.OperationalError(tr('no primary key in {table}').format(table=layer.table))
            columns = f'"{pk[0]}", {columns}'
        where, params = layer.key_sql()
        return reading, reading.execute(f'SELECT {columns} FROM "{layer.table}"{_where(where)}', params)
    except sqlite3.Error:
        reading.close()
        raise


class Categories:
    """A text column as small integer codes (-1 = NULL) and its distinct values, filled batch by batch."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.index)

    def __call__(self, values: tuple) -> np.ndarray:
        index = self.index
        out = np.empty(len(values), np.int32)
        for i, v in enumerate(values):
            if v is None:
                out[i] = -1
                continue
            key = v if v.__class__ is str else str(v)
            code = index.get(key)
            if code is None:
                code = index[key] = len(index)
            out[i] = code
        return out


def floats(values: tuple) -> np.ndarray:
    return np.array(values, dtype=np.float64)  # None → NaN


def ints(values: tuple) -> np.ndarray:
    return np.array([0 if v is None else v for v in values], dtype=np.int64)


def texts(values: tuple) -> list:
    return [v if v is None or v.__class__ is str else str(v) for v in values]


def row_count(layer: LayerInput) -> Optional[int]:
    """The number of rows :func:`read_rows` will give (without geometry) when SQLite can say it cheaply; else None."""
    if layer.gpkg is None:
        return None
    try:
        reading = Reading(layer)
    except sqlite3.Error:
        return None
    try:
        where, params = layer.key_sql()
        return int(reading.execute(f'SELECT count(*) FROM "{layer.table}"{_where(where)}', params).fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        reading.close()


def columns_of(rows: Iterator[tuple], converters: list, count: Optional[int] = None,
               dtypes: Optional[list] = None) -> list:
    """The rows' columns, converted batch by batch so memory stays near the columns' own size; a converter
    maps a tuple of values to an array (:func:`floats`, :func:`ints`, :class:`Categories`) or a list
    (:func:`texts`). With ``count`` (the expected number of rows) each array column is written straight into
    its final array (no batch arrays kept to be joined at the end: half the memory), in ``dtypes[i]`` where
    given (a narrower type for values known to fit); byte strings, whose width varies by batch, are joined."""
    parts: list[list] = [[] for _ in converters]
    outs: list = [None] * len(converters)
    filled = 0
    while True:
        batch = list(islice(rows, BATCH))
        if not batch:
            break
        for i, values in enumerate(zip(*batch)):
            converted = converters[i](values)
            if count is None or not isinstance(converted, np.ndarray) or converted.dtype.kind == "S":
                parts[i].append(converted)
                continue
            out = outs[i]
            if out is None:
                out = outs[i] = np.empty(count, (dtypes[i] if dtypes and dtypes[i] else converted.dtype))
            if filled + len(converted) > len(out):  # more rows than counted (a writer in between): grow
                out = outs[i] = np.concatenate([out, np.empty(max(len(out), len(converted)), out.dtype)])
            out[filled:filled + len(converted)] = converted
        filled += len(batch)
        del batch
    result = []
    for p, out in zip(parts, outs):
        if out is not None:
            result.append(out[:filled] if filled < len(out) else out)
        elif p and isinstance(p[0], np.ndarray):
            result.append(np.concatenate(p))
        elif p:
            result.append([v for part in p for v in part])
        else:
            result.append(None)
    return result


def read_children_by_parent(child: LayerInput, parent: LayerInput, child_key: str, parent_key: str,
                            names: list[str], dates: tuple[str, ...] = ()) -> Optional[Iterator[tuple]]:
    """Rows ``(parent feature id, *names)`` of ``child`` joined to ``parent`` by key inside one GeoPackage (no key
    strings reach Python); None when the two are not tables of the same GeoPackage."""
    if child.gpkg is None or parent.gpkg is None or child.gpkg != parent.gpkg:
        return None
    for name in names + [child_key]:
        if not child.has_field(name):
            raise SourceError(tr("Layer '{layer_id}' has no field '{name}'").format(layer_id=child.layer_id, name=name))
    columns = ", ".join(
        f'CAST(julianday(substr(c."{n}", 1, 10)) + 0.5 AS INTEGER)' if n in dates else f'c."{n}"' for n in names)
    try:
        reading = Reading(child)
    except sqlite3.Error:
        return None
    try:
        pk = reading.execute("SELECT name FROM pragma_table_info(?) WHERE pk = 1", (parent.table,)).fetchone()
        if pk is None:
            reading.close()
            return None
        child_where, child_params = child.key_sql("c.")
        parent_where, parent_params = parent.key_sql("p.")
        cursor = reading.execute(f'SELECT p."{pk[0]}", {columns} FROM "{child.table}" c '
                                 f'JOIN "{parent.table}" p ON p."{parent_key}" = c."{child_key}"'
                                 f'{_where(child_where + parent_where)}', child_params + parent_params)
    except sqlite3.Error:
        reading.close()
        return None

    def rows() -> Iterator[tuple]:
        try:
            while True:
                batch = cursor.fetchmany(BATCH)
                if not batch:
                    return
                yield from batch
        finally:
            reading.close()

    return rows()
