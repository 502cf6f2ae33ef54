"""The coordination board after another program edited a permit (part ``board_14_days_after_permit_edit``).

The bench twin gets the plugin's edit-history triggers (as a maintained twin has them), the board builds and keeps
its match table once (untimed); then before each run, not timed, another connection moves one permit in the 14-day
window by a day (its end date, through GDAL, so the history triggers record it), and the run is the board asked
again: the history tells which permit changed and the table is brought up to date, not built (the build is the
``board_14_days_cold`` part). After the runs the rows are compared with a board built from scratch on the same
file (``same_as_built``), the permit is put back and the triggers and history tables removed.
"""

# ruff: noqa: S608 - table and column names are quoted identifiers of the catalog's permit layer

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any, Callable

from digiresan_plugin.core.coordination.stored import quoted

from .common import timed


def _in_window(path: Path, table: str, start_f: str, end_f: str, first: str, last: str) -> int:
    """The first permit (feature id) whose dates overlap ``first``..``last``."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(f"SELECT fid FROM {quoted(table)} WHERE {quoted(start_f)} <= ? AND {quoted(end_f)} >= ? "
                           "ORDER BY fid LIMIT 1", (last, first)).fetchone()
    finally:
        conn.close()
    if row is None:
        raise RuntimeError(f"{path}: no permit in {table} between {first} and {last}")
    return int(row[0])


def _shift_end(path: Path, table: str, end_f: str, fid: int, days: int) -> None:
    """Another program's write: the permit's end date moved by ``days`` (GDAL: the triggers' functions exist)."""
    from osgeo import gdal

    gdal.UseExceptions()
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        end = quoted(end_f)
        ds.ExecuteSQL(f"UPDATE {quoted(table)} SET {end} = date({end}, '{int(days):+d} day') WHERE fid = {int(fid)}")
    finally:
        ds = None


def run_after_permit_edit(path: Path, catalog, board: Callable[[], list], keep: Callable[[], list[float]],
                          new_session: Callable[[bool], None],
                          spec, first: str, last: str, reps: int) -> dict[str, Any]:
    """Medians of ``reps`` boards (after one warm-up), each after one permit edit; see the module docstring."""
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    from .quality import uninstall

    table, start_f, end_f = spec.permits.layer, spec.permits.field("start"), spec.permits.field("end")
    uninstall(path, catalog)
    install_triggers(path, catalog)
    fid = _in_window(path, table, start_f, end_f, first, last)
    shifts = 0
    try:
        new_session(False)
        board()  # the table built and kept (untimed)
        keep()
        times, cpus, kept, count = [], [], [], 0
        for i in range(reps + 1):
            step = 1 if shifts == 0 else -1
            _shift_end(path, table, end_f, fid, step)
            shifts += step
            cpu = time.process_time()
            elapsed, rows = timed(board)
            cpu = (time.process_time() - cpu) * 1000.0
            spent = keep()  # after the answer: the dock's task of its own
            if i:  # the first is the warm-up
                times.append(elapsed)
                cpus.append(cpu)
                kept.extend(spent)
            count = len(rows)
        updated = rows
        new_session(False)
        built = board()
        keep()
        return {"median_ms": round(statistics.median(times), 1), "runs_ms": [round(t, 1) for t in times],
                "cpu_ms": round(statistics.median(cpus), 1), "rows": count, "permit_fid": fid,
                "keep_ms": round(statistics.median(kept), 1) if kept else None,
                "same_as_built": [_row(r) for r in updated] == [_row(r) for r in built]}
    finally:
        if shifts:
            _shift_end(path, table, end_f, fid, -shifts)
        uninstall(path, catalog)
        new_session(False)


def _row(r) -> tuple:
    return (r.rule, r.conflict_class, r.permit_id, r.other_id, r.segment_id, r.start, r.end, r.message, r.key)
