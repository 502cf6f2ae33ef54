"""A small, fast GeoPackage writer on the standard library's sqlite3 (no GDAL, no QGIS).

Writes what GDAL 3.6 writes for a GeoPackage 1.2 vector file: the core tables, the EPSG:3006 definition, GP geometry
blobs (header with envelope + little-endian WKB), an R-tree spatial index per feature table (registered in
``gpkg_extensions``, with the standard maintenance triggers so later editing in QGIS/OGR keeps it right) and
``gpkg_ogr_contents`` feature counts. Rows are buffered and inserted in chunks with ``executemany``, so memory stays
flat however many rows are streamed in. Indexes and triggers are created at the end (faster than maintaining them).
"""

from __future__ import annotations

import re
import sqlite3
import struct
from pathlib import Path
from typing import Optional, Sequence, Tuple

Bounds = Tuple[float, float, float, float]  # minx, maxx, miny, maxy (the GPKG envelope order)

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
SRS_ID = 3006
GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10200  # GeoPackage 1.2, as GDAL 3.6 writes it

WKT_3006 = (
    'PROJCS["SWEREF99 TM",GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101,'
    'AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6619"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4619"]],'
    'PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",15],'
    'PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],'
    'UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","3006"]]'
)
WKT_4326 = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
    'AUTHORITY["EPSG","4326"]]'
)

_CORE_DDL = (
    "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,srs_id INTEGER NOT NULL PRIMARY KEY,"
    "organization TEXT NOT NULL,organization_coordsys_id INTEGER NOT NULL,definition  TEXT NOT NULL,"
    "description TEXT)",
    "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,data_type TEXT NOT NULL,"
    "identifier TEXT UNIQUE,description TEXT DEFAULT '',last_change DATETIME NOT NULL DEFAULT "
    "(strftime('%Y-%m-%dT%H:%M:%fZ','now')),min_x DOUBLE, min_y DOUBLE,max_x DOUBLE, max_y DOUBLE,srs_id INTEGER,"
    "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
    "CREATE TABLE gpkg_ogr_contents(table_name TEXT NOT NULL PRIMARY KEY,feature_count INTEGER DEFAULT NULL)",
    "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,column_name TEXT NOT NULL,"
    "geometry_type_name TEXT NOT NULL,srs_id INTEGER NOT NULL,z TINYINT NOT NULL,m TINYINT NOT NULL,"
    "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
    "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
    "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
    "CREATE TABLE gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,"
    "definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
)

_SRS_ROWS = (
    ("Undefined Cartesian SRS", -1, "NONE", -1, "undefined", "undefined Cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ("SWEREF99 TM", 3006, "EPSG", 3006, WKT_3006, "SWEREF 99 TM, the Swedish national projected CRS"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, WKT_4326,
     "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
)

# The R-tree maintenance triggers GDAL writes (GeoPackage 1.2 spec, extension F.3); ST_* functions are provided by
# GDAL/QGIS (SpatiaLite) when the file is edited there. Created after the bulk load, which fills the R-tree itself.
_RTREE_TRIGGERS = (
    'CREATE TRIGGER "rtree_{t}_{g}_insert" AFTER INSERT ON "{t}" WHEN (new."{g}" NOT NULL AND NOT '
    'ST_IsEmpty(NEW."{g}")) BEGIN INSERT OR REPLACE INTO "rtree_{t}_{g}" VALUES (NEW."fid",ST_MinX(NEW."{g}"), '
    'ST_MaxX(NEW."{g}"),ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END',
    'CREATE TRIGGER "rtree_{t}_{g}_update1" AFTER UPDATE OF "{g}" ON "{t}" WHEN OLD."fid" = NEW."fid" AND '
    '(NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}")) BEGIN INSERT OR REPLACE INTO "rtree_{t}_{g}" VALUES '
    '(NEW."fid",ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"),ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END',
    'CREATE TRIGGER "rtree_{t}_{g}_update2" AFTER UPDATE OF "{g}" ON "{t}" WHEN OLD."fid" = NEW."fid" AND '
    '(NEW."{g}" ISNULL OR ST_IsEmpty(NEW."{g}")) BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id = OLD."fid"; END',
    'CREATE TRIGGER "rtree_{t}_{g}_update3" AFTER UPDATE ON "{t}" WHEN OLD."fid" != NEW."fid" AND '
    '(NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}")) BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id = OLD."fid"; '
    'INSERT OR REPLACE INTO "rtree_{t}_{g}" VALUES (NEW."fid",ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"),'
    'ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END',
    'CREATE TRIGGER "rtree_{t}_{g}_update4" AFTER UPDATE ON "{t}" WHEN OLD."fid" != NEW."fid" AND '
    '(NEW."{g}" ISNULL OR ST_IsEmpty(NEW."{g}")) BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id IN '
    '(OLD."fid", NEW."fid"); END',
    'CREATE TRIGGER "rtree_{t}_{g}_delete" AFTER DELETE ON "{t}" WHEN old."{g}" NOT NULL BEGIN '
    'DELETE FROM "rtree_{t}_{g}" WHERE id = OLD."fid"; END',
)
_COUNT_TRIGGERS = (
    'CREATE TRIGGER "trigger_insert_feature_count_{t}" AFTER INSERT ON "{t}" BEGIN UPDATE gpkg_ogr_contents SET '
    "feature_count = feature_count + 1 WHERE lower(table_name) = lower('{t}'); END",
    'CREATE TRIGGER "trigger_delete_feature_count_{t}" AFTER DELETE ON "{t}" BEGIN UPDATE gpkg_ogr_contents SET '
    "feature_count = feature_count - 1 WHERE lower(table_name) = lower('{t}'); END",
)

# --- geometry blobs ----------------------------------------------------------------------------------------------
_HDR_ENV = struct.Struct("<2sBBi4d")  # magic 'GP', version 0, flags, srs_id, envelope minx maxx miny maxy
_HDR_NOENV = struct.Struct("<2sBBi")
_FLAGS_ENV_LE = 0x03  # little endian, xy envelope
_FLAGS_NOENV_LE = 0x01
_POINT = struct.Struct("<BIdd")


def _bounds(coords: Sequence[Tuple[float, float]]) -> Bounds:
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    return (min(xs), max(xs), min(ys), max(ys))


def point_blob(x: float, y: float) -> Tuple[bytes, Bounds]:
    """GPKG blob of a point (no envelope in the header, as GDAL writes points) and its bounds."""
    return _HDR_NOENV.pack(b"GP", 0, _FLAGS_NOENV_LE, SRS_ID) + _POINT.pack(1, 1, x, y), (x, x, y, y)


def line_blob(coords: Sequence[Tuple[float, float]]) -> Tuple[bytes, Bounds]:
    """GPKG blob of a LineString and its bounds."""
    env = _bounds(coords)
    flat = [v for c in coords for v in c]
    body = struct.pack(f"<BII{len(flat)}d", 1, 2, len(coords), *flat)
    return _HDR_ENV.pack(b"GP", 0, _FLAGS_ENV_LE, SRS_ID, *env) + body, env


def polygon_blob(ring: Sequence[Tuple[float, float]]) -> Tuple[bytes, Bounds]:
    """GPKG blob of a single-ring Polygon (the ring is closed here if it is not) and its bounds."""
    if ring[0] != ring[-1]:
        ring = list(ring) + [ring[0]]
    env = _bounds(ring)
    flat = [v for c in ring for v in c]
    body = struct.pack(f"<BIII{len(flat)}d", 1, 3, 1, len(ring), *flat)
    return _HDR_ENV.pack(b"GP", 0, _FLAGS_ENV_LE, SRS_ID, *env) + body, env


# --- tables -------------------------------------------------------------------------------------------------------
class TableSink:
    """Buffered inserts into one table; feature tables also fill their R-tree and track their extent."""

    def __init__(self, writer: "GpkgWriter", name: str, columns: Sequence[Tuple[str, str]],
                 geometry_type: Optional[str], chunk: int) -> None:
        self.writer = writer
        self.name = name
        self.columns = [c for c, _ in columns]
        self.geometry_type = geometry_type
        self.chunk = chunk
        self.count = 0
        self._rows: list = []
        self._rtree: list = []
        self.extent: Optional[list] = None
        # Features get explicit fids (the R-tree needs them); attribute rows get theirs from AUTOINCREMENT.
        names = ["fid", "geom"] + self.columns if geometry_type else self.columns
        marks = ",".join("?" * len(names))
        cols = ",".join(f'"{n}"' for n in names)
        # Identifiers come from the generator's fixed schema (checked in create_table); values are bound.
        self._insert = f'INSERT INTO "{name}" ({cols}) VALUES ({marks})'  # noqa: S608
        self._insert_rtree = f'INSERT INTO "rtree_{name}_geom" VALUES (?,?,?,?,?)'  # noqa: S608

    def add_feature(self, geom: Tuple[bytes, Bounds], attrs: tuple) -> int:
        """Queue one feature: ``geom`` is (blob, bounds) from the *_blob helpers; returns its fid."""
        self.count += 1
        fid = self.count
        blob, env = geom
        self._rows.append((fid, blob) + attrs)
        self._rtree.append((fid,) + env)
        ext = self.extent
        if ext is None:
            self.extent = list(env)
        else:
            if env[0] < ext[0]:
                ext[0] = env[0]
            if env[1] > ext[1]:
                ext[1] = env[1]
            if env[2] < ext[2]:
                ext[2] = env[2]
            if env[3] > ext[3]:
                ext[3] = env[3]
        if len(self._rows) >= self.chunk:
            self.flush()
        return fid

    def add_without_geometry(self, attrs: tuple) -> int:
        """Queue one feature whose geometry is NULL (e.g. an agreement linked by key only); returns its fid."""
        self.count += 1
        self._rows.append((self.count, None) + attrs)
        if len(self._rows) >= self.chunk:
            self.flush()
        return self.count

    def add(self, attrs: tuple) -> None:
        """Queue one row of an attribute table."""
        self.count += 1
        self._rows.append(attrs)
        if len(self._rows) >= self.chunk:
            self.flush()

    def add_many(self, rows: Sequence[tuple]) -> None:
        """Queue a few rows of an attribute table at once."""
        self.count += len(rows)
        self._rows.extend(rows)
        if len(self._rows) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self.writer.conn.executemany(self._insert, self._rows)
            self._rows = []
        if self._rtree:
            self.writer.conn.executemany(self._insert_rtree, self._rtree)
            self._rtree = []


class GpkgWriter:
    """Create a GeoPackage, stream rows into its tables, then ``finish()`` (indexes, triggers, metadata)."""

    def __init__(self, path: Path, last_change: str, chunk: int = 20000) -> None:
        self.path = Path(path)
        self.last_change = last_change
        self.chunk = chunk
        self.tables: dict[str, TableSink] = {}
        self._descriptions: dict[str, str] = {}
        self._indexes: list[str] = []
        self.conn = sqlite3.connect(str(self.path), isolation_level=None)
        c = self.conn
        c.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
        c.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
        c.execute("PRAGMA page_size = 4096")
        c.execute("PRAGMA journal_mode = OFF")  # a temp file: a crash discards it anyway
        c.execute("PRAGMA synchronous = OFF")
        c.execute("PRAGMA cache_size = -65536")  # 64 MiB
        c.execute("PRAGMA temp_store = FILE")
        c.execute("BEGIN")
        for ddl in _CORE_DDL:
            c.execute(ddl)
        c.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", _SRS_ROWS)

    def create_table(self, name: str, columns: Sequence[Tuple[str, str]], geometry_type: Optional[str] = None,
                     description: str = "") -> TableSink:
        """Create a features table (``geometry_type`` POINT/LINESTRING/POLYGON, column ``geom``) or attributes table."""
        for ident in [name] + [n for n, _ in columns]:
            if not _IDENT.match(ident):
                raise ValueError(f"not a plain SQL identifier: {ident!r}")
        cols = ['"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL']
        if geometry_type:
            cols.append(f'"geom" {geometry_type}')
        cols += [f'"{n}" {t}' for n, t in columns]
        self.conn.execute(f'CREATE TABLE "{name}" ({", ".join(cols)})')
        if geometry_type:
            self.conn.execute(f'CREATE VIRTUAL TABLE "rtree_{name}_geom" USING rtree(id, minx, maxx, miny, maxy)')
        sink = TableSink(self, name, columns, geometry_type, self.chunk)
        self.tables[name] = sink
        self._descriptions[name] = description
        return sink

    def add_index(self, table: str, columns: Sequence[str], unique: bool = False) -> None:
        """Register an index, created in ``finish()`` after the bulk load."""
        name = f"idx_{table}_{'_'.join(columns)}"
        cols = ", ".join(f'"{c}"' for c in columns)
        self._indexes.append(f'CREATE {"UNIQUE " if unique else ""}INDEX "{name}" ON "{table}" ({cols})')

    def commit(self) -> None:
        """Flush all buffers and commit the running transaction (then start a new one)."""
        for sink in self.tables.values():
            sink.flush()
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")

    def finish(self) -> None:
        """Flush, create indexes, triggers and GeoPackage metadata, and close the file."""
        c = self.conn
        for sink in self.tables.values():
            sink.flush()
        for ddl in self._indexes:
            c.execute(ddl)
        for name, sink in self.tables.items():
            ext = sink.extent
            data_type = "features" if sink.geometry_type else "attributes"
            minx, maxx, miny, maxy = ext if ext else (None, None, None, None)
            c.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
                "min_x, min_y, max_x, max_y, srs_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (name, data_type, name, self._descriptions[name], self.last_change, minx, miny, maxx, maxy,
                 SRS_ID if sink.geometry_type else None),
            )
            c.execute("INSERT INTO gpkg_ogr_contents VALUES (?, ?)", (name, sink.count))
            for ddl in _COUNT_TRIGGERS:
                c.execute(ddl.format(t=name))
            if sink.geometry_type:
                c.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
                          (name, sink.geometry_type, SRS_ID))
                c.execute(
                    "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
                    "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", (name,))
                for ddl in _RTREE_TRIGGERS:
                    c.execute(ddl.format(t=name, g="geom"))
        c.execute("COMMIT")
        c.execute("PRAGMA journal_mode = DELETE")
        c.close()

    def abort(self) -> None:
        """Close without finishing (the caller removes the file)."""
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def extent(self) -> Optional[Tuple[float, float, float, float]]:
        """Overall (xmin, ymin, xmax, ymax) of all feature tables written so far."""
        boxes = [s.extent for s in self.tables.values() if s.extent]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[2] for b in boxes), max(b[1] for b in boxes), max(b[3] for b in boxes))
