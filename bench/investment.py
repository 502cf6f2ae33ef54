"""One scale's maintenance-planning benchmark (issue #14), in its own process.

``python -m bench.investment --scale N --out build/bench/investment_N.json [--reps 3]``

- **floor**: one SQL pass over ``road_segments`` joined to each segment's latest inspection (SQLite window
  function ``row_number() OVER (PARTITION BY segment_id ORDER BY inspected_on DESC)``) in the same GeoPackage,
  every row fetched into Python.
- **candidates**: ours, from the opened layers to the list of candidates with their reasons
  (``read_network`` + ``find_candidates``). Target: ≤ 3× the floor.
- **scenario**: a 5-year scenario at 12 MSEK per year, worst first and benefit/cost, on the network read once.
  Target: ≤ 30 s at 10^6.
- **memory**: the process's peak resident memory (VmHWM) after ours (QGIS itself included), measured before the
  floor runs (its ``fetchall`` would dominate it). Target: ≤ 500 MB.
"""

# ruff: noqa: S608 - SQL on the bench's own cached twin, identifiers fixed here

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Optional

from .common import TODAY, log, machine, qgis_app, ratio, write_json

FLOOR_SQL = """
SELECT s.segment_id, s.street_name, s.functional_class, s.surface, s.width_m, s.aadt, s.last_paved, s.length_m,
       c.inspected_on, c.iri_mm_m, c.rut_depth_mm
FROM road_segments s
LEFT JOIN (SELECT segment_id, inspected_on, iri_mm_m, rut_depth_mm,
                  row_number() OVER (PARTITION BY segment_id ORDER BY inspected_on DESC) AS rn
           FROM road_condition) c ON c.segment_id = s.segment_id AND c.rn = 1
"""


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def run_floor(gpkg: Path, reps: int) -> dict[str, Any]:
    runs, rows = [], 0
    for _ in range(reps):
        conn = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
        started = time.perf_counter()
        rows = len(conn.execute(FLOOR_SQL).fetchall())
        runs.append(time.perf_counter() - started)
        conn.close()
    return {"runs_s": [round(r, 3) for r in runs], "median_s": round(statistics.median(runs), 3), "rows": rows}


def _layers(gpkg: Path):
    from digiresan_plugin.core.catalog import load_catalog
    from digiresan_plugin.core.identify.standalone import open_twin_layers
    from digiresan_plugin.core.twin_source import TwinSource

    catalog = load_catalog()
    layers, _problems = open_twin_layers(TwinSource.geopackage(gpkg), catalog)
    return catalog, layers


def run_ours(gpkg: Path, reps: int) -> tuple[dict[str, Any], Any]:
    from digiresan_plugin.core.investment.candidates import find_candidates
    from digiresan_plugin.core.investment.model import load_model
    from digiresan_plugin.core.investment.network import read_network
    from digiresan_plugin.core.investment.sources import layer_inputs

    model = load_model()
    runs, net, count, cost = [], None, 0, 0.0
    for _ in range(reps):
        net = None  # one network at a time: the previous run's is released before the next one reads
        catalog, layers = _layers(gpkg)
        started = time.perf_counter()
        net = read_network(catalog, model, layer_inputs(layers), TODAY)
        found = find_candidates(model, net).candidates
        count, cost = 0, 0.0
        for c in found:  # every candidate made, with its reason
            count, cost = count + 1, cost + c.cost_sek
        runs.append(time.perf_counter() - started)
        del found, layers
    return ({"runs_s": [round(r, 3) for r in runs], "median_s": round(statistics.median(runs), 3),
             "segments": len(net), "candidates": count, "cost_msek": round(cost / 1e6, 1)}, (model, net))


def run_scenarios(model, net, reps: int) -> dict[str, Any]:
    from digiresan_plugin.core.investment.scenario import run_scenario

    out = {}
    for strategy in ("worst_first", "benefit_cost"):
        runs, result = [], None
        for _ in range(reps):
            started = time.perf_counter()
            result = run_scenario(model, net, years=5, budget_sek_per_year=12e6, strategy=strategy)
            runs.append(time.perf_counter() - started)
        out[strategy] = {"runs_s": [round(r, 3) for r in runs], "median_s": round(statistics.median(runs), 3),
                         "treated": len(result.treated),
                         "backlog_msek_last": round(result.years[-1].backlog_sek / 1e6, 1)}
    return out


def main(argv: Optional[list[str]] = None) -> int:
    from .twins import ensure_twin

    p = argparse.ArgumentParser(prog="python -m bench.investment", description=__doc__.split("\n")[0])
    p.add_argument("--scale", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--reps", type=int, default=3)
    args = p.parse_args(argv)
    qgis_app()
    gpkg = ensure_twin(args.scale)
    log(f"investment at scale {args.scale:,}: candidates")
    ours, (model, net) = run_ours(gpkg, args.reps)
    log("investment: 5-year scenarios")
    scenarios = run_scenarios(model, net, max(1, args.reps - 1))
    peak = peak_rss_mb()  # ours only: the floor below fetches every row into Python and would dominate it
    del model, net
    log("investment: floor (SQL window pass)")
    floor = run_floor(gpkg, args.reps)
    data = {"kind": "investment", "scale": args.scale, "segments": ours["segments"], "today": TODAY.isoformat(),
            "floor": floor, "candidates": ours, "scenarios": scenarios,
            "ratio_candidates_floor": ratio(ours["median_s"], floor["median_s"]),
            "peak_rss_mb": round(peak, 1), "peak_rss_with_floor_mb": round(peak_rss_mb(), 1), "machine": machine()}
    write_json(args.out, data)
    log(f"investment at {args.scale:,}: candidates {ours['median_s']} s vs floor {floor['median_s']} s "
        f"({data['ratio_candidates_floor']}×), scenario {scenarios['worst_first']['median_s']} s, "
        f"peak {data['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
