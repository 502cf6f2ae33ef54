"""GeoPackage geometry blobs of the ideas' points, read and written without GDAL, and the minimal ``ST_*`` SQL
functions the GeoPackage's R-tree triggers call (only GDAL/SpatiaLite provide them otherwise)."""

from __future__ import annotations

import sqlite3
import struct
from typing import Optional

_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def _header(blob: bytes) -> Optional[tuple[int, int, bool]]:
    """(header length, envelope doubles, little endian) of a GP blob, None if not one or empty."""
    if not blob or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    n = _ENVELOPE_DOUBLES.get((flags >> 1) & 0x07, 0)
    return 8 + 8 * n, n, bool(flags & 0x01)


def point_xy(blob: Optional[bytes]) -> tuple[Optional[float], Optional[float]]:
    """x, y of a GeoPackage Point blob (None, None for NULL/empty/not a point)."""
    head = _header(blob) if blob else None
    if head is None:
        return None, None
    start = head[0]
    wkb = blob[start:start + 21]
    if len(wkb) < 21:
        return None, None
    fmt = "<Idd" if wkb[0] == 1 else ">Idd"
    gtype, x, y = struct.unpack(fmt, wkb[1:21])
    if gtype % 1000 != 1:
        return None, None
    return x, y


def point_blob(x: float, y: float, srs_id: int = 3006) -> bytes:
    """A GeoPackage Point blob without envelope (as GDAL writes points)."""
    return struct.pack("<2sBBi", b"GP", 0, 0x01, srs_id) + struct.pack("<BIdd", 1, 1, x, y)


def _envelope(blob: Optional[bytes]) -> Optional[tuple[float, float, float, float]]:
    head = _header(blob) if blob else None
    if head is None:
        return None
    _start, n, little = head
    if n >= 4:
        return struct.unpack(("<" if little else ">") + "4d", blob[8:40])  # minx, maxx, miny, maxy
    x, y = point_xy(blob)
    return None if x is None else (x, x, y, y)


def _st(index: int):
    def fn(blob):
        env = _envelope(blob)
        return None if env is None else env[index]

    return fn


def register_st_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("ST_IsEmpty", 1, lambda blob: 1 if _envelope(blob) is None else 0)
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        conn.create_function(name, 1, _st(index))


_POINT_LE = struct.Struct("<dd")


def xy(blob: Optional[bytes]) -> tuple[Optional[float], Optional[float]]:
    """(x, y) of a point blob; fast path first."""
    # fast path: GDAL's point blob (no envelope, little endian) with a little-endian 2D WKB point
    if blob is not None and len(blob) == 29 and blob[3] == 1 and blob[8] == 1 and blob[9] == 1:
        return _POINT_LE.unpack_from(blob, 13)
    return point_xy(blob)
