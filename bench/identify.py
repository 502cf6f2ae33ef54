"""One scale's identify benchmark, in its own process so every scale starts equally cold.

``python -m bench.identify --scale N --out build/bench/identify_N.json [--points 200] [--reps 3]``
(``--gpkg PATH`` for another twin, ``--pg-service S --pg-dbname D`` to read the same twin from PostGIS).

Per point, on one offscreen canvas (800×600 px, EPSG:3006, centred on the point at about 1:1900 so QGIS's 2 mm
search radius is a few metres on the ground, the same radius our engine gets):

- native: ``QgsMapToolIdentify(canvas).identify(x, y, TopDownAll, <the twin's spatial layers>)``;
- ours (data): a new ``TwinEngine`` (as the controller builds per click) and its ``report_at_point(point, crs,
  radius_m)`` — the full road-segment report;
- ours rendered: ``dock.show_report(report)`` (the typed report) + ``processEvents()`` in the Twin card dock;
- the plugin's extra sections: what ``plugin.py`` adds to every card (maintenance, work window, edit history),
  computed from the report as the controller does;
- card on screen: ours (data) + extra sections + rendered, per click (what a click in the plugin costs).

Each point is measured ``reps`` times (interleaved: native, ours, render); the per-point median goes into the
median and p95 over the points. Before every click the cross streets' answers are dropped (the readers stay),
so each click pays for its road title as the first click on its street does: no run is helped by an earlier
one. Then: memory (RSS) over 1000 clicks, the loader (median of 5 loads into a cleared project) and a cProfile
of the engine over the points (top functions, for the findings).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import pstats
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from .common import BENCH_DIR, POINT_SEED, TODAY, log, machine, ms, qgis_app, ratio, rss_mb, stats, write_json

CANVAS_W, CANVAS_H = 800, 600
#: metres per pixel of the canvas: 0.5 m/px ≈ 1:1900 at 96 dpi, a street-level view
MAP_UNITS_PER_PIXEL = 0.5
#: points lie on the road segment or up to this share of the search radius beside it
NEAR_SHARE = 0.5
METRIC_AUTHID = "EPSG:3006"


# --- sources ------------------------------------------------------------------------------------------------------
def pg_source(service: str, dbname: str):
    """A twin source on a pg_service with another database than the service's (the bench database)."""
    from dataclasses import dataclass as _dc

    from qgis.core import QgsDataSourceUri

    from digiresan_plugin.core.twin_source import PG_CONNECT_TIMEOUT_S, TwinSource

    @_dc(frozen=True)
    class ServiceDbSource(TwinSource):
        dbname: str = ""

        def to_string(self) -> str:
            return f"pgservice:{self.location}/{self.dbname}"

        def _pg_base_uri(self) -> QgsDataSourceUri:
            uri = QgsDataSourceUri()
            uri.setConnection(self.location, self.dbname, "", "")
            uri.setParam("connect_timeout", str(PG_CONNECT_TIMEOUT_S))
            return uri

    return ServiceDbSource("pgservice", service, dbname=dbname)


# --- points -------------------------------------------------------------------------------------------------------
def pick_points(gpkg: Path, n: int, radius_m: float, seed: int = POINT_SEED) -> list[dict[str, Any]]:
    """``n`` seeded points on or near random road segments of the twin GeoPackage (EPSG:3006).

    Each lies at 20–80 % along a random segment, moved sideways by up to ``NEAR_SHARE`` × the search radius, so
    both tools hit that segment. The same seed gives the same segments (by fid) whatever the backend.
    """
    from qgis.core import QgsFeatureRequest, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername=road_segments", "points", "ogr")
    if not layer.isValid():
        raise RuntimeError(f"cannot open road_segments in {gpkg}")
    total = layer.featureCount()
    rng = random.Random(seed)
    wanted = rng.sample(range(1, total + 1), min(n, total))
    found = {f.id(): f for f in layer.getFeatures(QgsFeatureRequest().setFilterFids(wanted))}
    points = []
    for fid in wanted:
        feature = found.get(fid)
        if feature is None or not feature.hasGeometry():
            continue
        geom = feature.geometry()
        along = geom.length() * rng.uniform(0.2, 0.8)
        base = geom.interpolate(along).asPoint()
        angle = geom.interpolateAngle(along) + math.pi / 2  # radians clockwise from north, turned sideways
        side = rng.uniform(-NEAR_SHARE, NEAR_SHARE) * radius_m
        point = QgsPointXY(base.x() + side * math.sin(angle), base.y() + side * math.cos(angle))
        points.append({"fid": fid, "segment_id": feature["segment_id"], "x": point.x(), "y": point.y(),
                       "offset_m": round(abs(side), 3)})
    return points


# --- the harness --------------------------------------------------------------------------------------------------
@dataclass
class Harness:
    """The project with the twin loaded, the canvas, QGIS's identify tool, our engine and the card dock."""

    app: Any
    project: Any
    catalog: Any
    source: Any
    canvas: Any
    tool: Any
    dock: Any
    engine: Any
    layers: list
    crs: Any
    extras: list = None  # the card sections the plugin adds to every click (IdentifyController.extra_sections)

    def center_on(self, x: float, y: float):
        """Centre the canvas on (x, y) at the bench scale; return the exact map point of the centre pixel."""
        from qgis.core import QgsRectangle

        half_w, half_h = CANVAS_W / 2 * MAP_UNITS_PER_PIXEL, CANVAS_H / 2 * MAP_UNITS_PER_PIXEL
        self.canvas.setExtent(QgsRectangle(x - half_w, y - half_h, x + half_w, y + half_h))
        return self.canvas.getCoordinateTransform().toMapCoordinates(CANVAS_W // 2, CANVAS_H // 2)

    def radius_m(self, point) -> float:
        from qgis.gui import QgsMapTool

        from digiresan_plugin.core.measure import radius_in_metres

        return radius_in_metres(QgsMapTool.searchRadiusMU(self.canvas), self.crs, point)

    def native(self) -> list:
        from qgis.gui import QgsMapToolIdentify

        return self.tool.identify(CANVAS_W // 2, CANVAS_H // 2, QgsMapToolIdentify.IdentifyMode.TopDownAll, self.layers,
                                  QgsMapToolIdentify.Type.VectorLayer)

    def ours(self, point, radius_m: float):
        """Our report as a click gets it: a new engine over the project's layers (what the controller builds per
        click), then the report."""
        from digiresan_plugin.core.identify import TwinEngine

        return TwinEngine(self.catalog, self.engine.layer_for, today=TODAY, language="en").report_at_point(
            point, self.crs, radius_m)

    def add_extras(self, report) -> None:
        """What the controller does before showing a card: the plugin's extra sections (maintenance, work window,
        edit history) from the report's dict, appended to the report."""
        from digiresan_plugin.core.identify.report import as_section

        data = report.to_dict()
        for extra in self.extras or []:
            found = extra(data)
            section = as_section(found) if found is not None else None
            if section is not None:
                report.sections.append(section)
                data["sections"].append(section.to_dict())

    def render(self, report) -> None:
        """Show the card and run the event loop once as QGIS's would: paint, then delete the previous card's
        widgets (``deleteLater`` is only honoured by an event loop, not by a bare ``processEvents()``)."""
        from qgis.PyQt.QtCore import QCoreApplication, QEvent

        self.dock.show_report(report)
        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close(self) -> None:
        self.dock.clear()
        self.dock.close()
        self.canvas.close()
        self.project.clear()


def load_twin(project, catalog, source) -> tuple[float, Any]:
    """(ms, LoadReport) of loading the twin into ``project`` through the plugin's loader."""
    from digiresan_plugin.core.loader import TwinLoader

    started = time.perf_counter()
    report = TwinLoader(catalog, project).load(source)
    return ms(time.perf_counter() - started), report


def measure_load(catalog, source, runs: int = 5) -> dict[str, Any]:
    """Load the twin ``runs`` times into a cleared project (the first load is cold: styles, provider)."""
    from qgis.core import QgsProject

    project = QgsProject.instance()
    times, problems, loaded = [], [], []
    for _ in range(runs):
        project.clear()
        qgis_app().processEvents()
        elapsed, report = load_twin(project, catalog, source)
        times.append(elapsed)
        problems, loaded = report.problems, report.loaded
    project.clear()
    return {"runs_ms": [round(t, 3) for t in times], **stats(times), "layers": len(loaded), "problems": problems}


def make_harness(catalog, source) -> Harness:
    """Load the twin into the project and build the canvas, QGIS's identify tool, our engine and the dock."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject
    from qgis.gui import QgsMapCanvas, QgsMapToolIdentify
    from qgis.PyQt.QtWidgets import QFrame

    from digiresan_plugin.core.identify import TwinEngine
    from digiresan_plugin.core.layers import twin_layer, twin_layers
    from digiresan_plugin.gui.card.dock import TwinCardDock

    app = qgis_app()
    project = QgsProject.instance()
    project.clear()
    _elapsed, report = load_twin(project, catalog, source)
    if report.problems:
        raise RuntimeError("the twin did not load: " + "; ".join(report.problems))
    crs = QgsCoordinateReferenceSystem(METRIC_AUTHID)
    canvas = QgsMapCanvas()
    canvas.setRenderFlag(False)  # the map is never drawn: only identify and the card are measured
    canvas.setDestinationCrs(crs)
    canvas.setFrameShape(QFrame.Shape.NoFrame)  # the map (output size) is then exactly the widget
    canvas.resize(CANVAS_W, CANVAS_H)
    canvas.show()
    app.processEvents()
    size = canvas.mapSettings().outputSize()
    if (size.width(), size.height()) != (CANVAS_W, CANVAS_H):
        raise RuntimeError(f"canvas output size is {size.width()}x{size.height()}, not {CANVAS_W}x{CANVAS_H}")
    tool = QgsMapToolIdentify(canvas)
    spatial = [layer for layer in twin_layers(project).values() if layer.isSpatial()]

    def layer_for(layer_id: str):
        return twin_layer(project, layer_id)

    engine = TwinEngine(catalog, layer_for, today=TODAY, language="en")
    dock = TwinCardDock(canvas=canvas, layer_for=layer_for)
    dock.resize(420, 900)
    dock.show()
    app.processEvents()
    return Harness(app, project, catalog, source, canvas, tool, dock, engine, spatial, crs,
                   plugin_extras(catalog, project, source, layer_for))


def plugin_extras(catalog, project, source, layer_for) -> list:
    """The extra card sections plugin.py adds to every click (maintenance, work window, handling, edit history),
    built the same way (the ideas section needs the ideas dock's list and is left out)."""
    from digiresan_plugin.core.coordination.card import WorkWindowCard
    from digiresan_plugin.core.coordination.handling_card import HandlingCard
    from digiresan_plugin.core.history_card import HistoryReader
    from digiresan_plugin.core.investment.card import MaintenanceCard
    from digiresan_plugin.core.layers import twin_layers

    history = HistoryReader(catalog)
    history.set_source(source)
    return [MaintenanceCard(catalog, lambda: twin_layers(project), today=lambda: TODAY),
            WorkWindowCard(catalog, layer_for).card_section, HandlingCard(catalog, layer_for).card_section,
            history.card_section]


def _subject_layer(report) -> Optional[str]:
    subject = getattr(report, "subject", None)
    return getattr(subject, "layer", None) if subject is not None else None


def measure_clicks(h: Harness, points: list[dict[str, Any]], reps: int) -> dict[str, Any]:
    """native / ours / render per point, ``reps`` interleaved rounds, per-point medians; warm-up first. The cross
    streets' answers are dropped before each click (a new place: its street not read yet), the readers kept."""
    from digiresan_plugin.core.cross_streets import forget_answers

    prepared = []
    for p in points:
        at = h.center_on(p["x"], p["y"])
        prepared.append((at, h.radius_m(at)))
    for at, radius in prepared[: min(20, len(prepared))]:  # warm-up: first reads, caches, lazy imports
        h.center_on(at.x(), at.y())
        h.native()
        warm = h.ours(at, radius)
        h.add_extras(warm)
        h.render(warm)
    per = {k: [[] for _ in prepared] for k in ("native", "ours", "extras", "render", "card")}
    subjects: dict[str, int] = {}
    native_hits, native_layers, sections = [], [], []
    for rep in range(reps):
        for i, (at, radius) in enumerate(prepared):
            h.center_on(at.x(), at.y())
            forget_answers()  # no street's cross streets known: each click is the first on its street
            t0 = time.perf_counter()
            results = h.native()
            t1 = time.perf_counter()
            report = h.ours(at, radius)
            t2 = time.perf_counter()
            h.add_extras(report)
            t2x = time.perf_counter()
            h.render(report)
            t3 = time.perf_counter()
            per["native"][i].append(ms(t1 - t0))
            per["ours"][i].append(ms(t2 - t1))
            per["extras"][i].append(ms(t2x - t2))
            per["render"][i].append(ms(t3 - t2x))
            per["card"][i].append(ms(t3 - t1))
            if rep == 0:
                layer = _subject_layer(report) or "(none)"
                subjects[layer] = subjects.get(layer, 0) + 1
                native_hits.append(len(results))
                native_layers.append(len({r.mLayer.id() for r in results}))
                sections.append(len(report.sections))
    medians = {k: [statistics.median(v) for v in lists] for k, lists in per.items()}
    out = {k: stats(v) for k, v in medians.items()}
    out["ratio_ours_native"] = ratio(out["ours"]["median"], out["native"]["median"])
    out["ratio_card_native"] = ratio(out["card"]["median"], out["native"]["median"])
    out["subjects"] = subjects
    out["native_results_median"] = statistics.median(native_hits) if native_hits else None
    out["native_layers_hit_median"] = statistics.median(native_layers) if native_layers else None
    out["sections_median"] = statistics.median(sections) if sections else None
    out["radius_m"] = round(prepared[0][1], 4) if prepared else None
    out["canvas_scale"] = round(h.canvas.scale(), 1)
    out["reps"] = reps
    return out


def measure_first_card(h: Harness, points: list[dict[str, Any]]) -> dict[str, Any]:
    """The first card after the twin is loaded (nothing read yet: connections, readers, the dock's widgets): our
    report + card on screen at the first point; QGIS's first identify at the second, for scale."""
    at = h.center_on(points[0]["x"], points[0]["y"])
    started = time.perf_counter()
    report = h.ours(at, h.radius_m(at))
    engine_ms = ms(time.perf_counter() - started)
    h.add_extras(report)
    h.render(report)
    card_ms = ms(time.perf_counter() - started)
    h.center_on(points[1]["x"], points[1]["y"])
    started = time.perf_counter()
    h.native()
    return {"engine_ms": engine_ms, "card_ms": card_ms, "native_ms": ms(time.perf_counter() - started)}


def measure_engine_build(h: Harness, runs: int = 50) -> dict[str, Any]:
    """A new engine per click is what the controller does: its cost on its own."""
    from digiresan_plugin.core.identify import TwinEngine
    from digiresan_plugin.core.layers import twin_layer

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        TwinEngine(h.catalog, lambda layer_id: twin_layer(h.project, layer_id), today=TODAY, language="en")
        times.append(ms(time.perf_counter() - started))
    return stats(times)


def measure_memory(h: Harness, points: list[dict[str, Any]], clicks: int = 1000) -> dict[str, Any]:
    """RSS before and after ``clicks`` clicks (engine + card), sampled every 100 clicks, after one pass over the
    points (the streets' answers kept for them, bounded: growth after that is a leak, not a cache filling)."""
    prepared = []
    for p in points:
        at = h.center_on(p["x"], p["y"])
        prepared.append((at, h.radius_m(at)))
    for at, radius in prepared:
        h.render(h.ours(at, radius))
    before = rss_mb()
    series = [round(before, 2)]
    for n in range(clicks):
        at, radius = prepared[n % len(prepared)]
        report = h.ours(at, radius)
        h.add_extras(report)
        h.render(report)
        if (n + 1) % 100 == 0:
            series.append(round(rss_mb(), 2))
    after = rss_mb()
    return {"clicks": clicks, "rss_before_mb": round(before, 2), "rss_after_mb": round(after, 2),
            "growth_mb": round(after - before, 2), "series_mb": series}


def profile_engine(h: Harness, points: list[dict[str, Any]], top: int = 25,
                   out: Optional[Path] = None) -> dict[str, Any]:
    """cProfile of our engine over the points (not timed): the top functions by cumulative and own time."""
    prepared = []
    for p in points:
        at = h.center_on(p["x"], p["y"])
        prepared.append((at, h.radius_m(at)))
    profiler = cProfile.Profile()
    profiler.enable()
    for at, radius in prepared:
        h.ours(at, radius)
    profiler.disable()
    if out is not None:
        profiler.dump_stats(str(out))
    result = {}
    for key in ("cumulative", "tottime"):
        buffer = io.StringIO()
        st = pstats.Stats(profiler, stream=buffer)
        st.sort_stats(key)
        rows = []
        for func, (_cc, nc, tt, ct, _callers) in sorted(
                st.stats.items(), key=lambda kv: kv[1][3 if key == "cumulative" else 2], reverse=True)[:top]:
            filename, line, name = func
            rows.append({"function": f"{_short(filename)}:{line}({name})", "calls": nc,
                         "tottime_ms_per_click": round(tt * 1000 / max(1, len(prepared)), 4),
                         "cumtime_ms_per_click": round(ct * 1000 / max(1, len(prepared)), 4)})
        result[key] = rows
    return result


def _short(filename: str) -> str:
    for marker in ("digiresan_plugin/", "bench/"):
        if marker in filename:
            return filename[filename.index(marker):]
    return filename.rsplit("/", 1)[-1]


def run(gpkg: Path, n_points: int = 200, reps: int = 3, clicks: int = 1000, load_runs: int = 5,
        source: Any = None, label: str = "gpkg", scale: Optional[int] = None, profile: bool = True,
        profile_dir: Path = BENCH_DIR, progress: Callable[[str], None] = log) -> dict[str, Any]:
    """Everything for one twin; returns the JSON-able result."""
    from qgis.core import QgsPointXY

    from digiresan_plugin.core.catalog import load_catalog
    from digiresan_plugin.core.layers import LAYER_ID_PROPERTY
    from digiresan_plugin.core.twin_source import TwinSource

    qgis_app()
    started = time.perf_counter()
    catalog = load_catalog()
    source = source or TwinSource.geopackage(gpkg)
    result: dict[str, Any] = {"kind": "identify", "backend": label, "scale": scale, "twin": str(gpkg),
                              "source": source.to_string(), "points": n_points, "machine": machine()}
    rss_start = rss_mb()
    progress(f"[{label} {scale or ''}] loading the twin {load_runs}× through TwinLoader")
    result["load"] = measure_load(catalog, source, load_runs)
    h = make_harness(catalog, source)
    try:
        road = next((lyr for lyr in h.layers if lyr.customProperty(LAYER_ID_PROPERTY) == "road_segments"), None)
        result["road_segments"] = road.featureCount() if road is not None else None
        result["native_layers"] = [layer.customProperty(LAYER_ID_PROPERTY) for layer in h.layers]
        center = h.center_on(0.0, 0.0)
        radius = h.radius_m(QgsPointXY(center))
        points = pick_points(gpkg, n_points, radius)
        result["rss_start_mb"] = round(rss_start, 2)
        result["first_card"] = measure_first_card(h, points)
        progress(f"[{label} {scale or ''}] {len(points)} points × {reps} reps: native identify vs ours vs card")
        result["identify"] = measure_clicks(h, points, reps)
        result["engine_build"] = measure_engine_build(h)
        progress(f"[{label} {scale or ''}] memory over {clicks} clicks")
        result["memory"] = measure_memory(h, points, clicks)
        if profile:
            prof_path = Path(profile_dir) / f"identify_{label}_{scale or 'x'}.prof"
            prof_path.parent.mkdir(parents=True, exist_ok=True)
            result["profile"] = profile_engine(h, points, out=prof_path)
            result["profile_file"] = str(prof_path)
    finally:
        h.close()
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.identify", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, required=True, help="road segments of the cached twin")
    parser.add_argument("--gpkg", type=Path, default=None, help="twin GeoPackage (default: the cached twin)")
    parser.add_argument("--out", type=Path, required=True, help="JSON result file")
    parser.add_argument("--points", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=1000)
    parser.add_argument("--load-runs", type=int, default=5)
    parser.add_argument("--pg-service", default=None, help="read the twin from PostGIS through this pg_service")
    parser.add_argument("--pg-dbname", default=None, help="database (default: the service's)")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv)
    from .twins import twin_path

    gpkg = args.gpkg or twin_path(args.scale)
    source, label = None, "gpkg"
    if args.pg_service:
        qgis_app()
        source, label = pg_source(args.pg_service, args.pg_dbname or ""), "postgis"
    result = run(gpkg, args.points, args.reps, args.clicks, args.load_runs, source=source, label=label,
                 scale=args.scale, profile=not args.no_profile)
    write_json(args.out, result)
    ident = result["identify"]
    log(f"[{label} {args.scale}] native {ident['native']['median']:.2f} ms, ours {ident['ours']['median']:.2f} ms "
        f"(×{ident['ratio_ours_native']}), card p95 {ident['card']['p95']:.2f} ms, "
        f"memory +{result['memory']['growth_mb']} MB → {args.out}")
    sys.stdout.flush()
    # leave without tearing QGIS down: exitQgis() after widgets were shown may crash at exit on some builds
    import os

    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
