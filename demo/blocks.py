"""Blocks of a tile: properties (fastigheter), their buildings, and the parks and squares between streets."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, List, Optional, Tuple

from . import town
from .gpkg_writer import polygon_blob
from .town import NS_STREETS, WE_STREETS

if TYPE_CHECKING:
    from .tile import Tile


def write_blocks(t: Tile) -> None:
    xs, ys = t.xs(), t.ys()
    kvarter = iter(town.KVARTER_NAMES)
    block_no = 0
    for j in range(len(WE_STREETS) - 1):
        for i in range(len(NS_STREETS) - 1):
            block_no += 1
            x0 = xs[i] + NS_STREETS[i].width / 2 + town.SIDEWALK
            x1 = xs[i + 1] - NS_STREETS[i + 1].width / 2 - town.SIDEWALK
            y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
            y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
            rect = (x0, y0, x1, y1)
            if (i, j) in town.PARK_BLOCKS:
                _park(t, rect, j, block_no, *town.PARK_BLOCKS[(i, j)])
                continue
            if t.base:
                name, required = town.REAL_BLOCKS.get((i, j)) or (next(kvarter), None)
            else:
                name, required = None, None
            _block(t, rect, i, j, block_no, name, required)
    if t.tx == 0:  # the lake-side strip west of Strandgatan
        for j in range(len(WE_STREETS) - 1):
            x0 = xs[0] - town.STUB_WE + 2.0
            x1 = xs[0] - NS_STREETS[0].width / 2 - town.SIDEWALK
            y1 = ys[j] - WE_STREETS[j].width / 2 - town.SIDEWALK
            y0 = ys[j + 1] + WE_STREETS[j + 1].width / 2 + town.SIDEWALK
            if j in town.STRIP_PARKS:
                _park(t, (x0, y0, x1, y1), j, 90 + j + 1, *town.STRIP_PARKS[j])
            else:
                designation = _trakt_designation(t, j, 90 + j + 1)
                _property(t, (x0, y0, x1, y1), designation, "kommun", "2380-P74/3", _trakt_of(designation))


def _trakt_designation(t: Tile, row: int, block_no: int, unit: int = 1) -> str:
    if t.base:
        trakt = "Norr" if row < 6 else "Söder"
        t.trakt_units[trakt] += 1
        return f"Östersund {trakt} 1:{t.trakt_units[trakt]}"
    return f"Östersund {t.trakt} {t.trakt_group * 100 + block_no}:{unit}"


def _park(t: Tile, rect, row: int, block_no: int, name: str, kind: str, mclass: str) -> None:
    rng = t.rng
    if not t.base:
        prefix = t.park_names[t.n_parks % len(t.park_names)]
        name = prefix + ("torget" if kind == "torg" else "parken")
    t.n_parks += 1
    x0, y0, x1, y1 = rect
    area = round((x1 - x0) * (y1 - y0), 1)
    t.w.tables["parks"].add_feature(polygon_blob(_rect_ring(rect)), (
        f"PARK-{t.tag}{t.n_parks:02d}", name, mclass, t.days(-rng.randint(1, 45)).isoformat(), kind, area))
    designation = _trakt_designation(t, row, block_no)
    _property(t, rect, designation, "kommun", "2380-P61/2", _trakt_of(designation))


def _property(t: Tile, rect, designation: str, owner_type: str, plan: str, block: Optional[str]) -> None:
    x0, y0, x1, y1 = rect
    t.w.tables["properties"].add_feature(polygon_blob(_rect_ring(rect)), (
        designation, round((x1 - x0) * (y1 - y0), 1), owner_type, plan, block))


def _block(t: Tile, rect, i: int, j: int, block_no: int, name: Optional[str], required: Optional[int]) -> None:
    rng = t.rng
    x0, y0, x1, y1 = rect
    nx = 1 if x1 - x0 < 70 else rng.choice((1, 2, 2))
    ny = rng.choice((2, 3, 3))
    xcuts = _cuts(rng, x0, x1, nx)
    ycuts = _cuts(rng, y0, y1, ny)
    n = nx * ny
    if name:
        numbers = sorted(rng.sample(range(1, 2 * n + 3), n))
        if required and required not in numbers:
            numbers[rng.randrange(n)] = required
            numbers.sort()
    else:
        numbers = list(range(1, n + 1))
    plan = f"2380-P{rng.randint(50, 99)}/{rng.randint(1, 40)}" if rng.random() < 0.7 else \
        f"2380-P{rng.randint(2000, 2022)}/{rng.randint(1, 20)}"
    commercial = i in town.COMMERCIAL_COLS and j in town.COMMERCIAL_ROWS
    k = 0
    for a in range(ny):
        for b in range(nx):
            prect = (xcuts[b], ycuts[a], xcuts[b + 1], ycuts[a + 1])
            if name:
                designation = f"Östersund {name} {numbers[k]}"
            else:
                designation = f"Östersund {t.trakt} {t.trakt_group * 100 + block_no}:{numbers[k]}"
            k += 1
            owner_type = rng.choices(("privat", "bostadsrättsförening", "kommun", "företag", "region"),
                                     weights=(10, 15, 5, 30, 3) if commercial else (25, 35, 10, 15, 3))[0]
            _property(t, prect, designation, owner_type, plan, name or _trakt_of(designation))
            _buildings(t, prect, i, j, commercial, designation, owner_type, name or t.trakt)


def _buildings(t: Tile, rect, i: int, j: int, commercial: bool, designation: str, owner_type: str,
               block: str) -> None:
    rng = t.rng
    x0, y0, x1, y1 = rect
    m = rng.uniform(2.0, 5.0)
    x0, y0, x1, y1 = x0 + m, y0 + m, x1 - m, y1 - m
    if (i, j) in town.SCHOOL_BLOCKS:
        purpose = "skola"
    elif (i, j) in town.CIVIC_BLOCKS:
        purpose = town.CIVIC_BLOCKS[(i, j)]
    elif j in town.INDUSTRY_ROWS:
        purpose = rng.choices(("industri", "kontor", "bostad"), weights=(6, 2, 2))[0]
    elif commercial:
        purpose = rng.choices(("handel", "kontor", "bostad"), weights=(4, 3, 3))[0]
    else:
        purpose = rng.choices(("bostad", "kontor", "handel", "vård", "skola"), weights=(75, 10, 6, 5, 4))[0]
    owner = {
        "kommun": "Östersunds kommun", "region": "Region Jämtland Härjedalen", "privat": "Privat ägare",
        "bostadsrättsförening": f"Brf {block} {designation.rsplit(' ', 1)[-1]}",
    }.get(owner_type) or rng.choice(("Storsjöfastigheter AB", "Fastighets AB Norrstaden", "Östersundshus AB",
                                      "Centrumfastigheter i Östersund AB", "Jämtlandsgården AB"))
    parts = [((x0, y0, x1, y1), purpose)]
    if (x1 - x0) * (y1 - y0) > 1500 and rng.random() < 0.15:
        if x1 - x0 >= y1 - y0:
            cut = x0 + (x1 - x0) * 0.68
            parts = [((x0, y0, cut, y1), purpose), ((cut + 4, y0, x1, y0 + (y1 - y0) * 0.5), "garage")]
        else:
            cut = y1 - (y1 - y0) * 0.68
            parts = [((x0, cut, x1, y1), purpose), ((x0, y0, x0 + (x1 - x0) * 0.5, cut - 4), "garage")]
    floors_range = {"bostad": (2, 6), "handel": (2, 5), "kontor": (3, 7), "skola": (2, 4), "industri": (1, 2),
                    "garage": (1, 1), "kyrka": (1, 2), "vård": (2, 5), "kultur": (2, 4),
                    "samhällsfunktion": (3, 5)}
    for prect, purp in parts:
        bx0, by0, bx1, by1 = (round(v, 2) for v in prect)
        t.n_buildings += 1
        year = rng.randint(1885, 2015) if commercial else rng.randint(1900, 2022)
        t.w.tables["buildings"].add_feature(polygon_blob(_rect_ring((bx0, by0, bx1, by1))), (
            f"BYG-{t.tag}{t.n_buildings:05d}", purp, year, rng.randint(*floors_range[purp]), owner,
            designation, round((bx1 - bx0) * (by1 - by0), 1)))


def _trakt_of(designation: str) -> str:
    """'Östersund Norr 1:12' -> 'Norr 1' (the block part of a trakt designation)."""
    return designation.split(" ", 1)[1].rsplit(":", 1)[0]


def _cuts(rng: random.Random, lo: float, hi: float, n: int) -> List[float]:
    step = (hi - lo) / n
    inner = [lo + step * k + step * rng.uniform(-0.12, 0.12) for k in range(1, n)]
    return [round(v, 2) for v in [lo] + inner + [hi]]


def _rect_ring(rect) -> List[Tuple[float, float]]:
    x0, y0, x1, y1 = (round(v, 2) for v in rect)
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
