"""Excavation permits (grävtillstånd) of a tile: the planted known cases in the real town, then a random mix.

Statuses follow the permit's dates relative to ``today``; polygons lie on their segment and never reach a crossing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Tuple

from .cases import KNOWN_CASES, KNOWN_SEGMENTS
from .geometry import strip
from .gpkg_writer import polygon_blob

if TYPE_CHECKING:
    from .network import Segment
    from .tile import Tile

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


def write_permits(t: Tile) -> None:
    rng = t.rng
    sink = t.w.tables["excavation_permits"]
    by_id = {s.sid: s for s in t.segments}
    n = 0
    if t.base:
        c = KNOWN_CASES
        m = c["moratorium_conflict"]
        _permit(t, sink, "GT-0001", by_id[m["segment_id"]], m["status"], m["start"], m["end"], 0.3, 0.6)
        o = c["overlapping_permits"]
        seg = by_id[o["segment_id"]]
        _permit(t, sink, o["permit_ids"][0], seg, o["statuses"][0], o["starts"][0], o["ends"][0], 0.25, 0.55)
        _permit(t, sink, o["permit_ids"][1], seg, o["statuses"][1], o["starts"][1], o["ends"][1], 0.4, 0.75)
        p = c["paving_plan_conflict"]
        _permit(t, sink, p["permit_id"], by_id[p["segment_id"]], p["status"], p["start"], p["end"], 0.3, 0.7)
        q = c["no_conflict"]
        _permit(t, sink, q["permit_id"], by_id[q["segment_id"]], q["status"], q["start"], q["end"], 0.35, 0.6)
        e = c["emergency_dig"]
        _permit(t, sink, e["permit_id"], by_id[e["segment_id"]], e["status"], e["start"], e["end"], 0.45, 0.55,
                     emergency=True)
        n = 6
    free = [s for s in t.segments if not (t.base and s.sid in KNOWN_SEGMENTS)]
    recent = [s for s in free if (t.today - s.last_paved).days < 3 * 365 - 60]
    planned = [s for s in free if s.planned_year in (t.today.year, t.today.year + 1)]
    # Some permits in recently paved streets and in streets with paving planned this or next year.
    picks = rng.sample(recent, min(2, len(recent))) + rng.sample(planned, min(2, len(planned)))
    target = int(round(len(t.segments) * 0.15))
    picks += rng.sample(free, target - len(picks) - 3)
    statuses = list(PERMIT_STATUSES)  # the first ones cover every status
    for idx, s in enumerate(picks):
        n += 1
        status = statuses[idx] if idx < len(statuses) else rng.choices(
            PERMIT_STATUSES, weights=(15, 8, 17, 25, 15, 20))[0]
        start, end = _dates(t, status)
        t0 = rng.uniform(0.0, 0.5)
        _permit(t, sink, f"GT-{t.tag}{n:04d}", s, status, start, end, t0, t0 + rng.uniform(0.15, 0.5),
                     emergency=status in ("Pågående", "Återställd", "Avslutad") and rng.random() < 0.08,
                     lateral=rng.choice(("full", "left", "right")))
    # Overlapping pairs: a second permit on the same stretch of street at the same time.
    for s in rng.sample(free, 3):
        status = rng.choice(("Beviljad", "Pågående", "Ansökan"))
        start, end = _dates(t, status)
        n += 1
        _permit(t, sink, f"GT-{t.tag}{n:04d}", s, status, start, end, 0.2, 0.5)
        start2 = start + rng.randint(-5, 10)
        end2 = max(start2 + 5, end + rng.randint(-3, 15))
        n += 1
        _permit(t, sink, f"GT-{t.tag}{n:04d}", s, _status_for(t, start2, end2), start2, end2, 0.4, 0.8)


def _dates(t: Tile, status: str) -> Tuple[int, int]:
    r = t.rng.randint
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


def _status_for(t: Tile, start: int, end: int) -> str:
    if end < -30:
        return "Avslutad"
    if end < 0:
        return "Återställd"
    if start <= 0:
        return "Pågående"
    return "Beviljad" if start <= 10 else t.rng.choice(("Ansökan", "Komplettering", "Beviljad"))


def _permit(t: Tile, sink, permit_id: str, s: Segment, status: str, start: int, end: int, t0: float, t1: float,
            emergency: bool = False, lateral: str = "full") -> None:
    rng = t.rng
    margin = 15.0  # metres from each end: a permit polygon never reaches a crossing street
    usable = s.length - 2 * margin
    a0 = margin + usable * max(0.0, min(1.0, t0))
    a1 = margin + usable * max(0.0, min(1.0, t1))
    if a1 - a0 < 4.0:
        a1 = min(s.length - margin, a0 + 4.0)
        a0 = a1 - 4.0
    half = s.width / 2 + 1.0
    lo, hi = {"full": (-half, half), "left": (0.0, half), "right": (-half, 0.0)}[lateral]
    ring = strip(s.coords, a0, a1, left=hi, right=lo)
    utility = rng.choice(tuple(UTILITIES))
    applied = start - (0 if emergency else rng.randint(12, 40))
    if status in ("Ansökan", "Komplettering", "Beviljad"):
        applied = min(applied, -rng.randint(0, 10))
    restoration = {"Återställd": rng.choice(("tillfälligt återställd", "återställd")),
                   "Avslutad": "slutbesiktigad"}.get(status, "ej påbörjad")
    start_d = t.days(start)
    sink.add_feature(polygon_blob(ring), (
        permit_id, UTILITIES[utility], rng.choice(CONTRACTORS), utility, start_d.isoformat(), t.days(end).isoformat(),
        status, f"TA-{start_d.year}-{permit_id[3:]}", 1 if emergency else 0, restoration, s.sid,
        t.days(applied).isoformat()))
