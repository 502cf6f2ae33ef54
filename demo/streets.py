"""Attributes of the road segments, which vary along a street as they do in a real one, and their rows.

Along a street: the width wanders by half metres around the street's own and narrows on dead ends; the speed
limit drops to 30 (40 on main roads) by schools and along the lakeside parks and rises by 10 where a main road
leaves the town; setts (gatsten) on the gågata and around the squares, gravel on some dead ends; ÅDT is highest
near the centre and low on dead ends; the pavement is laid in stretches of one to four segments at a time.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Dict, List, Tuple

from . import condition, town, traffic
from .cases import KNOWN_CASES
from .gpkg_writer import line_blob
from .segment import Segment

if TYPE_CHECKING:
    from .tile import Tile

CENTRE = (481670.0, 7005610.0)  # the town centre of tile 0
_TORG_BLOCKS = {cell for cell, (_name, kind, _class) in town.PARK_BLOCKS.items() if kind == "torg"}
_PAVING_AGE_DAYS = {"gatsten": (5 * 365, 35 * 365), "grus": (30, 4 * 365), "asfalt": (60, 25 * 365)}


def assign_attributes(t: Tile) -> None:
    """Width, speed, surface, ÅDT and last paving of every segment, street by street from its first segment."""
    streets: Dict[Tuple[bool, int], List[Segment]] = {}
    for s in t.segments:
        streets.setdefault((s.ns, s.index), []).append(s)
    for segments in streets.values():
        _street(t, segments)


def _street(t: Tile, segments: List[Segment]) -> None:
    rng = t.rng
    st = segments[0].street
    width = st.width
    run_left, run_age, run_surface = 0, 0, ""
    for s in segments:
        dead_end = s.end_piece and not s.through
        s.fc = 7 if s.ped else st.functional_class
        s.speed = _speed(t, s)
        step = rng.random()
        if step < 0.35:
            width = min(st.width + 1.0, max(st.width - 1.0, width + rng.choice((-0.5, 0.5))))
        s.width = max(5.0, width - 1.5) if dead_end else width
        if s.ped or _borders(s, _TORG_BLOCKS):
            s.surface = "gatsten"
        elif dead_end and st.functional_class >= 5 and rng.random() < 0.3:
            s.surface = "grus"
        else:
            s.surface = st.surface
        if s.ped:
            base = 250.0
        elif dead_end:
            base = st.aadt * 0.3
        elif s.end_piece:
            base = st.aadt * 0.8
        else:
            mx, my = (s.a[0] + s.b[0]) / 2 - t.dx, (s.a[1] + s.b[1]) / 2 - t.dy
            base = st.aadt * (1.15 - 0.35 * min(1.0, math.hypot(mx - CENTRE[0], my - CENTRE[1]) / 900.0))
        s.aadt = max(20, int(round(base * rng.uniform(0.9, 1.1), -1)))
        # Paving: a new stretch where the last one ended or the surface changes.
        if run_left <= 0 or s.surface != run_surface:
            run_left, run_surface = rng.randint(1, 4), s.surface
            run_age = rng.randint(*_PAVING_AGE_DAYS[s.surface])
        run_left -= 1
        age = run_age + rng.randint(0, 6)
        if t.base and s.sid == KNOWN_CASES["moratorium_conflict"]["segment_id"]:
            age = KNOWN_CASES["moratorium_conflict"]["paved_days_ago"]
        elif t.base and s.sid == KNOWN_CASES["no_conflict"]["segment_id"]:
            age = KNOWN_CASES["no_conflict"]["paved_days_ago"]
        s.last_paved = t.days(-age)


def _speed(t: Tile, s: Segment) -> int:
    st = s.street
    if s.ped:
        return 7  # gågata: walking pace
    if _borders(s, town.SCHOOL_BLOCKS):
        return min(st.speed, 40 if st.functional_class <= 3 else 30)
    if t.tx == 0 and s.ns and s.index == 0 and not s.end_piece and s.start_cross in town.STRIP_PARKS:
        return min(st.speed, 30)  # Strandgatan along the lakeside parks
    if s.end_piece and s.through and st.main_road:
        return st.speed + 10  # leaving the town
    return st.speed


def _borders(s: Segment, blocks) -> bool:
    """Whether segment ``s`` runs along one of ``blocks`` (cells (i, j) between streets i, i+1 and j, j+1)."""
    if s.end_piece:
        return False
    if s.ns:
        return (s.index - 1, s.start_cross) in blocks or (s.index, s.start_cross) in blocks
    return (s.start_cross, s.index - 1) in blocks or (s.start_cross, s.index) in blocks


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
        roads.add_feature(line_blob(s.coords), (
            s.sid, s.name, s.fc, s.speed, s.surface,
            "enskild" if (s.street.functional_class >= 6 and s.surface == "grus") else s.street.owner,
            s.width, 1 if p else s.street.lanes,
            "BK3" if p else s.street.bearing_class, s.aadt, s.last_paved.isoformat(),
            {"asfalt": 5, "gatsten": 10}.get(s.surface, 0), latest, s.from_street, s.to_street,
            round(s.length, 2)))
