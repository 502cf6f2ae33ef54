"""Pavement condition of a segment: its inspections (IRI, rut depth, class 1–5) and its resurfacing plan.

Condition class = the worse of the IRI class and the rut-depth class; ``IRI_LIMITS`` / ``RUT_LIMITS`` are the
upper limits of classes 1–4 (class 5 above the last one):

    class        1        2          3          4          5
    IRI mm/m   < 1.5   1.5–2.5    2.5–3.5    3.5–5.0     > 5.0
    rut mm     < 5     5–10       10–15      15–20       > 20

An inspection's wear score grows with the pavement's age over its life (asphalt 20 years, setts 40, gravel 6) plus
noise; its class is the rounded score. The IRI always lies in the class's own band, placed by where the score lies
within the class (a worse score, a higher IRI); the rut depth lies in the same band or the one below, so ruts grow
with the class too and the class is always the IRI's.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from .cases import KNOWN_CASES

if TYPE_CHECKING:
    from .segment import Segment
    from .tile import Tile

IRI_LIMITS = (1.5, 2.5, 3.5, 5.0)  # mm/m
RUT_LIMITS = (5.0, 10.0, 15.0, 20.0)  # mm
_IRI_BANDS = ((0.6, 1.5), (1.5, 2.5), (2.5, 3.5), (3.5, 5.0), (5.0, 8.0))
_RUT_BANDS = ((1.0, 5.0), (5.0, 10.0), (10.0, 15.0), (15.0, 20.0), (20.0, 30.0))
_PLAN_CHANCE = (0.0, 0.02, 0.06, 0.3, 0.55)  # by latest class: mostly the worst streets, about a tenth of all


def write_inspections(t: Tile, s: Segment, sink) -> int:
    """Write 2-4 inspections over the last ten years; return the class of the newest."""
    rng, today = t.rng, t.today
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
        score = 1 + 4 * age / life + rng.gauss(0, 0.45)
        cls = min(5, max(1, int(round(score))))
        within = score - (cls - 0.5)  # 0..1 inside the class (beyond for the outer classes)
        lo, hi = _IRI_BANDS[cls - 1]
        iri = round(lo + (hi - lo) * _unit(within + rng.gauss(0, 0.1)), 2)
        rut_band = cls if cls == 1 or rng.random() < 0.65 else cls - 1
        lo, hi = _RUT_BANDS[rut_band - 1]
        rut = round(lo + (hi - lo) * _unit(within + rng.gauss(0, 0.15)), 1)
        sink.add((s.sid, d.isoformat(), iri, rut, cls))
    return cls


def _unit(value: float) -> float:
    """``value`` kept inside a band, clear of its limits."""
    return min(0.97, max(0.02, value))


def plan_paving(t: Tile, s: Segment, latest: int, sink) -> None:
    """Maybe plan a resurfacing of ``s`` (set ``s.planned_year`` and write the ``paving_plan`` row)."""
    rng, today = t.rng, t.today
    plan_case = KNOWN_CASES["paving_plan_conflict"]
    no_plan = {KNOWN_CASES["moratorium_conflict"]["segment_id"], KNOWN_CASES["no_conflict"]["segment_id"]}
    if t.base and s.sid == plan_case["segment_id"]:
        s.planned_year = today.year + plan_case["planned_year_offset"]
        treatment = "Fräsning och ny beläggning"
    elif t.base and s.sid in no_plan:
        treatment = None
    elif rng.random() < _PLAN_CHANCE[latest - 1]:
        s.planned_year = today.year + (rng.randint(0, 1) if latest == 5 else rng.randint(0, 3))
        treatment = _treatment(t, s, latest)
    else:
        treatment = None
    if s.planned_year is not None:
        price = {"gatsten": 1400, "grus": 60}.get(s.surface, 450)
        sink.add((s.sid, s.planned_year, treatment, int(round(s.length * s.width * price, -3))))


def _treatment(t: Tile, s: Segment, latest: int) -> str:
    if s.surface == "gatsten":
        return "Omläggning av gatsten"
    if s.surface == "grus":
        return "Grusning och hyvling"
    if latest == 5:
        return t.rng.choice(("Fräsning och ny beläggning", "Förstärkning och ny beläggning"))
    if latest == 4:
        return "Ny beläggning"
    return t.rng.choice(("Ytbehandling", "Lagning av sprickor"))
