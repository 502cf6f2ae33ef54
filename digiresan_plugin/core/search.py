"""Find twin features by text (street name, property designation, permit id, ...) for the locator.

Built on the main thread from the project's layers, then searched on any thread. A GeoPackage table is searched
by bound SQL (``LIKE`` prefilters in the database, the exact case-insensitive match is checked on the few rows it
lets through); other providers through a QGIS request whose filter the provider compiles. Results are in Swedish
natural order (``core/collation``), those starting with the text first. The catalog's ``search.streets`` street
name hits list the street's segments under it, each named by its cross streets (``core/cross_streets``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeatureRequest,
    QgsFields,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtCore import QVariant

from .catalog import Catalog, LayerSpec
from .collation import sort_key
from .cross_streets import CrossStreets, for_layer, streets_spec
from .identify.gpkg_reader import connection
from .layers import plain_gpkg_table
from .log import get_logger
from .read_faults import features_or_fault

LOG = get_logger(__name__)
STREETS_WITH_SEGMENTS = 3  # at most this many matching streets are listed with their segments
MAX_ROWS = 20000  # rows one field's search reads at most (a two-letter text in a big twin)


@dataclass
class SearchHit:
    """One result: all features of one layer sharing a display text (e.g. every segment of a street), or one
    segment of a street (``kind`` "segment", ``text`` its cross streets)."""

    layer_id: str
    layer_title: str
    text: str
    field: str
    fids: list[int]
    extent: QgsRectangle
    crs: QgsCoordinateReferenceSystem
    kind: str = "value"  # "value", "street" (a street name: all its segments) or "segment"
    description: str = ""


@dataclass
class _Target:
    spec: LayerSpec
    title: str
    source: QgsVectorLayerFeatureSource
    crs: QgsCoordinateReferenceSystem
    all_fields: QgsFields
    fields: list[str]
    gpkg: Optional[tuple[str, str]] = None  # (file, table) searched by SQL
    sql: dict[str, Optional[str]] = field(default_factory=dict)  # field -> statement (None: through QGIS)


def like_pattern(text: str) -> str:
    """A ``LIKE … ESCAPE '\\'`` pattern that lets through every value containing ``text`` case-insensitively:
    SQLite folds ASCII only, so each other character matches any one character (checked exactly afterwards)."""
    out = []
    for char in text:
        if char in "%_\\":
            out.append("\\" + char)
        else:
            out.append(char if ord(char) < 128 else "_")
    return "%" + "".join(out) + "%"


class TwinSearch:
    """Case-insensitive substring search over the catalog's ``search_fields``."""

    def __init__(self, catalog: Catalog, layer_for: Callable[[str], Optional[QgsVectorLayer]], language: str = "en"):
        self._targets: list[_Target] = []
        for spec in catalog.searchable_layers():
            layer = layer_for(spec.id)
            if layer is None or not layer.isValid():
                continue
            names = [f for f in spec.search_fields if layer.fields().indexFromName(f) >= 0]
            if names:
                self._targets.append(_Target(
                    spec, spec.title.text(language), QgsVectorLayerFeatureSource(layer), layer.crs(),
                    QgsFields(layer.fields()), names, plain_gpkg_table(layer)))
        streets = streets_spec(catalog)
        self._streets: Optional[tuple[str, str, CrossStreets]] = None
        if streets is not None:
            cross = for_layer(streets, catalog.layer(streets.layer), layer_for(streets.layer))
            if cross is not None:
                self._streets = (streets.layer, streets.name_field, cross)

    def search(self, text: str, limit: int = 30, is_canceled: Callable[[], bool] = lambda: False) -> list[SearchHit]:
        """Hits for ``text`` (at least 2 characters), grouped by layer and matching value; a street's segments
        follow the street (not counted in ``limit``)."""
        text = text.strip()
        if len(text) < 2:
            return []
        hits: list[SearchHit] = []
        streets: set[str] = set()  # the streets found by name: their segments are not listed again by id
        found = 0
        for target in self._targets:
            for name in target.fields:
                if is_canceled() or found >= limit:
                    return hits
                field_hits = self._search_field(target, name, text, limit - found, is_canceled)
                field_hits = self._with_places(target, name, field_hits, streets)
                found += sum(1 for h in field_hits if h.kind != "segment")
                hits.extend(field_hits)
        return hits

    def _with_places(self, target: _Target, name: str, hits: list[SearchHit], streets: set[str]) -> list[SearchHit]:
        """Street name hits followed by their segments; a segment found by another field (its id) described by
        its place, or left out when its street is listed."""
        if self._streets is None or target.spec.id != self._streets[0]:
            return hits
        _layer, street_field, cross = self._streets
        out: list[SearchHit] = []
        if name == street_field:
            for hit in hits:
                hit.kind = "street"
                streets.add(hit.text)
                out.append(hit)
                if len(hits) > STREETS_WITH_SEGMENTS:
                    continue
                for place in cross.along(hit.text):
                    out.append(SearchHit(target.spec.id, target.title, place.label(), street_field, [place.fid],
                                         place.rectangle(), target.crs, "segment", place.key))
            return out
        for hit in hits:
            street = cross.street_of(hit.fids[0]) if len(hit.fids) == 1 else None
            if street is not None and street in streets:
                continue
            if street is not None:
                place = cross.place(hit.fids[0], street)
                hit.description = place.label() if place is not None else street
            out.append(hit)
        return out

    def _search_field(self, target: _Target, name: str, text: str, limit: int,
                      is_canceled: Callable[[], bool]) -> list[SearchHit]:
        rows = self._sql_rows(target, name, text) if target.gpkg else None
        if rows is None:
            rows = self._qgis_rows(target, name, text)
        needle = text.casefold()
        grouped: dict[str, SearchHit] = {}
        for fid, value, box in rows:
            if is_canceled():
                break
            value = str(value)
            if needle not in value.casefold():
                continue
            hit = grouped.get(value)
            if hit is None:
                if len(grouped) >= limit:
                    break
                grouped[value] = SearchHit(target.spec.id, target.title, value, name, [fid], QgsRectangle(box),
                                           target.crs)
            else:
                hit.fids.append(fid)
                hit.extent.combineExtentWith(box)
        return sorted(grouped.values(), key=lambda h: (not h.text.casefold().startswith(needle), sort_key(h.text)))

    @staticmethod
    def _sql_rows(target: _Target, name: str, text: str) -> Optional[list[tuple[int, object, QgsRectangle]]]:
        """(fid, value, bounding box) of the rows whose value may contain ``text``, by SQL; None: use QGIS."""
        path, table = target.gpkg
        try:
            conn = connection(path)
            if name not in target.sql:
                target.sql[name] = _statement(conn, table, name)
            sql = target.sql[name]
            if sql is None:
                return None
            rows = conn.execute(sql, (like_pattern(text), MAX_ROWS)).fetchall()
        except (OSError, sqlite3.Error) as exc:
            LOG.info(f"{path}: {table} searched through QGIS ({exc})")
            target.gpkg = None
            return None
        return [(fid, value, QgsRectangle() if x0 is None else QgsRectangle(x0, y0, x1, y1))
                for fid, value, x0, y0, x1, y1 in rows]

    @staticmethod
    def _qgis_rows(target: _Target, name: str, text: str) -> list[tuple[int, object, QgsRectangle]]:
        index = target.all_fields.indexFromName(name)
        column = QgsExpression.quotedColumnRef(name)
        if target.all_fields.at(index).type() != QVariant.String:
            column = f"to_string({column})"
        pattern = QgsExpression.quotedString("%" + text.replace("%", "\\%").replace("_", "\\_") + "%")
        request = QgsFeatureRequest().setFilterExpression(f"{column} ILIKE {pattern}")
        request.setSubsetOfAttributes([name], target.all_fields)
        return [(f.id(), f[name], f.geometry().boundingBox() if f.hasGeometry() else QgsRectangle())
                for f in features_or_fault(target.source, request, name)]


def _statement(conn: sqlite3.Connection, table: str, name: str) -> Optional[str]:
    """The search statement for column ``name`` of ``table`` (its R-tree for the boxes), or None."""
    info = conn.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
    pk = next((row[1] for row in info if row[5]), None)
    if pk is None or name not in {row[1] for row in info}:
        return None
    found = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    rtree = f"rtree_{table}_{found[0]}" if found else None
    if rtree and not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
        rtree = None
    t, column, key = _quoted(table), _quoted(name), _quoted(pk)
    boxes = "r.minx, r.miny, r.maxx, r.maxy" if rtree else "NULL, NULL, NULL, NULL"
    join = f" LEFT JOIN {_quoted(rtree)} AS r ON r.id = t.{key}" if rtree else ""
    return (f"SELECT t.{key}, t.{column}, {boxes} FROM {t} AS t{join} "  # noqa: S608 - names from the schema
            f"WHERE CAST(t.{column} AS TEXT) LIKE ? ESCAPE '\\' ORDER BY t.{key} LIMIT ?")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def natural_key(text: str) -> tuple:
    """Sort key with numbers by value: "Hjorten 1", "Hjorten 3", "Hjorten 10" (Swedish order, see collation)."""
    return sort_key(text)
