"""Traffic of a tile: weekday hourly counts per segment (summing to its ÅDT) and the traffic signs along it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Optional, Tuple

from .geometry import point_along
from .gpkg_writer import point_blob
from .town import NS_STREETS, WE_STREETS, Street

if TYPE_CHECKING:
    from .network import Segment
    from .tile import Tile

SIGN_NAMES = {
    "B1": "Väjningsplikt", "B2": "Stopplikt", "B3": "Övergångsställe", "B4": "Huvudled",
    "C31": "Hastighetsbegränsning", "C35": "Förbud att parkera fordon",
    "C39": "Förbud att stanna och parkera fordon", "D10": "Körfält eller körbana för fordon i linjetrafik m.fl.",
    "E7": "Gågata", "E8": "Gågata upphör", "E19": "Parkering", "E22": "Hållplats för linjetrafik",
    "T6": "Tidsangivelse",
}

# Hourly shape of weekday traffic (relative weights, hour 0..23).
PROFILES = {
    "commuter": (0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 4.0, 9.0, 7.5, 5.0, 4.5, 4.8,
                 5.2, 5.0, 5.2, 6.5, 8.8, 8.2, 6.0, 4.5, 3.5, 2.6, 1.8, 1.1),
    "shopping": (0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.5, 3.0, 4.0, 5.5, 7.0, 8.5,
                 9.5, 9.8, 9.0, 8.0, 7.5, 6.5, 5.0, 3.5, 2.5, 1.5, 0.9, 0.5),
    "residential": (0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 3.0, 6.0, 5.5, 4.5, 4.2, 4.5,
                    5.0, 4.8, 5.0, 6.0, 7.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0),
}


def write_counts(t: Tile, s: Segment, sink) -> None:
    """24 hourly rows summing exactly to the segment's ÅDT (largest remainder)."""
    rng = t.rng
    profile = PROFILES["shopping" if s.ped else s.street.profile]
    weights = [w * rng.uniform(0.95, 1.05) for w in profile]
    total = sum(weights)
    raw = [s.aadt * w / total for w in weights]
    vals = [int(v) for v in raw]
    short = s.aadt - sum(vals)
    for h in sorted(range(24), key=lambda h: vals[h] - raw[h])[:short]:
        vals[h] += 1
    year = t.today.year - rng.randint(0, 4)
    sid = s.sid
    sink.add_many([(sid, h, vals[h], year) for h in range(24)])


def write_signs(t: Tile) -> None:
    """Signs along every segment of the tile: speed limits, gågata, give way/stop, huvudled, bus lane, parking."""
    rng = t.rng
    by_place = {(s.ns, s.index, s.k): s for s in t.segments}
    for s in t.segments:
        st = s.street
        inner = s.start_cross is not None and s.end_cross is not None
        # Speed limit where a street (or its non-pedestrian part) begins, in both directions, and where it changes.
        if s.first and not s.ped:
            _sign(t, s, "C31", 10, True, value=s.speed)
        if s.final and not s.ped:
            _sign(t, s, "C31", 10, False, value=s.speed)
        before = by_place.get((s.ns, s.index, s.k - 1))
        if before is not None and not (s.ped or before.ped) and before.speed != s.speed:
            _sign(t, s, "C31", 10, True, value=s.speed)
            _sign(t, before, "C31", 10, False, value=before.speed)
        if st.pedestrian and s.start_cross is not None:
            first, last = st.pedestrian
            if s.ped and s.start_cross == first:
                _sign(t, s, "E7", 5, True)
                _sign(t, s, "E8", 5, False)
            if s.ped and s.end_cross == last:
                _sign(t, s, "E7", 5, False)
                _sign(t, s, "E8", 5, True)
            if not s.ped and s.start_cross == last:
                _sign(t, s, "C31", 10, True, value=s.speed)
            if not s.ped and s.end_cross == first:
                _sign(t, s, "C31", 10, False, value=s.speed)
        # Give way / stop where this street meets a more important one.
        for cross, forward in ((s.end_cross, True), (s.start_cross, False)):
            if cross is None or s.ped:
                continue
            other, other_ped = _crossing(s, cross)
            if other_ped:
                continue
            if _minor(s, other):
                _sign(t, s, "B2" if other.functional_class <= 2 else "B1", s.length - 12, forward)
            if st.crosswalks and cross % 2 == 0:
                _sign(t, s, "B3", s.length - 6, forward)
        if st.main_road and inner and (s.k == 2 or s.k % 3 == 0):
            _sign(t, s, "B4", 15, True)
        if st.main_road and inner and (s.k == s.last - 1 or s.k % 3 == 0):
            _sign(t, s, "B4", 15, False)
        if st.bus and inner:
            if s.k % 2 == 0:
                _sign(t, s, "D10", 18, True)
                _sign(t, s, "D10", 18, False)
            if s.k % 3 == 1:
                _sign(t, s, "E22", s.length * 0.5, True)
                _sign(t, s, "E22", s.length * 0.45, False)
            _sign(t, s, "C39", 25, s.k % 2 == 1)
        elif inner and not s.ped and s.fc >= 5:
            r = rng.random()
            forward = rng.random() < 0.5
            left = rng.random() < 0.3
            if r < 0.32:
                _sign(t, s, "E19", s.length * 0.35, forward, left=left)
                _sign(t, s, "T6", s.length * 0.35, forward, left=left,
                   plate=rng.choice(("8–18 (11–15)", "9–18 (10–14)", "7–19")))
            elif r < 0.47:
                _sign(t, s, "C35", s.length * 0.4, forward, left=left)
            elif r < 0.55:
                _sign(t, s, "C39", 20, forward, left=left)


def _crossing(s: Segment, cross: int) -> Tuple[Street, bool]:
    """The street crossing segment ``s`` at crossing index ``cross``, and whether it is a gågata there."""
    if s.ns:
        return WE_STREETS[cross], False
    col = NS_STREETS[cross]
    row = WE_STREETS.index(s.street)
    ped = bool(col.pedestrian and col.pedestrian[0] < row < col.pedestrian[1])
    return col, ped


def _minor(s: Segment, other: Street) -> bool:
    mine = s.street
    if mine.functional_class >= 5 and other.functional_class >= 5:
        return False  # right-hand rule between minor streets
    return (mine.functional_class, -mine.aadt) > (other.functional_class, -other.aadt)


def _sign(t: Tile, s: Segment, code: str, along: float, forward: bool, value: Optional[int] = None,
          left: bool = False, plate: Optional[str] = None) -> None:
    x, y, dx, dy = point_along(s.coords if forward else s.coords[::-1], along)
    off = (s.width / 2 + 1.0) * (-1 if left else 1)
    x = round(x + dy * off, 2)
    y = round(y - dx * off, 2)
    bearing = round(math.degrees(math.atan2(dx, dy)) % 360.0, 1)
    t.n_signs += 1
    installed = t.days(-t.rng.randint(30, 30 * 365))
    full = f"{code}-{value}" if value is not None else code
    t.w.tables["traffic_signs"].add_feature(point_blob(x, y), (
        f"VM-{t.tag}{t.n_signs:05d}", full, value, "vänster" if left else "höger", installed.isoformat(),
        s.sid, bearing, SIGN_NAMES[code], plate))
