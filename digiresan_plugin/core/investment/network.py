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
from typing import Callable, Optional

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from ..catalog import Catalog
from ..identify.config import identify_config
from .model import MaintenanceModel
from .permits import read_permits
from .sources import JD_OFFSET, LayerInput, SourceError, julian, read_rows

DAYS_PER_YEAR = 365.25
Progress = Callable[[float], bool]


@dataclass(frozen=True)
class Permit:
    permit_id: str
    applicant: Optional[str]
    utility: Optional[str]
    start_jd: Optional[int]
    end_jd: Optional[int]
    status: Optional[str]


@dataclass
class Network:
    today_jd: int
    ids: list
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
    permits: dict = field(default_factory=dict)  # segment index → [Permit]
    planned: dict = field(default_factory=dict)  # segment index → [(year, treatment, scenario)]

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
        raise SourceError(f"The maintenance model's {kind} relation '{relation_id}' is not in the catalog")
    return rel


def _input(inputs: dict[str, LayerInput], layer_id: str, kind: str) -> LayerInput:
    layer = inputs.get(layer_id)
    if layer is None:
        raise SourceError(f"The twin has no layer '{layer_id}' ({kind})")
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
    rows = list(read_rows(segments, names + ([length_field] if length_field else []), dates=(f["last_paved"],),
                          geometry=length_field is None, fid=True))
    progress(30)
    n = len(rows)
    cols = list(zip(*rows)) if rows else [()] * (len(names) + 2)
    fids = np.array(cols[0], dtype=np.int64)
    cols = cols[1:]
    ids = [str(v) for v in cols[0]]
    index = {sid: i for i, sid in enumerate(ids)}
    fclass = np.array([-1 if v is None else int(v) for v in cols[2]], dtype=np.int32)
    groups = np.array([model.group_index_of(None if c < 0 else int(c)) for c in range(-1, 10)], dtype=np.int8)
    group = np.where((fclass >= 0) & (fclass <= 9), groups[np.clip(fclass, -1, 9) + 1],
                     model.group_index_of(None)).astype(np.int8)
    surface_codes = tuple(sorted({str(v) for v in cols[3] if v is not None}))
    code_index = {c: i for i, c in enumerate(surface_codes)}
    surface = np.array([-1 if v is None else code_index[str(v)] for v in cols[3]], dtype=np.int16)
    width = _floats(cols[4], n)
    width_assumed = ~(width > 0)
    width[width_assumed] = model.default_width_m
    aadt = _floats(cols[5], n)
    last_paved = np.array([0 if v is None else v for v in cols[6]], dtype=np.int64)
    length = _floats(cols[7], n) if length_field else _lengths(cols[7], segments, catalog)
    length[~np.isfinite(length)] = 0.0
    net = Network(today_jd(today), ids, list(cols[1]), fclass, group, surface_codes, surface, width, width_assumed,
                  aadt, length, last_paved, np.zeros(n, np.int32), np.zeros(n, np.int64), np.full(n, np.nan),
                  np.full(n, np.nan), np.zeros(n), np.zeros(n), np.zeros(n, bool))
    net.fids = fids
    del rows, cols
    _read_inspections(catalog, model, inputs, net, index)
    progress(70)
    _default_rates(model, net)
    net.permits = read_permits(catalog, model, inputs, segments, net.fids, net.today_jd)
    net.planned = _read_plan(catalog, model, inputs, index)
    progress(90)
    return net


def _floats(values, n: int) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64) if n else np.zeros(0)


def _lengths(geometries, layer: LayerInput, catalog: Catalog) -> np.ndarray:
    transform = None
    if layer.crs.isGeographic():
        metric = QgsCoordinateReferenceSystem(identify_config(catalog).metric_crs)
        transform = QgsCoordinateTransform(layer.crs, metric, QgsProject.instance().transformContext())
    out = np.zeros(len(geometries))
    for i, g in enumerate(geometries):
        if g is None or g.isEmpty():
            continue
        if transform is not None:
            g = type(g)(g)
            g.transform(transform)
        out[i] = g.length()
    return out


def _read_inspections(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput], net: Network,
                      index: dict[str, int]) -> None:
    src = model.sources["inspections"]
    rel = _relation(catalog, src.relation, "inspections")
    layer = _input(inputs, rel.to_layer, "inspections")
    f = src.fields
    rows = list(read_rows(layer, [rel.to_field, f["date"], f["iri"], f["rut"]], dates=(f["date"],)))
    if not rows:
        return
    keys, days, iri, rut = zip(*rows)
    del rows
    get = index.get
    seg = np.fromiter((get(k if k.__class__ is str else str(k), -1) for k in keys), np.int64, len(keys))
    day = np.array(days, dtype=np.float64)  # None → NaN
    known = (seg >= 0) & np.isfinite(day)
    seg, day = seg[known], day[known].astype(np.int64)
    iri_a = np.array(iri, dtype=np.float64)[known]
    rut_a = np.array(rut, dtype=np.float64)[known]
    del keys, days, iri, rut
    if not len(seg):
        return
    order = np.lexsort((day, seg))
    seg, day, iri_a, rut_a = seg[order], day[order], iri_a[order], rut_a[order]
    last = np.r_[seg[1:] != seg[:-1], True]  # the latest inspection of each segment
    n = len(net)
    net.n_insp = np.bincount(seg, minlength=n).astype(np.int32)
    net.latest_jd[seg[last]] = day[last]
    net.iri[seg[last]] = iri_a[last]
    net.rut[seg[last]] = rut_a[last]
    # own trend: least squares over the inspections since the last paving
    since = (day >= net.last_paved[seg]) & np.isfinite(iri_a) & np.isfinite(rut_a)
    s, x = seg[since], (day[since] - net.today_jd) / DAYS_PER_YEAR
    count = np.bincount(s, minlength=n).astype(np.float64)
    sx, sxx = np.bincount(s, x, n), np.bincount(s, x * x, n)
    denominator = count * sxx - sx * sx
    enough = (count >= model.deterioration.min_inspections) & (denominator > 1e-9)
    safe = np.where(enough, denominator, 1.0)
    for values, target in ((iri_a[since], "iri_rate"), (rut_a[since], "rut_rate")):  # noqa: B007
        sy, sxy = np.bincount(s, values, n), np.bincount(s, x * values, n)
        setattr(net, target, np.where(enough, (count * sxy - sx * sy) / safe, np.nan))
    net.own_trend = enough & (net.iri_rate > 0) & (net.rut_rate >= 0)


def _default_rates(model: MaintenanceModel, net: Network) -> None:
    """The model's rate where a segment has no rising trend of its own; own trends kept within the model's range."""
    det = model.deterioration
    iri_default, rut_default = default_rates(model, net)
    net.iri_rate = np.where(net.own_trend, np.clip(net.iri_rate, *det.iri_trend_range), iri_default)
    net.rut_rate = np.where(net.own_trend, np.clip(net.rut_rate, *det.rut_trend_range), rut_default)


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


def _read_plan(catalog: Catalog, model: MaintenanceModel, inputs: dict[str, LayerInput],
               index: dict[str, int]) -> dict[int, list[tuple]]:
    src = model.sources["paving_plan"]
    rel = _relation(catalog, src.relation, "paving plan")
    layer = inputs.get(rel.to_layer)
    if layer is None:
        return {}
    f = src.fields
    names = [rel.to_field, f["year"], f["treatment"]]
    scenario = f.get("scenario") if f.get("scenario") and layer.has_field(f["scenario"]) else None
    out: dict[int, list[tuple]] = {}
    for row in read_rows(layer, names + ([scenario] if scenario else [])):
        seg = index.get(str(row[0]))
        if seg is not None and row[1] is not None:
            out.setdefault(seg, []).append((int(row[1]), row[2], row[3] if scenario else None))
    return out


def year_of(jd: int) -> int:
    return date.fromordinal(int(jd) - JD_OFFSET).year


__all__ = ["Network", "Permit", "read_network", "default_rates", "today_jd", "year_of", "julian"]
