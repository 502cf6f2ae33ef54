"""The import part of ``BENCHMARKS.md`` (issue #12): targets and a table from ``bench.importing``."""

from __future__ import annotations

from typing import Any, Optional

T_RATIO = 2.0  # import ÷ a plain ogr2ogr copy of the same file into a GeoPackage, at 10^6
T_GROWTH_MB = 300.0  # RSS growth over the import at 10^6 ("memory flat": no copy of the file held)


def _scale(n: int) -> str:
    exp = len(str(n)) - 1
    return f"10^{exp}" if n == 10 ** exp else f"{n:,}"


def _sizes(results: Optional[dict]) -> list[dict]:
    return sorted((results or {}).get("sizes") or [], key=lambda e: e["rows"])


def _growth(entry: dict) -> float:
    return entry.get("peak_growth_mb", entry["rss_growth_mb"])


def importing_targets(results: Optional[dict]) -> list[dict[str, Any]]:
    sizes = _sizes(results)
    if not sizes:
        return []
    largest = sizes[-1]
    note = "" if largest["rows"] >= 1_000_000 else f" (at {_scale(largest['rows'])}; the target is for 10^6)"
    ratio = max(largest["ratio_import_to_ogr2ogr"] or 0, largest["cpu_ratio"] or 0)
    return [
        {"what": f"Import of NVDB road segments vs a plain `ogr2ogr` copy into a GeoPackage{note}",
         "target": f"≤ {T_RATIO:g}× (wall and CPU)",
         "measured": ", ".join(f"{_scale(e['rows'])} {e['ratio_import_to_ogr2ogr']}× wall / {e['cpu_ratio']}× CPU"
                               for e in sizes),
         "ok": ratio <= T_RATIO},
        {"what": f"Import memory: growth of the peak RSS during one import{note}", "target": f"≤ {T_GROWTH_MB:g} MB",
         "measured": ", ".join(f"{_scale(e['rows'])} +{_growth(e):.0f} MB" for e in sizes),
         "ok": _growth(largest) <= T_GROWTH_MB},
    ]


def importing_lines(results: Optional[dict]) -> list[str]:
    sizes = _sizes(results)
    if not sizes:
        return []
    from .importing import markdown

    return ["### Import: NVDB-shaped GeoPackage into the twin vs `ogr2ogr`", "", markdown({"sizes": sizes}), "",
            "Import: `run_import` with the `nvdb_roads` preset (upsert, every row new) into a copy of the demo "
            "twin; re-run: the same file again (every row read, compared, unchanged); ogr2ogr: `ogr2ogr -f GPKG` "
            "of the same file into a new GeoPackage (the floor). Medians; CPU of the ogr2ogr child from "
            "`getrusage`. `python -m bench --only importing`.", ""]
