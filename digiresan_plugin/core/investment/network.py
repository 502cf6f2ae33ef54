"""The road network as the model sees it: one numpy column per attribute, one row per segment.

Built from the layers the model's ``sources`` name (via the catalog's relations): segments, their inspections
(latest values and the trend since the last paving), the open or planned permits near them and the rows already
in the paving plan. Deterioration rates: the segment's own least-squares trend of the inspections since its last
paving when it has at least ``min_inspections`` of them and the trend rises; otherwise the model's rate for its
surface and ÅDT band (an assumption to calibrate). Trends are kept inside the model's min/max.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Callable, Optional

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from ..catalog import Catalog
from ..identify.config import identify_config
from ..tr import tr
from .columns import PlanRows, SegmentIds, utf8
from .memory import release_free_memory
from .model import MaintenanceModel
from .permits import Permit, read_permits
from .sources import (
    BATCH,
    JD_OFFSET,
    Categories,
    LayerInput,
    SourceError,
    columns_of,
    floats,
    ints,
    julian,
    read_children_by_parent,
    read_rows,
    row_count,
    texts,
)

DAYS_PER_YEAR = 365.25
Progress = Callable[[float], bool]


@dataclass
class Network:
    today_jd: int
    ids: SegmentIds
    streets: list
    fclass: np.ndarray
    group: np.ndarray
    surface_codes: tuple
    surface: np.ndarray
    width: np.ndarray
    width_assumed: np.ndarray
    aadt: np.ndarray
    length: np.ndarray
    last_paved: np.ndarray
    n_insp: np.ndarray
    latest_jd: np.ndarray
    iri: np.ndarray
    rut: np.ndarray
    iri_rate: np.ndarray
    rut_rate: np.ndarray
    own_trend: np.ndarray
    fids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # feature ids in the segment layer
    cache: dict = field(default_factory=dict)  # what the model derives once per network (trigger masks)
    fid_lookup: Optional[tuple] = None  # (argsort of fids or None when they ascend, sorted fids), made once
    permits: dict = field(default_factory=dict)  # segment index → [Permit]
    planned: PlanRows = field(default_factory=PlanRows)  # segment index → [(year, treatment, scenario)]

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def area(self) -> np.ndarray:
        return self.length * self.width


def today_jd(today: date) -> int:
    return today.toordinal() + JD_OFFSET


def _relation(catalog: Catalog, relation_id: str, kind: str):
    rel = identify_config(catalog).relations.get(relation_id)
    if rel is None:
        raise SourceError(
            tr("The maintenance model's {kind} relation '{relation_id}' is not in the catalog").format(
                kind=kind, relation_id=relation_id
            )
        )
    return rel


def _input(inputs: dict[str, LayerInput], layer_id: str, kind: str) -> LayerInput:
    layer = inputs.get(layer_id)
    if layer is None:
        raise SourceError(tr("The twin has no layer '{layer_id}' ({kind})").format(layer_id=layer_id, kind=kind))
    return layer


def read_network(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput], today: date,
                 progress: Optional[Progress] = None) -> Network:
    """The network of the twin ``inputs`` (layer id → snapshot); :class:`SourceError` names what is missing."""
    progress = progress or (lambda _p: True)
    seg_src = model.sources["segments"]
    segments = _input(inputs, seg_src.layer, "segments")
    f = seg_src.fields
    names = [f[k] for k in ("id", "street", "functional_class", "surface", "width", "aadt", "last_paved")]
    segments.require({k: f[k] for k in f if k not in ("length",)}, "segment")
    length_field = f.get("length") if f.get("length") and segments.has_field(f["length"]) else None
    length_of = floats if length_field else _Lengths(segments, catalog)
    streets, surfaces = Categories(), Categories()
    count = row_count(segments) if length_field else None  # known: each column read into its final array
    cols = columns_of(read_rows(segments, names + ([length_field] if length_field else []),
                                dates=(f["last_paved"],), geometry=length_field is None, fid=True),
                      [ints, utf8, streets, _classes, surfaces, floats, floats, ints, length_of], count,
                      [None, None, np.int32, np.int8, np.int16, None, None, np.int32, None])
    progress(30)
    fids, ids, street, fclass, surface, width, aadt, last_paved, length = (
        c if c is not None else np.zeros(0) for c in cols)
    ids = SegmentIds(ids if cols[1] is not None else None)
    n = len(ids)
    del cols
    fclass = np.asarray(fclass, np.int8)
    groups = np.array([model.group_index_of(c) for c in range(10)], dtype=np.int8)
    default_group = model.group_index_of(None)
    group = np.where(fclass >= 0, groups[np.clip(fclass, 0, 9)], default_group).astype(np.int8)
    width = np.asarray(width, dtype=np.float64)
    width_assumed = ~(width > 0)
    width[width_assumed] = model.default_width_m
    length = np.asarray(length, dtype=np.float64)
    length[~np.isfinite(length)] = 0.0
    none = np.zeros(0)  # the inspections' columns (count, rates, own trend) are made by _read_inspections
    net = Network(today_jd(today), ids, _StreetNames(street, streets.values), fclass, group, surfaces.values,
                  np.asarray(surface, np.int16), width, width_assumed, np.asarray(aadt, np.float64), length,
                  np.asarray(last_paved, np.int32), none, np.zeros(n, np.int32),
                  np.full(n, np.nan), np.full(n, np.nan), none, none, none)
    net.fids = _narrow_ids(np.asarray(fids, np.int64))
    del fids, street, fclass, surface, width, aadt, last_paved, length, group
    release_free_memory()  # each step starts from what is alive (see memory.py)
    _read_inspections(catalog, model, inputs, net, segments)
    progress(70)
    _default_rates(model, net)
    release_free_memory()
    net.permits = read_permits(catalog, model, inputs, segments, net.fids, net.today_jd)
    net.planned = _read_plan(catalog, model, inputs, net, segments)
    release_free_memory()
    progress(90)
    return net


def _narrow_ids(fids: np.ndarray) -> np.ndarray:
    """Feature ids as int32 when they all fit (the same values in half the memory), else int64."""
    info = np.iinfo(np.int32)
    if not len(fids) or (int(fids.min()) >= info.min and int(fids.max()) <= info.max):
        return fids.astype(np.int32)
    return fids


def _classes(values: tuple) -> np.ndarray:
    """Functional classes 0–9; -1 for NULL or outside 0–9."""
    out = np.array([-1 if v is None else v for v in values], dtype=np.int32)
    out[(out < 0) | (out > 9)] = -1
    return out


class _Lengths:
    """Geometry lengths in metres (through the catalog's metric CRS when the layer is geographic), per batch."""

    def __init__(self, layer: LayerInput, catalog: Catalog) -> None:
        self.transform = None
        if layer.crs.isGeographic():
            metric = QgsCoordinateReferenceSystem(identify_config(catalog).metric_crs)
            self.transform = QgsCoordinateTransform(layer.crs, metric, QgsProject.instance().transformContext())

    def __call__(self, geometries: tuple) -> np.ndarray:
        out = np.zeros(len(geometries))
        for i, g in enumerate(geometries):
            if g is None or g.isEmpty():
                continue
            if self.transform is not None:
                g = type(g)(g)
                g.transform(self.transform)
            out[i] = g.length()
        return out


class _StreetNames:
    """Street names by segment index, stored as codes into the distinct names."""

    def __init__(self, codes: np.ndarray, names: tuple[str, ...]) -> None:
        self.codes, self.names = np.asarray(codes, np.int32), names

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> Optional[str]:
        code = int(self.codes[i])
        return self.names[code] if code >= 0 else None


def _positions(net: Network, parent_fids: np.ndarray) -> np.ndarray:
    """Segment index of each parent feature id (-1 where none); the fids are sorted once per network."""
    if not len(net.fids):
        return np.full(len(parent_fids), -1, np.int64)
    if net.fid_lookup is None:
        if bool(np.all(net.fids[1:] > net.fids[:-1])):  # ascending, as SQLite gives them: no sort needed
            net.fid_lookup = (None, net.fids)
        else:
            order = np.argsort(net.fids, kind="stable")
            net.fid_lookup = (order, net.fids[order])
    order, ordered = net.fid_lookup
    pos = np.clip(np.searchsorted(ordered, parent_fids), 0, len(ordered) - 1)
    return np.where(ordered[pos] == parent_fids, pos if order is None else order[pos], -1)


def _key_positions(net: Network, keys: list) -> np.ndarray:
    """Segment index of each key value (-1 where none), through a dictionary of the segment ids."""
    return net.ids.positions(keys)


def _child_rows(catalog: Catalog, relation_id: str, kind: str, inputs: dict[str, LayerInput], net: Network,
                segments: LayerInput, names: list[str], dates: tuple[str, ...], converters: list,
                optional: bool = False) -> Optional[tuple[np.ndarray, list]]:
    """(segment index per row, the named columns) of the relation's child layer; joined by key in SQL when
    both are tables of one GeoPackage, else by a dictionary of the ids."""
    rel = _relation(catalog, relation_id, kind)
    child = inputs.get(rel.to_layer)
    if child is None:
        if optional:
            return None
        raise SourceError(tr("The twin has no layer '{to_layer}' ({kind})").format(to_layer=rel.to_layer, kind=kind))
    rows = read_children_by_parent(child, segments, rel.to_field, rel.from_field, names, dates)
    if rows is not None:
        cols = columns_of(rows, [ints] + converters)
        return (_positions(net, cols[0]) if cols[0] is not None else np.zeros(0, np.int64)), cols[1:]
    cols = columns_of(read_rows(child, [rel.to_field] + names, dates=dates), [texts] + converters)
    return (_key_positions(net, cols[0]) if cols[0] is not None else np.zeros(0, np.int64)), cols[1:]


def _child_batches(catalog: Catalog, relation_id: str, kind: str, inputs: dict[str, LayerInput], net: Network,
                   segments: LayerInput, names: list[str], dates: tuple[str, ...], converters: list):
    """Like :func:`_child_rows`, batch by batch: ``(segment index per row, the named columns)`` (memory stays
    near one batch whatever the number of child rows)."""
    rel = _relation(catalog, relation_id, kind)
    child = inputs.get(rel.to_layer)
    if child is None:
        raise SourceError(tr("The twin has no layer '{to_layer}' ({kind})").format(to_layer=rel.to_layer, kind=kind))
    rows = read_children_by_parent(child, segments, rel.to_field, rel.from_field, names, dates)
    by_fid = rows is not None
    if rows is None:
        rows = read_rows(child, [rel.to_field] + names, dates=dates)
    while True:
        batch = list(islice(rows, BATCH))
        if not batch:
            return
        columns = list(zip(*batch))
        del batch
        if by_fid:
            seg = _positions(net, np.array(columns[0], dtype=np.int64))
        else:
            seg = net.ids.positions(list(columns[0]))
        yield seg, [convert(values) for convert, values in zip(converters, columns[1:])]


def _read_inspections(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput], net: Network,
                      segments: LayerInput) -> None:
    """Latest inspection and the least-squares sums of the trend since the last paving, batch by batch."""
    src = model.sources["inspections"]
    f = src.fields
    n = len(net)
    count_all, count = np.zeros(n, np.int32), np.zeros(n, np.int32)  # all inspections · those since the paving
    sx, sxx = np.zeros(n), np.zeros(n)
    sums = {"iri": (np.zeros(n), np.zeros(n)), "rut": (np.zeros(n), np.zeros(n))}
    for seg, (day, iri_a, rut_a) in _child_batches(catalog, src.relation, "inspections", inputs, net, segments,
                                                   [f["date"], f["iri"], f["rut"]], (f["date"],),
                                                   [floats, floats, floats]):
        known = (seg >= 0) & np.isfinite(day)
        seg, day, iri_a, rut_a = seg[known], day[known].astype(np.int64), iri_a[known], rut_a[known]
        if not len(seg):
            continue
        # sums over the batch's range of segments only (the rows come in segment order: a small window, not a
        # network-sized temporary per sum and batch; the same sums, added in the same order)
        lo, hi = int(seg.min()), int(seg.max()) + 1
        window = slice(lo, hi)
        count_all[window] += np.bincount(seg - lo, minlength=hi - lo).astype(np.int32)
        order = np.lexsort((day, seg))
        s_o, d_o = seg[order], day[order]
        last = np.r_[s_o[1:] != s_o[:-1], True]  # each segment's latest in this batch
        ls, ld = s_o[last], d_o[last]
        newer = ld >= net.latest_jd[ls]  # a later batch wins a tie, as a later row does within one
        pick = order[last][newer]
        net.latest_jd[ls[newer]] = ld[newer]
        net.iri[ls[newer]], net.rut[ls[newer]] = iri_a[pick], rut_a[pick]
        since = (day >= net.last_paved[seg]) & np.isfinite(iri_a) & np.isfinite(rut_a)
        s, x = seg[since] - lo, (day[since] - net.today_jd) / DAYS_PER_YEAR
        count[window] += np.bincount(s, minlength=hi - lo).astype(np.int32)
        sx[window] += np.bincount(s, x, hi - lo)
        sxx[window] += np.bincount(s, x * x, hi - lo)
        for values, (sy, sxy) in ((iri_a[since], sums["iri"]), (rut_a[since], sums["rut"])):
            sy[window] += np.bincount(s, values, hi - lo)
            sxy[window] += np.bincount(s, x * values, hi - lo)
    net.n_insp = count_all
    del count_all
    # the slope (count·Σxy − Σx·Σy) / (count·Σxx − (Σx)²), computed in the sums' own arrays (the same operations
    # on the same values as a fresh expression, without its whole-network temporaries)
    denominator = sxx
    denominator *= count
    denominator -= sx * sx
    enough = (count >= model.deterioration.min_inspections) & (denominator > 1e-9)
    denominator[~enough] = 1.0
    for name, (sy, sxy) in sums.items():
        sxy *= count
        sy *= sx
        sxy -= sy
        sxy /= denominator
        sxy[~enough] = np.nan
        setattr(net, f"{name}_rate", sxy)
    del sums, sy, sxy, sx, sxx, denominator, count
    net.own_trend = enough & (net.iri_rate > 0) & (net.rut_rate >= 0)


def _default_rates(model: MaintenanceModel, net: Network) -> None:
    """The model's rate where a segment has no rising trend of its own; own trends kept within the model's range."""
    det = model.deterioration
    own = net.own_trend
    for name, rate, limits in zip(("iri_rate", "rut_rate"), default_rates(model, net),
                                  (det.iri_trend_range, det.rut_trend_range)):
        trend = getattr(net, name)
        rate[own] = np.clip(trend[own], *limits)
        setattr(net, name, rate)


def default_rates(model: MaintenanceModel, net: Network) -> tuple[np.ndarray, np.ndarray]:
    """IRI (mm/m per year) and rut (mm per year) growth by surface and ÅDT band, for every segment."""
    det = model.deterioration
    n = len(net)
    iri, rut = np.zeros(n), np.zeros(n)
    aadt = np.where(np.isfinite(net.aadt), net.aadt, 0.0)
    assigned = np.zeros(n, bool)
    for band in det.bands:
        in_band = ~assigned & (aadt <= band.max_aadt if band.max_aadt is not None else np.ones(n, bool))
        for s in range(-1, len(net.surface_codes)):
            code = net.surface_codes[s] if s >= 0 else det.fallback_surface
            if code not in band.iri_mm_m_per_year:
                code = det.fallback_surface
            mask = in_band & (net.surface == s)
            iri[mask] = band.iri_mm_m_per_year[code]
            rut[mask] = band.rut_mm_per_year.get(code, band.rut_mm_per_year[det.fallback_surface])
        assigned |= in_band
    return iri, rut


def _read_plan(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput], net: Network,
               segments: LayerInput) -> PlanRows:
    src = model.sources["paving_plan"]
    f = src.fields
    rel = _relation(catalog, src.relation, "paving plan")
    layer = inputs.get(rel.to_layer)
    if layer is None:
        return PlanRows()
    names = [f["year"], f["treatment"]]
    scenario = f.get("scenario") if f.get("scenario") and layer.has_field(f["scenario"]) else None
    treatments, scenarios = Categories(), Categories()
    found = _child_rows(catalog, src.relation, "paving plan", inputs, net, segments,
                        names + ([scenario] if scenario else []), (),
                        [floats, treatments] + ([scenarios] if scenario else []), optional=True)
    if found is None or found[1][0] is None:
        return PlanRows()
    seg, cols = found
    keep = (seg >= 0) & np.isfinite(cols[0])
    return PlanRows(seg[keep], cols[0][keep].astype(np.int64), cols[1][keep], treatments.values,
                    cols[2][keep] if scenario else None, scenarios.values)


def year_of(jd: int) -> int:
    return date.fromordinal(int(jd) - JD_OFFSET).year


__all__ = ["Network", "Permit", "read_network", "default_rates", "today_jd", "year_of", "julian"]
