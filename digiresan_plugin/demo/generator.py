"""Deterministic generator of the Östersund demo twin GeoPackage (pure Python + sqlite3, no QGIS).

Output depends only on (seed, scale, today). Every tile of the street pattern gets its own random stream, so the real
town (tile 0) is the same whatever ``scale`` is. Rows are streamed tile by tile into the writer: memory stays flat.
"""

from __future__ import annotations

import math
import os
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from . import town
from .gpkg_writer import GpkgWriter, line_blob, point_blob, polygon_blob
from .ideas import write_ideas_for_twin
from .town import NS_STREETS, WE_STREETS, Street

DEFAULT_SEED = 2380

# Condition class = max(class of IRI, class of rut depth); the upper limits of classes 1-4 (class 5 above).
IRI_LIMITS = (1.5, 2.5, 3.5, 5.0)  # mm/m
RUT_LIMITS = (5.0, 10.0, 15.0, 20.0)  # mm
_IRI_BANDS = ((0.6, 1.5), (1.5, 2.5), (2.5, 3.5), (3.5, 5.0), (5.0, 8.0))
_RUT_BANDS = ((1.0, 5.0), (5.0, 10.0), (10.0, 15.0), (15.0, 20.0), (20.0, 30.0))

PERMIT_STATUSES = ("Ansökan", "Komplettering", "Beviljad", "Pågående", "Återställd", "Avslutad")
UTILITIES = {
    "VA": "Östersunds kommun, Vatten och avfall",
    "el": "Storsjökraft Elnät AB",
    "fjärrvärme": "Storsjökraft Värme AB",
    "fiber": "Jämtfiber AB",
    "tele": "Norrtele AB",
}
CONTRACTORS = (
    "Markbygg Jämtland AB", "Schakt & Väg i Östersund AB", "Frösö Mark AB", "Storsjöns Entreprenad AB",
    "Z-Grävarna AB", "Brunflo Anläggning AB",
)
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

# Named, deterministic situations in the real town (tile 0) for tests and demos; they hold for every seed.
# Dates are relative to ``today``: start/end offsets in days, paved_days_ago for the segment's last_paved.
KNOWN_CASES: Dict[str, dict] = {
    # A permit on a street paved 400 days ago: conflicts with the dig moratorium (default 3 years).
    "moratorium_conflict": {"permit_id": "GT-0001", "segment_id": "OST-KOPMANGATAN-0005", "status": "Beviljad",
                            "start": 14, "end": 35, "paved_days_ago": 400},
    # Two permits overlapping in place (polygons intersect) and time on the same segment, by Stortorget.
    "overlapping_permits": {"permit_ids": ("GT-0002", "GT-0003"), "segment_id": "OST-STORGATAN-0007",
                            "statuses": ("Pågående", "Beviljad"), "starts": (-10, 5), "ends": (20, 40)},
    # A permit on a segment with resurfacing planned next year.
    "paving_plan_conflict": {"permit_id": "GT-0004", "segment_id": "OST-KYRKGATAN-0004", "status": "Ansökan",
                             "start": 30, "end": 60, "planned_year_offset": 1},
    # A permit with no conflict at all: old pavement, no paving plan, no other permit on or near it.
    "no_conflict": {"permit_id": "GT-0005", "segment_id": "OST-TJALMARGATAN-0003", "status": "Komplettering",
                    "start": 21, "end": 42, "paved_days_ago": 9 * 365},
    # An emergency dig in progress.
    "emergency_dig": {"permit_id": "GT-0006", "segment_id": "OST-RADHUSGATAN-0009", "status": "Pågående",
                      "start": -2, "end": 5},
    # Traffic profiles: commuter peaks 07-08 and 16-17, shopping street peaks at midday.
    "commuter_street": {"segment_id": "OST-RADHUSGATAN-0006", "street_name": "Rådhusgatan"},
    "shopping_street": {"segment_id": "OST-STORGATAN-0006", "street_name": "Storgatan"},
    # The pedestrian street: Prästgatan segments 0003-0008 (Residensgränd-Biblioteksgatan), E7 at both ends.
    "pedestrian_street": {"segment_id": "OST-PRASTGATAN-0005", "segment_ids": tuple(
        f"OST-PRASTGATAN-{k:04d}" for k in range(3, 9)), "surface": "gatsten"},
    "bus_corridor": {"street_name": "Kyrkgatan"},
    "property": {"designation": "Östersund Hjorten 3", "block": "Hjorten"},
    "park": {"name": "Badhusparken"},
}
_KNOWN_SEGMENTS = {
    KNOWN_CASES[k]["segment_id"]
    for k in ("moratorium_conflict", "overlapping_permits", "paving_plan_conflict", "no_conflict", "emergency_dig")
}

_SCHEMA = {
    "road_segments": ("LINESTRING", "Street segments between crossings (after NVDB)", [
        ("segment_id", "TEXT NOT NULL"), ("street_name", "TEXT"), ("functional_class", "MEDIUMINT"),
        ("speed_limit_kmh", "MEDIUMINT"), ("surface", "TEXT"), ("road_owner", "TEXT"), ("width_m", "REAL"),
        ("lanes", "MEDIUMINT"), ("bearing_class", "TEXT"), ("aadt", "MEDIUMINT"), ("last_paved", "DATE"),
        ("pavement_warranty_years", "MEDIUMINT"), ("latest_condition_class", "MEDIUMINT"), ("from_street", "TEXT"),
        ("to_street", "TEXT"), ("length_m", "REAL")]),
    "road_condition": (None, "Condition inspections (IRI, rut depth, class 1-5)", [
        ("segment_id", "TEXT NOT NULL"), ("inspected_on", "DATE"), ("iri_mm_m", "REAL"), ("rut_depth_mm", "REAL"),
        ("condition_class", "MEDIUMINT")]),
    "paving_plan": (None, "Planned resurfacing per segment and year", [
        ("segment_id", "TEXT NOT NULL"), ("planned_year", "MEDIUMINT"), ("treatment", "TEXT"),
        ("estimated_cost_sek", "MEDIUMINT")]),
    "traffic_signs": ("POINT", "Traffic signs (Vägmärkesförordningen codes)", [
        ("sign_id", "TEXT NOT NULL"), ("sign_code", "TEXT"), ("value", "MEDIUMINT"), ("side", "TEXT"),
        ("installed_on", "DATE"), ("segment_id", "TEXT"), ("bearing_deg", "REAL"), ("name_sv", "TEXT"),
        ("plate_text", "TEXT")]),
    "excavation_permits": ("POLYGON", "Excavation permits (grävtillstånd) with TA-plans", [
        ("permit_id", "TEXT NOT NULL"), ("applicant", "TEXT"), ("contractor", "TEXT"), ("utility", "TEXT"),
        ("start_date", "DATE"), ("end_date", "DATE"), ("status", "TEXT"), ("ta_plan_id", "TEXT"),
        ("emergency", "BOOLEAN"), ("restoration_status", "TEXT"), ("segment_id", "TEXT"), ("applied_on", "DATE")]),
    "traffic_counts": (None, "Weekday hourly traffic per segment", [
        ("segment_id", "TEXT NOT NULL"), ("hour", "MEDIUMINT"), ("vehicles", "MEDIUMINT"),
        ("measured_year", "MEDIUMINT")]),
    "buildings": ("POLYGON", "Buildings", [
        ("building_id", "TEXT NOT NULL"), ("purpose", "TEXT"), ("construction_year", "MEDIUMINT"),
        ("floors", "MEDIUMINT"), ("owner", "TEXT"), ("designation", "TEXT"), ("footprint_m2", "REAL")]),
    "properties": ("POLYGON", "Real properties (fastigheter)", [
        ("designation", "TEXT NOT NULL"), ("area_m2", "REAL"), ("owner_type", "TEXT"), ("detailed_plan", "TEXT"),
        ("block", "TEXT")]),
    "parks": ("POLYGON", "Parks and squares", [
        ("park_id", "TEXT NOT NULL"), ("name", "TEXT"), ("maintenance_class", "TEXT"), ("last_maintained", "DATE"),
        ("kind", "TEXT"), ("area_m2", "REAL")]),
}
_INDEXES = (
    ("road_segments", ("segment_id",), True), ("road_segments", ("street_name",), False),
    ("road_condition", ("segment_id",), False), ("road_condition", ("segment_id", "inspected_on"), False),
    ("paving_plan", ("segment_id",), False),
    ("traffic_signs", ("sign_id",), True), ("traffic_signs", ("segment_id",), False),
    ("excavation_permits", ("permit_id",), True), ("excavation_permits", ("segment_id",), False),
    ("traffic_counts", ("segment_id",), False), ("traffic_counts", ("segment_id", "hour"), True),
    ("buildings", ("building_id",), True), ("buildings", ("designation",), False),
    ("properties", ("designation",), True),
    ("parks", ("park_id",), True),
)
TABLES = tuple(_SCHEMA)


@dataclass
class TwinStats:
    """What ``generate_twin`` wrote: rows per table, the extent (xmin, ymin, xmax, ymax) in EPSG:3006, and more."""

    path: Path
    counts: Dict[str, int]
    extent: Tuple[float, float, float, float]
    seed: int
    scale: Optional[int]
    today: date
    tiles: int = 1
    seconds: float = 0.0
    crs: str = "EPSG:3006"
    tables: Tuple[str, ...] = field(default=TABLES)


class _Seg:
    """A road segment while its tile is generated."""

    __slots__ = ("sid", "street", "name", "a", "b", "length", "ns", "k", "last", "ped", "from_street",
                 "to_street", "start_cross", "end_cross", "speed", "width", "fc", "aadt", "last_paved",
                 "surface", "latest_class", "planned_year")


def _iso(d: date) -> str:
    return d.isoformat()


class _TileGen:
    """Generates one tile of the town into the writer."""

    def __init__(self, gen: "_Generator", index: int) -> None:
        self.g = gen
        self.w = gen.writer
        self.today = gen.today
        self.index = index
        self.tx = index % gen.columns
        self.dx, self.dy = town.tile_offset(index, gen.columns)
        self.rng = random.Random(f"digiresan-twin:{gen.seed}:{index}")
        self.base = index == 0
        self.tag = "" if self.base else f"T{index:05d}-"
        names = random.Random(f"digiresan-names:{index}")  # names and ids do not depend on the seed
        if self.base:
            self.ns_names = [s.name for s in NS_STREETS]
            self.we_names = [s.name for s in WE_STREETS]
        else:
            self.ns_names = [p + "gatan" for p in names.sample(town.NS_PREFIXES, len(NS_STREETS))]
            self.we_names = [p + ("vägen" if s.main_road or s.functional_class <= 4 else "gränd")
                             for p, s in zip(names.sample(town.WE_PREFIXES, len(WE_STREETS)), WE_STREETS)]
            self.park_names = names.sample(town.PARK_PREFIXES, len(town.PARK_BLOCKS) + len(town.STRIP_PARKS))
            self.trakt = town.TRAKTER[index % len(town.TRAKTER)]
            self.trakt_group = index // len(town.TRAKTER)
        self.segments: List[_Seg] = []
        self.n_signs = 0
        self.n_buildings = 0
        self.n_parks = 0
        self.trakt_units = {"Norr": 9, "Söder": 14}

    # --- helpers --------------------------------------------------------------------------------------------------
    def days(self, n: int) -> date:
        return self.today + timedelta(days=n)

    def xs(self) -> List[float]:
        return [s.pos + self.dx for s in NS_STREETS]

    def ys(self) -> List[float]:
        return [s.pos + self.dy for s in WE_STREETS]

    # --- road segments --------------------------------------------------------------------------------------------
    def build_segments(self) -> None:
        xs, ys = self.xs(), self.ys()
        for i, st in enumerate(NS_STREETS):
            verts = [ys[0] + town.STUB_NS] + ys + [ys[-1] - town.STUB_NS]
            for k in range(1, len(verts)):
                self._add_seg(st, self.ns_names[i], True, k, len(verts) - 1, (xs[i], verts[k - 1]),
                              (xs[i], verts[k]), k - 2 if k >= 2 else None, k - 1 if k - 1 < len(ys) else None)
        for j, st in enumerate(WE_STREETS):
            verts = [xs[0] - town.STUB_WE] + xs + [xs[-1] + town.STUB_WE]
            for k in range(1, len(verts)):
                self._add_seg(st, self.we_names[j], False, k, len(verts) - 1, (verts[k - 1], ys[j]),
                              (verts[k], ys[j]), k - 2 if k >= 2 else None, k - 1 if k - 1 < len(xs) else None)

    def _add_seg(self, st: Street, name: str, ns: bool, k: int, last: int, a, b, start_cross, end_cross) -> None:
        rng = self.rng
        s = _Seg()
        s.sid = f"OST-{self.tag}{town.slug(name)}-{k:04d}"
        s.street, s.name, s.ns, s.k, s.last = st, name, ns, k, last
        s.a, s.b = a, b
        s.length = math.hypot(b[0] - a[0], b[1] - a[1])
        s.start_cross, s.end_cross = start_cross, end_cross
        cross_names = self.we_names if ns else self.ns_names
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
        if self.base and s.sid == KNOWN_CASES["moratorium_conflict"]["segment_id"]:
            age = KNOWN_CASES["moratorium_conflict"]["paved_days_ago"]
        elif self.base and s.sid == KNOWN_CASES["no_conflict"]["segment_id"]:
            age = KNOWN_CASES["no_conflict"]["paved_days_ago"]
        s.last_paved = self.days(-age)
        s.planned_year = None
        s.latest_class = None
        self.segments.append(s)

    def write_segments(self) -> None:
        rng, today = self.rng, self.today
        cond = self.w.tables["road_condition"]
        plan = self.w.tables["paving_plan"]
        counts = self.w.tables["traffic_counts"]
        roads = self.w.tables["road_segments"]
        plan_case = KNOWN_CASES["paving_plan_conflict"]
        no_plan = {KNOWN_CASES["moratorium_conflict"]["segment_id"], KNOWN_CASES["no_conflict"]["segment_id"]}
        for s in self.segments:
            latest = self._inspections(s, cond)
            s.latest_class = latest
            # Paving plan: mostly the worst streets, about a tenth of all segments.
            if self.base and s.sid == plan_case["segment_id"]:
                s.planned_year = today.year + plan_case["planned_year_offset"]
                treatment = "Fräsning och ny beläggning"
            elif self.base and s.sid in no_plan:
                treatment = None
            elif rng.random() < (0.0, 0.02, 0.06, 0.3, 0.55)[latest - 1]:
                s.planned_year = today.year + (rng.randint(0, 1) if latest == 5 else rng.randint(0, 3))
                treatment = self._treatment(s, latest)
            else:
                treatment = None
            if s.planned_year is not None:
                price = {"gatsten": 1400, "grus": 60}.get(s.surface, 450)
                plan.add((s.sid, s.planned_year, treatment, int(round(s.length * s.width * price, -3))))
            self._counts(s, counts)
            p = s.ped
            roads.add_feature(line_blob((s.a, s.b)), (
                s.sid, s.name, s.fc, s.speed, s.surface,
                "enskild" if (s.street.functional_class >= 6 and s.surface == "grus") else s.street.owner,
                s.width, 1 if p else s.street.lanes,
                "BK3" if p else s.street.bearing_class, s.aadt, _iso(s.last_paved),
                {"asfalt": 5, "gatsten": 10}.get(s.surface, 0), latest, s.from_street, s.to_street,
                round(s.length, 2)))

    def _treatment(self, s: _Seg, latest: int) -> str:
        if s.surface == "gatsten":
            return "Omläggning av gatsten"
        if s.surface == "grus":
            return "Grusning och hyvling"
        if latest == 5:
            return self.rng.choice(("Fräsning och ny beläggning", "Förstärkning och ny beläggning"))
        if latest == 4:
            return "Ny beläggning"
        return self.rng.choice(("Ytbehandling", "Lagning av sprickor"))

    def _inspections(self, s: _Seg, sink) -> int:
        """Write 2-4 inspections over the last ten years; return the class of the newest."""
        rng, today = self.rng, self.today
        n = rng.randint(2, 4)
        years = sorted(rng.sample(range(today.year - 9, today.year), n))
        dates = [date(y, rng.randint(5, 9), rng.randint(1, 28)) for y in years]
        # Repaved since the newest inspection: the newest one is from after the paving.
        if dates[-1] < s.last_paved and (today - s.last_paved).days > 45:
            lo = s.last_paved.toordinal() + 30
            dates = dates[1:] + [date.fromordinal(rng.randint(lo, max(lo, today.toordinal() - 1)))]
        life = {"asfalt": 20.0, "gatsten": 40.0, "grus": 6.0}[s.surface]
        previous = s.last_paved - timedelta(days=rng.randint(12 * 365, 22 * 365))
        cls = 1
        for d in dates:
            ref = s.last_paved if d >= s.last_paved else previous
            age = (d - ref).days / 365.25
            cls = min(5, max(1, int(round(1 + 4 * age / life + rng.gauss(0, 0.45)))))
            iri_band = cls if rng.random() < 0.6 else rng.randint(1, cls)
            rut_band = cls if iri_band < cls else rng.randint(1, cls)
            lo, hi = _IRI_BANDS[iri_band - 1]
            iri = round(lo + (hi - lo) * rng.uniform(0.02, 0.97), 2)
            lo, hi = _RUT_BANDS[rut_band - 1]
            rut = round(lo + (hi - lo) * rng.uniform(0.02, 0.97), 1)
            sink.add((s.sid, _iso(d), iri, rut, cls))
        return cls

    def _counts(self, s: _Seg, sink) -> None:
        """24 hourly rows summing exactly to the segment's ÅDT (largest remainder)."""
        rng = self.rng
        profile = PROFILES["shopping" if s.ped else s.street.profile]
        weights = [w * rng.uniform(0.95, 1.05) for w in profile]
        total = sum(weights)
        raw = [s.aadt * w / total for w in weights]
        vals = [int(v) for v in raw]
        short = s.aadt - sum(vals)
        for h in sorted(range(24), key=lambda h: vals[h] - raw[h])[:short]:
            vals[h] += 1
        year = self.today.year - rng.randint(0, 4)
        sid = s.sid
        sink.add_many([(sid, h, vals[h], year) for h in range(24)])

    # --- traffic signs --------------------------------------------------------------------------------------------
    def write_signs(self) -> None:
        rng = self.rng
        for s in self.segments:
            st = s.street
            inner = s.start_cross is not None and s.end_cross is not None
            # Speed limit where a street (or its non-pedestrian part) begins, in both directions.
            if s.k == 1 and not s.ped:
                self._sign(s, "C31", 10, True, value=s.speed)
            if s.k == s.last and not s.ped:
                self._sign(s, "C31", 10, False, value=s.speed)
            if st.pedestrian and s.start_cross is not None:
                first, last = st.pedestrian
                if s.ped and s.start_cross == first:
                    self._sign(s, "E7", 5, True)
                    self._sign(s, "E8", 5, False)
                if s.ped and s.end_cross == last:
                    self._sign(s, "E7", 5, False)
                    self._sign(s, "E8", 5, True)
                if not s.ped and s.start_cross == last:
                    self._sign(s, "C31", 10, True, value=s.speed)
                if not s.ped and s.end_cross == first:
                    self._sign(s, "C31", 10, False, value=s.speed)
            # Give way / stop where this street meets a more important one.
            for cross, forward in ((s.end_cross, True), (s.start_cross, False)):
                if cross is None or s.ped:
                    continue
                other, other_ped = self._crossing(s, cross)
                if other_ped:
                    continue
                if self._minor(s, other):
                    self._sign(s, "B2" if other.functional_class <= 2 else "B1", s.length - 12, forward)
                if st.crosswalks and cross % 2 == 0:
                    self._sign(s, "B3", s.length - 6, forward)
            if st.main_road and inner and (s.k == 2 or s.k % 3 == 0):
                self._sign(s, "B4", 15, True)
            if st.main_road and inner and (s.k == s.last - 1 or s.k % 3 == 0):
                self._sign(s, "B4", 15, False)
            if st.bus and inner:
                if s.k % 2 == 0:
                    self._sign(s, "D10", 18, True)
                    self._sign(s, "D10", 18, False)
                if s.k % 3 == 1:
                    self._sign(s, "E22", s.length * 0.5, True)
                    self._sign(s, "E22", s.length * 0.45, False)
                self._sign(s, "C39", 25, s.k % 2 == 1)
            elif inner and not s.ped and s.fc >= 5:
                r = rng.random()
                forward = rng.random() < 0.5
                left = rng.random() < 0.3
                if r < 0.32:
                    self._sign(s, "E19", s.length * 0.35, forward, left=left)
                    self._sign(s, "T6", s.length * 0.35, forward, left=left,
                               plate=rng.choice(("8–18 (11–15)", "9–18 (10–14)", "7–19")))
                elif r < 0.47:
                    self._sign(s, "C35", s.length * 0.4, forward, left=left)
                elif r < 0.55:
                    self._sign(s, "C39", 20, forward, left=left)

    def _crossing(self, s: _Seg, cross: int) -> Tuple[Street, bool]:
        """The street crossing segment ``s`` at crossing index ``cross``, and whether it is a gågata there."""
        if s.ns:
            return WE_STREETS[cross], False
        col = NS_STREETS[cross]
        row = WE_STREETS.index(s.street)
        ped = bool(col.pedestrian and col.pedestrian[0] < row < col.pedestrian[1])
        return col, ped

    @staticmethod
    def _minor(s: _Seg, other: Street) -> bool:
        mine = s.street
        if mine.functional_class >= 5 and other.functional_class >= 5:
            return False  # right-hand rule between minor streets
        return (mine.functional_class, -mine.aadt) > (other.functional_class, -other.aadt)

    def _sign(self, s: _Seg, code: str, along: float, forward: bool, value: Optional[int] = None,
              left: bool = False, plate: Optional[str] = None) -> None:
        (ax, ay), (bx, by) = (s.a, s.b) if forward else (s.b, s.a)
        dx, dy = (bx - ax) / s.length, (by - ay) / s.length
        off = (s.width / 2 + 1.0) * (-1 if left else 1)
        x = round(ax + dx * along + dy * off, 2)
        y = round(ay + dy * along - dx * off, 2)
        bearing = round(math.degrees(math.atan2(dx, dy)) % 360.0, 1)
        self.n_signs += 1
        installed = self.days(-self.rng.randint(30, 30 * 365))
        full = f"{code}-{value}" if value is not None else code
        self.w.tables["traffic_signs"].add_feature(point_blob(x, y), (
            f"VM-{self.tag}{self.n_signs:05d}", full, value, "vänster" if left else "höger", _iso(installed),
            s.sid, bearing, SIGN_NAMES[code], plate))

    # --- excavation permits ---------------------------------------------------------------------------------------
    def write_permits(self) -> None:
        rng = self.rng
        sink = self.w.tables["excavation_permits"]
        by_id = {s.sid: s for s in self.segments}
        n = 0
        if self.base:
            c = KNOWN_CASES
            m = c["moratorium_conflict"]
            self._permit(sink, "GT-0001", by_id[m["segment_id"]], m["status"], m["start"], m["end"], 0.3, 0.6)
            o = c["overlapping_permits"]
            seg = by_id[o["segment_id"]]
            self._permit(sink, o["permit_ids"][0], seg, o["statuses"][0], o["starts"][0], o["ends"][0], 0.25, 0.55)
            self._permit(sink, o["permit_ids"][1], seg, o["statuses"][1], o["starts"][1], o["ends"][1], 0.4, 0.75)
            p = c["paving_plan_conflict"]
            self._permit(sink, p["permit_id"], by_id[p["segment_id"]], p["status"], p["start"], p["end"], 0.3, 0.7)
            q = c["no_conflict"]
            self._permit(sink, q["permit_id"], by_id[q["segment_id"]], q["status"], q["start"], q["end"], 0.35, 0.6)
            e = c["emergency_dig"]
            self._permit(sink, e["permit_id"], by_id[e["segment_id"]], e["status"], e["start"], e["end"], 0.45, 0.55,
                         emergency=True)
            n = 6
        free = [s for s in self.segments if not (self.base and s.sid in _KNOWN_SEGMENTS)]
        recent = [s for s in free if (self.today - s.last_paved).days < 3 * 365 - 60]
        planned = [s for s in free if s.planned_year in (self.today.year, self.today.year + 1)]
        # Some permits in recently paved streets and in streets with paving planned this or next year.
        picks = rng.sample(recent, min(2, len(recent))) + rng.sample(planned, min(2, len(planned)))
        target = int(round(town.SEGMENTS_PER_TILE * 0.15))
        picks += rng.sample(free, target - len(picks) - 3)
        statuses = list(PERMIT_STATUSES)  # the first ones cover every status
        for idx, s in enumerate(picks):
            n += 1
            status = statuses[idx] if idx < len(statuses) else rng.choices(
                PERMIT_STATUSES, weights=(15, 8, 17, 25, 15, 20))[0]
            start, end = self._dates(status)
            t0 = rng.uniform(0.0, 0.5)
            self._permit(sink, f"GT-{self.tag}{n:04d}", s, status, start, end, t0, t0 + rng.uniform(0.15, 0.5),
                         emergency=status in ("Pågående", "Återställd", "Avslutad") and rng.random() < 0.08,
                         lateral=rng.choice(("full", "left", "right")))
        # Overlapping pairs: a second permit on the same stretch of street at the same time.
        for s in rng.sample(free, 3):
            status = rng.choice(("Beviljad", "Pågående", "Ansökan"))
            start, end = self._dates(status)
            n += 1
            self._permit(sink, f"GT-{self.tag}{n:04d}", s, status, start, end, 0.2, 0.5)
            start2 = start + rng.randint(-5, 10)
            end2 = max(start2 + 5, end + rng.randint(-3, 15))
            n += 1
            self._permit(sink, f"GT-{self.tag}{n:04d}", s, self._status_for(start2, end2), start2, end2, 0.4, 0.8)

    def _dates(self, status: str) -> Tuple[int, int]:
        r = self.rng.randint
        if status == "Ansökan":
            start = r(10, 60)
        elif status == "Komplettering":
            start = r(5, 45)
        elif status == "Beviljad":
            start = r(1, 30)
        elif status == "Pågående":
            start = r(-25, 0)
            return start, r(1, 40)
        elif status == "Återställd":
            end = r(-60, -1)
            return end - r(3, 40), end
        else:  # Avslutad
            end = r(-700, -31)
            return end - r(3, 60), end
        return start, start + r(3, 30)

    def _status_for(self, start: int, end: int) -> str:
        if end < -30:
            return "Avslutad"
        if end < 0:
            return "Återställd"
        if start <= 0:
            return "Pågående"
        return "Beviljad" if start <= 10 else self.rng.choice(("Ansökan", "Komplettering", "Beviljad"))

    def _permit(self, sink, permit_id: str, s: _Seg, status: str, start: int, end: int, t0: float, t1: float,
                emergency: bool = False, lateral: str = "full") -> None:
        rng = self.rng
        margin = 15.0  # metres from each end: a permit polygon never reaches a crossing street
        usable = s.length - 2 * margin
        a0 = margin + usable * max(0.0, min(1.0, t0))
        a1 = margin + usable * max(0.0, min(1.0, t1))
        if a1 - a0 < 4.0:
            a1 = min(s.length - margin, a0 + 4.0)
            a0 = a1 - 4.0
        half = s.width / 2 + 1.0
        lo, hi = {"full": (-half, half), "left": (0.0, half), "right": (-half, 0.0)}[lateral]
        (ax, ay), (bx, by) = s.a, s.b
        dx, dy = (bx - ax) / s.length, (by - ay) / s.length

        def p(along: float, off: float) -> Tuple[float, float]:
            # off > 0 is to the left of a->b
            return round(ax + dx * along - dy * off, 2), round(ay + dy * along + dx * off, 2)

        ring = [p(a0, lo), p(a1, lo), p(a1, hi), p(a0, hi)]
        utility = rng.choice(tuple(UTILITIES))
        applied = start - (0 if emergency else rng.randint(12, 40))
        if status in ("Ansökan", "Komplettering", "Beviljad"):
            applied = min(applied, -rng.randint(0, 10))
        restoration = {"Återställd": rng.choice(("tillfälligt återställd", "återställd")),
                       "Avslutad": "slutbesiktigad"}.get(status, "ej påbörjad")
        start_d = self.days(start)
        sink.add_feature(polygon_blob(ring), (
            permit_id, UTILITIES[utility], rng.choice(CONTRACTORS), utility, _iso(start_d), _iso(self.days(end)),
            status, f"TA-{start_d.year}-{permit_id[3:]}", 1 if emergency else 0, restoration, s.sid,
            _iso(self.days(applied))))

    # --- blocks: properties, buildings, parks ---------------------------------------------------------------------
    def write_blocks(self) -> None:
        xs, ys = self.xs(), self.ys()
        kvarter = iter(town.KVARTER_NAMES)
        block_no = 0
        for j in range(len(WE_STREETS) - 1):
            for i in range(len(NS_STREETS) - 1):
                block_no += 1
                x0 = xs[i] + NS_STREETS[i].width / 2 + town.SIDEWALK
                x1 = xs[i + 1] - NS_STREETS[i + 1].width / 2 - town.SIDEWALK
                y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
                y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
                rect = (x0, y0, x1, y1)
                if (i, j) in town.PARK_BLOCKS:
                    self._park(rect, j, block_no, *town.PARK_BLOCKS[(i, j)])
                    continue
                if self.base:
                    name, required = town.REAL_BLOCKS.get((i, j)) or (next(kvarter), None)
                else:
                    name, required = None, None
                self._block(rect, i, j, block_no, name, required)
        if self.tx == 0:  # the lake-side strip west of Strandgatan
            for j in range(len(WE_STREETS) - 1):
                x0 = xs[0] - town.STUB_WE + 2.0
                x1 = xs[0] - NS_STREETS[0].width / 2 - town.SIDEWALK
                y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
                y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
                if j in town.STRIP_PARKS:
                    self._park((x0, y0, x1, y1), j, 90 + j + 1, *town.STRIP_PARKS[j])
                else:
                    designation = self._trakt_designation(j, 90 + j + 1)
                    self._property((x0, y0, x1, y1), designation, "kommun", "2380-P74/3", _trakt_of(designation))

    def _trakt_designation(self, row: int, block_no: int, unit: int = 1) -> str:
        if self.base:
            trakt = "Norr" if row < 6 else "Söder"
            self.trakt_units[trakt] += 1
            return f"Östersund {trakt} 1:{self.trakt_units[trakt]}"
        return f"Östersund {self.trakt} {self.trakt_group * 100 + block_no}:{unit}"

    def _park(self, rect, row: int, block_no: int, name: str, kind: str, mclass: str) -> None:
        rng = self.rng
        if not self.base:
            prefix = self.park_names[self.n_parks % len(self.park_names)]
            name = prefix + ("torget" if kind == "torg" else "parken")
        self.n_parks += 1
        x0, y0, x1, y1 = rect
        area = round((x1 - x0) * (y1 - y0), 1)
        self.w.tables["parks"].add_feature(polygon_blob(_rect_ring(rect)), (
            f"PARK-{self.tag}{self.n_parks:02d}", name, mclass, _iso(self.days(-rng.randint(1, 45))), kind, area))
        designation = self._trakt_designation(row, block_no)
        self._property(rect, designation, "kommun", "2380-P61/2", _trakt_of(designation))

    def _property(self, rect, designation: str, owner_type: str, plan: str, block: Optional[str]) -> None:
        x0, y0, x1, y1 = rect
        self.w.tables["properties"].add_feature(polygon_blob(_rect_ring(rect)), (
            designation, round((x1 - x0) * (y1 - y0), 1), owner_type, plan, block))

    def _block(self, rect, i: int, j: int, block_no: int, name: Optional[str], required: Optional[int]) -> None:
        rng = self.rng
        x0, y0, x1, y1 = rect
        nx = 1 if x1 - x0 < 70 else rng.choice((1, 2, 2))
        ny = rng.choice((2, 3, 3))
        xcuts = _cuts(rng, x0, x1, nx)
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
        commercial = i in town.COMMERCIAL_COLS and j in town.COMMERCIAL_ROWS
        k = 0
        for a in range(ny):
            for b in range(nx):
                prect = (xcuts[b], ycuts[a], xcuts[b + 1], ycuts[a + 1])
                if name:
                    designation = f"Östersund {name} {numbers[k]}"
                else:
                    designation = f"Östersund {self.trakt} {self.trakt_group * 100 + block_no}:{numbers[k]}"
                k += 1
                owner_type = rng.choices(("privat", "bostadsrättsförening", "kommun", "företag", "region"),
                                         weights=(10, 15, 5, 30, 3) if commercial else (25, 35, 10, 15, 3))[0]
                self._property(prect, designation, owner_type, plan, name or _trakt_of(designation))
                self._buildings(prect, i, j, commercial, designation, owner_type, name or self.trakt)

    def _buildings(self, rect, i: int, j: int, commercial: bool, designation: str, owner_type: str,
                   block: str) -> None:
        rng = self.rng
        x0, y0, x1, y1 = rect
        m = rng.uniform(2.0, 5.0)
        x0, y0, x1, y1 = x0 + m, y0 + m, x1 - m, y1 - m
        if (i, j) in town.SCHOOL_BLOCKS:
            purpose = "skola"
        elif (i, j) in town.CIVIC_BLOCKS:
            purpose = town.CIVIC_BLOCKS[(i, j)]
        elif j in town.INDUSTRY_ROWS:
            purpose = rng.choices(("industri", "kontor", "bostad"), weights=(6, 2, 2))[0]
        elif commercial:
            purpose = rng.choices(("handel", "kontor", "bostad"), weights=(4, 3, 3))[0]
        else:
            purpose = rng.choices(("bostad", "kontor", "handel", "vård", "skola"), weights=(75, 10, 6, 5, 4))[0]
        owner = {
            "kommun": "Östersunds kommun", "region": "Region Jämtland Härjedalen", "privat": "Privat ägare",
            "bostadsrättsförening": f"Brf {block} {designation.rsplit(' ', 1)[-1]}",
        }.get(owner_type) or rng.choice(("Storsjöfastigheter AB", "Fastighets AB Norrstaden", "Östersundshus AB",
                                          "Centrumfastigheter i Östersund AB", "Jämtlandsgården AB"))
        parts = [((x0, y0, x1, y1), purpose)]
        if (x1 - x0) * (y1 - y0) > 1500 and rng.random() < 0.15:
            if x1 - x0 >= y1 - y0:
                cut = x0 + (x1 - x0) * 0.68
                parts = [((x0, y0, cut, y1), purpose), ((cut + 4, y0, x1, y0 + (y1 - y0) * 0.5), "garage")]
            else:
                cut = y1 - (y1 - y0) * 0.68
                parts = [((x0, cut, x1, y1), purpose), ((x0, y0, x0 + (x1 - x0) * 0.5, cut - 4), "garage")]
        floors_range = {"bostad": (2, 6), "handel": (2, 5), "kontor": (3, 7), "skola": (2, 4), "industri": (1, 2),
                        "garage": (1, 1), "kyrka": (1, 2), "vård": (2, 5), "kultur": (2, 4),
                        "samhällsfunktion": (3, 5)}
        for prect, purp in parts:
            bx0, by0, bx1, by1 = (round(v, 2) for v in prect)
            self.n_buildings += 1
            year = rng.randint(1885, 2015) if commercial else rng.randint(1900, 2022)
            self.w.tables["buildings"].add_feature(polygon_blob(_rect_ring((bx0, by0, bx1, by1))), (
                f"BYG-{self.tag}{self.n_buildings:05d}", purp, year, rng.randint(*floors_range[purp]), owner,
                designation, round((bx1 - bx0) * (by1 - by0), 1)))

    def run(self) -> None:
        self.build_segments()
        self.write_segments()
        self.write_signs()
        self.write_permits()
        self.write_blocks()


def _trakt_of(designation: str) -> str:
    """'Östersund Norr 1:12' -> 'Norr 1' (the block part of a trakt designation)."""
    return designation.split(" ", 1)[1].rsplit(":", 1)[0]


def _cuts(rng: random.Random, lo: float, hi: float, n: int) -> List[float]:
    step = (hi - lo) / n
    inner = [lo + step * k + step * rng.uniform(-0.12, 0.12) for k in range(1, n)]
    return [round(v, 2) for v in [lo] + inner + [hi]]


def _rect_ring(rect) -> List[Tuple[float, float]]:
    x0, y0, x1, y1 = (round(v, 2) for v in rect)
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


class _Generator:
    def __init__(self, writer: GpkgWriter, seed: int, today: date, columns: int) -> None:
        self.writer = writer
        self.seed = seed
        self.today = today
        self.columns = columns


def tiles_for(scale: Optional[int]) -> int:
    """Number of town tiles needed for at least ``scale`` road segments."""
    if not scale or scale <= town.SEGMENTS_PER_TILE:
        return 1
    return -(-scale // town.SEGMENTS_PER_TILE)


def generate_twin(path: Path, seed: int = DEFAULT_SEED, scale: Optional[int] = None, today: Optional[date] = None,
                  progress: Optional[Callable[[float], None]] = None) -> TwinStats:
    """Write the demo twin GeoPackage at ``path`` (replaced atomically) and return what was written.

    ``scale``: grow the street grid until it has at least this many road segments (benchmarks); ``today``: the
    date that permits, inspections and plans are placed around (default: the real today).
    """
    if scale is not None and scale < 1:
        raise ValueError(f"scale must be a positive number of road segments, not {scale}")
    started = time.perf_counter()
    path = Path(path)
    today = today or date.today()
    tiles = tiles_for(scale)
    columns, _rows = town.tile_grid(tiles)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    writer = GpkgWriter(tmp, f"{today.isoformat()}T00:00:00.000Z")
    try:
        for name, (geom, description, columns_def) in _SCHEMA.items():
            writer.create_table(name, columns_def, geom, description)
        for table, cols, unique in _INDEXES:
            writer.add_index(table, cols, unique)
        gen = _Generator(writer, seed, today, columns)
        rows_since_commit = 0
        for index in range(tiles):
            _TileGen(gen, index).run()
            rows_since_commit += 1
            if rows_since_commit >= 20:
                writer.commit()
                rows_since_commit = 0
            if progress:
                progress(0.9 * (index + 1) / tiles)
        counts = {name: sink.count for name, sink in writer.tables.items()}
        extent = writer.extent()
        writer.finish()
        counts["ideas"] = write_ideas_for_twin(tmp, seed, today)
        os.replace(tmp, path)
    except BaseException:
        writer.abort()
        if tmp.exists():
            tmp.unlink()
        raise
    if progress:
        progress(1.0)
    return TwinStats(path=path, counts=counts, extent=extent, seed=seed, scale=scale, today=today, tiles=tiles,
                     seconds=time.perf_counter() - started)
