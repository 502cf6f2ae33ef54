"""The maintenance-planning part of ``BENCHMARKS.md`` (issue #14): targets and a table from ``bench.investment``."""

from __future__ import annotations

from typing import Any

T_CANDIDATES_RATIO = 3.0  # candidates / one SQL window pass over segments + latest inspection
T_SCENARIO_S = 30.0  # a 5-year scenario at 10^6 segments
T_MEMORY_MB = 500.0  # peak resident memory of the process


def _scale(n: int) -> str:
    exp = len(str(n)) - 1
    return f"10^{exp}" if n == 10 ** exp else f"{n:,}"


def _ok(rows: list[dict]) -> list[dict]:
    return sorted((r for r in rows if r and r.get("candidates") and r.get("floor")), key=lambda r: r["scale"])


def investment_targets(rows: list[dict]) -> list[dict[str, Any]]:
    rows = _ok(rows)
    if not rows:
        return []
    worst = max(r["ratio_candidates_floor"] for r in rows)
    largest = rows[-1]
    scenario = max(s["median_s"] for s in largest["scenarios"].values())
    peak = max(r["peak_rss_mb"] for r in rows)
    return [
        {"what": "Maintenance candidates vs one SQL window pass (segments + latest inspection, same GeoPackage)",
         "target": f"≤ {T_CANDIDATES_RATIO:g}×",
         "measured": ", ".join(f"{_scale(r['scale'])} {r['ratio_candidates_floor']:.2f}×" for r in rows),
         "ok": worst <= T_CANDIDATES_RATIO},
        {"what": f"5-year budget scenario at {_scale(largest['scale'])} (the target is for 10^6)",
         "target": f"≤ {T_SCENARIO_S:g} s", "measured": f"{scenario:.2f} s", "ok": scenario <= T_SCENARIO_S},
        {"what": "Maintenance planning peak memory (read, candidates, scenarios)", "target": f"≤ {T_MEMORY_MB:g} MB",
         "measured": f"{peak:,.0f} MB", "ok": peak <= T_MEMORY_MB},
    ]


def investment_lines(rows: list[dict]) -> list[str]:
    rows = _ok(rows)
    if not rows:
        return []
    lines = ["### Maintenance planning: candidates and 5-year scenarios", "",
             "| Twin | Segments | SQL floor s | Candidates s | Ratio | Candidates | Cost MSEK | Scenario worst first s "
             "| Scenario benefit/cost s | Peak MB |", "|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        c, s = r["candidates"], r["scenarios"]
        lines.append(f"| {_scale(r['scale'])} | {r['segments']:,} | {r['floor']['median_s']:.3f} | "
                     f"{c['median_s']:.3f} | {r['ratio_candidates_floor']:.2f}× | {c['candidates']:,} | "
                     f"{c['cost_msek']:,.1f} | {s['worst_first']['median_s']:.3f} | "
                     f"{s['benefit_cost']['median_s']:.3f} | {r['peak_rss_mb']:,.0f} |")
    lines += ["", "Floor: `SELECT … FROM road_segments LEFT JOIN (… row_number() OVER (PARTITION BY segment_id "
              "ORDER BY inspected_on DESC)) …`, all rows fetched. Candidates: from the opened layers to the list "
              "with reasons (`read_network` + `find_candidates`: segments, every inspection with the trends, open "
              "permits near each segment, the paving plan). Scenario: 5 years at 12 MSEK per year on the network "
              "read once.", ""]
    return lines
