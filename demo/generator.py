"""Deterministic generator of the Östersund demo twin GeoPackage (pure Python + sqlite3, no QGIS).

Output depends only on (seed, scale, today). Every tile of the street pattern gets its own random stream, so the real
town (tile 0) is the same whatever ``scale`` is. Rows are streamed tile by tile into the writer: memory stays flat.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Dict, Optional, Tuple

from . import town
from .gpkg_writer import GpkgWriter
from .ideas import write_ideas_for_twin
from .schema import INDEXES, SCHEMA, TABLES
from .tile import Tile
from .tile_run import write_tile

DEFAULT_SEED = 2380


@dataclass
class TwinStats:
    """What ``generate_twin`` wrote: rows per table, the extent (xmin, ymin, xmax, ymax) in EPSG:3006, and more."""

    path: Path
    counts: Dict[str, int]
    extent: Tuple[float, float, float, float]
    seed: int
    scale: Optional[int]
    today: date
    tiles: int = 1
    seconds: float = 0.0
    crs: str = "EPSG:3006"
    tables: Tuple[str, ...] = field(default=TABLES)


def tiles_for(scale: Optional[int]) -> int:
    """Number of town tiles needed for at least ``scale`` road segments."""
    if not scale or scale <= town.SEGMENTS_PER_TILE:
        return 1
    return -(-scale // town.SEGMENTS_PER_TILE)


def generate_twin(path: Path, seed: int = DEFAULT_SEED, scale: Optional[int] = None, today: Optional[date] = None,
                  progress: Optional[Callable[[float], None]] = None) -> TwinStats:
    """Write the demo twin GeoPackage at ``path`` (replaced atomically) and return what was written.

    ``scale``: grow the street grid until it has at least this many road segments (benchmarks); ``today``: the
    date that permits, inspections and plans are placed around (default: the real today).
    """
    if scale is not None and scale < 1:
        raise ValueError(f"scale must be a positive number of road segments, not {scale}")
    started = time.perf_counter()
    path = Path(path)
    today = today or date.today()
    tiles = tiles_for(scale)
    columns, rows = town.tile_grid(tiles)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    writer = GpkgWriter(tmp, f"{today.isoformat()}T00:00:00.000Z")
    try:
        for name, (geom, description, columns_def) in SCHEMA.items():
            writer.create_table(name, columns_def, geom, description)
        for table, cols, unique in INDEXES:
            writer.add_index(table, cols, unique)
        rows_since_commit = 0
        for index in range(tiles):
            write_tile(Tile(writer, seed, today, columns, index, rows))
            rows_since_commit += 1
            if rows_since_commit >= 20:
                writer.commit()
                rows_since_commit = 0
            if progress:
                progress(0.9 * (index + 1) / tiles)
        counts = {name: sink.count for name, sink in writer.tables.items()}
        extent = writer.extent()
        writer.finish()
        counts["ideas"] = write_ideas_for_twin(tmp, seed, today)
        os.replace(tmp, path)
    except BaseException:
        writer.abort()
        if tmp.exists():
            tmp.unlink()
        raise
    if progress:
        progress(1.0)
    return TwinStats(path=path, counts=counts, extent=extent, seed=seed, scale=scale, today=today, tiles=tiles,
                     seconds=time.perf_counter() - started)
