"""Link a row to a twin feature by linear reference (route id + measure), without coordinates.

The twin's features on one route are ranges ``from``–``to`` of its measure. A measure ``m`` belongs to the range
with ``from ≤ m < to``: on the boundary of two ranges, to the one starting there; the end of a range that no other
continues (the route's end) to that range. Route ids are compared without case, surrounding spaces or braces
(``{ABC-1}`` = ``abc-1``). A row outside every range, on a route the twin does not have, or with only one of route
and measure, is refused with that reason (never linked by guess).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Optional

from osgeo import gdal

from ..tr import tr
from .link_rows import LinkRows, ogr_rows
from .mapping import MappingError, MeasureLink
from .names import SourceFields
from .shapes import RowRejectedError
from .values import ValueProblemError, is_empty, to_real, to_text

SHOWN_RANGES = 6
_NUMBER = r"[-+]?\d+(?:[.,]\d+)?"


def route_key(value: Any) -> str:
    return (to_text(value) or "").strip().strip("{}").strip().casefold()


def key_parser(pattern: str) -> "re.Pattern[str]":
    """A regular expression reading route, from and to out of a key built by ``pattern`` (``NVDB-{route}-{from}-…``)."""
    out, at = [], 0
    for match in re.finditer(r"\{([^{}:]+)(?::[^{}]*)?\}", pattern):
        out.append(re.escape(pattern[at:match.start()]))
        name = match.group(1)
        out.append("(?P<route>.+)" if name == "route" else f"(?P<{name}>{_NUMBER})")
        at = match.end()
    out.append(re.escape(pattern[at:]))
    return re.compile("^" + "".join(out) + "$")


class MeasureLinker:
    """The twin side: every feature of one table as (route, from, to, key), sorted per route."""

    def __init__(self, ds: gdal.Dataset, table: str, key: str, spec: MeasureLink, layer_title: str, path: str,
                 rows: Optional[LinkRows] = None):
        self.spec, self.layer_title = spec, layer_title  # the layer as the reasons name it (its title)
        layer = ds.GetLayerByName(table)
        if layer is None:
            raise ValueError(tr("table '{table}' to link to not found").format(table=table))
        defn = layer.GetLayerDefn()
        present = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
        named = {"key": key} if spec.twin_key else {"route": spec.twin_route, "from": spec.twin_from,
                                                     "to": spec.twin_to}
        wanted = {key, *named.values()}  # the key is read in both cases: it is what the row is linked to
        for where, name in named.items():
            if name not in present:
                raise MappingError(path, f"link.measure.twin.{where}", tr("a field of the twin table '{table}' "
                                                                          "({columns})").format(
                    table=table, columns=", ".join(sorted(present))))
        self.rows: Optional[LinkRows] = rows or ogr_rows(ds, table)  # how the ranges are read, on first need
        self.key, self.wanted = key, sorted(wanted)
        self._routes: Optional[dict[str, list[tuple[float, float, str]]]] = None  # read on first need
        self._starts: dict[str, list[float]] = {}

    @property
    def routes(self) -> dict[str, list[tuple[float, float, str]]]:
        """Route → its ranges (from, to, key), sorted; read from the twin when a row first needs them."""
        if self._routes is None:
            self._load()
        return self._routes

    @property
    def starts(self) -> dict[str, list[float]]:
        if self._routes is None:
            self._load()
        return self._starts

    def _load(self) -> None:
        key = self.key
        parser = key_parser(self.spec.twin_key) if self.spec.twin_key else None
        ranges: dict[str, list[tuple[float, float, str]]] = {}
        for _fid, values, _wkb in self.rows(self.wanted, False):
            one = self._range(values, key, parser)
            if one is not None:
                ranges.setdefault(one[0], []).append(one[1:])
        self._routes = {route: sorted(items) for route, items in ranges.items()}
        self._starts = {route: [r[0] for r in items] for route, items in self._routes.items()}

    def _range(self, values: dict[str, Any], key: str, parser: Optional["re.Pattern[str]"]
               ) -> Optional[tuple[str, float, float, str]]:
        found = values.get(key)
        if found is None:
            return None
        if parser is not None:
            match = parser.match(str(found))
            if match is None:  # a key of another kind (a segment that came from elsewhere)
                return None
            route, start, end = match.group("route"), match.group("from"), match.group("to")
        else:
            route, start, end = (values.get(n) for n in (self.spec.twin_route, self.spec.twin_from,
                                                         self.spec.twin_to))
        try:
            a, b = to_real(start), to_real(end)
        except ValueProblemError:
            return None
        if route is None or a is None or b is None:
            return None
        return route_key(route), min(a, b), max(a, b), str(found)

    def bound(self, fields: SourceFields) -> "BoundMeasure":
        """This linker for the columns of one source."""
        return BoundMeasure(self, fields.first(self.spec.route), fields.first(self.spec.at))

    def find(self, route: str, measure: float) -> Optional[str]:
        items = self.routes.get(route)
        if not items:
            return None
        for i in range(bisect_right(self.starts[route], measure) - 1, -1, -1):  # the latest start first
            if measure <= items[i][1]:
                return items[i][2]
        return None

    def covered(self, route: str) -> str:
        """The route's ranges as the twin has them, contiguous ones joined (``0–0.5, 0.6–1``)."""
        joined: list[list[float]] = []
        for start, end, _key in self.routes.get(route, []):
            if joined and start <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        shown = ", ".join(f"{a:g}–{b:g}" for a, b in joined[:SHOWN_RANGES])
        return shown + (", …" if len(joined) > SHOWN_RANGES else "")


class BoundMeasure:
    """``link(values)``: the key for one source row, None when it gives neither route nor measure."""

    def __init__(self, linker: MeasureLinker, route_column: Optional[str], at_column: Optional[str]):
        self.linker, self.route_column, self.at_column = linker, route_column, at_column
        spec = linker.spec
        self.names = (route_column or spec.route[0], at_column or spec.at[0])
        self.columns = [c for c in (route_column, at_column) if c]  # the source's columns for them

    def link(self, values: dict[str, Any]) -> Optional[str]:
        layer = self.linker.layer_title
        route_raw = values.get(self.route_column) if self.route_column else None
        at_raw = values.get(self.at_column) if self.at_column else None
        route_field, at_field = self.names
        if is_empty(route_raw) and is_empty(at_raw):
            return None
        if is_empty(at_raw):
            raise RowRejectedError(at_field, None, tr("route {route} is given without a measure").format(
                route=to_text(route_raw)))
        try:
            measure = to_real(at_raw)
        except ValueProblemError as exc:
            raise RowRejectedError(at_field, at_raw, tr("expected {what}").format(what=exc)) from None
        if is_empty(route_raw):
            raise RowRejectedError(route_field, None, tr("measure {measure} is given without a route").format(
                measure=to_text(at_raw)))
        route = route_key(route_raw)
        if route not in self.linker.routes:
            raise RowRejectedError(route_field, route_raw, tr("nothing in '{layer}' on route {route}").format(
                layer=layer, route=to_text(route_raw)))
        found = self.linker.find(route, measure)
        if found is None:
            raise RowRejectedError(at_field, at_raw, tr("measure {measure} is outside everything in '{layer}' on "
                                                        "route {route} (the twin has {ranges})").format(
                measure=f"{measure:g}", layer=layer, route=to_text(route_raw), ranges=self.linker.covered(route)))
        return found
