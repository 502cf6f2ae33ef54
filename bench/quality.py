"""One scale's quality and map benchmark, in its own process.

``python -m bench.quality --scale N --out build/bench/quality_N.json [--reps 2] [--map-reps 5] [--pg]``

- **quality**: ``check_twin`` over the whole twin (every rule) vs QGIS's own ``qgis:checkvalidity`` (GEOS method,
  outputs skipped: the cheapest validity check) over the same spatial layers, one after the other; medians of
  ``reps`` runs each. Target: ours ≤ 2× the validity check alone.
- **map**: the road layer with the bundled style drawn whole (1600×1000 px, ``QgsMapRendererSequentialJob`` on an
  offscreen ``QgsMapSettings``), median of ``map-reps`` after a warm-up. *before*: the twin as generated (the stored
  ``latest_condition_class``, no triggers); *after*: with the plugin's triggers installed (they keep that column
  current; the style is unchanged); *view*: the alternative of a GeoPackage view computing the latest class per
  segment, for comparison. With ``--pg`` the same road layer from PostGIS (the bench database) with and without the
  derived-field trigger, and ``check_twin`` on PostGIS.

The bench twin is restored afterwards (triggers, history tables and the view removed).
"""

# ruff: noqa: S608 - SQL on the bench's own cached twin, identifiers fixed here

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Optional

from .common import BENCH_DIR, TODAY, log, machine, qgis_app, ratio, stats, write_json

MAP_W, MAP_H = 1600, 1000
VIEW = "bench_road_segments_latest"
SPATIAL_LAYERS = ("road_segments", "traffic_signs", "excavation_permits", "buildings", "properties", "parks")


def counts(gpkg: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
        return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}
    finally:
        conn.close()


def open_layers(catalog, source) -> dict:
    return {spec.id: source.open_layer(spec) for spec in catalog.layers}


def run_ours(catalog, source, reps: int) -> dict[str, Any]:
    from digiresan_plugin.core.quality import check_twin, prepare_inputs

    runs, report = [], None
    for _ in range(reps):
        layers = open_layers(catalog, source)
        inputs = prepare_inputs(catalog, layers)
        started = time.perf_counter()
        report = check_twin(catalog, inputs, TODAY, "en")
        runs.append(time.perf_counter() - started)
        del inputs, layers
    return {"runs_s": [round(r, 2) for r in runs], "median_s": round(statistics.median(runs), 2),
            "problems": len(report.problems), "by_rule": report.by_rule(), "not_checked": report.not_checked}


def run_validity(gpkg: Path, reps: int) -> dict[str, Any]:
    import processing
    from qgis.core import QgsVectorLayer

    runs, per_layer = [], {}
    for _ in range(reps):
        total = 0.0
        for name in SPATIAL_LAYERS:
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            if not layer.isValid():
                continue
            started = time.perf_counter()
            processing.run("qgis:checkvalidity", {"INPUT_LAYER": layer, "METHOD": 2,
                                                  "IGNORE_RING_SELF_INTERSECTION": False, "VALID_OUTPUT": None,
                                                  "INVALID_OUTPUT": None, "ERROR_OUTPUT": None})
            seconds = time.perf_counter() - started
            per_layer.setdefault(name, []).append(round(seconds, 2))
            total += seconds
        runs.append(total)
    return {"runs_s": [round(r, 2) for r in runs], "median_s": round(statistics.median(runs), 2),
            "per_layer_s": per_layer, "method": "GEOS, outputs skipped"}


# --- map ----------------------------------------------------------------------------------------------------------
def render_ms(layer, reps: int) -> dict[str, Any]:
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(MAP_W, MAP_H))
    settings.setExtent(layer.extent())
    settings.setOutputDpi(96)
    times = []
    for i in range(reps + 1):
        job = QgsMapRendererSequentialJob(settings)
        started = time.perf_counter()
        job.start()
        job.waitForFinished()
        if i:  # the first draw warms the caches
            times.append((time.perf_counter() - started) * 1000.0)
    return stats(times)


def road_layer(uri: str, provider: str, catalog):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "roads", provider)
    if not layer.isValid():
        raise RuntimeError(f"road layer not valid: {uri}")
    spec = catalog.layer("road_segments")
    message, ok = layer.loadNamedStyle(str(catalog.style_path(spec)))
    if not ok:
        raise RuntimeError(message)
    return layer


def uninstall(gpkg: Path, catalog) -> None:
    """Put the bench twin back as generated: no plugin triggers, history tables or view."""
    from osgeo import gdal

    from digiresan_plugin.core.maintenance_spec import maintenance_spec

    history = maintenance_spec(catalog).history
    gdal.UseExceptions()
    ds = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        layer = ds.ExecuteSQL("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'digiresan_%'")
        names = [f.GetField(0) for f in layer]
        ds.ReleaseResultSet(layer)
        for name in names:
            ds.ExecuteSQL(f'DROP TRIGGER "{name}"')
        for table in (history.table, history.session_table):
            ds.ExecuteSQL(f"DELETE FROM gpkg_contents WHERE table_name = '{table}'")
            ds.ExecuteSQL(f'DROP TABLE IF EXISTS "{table}"')
        ds.ExecuteSQL(f"DELETE FROM gpkg_geometry_columns WHERE table_name = '{VIEW}'")
        ds.ExecuteSQL(f"DELETE FROM gpkg_contents WHERE table_name = '{VIEW}'")
        ds.ExecuteSQL(f'DROP VIEW IF EXISTS "{VIEW}"')
    finally:
        ds = None


def create_view(gpkg: Path) -> None:
    """The alternative to a stored copy: a view computing each segment's latest class when it is read."""
    conn = sqlite3.connect(str(gpkg))
    try:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(road_segments)") if r[1] != "latest_condition_class"]
        select = ", ".join(f'r."{c}"' for c in columns)
        conn.execute(f'CREATE VIEW "{VIEW}" AS SELECT {select}, (SELECT c.condition_class FROM road_condition c '
                     f'WHERE c.segment_id = r.segment_id AND c.inspected_on IS NOT NULL ORDER BY c.inspected_on DESC, '
                     f'c.fid LIMIT 1) AS latest_condition_class FROM road_segments r')
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                     f"VALUES ('{VIEW}', 'features', '{VIEW}', 3006)")
        conn.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
                     f"VALUES ('{VIEW}', 'geom', 'LINESTRING', 3006, 0, 0)")
        conn.commit()
    finally:
        conn.close()


def run_map(gpkg: Path, catalog, reps: int, view: bool) -> dict[str, Any]:
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    uninstall(gpkg, catalog)
    result: dict[str, Any] = {"size_px": [MAP_W, MAP_H]}
    result["before_ms"] = render_ms(road_layer(f"{gpkg}|layername=road_segments", "ogr", catalog), reps)
    started = time.perf_counter()
    installed = install_triggers(gpkg, catalog)
    result["install_s"] = round(time.perf_counter() - started, 2)
    result["resynced"] = installed.resynced
    result["after_ms"] = render_ms(road_layer(f"{gpkg}|layername=road_segments", "ogr", catalog), reps)
    result["ratio_after_before"] = ratio(result["after_ms"]["median"], result["before_ms"]["median"])
    if view:
        create_view(gpkg)
        result["view_ms"] = render_ms(road_layer(f"{gpkg}|layername={VIEW}", "ogr", catalog), max(1, reps // 2))
        result["ratio_view_before"] = ratio(result["view_ms"]["median"], result["before_ms"]["median"])
    uninstall(gpkg, catalog)
    return result


def run_pg(scale: int, gpkg: Path, catalog, reps: int, map_reps: int) -> dict[str, Any]:
    from . import postgis

    started_here = not postgis.server_running()
    if started_here:
        reason = postgis.start_server()
        if reason:
            return {"skipped": reason}
    try:
        return _measure_pg(gpkg, catalog, reps, map_reps)
    finally:
        if started_here:
            postgis.stop_server()


def _measure_pg(gpkg: Path, catalog, reps: int, map_reps: int) -> dict[str, Any]:
    from . import postgis
    from .identify import pg_source

    env = postgis.pg_env()
    os.environ["PGSERVICEFILE"], os.environ["PGPASSFILE"] = env["PGSERVICEFILE"], env["PGPASSFILE"]
    prep = postgis.ensure_bench_db(gpkg, env)
    source = pg_source(postgis.SERVICE, postgis.BENCH_DB)
    roads = source.open_layer(catalog.layer("road_segments"))
    result: dict[str, Any] = {"database": postgis.BENCH_DB, "loaded_now": prep.get("loaded")}
    conn = postgis._superuser(env, postgis.BENCH_DB)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal AND "
                        "tgname LIKE 'digiresan_derived_%'")
            triggers = cur.fetchall()
        style = road_layer(roads.source(), "postgres", catalog)
        result["after_ms"] = render_ms(style, map_reps)
        with conn.cursor() as cur:
            for name, definition in triggers:
                table = definition.split(" ON ")[1].split(" ")[0]
                cur.execute(f'DROP TRIGGER "{name}" ON {table}')
        result["before_ms"] = render_ms(road_layer(roads.source(), "postgres", catalog), map_reps)
        result["ratio_after_before"] = ratio(result["after_ms"]["median"], result["before_ms"]["median"])
    finally:
        with conn.cursor() as cur:
            for _name, definition in triggers:
                cur.execute(definition.replace("CREATE TRIGGER", "CREATE OR REPLACE TRIGGER", 1))
        conn.close()
    result["quality"] = run_ours(catalog, source, reps)
    return result


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--map-reps", type=int, default=5)
    parser.add_argument("--pg", action="store_true", help="also PostGIS (the bench database at this scale)")
    parser.add_argument("--no-view", action="store_true", help="skip the view alternative of the map")
    args = parser.parse_args(argv)
    qgis_app()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from digiresan_plugin.core.catalog import load_catalog
    from digiresan_plugin.core.twin_source import TwinSource

    from .twins import ensure_twin

    gpkg = ensure_twin(args.scale)
    catalog = load_catalog()
    out = args.out or BENCH_DIR / f"quality_{args.scale}.json"
    started = time.perf_counter()
    result: dict[str, Any] = {"kind": "quality", "scale": args.scale, "machine": machine(), "counts": counts(gpkg)}
    uninstall(gpkg, catalog)
    log(f"[quality {args.scale:,}] check_twin ×{args.reps}")
    result["ours"] = run_ours(catalog, TwinSource.geopackage(gpkg), args.reps)
    log(f"[quality {args.scale:,}] qgis:checkvalidity ×{args.reps}")
    result["validity"] = run_validity(gpkg, args.reps)
    result["ratio_ours_validity"] = ratio(result["ours"]["median_s"], result["validity"]["median_s"])
    log(f"[quality {args.scale:,}] map redraw ×{args.map_reps}")
    result["map"] = run_map(gpkg, catalog, args.map_reps, view=not args.no_view)
    if args.pg:
        log(f"[quality {args.scale:,}] PostGIS")
        result["postgis"] = run_pg(args.scale, gpkg, catalog, args.reps, args.map_reps)
    result["seconds"] = round(time.perf_counter() - started, 1)
    write_json(out, result)
    log(f"[quality {args.scale:,}] ours {result['ours']['median_s']} s vs checkvalidity "
        f"{result['validity']['median_s']} s (×{result['ratio_ours_validity']}); map before "
        f"{result['map']['before_ms']['median']} ms, after {result['map']['after_ms']['median']} ms → {out}")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
