"""A tiny twin GeoPackage whose identify answers are known by construction.

Everything is laid out in EPSG:3006 around one straight segment ``S1`` along y = 7 005 610 from x = 481 600 to
481 700; each layer can be written in another CRS (EPSG:3012, EPSG:4326) by transforming those coordinates with
OSR, so distances on the ground stay what they were built to be.

Known answers (today = 2026-11-27, moratorium 3 years):
- signs at 10 m (C31-50), 14 m (E19) and 12 m past the end (B2) of S1 count (< 15 m); 16 m (C35) and 20 m (B1)
  do not; 5 m from S2 (C31-40) is S2's;
- permits: P1 (on S1, starts in 10 days), P2 (on S1, ongoing, 15 days left) overlap 2026-12-07 – 2026-12-12;
  P5 is 1.5 m from S1 (counts: buffer 2 m), P4 is 5 m away (does not), P3 on S1 is closed (Avslutad);
  P6 is on S2 only;
- S1 was paved one year before today → 3 moratorium warnings (P1, P2, P5); paving planned 2027 (next year) →
  3 dig-before-paving warnings; 1 overlap (P1, P2): 7 warnings. S2 and S3: none;
- S1 inspections 3 → 2 → 4 (worsening, latest 2026-05-14); traffic 2025 peaks at 07 and 16, sum 7320,
  ÅDT 8400 (an older 2020 profile peaking at 12 must be ignored);
- building B1, B2 stand on property PR1, B3 straddles PR1/PR2 but stands (point on surface) on PR2;
- S3 has NULL in every attribute but its id and no related rows;
- text values carry markup (``<script>``, ``<b>``) that must come back unchanged.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Optional

from osgeo import ogr, osr
from qgis.core import QgsMapLayer, QgsProject, QgsVectorLayer

from digiresan_plugin.core.catalog import Catalog, load_catalog
from digiresan_plugin.core.layers import LAYER_ID_PROPERTY
from digiresan_plugin.core.paths import default_catalog_path
from digiresan_plugin.core.twin_source import TwinSource

TODAY = date(2026, 11, 27)
S1, S2, S3 = "OST-TEST-0001", "OST-TEST-0002", "OST-TEST-0003"
SCRIPT = '<script>alert("x")</script>'
BOLD = "<b>kommunal</b> & 'co'"

# hourly weekday profile of S1 in 2025: peaks at 07 and 16 (12 is a local bump below half the maximum)
S1_HOURS = [20, 10, 10, 10, 20, 80, 300, 800, 500, 350, 380, 400, 420, 400, 420, 600, 900, 700, 400, 250, 150, 100,
            60, 40]
S1_OLD_HOURS = [10] * 12 + [950] + [10] * 11  # 2020: one midday peak; must be ignored (older year)

# points in EPSG:3006 used by the tests
ON_S1 = (481650.0, 7005611.0)  # 1 m from S1
NEAR_NOTHING = (481620.0, 7005625.0)  # 15 m from S1, no feature within 2 m
IN_PR1_ONLY = (481645.0, 7005645.0)  # inside PR1, 35 m from S1, no building
ON_P1_ONLY = (481630.0, 7005614.0)  # inside P1, 4 m from S1
ON_B1 = (481625.0, 7005665.0)
IN_PR1_FREE = (481645.0, 7005695.0)
IN_PR2_FREE = (481780.0, 7005645.0)
ON_SIGN1 = (481650.0, 7005620.5)
ON_PARK = (481530.0, 7005530.0)
FAR_AWAY = (483000.0, 7007000.0)


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def d(days: int) -> date:
    return TODAY + timedelta(days=days)


S = ogr.OFTString
I = ogr.OFTInteger  # noqa: E741
R = ogr.OFTReal
D = ogr.OFTDate
B = "bool"

LAYERS: dict[str, dict[str, Any]] = {
    "road_segments": {
        "geom": ogr.wkbLineString,
        "fields": [("segment_id", S), ("street_name", S), ("functional_class", I), ("speed_limit_kmh", I),
                   ("surface", S), ("road_owner", S), ("width_m", R), ("aadt", I), ("last_paved", D),
                   ("pavement_warranty_years", I)],
        "index": ["segment_id"],
        "rows": [
            ("LINESTRING(481600 7005610, 481700 7005610)",
             [S1, "Storgatan", 5, 50, "asfalt", "kommunal", 9.0, 8400, TODAY.replace(year=TODAY.year - 1), 5]),
            ("LINESTRING(481900 7005500, 481900 7005700)",
             [S2, "Kyrkgatan", 4, 40, "asfalt", BOLD, 11.5, 5200, date(2015, 6, 1), 5]),
            ("LINESTRING(482100 7005500, 482100 7005600)",
             [S3, None, None, None, None, None, None, None, None, None]),
        ],
    },
    "road_condition": {
        "geom": None,
        "fields": [("segment_id", S), ("inspected_on", D), ("iri_mm_m", R), ("rut_depth_mm", R),
                   ("condition_class", I)],
        "index": ["segment_id"],
        "rows": [
            (None, [S1, date(2024, 5, 12), 1.6, 4.0, 2]),
            (None, [S1, date(2026, 5, 14), 3.4, 11.0, 4]),
            (None, [S1, date(2022, 5, 10), 2.1, 6.0, 3]),
            (None, [S2, date(2025, 6, 1), 1.2, 3.0, 2]),
        ],
    },
    "paving_plan": {
        "geom": None,
        "fields": [("segment_id", S), ("planned_year", I), ("treatment", S)],
        "index": ["segment_id"],
        "rows": [
            (None, [S1, 2030, "Försegling"]),
            (None, [S1, TODAY.year + 1, "Ny beläggning"]),
            (None, [S2, 2031, "Ny beläggning"]),
        ],
    },
    "traffic_signs": {
        "geom": ogr.wkbPoint,
        "fields": [("sign_id", S), ("sign_code", S), ("value", S), ("side", S), ("installed_on", D)],
        "index": ["sign_id"],
        "rows": [
            ("POINT(481650 7005620)", ["SIGN-1", "C31-50", "50", "höger", date(2019, 4, 1)]),  # 10 m
            ("POINT(481650 7005630)", ["SIGN-2", "B1", None, "höger", date(2018, 4, 1)]),  # 20 m
            ("POINT(481610 7005596)", ["SIGN-3", "E19", SCRIPT, "vänster", None]),  # 14 m
            ("POINT(481712 7005610)", ["SIGN-4", "B2", None, None, date(2020, 1, 1)]),  # 12 m past the end
            ("POINT(481680 7005594)", ["SIGN-5", "C35", None, "vänster", None]),  # 16 m
            ("POINT(481905 7005600)", ["SIGN-6", "C31-40", "40", "höger", None]),  # 5 m from S2
        ],
    },
    "excavation_permits": {
        "geom": ogr.wkbPolygon,
        "fields": [("permit_id", S), ("applicant", S), ("contractor", S), ("utility", S), ("start_date", D),
                   ("end_date", D), ("status", S), ("ta_plan_id", S), ("emergency", B)],
        "index": ["permit_id"],
        "rows": [
            (box(481620, 7005605, 481640, 7005615),
             ["GT-2026-0001", "Östersunds kommun VA", SCRIPT, "VA", d(10), d(30), "Beviljad", "TA-1", False]),
            (box(481660, 7005608, 481680, 7005618),
             ["GT-2026-0002", "Jämtkraft Elnät", "Elnät AB", "el", d(-5), d(15), "Pågående", "TA-2", False]),
            (box(481690, 7005605, 481698, 7005615),
             ["GT-2026-0003", "Fiber AB", "Grävare AB", "fiber", d(-60), d(-30), "Avslutad", "TA-3", False]),
            (box(481636, 7005615, 481646, 7005622),
             ["GT-2026-0004", "Tele AB", "Grävare AB", "tele", d(100), d(120), "Ansökan", None, False]),
            (box(481605, 7005611.5, 481615, 7005620),
             ["GT-2027-0005", "Fiber AB", "Fibergrävarna", "fiber", date(2027, 3, 1), date(2027, 3, 20), "Ansökan",
              None, None]),
            (box(481895, 7005550, 481905, 7005560),
             ["GT-2026-0006", "Tele AB", "Telebygg", "tele", d(3), d(10), "Beviljad", "TA-6", True]),
        ],
    },
    "traffic_counts": {
        "geom": None,
        "fields": [("segment_id", S), ("hour", I), ("vehicles", I), ("measured_year", I)],
        "index": ["segment_id"],
        "rows": [(None, [S1, h, v, 2025]) for h, v in enumerate(S1_HOURS)]
        + [(None, [S1, h, v, 2020]) for h, v in enumerate(S1_OLD_HOURS)],
    },
    "buildings": {
        "geom": ogr.wkbPolygon,
        "fields": [("building_id", S), ("purpose", S), ("construction_year", I), ("floors", I), ("owner", S)],
        "index": ["building_id"],
        "rows": [
            (box(481610, 7005650, 481640, 7005680), ["BLD-1", "Bostad", 1932, 4, "Brf Hjorten"]),
            (box(481650, 7005650, 481690, 7005690), ["BLD-2", "Kontor", 1975, 5, None]),
            (box(481695, 7005650, 481760, 7005690), ["BLD-3", "Handel", 2001, 2, "Handel AB"]),
        ],
    },
    "properties": {
        "geom": ogr.wkbPolygon,
        "fields": [("designation", S), ("area_m2", R), ("owner_type", S), ("detailed_plan", S)],
        "index": ["designation"],
        "rows": [
            (box(481600, 7005640, 481700, 7005700), ["Östersund Hjorten 3", 6000.0, "kommun", "DP-1975-12"]),
            (box(481700, 7005640, 481800, 7005700), ["Östersund Björnen 7", None, "privat", None]),
        ],
    },
    "parks": {
        "geom": ogr.wkbPolygon,
        "fields": [("park_id", S), ("name", S), ("maintenance_class", I), ("last_maintained", D)],
        "index": ["park_id"],
        "rows": [(box(481500, 7005500, 481560, 7005560), ["PARK-1", "Badhusparken", 2, date(2026, 9, 1)])],
    },
}

STREET_LIGHTS = {
    "geom": ogr.wkbPoint,
    "fields": [("light_id", S), ("lamp_type", S), ("installed_on", D)],
    "index": ["light_id"],
    "rows": [
        ("POINT(481660 7005605)", ["LIGHT-1", "LED 40 W", date(2021, 10, 1)]),  # 5 m from S1
        ("POINT(481660 7005635)", ["LIGHT-2", "LED 60 W", date(2021, 10, 1)]),  # 25 m from S1
    ],
}


# Subject choice (build_twin(..., extra=SUBJECT_ROWS)): a park inside property PR2, a sign 2.5 m from S1 at x = 481 654
# (P2, the nearest permit, starts 6 m away).
SUBJECT_ROWS: dict[str, list[tuple[Optional[str], list]]] = {
    "parks": [(box(481770, 7005650, 481795, 7005695), ["PARK-2", "Kyrkparken", 1, date(2026, 8, 1)])],
    "traffic_signs": [("POINT(481654 7005612.5)", ["SIGN-7", "C31-30", "30", "höger", None])],
}
IN_KYRKPARKEN = (481780.0, 7005670.0)  # inside PARK-2 and PR2
BESIDE_KYRKPARKEN = (481769.0, 7005670.0)  # inside PR2, 1 m west of PARK-2
ON_S1_BY_SIGN7 = (481654.0, 7005610.0)  # on S1, 2.5 m from SIGN-7


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = easting/longitude
    return srs


def build_twin(
    path: Path,
    crs: Optional[dict[str, int]] = None,
    street_lights: bool = False,
    skip: tuple[str, ...] = (),
    extra: Optional[dict[str, list[tuple[Optional[str], list]]]] = None,
) -> Path:
    """Write the fixture twin. ``crs``: EPSG code per layer (default 3006 for all); ``extra``: more rows per layer
    (e.g. :data:`SUBJECT_ROWS`)."""
    crs = crs or {}
    path = Path(path)
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    source_srs = _srs(3006)
    layers = dict(LAYERS)
    if street_lights:
        layers["street_lights"] = STREET_LIGHTS
    for name, spec in layers.items():
        if name in skip:
            continue
        if extra and name in extra:
            spec = dict(spec, rows=list(spec["rows"]) + list(extra[name]))
        epsg = crs.get(name, 3006)
        srs = _srs(epsg) if spec["geom"] is not None else None
        transform = osr.CoordinateTransformation(source_srs, srs) if srs is not None and epsg != 3006 else None
        write_layer(ds, name, spec, spec["rows"], srs, transform)
        for column in spec["index"]:
            ds.ExecuteSQL(f'CREATE INDEX "idx_{name}_{column}" ON "{name}" ("{column}")')
    ds = None
    return path


def write_layer(ds, name: str, spec: dict, rows, srs, transform=None) -> None:
    """Create layer ``name`` (fields and geometry type of ``spec``) in the OGR data source ``ds`` and write ``rows``
    ((WKT in EPSG:3006 or None, values in field order)) in one transaction, reprojected by ``transform`` if given."""
    layer = ds.CreateLayer(name, srs, spec["geom"] if spec["geom"] is not None else ogr.wkbNone,
                           ["FID=fid", "GEOMETRY_NAME=geom"])
    for field_name, kind in spec["fields"]:
        definition = ogr.FieldDefn(field_name, ogr.OFTInteger if kind == B else kind)
        if kind == B:
            definition.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(definition)
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for wkt, values in rows:
        feature = ogr.Feature(defn)
        for (field_name, kind), value in zip(spec["fields"], values):
            if value is None:
                feature.SetFieldNull(field_name)
            elif kind == D:
                feature.SetField(field_name, value.year, value.month, value.day, 0, 0, 0, 0)
            elif kind == B:
                feature.SetField(field_name, int(bool(value)))
            else:
                feature.SetField(field_name, value)
        if wkt is not None:
            geometry = ogr.CreateGeometryFromWkt(wkt)
            if transform is not None:
                geometry.Transform(transform)
            feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    ds.CommitTransaction()


def catalog_with_street_lights(tmp_path: Path) -> Catalog:
    """The bundled catalog plus a ``street_lights`` layer and relation that exist only in this test catalog."""
    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    data["layers"].append({
        "id": "street_lights", "table": "street_lights", "group": "streets",
        "title": {"en": "Street lights", "sv": "Gatubelysning"},
        "geometry": "Point", "key": "light_id", "display_field": "lamp_type", "identifiable": True, "priority": 35,
        "fields": ["light_id", "lamp_type", "installed_on"],
    })
    data["relations"].append({"id": "segment_lights", "type": "spatial", "from": "road_segments",
                              "to": "street_lights", "predicate": "within_distance", "distance_m": 20})
    data["labels"]["street_lights"] = {"lamp_type": {"en": "Lamp", "sv": "Armatur"}}
    data["cards"]["road_segments"]["sections"].append({
        "id": "lights", "kind": "list", "relation": "segment_lights",
        "title": {"en": "Street lights", "sv": "Gatubelysning"},
        "columns": ["light_id", "lamp_type", "installed_on"], "order_by": [["$distance", "asc"]],
    })
    data["cards"]["street_lights"] = {"title": "{lamp_type} ({light_id})", "attributes": ["light_id", "lamp_type"]}
    # keep the bundled styles resolvable: write next to the bundled catalog's folder layout
    path = tmp_path / "catalog_street_lights.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_catalog(path)


def open_layers(path: Path, catalog: Catalog, project: Optional[QgsProject] = None,
                skip: tuple[str, ...] = ()) -> dict[str, QgsVectorLayer]:
    """The catalog's layers from the fixture (tagged like the loader does); added to ``project`` if given."""
    source = TwinSource.geopackage(path)
    layers: dict[str, QgsVectorLayer] = {}
    for spec in catalog.layers:
        if spec.id in skip:
            continue
        layer = source.open_layer(spec)
        if spec.optional and not layer.isValid():
            continue  # a background layer the fixture has no table for (the lake)
        assert layer.isValid(), f"fixture layer {spec.id} invalid"
        layer.setCustomProperty(LAYER_ID_PROPERTY, spec.id)
        if spec.is_spatial:
            flags = layer.flags()
            identifiable = QgsMapLayer.LayerFlag.Identifiable
            flags = flags | identifiable if spec.identifiable else flags & ~identifiable
            layer.setFlags(flags)
        layers[spec.id] = layer
    if project is not None:
        project.addMapLayers(list(layers.values()))
    return layers


def busiest_key(layer: QgsVectorLayer, field: str) -> tuple[Any, list[int]]:
    """The value of ``field`` with the most features in ``layer``, and their feature ids in ascending order."""
    by_value: dict[Any, list[int]] = {}
    for feature in layer.getFeatures():
        by_value.setdefault(feature[field], []).append(feature.id())
    value, fids = max(by_value.items(), key=lambda kv: len(kv[1]))
    return value, sorted(fids)
