"""The street network of a tile: every street split into segments at its crossings, with its ends.

Segment ``k`` of a street is the k-th gap between its vertices counted from the north (gator) or the west
(gränder), ends included, so ids (``OST-STORGATAN-0007``) stay the same whether or not a street has an end piece.
In tile column 0 Strandgatan follows the shore and every west–east street runs on down to the lake.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from . import shore, town
from .geometry import Point, length, rounded
from .segment import Segment
from .town import NS_STREETS, WE_STREETS, End, Street

if TYPE_CHECKING:
    from .tile import Tile


def build_segments(t: Tile) -> None:
    """All segments of the tile into ``t.segments``: the gator west to east, then the gränder north to south."""
    xs, ys = t.xs(), t.ys()
    lake = t.tx == 0
    for i, st in enumerate(NS_STREETS):
        north, south = t.ns_ends[i]
        shore_road = lake and i == 0
        pieces: List[Optional[List[Point]]] = [_ns_end(t, xs[i], ys[0], north, +1, shore_road)]
        for j in range(len(ys) - 1):
            if shore_road:
                pieces.append(shore.strand_line(ys[j] - t.dy, ys[j + 1] - t.dy, t.dx, t.dy))
            else:
                pieces.append([(xs[i], ys[j]), (xs[i], ys[j + 1])])
        pieces.append(_ns_end(t, xs[i], ys[-1], south, -1, shore_road))
        _add_street(t, st, i, t.ns_names[i], True, pieces, (north, south))
    for j, st in enumerate(WE_STREETS):
        west, east = t.we_ends[j]
        first_x = shore.strand_x(ys[j] - t.dy) + t.dx if lake else xs[0]
        crossings = [first_x] + xs[1:]
        if lake:
            west_piece = [(first_x, ys[j]), (shore.shore_x(ys[j] - t.dy) + t.dx + town.LAKE_END_GAP, ys[j])]
            west = town.THROUGH  # as busy as a street that goes on: the quay, the beach, the boats
        else:
            west_piece = _we_end(crossings[0], ys[j], west, -1)
        pieces = [west_piece[::-1] if west_piece else None]
        for i in range(len(crossings) - 1):
            pieces.append([(crossings[i], ys[j]), (crossings[i + 1], ys[j])])
        pieces.append(_we_end(crossings[-1], ys[j], east, +1))
        _add_street(t, st, j, t.we_names[j], False, pieces, (west, east))


def _ns_end(t: Tile, x: float, y: float, end: End, north: int, shore_road: bool) -> Optional[List[Point]]:
    """The piece of a gata beyond its outermost crossing at (x, y), going north (+1) or south (-1), or None."""
    reach = town.STUB_NS if end.through else end.length
    if reach <= 0:
        return None
    if shore_road:
        line = shore.strand_line(y - t.dy, y - t.dy + north * reach, t.dx, t.dy)
    else:
        line = _bent((x, y), (0.0, float(north)), reach, end.bend, (1.0, 0.0))
    return line if north < 0 else line[::-1]


def _we_end(x: float, y: float, end: End, east: int) -> Optional[List[Point]]:
    """The piece of a gränd beyond its outermost crossing at (x, y), going east (+1) or west (-1), or None."""
    reach = town.STUB_WE if end.through else end.length
    if reach <= 0:
        return None
    return _bent((x, y), (float(east), 0.0), reach, end.bend, (0.0, 1.0))


def _bent(start: Point, direction: Point, reach: float, bend: float, side: Point) -> List[Point]:
    """From ``start`` ``reach`` metres along ``direction``; the last 25 m veer ``bend`` metres to ``side``."""
    (x, y), (dx, dy), (sx, sy) = start, direction, side
    end = (x + dx * reach + sx * bend, y + dy * reach + sy * bend)
    if not bend or reach <= 40:
        return rounded([start, end])
    knee = reach - 25.0
    return rounded([start, (x + dx * knee, y + dy * knee), end])


def _add_street(t: Tile, st: Street, index: int, name: str, ns: bool, pieces: List[Optional[List[Point]]],
                ends: tuple) -> None:
    """Segments of one street from its pieces (None where it has no end piece), first to last."""
    last = len(pieces)
    cross_names = t.we_names if ns else t.ns_names
    present = [k for k, piece in enumerate(pieces, 1) if piece]
    for k, piece in enumerate(pieces, 1):
        if not piece:
            continue
        s = Segment()
        s.sid = f"OST-{t.tag}{town.slug(name)}-{k:04d}"
        s.street, s.index, s.name, s.ns, s.k, s.last = st, index, name, ns, k, last
        s.coords = piece
        s.a, s.b = piece[0], piece[-1]
        s.length = length(piece)
        s.start_cross = k - 2 if k >= 2 else None
        s.end_cross = k - 1 if k < last else None
        s.from_street = cross_names[s.start_cross] if s.start_cross is not None else None
        s.to_street = cross_names[s.end_cross] if s.end_cross is not None else None
        s.end_piece = s.start_cross is None or s.end_cross is None
        end = ends[0] if k == 1 else ends[1] if k == last else None
        s.through = end is None or end.through
        s.first, s.final = k == present[0], k == present[-1]
        s.ped = bool(st.pedestrian and not s.end_piece and st.pedestrian[0] <= s.start_cross
                     and s.end_cross <= st.pedestrian[1])
        s.planned_year = None
        s.latest_class = None
        t.segments.append(s)
