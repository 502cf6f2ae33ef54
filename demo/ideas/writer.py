"""Writing the demo ideas with GDAL/OGR: tables ``ideas`` (Point, EPSG:3006, nullable) and ``idea_events``."""

from __future__ import annotations

import random
import sqlite3
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from .maker import DEFAULT_COUNT, IdeaMaker
from .places import read_places

COMMIT_EVERY = 20000

_IDEA_FIELDS = (
    ("reference", "String", False, True), ("title", "String", False, False), ("description", "String", True, False),
    ("theme", "String", True, False), ("department", "String", True, False),
    ("submitter_category", "String", False, False), ("submitted_on", "Date", False, False),
    ("status", "String", False, False), ("estimated_cost_sek", "Real", True, False),
    ("granted_sek", "Real", True, False), ("expected_yearly_effect_sek", "Real", True, False),
    ("decision_text", "String", True, False), ("decided_on", "Date", True, False),
    ("linked_layer", "String", True, False), ("linked_key", "String", True, False),
    ("submitter_name", "String", True, False), ("submitter_contact", "String", True, False),
    ("version", "Integer", False, False), ("updated_at", "DateTime", False, False),
    ("updated_by", "String", True, False),
)
_EVENT_FIELDS = (
    ("idea_id", "Integer", False, False), ("changed_at", "DateTime", False, False),
    ("changed_by", "String", False, False), ("field", "String", False, False), ("old_value", "String", True, False),
    ("new_value", "String", True, False),
)


def _ogr():
    from osgeo import gdal, ogr, osr

    return gdal, ogr, osr


def _fail(what: str) -> RuntimeError:
    gdal, _ogr_mod, _osr = _ogr()
    return RuntimeError(f"{what}: {gdal.GetLastErrorMsg() or 'GDAL error'}")


def _create_layer(ds, name: str, geom_type, srs, fields, options: list[str]):
    _gdal, ogr, _osr = _ogr()
    for i in range(ds.GetLayerCount() - 1, -1, -1):
        if ds.GetLayerByIndex(i).GetName() == name:
            ds.DeleteLayer(i)
    layer = ds.CreateLayer(name, srs, geom_type, options=options)
    if layer is None:
        raise _fail(f"cannot create table {name}")
    types = {"String": ogr.OFTString, "Date": ogr.OFTDate, "DateTime": ogr.OFTDateTime, "Real": ogr.OFTReal,
             "Integer": ogr.OFTInteger}
    for fname, ftype, nullable, unique in fields:
        defn = ogr.FieldDefn(fname, types[ftype])
        defn.SetNullable(nullable)
        if unique:
            defn.SetUnique(True)
        if layer.CreateField(defn) != 0:
            raise _fail(f"cannot add field {name}.{fname}")
    return layer


def write_ideas(gpkg_path: Path, seed: int, today: date, segment_ids: Sequence[str] = (),
                building_ids: Sequence[str] = (), extent: Optional[tuple[float, float, float, float]] = None,
                count: Optional[int] = None) -> int:
    """Add (or replace) the ``ideas`` and ``idea_events`` tables of the twin GeoPackage at ``gpkg_path``.

    ``segment_ids``/``building_ids``: road segments and buildings ideas may be linked to (ids in the GeoPackage's
    ``road_segments.segment_id`` / ``buildings.building_id``); ``extent`` (xmin, ymin, xmax, ymax, EPSG:3006):
    where unlinked ideas are placed (default: the extent of the linkable features). ``count``: number of ideas
    (default about 200; larger for benchmarks). Returns the number of ideas written.
    """
    gdal, ogr, osr = _ogr()
    path = Path(gpkg_path)
    count = DEFAULT_COUNT if count is None else int(count)
    if count < 0:
        raise ValueError(f"count must be >= 0, not {count}")
    pick = random.Random(f"digiresan-idea-places:{seed}")
    segments = read_places(path, "road_segments", "segment_id", "street_name", "NULL", segment_ids, 400, pick)
    buildings = read_places(path, "buildings", "building_id", "designation", '"purpose"', building_ids, 400,
                            pick)
    if extent is None:
        pts = segments + buildings
        extent = ((min(p.x for p in pts), min(p.y for p in pts), max(p.x for p in pts), max(p.y for p in pts))
                  if pts else (481170.0, 7004680.0, 482480.0, 7006700.0))
    maker = IdeaMaker(seed, today, count, segments, buildings, extent)

    ds = ogr.Open(str(path), 1)
    if ds is None:
        raise _fail(f"cannot open {path} for writing")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    ideas_layer = _create_layer(
        ds, "ideas", ogr.wkbPoint, srs, _IDEA_FIELDS,
        ["FID=idea_id", "GEOMETRY_NAME=geom", "GEOMETRY_NULLABLE=YES", "SPATIAL_INDEX=YES",
         "DESCRIPTION=Digiresan ideas with funding status (personal data: submitter_name, submitter_contact)"])
    events_layer = _create_layer(
        ds, "idea_events", ogr.wkbNone, None, _EVENT_FIELDS,
        ["FID=event_id", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES", "DESCRIPTION=Audit log of the ideas: who, when, "
         "field, old and new value"])
    idea_defn, event_defn = ideas_layer.GetLayerDefn(), events_layer.GetLayerDefn()
    idx = {name: idea_defn.GetFieldIndex(name) for name, *_ in _IDEA_FIELDS}
    eidx = [event_defn.GetFieldIndex(name) for name, *_ in _EVENT_FIELDS]
    written = 0
    event_id = 0
    ds.StartTransaction()
    try:
        for idea in maker.ideas():
            feature = ogr.Feature(idea_defn)
            feature.SetFID(idea.idea_id)
            values = {
                "reference": idea.reference, "title": idea.title, "description": idea.description,
                "theme": idea.theme, "department": idea.department, "submitter_category": idea.category,
                "submitted_on": idea.submitted_on.isoformat(), "status": idea.status,
                "estimated_cost_sek": idea.cost, "granted_sek": idea.granted,
                "expected_yearly_effect_sek": idea.effect, "decision_text": idea.decision_text,
                "decided_on": idea.decided_on.isoformat() if idea.decided_on else None,
                "linked_layer": idea.linked_layer, "linked_key": idea.linked_key,
                "submitter_name": idea.submitter_name, "submitter_contact": idea.submitter_contact,
                "version": idea.version, "updated_at": idea.updated_at, "updated_by": idea.updated_by,
            }
            for name, value in values.items():
                if value is None:
                    feature.SetFieldNull(idx[name])
                else:
                    feature.SetField(idx[name], value)
            if idea.x is not None:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(idea.x, idea.y)
                feature.SetGeometryDirectly(point)
            if ideas_layer.CreateFeature(feature) != 0:
                raise _fail(f"cannot write idea {idea.reference}")
            for event in idea.events:
                event_id += 1
                row = ogr.Feature(event_defn)
                row.SetFID(event_id)
                for i, value in zip(eidx, event):
                    if value is None:
                        row.SetFieldNull(i)
                    else:
                        row.SetField(i, value)
                if events_layer.CreateFeature(row) != 0:
                    raise _fail(f"cannot write the history of idea {idea.reference}")
            written += 1
            if written % COMMIT_EVERY == 0:
                ds.CommitTransaction()
                ds.StartTransaction()
        ds.CommitTransaction()
    except BaseException:
        ds.RollbackTransaction()
        ds = None
        raise
    for sql in (
        'CREATE INDEX IF NOT EXISTS "idx_ideas_status" ON "ideas" ("status")',
        'CREATE INDEX IF NOT EXISTS "idx_ideas_linked" ON "ideas" ("linked_layer", "linked_key")',
        'CREATE INDEX IF NOT EXISTS "idx_idea_events_idea_id" ON "idea_events" ("idea_id", "changed_at")',
    ):
        ds.ExecuteSQL(sql)
    ds = None
    return written


def write_ideas_for_twin(gpkg_path: Path, seed: int, today: date, count: Optional[int] = None) -> int:
    """:func:`write_ideas` with the links and the extent (of the town's tables, not the lake) taken from the twin
    GeoPackage itself (e.g. to add ``count`` ideas to an existing twin for a benchmark)."""
    path = Path(gpkg_path)
    conn = sqlite3.connect(str(path))
    try:
        segments = [r[0] for r in conn.execute('SELECT "segment_id" FROM "road_segments" ORDER BY "fid"')]
        buildings = [r[0] for r in conn.execute('SELECT "building_id" FROM "buildings" ORDER BY "fid"')]
        box = conn.execute(  # the town's extent, not the lake's
            "SELECT min(min_x), min(min_y), max(max_x), max(max_y) FROM gpkg_contents "
            "WHERE data_type = 'features' AND table_name NOT IN ('ideas', 'water')").fetchone()
    finally:
        conn.close()
    extent = tuple(box) if box and None not in box else None
    return write_ideas(path, seed, today, segments, buildings, extent, count=count)
