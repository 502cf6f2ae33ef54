"""Budget scenarios: N years × a budget per year, worst first or benefit/cost; the backlog in SEK.

Each year (works at mid-season, 1 July): every segment's condition is grown from its last inspection (or its
last treatment) at its rate; segments needing action whose treatment coordination allows that year (permits ended,
moratorium over for digging treatments) are ranked by the strategy and taken in that order while the money lasts
(one that does not fit is skipped, cheaper ones after it may still fit). A treated segment gets the treatment's
condition after and the model's default deterioration rate from then on (its old trend no longer applies).
Computed a block of segments at a time (the scenario keeps its condition per segment, the network is not copied
per year). At the end of each year (31 December): the condition distribution (share of length per class 1–5, 0 = not
inspected), the share of length acceptable, and the backlog = the cost of each segment's treatment for every
segment needing action (what it costs to bring every segment to "acceptable").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Optional

import numpy as np

from ..tr import tr
from . import condition as cond
from .coordination import coordinate
from .memory import release_free_memory
from .model import STRATEGIES, MaintenanceModel
from .network import JD_OFFSET, Network, default_rates
from .treatments import after_values, benefit_cost, choose, costs, trigger_masks

Progress = Callable[[float], bool]


@dataclass(frozen=True)
class YearResult:
    year: int
    budget_sek: float
    spend_sek: float
    treated: int
    treated_length_m: float
    deferred: int  # needing action, held back by coordination this year
    class_share: dict[int, float]  # condition class (0 = not inspected) → share of network length
    acceptable_share: float
    backlog_sek: float


@dataclass(frozen=True)
class TreatedSegment:
    year: int
    index: int
    segment_id: str
    street: Optional[str]
    treatment: str
    cost_sek: float
    priority: float
    iri_before: float
    rut_before: float


@dataclass
class ScenarioResult:
    scenario_id: str
    strategy: str
    budget_sek_per_year: float
    first_year: int
    baseline: YearResult
    years: list[YearResult] = field(default_factory=list)
    treated: list[TreatedSegment] = field(default_factory=list)


class ScenarioCancelledError(Exception):
    """The user cancelled the scenario."""


def _jd(year: int, month: int, day: int) -> int:
    return date(year, month, day).toordinal() + JD_OFFSET


BLOCK = 65_536  # segments computed at a time: a year's temporaries stay near one block whatever the network


class _Block:
    """Segments ``lo:hi`` of the network with what the condition and treatment functions read (views, no copies)."""

    def __init__(self, net: Network, lo: int, hi: int, model: MaintenanceModel) -> None:
        self.lo, self.hi = lo, hi
        self.surface_codes = net.surface_codes
        self.group, self.aadt, self.surface = net.group[lo:hi], net.aadt[lo:hi], net.surface[lo:hi]
        self.length, self.width = net.length[lo:hi], net.width[lo:hi]
        masks = trigger_masks(model, net)
        self.cache = {"trigger_masks": (model, [m[lo:hi] for m in masks])}

    def __len__(self) -> int:
        return self.hi - self.lo

    @property
    def area(self) -> np.ndarray:
        return self.length * self.width


def _blocks(model: MaintenanceModel, net: Network) -> list[_Block]:
    return [_Block(net, lo, min(lo + BLOCK, len(net)), model) for lo in range(0, len(net), BLOCK)] or \
        [_Block(net, 0, 0, model)]


class _Rows:
    """Some segments of the network (``rows``), as :func:`default_rates` reads them."""

    def __init__(self, net: Network, rows: np.ndarray) -> None:
        self.aadt, self.surface, self.surface_codes = net.aadt[rows], net.surface[rows], net.surface_codes
        self.n = len(rows)

    def __len__(self) -> int:
        return self.n


class _State:
    """A scenario's condition per segment: the network's measured values, overlaid by the treated segments (few,
    kept sorted with their values after the treatment, the day those hold from and the model's default rates;
    nothing network-sized is copied). Treated segments grow at the model's rate, the others at their own."""

    def __init__(self, model: MaintenanceModel, net: Network) -> None:
        self.model, self.net = model, net
        self.rows = np.zeros(0, np.int64)
        self.iri, self.rut, self.since = np.zeros(0), np.zeros(0), np.zeros(0)
        self.fresh = (np.zeros(0), np.zeros(0))

    def treat(self, sel: np.ndarray, iri: np.ndarray, rut: np.ndarray, day: float) -> None:
        """The segments ``sel`` (distinct) hold ``iri``/``rut`` from ``day`` on."""
        sel = np.asarray(sel, np.int64)
        keep = ~np.isin(self.rows, sel)
        rows = np.concatenate([self.rows[keep], sel])
        order = np.argsort(rows, kind="stable")
        self.rows = rows[order]
        self.iri = np.concatenate([self.iri[keep], np.asarray(iri, np.float64)])[order]
        self.rut = np.concatenate([self.rut[keep], np.asarray(rut, np.float64)])[order]
        self.since = np.concatenate([self.since[keep], np.full(len(sel), float(day))])[order]
        self.fresh = default_rates(self.model, _Rows(self.net, self.rows))

    def _overlaid(self, rows, lo: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(positions in ``rows`` that were treated, their places in the overlay); ``rows`` a slice from ``lo``
        or indexes."""
        if isinstance(rows, slice):
            a, z = np.searchsorted(self.rows, [rows.start, rows.stop])
            return self.rows[a:z] - lo, np.arange(a, z)
        pos = np.clip(np.searchsorted(self.rows, rows), 0, max(0, len(self.rows) - 1))
        hit = (self.rows[pos] == rows) if len(self.rows) else np.zeros(len(rows), bool)
        return np.flatnonzero(hit), pos[hit]

    def values(self, rows, lo: int = 0) -> tuple[np.ndarray, ...]:
        """(IRI, rut, the day they hold from, IRI rate, rut rate) of the segments ``rows`` (a slice from ``lo`` or
        indexes)."""
        net = self.net
        iri, rut, since = net.iri[rows], net.rut[rows], net.latest_jd[rows].astype(np.float64)
        iri_rate, rut_rate = net.iri_rate[rows], net.rut_rate[rows]
        at, k = self._overlaid(rows, lo)
        if len(at):
            iri, rut, iri_rate, rut_rate = iri.copy(), rut.copy(), iri_rate.copy(), rut_rate.copy()
            iri[at], rut[at], since[at] = self.iri[k], self.rut[k], self.since[k]
            iri_rate[at], rut_rate[at] = self.fresh[0][k], self.fresh[1][k]
        return iri, rut, since, iri_rate, rut_rate

    def at(self, b: _Block, jd: float) -> tuple[np.ndarray, np.ndarray]:
        iri, rut, since, iri_rate, rut_rate = self.values(slice(b.lo, b.hi), b.lo)
        return cond.at_time(self.net, iri, rut, since, jd, (iri_rate, rut_rate))

    def at_rows(self, rows: np.ndarray, jd: float) -> tuple[np.ndarray, np.ndarray]:
        iri, rut, since, iri_rate, rut_rate = self.values(rows)
        return cond.at_time(self.net, iri, rut, since, jd, (iri_rate, rut_rate))


def _year_end(model: MaintenanceModel, net: Network, blocks: list[_Block], state: _State,
              jd: Optional[float]) -> tuple[dict, float, float]:
    """(class → share of length, share of length acceptable, backlog SEK) on the day ``jd`` (None: as measured)."""
    n = len(net)
    classes, level, cost = np.zeros(n, np.int8), np.zeros(n, np.int8), np.zeros(n)
    for b in blocks:
        sl = slice(b.lo, b.hi)
        iri, rut = state.values(sl, b.lo)[:2] if jd is None else state.at(b, jd)
        classes[sl] = cond.condition_class(model, iri, rut)
        iri_level, rut_level = cond.measure_levels(model, b.group, iri, rut)
        level[sl] = cond.levels(iri_level, rut_level)
        cost[sl] = costs(model, b, choose(model, b, iri_level, rut_level, mask=level[sl] >= cond.NEEDS_ACTION))
    total = float(net.length.sum()) or 1.0
    by_class = np.bincount(classes, weights=net.length, minlength=6)
    acceptable = float(net.length[level == cond.ACCEPTABLE].sum())
    return {c: float(by_class[c]) / total for c in range(6)}, acceptable / total, float(cost.sum())


def run_scenario(model: MaintenanceModel, net: Network, years: int = 5, budget_sek_per_year: float = 12e6,
                 strategy: str = "worst_first", first_year: Optional[int] = None,
                 moratorium_years: Optional[int] = None, scenario_id: str = "",
                 progress: Optional[Progress] = None) -> ScenarioResult:
    """The scenario's years; :class:`ScenarioCancelledError` when ``progress`` returns False."""
    if strategy not in STRATEGIES:
        raise ValueError(
            tr("strategy must be one of {strategies}, got '{strategy}'").format(
                strategies=", ".join(STRATEGIES), strategy=strategy
            )
        )
    if years < 1 or budget_sek_per_year < 0:
        raise ValueError(
            tr("years must be ≥ 1 and the budget ≥ 0, got {years} and {budget_sek_per_year}").format(
                years=years, budget_sek_per_year=budget_sek_per_year
            )
        )
    first_year = first_year or date.fromordinal(net.today_jd - JD_OFFSET).year + 1
    mor_years = model.dig_moratorium_years if moratorium_years is None else moratorium_years
    coordination = coordinate(model, net, mor_years)
    blocks, state = _blocks(model, net), _State(model, net)  # the network is never changed (tasks may share it)
    shares, ok, left = _year_end(model, net, blocks, state, None)
    release_free_memory()
    result = ScenarioResult(scenario_id, strategy, budget_sek_per_year, first_year,
                            YearResult(first_year - 1, 0.0, 0.0, 0, 0.0, 0, shares, ok, left))
    for step, year in enumerate(range(first_year, first_year + years)):
        mid = _jd(year, 7, 1)
        rows, cost, choice, score, second, deferred = [], [], [], [], [], 0
        for b in blocks:  # this year's candidates allowed by coordination, block by block
            now_iri, now_rut = state.at(b, mid)
            iri_level, rut_level = cond.measure_levels(model, b.group, now_iri, now_rut)
            level = cond.levels(iri_level, rut_level)
            k = choose(model, b, iri_level, rut_level, mask=level >= cond.NEEDS_ACTION)
            c = costs(model, b, k)
            needing = k >= 0
            sl = slice(b.lo, b.hi)
            allowed = needing & (np.maximum(coordination.after_digs_year[sl], np.where(
                _digs(model, k), coordination.moratorium_end_year[sl], 0)) <= year)
            deferred += int((needing & ~allowed).sum())
            at = np.flatnonzero(allowed)
            severity = cond.severity(model, b.group, now_iri, now_rut)[at]
            if strategy == "worst_first":
                score.append(severity)
                second.append(-np.nan_to_num(b.aadt[at]))
            else:
                score.append(benefit_cost(model, b, k, now_iri, now_rut, c)[at])
                second.append(-severity)
            rows.append((at + b.lo).astype(np.int32))
            cost.append(c[at])
            choice.append(k[at])
        score = np.concatenate(score)
        order = np.lexsort((np.concatenate(second), -score))
        del second
        cost = np.concatenate(cost)[order]  # only the costs in priority order: the rest is looked up for the taken
        taken = _fit(cost, budget_sek_per_year)
        picked = order[taken]
        sel, sel_cost, sel_choice = np.concatenate(rows)[picked], cost[taken], np.concatenate(choice)[picked]
        del order, rows, choice
        now_iri, now_rut = state.at_rows(sel, mid)
        for seg, k, c, priority, i_before, r_before in zip(sel.tolist(), sel_choice.tolist(), sel_cost.tolist(),
                                                            score[picked].tolist(), now_iri.tolist(),
                                                            now_rut.tolist()):
            result.treated.append(TreatedSegment(year, seg, net.ids[seg], net.streets[seg],
                                                 model.treatments[k].code, c, priority, i_before, r_before))
        a_iri, a_rut = after_values(model, sel_choice, now_iri, now_rut)
        state.treat(sel, a_iri, a_rut, mid)
        if mor_years > 0:
            coordination.moratorium_end_year[sel] = year + mor_years
        shares, ok, left = _year_end(model, net, blocks, state, _jd(year, 12, 31))
        result.years.append(YearResult(
            year, budget_sek_per_year, float(sel_cost.sum()), int(len(sel)), float(net.length[sel].sum()),
            deferred, shares, ok, left))
        release_free_memory()  # the year's temporaries (see memory.py)
        if progress is not None and not progress(100.0 * (step + 1) / years):
            raise ScenarioCancelledError()
    return result


def _digs(model: MaintenanceModel, choice: np.ndarray) -> np.ndarray:
    return np.array([t.digs for t in model.treatments] + [False])[np.where(choice >= 0, choice, -1)]


def _fit(ordered_costs: np.ndarray, budget: float) -> np.ndarray:
    """Indexes taken in order while the budget lasts; one that does not fit is skipped."""
    if not len(ordered_costs):
        return np.zeros(0, np.int64)
    cumulative = np.cumsum(ordered_costs)
    prefix = int(np.searchsorted(cumulative, budget + 1e-6, side="right"))
    taken = list(range(prefix))
    left = budget - (float(cumulative[prefix - 1]) if prefix else 0.0)
    rest = ordered_costs[prefix:]
    if len(rest):
        suffix_min = np.minimum.accumulate(rest[::-1])[::-1]
        for i, c in enumerate(rest.tolist()):
            if left + 1e-6 < suffix_min[i]:
                break
            if c <= left + 1e-6:
                taken.append(prefix + i)
                left -= c
    return np.asarray(taken, dtype=np.int64)


def compare(results: list[ScenarioResult]) -> list[dict]:
    """Scenarios side by side: one row per year with each scenario's spend, acceptable share and backlog."""
    rows: dict[int, dict] = {}
    for r in results:
        for y in [r.baseline] + r.years:
            row = rows.setdefault(y.year, {"year": y.year})
            row[f"{r.scenario_id}:spend_sek"] = y.spend_sek
            row[f"{r.scenario_id}:acceptable_share"] = y.acceptable_share
            row[f"{r.scenario_id}:backlog_sek"] = y.backlog_sek
    return [rows[y] for y in sorted(rows)]
