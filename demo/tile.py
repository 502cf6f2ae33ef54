"""One tile of the town while it is generated: its random stream, names, street ends, offsets and segments.

The tile's parts are written in a fixed order (the lake; streets with their condition, plan and traffic; signs;
permits; blocks), all drawing from the tile's one random stream: the order is part of the output. Names, street
ends and so the segment ids come from streams of their own that do not depend on the seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import List

from . import town
from .gpkg_writer import GpkgWriter
from .segment import Segment
from .town import NS_STREETS, WE_STREETS


class Tile:
    """The state one tile's generators share; ``tile_run.write_tile()`` writes it into the writer."""

    def __init__(self, writer: GpkgWriter, seed: int, today: date, columns: int, index: int, rows: int = 1) -> None:
        self.w = writer
        self.today = today
        self.index = index
        self.tx = index % columns
        self.ty, self.rows = index // columns, rows
        self.dx, self.dy = town.tile_offset(index, columns)
        self.rng = random.Random(f"digiresan-twin:{seed}:{index}")
        self.base = index == 0
        self.tag = "" if self.base else f"T{index:05d}-"
        names = random.Random(f"digiresan-names:{index}")  # names and ids do not depend on the seed
        if self.base:
            self.ns_names = [s.name for s in NS_STREETS]
            self.we_names = [s.name for s in WE_STREETS]
            self.ns_ends = [town.NS_ENDS[s.name] for s in NS_STREETS]
            self.we_ends = [(town.THROUGH, town.WE_ENDS[s.name]) for s in WE_STREETS]
        else:
            self.ns_names = [p + "gatan" for p in names.sample(town.NS_PREFIXES, len(NS_STREETS))]
            self.we_names = [p + ("vägen" if s.main_road or s.functional_class <= 4 else "gränd")
                             for p, s in zip(names.sample(town.WE_PREFIXES, len(WE_STREETS)), WE_STREETS)]
            self.park_names = names.sample(town.PARK_PREFIXES, len(town.PARK_BLOCKS) + len(town.STRIP_PARKS))
            self.trakt = town.TRAKTER[index % len(town.TRAKTER)]
            self.trakt_group = index // len(town.TRAKTER)
            ends = random.Random(f"digiresan-ends:{index}")
            self.ns_ends = [(town.generated_end(ends, s, town.STUB_NS), town.generated_end(ends, s, town.STUB_NS))
                            for s in NS_STREETS]
            self.we_ends = [(town.generated_end(ends, s, town.STUB_WE), town.generated_end(ends, s, town.STUB_WE))
                            for s in WE_STREETS]
        self.segments: List[Segment] = []
        self.n_signs = 0
        self.n_buildings = 0
        self.n_parks = 0
        self.trakt_units = {"Norr": 9, "Söder": 14}
        self.seed = seed
        # what the memory writer (agreements, documents, park assets) needs of what was written before it
        self.parks: List[tuple] = []  # (park_id, name, ring)
        self.properties: List[tuple] = []  # (designation, owner_type, ring)
        self.buildings: List[tuple] = []  # (building_id, designation, owner)

    def days(self, n: int) -> date:
        """``today`` moved by ``n`` days."""
        return self.today + timedelta(days=n)

    def xs(self) -> List[float]:
        """x of the tile's north–south streets, west to east."""
        return [s.pos + self.dx for s in NS_STREETS]

    def ys(self) -> List[float]:
        """y of the tile's west–east streets, north to south."""
        return [s.pos + self.dy for s in WE_STREETS]
