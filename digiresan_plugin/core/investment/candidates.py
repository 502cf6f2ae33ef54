"""Maintenance candidates: every segment whose latest inspection needs action, with its treatment, cost,
priority, coordination status and a readable reason ("IRI 5.8 > 4.5 for class 4–5 streets; rut 19 mm; ÅDT 9 000").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import numpy as np

from ..tr import tr
from . import condition as cond
from .coordination import Coordination, coordinate, earliest_year, status, utilities
from .model import LEVELS, MaintenanceModel
from .network import JD_OFFSET, Network
from .treatments import benefit_cost, choose, costs


@dataclass(frozen=True)
class Candidate:
    index: int
    segment_id: str
    street: Optional[str]
    functional_class: Optional[int]
    group: str
    level: str  # needs_action | urgent
    iri_mm_m: float
    rut_mm: float
    aadt: Optional[float]
    inspected_on: Optional[date]
    condition_class: int
    treatment: str
    cost_sek: float
    area_m2: float
    width_assumed: bool
    severity: float
    benefit_cost: float
    forecast_year: Optional[int]  # when the next limit (urgent) is crossed
    coordination: str  # clear | dig_first | moratorium
    earliest_year: Optional[int]
    utilities: tuple[str, ...] = ()
    permits: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class Assessment:
    """The network's condition now and what the model makes of it: arrays per segment."""

    iri_level: np.ndarray
    rut_level: np.ndarray
    level: np.ndarray
    choice: np.ndarray
    cost: np.ndarray
    severity: np.ndarray
    benefit_cost: np.ndarray
    forecast_jd: np.ndarray
    coordination: Coordination
    earliest: np.ndarray
    candidates: list[Candidate] = field(default_factory=list)


def assess(model: MaintenanceModel, net: Network, moratorium_years: Optional[int] = None) -> Assessment:
    years = model.dig_moratorium_years if moratorium_years is None else moratorium_years
    iri_level, rut_level = cond.measure_levels(model, net.group, net.iri, net.rut)
    level = cond.levels(iri_level, rut_level)
    choice = choose(model, net, iri_level, rut_level, mask=level >= cond.NEEDS_ACTION)
    cost = costs(model, net, choice)
    coordination = coordinate(model, net, years)
    return Assessment(iri_level, rut_level, level, choice, cost, cond.severity(model, net.group, net.iri, net.rut),
                      benefit_cost(model, net, choice, net.iri, net.rut, cost), cond.forecast_jd(model, net),
                      coordination, earliest_year(model, coordination, choice))


def find_candidates(model: MaintenanceModel, net: Network, language: str = "en",
                    moratorium_years: Optional[int] = None, first_year: Optional[int] = None) -> Assessment:
    """The assessment with its candidates, worst first (severity, then ÅDT)."""
    a = assess(model, net, moratorium_years)
    first_year = first_year or _year(net.today_jd) + 1
    classes = cond.condition_class(model, net.iri, net.rut)
    rows = np.flatnonzero(a.level >= cond.NEEDS_ACTION)
    order = np.lexsort((-np.nan_to_num(net.aadt[rows]), -a.severity[rows]))
    for seg in rows[order]:
        a.candidates.append(_candidate(model, net, a, int(seg), int(classes[seg]), language, first_year))
    return a


def _year(jd: float) -> int:
    return date.fromordinal(int(jd) - JD_OFFSET).year


def _candidate(model: MaintenanceModel, net: Network, a: Assessment, seg: int, klass: int, language: str,
               first_year: int) -> Candidate:
    k = int(a.choice[seg])
    treatment = model.treatments[k] if k >= 0 else None
    permits = net.permits.get(seg, [])
    coord = status(a.coordination, seg, bool(treatment and treatment.digs), first_year)
    earliest = int(a.earliest[seg]) or None
    fclass = int(net.fclass[seg]) if net.fclass[seg] >= 0 else None
    aadt = float(net.aadt[seg]) if np.isfinite(net.aadt[seg]) else None
    forecast = None if np.isnan(a.forecast_jd[seg]) else _year(a.forecast_jd[seg])
    planned = tuple(f"{y} {t or ''}".strip() for y, t, _s in sorted(net.planned.get(seg, []), key=lambda r: r[0]))
    c = Candidate(
        index=seg, segment_id=net.ids[seg], street=net.streets[seg], functional_class=fclass,
        group=model.groups[int(net.group[seg])].title.text(language), level=LEVELS[int(a.level[seg])],
        iri_mm_m=float(net.iri[seg]), rut_mm=float(net.rut[seg]), aadt=aadt,
        inspected_on=date.fromordinal(int(net.latest_jd[seg]) - JD_OFFSET) if net.latest_jd[seg] else None,
        condition_class=klass, treatment=treatment.code if treatment else "", cost_sek=float(a.cost[seg]),
        area_m2=float(net.area[seg]), width_assumed=bool(net.width_assumed[seg]), severity=float(a.severity[seg]),
        benefit_cost=float(a.benefit_cost[seg]), forecast_year=forecast, coordination=coord,
        earliest_year=earliest, utilities=tuple(utilities(permits)), permits=tuple(p.permit_id for p in permits),
        planned=planned)
    return _with_reason(model, net, a, c, language)


def number(value: float, digits: int, language: str) -> str:
    """``9 000``, ``5.8`` (en) / ``5,8`` (sv): thin groups, the language's decimal mark."""
    text = f"{value:,.{digits}f}".replace(",", " ")
    return text.replace(".", ",") if language.startswith("sv") else text


def _with_reason(model: MaintenanceModel, net: Network, a: Assessment, c: Candidate, language: str) -> Candidate:
    group = model.groups[int(net.group[c.index])]
    parts = []
    for measure, value, lvl, unit, action, urgent in (
            ("IRI", c.iri_mm_m, a.iri_level[c.index], "", group.needs_action.iri_mm_m, group.urgent.iri_mm_m),
            (tr("rut"), c.rut_mm, a.rut_level[c.index], " mm", group.needs_action.rut_mm, group.urgent.rut_mm)):
        if not np.isfinite(value):
            continue
        shown = number(value, 1, language)
        if lvl >= 1:
            limit = urgent if lvl >= 2 else action
            parts.append(tr("{measure} {value}{unit} > {limit} for {group}").format(
                measure=measure, value=shown, unit=unit, limit=number(limit, 1, language), group=c.group))
        else:
            parts.append(f"{measure} {shown}{unit}")
    if c.aadt is not None:
        parts.append(tr("ÅDT {aadt}").format(aadt=number(c.aadt, 0, language)))
    if c.width_assumed:
        parts.append(tr("width assumed {width} m").format(width=number(model.default_width_m, 1, language)))
    if c.coordination == "dig_first":
        parts.append(tr("dig first: {permits}; pave from {year}").format(
            permits=", ".join(c.permits), year=c.earliest_year))
    elif c.coordination == "moratorium":
        parts.append(tr("dig moratorium: not before {year}").format(year=c.earliest_year))
    if not c.treatment:
        parts.append(tr("no treatment rule matches"))
    return Candidate(**{**c.__dict__, "reason": "; ".join(parts)})
