"""The quality and map parts of ``BENCHMARKS.md`` (issue #11): targets and tables from ``bench.quality`` results."""

from __future__ import annotations

from typing import Any, Optional

T_QUALITY_RATIO = 2.0  # whole report / qgis:checkvalidity over the same spatial layers
T_MAP_RATIO = 1.05  # map redraw after / before the styling change, at the largest scale (noise allowed)
T_LINEAR = 1.5  # seconds per road segment, largest scale / smallest scale


def _scale(n: int) -> str:
    exp = len(str(n)) - 1
    return f"10^{exp}" if n == 10 ** exp else f"{n:,}"


def _ok(rows: list[dict]) -> list[dict]:
    return sorted((r for r in rows if r and r.get("ours") and r.get("validity")), key=lambda r: r["scale"])


def _x(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _mark(ok: Optional[bool]) -> str:
    return "–" if ok is None else ("✅" if ok else "❌")


def quality_targets(rows: list[dict]) -> list[dict[str, Any]]:
    rows = _ok(rows)
    if not rows:
        return []
    worst = max(r["ratio_ours_validity"] for r in rows)
    out = [{"what": "Quality report (`digiresan:check_twin`, every rule) vs `qgis:checkvalidity` over the same "
                    "spatial layers", "target": f"≤ {T_QUALITY_RATIO:g}×",
            "measured": ", ".join(f"{_scale(r['scale'])} {_x(r['ratio_ours_validity'])}" for r in rows),
            "ok": worst <= T_QUALITY_RATIO}]
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        per = [r["ours"]["median_s"] / r["counts"]["road_segments"] for r in (first, last)]
        growth = round(per[1] / per[0], 2) if per[0] else None
        out.append({"what": "Quality report growth (seconds per road segment, largest / smallest scale)",
                    "target": f"roughly linear (≤ {T_LINEAR:g}×)", "measured": _x(growth),
                    "ok": None if growth is None else growth <= T_LINEAR})
    largest = rows[-1]
    for backend, part in (("GeoPackage", largest.get("map")), ("PostGIS", (largest.get("postgis") or {}))):
        if part and part.get("before_ms") and part.get("after_ms"):
            value = part.get("ratio_after_before")
            out.append({"what": f"Road map redraw at {_scale(largest['scale'])}, after / before ({backend})",
                        "target": "no slower", "measured": f"{part['after_ms']['median']:,.0f} ms / "
                        f"{part['before_ms']['median']:,.0f} ms = {_x(value)}",
                        "ok": value is not None and value <= T_MAP_RATIO})
    return out


def quality_lines(rows: list[dict]) -> list[str]:
    rows = _ok(rows)
    if not rows:
        return []
    lines = ["### Quality report: `check_twin` vs QGIS's `qgis:checkvalidity`", "",
             "| Twin | Spatial features | All rows | Ours s (median) | checkvalidity s (median) | Ours / QGIS | "
             "Problems |", "|:---|---:|---:|---:|---:|---:|---:|"]
    spatial = ("road_segments", "traffic_signs", "excavation_permits", "buildings", "properties", "parks")
    for r in rows:
        counts = r["counts"]
        lines.append(f"| {_scale(r['scale'])} ({counts['road_segments']:,} segments) | "
                     f"{sum(counts.get(n, 0) for n in spatial):,} | {sum(counts.values()):,} | "
                     f"{r['ours']['median_s']:,.2f} | {r['validity']['median_s']:,.2f} | "
                     f"{_x(r['ratio_ours_validity'])} {_mark(r['ratio_ours_validity'] <= T_QUALITY_RATIO)} | "
                     f"{r['ours']['problems']:,} |")
    lines += ["", "Ours: every rule of the catalog over every layer (field rules, keys, orphans, hourly counts and "
              "permit statuses as SQL in the GeoPackage; geometries, sign distances and speed-sign values from "
              "feature snapshots). QGIS: `qgis:checkvalidity` (GEOS, outputs skipped) on each spatial layer, summed.",
              ""]
    map_rows = [r for r in rows if r.get("map")]
    if map_rows:
        lines += ["### Map redraw: the road layer with the bundled style, whole twin (1600×1000 px)", "",
                  "| Twin | Before: stored column, no triggers ms | After: with the plugin's triggers ms | After / "
                  "before | Alternative: a view computing the latest class ms | View / before |",
                  "|:---|---:|---:|---:|---:|---:|"]
        for r in map_rows:
            m = r["map"]
            view = m.get("view_ms") or {}
            lines.append(f"| gpkg {_scale(r['scale'])} | {m['before_ms']['median']:,.1f} | "
                         f"{m['after_ms']['median']:,.1f} | {_x(m.get('ratio_after_before'))} | "
                         f"{view.get('median', 0):,.1f} | {_x(m.get('ratio_view_before'))} |")
        for r in rows:
            pg = r.get("postgis") or {}
            if pg.get("before_ms"):
                lines.append(f"| postgis {_scale(r['scale'])} | {pg['before_ms']['median']:,.1f} | "
                             f"{pg['after_ms']['median']:,.1f} | {_x(pg.get('ratio_after_before'))} | – | – |")
        lines += ["", "The style still reads the stored `latest_condition_class`; triggers keep it current when "
                  "inspections change (GeoPackage: SQLite triggers, PostGIS: migration 006), so drawing does the "
                  "same work as before. A view would compute the class for every segment at every redraw.", ""]
    for r in rows:
        pg = r.get("postgis") or {}
        if pg.get("quality"):
            lines += [f"PostGIS {_scale(r['scale'])}: `check_twin` {pg['quality']['median_s']:,.2f} s "
                      f"({pg['quality']['problems']:,} problems).", ""]
    return lines
