"""Named situations in the real town (tile 0) that tests and demos rely on: they hold for every seed."""

from __future__ import annotations

from typing import Dict

# Named, deterministic situations in the real town (tile 0) for tests and demos; they hold for every seed.
# Dates are relative to ``today``: start/end offsets in days, paved_days_ago for the segment's last_paved.
KNOWN_CASES: Dict[str, dict] = {
    # A permit on a street paved 400 days ago: conflicts with the dig moratorium (default 3 years).
    "moratorium_conflict": {"permit_id": "GT-0001", "segment_id": "OST-KOPMANGATAN-0005", "status": "Beviljad",
                            "start": 14, "end": 35, "paved_days_ago": 400},
    # Two permits overlapping in place (polygons intersect) and time on the same segment, by Stortorget.
    "overlapping_permits": {"permit_ids": ("GT-0002", "GT-0003"), "segment_id": "OST-STORGATAN-0007",
                            "statuses": ("Pågående", "Beviljad"), "starts": (-10, 5), "ends": (20, 40)},
    # A permit on a segment with resurfacing planned next year.
    "paving_plan_conflict": {"permit_id": "GT-0004", "segment_id": "OST-KYRKGATAN-0004", "status": "Ansökan",
                             "start": 30, "end": 60, "planned_year_offset": 1},
    # A permit with no conflict at all: old pavement, no paving plan, no other permit on or near it.
    "no_conflict": {"permit_id": "GT-0005", "segment_id": "OST-TJALMARGATAN-0003", "status": "Komplettering",
                    "start": 21, "end": 42, "paved_days_ago": 9 * 365},
    # An emergency dig in progress.
    "emergency_dig": {"permit_id": "GT-0006", "segment_id": "OST-RADHUSGATAN-0009", "status": "Pågående",
                      "start": -2, "end": 5},
    # Traffic profiles: commuter peaks 07-08 and 16-17, shopping street peaks at midday.
    "commuter_street": {"segment_id": "OST-RADHUSGATAN-0006", "street_name": "Rådhusgatan"},
    "shopping_street": {"segment_id": "OST-STORGATAN-0006", "street_name": "Storgatan"},
    # The pedestrian street: Prästgatan segments 0003-0008 (Residensgränd-Biblioteksgatan), E7 at both ends.
    "pedestrian_street": {"segment_id": "OST-PRASTGATAN-0005", "segment_ids": tuple(
        f"OST-PRASTGATAN-{k:04d}" for k in range(3, 9)), "surface": "gatsten"},
    "bus_corridor": {"street_name": "Kyrkgatan"},
    "property": {"designation": "Östersund Hjorten 3", "block": "Hjorten"},
    "park": {"name": "Badhusparken"},
    # The twin's memory (demo/memory.py): the park maintenance agreement of Badhusparken is in its notice period,
    # its playground is overdue for inspection (12 months).
    "agreement_expiring": {"park": "Badhusparken", "ends_in_days": 45, "notice_months": 3,
                           "counterparty": "Parkservice Jämtland AB", "contact": "Anna Ek, 063-14 30 00"},
    "park_asset_overdue": {"park": "Badhusparken", "kind": "lekplats", "inspected_days_ago": 400},
    # A 30 km/h regulation by the school on one Rådhusgatan segment, with no C31-30 sign put up; its id is
    # "2380 <today's year>:901" (the generated ones are numbered from 1 in earlier years).
    "regulation_without_sign": {"number": 901, "segment_id": "OST-RADHUSGATAN-0004", "value": 30,
                                "decided_days_ago": 120},
    # Tullgatan's 30 km/h was never written down as a regulation: its C31-30 signs have none.
    "sign_without_regulation": {"street_name": "Tullgatan"},
}
KNOWN_SEGMENTS = {
    KNOWN_CASES[k]["segment_id"]
    for k in ("moratorium_conflict", "overlapping_permits", "paving_plan_conflict", "no_conflict", "emergency_dig")
}
