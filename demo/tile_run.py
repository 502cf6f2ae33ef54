"""Write one tile, its parts in a fixed order (the order is part of the output: they share one random stream)."""

from __future__ import annotations

from . import blocks, memory, network, shore, streets, traffic, works
from .gpkg_writer import polygon_blob
from .tile import Tile

LAKE_BEYOND = 2500.0  # metres the lake goes on north of the first and south of the last row of tiles


def write_tile(t: Tile) -> None:
    """The lake (first column), streets with condition, plan and traffic, signs, permits, blocks; then the twin's
    memory (regulations, agreements, documents, park assets), last so that everything before stays the same."""
    if t.tx == 0:
        north = LAKE_BEYOND if t.ty == 0 else 0.0
        south = LAKE_BEYOND if t.ty == t.rows - 1 else 0.0
        ring = shore.water_ring(t.dx, t.dy, north, south)
        t.w.tables["water"].add_feature(polygon_blob(ring), (
            f"SJO-{t.tag}01", "Storsjön", "sjö"))
    network.build_segments(t)
    streets.assign_attributes(t)
    streets.write_segments(t)
    traffic.write_signs(t)
    works.write_permits(t)
    blocks.write_blocks(t)
    memory.write_memory(t)
