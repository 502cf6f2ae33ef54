"""Budget scenarios: N years × a budget per year, worst first or benefit/cost; the backlog in SEK.

Each year (works at mid-season, 1 July): every segment's condition is grown from its last inspection (or its
last treatment) at its rate; segments needing action whose treatment coordination allows that year (permits ended,
moratorium over for digging treatments) are ranked by the strategy and taken in that order while the money lasts
(one that does not fit is skipped, cheaper ones after it may still fit). A treated segment gets the treatment's
condition after and the model's default deterioration rate from then on (its old trend no longer applies).
At the end of each year (31 December): the condition distribution (share of length per class 1–5, 0 = not
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
from .coordination import coordinate, earliest_year
from .model import STRATEGIES, MaintenanceModel
from .network import JD_OFFSET, Network, default_rates
from .treatments import after_values, benefit_cost, choose, costs

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


def distribution(model: MaintenanceModel, net: Network, iri: np.ndarray, rut: np.ndarray) -> tuple[dict, float]:
    """(class → share of length, share of length acceptable)."""
    total = float(net.length.sum()) or 1.0
    classes = cond.condition_class(model, iri, rut)
    by_class = np.bincount(classes, weights=net.length, minlength=6)
    iri_level, rut_level = cond.measure_levels(model, net.group, iri, rut)
    acceptable = float(net.length[cond.levels(iri_level, rut_level) == cond.ACCEPTABLE].sum())
    return {c: float(by_class[c]) / total for c in range(6)}, acceptable / total


def backlog(model: MaintenanceModel, net: Network, iri: np.ndarray, rut: np.ndarray) -> float:
    iri_level, rut_level = cond.measure_levels(model, net.group, iri, rut)
    level = cond.levels(iri_level, rut_level)
    choice = choose(model, net, iri_level, rut_level, mask=level >= cond.NEEDS_ACTION)
    return float(costs(model, net, choice).sum())


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
    shares, ok = distribution(model, net, net.iri, net.rut)
    result = ScenarioResult(scenario_id, strategy, budget_sek_per_year, first_year,
                            YearResult(first_year - 1, 0.0, 0.0, 0, 0.0, 0, shares, ok,
                                       backlog(model, net, net.iri, net.rut)))
    iri, rut = net.iri.copy(), net.rut.copy()
    since = net.latest_jd.astype(np.float64)
    rates = net.iri_rate.copy(), net.rut_rate.copy()  # the network is never changed (tasks may share it)
    fresh_iri, fresh_rut = default_rates(model, net)
    for step, year in enumerate(range(first_year, first_year + years)):
        mid = _jd(year, 7, 1)
        now_iri, now_rut = cond.at_time(net, iri, rut, since, mid, rates)
        iri_level, rut_level = cond.measure_levels(model, net.group, now_iri, now_rut)
        level = cond.levels(iri_level, rut_level)
        choice = choose(model, net, iri_level, rut_level, mask=level >= cond.NEEDS_ACTION)
        cost = costs(model, net, choice)
        needing = choice >= 0
        allowed = needing & (earliest_year(model, coordination, choice) <= year)
        rows = np.flatnonzero(allowed)
        if strategy == "worst_first":
            score = cond.severity(model, net.group, now_iri, now_rut)[rows]
            order = np.lexsort((-np.nan_to_num(net.aadt[rows]), -score))
        else:
            score = benefit_cost(model, net, choice, now_iri, now_rut, cost)[rows]
            order = np.lexsort((-cond.severity(model, net.group, now_iri, now_rut)[rows], -score))
        rows, score = rows[order], score[order]
        taken = _fit(cost[rows], budget_sek_per_year)
        sel, sel_score = rows[taken], score[taken]
        for seg, priority in zip(sel.tolist(), sel_score.tolist()):
            result.treated.append(TreatedSegment(
                year, seg, net.ids[seg], net.streets[seg], model.treatments[int(choice[seg])].code,
                float(cost[seg]), float(priority), float(now_iri[seg]), float(now_rut[seg])))
        a_iri, a_rut = after_values(model, choice[sel], now_iri[sel], now_rut[sel])
        iri[sel], rut[sel], since[sel] = a_iri, a_rut, mid
        rates[0][sel], rates[1][sel] = fresh_iri[sel], fresh_rut[sel]
        if mor_years > 0:
            coordination.moratorium_end_year[sel] = year + mor_years
        end_iri, end_rut = cond.at_time(net, iri, rut, since, _jd(year, 12, 31), rates)
        shares, ok = distribution(model, net, end_iri, end_rut)
        result.years.append(YearResult(
            year, budget_sek_per_year, float(cost[sel].sum()), int(len(sel)), float(net.length[sel].sum()),
            int((needing & ~allowed).sum()), shares, ok, backlog(model, net, end_iri, end_rut)))
        if progress is not None and not progress(100.0 * (step + 1) / years):
            raise ScenarioCancelledError()
    return result


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
