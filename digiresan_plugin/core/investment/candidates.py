"""Maintenance candidates: every segment whose latest inspection needs action, with its treatment, cost,
priority, coordination status and a readable reason ("IRI 5.8 > 4.5 for class 4–5 streets; rut 19 mm; ÅDT 9 000").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Optional

import numpy as np
from qgis.PyQt.QtCore import QLocale

from ..formatting import amount, grouped
from ..tr import tr
from . import condition as cond
from .columns import SegmentIds
from .coordination import CLEAR, DIG_FIRST, MORATORIUM, Coordination, coordinate, earliest_year, utilities
from .memory import release_free_memory
from .model import LEVELS, MaintenanceModel
from .network import JD_OFFSET, Network
from .treatments import benefit_cost, choose, costs, trigger_masks

_LOCALES = {"sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}


@dataclass(frozen=True, slots=True)
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
    candidates: "CandidateList" = field(default_factory=lambda: CandidateList())


def assess(model: MaintenanceModel, net: Network, moratorium_years: Optional[int] = None) -> Assessment:
    """Every array of the assessment, ``BLOCK_SEGMENTS`` segments at a time (elementwise: the same values as on
    the whole network; the temporaries stay near one block, only the results are network-sized)."""
    years = model.dig_moratorium_years if moratorium_years is None else moratorium_years
    n = len(net)
    iri_level, rut_level, level = np.empty(n, np.int8), np.empty(n, np.int8), np.empty(n, np.int8)
    choice = np.empty(n, np.int16)
    cost, severity, gains, forecast = np.empty(n), np.empty(n), np.empty(n), np.empty(n)
    for view, sl in _views(model, net):
        iri_level[sl], rut_level[sl] = cond.measure_levels(model, view.group, view.iri, view.rut)
        level[sl] = cond.levels(iri_level[sl], rut_level[sl])
        choice[sl] = choose(model, view, iri_level[sl], rut_level[sl], mask=level[sl] >= cond.NEEDS_ACTION)
        cost[sl] = costs(model, view, choice[sl])
        severity[sl] = cond.severity(model, view.group, view.iri, view.rut)
        gains[sl] = benefit_cost(model, view, choice[sl], view.iri, view.rut, cost[sl])
        forecast[sl] = cond.forecast_jd(model, view)
    coordination = coordinate(model, net, years)
    assessment = Assessment(iri_level, rut_level, level, choice, cost, severity, gains, forecast, coordination,
                            earliest_year(model, coordination, choice))
    release_free_memory()
    return assessment


BLOCK_SEGMENTS = 65_536
_ARRAYS = ("fclass", "group", "surface", "width", "width_assumed", "aadt", "length", "last_paved", "n_insp",
           "latest_jd", "iri", "rut", "iri_rate", "rut_rate", "own_trend", "fids")


def _views(model: MaintenanceModel, net: Network):
    """``(view, slice)``: the network ``BLOCK_SEGMENTS`` segments at a time, as views (no copies; the trigger
    masks made once for the network, sliced)."""
    masks = trigger_masks(model, net)
    for lo in range(0, len(net), BLOCK_SEGMENTS):
        sl = slice(lo, min(lo + BLOCK_SEGMENTS, len(net)))
        view = replace(net, ids=SegmentIds(net.ids.values[sl]), fid_lookup=None,
                       cache={"trigger_masks": (model, [m[sl] for m in masks])},
                       **{name: getattr(net, name)[sl] for name in _ARRAYS})
        yield view, sl


BLOCK = 4096  # candidates made at a time, their columns gathered by NumPy


class CandidateList(Sequence):
    """The candidates in priority order, made a block at a time when read (a million segments stay light)."""

    def __init__(self, model: Optional[MaintenanceModel] = None, net: Optional[Network] = None,
                 a: Optional[Assessment] = None, rows: Optional[np.ndarray] = None, language: str = "en",
                 first_year: int = 0) -> None:
        self.model, self.net, self.a, self.language, self.first_year = model, net, a, language, first_year
        self.indexes = rows if rows is not None else np.zeros(0, np.int64)
        self._block: tuple[int, list] = (-1, [])
        if model is not None:
            self.classes = cond.condition_class(model, net.iri[rows], net.rut[rows])
            self.groups = [g.title.text(language) for g in model.groups]
            self.reasons = _Reasons(model, language)
            self.codes = [t.code for t in model.treatments]
            self.digs = np.array([t.digs for t in model.treatments] + [False])

    def __len__(self) -> int:
        return len(self.indexes)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("candidate index out of range")
        number_, made = self._block
        if number_ != i // BLOCK:
            made = self._make_block(i // BLOCK)
            self._block = (i // BLOCK, made)
        return made[i % BLOCK]

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def _make_block(self, number_: int) -> list[Candidate]:
        net, a = self.net, self.a
        rows = self.indexes[number_ * BLOCK:(number_ + 1) * BLOCK]
        classes = self.classes[number_ * BLOCK:(number_ + 1) * BLOCK].tolist()
        choice = a.choice[rows]
        digs = self.digs[np.where(choice >= 0, choice, -1)]
        after, moratorium = a.coordination.after_digs_year[rows], a.coordination.moratorium_end_year[rows]
        coordination = np.where(after > 0, 1, np.where(digs & (moratorium > self.first_year), 2, 0))
        forecast = a.forecast_jd[rows]
        known = np.isfinite(forecast)
        forecast_year = np.zeros(len(rows), np.int64)
        forecast_year[known] = _years(forecast[known])
        columns = zip(
            rows.tolist(), net.ids.values[rows].tolist(), net.streets.codes[rows].tolist(), net.fclass[rows].tolist(),
            net.group[rows].tolist(), a.level[rows].tolist(), net.iri[rows].tolist(), net.rut[rows].tolist(),
            net.aadt[rows].tolist(), net.latest_jd[rows].tolist(), classes, choice.tolist(), a.cost[rows].tolist(),
            (net.length[rows] * net.width[rows]).tolist(), net.width_assumed[rows].tolist(),
            a.severity[rows].tolist(), a.benefit_cost[rows].tolist(), known.tolist(), forecast_year.tolist(),
            coordination.tolist(), a.earliest[rows].tolist(), a.iri_level[rows].tolist(), a.rut_level[rows].tolist())
        names, statuses = net.streets.names, (CLEAR, DIG_FIRST, MORATORIUM)
        permits_of, planned_of = net.permits.lookup(rows), net.planned.lookup(rows)
        out = []
        for (seg, sid, street, fclass, group, level, iri, rut, aadt, jd, klass, k, cost, area, assumed, severity,
             bc, has_forecast, f_year, status_, earliest, iri_level, rut_level) in columns:
            permits = permits_of.get(seg, ())
            values = dict(
                index=seg, segment_id=sid.decode() if sid else None, street=names[street] if street >= 0 else None,
                functional_class=fclass if fclass >= 0 else None, group=self.groups[group],
                level=LEVELS[level], iri_mm_m=iri, rut_mm=rut,
                aadt=aadt if aadt == aadt else None, inspected_on=date.fromordinal(jd - JD_OFFSET) if jd else None,
                condition_class=klass, treatment=self.codes[k] if k >= 0 else "", cost_sek=cost,
                area_m2=area, width_assumed=assumed, severity=severity, benefit_cost=bc,
                forecast_year=f_year if has_forecast else None, coordination=statuses[status_],
                earliest_year=earliest or None, utilities=tuple(utilities(permits)),
                permits=tuple(p.permit_id for p in permits),
                planned=tuple(f"{y} {t or ''}".strip() for y, t, _s in sorted(planned_of.get(seg, ()),
                                                                              key=lambda r: r[0])))
            values["reason"] = self.reasons.text(values, group, iri_level, rut_level)
            out.append(Candidate(**values))
        return out


def find_candidates(model: MaintenanceModel, net: Network, language: str = "en",
                    moratorium_years: Optional[int] = None, first_year: Optional[int] = None) -> Assessment:
    """The assessment with its candidates, worst first (severity, then ÅDT)."""
    a = assess(model, net, moratorium_years)
    first_year = first_year or _year(net.today_jd) + 1
    rows = np.flatnonzero(a.level >= cond.NEEDS_ACTION)
    rows = rows[np.lexsort((-np.nan_to_num(net.aadt[rows]), -a.severity[rows]))]
    # the list reads a copy of the assessment without the list: no reference cycle (the arrays, shared, are
    # freed as soon as the caller lets go, not at the next garbage collection)
    a.candidates = CandidateList(model, net, replace(a, candidates=CandidateList()), rows, language, first_year)
    return a


def _year(jd: float) -> int:
    return date.fromordinal(int(jd) - JD_OFFSET).year


def locale_of(language: str) -> QLocale:
    """The number format of the UI language: Swedish (sv_SE) or English (en_US)."""
    return _LOCALES["sv" if language.startswith("sv") else "en"]
def _years(jd: np.ndarray) -> np.ndarray:
    """The calendar year of each (fractional) Julian day, as :func:`_year` (the day's whole part)."""
    days = jd.astype(np.int64) - (date(1970, 1, 1).toordinal() + JD_OFFSET)
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def number(value: float, digits: int, language: str) -> str:
    """``9 000``, ``5,8`` (sv: thin no-break space groups, so a number never wraps; decimal comma) / ``9,000``,
    ``5.8`` (en)."""
    return grouped(value, locale_of(language), digits)


def sek(value: float, language: str) -> str:
    """Whole kronor in the language's format: "330 000 kr" (sv), "330,000 kr" (en)."""
    return amount(round(value), locale_of(language))


class _Reasons:
    """The readable reason of a candidate; the words and limits looked up once per run."""

    def __init__(self, model: MaintenanceModel, language: str) -> None:
        self.language = language
        self.limits = [((g.needs_action.iri_mm_m, g.urgent.iri_mm_m), (g.needs_action.rut_mm, g.urgent.rut_mm))
                       for g in model.groups]
        self.above = tr("{measure} {value}{unit} > {limit} for {group}")
        self.rut = tr("rut")
        self.aadt = tr("ÅDT {aadt}")
        self.width = tr("width assumed {width} m").format(width=number(model.default_width_m, 1, language))
        self.dig_first = tr("dig first: {permits}; pave from {year}")
        self.moratorium = tr("dig moratorium: not before {year}")
        self.no_rule = tr("no treatment rule matches")

    def text(self, c: dict, group: int, iri_level: int, rut_level: int) -> str:
        lang = self.language
        iri_limits, rut_limits = self.limits[group]
        parts = []
        for measure, value, level, unit, limits in (("IRI", c["iri_mm_m"], iri_level, "", iri_limits),
                                                    (self.rut, c["rut_mm"], rut_level, " mm", rut_limits)):
            if value != value:
                continue
            shown = number(value, 1, lang)
            if level >= 1:
                parts.append(self.above.format(measure=measure, value=shown, unit=unit,
                                               limit=number(limits[level - 1], 1, lang), group=c["group"]))
            else:
                parts.append(f"{measure} {shown}{unit}")
        if c["aadt"] is not None:
            parts.append(self.aadt.format(aadt=number(c["aadt"], 0, lang)))
        if c["width_assumed"]:
            parts.append(self.width)
        if c["coordination"] == "dig_first":
            parts.append(self.dig_first.format(permits=", ".join(c["permits"]), year=c["earliest_year"]))
        elif c["coordination"] == "moratorium":
            parts.append(self.moratorium.format(year=c["earliest_year"]))
        if not c["treatment"]:
            parts.append(self.no_rule)
        return "; ".join(parts)
