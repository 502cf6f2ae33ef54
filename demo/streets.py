"""Road segments of a tile: geometry between crossings, attributes, and the rows of ``road_segments``.

Each segment also gets its inspections and paving plan (``condition``) and its hourly traffic (``traffic``), in
that order, before its own row is written.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from . import condition, town, traffic
from .cases import KNOWN_CASES
from .gpkg_writer import line_blob
from .town import NS_STREETS, WE_STREETS, Street

if TYPE_CHECKING:
    from .tile import Tile


class Segment:
    """A road segment while its tile is generated."""

    __slots__ = ("sid", "street", "name", "a", "b", "length", "ns", "k", "last", "ped", "from_street",
                 "to_street", "start_cross", "end_cross", "speed", "width", "fc", "aadt", "last_paved",
                 "surface", "latest_class", "planned_year")


def build_segments(t: Tile) -> None:
    """Split every street of the tile at its crossings (plus a stub beyond the outermost crossing at each end)."""
    xs, ys = t.xs(), t.ys()
    for i, st in enumerate(NS_STREETS):
        verts = [ys[0] + town.STUB_NS] + ys + [ys[-1] - town.STUB_NS]
        for k in range(1, len(verts)):
            _add_segment(t, st, t.ns_names[i], True, k, len(verts) - 1, (xs[i], verts[k - 1]),
                         (xs[i], verts[k]), k - 2 if k >= 2 else None, k - 1 if k - 1 < len(ys) else None)
    for j, st in enumerate(WE_STREETS):
        verts = [xs[0] - town.STUB_WE] + xs + [xs[-1] + town.STUB_WE]
        for k in range(1, len(verts)):
            _add_segment(t, st, t.we_names[j], False, k, len(verts) - 1, (verts[k - 1], ys[j]),
                         (verts[k], ys[j]), k - 2 if k >= 2 else None, k - 1 if k - 1 < len(xs) else None)


def _add_segment(t: Tile, st: Street, name: str, ns: bool, k: int, last: int, a, b, start_cross,
                 end_cross) -> None:
    rng = t.rng
    s = Segment()
    s.sid = f"OST-{t.tag}{town.slug(name)}-{k:04d}"
    s.street, s.name, s.ns, s.k, s.last = st, name, ns, k, last
    s.a, s.b = a, b
    s.length = math.hypot(b[0] - a[0], b[1] - a[1])
    s.start_cross, s.end_cross = start_cross, end_cross
    cross_names = t.we_names if ns else t.ns_names
    s.from_street = cross_names[start_cross] if start_cross is not None else None
    s.to_street = cross_names[end_cross] if end_cross is not None else None
    s.ped = bool(st.pedestrian and start_cross is not None and end_cross is not None
                 and st.pedestrian[0] <= start_cross and end_cross <= st.pedestrian[1])
    stub = start_cross is None or end_cross is None
    s.fc = 7 if s.ped else st.functional_class
    s.speed = 7 if s.ped else st.speed  # gågata: walking pace
    s.width = st.width
    s.surface = "gatsten" if s.ped else st.surface
    if not s.ped and stub and st.functional_class >= 6 and rng.random() < 0.3:
        s.surface = "grus"
    base_aadt = 250 if s.ped else st.aadt * (0.6 if stub else 1.0)
    s.aadt = max(20, int(round(base_aadt * rng.uniform(0.85, 1.15), -1)))
    if s.surface == "gatsten":
        age = rng.randint(5 * 365, 35 * 365)
    elif s.surface == "grus":
        age = rng.randint(30, 4 * 365)
    else:
        age = rng.randint(60, 25 * 365)
    if t.base and s.sid == KNOWN_CASES["moratorium_conflict"]["segment_id"]:
        age = KNOWN_CASES["moratorium_conflict"]["paved_days_ago"]
    elif t.base and s.sid == KNOWN_CASES["no_conflict"]["segment_id"]:
        age = KNOWN_CASES["no_conflict"]["paved_days_ago"]
    s.last_paved = t.days(-age)
    s.planned_year = None
    s.latest_class = None
    t.segments.append(s)


def write_segments(t: Tile) -> None:
    """Per segment: inspections, paving plan, hourly traffic, then the ``road_segments`` row."""
    cond = t.w.tables["road_condition"]
    plan = t.w.tables["paving_plan"]
    counts = t.w.tables["traffic_counts"]
    roads = t.w.tables["road_segments"]
    for s in t.segments:
        latest = condition.write_inspections(t, s, cond)
        s.latest_class = latest
        condition.plan_paving(t, s, latest, plan)
        traffic.write_counts(t, s, counts)
        p = s.ped
        roads.add_feature(line_blob((s.a, s.b)), (
            s.sid, s.name, s.fc, s.speed, s.surface,
            "enskild" if (s.street.functional_class >= 6 and s.surface == "grus") else s.street.owner,
            s.width, 1 if p else s.street.lanes,
            "BK3" if p else s.street.bearing_class, s.aadt, s.last_paved.isoformat(),
            {"asfalt": 5, "gatsten": 10}.get(s.surface, 0), latest, s.from_street, s.to_street,
            round(s.length, 2)))
