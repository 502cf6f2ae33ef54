"""One scale's coordination benchmark, in its own process.

``python -m bench.coordination --scale N --out build/bench/coordination_N.json [--reps 3]``

- **board, 14 days**: :class:`Board` conflicts for today → +14 days (the dock's default) as the dock answers once
  the twin's permit–segment match table is kept (after its first refresh; the table is built again when the file
  changes). Target: ≤ 1 s at 10^6.
- **board, 14 days, table kept from the last session**: the same as the first board after opening a twin that did
  not change since the last session: the match table read from the profile's file (:mod:`.persisted`), not built.
- **board, 14 days, cold**: the same with the match table built first (the first board after opening a twin, nothing
  kept from an earlier session).

Every board is timed as the dock shows it: the answer; the profile's file is written after it (the dock's task of
its own), timed apart (``keep_ms``).
- **full network**: no window (``FROM``/``TO`` empty in Processing), the match table built first: reading the
  network, the spatial matching of permits to segments and to each other, every rule.
- **board, 14 days, after a permit edit**: the board asked again after another program moved one permit's end date
  on the twin with the edit-history triggers (:mod:`.coordination_edit`): the table brought up to date, not built.
- **native join**: QGIS's own ``native:joinattributesbylocation`` (permits × road segments, intersects, to a
  memory layer) on the same layers: the spatial step alone. Target: full network ≤ 1.0× the native join.

Before each run of the parts that start a session, not timed: the last run's table is dropped and freed (a new
session has none to free) and, for the cold parts, the profile's file removed. Medians of ``reps`` runs after one
warm-up each, wall-clock and CPU time (``time.process_time``: the machine is
shared). ``--profile`` writes cProfile statistics of one run of each to ``build/bench/coordination_N.prof.*``.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any, Optional

from .common import TODAY, log, machine, qgis_app, ratio, rss_mb, timed, write_json
from .twins import ensure_twin


def run(scale: int, out: Path, reps: int = 3, profile: bool = False,
        only: Optional[set[str]] = None) -> dict[str, Any]:
    qgis_app()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    from digiresan_plugin.core.catalog import load_catalog
    from digiresan_plugin.core.coordination import persisted
    from digiresan_plugin.core.coordination.board import Board
    from digiresan_plugin.core.coordination.matches import forget
    from digiresan_plugin.core.coordination.model import Window
    from digiresan_plugin.core.identify import TwinEngine
    from digiresan_plugin.core.twin_source import TwinSource

    Processing.initialize()
    path = ensure_twin(scale)
    catalog = load_catalog()
    source = TwinSource.geopackage(path)
    layers = {spec.id: source.open_layer(spec) for spec in catalog.layers}
    layers = {k: v for k, v in layers.items() if v.isValid()}
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    window = Window(TODAY, TODAY + timedelta(days=14))
    results: dict[str, Any] = {"kind": "coordination", "scale": scale, "machine": machine(), "reps": reps,
                               "permits": layers["excavation_permits"].featureCount(),
                               "segments": layers["road_segments"].featureCount()}

    kept_dir = out.parent / f"coordination_{scale}_kept"
    persisted.use_dir(kept_dir)

    def new_session(kept: bool) -> None:
        """Before a run, not timed: nothing in memory (the last run's table freed, as in a new QGIS session);
        ``kept``: the profile's file stays, else it goes too."""
        forget()
        gc.collect()
        if not kept:
            shutil.rmtree(kept_dir, ignore_errors=True)

    unkept: list = []  # the boards whose table the dock would keep in its own task after showing them

    def board_rows(w: Window = window) -> list:
        made = Board(engine)
        made.keep_now = False  # as the dock: the profile's file after the board is on screen
        unkept.append(made)
        return made.conflicts(w)

    def board(w: Window) -> int:
        return len(board_rows(w))

    def keep() -> list[float]:
        """The profile's file written for the boards made since the last call (ms each)."""
        spent = [timed(made.keep_for_next_session)[0] for made in unkept]
        unkept.clear()
        return spent

    def native() -> int:
        alg = QgsApplication.processingRegistry().algorithmById("native:joinattributesbylocation")
        context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
        params = {"INPUT": layers["excavation_permits"], "JOIN": layers["road_segments"], "PREDICATE": [0],
                  "METHOD": 0, "DISCARD_NONMATCHING": False, "OUTPUT": "memory:"}
        result, ok = alg.run(params, context, feedback)
        return int(context.getMapLayer(result["OUTPUT"]).featureCount()) if ok else -1

    parts = (("board_14_days", lambda: board(window), None),
             ("board_14_days_kept_file", lambda: board(window), lambda: new_session(kept=True)),
             ("board_14_days_cold", lambda: board(window), lambda: new_session(kept=False)),
             ("full_network", lambda: board(Window()), lambda: new_session(kept=False)),
             ("native_join", native, None))
    for name, fn, setup in parts:
        if only and name not in only:
            continue
        if name == "board_14_days" or reps > 1:  # one run: the first board warmed the file cache and providers
            if setup is not None:
                setup()
            fn()  # warm-up: file cache, providers (and the match table the 14-day board keeps)
            keep()
        times, cpus, counts, kept = [], [], [], []
        for _ in range(reps):
            if setup is not None:
                setup()
            cpu = time.process_time()
            elapsed, count = timed(fn)
            cpus.append((time.process_time() - cpu) * 1000.0)
            times.append(elapsed)
            counts.append(count)
            kept.extend(keep())  # after the answer, not timed with it: the dock's task of its own
        results[name] = {"median_ms": round(statistics.median(times), 1), "runs_ms": [round(t, 1) for t in times],
                         "cpu_ms": round(statistics.median(cpus), 1), "rows": counts[-1],
                         "keep_ms": round(statistics.median(kept), 1) if kept else None}
        log(f"coordination {scale:,}: {name} median {results[name]['median_ms']:.0f} ms "
            f"(CPU {results[name]['cpu_ms']:.0f} ms; {counts[-1]:,} rows)")
        if profile:
            import cProfile

            if setup is not None:
                setup()
            cProfile.runctx("fn()", globals(), {"fn": fn}, str(out.with_suffix(f".prof.{name}")))
            keep()
    edit = "board_14_days_after_permit_edit"
    if not only or edit in only:
        from .coordination_edit import run_after_permit_edit

        results[edit] = run_after_permit_edit(path, catalog, board_rows, keep, lambda kept: new_session(kept),
                                              Board(engine).spec, window.start.isoformat(), window.end.isoformat(),
                                              reps)
        log(f"coordination {scale:,}: {edit} median {results[edit]['median_ms']:.0f} ms "
            f"(CPU {results[edit]['cpu_ms']:.0f} ms; same as built: {results[edit]['same_as_built']})")
    if "full_network" in results and "native_join" in results:
        results["full_vs_native"] = ratio(results["full_network"]["median_ms"], results["native_join"]["median_ms"])
        results["full_vs_native_cpu"] = ratio(results["full_network"]["cpu_ms"], results["native_join"]["cpu_ms"])
    results["load_average"] = list(os.getloadavg())
    results["rss_mb"] = round(rss_mb(), 1)  # the process with the match table kept
    write_json(out, results)
    return results


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.coordination")
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one run of each part")
    parser.add_argument("--parts", default="", help="only these parts (comma-separated: board_14_days, "
                        "board_14_days_kept_file, board_14_days_cold, full_network, native_join, "
                        "board_14_days_after_permit_edit)")
    args = parser.parse_args(argv)
    run(args.scale, args.out, args.reps, args.profile, {p.strip() for p in args.parts.split(",") if p.strip()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
