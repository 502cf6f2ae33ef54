"""A small twin that breaks every quality rule exactly once (``planted=True``) or none (``planted=False``).

EPSG:3006, today = 2026-11-27. Three roads along y = 7 005 000 + 100·i; signs 5 m off their road; counts of 24
hours summing to ÅDT. :data:`PLANTED` lists what the planted twin must be reported for — by construction.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Optional

from osgeo import ogr, osr

TODAY = date(2026, 11, 27)
X0, Y0 = 481000.0, 7005000.0

S, I, R, D = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal, ogr.OFTDate  # noqa: E741


def d(days: int) -> date:
    return TODAY + timedelta(days=days)


def road(i: int) -> str:
    y = Y0 + 100 * i
    return f"LINESTRING({X0} {y}, {X0 + 100} {y})"


def box(x: float, y: float, size: float = 20) -> str:
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


BOW_TIE = f"POLYGON(({X0} {Y0 + 400},{X0 + 20} {Y0 + 420},{X0 + 20} {Y0 + 400},{X0} {Y0 + 420},{X0} {Y0 + 400}))"

#: (rule, layer, key) of every planted problem; the duplicate key is one planting reported on both features
PLANTED = sorted([
    ("domain", "road_segments", "R2"),
    ("range", "road_segments", "R3"),
    ("required", "road_condition", "R2"),
    ("future_date", "road_condition", "R3"),
    ("constraint", "excavation_permits", "P1"),
    ("empty_key", "buildings", ""),
    ("duplicate_key", "traffic_signs", "S1"),
    ("duplicate_key", "traffic_signs", "S1"),
    ("orphan", "paving_plan", "NOWHERE"),
    ("geometry_missing", "parks", "PK1"),
    ("geometry_empty", "properties", "PR2"),
    ("geometry_invalid", "buildings", "B1"),
    ("sign_far_from_road", "traffic_signs", "S3"),
    ("speed_sign_mismatch", "traffic_signs", "S2"),
    ("permit_status_dates", "excavation_permits", "P2"),
    ("hourly_counts", "traffic_counts", "R2"),
    ("hourly_counts", "traffic_counts", "R3"),
])


def _layers(planted: bool) -> dict[str, dict[str, Any]]:
    p = planted
    hours_r2 = [h for h in range(24) if not (p and h == 3)]
    return {
        "road_segments": {"geom": ogr.wkbLineString, "fields": [
            ("segment_id", S), ("street_name", S), ("functional_class", I), ("speed_limit_kmh", I), ("surface", S),
            ("road_owner", S), ("width_m", R), ("aadt", I), ("last_paved", D), ("pavement_warranty_years", I)],
            "rows": [
                (road(1), ["R1", "Ettgatan", 5, 30, "asfalt", "kommunal", 8.0, 2400, date(2020, 6, 1), 5]),
                (road(2), ["R2", "Tvågatan", 4, 50, "lera" if p else "asfalt", "kommunal", 9.0, 4800,
                           date(2019, 6, 1), 5]),
                (road(3), ["R3", "Tregatan", 6, 40, "grus", "enskild", 200.0 if p else 6.0, 3600 if p else 1200,
                           date(2018, 6, 1), 3]),
            ]},
        "road_condition": {"geom": None, "fields": [
            ("segment_id", S), ("inspected_on", D), ("iri_mm_m", R), ("rut_depth_mm", R), ("condition_class", I)],
            "rows": [(None, ["R1", date(2024, 5, 2), 1.2, 4.0, 1]), (None, ["R1", date(2026, 5, 3), 2.0, 6.0, 2]),
                     (None, ["R2", date(2025, 5, 4), 3.0, 12.0, None if p else 3]),
                     (None, ["R3", d(30) if p else date(2025, 5, 5), 4.0, 16.0, 4])]},
        "paving_plan": {"geom": None, "fields": [("segment_id", S), ("planned_year", I), ("treatment", S)],
                        "rows": [(None, ["R1", 2027, "Ny beläggning"])]
                        + ([(None, ["NOWHERE", 2028, "Ytbehandling"])] if p else [])},
        "traffic_counts": {"geom": None, "fields": [
            ("segment_id", S), ("hour", I), ("vehicles", I), ("measured_year", I)],
            "rows": [(None, ["R1", h, 100, 2025]) for h in range(24)]
            + [(None, ["R2", h, 200, 2025]) for h in hours_r2]
            + [(None, ["R3", h, 50, 2025]) for h in range(24)]},
        "traffic_signs": {"geom": ogr.wkbPoint, "fields": [
            ("sign_id", S), ("sign_code", S), ("value", S), ("side", S), ("installed_on", D)],
            "rows": [
                (f"POINT({X0 + 50} {Y0 + 105})", ["S1", "C31-30", "30", "höger", date(2019, 4, 1)]),
                (f"POINT({X0 + 50} {Y0 + 205})", ["S2", "C31-40" if p else "C31-50", "50", "höger", None]),
                (f"POINT({X0 + 500} {Y0 + 900})" if p else f"POINT({X0 + 50} {Y0 + 305})",
                 ["S3", "B1", None, "vänster", None]),
                (f"POINT({X0 + 20} {Y0 + 95})", ["S1" if p else "S4", "E19", None, "höger", None]),
            ]},
        "excavation_permits": {"geom": ogr.wkbPolygon, "fields": [
            ("permit_id", S), ("applicant", S), ("contractor", S), ("utility", S), ("start_date", D),
            ("end_date", D), ("status", S), ("ta_plan_id", S), ("emergency", I)],
            "rows": [
                (box(X0 + 10, Y0 + 95, 8), ["P1", "VA", "Grävare AB", "VA", d(30), d(29) if p else d(60), "Ansökan",
                                            None, 0]),
                (box(X0 + 40, Y0 + 95, 8), ["P2", "El", "Grävare AB", "el", d(-120) if p else d(-10),
                                            d(-90) if p else d(10), "Pågående", "TA-2", 0]),
                (box(X0 + 70, Y0 + 95, 8), ["P3", "Fiber", "Grävare AB", "fiber", d(-100), d(-80), "Avslutad", None,
                                            0]),
            ]},
        "buildings": {"geom": ogr.wkbPolygon, "fields": [
            ("building_id", S), ("purpose", S), ("construction_year", I), ("floors", I), ("owner", S)],
            "rows": [(BOW_TIE if p else box(X0, Y0 + 400), ["B1", "bostad", 1950, 3, None]),
                     (box(X0 + 40, Y0 + 400), ["" if p else "B2", "kontor", 1975, 5, None])]},
        "properties": {"geom": ogr.wkbPolygon, "fields": [
            ("designation", S), ("area_m2", R), ("owner_type", S), ("detailed_plan", S)],
            "rows": [(box(X0, Y0 + 390, 80), ["PR1", 6400.0, "kommun", None]),
                     ("EMPTY" if p else box(X0 + 100, Y0 + 390, 80), ["PR2", 6400.0, "privat", None])]},
        "parks": {"geom": ogr.wkbPolygon, "fields": [
            ("park_id", S), ("name", S), ("maintenance_class", S), ("last_maintained", D)],
            "rows": [(None if p else box(X0 + 300, Y0 + 300, 50), ["PK1", "Parken", "A", date(2026, 9, 1)])]},
    }


def build_quality_twin(path: Path, planted: bool) -> Path:
    path = Path(path)
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, spec in _layers(planted).items():
        layer = ds.CreateLayer(name, srs if spec["geom"] else None, spec["geom"] or ogr.wkbNone,
                               ["FID=fid", "GEOMETRY_NAME=geom"])
        for field_name, kind in spec["fields"]:
            layer.CreateField(ogr.FieldDefn(field_name, kind))
        for wkt, values in spec["rows"]:
            feature = ogr.Feature(layer.GetLayerDefn())
            for (field_name, kind), value in zip(spec["fields"], values):
                _set(feature, field_name, kind, value)
            if wkt == "EMPTY":
                feature.SetGeometry(ogr.Geometry(ogr.wkbPolygon))
            elif wkt is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
    ds = None
    return path


def _set(feature: ogr.Feature, name: str, kind: int, value: Optional[Any]) -> None:
    if value is None:
        feature.SetFieldNull(name)
    elif kind == D:
        feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
    else:
        feature.SetField(name, value)
