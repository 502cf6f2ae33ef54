"""Coordination with the works in the street: dig first, pave after; no digging under a moratorium.

- **Dig first**: a segment with open or planned permits (the catalog relation's filter, not ended before today) is
  paved after the last of them ends: in the permit's end year when it ends by the paving season's end (model
  ``paving_season_end``), else the year after. A permit without an end date holds the segment one year past its
  start (or past today). The utilities holding those permits are listed for the dig-now notice.
- **Moratorium**: a treatment that digs (model ``digs``) is not done while the street is under its dig
  moratorium (``dig_moratorium_years`` after ``last_paved``); it is deferred to the first season after it ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .model import MaintenanceModel
from .network import JD_OFFSET, Network
from .permits import Permit

CLEAR, DIG_FIRST, MORATORIUM = "clear", "dig_first", "moratorium"


@dataclass(frozen=True)
class Coordination:
    after_digs_year: np.ndarray  # first year paving may be done after the permits (0 = no permit)
    moratorium_end_year: np.ndarray  # first year a digging treatment may be done (0 = no moratorium)


def _season_year(model: MaintenanceModel, jd: int) -> int:
    """The first paving season at or after the day ``jd``."""
    day = date.fromordinal(int(jd) - JD_OFFSET)
    month, dom = model.season_end
    return day.year if (day.month, day.day) <= (month, dom) else day.year + 1


def coordinate(model: MaintenanceModel, net: Network, moratorium_years: int) -> Coordination:
    n = len(net)
    after = np.zeros(n, np.int32)
    for seg, permits in net.permits.items():
        after[seg] = max(_permit_year(model, p, net.today_jd) for p in permits)
    moratorium = np.zeros(n, np.int32)
    # only those paved recently enough to be under it today (366-day years: none missed)
    recent = (net.last_paved > 0) & (net.last_paved + moratorium_years * 366 > net.today_jd)
    if moratorium_years > 0 and recent.any():
        for seg in np.flatnonzero(recent):
            day = date.fromordinal(int(net.last_paved[seg]) - JD_OFFSET)
            try:
                end = day.replace(year=day.year + moratorium_years)
            except ValueError:  # 29 February
                end = day.replace(year=day.year + moratorium_years, day=28)
            if end.toordinal() + JD_OFFSET > net.today_jd:
                moratorium[seg] = _season_year(model, end.toordinal() + JD_OFFSET)
    return Coordination(after, moratorium)


def _permit_year(model: MaintenanceModel, permit: Permit, today_jd: int) -> int:
    if permit.end_jd is not None:
        return _season_year(model, max(permit.end_jd, today_jd))
    start = permit.start_jd if permit.start_jd is not None else today_jd
    return _season_year(model, max(start, today_jd)) + 1


def earliest_year(model: MaintenanceModel, coordination: Coordination, choice: np.ndarray) -> np.ndarray:
    """First year each segment's chosen treatment may be done (0 = no constraint)."""
    digs = np.array([t.digs for t in model.treatments] + [False])[np.where(choice >= 0, choice, -1)]
    return np.maximum(coordination.after_digs_year, np.where(digs, coordination.moratorium_end_year, 0))


def status(coordination: Coordination, seg: int, digs: bool, year: int) -> str:
    """The coordination status of one segment for work in ``year``."""
    if coordination.after_digs_year[seg] > 0:
        return DIG_FIRST
    if digs and coordination.moratorium_end_year[seg] > year:
        return MORATORIUM
    return CLEAR


def utilities(permits: list[Permit]) -> list[str]:
    """The applicants (utility kind) holding permits on a segment, for the dig-now notice; each once."""
    seen: list[str] = []
    for p in permits:
        text = p.applicant or p.permit_id
        if p.utility:
            text = f"{text} ({p.utility})"
        if text not in seen:
            seen.append(text)
    return seen
