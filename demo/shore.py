"""Storsjön west of the centre: the shoreline, the shore road (Strandgatan) that follows it, and the lake polygon.

All three are curves x(y) through hand-placed control points (tile 0 coordinates, EPSG:3006), smoothed with a
Catmull-Rom spline plus smooth noise. They have the same value at the top and the bottom of the tile, so tiles
stacked southwards (``--scale``) continue the same shore without a step. Only tiles in column 0 lie by the lake.
"""

from __future__ import annotations

import math
import random
from typing import Callable, List, Sequence, Tuple

from . import town
from .geometry import Point, rounded

TOP = town.WE_STREETS[0].pos + town.STUB_NS  # north edge of a tile (tile 0)
BOTTOM = TOP - town.TILE_DY  # south edge
STEP = 10.0  # metres between the shoreline's vertices

# Axis of Strandgatan (y, x), north to south: it bends west with the shore at both ends of the town.
_STRAND = (
    (TOP, 481205.0), (7006520.0, 481200.0), (7006360.0, 481210.0), (7006200.0, 481222.0), (7006040.0, 481236.0),
    (7005880.0, 481244.0), (7005720.0, 481240.0), (7005560.0, 481230.0), (7005400.0, 481222.0),
    (7005240.0, 481214.0), (7005060.0, 481208.0), (7004860.0, 481204.0), (BOTTOM, 481205.0),
)
# Land between Strandgatan's axis and the water (y, metres): a headland at Badhusparken, a quay at Sjötorget.
_GAP = (
    (TOP, 68.0), (7006560.0, 60.0), (7006420.0, 66.0), (7006250.0, 52.0), (7006080.0, 62.0), (7005960.0, 104.0),
    (7005840.0, 70.0), (7005700.0, 64.0), (7005620.0, 78.0), (7005460.0, 52.0), (7005250.0, 58.0),
    (7005130.0, 80.0), (7004950.0, 56.0), (7004800.0, 62.0), (BOTTOM, 68.0),
)
# Frösön's east shore across the sound (y, x): the lake's western edge, a bay opposite the town.
_FROSON = ((TOP, 480150.0), (7006300.0, 480120.0), (7005800.0, 479850.0), (7005200.0, 479700.0),
           (BOTTOM, 480150.0))
# The small-scale shape of a shore: octaves of smooth noise (amplitude m, wavelength m), repeating every tile
# height so stacked tiles join; beyond the tile (the lake north and south of the town) the long waves grow.
_OCTAVES = ((9.0, 400.0), (5.0, 150.0), (2.5, 60.0), (1.0, 25.0))
_BEYOND_GAIN = 4.0


def _spline(points: Sequence[Tuple[float, float]]) -> Callable[[float], float]:
    """Catmull-Rom curve through (y, x) points; y outside the points is clamped."""
    pts = sorted(points)
    ys = [p[0] for p in pts]
    xs = [p[1] for p in pts]

    def at(y: float) -> float:
        y = min(max(y, ys[0]), ys[-1])
        i = max(0, min(len(ys) - 2, next((k for k in range(len(ys) - 1) if y <= ys[k + 1]), len(ys) - 2)))
        t = (y - ys[i]) / (ys[i + 1] - ys[i])
        p0, p1, p2, p3 = xs[max(i - 1, 0)], xs[i], xs[i + 1], xs[min(i + 2, len(xs) - 1)]
        return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                      + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t)

    return at


_strand = _spline(_STRAND)
_gap = _spline(_GAP)
_froson = _spline(_FROSON)


def _lattices(name: str) -> List[List[float]]:
    rng = random.Random(f"digiresan-shore:{name}")  # the shore is the same for every seed
    return [[rng.uniform(-1.0, 1.0) for _ in range(max(2, round(town.TILE_DY / wave)))] for _, wave in _OCTAVES]


_NOISE = {"town": _lattices("town"), "froson": _lattices("froson")}


def _noise(y: float, name: str) -> float:
    """Smooth, tile-periodic noise of a shore at ``y``; stronger long waves outside the tile."""
    total = 0.0
    outside = min(1.0, max(y - TOP, BOTTOM - y, 0.0) / 300.0)  # 0 inside the tile, 1 from 300 m beyond it
    for (amplitude, _wave), lattice in zip(_OCTAVES, _NOISE[name]):
        pos = (y - BOTTOM) / town.TILE_DY * len(lattice)
        i = math.floor(pos)
        f = pos - i
        a, b = lattice[i % len(lattice)], lattice[(i + 1) % len(lattice)]
        smooth = f * f * (3 - 2 * f)
        gain = 1.0 + (_BEYOND_GAIN - 1.0) * outside if amplitude > 4 else 1.0
        total += amplitude * gain * (a + (b - a) * smooth)
    return total


def strand_x(y: float) -> float:
    """x of Strandgatan's axis at ``y`` (tile 0 coordinates)."""
    return round(_strand(y), 2)


def shore_x(y: float) -> float:
    """x of the water's edge at ``y`` (tile 0 coordinates)."""
    return round(_strand(y) - _gap(y) + _noise(y, "town"), 2)


def strand_line(y_from: float, y_to: float, dx: float = 0.0, dy: float = 0.0) -> List[Point]:
    """Strandgatan's axis from ``y_from`` to ``y_to`` (tile 0 y), a vertex every ~40 m, moved by (dx, dy)."""
    n = max(1, int(round(abs(y_to - y_from) / 40.0)))
    ys = [y_from + (y_to - y_from) * k / n for k in range(n + 1)]
    return rounded([(strand_x(y) + dx, y + dy) for y in ys])


def _drift(y: float) -> float:
    """Beyond the tile the shores keep their ripple and slowly turn: east to the north, west to the south."""
    return 0.08 * (y - TOP) if y > TOP else -0.05 * (BOTTOM - y) if y < BOTTOM else 0.0


def water_ring(dx: float, dy: float, north: float = 0.0, south: float = 0.0) -> List[Point]:
    """The lake beside a tile of column 0: from the shoreline west to Frösön over the tile's height, and
    ``north`` / ``south`` metres beyond it (the first and the last row of tiles, so the lake has no edge in view)."""
    top, bottom = TOP + north, BOTTOM - south
    n = int(round((top - bottom) / STEP))
    ys = [top - k * STEP for k in range(n + 1)]
    east = [(shore_x(y) + _drift(y) + dx, y + dy) for y in ys]
    west_ys = [bottom + k * 50.0 for k in range(int((top - bottom) // 50.0) + 1)]
    if west_ys[-1] < top:
        west_ys.append(top)
    west = [(_froson(y) + _noise(y, "froson") * 3 - 4 * abs(_drift(y)) + dx, y + dy) for y in west_ys]
    ring = rounded(east + west)
    return ring + ring[:1]
