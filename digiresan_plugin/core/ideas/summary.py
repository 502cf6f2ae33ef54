"""The programme's numbers: granted per year, the yearly effect and the effect/grant ratio (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

import numpy as np

from .columns import column, numbers
from .columns import years as year_column
from .model import (
    EFFECT_STATUSES,
    EFFECT_TARGET_SEK,
    FUNDED_STATUSES,
    PROGRAMME_BUDGET_SEK,
    PROGRAMME_YEARS,
    TARGET_RATIO,
    Idea,
)


@dataclass
class ProgrammeSummary:
    """What a coordinator reports upward. Money in SEK."""

    granted_by_year: dict[int, float]
    granted_total: float
    effect_total: float
    ratio: Optional[float]
    budget: float = PROGRAMME_BUDGET_SEK
    effect_target: float = EFFECT_TARGET_SEK
    target_ratio: float = TARGET_RATIO
    funded_count: int = 0
    effect_count: int = 0

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.granted_by_year))

    @property
    def remaining(self) -> float:
        return self.budget - self.granted_total

    def cumulative_by_year(self) -> dict[int, float]:
        """Granted up to and including each programme year (grants decided before the first year count in it)."""
        total = 0.0
        out: dict[int, float] = {}
        for year in sorted(self.granted_by_year):
            total += self.granted_by_year[year]
            out[year] = total
        return out


def grant_year(idea: Idea) -> Optional[int]:
    """The year a grant is booked: the decision year, else the year received."""
    day = idea.decided_on or idea.submitted_on
    return day.year if day else None


def programme_years(ideas: Sequence[Idea], first_year: int = 0) -> tuple[int, ...]:
    """The programme's years: ``first_year`` and the two after it, or (``first_year`` 0) the three years that end
    with the latest year an idea was received (this year when there is none), so the bars follow the data."""
    length = len(PROGRAMME_YEARS)
    if first_year and first_year > 0:
        return tuple(range(int(first_year), int(first_year) + length))
    received = year_column(ideas, "submitted_on") if ideas else np.zeros(0, dtype=int)
    last = int(received.max()) if received.size and received.max() > 0 else date.today().year
    return tuple(range(last - length + 1, last + 1))


def programme_summary(ideas: Sequence[Idea], years: Optional[tuple[int, ...]] = None,
                      first_year: int = 0) -> ProgrammeSummary:
    """Granted per year (statuses in :data:`~.model.FUNDED_STATUSES`), yearly effect (statuses in
    :data:`~.model.EFFECT_STATUSES`) and the programme ratio = effect / granted (effect per programme SEK, against
    2:1).

    A grant is booked in the year of its decision (else the year received); grants outside ``years`` are added to
    the nearest programme year, so the per-year sums add up to the total. ``years`` None: :func:`programme_years`
    (``first_year``, the ``programme_first_year`` setting). Works on columns: 100 000 ideas in milliseconds.
    """
    years = tuple(years) if years else programme_years(ideas, first_year)
    status = column(ideas, "status")
    funded = np.array(list(map(FUNDED_STATUSES.__contains__, status)), dtype=bool)
    effective = np.array(list(map(EFFECT_STATUSES.__contains__, status)), dtype=bool)
    granted = np.nan_to_num(numbers(ideas, "granted_sek"))
    effect = np.nan_to_num(numbers(ideas, "expected_yearly_effect_sek"))
    booked = year_column(ideas, "decided_on")
    received = year_column(ideas, "submitted_on")
    booked = np.where(booked > 0, booked, received)
    booked = np.where(booked > 0, np.clip(booked, years[0], years[-1]), years[0])
    counted = funded & (granted != 0)
    by_year = {y: float(granted[counted & (booked == y)].sum()) for y in years}
    granted_total = float(granted[counted].sum())
    with_effect = effective & (effect != 0)
    effect_total = float(effect[with_effect].sum())
    ratio = effect_total / granted_total if granted_total > 0 else None
    return ProgrammeSummary(by_year, granted_total, effect_total, ratio, funded_count=int(counted.sum()),
                            effect_count=int(with_effect.sum()))
