"""Ideas list benchmark for one table size, in its own process.

``python -m bench.ideas --count N --out build/bench/ideas_N.json [--reps 5]``

The same ``ideas`` table (a cached GeoPackage written by the demo's ``write_ideas(count=N)``) shown two ways:

- ours: ``GeoPackageIdeaRepository.list_ideas()`` + ``IdeasTableModel.set_ideas()`` (a model reset) and the
  dock's ``IdeasTableView`` (sorted newest first, as the dock shows it) processing events until it has painted; the
  keystrokes are also timed in a plain ``QTableView`` (word wrap, row numbers: Qt's defaults) for reference;
- QGIS's attribute table: ``QgsVectorLayerCache`` (10 000 rows, no geometry: the attribute table's defaults) +
  ``QgsAttributeTableModel.loadLayer()`` until ``rowCount() == N``, through ``QgsAttributeTableFilterModel`` into a
  ``QgsAttributeTableView`` until painted (the layer itself is opened beforehand, untimed: it would already be in
  the project).

Then per filter keystroke (typing "s", "sk", "sko", "skol", "skols", "skolsk"): ours
``model.set_filter(IdeaFilter(text))`` until painted vs QGIS's attribute table filter (``setFilterExpression`` on
title/description ``ILIKE``, ``filterFeatures()``) until painted.

And the dock as the user meets it (``IdeasDock.refresh()`` on the UI thread, its store's loading task behind it):
time until the list has painted, until search is instant (the index built in the task after the list is shown),
until the programme summary is shown, and until the loading task has finished.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

from .common import IDEAS_DIR, SEED, TODAY, log, machine, ms, qgis_app, ratio, stats, write_json

KEYSTROKES = ("s", "sk", "sko", "skol", "skols", "skolsk")
VIEW_W, VIEW_H = 1000, 700
PAINT_TIMEOUT_S = 30.0
IDLE_ROUNDS = 20  # processEvents() rounds without a paint before the view is painted directly


def ideas_path(count: int, directory: Path = IDEAS_DIR) -> Path:
    return Path(directory) / f"ideas_{count}.gpkg"


def idea_count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute('SELECT count(*) FROM "ideas"').fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def ensure_ideas(count: int, directory: Path = IDEAS_DIR, progress: Optional[Callable[[str], None]] = log) -> Path:
    """A GeoPackage with ``count`` ideas (written once with the demo generator's ``write_ideas``)."""
    path = ideas_path(count, directory)
    if path.is_file() and idea_count(path) == count:
        return path
    from osgeo import ogr

    from demo.ideas import write_ideas

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if tmp.exists():
        tmp.unlink()
    if progress:
        progress(f"writing {count:,} ideas to {path}")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    if ds is None:
        raise RuntimeError(f"cannot create {tmp}")
    ds = None  # noqa: F841 - closes the data source
    write_ideas(tmp, SEED, TODAY, count=count)
    tmp.replace(path)
    return path


class PaintWatch:
    """Counts paint events of a view's viewport, so a step can be timed "until painted"."""

    def __init__(self, view):
        from qgis.PyQt.QtCore import QEvent, QObject

        class _Filter(QObject):
            def __init__(self, owner):
                super().__init__()
                self.owner = owner

            def eventFilter(self, _obj, event):  # noqa: N802 - Qt API
                if event.type() == QEvent.Type.Paint:
                    self.owner.paints += 1
                return False

        self.view = view
        self.paints = 0
        self.forced = 0
        self._filter = _Filter(self)
        view.viewport().installEventFilter(self._filter)

    def settle(self, since: int, app, timeout: float = PAINT_TIMEOUT_S) -> bool:
        """Run the event loop until a paint after ``since``. When the view schedules none (Qt skips a repaint
        that changes nothing visible) once the queue is idle, paint it now, synchronously, so every timed step
        ends with exactly one paint. False when no paint could be had within ``timeout`` seconds."""
        deadline = time.perf_counter() + timeout
        idle_rounds = 0
        while self.paints <= since:
            app.processEvents()
            idle_rounds += 1
            if idle_rounds >= IDLE_ROUNDS and self.paints <= since:
                self.forced += 1
                self.view.viewport().repaint()
                app.processEvents()
                break
            if time.perf_counter() > deadline:
                return False
        return self.paints > since


def _view(cls, app):
    view = cls()
    view.resize(VIEW_W, VIEW_H)
    view.show()
    app.processEvents()
    return view


def _our_view(model, app):
    """The dock's table view (the plugin's own: no word wrap, no row numbers, fixed rows, newest first)."""
    try:
        from digiresan_plugin.gui.ideas.table_view import IdeasTableView
    except ImportError:  # before the ideas dock was split into gui/ideas/
        from qgis.PyQt.QtWidgets import QTableView

        view = _view(QTableView, app)
        view.setModel(model)
        return view
    view = IdeasTableView(model)
    view.resize(VIEW_W, VIEW_H)
    view.show()
    app.processEvents()
    return view


def _typing(model, watch, app, runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    from digiresan_plugin.core.ideas.filtering import IdeaFilter

    strokes: dict[str, list[float]] = {k: [] for k in KEYSTROKES}
    matches: dict[str, int] = {}
    for _ in range(runs):
        if hasattr(model, "clear_search_cache"):
            model.clear_search_cache()  # each typing run measures real work, not remembered answers
        since = watch.paints
        model.set_filter(IdeaFilter())
        watch.settle(since, app)
        for text in KEYSTROKES:
            since = watch.paints
            t0 = time.perf_counter()
            model.set_filter(IdeaFilter(text=text))
            watch.settle(since, app)
            strokes[text].append(ms(time.perf_counter() - t0))
            matches[text] = model.rowCount()
    return strokes, matches


def measure_ours(path: Path, count: int, reps: int) -> dict[str, Any]:
    from qgis.PyQt.QtWidgets import QTableView

    from digiresan_plugin.core.ideas.filtering import IdeaIndex
    from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
    from digiresan_plugin.gui.ideas.table_model import IdeasTableModel

    app = qgis_app()
    repo = GeoPackageIdeaRepository(path)
    # as the ideas dock does it: read and index in its loading task, then hand both to the model
    takes_index = "index" in inspect.signature(IdeasTableModel.set_ideas).parameters
    read, index_ms, reset, total, search_ready = [], [], [], [], []
    rows = None
    keep = []
    for _ in range(reps):
        model = IdeasTableModel()
        view = _our_view(model, app)
        watch = PaintWatch(view)
        app.processEvents()
        gc.collect()
        t0 = time.perf_counter()
        ideas = repo.list_ideas()
        t1 = time.perf_counter()
        # the dock lists first (facets for status/date only) and builds the search texts afterwards in its task
        index = IdeaIndex(ideas, search=False) if takes_index else None
        t2 = time.perf_counter()
        since = watch.paints
        if takes_index:
            model.set_ideas(ideas, index=index)
        else:
            model.set_ideas(ideas)
        if not watch.settle(since, app):
            raise RuntimeError("our ideas view never painted")
        t3 = time.perf_counter()
        if index is not None and hasattr(index, "prepare"):
            index.prepare()
            search_ready.append(ms(time.perf_counter() - t0))
        rows = model.rowCount()
        read.append(ms(t1 - t0))
        index_ms.append(ms(t2 - t1))
        reset.append(ms(t3 - t2))
        total.append(ms(t3 - t0))
        for old in keep[:1]:
            old.close()
        keep = [view, model, watch]
    view, model, watch = keep
    strokes, matches = _typing(model, watch, app, max(reps, 5))
    view.close()
    plain = _view(QTableView, app)  # the same model in Qt's default view, for reference
    plain.setModel(model)
    plain_watch = PaintWatch(plain)
    app.processEvents()
    plain_strokes, _ = _typing(model, plain_watch, app, max(reps, 5))
    plain.close()
    return {
        "rows": rows, "read": stats(read), "index": stats(index_ms), "model_view": stats(reset),
        "show": stats(total), "index_in_task": takes_index, "view": type(view).__name__,
        "search_ready": stats(search_ready) if search_ready else None,
        "keystrokes": {k: {**stats(v), "rows": matches.get(k)} for k, v in strokes.items()},
        "keystroke_worst_median": round(max(statistics.median(v) for v in strokes.values()), 4),
        "keystroke_worst_median_plain_view": round(max(statistics.median(v) for v in plain_strokes.values()), 4),
        "forced_paints": watch.forced,
    }


def _dock_class():
    try:
        from digiresan_plugin.gui.ideas.dock import IdeasDock
    except ImportError:  # before the ideas dock was split into gui/ideas/
        from digiresan_plugin.gui.ideas_dock import IdeasDock
    return IdeasDock


def _wait(condition: Callable[[], bool], app, timeout: float = PAINT_TIMEOUT_S) -> float:
    """Process events until ``condition()`` (sleeping 1 ms between rounds, so the loading task gets the GIL as it
    would under QGIS's idle event loop); the time it became true."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("the ideas dock did not get there in time")
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter()


def _dock_run(dock_class, path: Path, app) -> tuple[float, float, float, float, int]:
    """One refresh of a fresh dock: ms until listed and painted, searchable, summarised, the task done; rows."""
    from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository

    dock = dock_class(None, None, None, repository=GeoPackageIdeaRepository(path), coordinator=False, load=False)
    dock.resize(VIEW_W, VIEW_H)
    dock.show()
    app.processEvents()
    watch = PaintWatch(dock.table)
    loaded: list[float] = []
    dock.loaded.connect(lambda _n: loaded.append(time.perf_counter()))
    gc.collect()
    since = watch.paints
    t0 = time.perf_counter()
    dock.refresh()
    _wait(lambda: bool(loaded), app)
    if not watch.settle(since, app):
        raise RuntimeError("the ideas dock's table never painted")
    listed = ms(time.perf_counter() - t0)
    search = ms(_wait(dock.search_ready, app) - t0)
    summary = ms(_wait(lambda: bool(dock.granted_label.text()), app) - t0)
    done = ms(_wait(lambda: not dock.is_busy(), app) - t0)
    rows = dock.model.rowCount()
    dock.cleanup()
    dock.close()
    dock.deleteLater()
    app.processEvents()
    return listed, search, summary, done, rows


def measure_dock(path: Path, count: int, reps: int) -> dict[str, Any]:
    dock_class = _dock_class()
    app = qgis_app()
    runs = [_dock_run(dock_class, path, app) for _ in range(reps)]
    listed, search, summary, done, rows = zip(*runs)
    return {"rows": rows[-1], "listed": stats(listed), "search_ready": stats(search), "summary": stats(summary),
            "task_done": stats(done)}


def _filter_expression(text: str) -> str:
    from qgis.core import QgsExpression

    pattern = QgsExpression.quotedString(f"%{text}%")
    return f'"title" ILIKE {pattern} OR "description" ILIKE {pattern}'


def measure_qgis(path: Path, count: int, reps: int) -> dict[str, Any]:
    from qgis.core import (
        QgsExpression,
        QgsExpressionContext,
        QgsExpressionContextUtils,
        QgsVectorLayer,
        QgsVectorLayerCache,
    )
    from qgis.gui import QgsAttributeTableFilterModel, QgsAttributeTableModel, QgsAttributeTableView, QgsMapCanvas

    app = qgis_app()
    layer = QgsVectorLayer(f"{path}|layername=ideas", "ideas", "ogr")
    if not layer.isValid():
        raise RuntimeError(f"cannot open ideas in {path}")
    canvas = QgsMapCanvas()
    total, rows = [], None
    keep = []
    for _ in range(reps):
        view = _view(QgsAttributeTableView, app)
        watch = PaintWatch(view)
        app.processEvents()
        gc.collect()
        since = watch.paints
        t0 = time.perf_counter()
        cache = QgsVectorLayerCache(layer, 10000)  # QgsAttributeTableDialog: qgis/attributeTableRowCache
        cache.setCacheGeometry(False)
        model = QgsAttributeTableModel(cache)
        model.loadLayer()
        deadline = time.perf_counter() + 120
        while model.rowCount() < count and time.perf_counter() < deadline:
            app.processEvents()
        filter_model = QgsAttributeTableFilterModel(canvas, model)
        view.setModel(filter_model)
        if not watch.settle(since, app):
            raise RuntimeError("the attribute table never painted")
        total.append(ms(time.perf_counter() - t0))
        rows = model.rowCount()
        for old in keep[:1]:
            old.close()
        keep = [view, watch, cache, model, filter_model]
    view, watch, cache, model, filter_model = keep
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    strokes: dict[str, list[float]] = {k: [] for k in KEYSTROKES}
    matches: dict[str, int] = {}
    for _ in range(max(reps, 3)):
        since = watch.paints
        filter_model.setFilterMode(QgsAttributeTableFilterModel.FilterMode.ShowAll)
        watch.settle(since, app)
        for text in KEYSTROKES:
            since = watch.paints
            t0 = time.perf_counter()
            filter_model.setFilterExpression(QgsExpression(_filter_expression(text)), context)
            filter_model.filterFeatures()
            filter_model.setFilterMode(QgsAttributeTableFilterModel.FilterMode.ShowFilteredList)
            watch.settle(since, app)
            strokes[text].append(ms(time.perf_counter() - t0))
            matches[text] = filter_model.rowCount()
    view.close()
    return {
        "rows": rows, "show": stats(total),
        "keystrokes": {k: {**stats(v), "rows": matches.get(k)} for k, v in strokes.items()},
        "keystroke_worst_median": round(max(statistics.median(v) for v in strokes.values()), 4),
        "forced_paints": watch.forced,
    }


def run(count: int, reps: int = 3, path: Optional[Path] = None, progress: Callable[[str], None] = log) -> dict:
    qgis_app()
    started = time.perf_counter()
    path = path or ensure_ideas(count)
    result: dict[str, Any] = {"kind": "ideas", "count": count, "table": str(path), "machine": machine()}
    progress(f"[ideas {count:,}] ours: repository + model/view; {reps} reps")
    result["ours"] = measure_ours(path, count, reps)
    progress(f"[ideas {count:,}] the ideas dock: refresh until listed, searchable, summarised; {reps} reps")
    result["dock"] = measure_dock(path, count, reps)
    progress(f"[ideas {count:,}] QGIS attribute table: layer cache + model; {reps} reps")
    result["qgis"] = measure_qgis(path, count, reps)
    result["ratio_show_ours_qgis"] = ratio(result["ours"]["show"]["median"], result["qgis"]["show"]["median"])
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ideas", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--gpkg", type=Path, default=None, help="an existing GeoPackage with an ideas table")
    args = parser.parse_args(argv)
    result = run(args.count, args.reps, args.gpkg)
    write_json(args.out, result)
    log(f"[ideas {args.count:,}] ours {result['ours']['show']['median']:.1f} ms, attribute table "
        f"{result['qgis']['show']['median']:.1f} ms (×{result['ratio_show_ours_qgis']}), worst keystroke "
        f"{result['ours']['keystroke_worst_median']:.2f} ms; dock listed {result['dock']['listed']['median']:.1f} ms, "
        f"search ready {result['dock']['search_ready']['median']:.1f} ms, summary "
        f"{result['dock']['summary']['median']:.1f} ms → {args.out}")
    sys.stdout.flush()
    import os

    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
