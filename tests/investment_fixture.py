"""Small twins for the maintenance model whose answers are known by construction (today 2026-11-27, first
scenario year 2027, moratorium 3 years, the bundled model: class 4–5 streets need action above IRI 4.5 / rut 15,
urgent above IRI 6.0 / rut 20; class 6–9 above IRI 5.5).

Every segment is 100 m long (``length_m`` and geometry), 10 m wide (1 000 m²) unless said otherwise, asphalt,
class 5, ÅDT 3 000, one inspection on 2026-06-01 with rut 5 mm unless said otherwise.

Candidates twin (:data:`CANDIDATES`):
- not candidates: ``A1`` IRI 4.49 (just below 4.5), ``A3`` rut 14.9 (just below 15), ``T1`` (trend, below);
- ``A2`` IRI 4.51 → Ny beläggning 300 000 SEK (a closed permit on it does not count);
- ``A4`` rut 15.1 → Fräsning och ny beläggning 450 000 (the rut rule; a permit ended before today does not count);
- ``A5`` IRI 6.5, ÅDT 9 000 → Förstärkning och ny beläggning 900 000 (urgent, ÅDT ≥ 4 000);
- ``A6`` IRI 6.5 → Fräsning och ny beläggning 450 000 (urgent); ``A7`` IRI 4.6, ÅDT 1 500 → Ytbehandling 80 000;
- ``A8`` class 7, IRI 5.6, ÅDT 400 → Lagning av sprickor 40 000; ``A9`` setts IRI 4.6 → Omläggning av gatsten
  1 400 000; ``A10`` gravel IRI 4.6 → Grusning och hyvling 60 000;
- ``M1`` IRI 6.5, ÅDT 9 000, paved 2025-06-01 → Förstärkning (digs) 900 000, moratorium to 2028-06-01: from 2028;
- ``D1`` IRI 4.6 → Ny beläggning 300 000, permit GT-D1 (Jämtkraft Elnät, el) to 2027-10-15, after the season's
  end (30 Sept) → dig first, pave from 2028;
- ``W1`` no width → 7 m assumed: 700 m² → Ny beläggning 210 000, flagged;
- 11 candidates, 5 090 000 SEK = the backlog now;
- ``T1`` paved 2021-06-01, inspections 2019 (IRI 5.0, before paving: ignored), 2022-07-01 IRI 2.0 rut 5.0 and
  2024-07-01 IRI 3.0 rut 6.0 → its own trend ≈ 0.5 IRI/year → crosses 4.5 in 2027.

Budget twin (:data:`BUDGET`): ``B1``–``B4`` urgent (IRI 7.5, 7.0, 6.8, 6.6; rut 10), each Fräsning och ny
beläggning 450 000 SEK; 1 350 000 SEK per year fits exactly three in 2027 (B1, B2, B3), B4 follows in 2028.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from osgeo import ogr, osr

TODAY = date(2026, 11, 27)
INSPECTED = date(2026, 6, 1)

# id, street, class, surface, width, aadt, last_paved, [(date, iri, rut)]
Seg = tuple[str, str, Optional[int], Optional[str], Optional[float], Optional[int], Optional[date], list]


def _s(sid: str, iri: float, rut: float = 5.0, fclass: int = 5, surface: str = "asfalt", width: Optional[float] = 10.0,
       aadt: int = 3000, paved: Optional[date] = date(2010, 6, 1), inspections: Optional[list] = None) -> Seg:
    return (sid, f"Gata {sid}", fclass, surface, width, aadt, paved, inspections or [(INSPECTED, iri, rut)])


CANDIDATES: list[Seg] = [
    _s("A1", 4.49), _s("A2", 4.51), _s("A3", 2.0, 14.9), _s("A4", 2.0, 15.1), _s("A5", 6.5, 10.0, aadt=9000),
    _s("A6", 6.5, 10.0), _s("A7", 4.6, aadt=1500), _s("A8", 5.6, fclass=7, aadt=400),
    _s("A9", 4.6, surface="gatsten"), _s("A10", 4.6, surface="grus"),
    _s("M1", 6.5, 10.0, aadt=9000, paved=date(2025, 6, 1)), _s("D1", 4.6), _s("W1", 4.6, width=None),
    _s("T1", 0, paved=date(2021, 6, 1), inspections=[(date(2019, 7, 1), 5.0, 9.0), (date(2022, 7, 1), 2.0, 5.0),
                                                      (date(2024, 7, 1), 3.0, 6.0)]),
]
EXPECTED = {  # segment → (treatment, cost SEK)
    "A2": ("Ny beläggning", 300_000), "A4": ("Fräsning och ny beläggning", 450_000),
    "A5": ("Förstärkning och ny beläggning", 900_000), "A6": ("Fräsning och ny beläggning", 450_000),
    "A7": ("Ytbehandling", 80_000), "A8": ("Lagning av sprickor", 40_000),
    "A9": ("Omläggning av gatsten", 1_400_000), "A10": ("Grusning och hyvling", 60_000),
    "M1": ("Förstärkning och ny beläggning", 900_000), "D1": ("Ny beläggning", 300_000),
    "W1": ("Ny beläggning", 210_000),
}
BACKLOG_NOW = 5_090_000
BUDGET: list[Seg] = [_s("B1", 7.5, 10.0), _s("B2", 7.0, 10.0), _s("B3", 6.8, 10.0), _s("B4", 6.6, 10.0)]
BUDGET_FOR_THREE = 1_350_000

# permit id, applicant, utility, start, end, status, on segment
PERMITS = [
    ("GT-D1", "Jämtkraft Elnät", "el", date(2027, 5, 1), date(2027, 10, 15), "Beviljad", "D1"),
    ("GT-A2", "Fiber AB", "fiber", date(2026, 5, 1), date(2026, 6, 1), "Avslutad", "A2"),
    ("GT-A4", "Tele AB", "tele", date(2026, 10, 1), date(2026, 11, 1), "Pågående", "A4"),
]


def _line(i: int) -> str:
    y = 7_005_000 + 100 * i
    return f"LINESTRING(481000 {y}, 481100 {y})"


def _box(i: int) -> str:
    y = 7_005_000 + 100 * i
    return f"POLYGON((481040 {y - 3},481060 {y - 3},481060 {y + 3},481040 {y + 3},481040 {y - 3}))"


def _set(feature: ogr.Feature, name: str, value) -> None:
    if value is None:
        feature.SetFieldNull(name)
    elif isinstance(value, date):
        feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
    else:
        feature.SetField(name, value)


def build_investment_twin(path: Path, segments: list[Seg], permits: Optional[list] = None) -> Path:
    """Write road_segments, road_condition, paving_plan (empty) and excavation_permits to ``path``."""
    path = Path(path)
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    S, I, R, D = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal, ogr.OFTDate  # noqa: N806, E741
    specs = {
        "road_segments": (ogr.wkbLineString, [("segment_id", S), ("street_name", S), ("functional_class", I),
                                              ("surface", S), ("width_m", R), ("aadt", I), ("last_paved", D),
                                              ("length_m", R)]),
        "road_condition": (ogr.wkbNone, [("segment_id", S), ("inspected_on", D), ("iri_mm_m", R),
                                         ("rut_depth_mm", R), ("condition_class", I)]),
        "paving_plan": (ogr.wkbNone, [("segment_id", S), ("planned_year", I), ("treatment", S),
                                      ("estimated_cost_sek", I)]),
        "excavation_permits": (ogr.wkbPolygon, [("permit_id", S), ("applicant", S), ("contractor", S),
                                                ("utility", S), ("start_date", D), ("end_date", D), ("status", S)]),
    }
    layers = {}
    for name, (geom, fields) in specs.items():
        layer = ds.CreateLayer(name, srs if geom != ogr.wkbNone else None, geom, ["FID=fid", "GEOMETRY_NAME=geom"])
        for field_name, kind in fields:
            layer.CreateField(ogr.FieldDefn(field_name, kind))
        layers[name] = layer
    where = {}
    for i, (sid, street, fclass, surface, width, aadt, paved, inspections) in enumerate(segments):
        where[sid] = i
        f = ogr.Feature(layers["road_segments"].GetLayerDefn())
        for name, value in zip(("segment_id", "street_name", "functional_class", "surface", "width_m", "aadt",
                                "last_paved", "length_m"), (sid, street, fclass, surface, width, aadt, paved, 100.0)):
            _set(f, name, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(_line(i)))
        layers["road_segments"].CreateFeature(f)
        for day, iri, rut in inspections:
            c = ogr.Feature(layers["road_condition"].GetLayerDefn())
            for name, value in zip(("segment_id", "inspected_on", "iri_mm_m", "rut_depth_mm"), (sid, day, iri, rut)):
                _set(c, name, value)
            layers["road_condition"].CreateFeature(c)
    for pid, applicant, utility, start, end, status, sid in permits or []:
        if sid not in where:
            continue
        p = ogr.Feature(layers["excavation_permits"].GetLayerDefn())
        for name, value in zip(("permit_id", "applicant", "contractor", "utility", "start_date", "end_date",
                                "status"), (pid, applicant, "Grävare AB", utility, start, end, status)):
            _set(p, name, value)
        p.SetGeometry(ogr.CreateGeometryFromWkt(_box(where[sid])))
        layers["excavation_permits"].CreateFeature(p)
    ds = None
    return path
