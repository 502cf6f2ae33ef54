"""Whether a kept match table's inputs changed, told by the twin's edit history instead of a scan of every input row.

When another program writes the twin file, :func:`.stored.table_stamp` scans the permits, the road segments and the
paving plan (a checksum of the columns read: ~2.3 s at 10^6 segments). A GeoPackage the plugin prepared records
every insert, delete and change of a catalog field or the geometry in its history table, by triggers that fire for
any writer (:mod:`..gpkg_triggers`). So the history rows written since the table was built say whether its inputs
changed: only those rows are read.

The history vouches only while it is whole for those tables: each has its three history triggers, the update
trigger compares every column read, and neither the triggers nor the table were created again since (their entries
in ``sqlite_master`` and the table's root page are part of the state), and the history row at the state's position
is still the one it was (a copy of the twin that went its own way since has other rows there). Anything else
answers None: scan.
"""

# ruff: noqa: S608 - table and column names are quoted identifiers from the file's own schema and the catalog

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Optional, Sequence

from ..gpkg_triggers import PREFIX
from .stored import quoted

HistoryState = tuple  # (the history's largest row id, the watched tables' schema entries, that row)


@dataclass(frozen=True)
class Watched:
    """A table the match table reads: its catalog layer id (the history's ``layer``), table and columns read."""

    layer: str
    table: str
    columns: frozenset[str]


def history_state(conn: sqlite3.Connection, history: Optional[str],
                  watched: Sequence[Watched]) -> Optional[HistoryState]:
    """The history's position and the watched tables' schema entries; None when the history cannot vouch."""
    if not history:
        return None
    entries = []
    try:
        for w in watched:
            names = [f"{PREFIX}history_{w.table}_{action}" for action in ("insert", "update", "delete")]
            found = {name: (rowid, sql) for name, rowid, sql in conn.execute(
                "SELECT name, rowid, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                "AND name IN (?, ?, ?)", (w.table, *names))}
            if len(found) != 3:
                return None
            update_sql = found[names[1]][1] or ""
            if any(f"OLD.{quoted(c)} IS NOT NEW.{quoted(c)}" not in update_sql for c in w.columns):
                return None  # a column read whose changes the history does not record
            root = conn.execute("SELECT rootpage, rowid FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (w.table,)).fetchone()
            entries.append((w.table, root, tuple(sorted(found.items()))))
        mark = int(conn.execute(f"SELECT max(rowid) FROM {quoted(history)}").fetchone()[0] or 0)
        row = _row_at(conn, history, mark)
    except sqlite3.Error:
        return None
    return (mark, tuple(entries), row)


def _row_at(conn: sqlite3.Connection, history: str, rowid: int) -> Optional[tuple]:
    found = conn.execute(f"SELECT * FROM {quoted(history)} WHERE rowid = ?", (rowid,)).fetchone()
    return tuple(found) if found is not None else None


def changed_since(conn: sqlite3.Connection, history: Optional[str], watched: Sequence[Watched],
                  state: Optional[HistoryState]) -> tuple[Optional[bool], Optional[HistoryState]]:
    """(whether a history row since ``state`` touches a watched table's inserts, deletes or columns read, the
    history's state now); ``(None, None)`` when the history cannot tell (then scan)."""
    touched, now = touched_since(conn, history, watched, state)
    return (None, None) if touched is None else (bool(touched), now)


def touched_since(conn: sqlite3.Connection, history: Optional[str], watched: Sequence[Watched],
                  state: Optional[HistoryState]) -> tuple[Optional[dict[str, set[int]]], Optional[HistoryState]]:
    """(watched layer id -> the feature ids whose inserts, deletes or columns read the history rows since
    ``state`` record, only layers with such rows; the history's state now); ``(None, None)`` when the history
    cannot tell (then scan)."""
    if state is None:
        return None, None
    now = history_state(conn, history, watched)
    if now is None or now[1] != state[1] or now[0] < state[0]:
        return None, None
    if now[0] == state[0]:
        return ({}, now) if now[2] == state[2] else (None, None)
    by_layer = {w.layer: w for w in watched}
    marks = ", ".join("?" for _ in by_layer)
    try:
        if _row_at(conn, history, state[0]) != state[2]:
            return None, None
        rows = conn.execute(
            f"SELECT DISTINCT layer, feature_fid, field, action FROM {quoted(history)} WHERE rowid > ? "
            f"AND rowid <= ? AND layer IN ({marks})", (state[0], now[0], *by_layer)).fetchall()
    except sqlite3.Error:
        return None, None
    touched: dict[str, set[int]] = {}
    for layer, fid, field, action in rows:
        if action != "update" or field is None or field in by_layer[layer].columns:
            if fid is None:
                return None, None  # a change the history cannot place
            touched.setdefault(layer, set()).add(int(fid))
    return touched, now
