"""The twin's features a demo idea can be placed on or linked to: road segments and buildings, read with sqlite3."""

from __future__ import annotations

import random
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence


@dataclass(frozen=True)
class Place:
    """A feature of the twin with its centre."""

    layer: str
    key: str
    x: float
    y: float
    name: str  # street name or property designation
    purpose: str = ""


_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}  # by the envelope indicator of a GP blob's flags


def _center(blob: Optional[bytes]) -> Optional[tuple[float, float]]:
    """Centre of a GeoPackage blob's envelope (or its point); None for NULL, empty or not a GP blob."""
    if not blob or len(blob) < 8 or blob[:2] != b"GP" or blob[3] & 0x10:
        return None
    flags = blob[3]
    n = _ENVELOPE_DOUBLES.get((flags >> 1) & 0x07, 0)
    order = "<" if flags & 0x01 else ">"
    if n >= 4:
        minx, maxx, miny, maxy = struct.unpack(order + "4d", blob[8:40])
        return (minx + maxx) / 2, (miny + maxy) / 2
    wkb = blob[8 + 8 * n:8 + 8 * n + 21]
    if len(wkb) < 21:
        return None
    gtype, x, y = struct.unpack(("<" if wkb[0] == 1 else ">") + "Idd", wkb[1:21])
    return (x, y) if gtype % 1000 == 1 else None


def read_places(path: Path, table: str, key: str, name_col: str, extra: str, ids: Sequence[str],
                limit: int, rng: random.Random) -> list[Place]:
    """Up to ``limit`` features of ``table`` among ``ids`` with their centre (values bound, names fixed here)."""
    chosen = list(ids)
    if len(chosen) > limit:
        chosen = rng.sample(chosen, limit)
    if not chosen:
        return []
    places: list[Place] = []
    conn = sqlite3.connect(str(path))
    try:
        for start in range(0, len(chosen), 500):
            batch = chosen[start:start + 500]
            marks = ",".join("?" * len(batch))
            query = (f'SELECT "{key}", "{name_col}", {extra}, geom FROM "{table}" '  # noqa: S608 - fixed names
                     f'WHERE "{key}" IN ({marks})')
            for k, name, purpose, blob in conn.execute(query, batch):
                center = _center(blob)
                if center:
                    places.append(Place(table, str(k), round(center[0], 2), round(center[1], 2), name or "",
                                        purpose or ""))
    finally:
        conn.close()
    places.sort(key=lambda p: p.key)
    return places

