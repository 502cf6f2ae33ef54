"""A twin GeoPackage where each coordination rule and class fires exactly once (full network), by construction.

Clusters of segments in EPSG:3006 (x from 480 000, y from 7 000 000), far enough apart that no two clusters share
an end node; today = 2026-11-27 (T), moratorium 3 years, near distance 2 m, restoration 30 days, space-only
within 6 months, notice 3 months before paving on 1 May.

- M1 Malmgatan paved T − 365 days: P1 (T+5 … T+20) → ``moratorium``; the segment → ``moratorium_in_force``
  (until T + 730); P2 an emergency dig (T−250 … T−240) → ``moratorium_exempt`` instead of a moratorium warning.
- O1 Ovägen: P3 (T … T+10) and P4 (T+7 … T+20) intersect → ``coordination_space_time`` and ``permit_overlap``;
  P11 lies 3 m from P3 (near distance + 1 m) and 6 m from the street, at the same time: nothing.
- T0–T1–T2–T3 a chain of segments (Täppgatan, Tvärgatan, Torggatan, Tornvägen): Pt1 on T1 (T+10 … T+20), Pt2 on
  T2 (T+40 … T+45; Pt1 ended 20 days before: still counts) → ``coordination_time``; Pt3 on T3 (T+5 … T+8) overlaps
  Pt1 but T3 is one crossing further away, and ends before Pt2 starts: nothing; Pt4 on T0 starts 31 days after Pt1
  ends: nothing.
- S1 Sjögatan: Ps1 (T−60 … T−40, restored) and Ps2 (T+60 … T+80) on the same segment, 40 m apart, 100 days
  apart → ``coordination_space``; S2 Skolgatan: Ps3 ends 2026-01-20, Ps4 starts 6 months + 1 day later: nothing.
- F1 Fjällgatan, paving planned 2027 (paved from 2027-05-01): P10 (T+20 … T+30, Elnät AB) →
  ``dig_before_paving`` and ``dig_notice`` (2027-02-01 … 2027-04-30, parties: Elnät AB (GT-10)).
- Traffic on T1: 10 vehicles/h at night, 500 by day, 100 in 09–15, 1000 at 07 and 16 → work window 09–15
  (600 vehicles), hours to avoid 07–08 and 16–17.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from osgeo import ogr, osr

from .fixtures_twin import LAYERS, box, write_layer

TODAY = date(2026, 11, 27)
X0, Y0 = 480000.0, 7000000.0


def d(days: int) -> date:
    return TODAY + timedelta(days=days)


def line(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"LINESTRING({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y1})"


def rect(x0: float, y0: float, x1: float, y1: float) -> str:
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


SEGMENTS = [  # id, street, geometry, last paved
    ("M1", "Malmgatan", line(0, 300, 100, 300), d(-365)),
    ("O1", "Ovägen", line(0, 0, 100, 0), date(2010, 6, 1)),
    ("T0", "Täppgatan", line(0, 800, 0, 900), date(2010, 6, 1)),
    ("T1", "Tvärgatan", line(0, 900, 100, 900), date(2010, 6, 1)),
    ("T2", "Torggatan", line(100, 900, 100, 1000), date(2010, 6, 1)),
    ("T3", "Tornvägen", line(100, 1000, 100, 1100), date(2010, 6, 1)),
    ("S1", "Sjögatan", line(0, 1300, 100, 1300), date(2010, 6, 1)),
    ("S2", "Skolgatan", line(0, 1600, 100, 1600), date(2010, 6, 1)),
    ("F1", "Fjällgatan", line(0, 1900, 100, 1900), date(2010, 6, 1)),
]
AT_Y = {"M1": 300, "O1": 0, "T1": 900, "S1": 1300, "S2": 1600, "F1": 1900}


def along(sid: str, x0: float, x1: float) -> str:
    """A permit box across horizontal segment ``sid`` from x0 to x1."""
    y = AT_Y[sid]
    return rect(x0, y - 3, x1, y + 3)


def up(x: float, y0: float, y1: float) -> str:
    """A permit box across a vertical segment at ``x``."""
    return rect(x - 3, y0, x + 3, y1)


PERMITS = [  # id, geometry, applicant, utility, start, end, status, emergency
    ("GT-1", along("M1", 20, 30), "VA-bolaget", "VA", d(5), d(20), "Beviljad", False),
    ("GT-2", along("M1", 70, 80), "Elnät AB", "el", d(-250), d(-240), "Pågående", True),
    ("GT-3", along("O1", 20, 30), "Fiber AB", "fiber", d(0), d(10), "Pågående", False),
    ("GT-4", along("O1", 26, 36), "Tele AB", "tele", d(7), d(20), "Beviljad", False),
    ("GT-11", rect(20, 6, 30, 10), "Värme AB", "fjärrvärme", d(0), d(10), "Beviljad", False),
    ("GT-T1", along("T1", 40, 50), "VA-bolaget", "VA", d(10), d(20), "Beviljad", False),
    ("GT-T2", up(100, 940, 950), "Fiber AB", "fiber", d(40), d(45), "Ansökan", False),
    ("GT-T3", up(100, 1040, 1050), "Tele AB", "tele", d(5), d(8), "Beviljad", False),
    ("GT-T4", up(0, 840, 850), "Värme AB", "fjärrvärme", d(51), d(55), "Ansökan", False),
    ("GT-S1", along("S1", 20, 30), "Fiber AB", "fiber", d(-60), d(-40), "Återställd", False),
    ("GT-S2", along("S1", 70, 80), "VA-bolaget", "VA", d(60), d(80), "Ansökan", False),
    ("GT-S3", along("S2", 20, 30), "Fiber AB", "fiber", date(2026, 1, 10), date(2026, 1, 20), "Avslutad", False),
    ("GT-S4", along("S2", 70, 80), "Tele AB", "tele", date(2026, 7, 21), date(2026, 7, 30), "Avslutad", False),
    ("GT-10", along("F1", 40, 50), "Elnät AB", "el", d(20), d(30), "Beviljad", False),
]
T1_HOURS = [10] * 6 + [500, 1000, 500] + [100] * 6 + [500, 1000] + [500] * 5 + [10] * 2

EXPECTED_FULL = {  # rule -> (permit, other, segment): each fires exactly once on the full network
    "moratorium": ("GT-1", None, "M1"),
    "moratorium_in_force": (None, None, "M1"),
    "moratorium_exempt": ("GT-2", None, "M1"),
    "permit_overlap": ("GT-3", "GT-4", "O1"),
    "coordination_space_time": ("GT-3", "GT-4", "O1"),
    "coordination_time": ("GT-T1", "GT-T2", "T1"),
    "coordination_space": ("GT-S1", "GT-S2", "S1"),
    "dig_before_paving": ("GT-10", None, "F1"),
    "dig_notice": (None, None, "F1"),
}
EXPECTED_14_DAYS = {"moratorium", "permit_overlap", "coordination_space_time", "coordination_space"}


def _rows() -> dict[str, list]:
    return {
        "road_segments": [(g, [sid, street, 5, 50, "asfalt", "kommunal", 9.0, 5000, paved, 5])
                          for sid, street, g, paved in SEGMENTS],
        "excavation_permits": [(g, [pid, app, "Grävare AB", util, s, e, status, None, em])
                               for pid, g, app, util, s, e, status, em in PERMITS],
        "paving_plan": [(None, ["F1", 2027, "Ny beläggning"])],
        "traffic_counts": [(None, ["T1", h, v, 2025]) for h, v in enumerate(T1_HOURS)],
    }


def build_coordination_twin(path: Path) -> Path:
    """Write the fixture (every catalog layer; those not listed above are empty)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    rows = _rows()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, spec in LAYERS.items():
        write_layer(ds, name, spec, rows.get(name, []), srs if spec["geom"] is not None else None)
    ds = None
    return path
