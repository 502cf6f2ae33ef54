"""The twin as the municipality's memory, for one tile: local traffic regulations along the streets, agreements
(park maintenance, winter road maintenance, leases, easements), the documents that go with them and park assets.

Written last in the tile (``tile_run``), from a random stream of its own: everything written before stays the
same. Regulations follow the streets: one per run of segments with the same speed other than the general 50 km/h
(and one per gågata), so every C31 sign stands beside the regulation it announces — but for the two planted
mismatches of the real town (``cases.KNOWN_CASES``). Document files are not shipped: a relative path is resolved
against the twin's folder, and a file that is not there is shown as missing.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, List, Sequence, Tuple

from .cases import KNOWN_CASES
from .geometry import bounds
from .gpkg_writer import line_blob, point_blob, polygon_blob

if TYPE_CHECKING:
    from .segment import Segment
    from .tile import Tile

GENERAL_LIMIT = 50  # km/h in built-up areas: needs no local regulation
PARK_CONTRACTORS = (("Parkservice Jämtland AB", "Anna Ek, 063-14 30 00"), ("Grönyta Norr AB", "Jonas Lind"),
                    ("Östersunds kommun, park", "Parkenheten, 063-14 30 00"))
WINTER_CONTRACTOR = ("Vinterdrift Storsjön AB", "Driftledare, 063-14 35 00")
ASSET_KINDS = (("lekplats", 1), ("bänk", 3), ("belysning", 2), ("träd", 3), ("papperskorg", 2))


def write_memory(t: Tile) -> None:
    """Regulations, agreements with their documents, and park assets of the tile."""
    rng = random.Random(f"digiresan-memory:{t.seed}:{t.index}")
    _regulations(t, rng)
    _agreements(t, rng)
    _park_assets(t, rng)


# -- local traffic regulations -------------------------------------------------------------------------------
def _runs(segments: Sequence[Segment]) -> List[List[Segment]]:
    """Consecutive segments of one street with the same speed (and both gågata or not)."""
    runs: List[List[Segment]] = []
    for s in sorted(segments, key=lambda s: (s.ns, s.index, s.k)):
        last = runs[-1][-1] if runs else None
        if (last is not None and (last.ns, last.index, last.k + 1) == (s.ns, s.index, s.k)
                and last.speed == s.speed and last.ped == s.ped):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _line(run: Sequence[Segment]) -> List[Tuple[float, float]]:
    coords = list(run[0].coords)
    for s in run[1:]:
        coords.extend(s.coords[1:] if s.coords[0] == coords[-1] else s.coords)
    return coords


def _regulations(t: Tile, rng: random.Random) -> None:
    table = t.w.tables["local_regulations"]
    n = 0
    missing = KNOWN_CASES["sign_without_regulation"]["street_name"] if t.base else None
    for run in _runs(t.segments):
        s = run[0]
        if s.ped:
            kind, value, text = "gågata", None, f"{s.name} är gågata"
        elif s.speed != GENERAL_LIMIT:
            kind, value, text = "hastighet", str(s.speed), f"Högsta tillåtna hastighet {s.speed} km/tim på {s.name}"
        else:
            continue
        if missing and s.name == missing and kind == "hastighet":
            missing = None  # the planted case: the regulation was never written down
            continue
        n += 1
        year = rng.randint(2009, t.today.year - 1)
        table.add_feature(line_blob(_line(run)), (
            f"2380 {year}:{t.tag}{n}", kind, value, f"{year}-{rng.randint(1, 12):02d}-01", None, text))
    if t.base:  # the planted regulation nobody put a sign up for
        case = KNOWN_CASES["regulation_without_sign"]
        (s,) = [s for s in t.segments if s.sid == case["segment_id"]]
        table.add_feature(line_blob(s.coords), (
            f"2380 {t.today.year}:{case['number']}", "hastighet", str(case["value"]),
            t.days(-case["decided_days_ago"]).isoformat(), None,
            f"Högsta tillåtna hastighet {case['value']} km/tim vid skolan på {s.name}"))


# -- agreements and documents --------------------------------------------------------------------------------
class _Ids:
    def __init__(self, t: Tile) -> None:
        self.t, self.agreements, self.documents = t, 0, 0

    def agreement(self) -> str:
        self.agreements += 1
        return f"AVT-{self.t.tag}{self.agreements:04d}"

    def document(self) -> str:
        self.documents += 1
        return f"DOK-{self.t.tag}{self.documents:05d}"


def _document(t: Tile, ids: _Ids, layer: str, key: str, title: str, kind: str, path: str, dated: str) -> None:
    t.w.tables["documents"].add((ids.document(), layer, key, title, kind, path, dated))


def _agreements(t: Tile, rng: random.Random) -> None:
    table = t.w.tables["agreements"]
    ids = _Ids(t)
    expiring = KNOWN_CASES["agreement_expiring"]
    # winter road maintenance of every street of the tile (their bounding box: the twin's extent stays the same)
    xs = [x for s in t.segments for x, _ in s.coords]
    ys = [y for s in t.segments for _, y in s.coords]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    winter = ids.agreement()
    table.add_feature(polygon_blob([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]), (
        winter, "driftentreprenad vinterväghållning", *WINTER_CONTRACTOR, f"{t.today.year - 2}-10-01",
        t.days(rng.randint(400, 900)).isoformat(), 6, rng.randint(20, 40) * 100000,
        "Snöröjning, halkbekämpning och sandupptagning på kommunens gator", None, None))
    _document(t, ids, "agreements", winter, "Avtal vinterväghållning", "avtal", f"dokument/avtal/{winter}.pdf",
              f"{t.today.year - 2}-09-15")
    for park_id, name, ring in t.parks:
        contractor, contact = rng.choice(PARK_CONTRACTORS)
        aid = ids.agreement()
        if t.base and name == expiring["park"]:
            valid_to, notice = t.days(expiring["ends_in_days"]), expiring["notice_months"]
            contractor, contact = expiring["counterparty"], expiring["contact"]
        else:
            valid_to, notice = t.days(rng.randint(250, 1500)), 6
        table.add_feature(polygon_blob(ring), (
            aid, "skötselavtal", contractor, contact, f"{t.today.year - rng.randint(1, 4)}-04-01",
            valid_to.isoformat(), notice, rng.randint(5, 40) * 10000, f"Skötsel av {name}", "parks", park_id))
        _document(t, ids, "agreements", aid, f"Skötselavtal {name}", "avtal", f"dokument/avtal/{aid}.pdf",
                  f"{t.today.year - 1}-03-01")
        _document(t, ids, "parks", park_id, f"Skötselplan {name}", "ritning", f"dokument/parker/{park_id}.pdf",
                  f"{t.today.year - rng.randint(1, 6)}-02-01")
    for designation, owner_type, ring in t.properties:
        if owner_type == "kommun" and rng.random() < 0.3:  # a utility's easement along the property's edge
            x0, y0, x1, y1 = bounds(ring)
            aid = ids.agreement()
            table.add_feature(polygon_blob([(x0, y0), (x1, y0), (x1, y0 + 3), (x0, y0 + 3), (x0, y0)]), (
                aid, rng.choice(("ledningsrätt", "servitut")), rng.choice(("Jämtkraft Elnät", "Östersunds Vatten")),
                None, f"{rng.randint(1975, 2015)}-05-01", None, None, None, "Ledning längs fastighetens södra kant",
                "properties", designation))
            _document(t, ids, "properties", designation, "Servitutsavtal", "avtal", f"dokument/avtal/{aid}.pdf",
                      f"{rng.randint(1975, 2015)}-05-01")
    for building_id, designation, owner in t.buildings[::40]:  # leases of municipal land by some buildings
        aid = ids.agreement()
        t.w.tables["agreements"].add_without_geometry((
            aid, rng.choice(("arrende", "nyttjanderätt", "avtal om markupplåtelse")), owner, "Förvaltaren",
            f"{t.today.year - rng.randint(1, 15)}-01-01", t.days(rng.randint(420, 3000)).isoformat(),
            rng.choice((3, 6, 12)), rng.randint(2, 30) * 1000, f"Upplåtelse av kommunal mark vid {designation}",
            "buildings", building_id))
        _document(t, ids, "buildings", building_id, "Upplåtelseavtal", "avtal", f"dokument/avtal/{aid}.pdf",
                  f"{t.today.year - 1}-01-01")


# -- park assets ---------------------------------------------------------------------------------------------
def _inside(x: float, y: float, ring: Sequence[Tuple[float, float]]) -> bool:
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def _park_assets(t: Tile, rng: random.Random) -> None:
    table = t.w.tables["park_assets"]
    overdue = KNOWN_CASES["park_asset_overdue"]
    n = 0
    for park_id, name, ring in t.parks:
        x0, y0, x1, y1 = bounds(ring)
        planted = t.base and name == overdue["park"]
        for kind, count in ASSET_KINDS:
            for _ in range(count):
                for _ in range(50):
                    x, y = round(rng.uniform(x0 + 3, x1 - 3), 2), round(rng.uniform(y0 + 3, y1 - 3), 2)
                    if _inside(x, y, ring):
                        break
                n += 1
                last = t.days(-rng.randint(10, 320))
                if planted and kind == "lekplats":
                    last = t.days(-overdue["inspected_days_ago"])
                table.add_feature(point_blob(x, y), (
                    f"PU-{t.tag}{n:05d}", park_id, kind, f"{rng.randint(1995, t.today.year - 1)}-05-01",
                    last.isoformat(), rng.choice((1, 2, 2, 3, 3, 4))))
