"""Write into one table of a twin GeoPackage straight through SQLite, in one transaction: bulk inserts in chunks
(``executemany`` with bound parameters), GeoPackage geometry blobs built from WKB (standard header and envelope),
the R-tree kept as GDAL keeps it, and a row the twin's triggers or constraints refuse reported on its own.

R-tree and feature count: the table's ``rtree_<table>_<geom>_*`` and ``trigger_*_feature_count_<table>`` triggers
are dropped inside the transaction and put back (same SQL) before commit; meanwhile this writer keeps the R-tree
itself from the envelopes it computed and sets the feature count once at the end, as GDAL does. The ``ST_*`` functions
GDAL's triggers call are registered on the connection, so the triggers of other tables (fired by the twin's own
triggers) still run. A rollback undoes all of it: the file is byte-identical to before.

Refusals: a chunk that fails is rolled back to its savepoint and written again row by row, so only the offending
rows are refused (each with the database's message) and every one is reported.
"""
# ruff: noqa: S608 - table/column names are the twin's own (quoted); every value is a bound parameter

from __future__ import annotations

import sqlite3
import struct
from array import array
from pathlib import Path
from typing import Any, Iterator, Optional

from osgeo import ogr

from ..tr import tr
from .values import comparable
from .writer import RowRefusedError, WriteError

CHUNK = 5000
BULK_MIN = 1000  # fewer new rows: into the R-tree one by one
REBUILD_RATIO = 6  # more stored entries than this many times the new ones: one by one too (cheaper than a rebuild)
_HEADER = struct.Struct("<2sBBi4d")
_POINT_HEADER = struct.Struct("<2sBBi")
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_KINDS = (("INT", "integer"), ("BOOL", "boolean"), ("REAL", "real"), ("FLOA", "real"), ("DOUB", "real"),
          ("DATETIME", "datetime"), ("DATE", "date"))
Envelope = tuple[float, float, float, float]  # minx, maxx, miny, maxy


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def wkb_envelope(wkb: bytes) -> Optional[Envelope]:
    """(minx, maxx, miny, maxy) of a WKB geometry, None when empty (2D LineString and Point read directly)."""
    if len(wkb) >= 9 and wkb[0] == 1:
        kind = int.from_bytes(wkb[1:5], "little")
        if kind == 2:
            n = int.from_bytes(wkb[5:9], "little")
            if n and len(wkb) == 9 + 16 * n:
                coords = array("d", wkb[9:])
                xs, ys = coords[0::2], coords[1::2]
                return min(xs), max(xs), min(ys), max(ys)
        elif kind == 1 and len(wkb) == 21:
            x, y = struct.unpack_from("<2d", wkb, 5)
            if x == x and y == y:
                return x, x, y, y
    geometry = ogr.CreateGeometryFromWkb(wkb)
    if geometry is None or geometry.IsEmpty():
        return None
    return geometry.GetEnvelope()


def gpkg_blob(wkb: bytes, srs_id: int, envelope: Optional[Envelope]) -> bytes:
    """A GeoPackage geometry blob: ``GP``, version 0, flags (little endian, XY envelope; none for a point, as GDAL
    writes them; the empty bit for an empty geometry), the SRS id, then the WKB."""
    if envelope is None:
        return _POINT_HEADER.pack(b"GP", 0, 0x11, srs_id) + wkb
    if envelope[0] == envelope[1] and envelope[2] == envelope[3] and wkb[1] == 1 and wkb[0] == 1:
        return _POINT_HEADER.pack(b"GP", 0, 0x01, srs_id) + wkb
    return _HEADER.pack(b"GP", 0, 0x03, srs_id, *envelope) + wkb


def blob_wkb(blob: Optional[bytes]) -> Optional[bytes]:
    """The WKB of a GeoPackage geometry blob (None for none or an empty geometry)."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP" or blob[3] & 0x10:
        return None
    return bytes(blob[8 + _ENVELOPE_BYTES.get((blob[3] >> 1) & 0x07, 0):])


def _blob_envelope(blob: Optional[bytes]) -> Optional[Envelope]:
    if blob is None or len(blob) < 8 or blob[3] & 0x10:
        return None
    if (blob[3] >> 1) & 0x07 and blob[3] & 0x01:
        return struct.unpack_from("<4d", blob, 8)
    wkb = blob_wkb(blob)
    return wkb_envelope(wkb) if wkb else None


def _st(index: int):
    def function(blob):
        envelope = _blob_envelope(blob)
        return None if envelope is None else envelope[index]
    return function


def _st_is_empty(blob) -> Optional[int]:
    return None if blob is None else int(_blob_envelope(blob) is None)


class GpkgWriter:
    """One table of a twin GeoPackage opened for writing (same interface as :class:`.writer.TwinWriter`)."""

    buffered = True

    def __init__(self, path: Path | str, table: str, describe: str):
        self.path, self.table, self.describe = str(path), table, describe
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=2.0)
            for name, fn in (("ST_MinX", _st(0)), ("ST_MaxX", _st(1)), ("ST_MinY", _st(2)), ("ST_MaxY", _st(3))):
                self.conn.create_function(name, 1, fn, deterministic=True)
            self.conn.create_function("ST_IsEmpty", 1, _st_is_empty, deterministic=True)
            info = self.conn.execute(f"PRAGMA table_info({q(table)})").fetchall()
            geometry = self.conn.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns "
                                         "WHERE lower(table_name) = lower(?)", (table,)).fetchone()
        except sqlite3.Error as exc:
            raise WriteError(tr("{twin}: cannot open for writing ({error})").format(twin=describe, error=exc)) from exc
        if not info:
            raise WriteError(tr("{twin}: table '{table}' not found").format(twin=describe, table=table))
        self.pk = next((row[1] for row in info if row[5] == 1), "fid")
        self.geom, self.srs_id = geometry if geometry else (None, 0)
        self.spatial = self.geom is not None
        self.kinds: dict[str, str] = {}
        for _cid, name, declared, *_rest in info:
            if name in (self.pk, self.geom):
                continue
            upper = (declared or "").upper()
            self.kinds[name] = next((kind for word, kind in _KINDS if word in upper), "text")
        rtree = f"rtree_{table}_{self.geom}"
        self.rtree = rtree if self.spatial and self._exists("table", rtree) else None
        self.in_transaction = False
        self.pending: dict[tuple, list[tuple[Any, tuple, Optional[Envelope]]]] = {}
        self.pending_count = 0
        self.next_fid = 0
        self.written = False
        self._triggers: list[str] = []
        self.boxes = (array("q"), array("d"), array("d"), array("d"), array("d"))  # fid, minx, maxx, miny, maxy

    def _exists(self, kind: str, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)).fetchone() \
            is not None

    def crs_wkt(self) -> Optional[str]:
        if not self.spatial:
            return None
        row = self.conn.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                                "WHERE srs_id = ?", (self.srs_id,)).fetchone()
        if row is None or row[2] in (None, "", "undefined"):
            return None
        return row[2]

    # -- reading ---------------------------------------------------------------------------
    def normal(self, name: str, value: Any) -> Any:
        """A stored value as the importer's typed value, to compare."""
        return comparable(self.kinds.get(name, "text"), value)

    def rows(self, names: list[str], geometry: bool = False) -> Iterator[tuple[int, tuple, Optional[bytes]]]:
        """(fid, values of ``names``, WKB or None) of every stored row, streamed."""
        columns = ", ".join([q(self.pk)] + [q(n) for n in names] + ([q(self.geom)] if geometry else []))
        passthrough = {"text": str, "integer": int, "real": float}  # stored as the kind: no conversion
        types = [passthrough.get(self.kinds.get(n, "text")) for n in names]
        end = len(names) + 1
        for row in self.conn.execute(f"SELECT {columns} FROM {q(self.table)} ORDER BY {q(self.pk)}"):
            values = tuple(v if v is None or (type(v) is t and v != "") else self.normal(n, v)
                           for n, t, v in zip(names, types, row[1:end]))
            yield row[0], values, blob_wkb(row[-1]) if geometry else None

    def geometry_wkb(self, fid: int) -> Optional[bytes]:
        if fid is None or fid < 0 or not self.spatial:
            return None
        row = self.conn.execute(f"SELECT {q(self.geom)} FROM {q(self.table)} WHERE {q(self.pk)} = ?",
                                (fid,)).fetchone()
        return blob_wkb(row[0]) if row else None

    # -- the transaction -------------------------------------------------------------------
    def begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise WriteError(tr("{twin}: cannot start a transaction").format(twin=self.describe) + f" ({exc})") \
                from exc
        self.in_transaction = True
        # GDAL's own per-row triggers (R-tree, feature count) are kept by this writer instead, in bulk
        own = (f"trigger_insert_feature_count_{self.table}", f"trigger_delete_feature_count_{self.table}")
        prefix = f"{self.rtree}_" if self.rtree else own[0]
        found = self.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                  (self.table,)).fetchall()
        for name, sql in found:
            if name.startswith(prefix) or name in own:
                self._triggers.append(sql)
                self.conn.execute(f"DROP TRIGGER {q(name)}")
        last = self.conn.execute(f"SELECT coalesce(max({q(self.pk)}), 0) FROM {q(self.table)}").fetchone()[0]
        if self._exists("table", "sqlite_sequence"):  # AUTOINCREMENT: never reuse a fid handed out before
            seq = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (self.table,)).fetchone()
            last = max(last, seq[0] if seq else 0)
        self.next_fid = last + 1

    def savepoint(self) -> None:
        self.conn.execute("SAVEPOINT digiresan_import_row")

    def release(self, keep: bool = True) -> None:
        if not keep:
            self.conn.execute("ROLLBACK TO digiresan_import_row")
        self.conn.execute("RELEASE digiresan_import_row")

    # -- writing ---------------------------------------------------------------------------
    def _geometry(self, wkb: Optional[bytes]) -> tuple[Optional[bytes], Optional[Envelope]]:
        if wkb is None or not self.spatial:
            return None, None
        envelope = wkb_envelope(wkb)
        return gpkg_blob(wkb, self.srs_id, envelope), envelope

    def queue(self, values: dict[str, Any], wkb: Optional[bytes], token: Any,
              envelope: Optional[Envelope] = None) -> list[tuple[Any, str]]:
        """Add one row to insert; returns the refused rows' (token, message) when this filled a chunk."""
        if wkb is not None and self.spatial:
            if envelope is None:
                envelope = wkb_envelope(wkb)
            blob = gpkg_blob(wkb, self.srs_id, envelope)
        else:
            blob, envelope = None, None
        names = tuple(values)
        self.pending.setdefault(names, []).append((token, (blob, *values.values()), envelope))
        self.pending_count += 1
        return self.flush() if self.pending_count >= CHUNK else []

    def flush(self) -> list[tuple[Any, str]]:
        """Write the queued rows; the refused ones are returned as (token, the database's message)."""
        refused: list[tuple[Any, str]] = []
        for names, rows in self.pending.items():
            columns = ", ".join([q(self.pk), q(self.geom or self.pk)][:2 if self.spatial else 1]
                                + [q(n) for n in names])
            marks = ", ".join("?" * (len(names) + (2 if self.spatial else 1)))
            sql = f"INSERT INTO {q(self.table)} ({columns}) VALUES ({marks})"
            fid = self.next_fid
            params = [((fid + i, *row) if self.spatial else (fid + i, *row[1:])) for i, (_t, row, _e) in
                      enumerate(rows)]
            self.conn.execute("SAVEPOINT digiresan_import_chunk")
            try:
                self.conn.executemany(sql, params)
                kept = list(range(len(rows)))
            except sqlite3.DatabaseError:
                self.conn.execute("ROLLBACK TO digiresan_import_chunk")
                kept = []
                for i, one in enumerate(params):
                    try:
                        self.conn.execute(sql, one)
                        kept.append(i)
                    except sqlite3.DatabaseError as exc:
                        refused.append((rows[i][0], str(exc).strip() or tr("the database refused the row")))
            if self.rtree:  # the R-tree is written at the end (:meth:`_fill_rtree`)
                boxes = [(fid + i, rows[i][2]) for i in kept if rows[i][2] is not None]
                self.boxes[0].extend([b[0] for b in boxes])
                for axis in range(4):
                    self.boxes[axis + 1].extend([b[1][axis] for b in boxes])
            self.conn.execute("RELEASE digiresan_import_chunk")
            self.next_fid = fid + len(rows)
            self.written = self.written or bool(kept)
        self.pending.clear()
        self.pending_count = 0
        return refused

    def insert(self, values: dict[str, Any], wkb: Optional[bytes]) -> None:
        """Insert one row now (raises :class:`RowRefusedError`)."""
        refused = self.queue(values, wkb, None) + self.flush()
        if refused:
            raise RowRefusedError(refused[0][1])

    def update(self, fid: int, values: dict[str, Any], wkb: Optional[bytes]) -> None:
        blob, envelope = self._geometry(wkb)
        sets = [f"{q(n)} = ?" for n in values] + ([f"{q(self.geom)} = ?"] if blob is not None else [])
        params = list(values.values()) + ([blob] if blob is not None else []) + [fid]
        try:
            self.conn.execute(f"UPDATE {q(self.table)} SET {', '.join(sets)} WHERE {q(self.pk)} = ?", params)
        except sqlite3.DatabaseError as exc:
            raise RowRefusedError(str(exc).strip() or tr("the database refused the row")) from None
        if blob is not None and self.rtree:
            self.conn.execute(f"DELETE FROM {q(self.rtree)} WHERE id = ?", (fid,))
            if envelope is not None:
                self.conn.execute(f"INSERT INTO {q(self.rtree)} VALUES (?, ?, ?, ?, ?)", (fid, *envelope))
        self.written = True

    def delete_all(self) -> int:
        count = self.conn.execute(f"SELECT count(*) FROM {q(self.table)}").fetchone()[0]
        try:
            self.conn.execute(f"DELETE FROM {q(self.table)}")
        except sqlite3.DatabaseError as exc:
            raise WriteError(tr("{twin}: the twin refused to empty the table for 'replace' ({error})").format(
                twin=self.describe, error=exc)) from None
        if self.rtree:
            self.conn.execute(f"DELETE FROM {q(self.rtree)}")
        self.written = True
        return count

    def set_session(self, table: str, who: Optional[str]) -> Optional[tuple]:
        if not self._exists("table", table):
            return None
        previous = self.conn.execute(f"SELECT who, since FROM {q(table)} WHERE id = 1").fetchone()
        if previous is None:
            return None
        self.conn.execute(f"UPDATE {q(table)} SET who = ? WHERE id = 1", (who,))
        return tuple(previous)

    def restore_session(self, table: str, previous: tuple) -> None:
        self.conn.execute(f"UPDATE {q(table)} SET who = ?, since = ? WHERE id = 1", previous)

    def commit(self) -> None:
        if not self.in_transaction:
            return
        refused = self.flush()
        if refused:  # the runner flushes (and reports) before committing; a late refusal must not be lost
            raise WriteError(tr("{twin}: the import could not be committed").format(twin=self.describe))
        try:
            self._fill_rtree()
            for sql in self._triggers:
                self.conn.execute(sql)
            self._triggers = []
            if self.written:
                self.conn.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                  "WHERE lower(table_name) = lower(?)", (self.table,))
                if self._exists("table", "gpkg_ogr_contents"):
                    self.conn.execute(f"UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM "
                                      f"{q(self.table)}) WHERE lower(table_name) = lower(?)", (self.table,))
            self.conn.execute("COMMIT")
            self.in_transaction = False
        except sqlite3.Error as exc:
            self.rollback()
            raise WriteError(tr("{twin}: the import could not be committed").format(twin=self.describe)
                             + f" ({exc})") from exc

    def _fill_rtree(self) -> None:
        """The inserted rows' boxes into the R-tree: one by one for a few, else the whole tree built anew
        (:mod:`.rtree_bulk`, ~7× quicker per entry) when that costs less."""
        fids, *axes = self.boxes
        if not self.rtree or not fids:
            return
        stored = self.conn.execute(f"SELECT count(*) FROM {q(self.rtree + '_rowid')}").fetchone()[0]
        if len(fids) < BULK_MIN or stored > REBUILD_RATIO * len(fids):
            self.conn.executemany(f"INSERT INTO {q(self.rtree)} VALUES (?, ?, ?, ?, ?)", zip(fids, *axes))
        else:
            import numpy as np

            from .rtree_bulk import rebuild

            old = np.array(self.conn.execute(f"SELECT id, minx, maxx, miny, maxy FROM {q(self.rtree)}").fetchall(),
                           dtype=np.float64).reshape(-1, 5)
            columns = [np.concatenate([old[:, 0].astype(np.int64), np.frombuffer(fids, dtype=np.int64)])]
            columns += [np.concatenate([old[:, i + 1], np.frombuffer(a, dtype=np.float64)]) for i, a in enumerate(axes)]
            rebuild(self.conn, self.rtree, *columns)
        self.boxes = (array("q"), array("d"), array("d"), array("d"), array("d"))

    def rollback(self) -> None:
        self.boxes = (array("q"), array("d"), array("d"), array("d"), array("d"))
        self.pending.clear()
        self.pending_count = 0
        if self.in_transaction:
            self.in_transaction = False
            self.conn.execute("ROLLBACK")
        self._triggers = []

    def close(self) -> None:
        self.rollback()
        self.conn.close()
