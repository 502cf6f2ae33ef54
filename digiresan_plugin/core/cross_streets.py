"""Where a street segment lies: between its cross streets ("Storgatan, Prästgatan–Kyrkgatan").

The catalog's ``search.streets`` key names the line layer whose features are street segments and its street name
field (``touch_m``: how near another street's segment must come to a segment's end to count as crossing there).
A segment's cross streets are the other streets whose segments touch its two ends; a street's segments are listed
in their order along it, each turned so that it starts where the previous one ends.

Read straight from a GeoPackage (bound SQL, the R-tree around each end; answers cached per file until it changes)
or through QGIS for any other provider; no widgets, safe on a worker thread once built on the main thread.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional

from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle, QgsUnitTypes, QgsVectorLayer

from .catalog import Catalog, CatalogError, LayerSpec
from .collation import sort_key
from .identify.handles import LayerHandle, direct_pg_reader
from .layers import plain_gpkg_table
from .log import get_logger
from .read_faults import watch_reads
from .street_rows import Ends, GpkgStreetRows, LayerStreetRows, PgStreetRows, Piece, Point, StreetRows
from .tr import tr

LOG = get_logger(__name__)
MAX_ORDERED = 400  # a street with more segments is listed by key, not walked end to end
MAX_PLACES = 4096  # single segments' places kept per file (the card's titles)
MAX_ORDERS = 256  # streets' orders kept per file (each at most MAX_ORDERED segments' ends)
_CACHE: dict[tuple, "CrossStreets"] = {}  # per file state (path, inode, mtime, size, …): its reader and answers
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class StreetsSpec:
    """The catalog's ``search.streets``: the segments layer, its street name field, the touching distance."""

    layer: str
    name_field: str
    touch_m: float = 1.0


def streets_spec(catalog: Catalog) -> Optional[StreetsSpec]:
    """``search.streets`` of ``catalog`` validated, or None when the catalog declares no streets. A
    ``CatalogError`` in the UI language names the file, the key, the layer and the field."""
    search = catalog.extra.get("search")
    if search is None:
        return None
    if not isinstance(search, dict):
        raise CatalogError(catalog.path, "search", tr("an object"))
    raw = search.get("streets")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise CatalogError(catalog.path, "search.streets", tr("an object with 'layer' and 'name_field'"))
    layer, name = raw.get("layer"), raw.get("name_field")
    specs = {s.id: s for s in catalog.layers}
    lines = [s.id for s in catalog.layers if "LineString" in (s.geometry or "")]
    if not isinstance(layer, str) or layer not in lines:
        found = specs.get(layer) if isinstance(layer, str) else None
        if found is None:
            expected = tr("the id of a line layer, one of {ids}, got {layer}").format(
                ids=", ".join(lines), layer=_shown(layer))
        elif found.geometry:
            expected = tr("the id of a line layer, one of {ids}: layer '{layer}' has geometry {geometry}").format(
                ids=", ".join(lines), layer=layer, geometry=found.geometry)
        else:
            expected = tr("the id of a line layer, one of {ids}: layer '{layer}' has no geometry").format(
                ids=", ".join(lines), layer=layer)
        raise CatalogError(catalog.path, "search.streets.layer", expected)
    if not isinstance(name, str) or not name:
        raise CatalogError(catalog.path, "search.streets.name_field",
                           tr("the name of the field of layer '{layer}' that holds the street name, got {name}")
                           .format(layer=layer, name=_shown(name)))
    fields = specs[layer].fields
    if fields and name not in fields:
        raise CatalogError(catalog.path, "search.streets.name_field",
                           tr("one of the fields of layer '{layer}' ({fields}), got '{name}'")
                           .format(layer=layer, fields=", ".join(fields), name=name))
    touch = raw.get("touch_m", 1.0)
    if isinstance(touch, bool) or not isinstance(touch, (int, float)) or not 0 < touch <= 50:
        raise CatalogError(catalog.path, "search.streets.touch_m",
                           tr("a distance in metres above 0 and at most 50, got {touch}").format(touch=_shown(touch)))
    return StreetsSpec(layer, name, float(touch))


def _shown(value: Any) -> str:
    """A catalog value as the file has it, for a message ('Storgatan', 2.5, null)."""
    if value is None:
        return "null"
    return f"'{value}'" if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class SegmentPlace:
    """One segment of a street: its cross streets where it starts and where it ends (as listed along the street)."""

    fid: int
    key: str
    street: str
    start: tuple[str, ...]
    end: tuple[str, ...]
    extent: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in the layer's CRS
    beyond: str = ""  # a street's end piece: "north", "east", "south" or "west" of its one cross street

    def label(self) -> str:
        """"Storgatan, Prästgatan–Kyrkgatan"; a street's end piece "Storgatan, north of Kyrkgatan"."""
        first, last = " / ".join(self.start), " / ".join(self.end)
        if first and last:
            return f"{self.street}, {first}–{last}"
        if first or last:
            template = {"north": tr("{street}, north of {cross}"), "east": tr("{street}, east of {cross}"),
                        "south": tr("{street}, south of {cross}"), "west": tr("{street}, west of {cross}")}
            return template.get(self.beyond, "{street}, {cross}").format(street=self.street, cross=first or last)
        return f"{self.street} ({self.key})" if self.key else self.street

    def rectangle(self) -> QgsRectangle:
        return QgsRectangle(*self.extent)


class CrossStreets:
    """The segments of a street with their cross streets (see the module doc); ``cache`` keeps the answers: whole
    streets (:meth:`along`, the locator), the streets' orders and single segments (:meth:`place`, the card)."""

    def __init__(self, rows: StreetRows, tolerance: float, cache: Optional[dict[str, list[SegmentPlace]]] = None):
        self.rows, self.tolerance = rows, tolerance
        self.cache = {} if cache is None else cache
        self.orders: dict[str, list[tuple[Piece, bool]]] = {}  # street -> its segments in order, turned or not
        self.places: dict[tuple[str, int], Optional[SegmentPlace]] = {}  # (street, fid) -> the card's answer

    def along(self, street: str) -> list[SegmentPlace]:
        """The segments named ``street`` in their order along it (the first from the street's end with the lowest
        key), each with the cross streets at its start and its end."""
        return _kept(self.cache, street, lambda: [self._place(piece, flipped, street)
                                                   for piece, flipped in self._order(street)])

    def street_of(self, fid: int) -> Optional[str]:
        """The street name of segment ``fid`` (None without one)."""
        return self.rows.street_of(fid) or None

    def place(self, fid: int, street: Optional[str] = None) -> Optional[SegmentPlace]:
        """The segment with feature id ``fid`` (on ``street`` when the caller has read it), as :meth:`along` lists
        it — reading only what that one segment needs: its street's order (the street's segments, walked once per
        street; none on a street longer than MAX_ORDERED) and the cross streets at its own two ends."""
        street = street or self.street_of(fid)
        if not street:
            return None
        known = self.cache.get(street)
        if known is not None:
            return next((p for p in known if p.fid == fid), None)
        return _kept(self.places, (street, int(fid)), lambda: self._one(int(fid), street), MAX_PLACES)

    def _one(self, fid: int, street: str) -> Optional[SegmentPlace]:
        if street not in self.orders and self.rows.street_size(street, MAX_ORDERED + 1) > MAX_ORDERED:
            piece = self.rows.segment(fid)  # a long street is listed by key as digitised: no walk, no other segment
            return self._place(piece, False, street) if piece is not None else None
        return next((self._place(piece, flipped, street) for piece, flipped in self._order(street)
                     if piece.fid == fid), None)

    def _order(self, street: str) -> list[tuple[Piece, bool]]:
        """The street's segments in their order along it, each with whether it is turned round (kept per street,
        a long street not: it is read whole)."""

        def walked() -> list[tuple[Piece, bool]]:
            pieces = self.rows.street(street)
            pieces.sort(key=lambda s: (sort_key(s.key), s.fid))
            order = self._walk([s.ends for s in pieces]) if len(pieces) <= MAX_ORDERED else \
                [(i, False) for i in range(len(pieces))]
            return [(pieces[i], flipped) for i, flipped in order]

        return _kept(self.orders, street, walked, MAX_ORDERS, keep=lambda order: len(order) <= MAX_ORDERED)

    def _place(self, piece: Piece, flipped: bool, street: str) -> SegmentPlace:
        ends = piece.ends
        names = (self._crossing(QgsPointXY(*ends[0]), street), self._crossing(QgsPointXY(*ends[1]), street)) \
            if ends else ((), ())
        if flipped and ends:
            names, ends = names[::-1], ends[::-1]
        beyond = _direction(ends[1], ends[0]) if ends and names[0] and not names[1] else \
            _direction(ends[0], ends[1]) if ends and names[1] and not names[0] else ""
        return SegmentPlace(piece.fid, piece.key, street, names[0], names[1], piece.extent, beyond)

    def _walk(self, ends: list[Ends]) -> list[tuple[int, bool]]:
        """The segments (by index) end to end, and whether each is turned round: from a street end (an end no
        other segment of the street touches), the lowest key first, on through the one touching its far end."""
        t = self.tolerance
        limit, size = t * t, 2 * t  # cells two tolerances wide: what lies within t is in at most 2 × 2 of them
        points = [pair or () for pair in ends]
        cells: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for i, pair in enumerate(points):
            for side, (x, y) in enumerate(pair):
                cells.setdefault((math.floor(x / size), math.floor(y / size)), []).append((i, side))
        found: dict[tuple[int, int], list[tuple[int, int]]] = {}

        def touching(i: int, side: int) -> list[tuple[int, int]]:
            known = found.get((i, side))
            if known is None:
                x, y = points[i][side]
                xs = {math.floor((x - t) / size), math.floor((x + t) / size)}
                ys = {math.floor((y - t) / size), math.floor((y + t) / size)}
                known = []
                for cell in [(cx, cy) for cx in xs for cy in ys]:
                    for j, s in cells.get(cell, ()):
                        qx, qy = points[j][s]
                        if j != i and (qx - x) * (qx - x) + (qy - y) * (qy - y) <= limit:
                            known.append((j, s))
                known.sort()
                found[(i, side)] = known
            return known

        free = [(not touching(i, 0), not touching(i, 1)) if ends[i] else (False, False) for i in range(len(ends))]
        left = set(range(len(ends)))
        order: list[tuple[int, bool]] = []
        while left:
            start = next((i for i in sorted(left) if any(free[i])), min(left))
            flipped = not free[start][0] and free[start][1]
            current: Optional[int] = start
            while current is not None:
                left.discard(current)
                order.append((current, flipped))
                if not ends[current]:
                    break
                current, flipped = next(((j, s == 1) for j, s in touching(current, 0 if flipped else 1) if j in left),
                                        (None, False))
        return order

    def _crossing(self, point: QgsPointXY, street: str) -> tuple[str, ...]:
        """The other streets whose segments touch ``point`` (in Swedish order)."""
        t = self.tolerance
        rect = QgsRectangle(point.x() - t, point.y() - t, point.x() + t, point.y() + t)
        spot = QgsGeometry.fromPointXY(point)
        names = {name for name, geometry in self.rows.near(rect)
                 if name and name != street and not geometry.isEmpty() and geometry.distance(spot) <= t}
        return tuple(sorted(names, key=sort_key))


def _kept(store: dict, key: Any, compute: Callable[[], Any], limit: Optional[int] = None,
          keep: Callable[[Any], bool] = lambda _found: True) -> Any:
    """``store[key]``, else ``compute()``: kept in ``store`` when read without a fault (an answer read while the
    source failed is not kept) and ``keep`` allows it, at most ``limit`` entries (the oldest go first)."""
    if key in store:
        return store[key]
    with watch_reads() as faults:
        seen = len(faults)
        found = compute()
    if len(faults) == seen and keep(found):
        with _CACHE_LOCK:
            while limit is not None and len(store) >= limit:
                store.pop(next(iter(store)))
            store[key] = found
    return found


def _direction(to: Point, origin: Point) -> str:
    """The compass direction from ``origin`` to ``to`` (map north up)."""
    dx, dy = to[0] - origin[0], to[1] - origin[1]
    if abs(dy) >= abs(dx):
        return "north" if dy > 0 else "south"
    return "east" if dx > 0 else "west"


def _file_key(path: str, *parts: Any) -> tuple:
    stat = os.stat(path)
    return (path, stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size) + parts


def for_layer(spec: StreetsSpec, layer_spec: LayerSpec, layer: QgsVectorLayer) -> Optional[CrossStreets]:
    """Cross streets for the loaded segments ``layer`` (main thread; the answer may then be read on any thread).
    A GeoPackage table is read by SQL and its answers kept until the file changes; None if the layer lacks the
    name field."""
    if layer is None or not layer.isValid() or layer.fields().indexFromName(spec.name_field) < 0:
        return None
    tolerance = spec.touch_m * QgsUnitTypes.fromUnitToUnitFactor(QgsUnitTypes.DistanceUnit.DistanceMeters,
                                                                 layer.crs().mapUnits())
    plain = plain_gpkg_table(layer)
    key_field = layer_spec.key if layer_spec.key and layer.fields().indexFromName(layer_spec.key) >= 0 else None
    if plain is not None:
        try:
            key = _file_key(plain[0], plain[1], spec.name_field, key_field, tolerance)
            with _CACHE_LOCK:
                kept = _CACHE.get(key)
            if kept is not None:  # the same file as last time: its reader and the answers it has given
                return kept
            rows = GpkgStreetRows(plain[0], plain[1], spec.name_field, key_field)
        except (OSError, sqlite3.Error, LookupError) as exc:
            LOG.info(tr("{path}: the cross streets of layer '{layer}' are read through QGIS ({reason})").format(
                path=plain[0], layer=layer_spec.id, reason=exc))
        else:
            with _CACHE_LOCK:
                if key not in _CACHE and len(_CACHE) >= 8:
                    _CACHE.pop(next(iter(_CACHE)))
                return _CACHE.setdefault(key, CrossStreets(rows, tolerance, {}))
    through_qgis = LayerStreetRows(layer, spec.name_field, key_field)
    direct = direct_pg_reader(layer, layer.fields())  # the card's, on the main thread
    return CrossStreets(PgStreetRows(direct, through_qgis) if direct is not None else through_qgis, tolerance)


Place = Callable[[str, int, dict], Optional[str]]  # (layer id, feature id, attributes) → where a segment lies


def places_for(catalog: Catalog, layer_for: Callable[[str], Any]) -> Optional[Place]:
    """Where a segment of the catalog's streets layer lies, for the layer ``layer_for`` gives (main thread): a
    function (layer id, feature id, its attributes) → "Storgatan, Prästgatan–Kyrkgatan" (None for another layer
    or a segment not found); None when the catalog declares no streets or the layer is not loaded. ``layer_for``
    may give a layer or a live handle on one (the card's engine)."""
    spec = streets_spec(catalog)
    if spec is None:
        return None
    layer = layer_for(spec.layer)
    if isinstance(layer, LayerHandle):
        layer = layer.source  # a live handle reads the layer itself (a snapshot's feature source: not here)
    if not isinstance(layer, QgsVectorLayer):
        return None
    cross = for_layer(spec, catalog.layer(spec.layer), layer)
    if cross is None:
        return None

    def place(layer_id: str, fid: int, attrs: dict) -> Optional[str]:
        if layer_id != spec.layer or fid is None or int(fid) < 0:
            return None
        street = attrs.get(spec.name_field)
        found = cross.place(int(fid), str(street) if street not in (None, "") else None)
        return found.label() if found is not None else None

    return place


def forget_answers() -> None:
    """Drop the kept answers (streets, orders, places) of every kept reader; the readers stay (the benchmark: every
    click as the first on its street)."""
    with _CACHE_LOCK:
        for cross in _CACHE.values():
            cross.cache.clear()
            cross.orders.clear()
            cross.places.clear()
