"""The street pattern of central Östersund (EPSG:3006) used by the demo twin, and the names it uses.

The real town is one *tile*: ten north–south streets ("gator") crossed by eleven west–east streets ("gränder" and
others) on an irregular grid, with Storsjön to the west (``shore.py``). Beyond the outermost crossings streets end
as they do in a real town: some at the crossing, some as short or long dead ends that bend, the main roads on to the
edge of the tile, every gränd down to the lake. ``--scale`` repeats the tile eastwards and southwards with generated
street names and ends; tiles connect through the main roads that run on to the tile edges.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple


@dataclass(frozen=True)
class Street:
    """One street of the tile pattern; ``pos`` is x for north–south streets and y for west–east streets."""

    name: str
    pos: float
    functional_class: int
    speed: int
    width: float
    lanes: int
    aadt: int
    profile: str  # "commuter" | "shopping" | "residential": shape of the hourly traffic
    surface: str = "asfalt"
    owner: str = "kommunal"
    bearing_class: str = "BK2"
    main_road: bool = False  # huvudled (B4)
    bus: bool = False  # bus corridor (D10, E22)
    crosswalks: bool = False  # B3 at its crossings
    pedestrian: Optional[Tuple[int, int]] = None  # inner segment range (first, last row index) that is a gågata


# West → east. Centre of town (E 481 670) lies between Prästgatan and Kyrkgatan.
NS_STREETS = (
    Street("Strandgatan", 481230, 4, 40, 9.0, 2, 4200, "commuter", crosswalks=True),
    Street("Köpmangatan", 481345, 5, 30, 8.0, 2, 2600, "residential"),
    Street("Storgatan", 481465, 5, 30, 9.0, 2, 5200, "shopping", crosswalks=True),
    Street("Prästgatan", 481580, 5, 30, 10.0, 2, 1800, "residential", pedestrian=(1, 7)),
    Street("Kyrkgatan", 481700, 3, 40, 12.0, 2, 7500, "commuter", bus=True, crosswalks=True),
    Street("Rådhusgatan", 481820, 3, 50, 12.0, 2, 9500, "commuter", main_road=True, crosswalks=True),
    Street("Samuel Permans gata", 481960, 5, 30, 8.0, 2, 2200, "residential"),
    Street("Tjalmargatan", 482100, 5, 30, 8.0, 2, 1900, "residential"),
    Street("Stuguvägen", 482240, 6, 30, 7.0, 2, 900, "residential"),
    Street("Vallaleden", 482420, 2, 50, 14.0, 4, 14500, "commuter", owner="statlig", bearing_class="BK1",
           main_road=True, crosswalks=True),
)

# North → south. Centre of town (N 7 005 610) lies between Läroverksgränd and Tullgatan.
WE_STREETS = (
    Street("Färjemansgatan", 7006520, 4, 40, 9.0, 2, 3800, "commuter"),
    Street("Residensgränd", 7006360, 6, 30, 7.0, 2, 900, "residential"),
    Street("Brogränd", 7006200, 6, 30, 7.0, 2, 1100, "residential"),
    Street("Törnstensgränd", 7006040, 6, 30, 7.0, 2, 800, "residential"),
    Street("Thoméegränd", 7005880, 6, 30, 7.0, 2, 1200, "residential"),
    Street("Läroverksgränd", 7005720, 6, 30, 7.0, 2, 1000, "residential"),
    Street("Tullgatan", 7005560, 5, 30, 8.0, 2, 2400, "residential"),
    Street("Biblioteksgatan", 7005400, 5, 30, 8.0, 2, 2000, "residential"),
    Street("Gränsgatan", 7005240, 4, 40, 9.0, 2, 4500, "commuter", crosswalks=True),
    Street("Bangårdsgatan", 7005060, 4, 40, 9.0, 2, 3600, "commuter"),
    Street("Krondikesvägen", 7004860, 3, 50, 12.0, 2, 8800, "commuter", main_road=True, crosswalks=True),
)



@dataclass(frozen=True)
class End:
    """How a street goes on beyond its outermost crossing: ``length`` metres (0: it ends at the crossing), its far
    end ``bend`` metres sideways (+ east/north); ``through``: on to the tile's edge, to the next tile's street."""

    length: float = 0.0
    bend: float = 0.0
    through: bool = False


THROUGH = End(through=True)
# North and south ends of the gator (beyond Färjemansgatan / Krondikesvägen); Strandgatan follows the shore.
NS_ENDS = {
    "Strandgatan": (THROUGH, THROUGH),
    "Köpmangatan": (End(130, 12), End()),
    "Storgatan": (End(150, -8), End(120, 10)),
    "Prästgatan": (End(), End(70)),
    "Kyrkgatan": (End(170, -20), End(160, -15)),
    "Rådhusgatan": (THROUGH, THROUGH),
    "Samuel Permans gata": (End(120), End()),
    "Tjalmargatan": (End(70), End(90, 20)),
    "Stuguvägen": (End(150, 18), End(120)),
    "Vallaleden": (THROUGH, THROUGH),
}
# East ends of the west–east streets (beyond Vallaleden); in tile column 0 every one runs west down to the lake.
WE_ENDS = {
    "Färjemansgatan": End(), "Residensgränd": End(), "Brogränd": End(70, 10), "Törnstensgränd": End(90, -10),
    "Thoméegränd": End(110, -15), "Läroverksgränd": End(40), "Tullgatan": End(), "Biblioteksgatan": End(80),
    "Gränsgatan": End(130, 12), "Bangårdsgatan": End(60), "Krondikesvägen": THROUGH,
}
LAKE_END_GAP = 6.0  # a gränd that runs down to the lake ends this far from the water

STUB_NS = 180.0  # longest north/south end of a north–south street (half the gap between tiles)
STUB_WE = 150.0  # longest west/east end of a west–east street
SIDEWALK = 3.0
TILE_DX = (NS_STREETS[-1].pos - NS_STREETS[0].pos) + 2 * STUB_WE
TILE_DY = (WE_STREETS[0].pos - WE_STREETS[-1].pos) + 2 * STUB_NS
# Fewest road segments a tile has: those between crossings, and the ends of the roads that always run on.
SEGMENTS_PER_TILE = (len(NS_STREETS) * (len(WE_STREETS) - 1) + len(WE_STREETS) * (len(NS_STREETS) - 1)
                     + 2 * sum(1 for s in NS_STREETS + WE_STREETS if s.main_road or s.functional_class <= 3))

# Blocks (i = column of the street west of it, j = row of the street north of it) that are parks or squares.
PARK_BLOCKS = {
    (2, 5): ("Stortorget", "torg", "A"),
    (5, 6): ("Gustav III:s torg", "torg", "A"),
    (7, 2): ("Österängsparken", "park", "B"),
    (4, 3): ("Kyrkparken", "park", "A"),
    (8, 8): ("Vallaparken", "park", "C"),
}
# Lake-side strip cells west of Strandgatan (row j = the street north of the cell) that are parks; tile column 0.
STRIP_PARKS = {
    0: ("Strandpromenaden norra", "park", "B"),
    3: ("Badhusparken", "park", "A"),
    5: ("Sjötorget", "torg", "A"),
    8: ("Strandpromenaden södra", "park", "B"),
}
SCHOOL_BLOCKS = {(5, 4), (6, 4)}  # by Läroverksgränd
CIVIC_BLOCKS = {(5, 5): "samhällsfunktion", (4, 4): "kyrka", (3, 6): "kultur"}
INDUSTRY_ROWS = {9}  # south of Bangårdsgatan, by the railway
COMMERCIAL_COLS = {1, 2, 3, 4}  # blocks touching Storgatan/Prästgatan/Kyrkgatan
COMMERCIAL_ROWS = range(2, 8)

# Kvarter names of the real town: the five in domain.md at the centre, the rest plausible.
REAL_BLOCKS = {
    (3, 5): ("Hjorten", 3),
    (2, 4): ("Brandenburg", 3),
    (3, 4): ("Djurläkaren", 13),
    (1, 5): ("Björnen", 7),
    (2, 6): ("Kräftan", 3),
}
KVARTER_NAMES = (
    "Rådhuset", "Tranan", "Gladan", "Falken", "Örnen", "Svanen", "Gäddan", "Laxen", "Abborren", "Siken",
    "Rödingen", "Harren", "Uttern", "Bävern", "Mården", "Hermelinen", "Järven", "Lodjuret", "Vargen", "Räven",
    "Haren", "Ekorren", "Älgen", "Renen", "Rådjuret", "Tjädern", "Orren", "Ripan", "Korpen", "Kråkan", "Skatan",
    "Duvan", "Ugglan", "Hägern", "Lommen", "Måsen", "Tärnan", "Svalan", "Lärkan", "Trasten", "Domherren",
    "Sparven", "Bofinken", "Staren", "Göken", "Hackspetten", "Näktergalen", "Vråken", "Lejonet", "Pelikanen",
    "Gripen", "Enhörningen", "Kronan", "Spiran", "Klockaren", "Kantorn", "Prosten", "Kaplanen", "Apotekaren",
    "Bagaren", "Smeden", "Skräddaren", "Snickaren", "Murmästaren", "Glasmästaren", "Tullnären", "Postmästaren",
    "Fiskaren", "Jägaren", "Garvaren", "Sadelmakaren", "Urmakaren", "Kaptenen", "Fältskären", "Rektorn",
    "Lektorn", "Kamreraren", "Notarien", "Assessorn", "Länsmannen", "Gästgivaren", "Landshövdingen",
    "Residenset", "Frösön", "Oviken", "Hackås", "Brunflo", "Lit", "Hallen",
)
# Trakter for the generated tiles (designations "Östersund <trakt> <block>:<unit>"); Norr/Söder are the real town's.
TRAKTER = (
    "Odenslund", "Lugnvik", "Torvalla", "Brittsbo", "Valla", "Lillänge", "Körfältet", "Remonthagen", "Erikslund",
    "Odensala", "Ängsmon", "Stadsdel Väster",
)
NS_PREFIXES = (
    "Björk", "Tall", "Gran", "Ek", "Lind", "Rönn", "Asp", "Al", "Lönn", "Hassel", "Sälg", "Oxel", "Hägg", "Syren",
    "Fläder", "Järnvägs", "Skol", "Post", "Bruks", "Kvarn", "Smedje", "Mejeri", "Tegel", "Såg", "Hamn", "Fabriks",
    "Kapell", "Bergs", "Dal", "Ängs",
)
WE_PREFIXES = (
    "Sol", "Måne", "Stjärn", "Vinter", "Sommar", "Vår", "Höst", "Snö", "Fjäll", "Myr", "Sjö", "Strand", "Udd",
    "Näs", "Vik", "Holm", "Ås", "Hed", "Lid", "Bäck", "Fors", "Tjärn", "Ren", "Lo", "Varg",
)
PARK_PREFIXES = ("Lind", "Björk", "Sol", "Ängs", "Hägg", "Syren", "Rönn", "Ek", "Sjö", "Vall", "Skol", "Kyrk")

_SLUG = str.maketrans({"Å": "A", "Ä": "A", "Ö": "O", "É": "E", " ": "-", ":": "", "'": ""})


def slug(name: str) -> str:
    """ASCII upper-case key of a street name, e.g. 'Rådhusgatan' -> 'RADHUSGATAN'."""
    return name.upper().translate(_SLUG)


def generated_end(rng, street: Street, stub: float) -> End:
    """An end for a street of a generated tile (``rng`` must not depend on the seed: ids stay stable)."""
    if street.main_road or street.functional_class <= 3:
        return THROUGH
    roll = rng.random()
    if roll < 0.35:
        return End()
    if roll < 0.7:
        return End(round(rng.uniform(30.0, 0.5 * stub)), 0.0)
    return End(round(rng.uniform(0.6, 0.95) * stub), round(rng.uniform(5.0, 20.0)) * rng.choice((-1, 1)))


def tile_grid(tiles: int) -> Tuple[int, int]:
    """Columns and rows of the tile raster holding ``tiles`` tiles (as square as possible)."""
    cols = 1
    while cols * cols < tiles:
        cols += 1
    return cols, -(-tiles // cols)


def tile_offset(index: int, columns: int) -> Tuple[float, float]:
    """Offset (dx, dy) of tile ``index`` in a raster ``columns`` wide; tiles grow eastwards, then southwards."""
    tx, ty = index % columns, index // columns
    return tx * TILE_DX, -ty * TILE_DY
