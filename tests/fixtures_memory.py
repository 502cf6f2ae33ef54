"""The fixture twin (:mod:`tests.fixtures_twin`) plus the twin's memory: agreements, local traffic regulations,
documents and park assets, each relation and warning true exactly once, with near misses beside them.

Known answers (today = 2026-11-27):
- agreements: AV-1 (skötselavtal, the area of PARK-1 and linked to it: listed once) ends in 60 days with 3 months'
  notice → in its notice period (the one ``agreement_expiring``); AV-2 (winter maintenance, the area around S1)
  ends in 200 days with 6 months' notice → notice from 2026-12-15, not yet; AV-3 (arrende, linked to BLD-1, no
  area) ends in 400 days, no notice given → 90 days, not yet; AV-4 (servitut, linked to PR1, a strip along its
  south edge that covers no subject's point) has no end; AV-5 (linked to PARK-1) ended 10 days ago: listed, no
  warning;
- documents: DOC-1 and DOC-2 on PARK-1 (DOC-2's file is missing), DOC-3 on S1 (a web address), DOC-4 on BLD-1,
  DOC-5 on PR1, DOC-6 on AV-1 (an absolute path); DOC-7 names a park that does not exist, DOC-8 names PARK-1's id
  under the buildings layer (neither shows anywhere);
- regulations: LTF-1 (30 km/h along S1, no C31-30 there: the one ``regulation_without_sign``), LTF-2 (50 along S1,
  SIGN-1 C31-50 8 m away; signs count within 9 m), LTF-3 (parking, crossing S1: not along it), LTF-4 (40, far away,
  with SIGN-9 C31-40 beside it), LTF-5 (no traffic, across PARK-1); SIGN-6 (C31-40 by S2) has no regulation: the one
  ``sign_without_regulation``; SIGN-1 (C31-50, the general limit) needs none;
- park assets of PARK-1: PA-1 playground inspected 400 days ago (12 months: the one ``park_asset_overdue``),
  PA-2 playground 300 days ago, PA-3 bench 500 days ago (36 months), PA-4 litter bin never (no interval).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from osgeo import ogr

from .fixtures_twin import TODAY, _srs, box, build_twin, d

BLD_KEYS = ("BLD-1",)
PR1 = "Östersund Hjorten 3"

S, I, D = ogr.OFTString, ogr.OFTInteger, ogr.OFTDate  # noqa: E741
PARK_BOX = box(481500, 7005500, 481560, 7005560)
DOCS_PRESENT = ("docs/badhusparken.pdf", "docs/arrende.pdf", "docs/servitut.pdf")
DOC_MISSING = "docs/saknas.pdf"

AGREEMENT_FIELDS = [("agreement_id", S), ("kind", S), ("counterparty", S), ("contact", S), ("valid_from", D),
                    ("valid_to", D), ("notice_months", I), ("annual_cost_sek", I), ("description", S),
                    ("linked_layer", S), ("linked_key", S)]


def agreements() -> list:
    return [
        (PARK_BOX, ["AV-1", "skötselavtal", "Parkservice AB", "Anna Ek, 063-14 30 00", date(2024, 1, 1), d(60), 3,
                    180000, "Skötsel av Badhusparken", "parks", "PARK-1"]),
        (box(481590, 7005590, 481710, 7005630),
         ["AV-2", "driftentreprenad vinterväghållning", "Vinterdrift AB", "Per Berg", date(2023, 10, 1), d(200),
          6, 950000, "Snöröjning centrum", None, None]),
        (None, ["AV-3", "arrende", "Brf Hjorten", "Styrelsen", date(2020, 1, 1), d(400), None, 12000,
                "Arrende av gårdsmark", "buildings", BLD_KEYS[0]]),
        (box(481600, 7005640, 481700, 7005643),
         ["AV-4", "servitut", "Jämtkraft Elnät", None, date(1998, 5, 1), None, None, None, "Ledning i södra kanten",
          "properties", PR1]),
        (None, ["AV-5", "skötselavtal", "Gamla Parkbolaget", "–", date(2019, 1, 1), d(-10), 3, 90000, "Föregående",
                "parks", "PARK-1"]),
    ]


def documents(folder: Path) -> list:
    return [
        (None, ["DOC-1", "parks", "PARK-1", "Skötselplan Badhusparken", "ritning", DOCS_PRESENT[0], date(2025, 3, 1)]),
        (None, ["DOC-2", "parks", "PARK-1", "Besiktning lekplats", "besiktning", DOC_MISSING, date(2026, 6, 1)]),
        (None, ["DOC-3", "road_segments", "OST-TEST-0001", "Foto Storgatan", "foto", "https://example.org/s1.jpg",
                date(2026, 5, 14)]),
        (None, ["DOC-4", "buildings", BLD_KEYS[0], "Arrendeavtal", "avtal", DOCS_PRESENT[1], date(2020, 1, 1)]),
        (None, ["DOC-5", "properties", PR1, "Servitutsavtal", "avtal", DOCS_PRESENT[2], date(1998, 5, 1)]),
        (None, ["DOC-6", "agreements", "AV-1", "Skötselavtal 2024", "avtal", str(folder / "docs" / "av1.pdf"),
                date(2024, 1, 1)]),
        (None, ["DOC-7", "parks", "PARK-9", "Annan park", "foto", "docs/annan.jpg", None]),
        (None, ["DOC-8", "buildings", "PARK-1", "Fel lager", "foto", "docs/fel.jpg", None]),
    ]


REGULATIONS = [
    ("LINESTRING(481600 7005610, 481700 7005610)",
     ["2380 2026:1", "hastighet", "30", date(2026, 1, 1), None, "Högsta tillåtna hastighet 30 km/tim"]),
    ("LINESTRING(481600 7005612, 481700 7005612)",
     ["2380 2026:2", "hastighet", "50", date(2020, 1, 1), None, "Högsta tillåtna hastighet 50 km/tim"]),
    ("LINESTRING(481650 7005560, 481650 7005660)",
     ["2380 2026:3", "parkering", "förbud", date(2021, 1, 1), None, "Förbud att parkera"]),
    ("LINESTRING(482300 7005300, 482400 7005300)",
     ["2380 2026:4", "hastighet", "40", date(2022, 1, 1), None, "Högsta tillåtna hastighet 40 km/tim"]),
    ("LINESTRING(481505 7005530, 481555 7005530)",
     ["2380 2026:5", "förbud mot trafik", "motorfordon", date(2018, 1, 1), None, "Förbud mot trafik i parken"]),
]
SIGN_9 = ("POINT(482310 7005305)", ["SIGN-9", "C31-40", "40", "höger", date(2022, 2, 1)])

PARK_ASSETS = [
    ("POINT(481520 7005520)", ["PA-1", "PARK-1", "lekplats", date(2015, 5, 1), d(-400), 3]),
    ("POINT(481530 7005545)", ["PA-2", "PARK-1", "lekplats", date(2019, 5, 1), d(-300), 2]),
    ("POINT(481545 7005520)", ["PA-3", "PARK-1", "bänk", date(2010, 5, 1), d(-500), 2]),
    ("POINT(481550 7005550)", ["PA-4", "PARK-1", "papperskorg", date(2021, 5, 1), None, None]),
]


def _write(ds, name: str, geom, fields, rows) -> None:
    layer = ds.GetLayerByName(name) or ds.CreateLayer(name, _srs(3006) if geom is not None else None,
                                                      geom if geom is not None else ogr.wkbNone,
                                                      ["FID=fid", "GEOMETRY_NAME=geom"])
    if layer.GetLayerDefn().GetFieldCount() == 0:
        for field_name, kind in fields:
            layer.CreateField(ogr.FieldDefn(field_name, kind))
    defn = layer.GetLayerDefn()
    for wkt, values in rows:
        feature = ogr.Feature(defn)
        for (field_name, kind), value in zip(fields, values):
            if value is None:
                feature.SetFieldNull(field_name)
            elif kind == D:
                feature.SetField(field_name, value.year, value.month, value.day, 0, 0, 0, 0)
            else:
                feature.SetField(field_name, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)


def build_memory_twin(path: Path) -> Path:
    """The fixture twin with the memory layers; the documents' files (but DOC-2's) next to it in ``docs/``."""
    path = build_twin(Path(path))
    folder = path.parent
    (folder / "docs").mkdir(exist_ok=True)
    for name in DOCS_PRESENT + ("docs/av1.pdf",):
        (folder / name).write_bytes(b"%PDF-1.4\n% fixture\n")
    if (folder / DOC_MISSING).exists():
        (folder / DOC_MISSING).unlink()
    ds = ogr.Open(str(path), 1)
    _write(ds, "agreements", ogr.wkbPolygon, AGREEMENT_FIELDS, agreements())
    _write(ds, "documents", None, [("document_id", S), ("linked_layer", S), ("linked_key", S), ("title", S),
                                   ("kind", S), ("path_or_url", S), ("dated", D)], documents(folder))
    _write(ds, "local_regulations", ogr.wkbLineString,
           [("regulation_id", S), ("kind", S), ("value", S), ("valid_from", D), ("valid_to", D), ("text", S)],
           REGULATIONS)
    _write(ds, "park_assets", ogr.wkbPoint, [("asset_id", S), ("park_id", S), ("kind", S), ("installed_on", D),
                                             ("last_inspected", D), ("condition_class", I)], PARK_ASSETS)
    signs = ds.GetLayerByName("traffic_signs")
    feature = ogr.Feature(signs.GetLayerDefn())
    for name, value in zip(("sign_id", "sign_code", "value", "side"), SIGN_9[1]):
        feature.SetField(name, value)
    feature.SetField("installed_on", 2022, 2, 1, 0, 0, 0, 0)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(SIGN_9[0]))
    signs.CreateFeature(feature)
    ds = None
    return path


__all__ = ["TODAY", "build_memory_twin"]
