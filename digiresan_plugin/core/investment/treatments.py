"""Which treatment a segment gets, what it costs and what it brings.

The model's treatments are tried in their file order; the first whose trigger matches wins (so heavier treatments
come first). A trigger's conditions all hold: surface (a missing surface counts as the model's fallback surface),
overall / IRI / rut action level, functional-class group, ÅDT range (a missing ÅDT fails ``min_aadt``).
Cost = length × width × unit cost (the width is the model's default where missing, flagged on the segment).
Benefit (for the benefit/cost strategy) = (severity now − severity after) × life × area × (1 + ÅDT / reference ÅDT).
"""

from __future__ import annotations

import numpy as np

from .condition import severity
from .model import LEVELS, MaintenanceModel
from .network import Network

NONE = -1


def trigger_masks(model: MaintenanceModel, net: Network) -> list[np.ndarray]:
    """Per treatment, the segments its trigger's fixed conditions admit (surface, class group, ÅDT): made once per
    model and network (kept on the network: they go with it); only the action levels change from year to year."""
    kept = net.cache.get("trigger_masks")
    if kept is not None and kept[0] is model:
        return kept[1]
    codes = list(net.surface_codes)
    fallback = model.deterioration.fallback_surface
    surface = net.surface.astype(np.int32)
    surface[surface < 0] = codes.index(fallback) if fallback in codes else len(codes)
    codes.append(fallback)
    group_ids = [g.id for g in model.groups]
    masks = []
    for t in model.treatments:
        tr = t.trigger
        m = np.ones(len(net), bool)
        if tr.surfaces is not None:
            m &= np.isin(surface, [i for i, c in enumerate(codes) if c in tr.surfaces])
        if tr.class_groups is not None:
            m &= np.isin(net.group, [i for i, g in enumerate(group_ids) if g in tr.class_groups])
        with np.errstate(invalid="ignore"):
            if tr.min_aadt is not None:
                m &= net.aadt >= tr.min_aadt
            if tr.max_aadt is not None:
                m &= ~(net.aadt > tr.max_aadt)
        masks.append(m)
    net.cache["trigger_masks"] = (model, masks)
    return masks


def _level_table(wanted) -> np.ndarray:
    """Lookup by level + 1 (-1 not measured, 0 acceptable, 1 needs action, 2 urgent): is it one of ``wanted``."""
    table = np.zeros(len(LEVELS) + 1, bool)
    for w in wanted:
        table[LEVELS.index(w) + 1] = True
    return table


def choose(model: MaintenanceModel, net: Network, iri_level: np.ndarray, rut_level: np.ndarray,
           mask: np.ndarray | None = None) -> np.ndarray:
    """Index into ``model.treatments`` per segment (``NONE`` where no trigger matches or outside ``mask``)."""
    n = len(net)
    choice = np.full(n, NONE, dtype=np.int16)
    open_ = np.ones(n, bool) if mask is None else mask.copy()
    level = np.maximum(iri_level, rut_level)
    shifted = [np.asarray(a, np.int8) + np.int8(1) for a in (level, iri_level, rut_level)]
    for k, (t, fixed) in enumerate(zip(model.treatments, trigger_masks(model, net))):
        tr = t.trigger
        m = open_ & fixed
        for wanted, actual in zip((tr.levels, tr.iri_levels, tr.rut_levels), shifted):
            if wanted is not None:
                m &= _level_table(wanted)[actual]
        choice[m] = k
        open_ &= ~m
    return choice


def unit_costs(model: MaintenanceModel, choice: np.ndarray) -> np.ndarray:
    table = np.array([t.unit_cost_sek_m2 for t in model.treatments] + [0.0])
    return table[np.where(choice >= 0, choice, len(model.treatments))]


def costs(model: MaintenanceModel, net: Network, choice: np.ndarray) -> np.ndarray:
    """SEK per segment for its chosen treatment (0 where none)."""
    return net.area * unit_costs(model, choice)


def after_values(model: MaintenanceModel, choice: np.ndarray, iri: np.ndarray,
                 rut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """IRI and rut right after the chosen treatment (unchanged where none; never worse than before)."""
    k = np.where(choice >= 0, choice, 0)
    a_iri = np.array([t.after.iri_mm_m for t in model.treatments])[k]
    a_rut = np.array([t.after.rut_mm for t in model.treatments])[k]
    treated = choice >= 0
    return np.where(treated, np.fmin(a_iri, iri), iri), np.where(treated, np.fmin(a_rut, rut), rut)


def benefit_cost(model: MaintenanceModel, net: Network, choice: np.ndarray, iri: np.ndarray, rut: np.ndarray,
                 cost: np.ndarray) -> np.ndarray:
    """Benefit per SEK of the chosen treatment (0 where none or free)."""
    a_iri, a_rut = after_values(model, choice, iri, rut)
    gain = severity(model, net.group, iri, rut) - severity(model, net.group, a_iri, a_rut)
    life = np.array([t.life_years for t in model.treatments] + [0.0])[np.where(choice >= 0, choice, -1)]
    traffic = 1.0 + np.where(np.isfinite(net.aadt), net.aadt, 0.0) / model.traffic_reference_aadt
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(cost > 0, np.nan_to_num(gain) * life * net.area * traffic / cost, 0.0)
    return out
