"""Condition from IRI and rut depth: action level per functional-class group, class 1–5, severity, forecast.

- **Action level** (0 acceptable, 1 needs action, 2 urgent): a measure is at a level when it is *above* the
  group's limit (``IRI 5.8 > 4.5``); the worse of IRI and rut decides.
- **Condition class** 1–5: the model's class limits are the *lower* bounds of classes 2–5 (the demo twin's
  mapping); the worse of IRI and rut decides; 0 = not inspected.
- **Severity**: the larger of IRI / its needs-action limit and rut / its limit (≥ 1 needs action).
- **Forecast**: the year the next limit is crossed, growing from the latest inspection at the segment's rate.
"""

from __future__ import annotations

import numpy as np

from .model import MaintenanceModel
from .network import DAYS_PER_YEAR, Network

ACCEPTABLE, NEEDS_ACTION, URGENT = 0, 1, 2
FORECAST_HORIZON_YEARS = 100.0  # beyond this the forecast says "not within a lifetime" (None)


class _GroupLimits:
    """The needs-action and urgent limits of every segment's group, gathered when asked (nothing kept per
    segment: a million segments' four limit columns would be 35 MB)."""

    def __init__(self, model: MaintenanceModel, group: np.ndarray) -> None:
        self.group = group
        self.table = {
            "iri_action": np.asarray([g.needs_action.iri_mm_m for g in model.groups], dtype=np.float64),
            "rut_action": np.asarray([g.needs_action.rut_mm for g in model.groups], dtype=np.float64),
            "iri_urgent": np.asarray([g.urgent.iri_mm_m for g in model.groups], dtype=np.float64),
            "rut_urgent": np.asarray([g.urgent.rut_mm for g in model.groups], dtype=np.float64),
        }

    def __getitem__(self, key: str) -> np.ndarray:
        return self.table[key][self.group]


def group_limits(model: MaintenanceModel, group: np.ndarray) -> _GroupLimits:
    """The limits of every segment's group: ``limits["iri_action"]`` etc. (gathered on each look-up)."""
    return _GroupLimits(model, group)


def measure_levels(model: MaintenanceModel, group: np.ndarray, iri: np.ndarray,
                   rut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(IRI level, rut level): 0/1/2 per segment; -1 where not measured."""
    lim = group_limits(model, group)
    with np.errstate(invalid="ignore"):
        iri_level = (iri > lim["iri_action"]).astype(np.int8) + (iri > lim["iri_urgent"])
        rut_level = (rut > lim["rut_action"]).astype(np.int8) + (rut > lim["rut_urgent"])
    iri_level[~np.isfinite(iri)] = -1
    rut_level[~np.isfinite(rut)] = -1
    return iri_level.astype(np.int8), rut_level.astype(np.int8)


def levels(iri_level: np.ndarray, rut_level: np.ndarray) -> np.ndarray:
    return np.maximum(iri_level, rut_level)


def condition_class(model: MaintenanceModel, iri: np.ndarray, rut: np.ndarray) -> np.ndarray:
    """Class 1–5 per segment (0 where neither is measured)."""
    with np.errstate(invalid="ignore"):
        c_iri = 1 + np.searchsorted(np.asarray(model.iri_class_limits_mm_m), np.nan_to_num(iri, nan=-1), "right")
        c_rut = 1 + np.searchsorted(np.asarray(model.rut_class_limits_mm), np.nan_to_num(rut, nan=-1), "right")
    c_iri = np.where(np.isfinite(iri), c_iri, 0)
    c_rut = np.where(np.isfinite(rut), c_rut, 0)
    return np.maximum(c_iri, c_rut).astype(np.int8)


def severity(model: MaintenanceModel, group: np.ndarray, iri: np.ndarray, rut: np.ndarray) -> np.ndarray:
    lim = group_limits(model, group)
    return np.fmax(iri / lim["iri_action"], rut / lim["rut_action"])


def at_time(net: Network, iri: np.ndarray, rut: np.ndarray, since_jd: np.ndarray, jd: float,
            rates: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """IRI and rut grown at each segment's rate (``rates``, default the network's) from ``since_jd`` to ``jd``
    (never backwards)."""
    iri_rate, rut_rate = rates if rates is not None else (net.iri_rate, net.rut_rate)
    years = np.maximum(0.0, (jd - since_jd) / DAYS_PER_YEAR)
    return iri + iri_rate * years, rut + rut_rate * years


def forecast_jd(model: MaintenanceModel, net: Network) -> np.ndarray:
    """Julian day the next limit (needs action, or urgent when already there) is crossed; NaN: never/urgent."""
    lim = group_limits(model, net.group)
    iri_level, rut_level = measure_levels(model, net.group, net.iri, net.rut)
    level = levels(iri_level, rut_level)
    iri_limit = np.where(level <= 0, lim["iri_action"], lim["iri_urgent"])
    rut_limit = np.where(level <= 0, lim["rut_action"], lim["rut_urgent"])
    with np.errstate(divide="ignore", invalid="ignore"):
        t_iri = np.where(net.iri_rate > 0, (iri_limit - net.iri) / net.iri_rate, np.inf)
        t_rut = np.where(net.rut_rate > 0, (rut_limit - net.rut) / net.rut_rate, np.inf)
    t = np.fmin(np.where(t_iri >= 0, t_iri, np.inf), np.where(t_rut >= 0, t_rut, np.inf))
    out = net.latest_jd + t * DAYS_PER_YEAR
    out[(level >= URGENT) | (level < 0) | ~(t <= FORECAST_HORIZON_YEARS)] = np.nan
    return out
