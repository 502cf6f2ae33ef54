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


YEAR = np.int16  # calendar years per segment (0 = none): two bytes each, every year up to 32767 fits


@dataclass(frozen=True)
class Coordination:
    after_digs_year: np.ndarray  # first year paving may be done after the permits (0 = no permit)
    moratorium_end_year: np.ndarray  # first year a digging treatment may be done (0 = no moratorium)


_EPOCH = date(1970, 1, 1).toordinal() + JD_OFFSET  # Julian day of numpy's datetime64 day 0


def _season_years(model: MaintenanceModel, jd: np.ndarray) -> np.ndarray:
    """The first paving season at or after each day ``jd`` (Julian day numbers)."""
    day = (np.asarray(jd, np.int64) - _EPOCH).astype("datetime64[D]")
    months = day.astype("datetime64[M]")
    year = day.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    dom = (day - months.astype("datetime64[D]")).astype(np.int64) + 1
    end_month, end_day = model.season_end
    late = (month > end_month) | ((month == end_month) & (dom > end_day))
    return (year + late).astype(np.int32)


def coordinate(model: MaintenanceModel, net: Network, moratorium_years: int) -> Coordination:
    n = len(net)
    after = np.zeros(n, YEAR)
    permits = net.permits
    if len(permits.seg):
        t = permits.table
        end, start = t["end"], t["start"]
        ended = np.isfinite(end)
        begin = np.where(np.isfinite(start), start, net.today_jd)
        days = np.maximum(np.where(ended, end, begin), net.today_jd)
        year = _season_years(model, days) + np.where(ended, 0, 1).astype(np.int32)
        np.maximum.at(after, permits.seg, year[permits.row].astype(YEAR))
    moratorium = np.zeros(n, YEAR)
    # only those paved recently enough to be under it today (366-day years: none missed)
    recent = (net.last_paved > 0) & (net.last_paved + moratorium_years * 366 > net.today_jd)
    if moratorium_years > 0 and recent.any():
        segs = np.flatnonzero(recent)
        day = (net.last_paved[segs] - _EPOCH).astype("datetime64[D]")
        months = day.astype("datetime64[M]")
        # the same day moratorium_years later (29 February → 28 February)
        later = (months + np.timedelta64(12 * moratorium_years, "M")).astype("datetime64[D]")
        end = np.minimum(later + (day - months.astype("datetime64[D]")),
                         (months + np.timedelta64(12 * moratorium_years + 1, "M")).astype("datetime64[D]")
                         - np.timedelta64(1, "D"))
        end_jd = end.astype(np.int64) + _EPOCH
        under = end_jd > net.today_jd
        moratorium[segs[under]] = _season_years(model, end_jd[under]).astype(YEAR)
    return Coordination(after, moratorium)


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
