"""The buildings on one property: purpose by where the block lies, owner by the property's owner type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import town
from .geometry import Rect, rect_ring
from .gpkg_writer import polygon_blob

if TYPE_CHECKING:
    from .tile import Tile

FLOORS = {"bostad": (2, 6), "handel": (2, 5), "kontor": (3, 7), "skola": (2, 4), "industri": (1, 2),
          "garage": (1, 1), "kyrka": (1, 2), "vård": (2, 5), "kultur": (2, 4), "samhällsfunktion": (3, 5)}
COMPANIES = ("Storsjöfastigheter AB", "Fastighets AB Norrstaden", "Östersundshus AB",
             "Centrumfastigheter i Östersund AB", "Jämtlandsgården AB")


def write_buildings(t: Tile, rect: Rect, cell: tuple, commercial: bool, designation: str, owner_type: str,
                    block: str, outer: bool = False) -> None:
    """Buildings inside ``rect`` (the buildable part of a property) of block ``cell`` = (i, j); ``outer``: a plot
    at the edge of the town, where houses are smaller and stand further from the boundaries."""
    rng = t.rng
    x0, y0, x1, y1 = rect
    m = rng.uniform(5.0, 9.0) if outer else rng.uniform(2.0, 5.0)
    x0, y0, x1, y1 = x0 + m, y0 + m, x1 - m, y1 - m
    if x1 - x0 < 6 or y1 - y0 < 6:
        return
    if outer:
        purpose = rng.choices(("bostad", "kontor", "handel", "vård"), weights=(85, 5, 5, 5))[0]
    elif cell in town.SCHOOL_BLOCKS:
        purpose = "skola"
    elif cell in town.CIVIC_BLOCKS:
        purpose = town.CIVIC_BLOCKS[cell]
    elif cell[1] in town.INDUSTRY_ROWS:
        purpose = rng.choices(("industri", "kontor", "bostad"), weights=(6, 2, 2))[0]
    elif commercial:
        purpose = rng.choices(("handel", "kontor", "bostad"), weights=(4, 3, 3))[0]
    else:
        purpose = rng.choices(("bostad", "kontor", "handel", "vård", "skola"), weights=(75, 10, 6, 5, 4))[0]
    owner = {
        "kommun": "Östersunds kommun", "region": "Region Jämtland Härjedalen", "privat": "Privat ägare",
        "bostadsrättsförening": f"Brf {block} {designation.rsplit(' ', 1)[-1]}",
    }.get(owner_type) or rng.choice(COMPANIES)
    parts = [((x0, y0, x1, y1), purpose)]
    if (x1 - x0) * (y1 - y0) > 1500 and rng.random() < 0.15:
        if x1 - x0 >= y1 - y0:
            cut = x0 + (x1 - x0) * 0.68
            parts = [((x0, y0, cut, y1), purpose), ((cut + 4, y0, x1, y0 + (y1 - y0) * 0.5), "garage")]
        else:
            cut = y1 - (y1 - y0) * 0.68
            parts = [((x0, cut, x1, y1), purpose), ((x0, y0, x0 + (x1 - x0) * 0.5, cut - 4), "garage")]
    for prect, purp in parts:
        bx0, by0, bx1, by1 = (round(v, 2) for v in prect)
        t.n_buildings += 1
        if outer:
            year, floors = rng.randint(1925, 1995), rng.randint(1, 2)
        else:
            year = rng.randint(1885, 2015) if commercial else rng.randint(1900, 2022)
            floors = rng.randint(*FLOORS[purp])
        t.buildings.append((f"BYG-{t.tag}{t.n_buildings:05d}", designation, owner))
        t.w.tables["buildings"].add_feature(polygon_blob(rect_ring((bx0, by0, bx1, by1))), (
            f"BYG-{t.tag}{t.n_buildings:05d}", purp, year, floors, owner, designation,
            round((bx1 - bx0) * (by1 - by0), 1)))
