"""Plane geometry the generator needs: polylines (length, a point along, a strip beside), rings and clipping."""

from __future__ import annotations

import math
from typing import List, Sequence, Tuple

Point = Tuple[float, float]
Rect = Tuple[float, float, float, float]  # x0, y0, x1, y1


def rounded(points: Sequence[Point]) -> List[Point]:
    """Coordinates rounded to the centimetre (what is written)."""
    return [(round(x, 2), round(y, 2)) for x, y in points]


def length(line: Sequence[Point]) -> float:
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(line, line[1:]))


def point_along(line: Sequence[Point], distance: float) -> Tuple[float, float, float, float]:
    """(x, y, dx, dy) at ``distance`` from the start of ``line``: the point and the unit direction there."""
    walked = 0.0
    last = len(line) - 2
    for i, (a, b) in enumerate(zip(line, line[1:])):
        piece = math.hypot(b[0] - a[0], b[1] - a[1])
        if piece == 0.0:
            continue
        if walked + piece >= distance or i == last:
            t = max(0.0, min(1.0, (distance - walked) / piece))
            dx, dy = (b[0] - a[0]) / piece, (b[1] - a[1]) / piece
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, dx, dy
        walked += piece
    raise ValueError("a line needs two distinct points")


def sub_line(line: Sequence[Point], start: float, end: float) -> List[Point]:
    """The part of ``line`` between two distances from its start (with the vertices in between)."""
    x0, y0, _, _ = point_along(line, start)
    points = [(x0, y0)]
    walked = 0.0
    for a, b in zip(line, line[1:]):
        walked += math.hypot(b[0] - a[0], b[1] - a[1])
        if start < walked < end:
            points.append(b)
    x1, y1, _, _ = point_along(line, end)
    points.append((x1, y1))
    return points


def strip(line: Sequence[Point], start: float, end: float, left: float, right: float) -> List[Point]:
    """Ring of the band beside ``line`` from ``start`` to ``end`` (metres along), between the lateral offsets
    ``right`` and ``left`` (positive = left of the direction of travel); corners mitred at the vertices."""
    part = sub_line(line, start, end)
    normals = []
    for i in range(len(part)):
        a = part[max(0, i - 1)]
        b = part[min(len(part) - 1, i + 1)]
        d = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
        normals.append((-(b[1] - a[1]) / d, (b[0] - a[0]) / d))
    side_right = [(x + nx * right, y + ny * right) for (x, y), (nx, ny) in zip(part, normals)]
    side_left = [(x + nx * left, y + ny * left) for (x, y), (nx, ny) in zip(part, normals)]
    return rounded(side_right + side_left[::-1])


def area(ring: Sequence[Point]) -> float:
    """Area of a simple ring (open or closed), by the shoelace formula."""
    total = 0.0
    for (x0, y0), (x1, y1) in zip(ring, list(ring[1:]) + [ring[0]]):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2.0


def rect_ring(rect: Rect) -> List[Point]:
    x0, y0, x1, y1 = (round(v, 2) for v in rect)
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def bounds(ring: Sequence[Point]) -> Rect:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def clip(ring: Sequence[Point], rect: Rect) -> List[Point]:
    """The part of a convex-enough ring inside an axis-aligned rectangle (Sutherland–Hodgman), closed."""
    points = list(ring[:-1]) if ring[0] == ring[-1] else list(ring)
    x0, y0, x1, y1 = rect
    edges = ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False))
    for axis, limit, keep_greater in edges:
        if not points:
            break

        def inside(p, axis=axis, limit=limit, keep_greater=keep_greater) -> bool:
            return p[axis] >= limit if keep_greater else p[axis] <= limit

        out: List[Point] = []
        for i, p in enumerate(points):
            q = points[i - 1]
            if inside(p) != inside(q):
                t = (limit - q[axis]) / (p[axis] - q[axis])
                out.append((q[0] + (p[0] - q[0]) * t, q[1] + (p[1] - q[1]) * t))
            if inside(p):
                out.append(p)
        points = out
    points = rounded(points)
    cleaned = [p for i, p in enumerate(points) if p != points[i - 1]] if len(points) > 1 else points
    return cleaned + cleaned[:1]
