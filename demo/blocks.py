"""Blocks of a tile: properties (fastigheter) with their buildings, parks and squares, between the streets.

Kvarter fill the cells between crossings; in tile column 0 the westernmost ones follow Strandgatan's curve and a
strip of parks and municipal land lies between Strandgatan and the water. Beyond the outermost streets, plots line
the street ends that are long enough, so the built-up edge of the town is as ragged as its streets.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, List, Optional, Tuple

from . import shore, town
from .buildings import write_buildings
from .geometry import Point, area, bounds, clip, rect_ring, rounded
from .gpkg_writer import polygon_blob
from .town import NS_STREETS, WE_STREETS, End

if TYPE_CHECKING:
    from .tile import Tile

OUTER_DEPTH_MAX = 110.0  # metres of plots beyond the outermost street
OUTER_DEPTH_MIN = 25.0
OUTER_END_CLEAR = 30.0  # plots stop this far before the end of the shorter street end (clear of its bend)
PLOT_WIDTH = 38.0  # of a plot at the edge of the town
STRIP_PLAN, PARK_PLAN = "2380-P74/3", "2380-P61/2"


def write_blocks(t: Tile) -> None:
    ys = t.ys()
    kvarter = iter(town.KVARTER_NAMES)
    block_no = 0
    for j in range(len(WE_STREETS) - 1):
        for i in range(len(NS_STREETS) - 1):
            block_no += 1
            y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
            y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
            ring, inner_x0 = _cell(t, i, y0, y1)
            if (i, j) in town.PARK_BLOCKS:
                _park(t, ring, j, block_no, *town.PARK_BLOCKS[(i, j)])
                continue
            if t.base:
                name, required = town.REAL_BLOCKS.get((i, j)) or (next(kvarter), None)
            else:
                name, required = None, None
            _block(t, ring, inner_x0, (i, j), j, block_no, name, required)
    if t.tx == 0:  # the lake-side strip west of Strandgatan
        for j in range(len(WE_STREETS) - 1):
            y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
            y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
            west = _side(t, y0, y1, lambda y: shore.shore_x(y) + 2.0)
            east = _side(t, y0, y1, lambda y: shore.strand_x(y) - NS_STREETS[0].width / 2 - town.SIDEWALK)
            ring = rounded(west + east[::-1])
            ring.append(ring[0])
            if j in town.STRIP_PARKS:
                _park(t, ring, j, 90 + j + 1, *town.STRIP_PARKS[j])
            else:
                designation = _trakt_designation(t, j, 90 + j + 1)
                _property(t, ring, designation, "kommun", STRIP_PLAN, _trakt_of(designation))
    _outer_blocks(t, 100)


def _cell(t: Tile, i: int, y0: float, y1: float) -> Tuple[List[Point], float]:
    """Ring of the cell east of gata ``i`` between y0 and y1 (kerb to kerb), and the x where its plots start."""
    x1 = t.xs()[i + 1] - NS_STREETS[i + 1].width / 2 - town.SIDEWALK
    if t.tx == 0 and i == 0:  # along Strandgatan's curve
        west = _side(t, y0, y1, lambda y: shore.strand_x(y) + NS_STREETS[0].width / 2 + town.SIDEWALK)
        ring = rounded(west + [(x1, y0), (x1, y1)])
        ring.append(ring[0])
        return ring, max(p[0] for p in west)
    x0 = t.xs()[i] + NS_STREETS[i].width / 2 + town.SIDEWALK
    return rect_ring((x0, y0, x1, y1)), x0


def _side(t: Tile, y0: float, y1: float, x_at) -> List[Point]:
    """Points (x_at(y), y) from y1 (north) down to y0 about every 20 m; ``x_at`` takes tile 0's y."""
    n = max(1, int(round((y1 - y0) / 20.0)))
    return [(x_at(y1 - (y1 - y0) * k / n - t.dy) + t.dx, y1 - (y1 - y0) * k / n) for k in range(n + 1)]


def _outer_blocks(t: Tile, block_no: int) -> None:
    """Plots beyond the outermost streets, between two street ends that both reach far enough."""
    xs, ys = t.xs(), t.ys()
    for end_index, row, sign in ((0, 0, 1), (1, len(WE_STREETS) - 1, -1)):  # north, then south
        ends = [t.ns_ends[i][end_index] for i in range(len(NS_STREETS))]
        for i in range(len(NS_STREETS) - 1):
            depth = _depth(ends[i], ends[i + 1], town.STUB_NS)
            if depth is None:
                continue
            kerb = ys[row] + sign * (WE_STREETS[row].width / 2 + town.SIDEWALK)
            y0, y1 = sorted((kerb, kerb + sign * depth))
            ring, inner_x0 = _cell(t, i, y0, y1)
            block_no += 1
            _block(t, ring, inner_x0, (i, row), 0 if sign > 0 else len(WE_STREETS) - 1, block_no, None, None,
                   outer=True)
    east = [t.we_ends[j][1] for j in range(len(WE_STREETS))]
    x0 = xs[-1] + NS_STREETS[-1].width / 2 + town.SIDEWALK
    for j in range(len(WE_STREETS) - 1):
        depth = _depth(east[j], east[j + 1], town.STUB_WE)
        if depth is None:
            continue
        y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
        y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
        block_no += 1
        _block(t, rect_ring((x0, y0, x0 + depth, y1)), x0, (len(NS_STREETS) - 1, j), j, block_no, None, None,
               outer=True)


def _depth(a: End, b: End, stub: float) -> Optional[float]:
    """How deep plots between two street ends can be (within their straight part), or None if too shallow."""
    reach = min(stub if a.through else a.length, stub if b.through else b.length)
    depth = min(OUTER_DEPTH_MAX, reach - OUTER_END_CLEAR)
    return depth if depth >= OUTER_DEPTH_MIN else None


def _trakt_designation(t: Tile, row: int, block_no: int, unit: int = 1) -> str:
    if t.base:
        trakt = "Norr" if row < 6 else "Söder"
        t.trakt_units[trakt] += 1
        return f"Östersund {trakt} 1:{t.trakt_units[trakt]}"
    return f"Östersund {t.trakt} {t.trakt_group * 1000 + block_no}:{unit}"


def _park(t: Tile, ring: List[Point], row: int, block_no: int, name: str, kind: str, mclass: str) -> None:
    rng = t.rng
    if not t.base:
        prefix = t.park_names[t.n_parks % len(t.park_names)]
        name = prefix + ("torget" if kind == "torg" else "parken")
    t.n_parks += 1
    t.parks.append((f"PARK-{t.tag}{t.n_parks:02d}", name, ring))
    t.w.tables["parks"].add_feature(polygon_blob(ring), (
        f"PARK-{t.tag}{t.n_parks:02d}", name, mclass, t.days(-rng.randint(1, 45)).isoformat(), kind,
        round(area(ring), 1)))
    designation = _trakt_designation(t, row, block_no)
    _property(t, ring, designation, "kommun", PARK_PLAN, _trakt_of(designation))


def _property(t: Tile, ring: List[Point], designation: str, owner_type: str, plan: str,
              block: Optional[str]) -> None:
    t.properties.append((designation, owner_type, ring))
    t.w.tables["properties"].add_feature(polygon_blob(ring), (
        designation, round(area(ring), 1), owner_type, plan, block))


def _block(t: Tile, ring: List[Point], inner_x0: float, cell: tuple, row: int, block_no: int, name: Optional[str],
           required: Optional[int], outer: bool = False) -> None:
    """Properties of one block (a kvarter ``name``d, or trakt land) and their buildings."""
    rng = t.rng
    bx0, y0, x1, y1 = bounds(ring)
    curved = bx0 < inner_x0
    if outer:  # one row of plots along the longer side
        nx, ny = max(1, int(round((x1 - inner_x0) / PLOT_WIDTH))), max(1, int(round((y1 - y0) / PLOT_WIDTH)))
        nx, ny = (nx, 1) if x1 - inner_x0 >= y1 - y0 else (1, ny)
    else:
        nx = 1 if x1 - inner_x0 < 70 else rng.choice((1, 2, 2))
        ny = rng.choice((2, 3, 3))
    xcuts = _cuts(rng, inner_x0, x1, nx)
    ycuts = _cuts(rng, y0, y1, ny)
    n = nx * ny
    if name:
        numbers = sorted(rng.sample(range(1, 2 * n + 3), n))
        if required and required not in numbers:
            numbers[rng.randrange(n)] = required
            numbers.sort()
    else:
        numbers = list(range(1, n + 1))
    plan = f"2380-P{rng.randint(50, 99)}/{rng.randint(1, 40)}" if rng.random() < 0.7 else \
        f"2380-P{rng.randint(2000, 2022)}/{rng.randint(1, 20)}"
    commercial = not outer and cell[0] in town.COMMERCIAL_COLS and cell[1] in town.COMMERCIAL_ROWS
    k = 0
    for a in range(ny):
        for b in range(nx):
            plot = (xcuts[b], ycuts[a], xcuts[b + 1], ycuts[a + 1])
            if curved and b == 0:  # the plot reaches the curved street
                parcel = clip(ring, (bx0, ycuts[a], xcuts[1], ycuts[a + 1]))
            else:
                parcel = rect_ring(plot)
            if name:
                designation = f"Östersund {name} {numbers[k]}"
            elif outer and t.base:
                designation = _trakt_designation(t, row, block_no)
            else:
                designation = f"Östersund {t.trakt} {t.trakt_group * 1000 + block_no}:{numbers[k]}"
            k += 1
            owner_type = rng.choices(("privat", "bostadsrättsförening", "kommun", "företag", "region"),
                                     weights=(10, 15, 5, 30, 3) if commercial else (25, 35, 10, 15, 3))[0]
            if outer:
                owner_type = "privat" if rng.random() < 0.8 else owner_type
            _property(t, parcel, designation, owner_type, plan, name or _trakt_of(designation))
            block = name or (_trakt_of(designation) if t.base else t.trakt)
            write_buildings(t, plot, cell, commercial, designation, owner_type, block, outer=outer)


def _trakt_of(designation: str) -> str:
    """'Östersund Norr 1:12' -> 'Norr 1' (the block part of a trakt designation)."""
    return designation.split(" ", 1)[1].rsplit(":", 1)[0]


def _cuts(rng: random.Random, lo: float, hi: float, n: int) -> List[float]:
    step = (hi - lo) / n
    inner = [lo + step * k + step * rng.uniform(-0.12, 0.12) for k in range(1, n)]
    return [round(v, 2) for v in [lo] + inner + [hi]]
