"""Import benchmark, in its own process: NVDB-shaped road segments into a twin GeoPackage.

``python -m bench.importing [--quick] [--rows 10000,100000] [--reps 2] [--out build/bench/importing.json]``

For each size, an NVDB "homogeniserad"-shaped GeoPackage (EPSG:3006, MultiLineString, the NVDB field names) is
written once; then, medians of ``reps`` runs each on a fresh copy of a small twin (the demo, no triggers):

- **import** — ``run_import`` with the ``nvdb_roads`` preset (upsert, every row new: inserted);
- **re-run** — the same import again (every row unchanged: read, compared, nothing written);
- **ogr2ogr** — a plain ``ogr2ogr -f GPKG`` copy of the same file into a new GeoPackage: the floor.

Target (issue 12): import ≤ 2× ogr2ogr at 10^6, memory flat. Wall and CPU ratios are reported (CPU is steadier on
a shared machine), with the RSS growth over an import, the growth of the peak RSS during it (VmHWM; an upper
bound) and the process's peak RSS. One run at 10^6 (each takes minutes).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

from .common import BENCH_DIR, TODAY, log, machine, qgis_app, ratio, rss_mb, write_json

QUICK_ROWS = (10_000, 100_000)
FULL_ROWS = (10_000, 100_000, 1_000_000)


def nvdb_file(path: Path, rows: int) -> Path:
    """An NVDB-shaped file of ``rows`` 100 m segments on a grid (written once, kept under build/bench)."""
    from osgeo import gdal, ogr, osr

    if path.is_file():
        return path
    gdal.UseExceptions()
    tmp = path.with_suffix(".tmp.gpkg")
    ds = gdal.GetDriverByName("GPKG").Create(str(tmp), 0, 0, 0, gdal.GDT_Unknown)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    layer = ds.CreateLayer("nvdb", srs, ogr.wkbMultiLineString)
    fields = (("ROUTE_ID", ogr.OFTString), ("FROM_MEASURE", ogr.OFTReal), ("TO_MEASURE", ogr.OFTReal),
              ("Klass_181", ogr.OFTInteger), ("F_Hogst_225", ogr.OFTInteger), ("B_Hogst_225", ogr.OFTInteger),
              ("Slitl_152", ogr.OFTInteger), ("Vagha_6", ogr.OFTInteger), ("Bredd_156", ogr.OFTReal),
              ("ADT_f_117", ogr.OFTInteger), ("Namn_130", ogr.OFTString))
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for i in range(rows):
        x, y = 400_000.0 + (i % 1000) * 120.0, 6_900_000.0 + (i // 1000) * 40.0
        f = ogr.Feature(defn)
        for name, value in (("ROUTE_ID", f"{{{i:09d}-B000-4000-8000-BENCH}}"), ("FROM_MEASURE", 0.0),
                            ("TO_MEASURE", 1.0), ("Klass_181", i % 10), ("F_Hogst_225", (3 + i % 6) * 10),
                            ("B_Hogst_225", (3 + i % 6) * 10), ("Slitl_152", 1 + i % 2), ("Vagha_6", 1 + i % 3),
                            ("Bredd_156", 5.0 + i % 8), ("ADT_f_117", i % 20_000), ("Namn_130", f"Gata {i % 5000}")):
            f.SetField(name, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTILINESTRING(({x} {y},{x + 50} {y + 1},{x + 100} {y}))"))
        layer.CreateFeature(f)
    ds.CommitTransaction()
    ds = None
    tmp.rename(path)
    return path


def demo_twin(path: Path) -> Path:
    if not path.is_file():
        from demo import generate_twin

        generate_twin(path, seed=2380, today=TODAY)
    return path


def _peak_mb() -> float:
    """The process's peak resident memory so far (VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def _import(catalog, twin: Path, source: Path) -> tuple[float, Any]:
    from digiresan_plugin.core.importing import load_mapping, run_import
    from digiresan_plugin.core.twin_source import TwinSource

    started, cpu = time.perf_counter(), time.process_time()
    result = run_import(catalog, TwinSource.geopackage(twin), source, load_mapping("nvdb_roads"), today=TODAY)
    result.cpu_s = time.process_time() - cpu
    return time.perf_counter() - started, result


def _ogr2ogr(source: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the copy."""
    if out.exists():
        out.unlink()
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(out), str(source)], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - started, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def run(sizes: list[int], reps: int, out: Path) -> dict[str, Any]:
    qgis_app()
    from digiresan_plugin.core.catalog import load_catalog

    catalog = load_catalog()
    work = BENCH_DIR / "importing"
    work.mkdir(parents=True, exist_ok=True)
    base = demo_twin(work / "demo_twin.gpkg")
    results: dict[str, Any] = {"kind": "importing", "machine": machine(), "reps": reps, "sizes": []}
    for size in sizes:
        log(f"import: {size:,} NVDB rows")
        source = nvdb_file(work / f"nvdb_{size}.gpkg", size)
        first, again, floor, growth, cpu, floor_cpu = [], [], [], [], [], []
        counts: Optional[dict] = None
        runs = reps if size < 1_000_000 else 1  # minutes per run at 10^6
        peak_growth = []
        for _ in range(runs):
            twin = work / "twin.gpkg"
            shutil.copyfile(base, twin)
            before = rss_mb()
            seconds, result = _import(catalog, twin, source)
            growth.append(rss_mb() - before)
            peak_growth.append(_peak_mb() - before)
            first.append(seconds)
            cpu.append(result.cpu_s)
            counts = result.counts()
            seconds, rerun = _import(catalog, twin, source)
            again.append(seconds)
            assert rerun.unchanged == size, rerun.counts()
            wall, used = _ogr2ogr(source, work / "ogr2ogr_copy.gpkg")
            floor.append(wall)
            floor_cpu.append(used)
        peak = _peak_mb()
        entry = {"rows": size, "peak_rss_mb": peak, "import_s": statistics.median(first),
                 "rerun_s": statistics.median(again), "ogr2ogr_s": statistics.median(floor),
                 "rss_growth_mb": max(growth), "peak_growth_mb": max(peak_growth), "counts": counts, "runs": runs}
        entry["ratio_import_to_ogr2ogr"] = ratio(entry["import_s"], entry["ogr2ogr_s"])
        entry["import_cpu_s"], entry["ogr2ogr_cpu_s"] = statistics.median(cpu), statistics.median(floor_cpu)
        entry["cpu_ratio"] = ratio(entry["import_cpu_s"], entry["ogr2ogr_cpu_s"])
        entry["rows_per_s"] = round(size / entry["import_s"])
        log(f"  import {entry['import_s']:.2f} s ({entry['rows_per_s']:,} rows/s), re-run {entry['rerun_s']:.2f} s, "
            f"ogr2ogr {entry['ogr2ogr_s']:.2f} s → {entry['ratio_import_to_ogr2ogr']}×, RSS +{max(growth):.0f} MB, "
            f"peak {peak:.0f} MB")
        results["sizes"].append(entry)
    write_json(out, results)
    return results


def markdown(results: dict[str, Any]) -> str:
    lines = ["| rows | import (s) | rows/s | re-run, unchanged (s) | ogr2ogr copy (s) | import ÷ ogr2ogr "
             "| CPU ÷ ogr2ogr CPU | RSS growth (MB) | peak growth (MB) | peak RSS (MB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for e in results["sizes"]:
        lines.append(f"| {e['rows']:,} | {e['import_s']:.2f} | {e['rows_per_s']:,} | {e['rerun_s']:.2f} | "
                     f"{e['ogr2ogr_s']:.2f} | {e['ratio_import_to_ogr2ogr']} | {e['cpu_ratio']} | "
                     f"{e['rss_growth_mb']:.0f} | {e.get('peak_growth_mb', float('nan')):.0f} | "
                     f"{e['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.importing", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="10^4 and 10^5 rows, 1 run each")
    p.add_argument("--rows", default=None, help="sizes, comma-separated (default 10^4,10^5,10^6)")
    p.add_argument("--reps", type=int, default=None)
    p.add_argument("--out", type=Path, default=BENCH_DIR / "importing.json")
    args = p.parse_args(argv)
    sizes = [int(v) for v in args.rows.split(",")] if args.rows else list(QUICK_ROWS if args.quick else FULL_ROWS)
    results = run(sizes, args.reps or (1 if args.quick else 3), args.out)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
