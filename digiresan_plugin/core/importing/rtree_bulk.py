"""Build a GeoPackage's R-tree (an SQLite ``rtree`` virtual table) in one go from all its entries, as GDAL does
after a bulk load: entries packed into nodes by Sort-Tile-Recursive, the nodes written straight into the
table's shadow tables (``_node``, ``_parent``, ``_rowid``) in SQLite's own format. Inserting entry by entry
through the virtual table costs ~25 µs each; this costs a few.

SQLite's node format: 2 bytes tree depth (root only), 2 bytes cell count, then cells of an 8-byte id (a rowid in
a leaf, a child node number above) and the box as 4-byte floats (min x, max x, min y, max y), all big-endian,
the floats rounded outwards; every node is as long as the root already is. The root is node 1.
``SELECT rtreecheck(...)`` verifies the result (the tests do).
"""
# ruff: noqa: S608 - the R-tree's name is the GeoPackage's own (quoted)

from __future__ import annotations

import math
import sqlite3

import numpy as np

SLICE = 100_000
_CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _outward(lows: np.ndarray, highs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Float32 bounds that contain the float64 ones (as SQLite rounds them)."""
    low, high = lows.astype(np.float32), highs.astype(np.float32)
    down = low.astype(np.float64) > lows
    low[down] = np.nextafter(low[down], np.float32(-np.inf))
    up = high.astype(np.float64) < highs
    high[up] = np.nextafter(high[up], np.float32(np.inf))
    return low, high


def _str_order(cells: np.ndarray, per: int) -> np.ndarray:
    """Sort-Tile-Recursive: vertical slices by centre x, each sorted by centre y."""
    n = len(cells)
    if n <= per:
        return cells
    cx = cells["minx"].astype(np.float64) + cells["maxx"]
    cy = cells["miny"].astype(np.float64) + cells["maxy"]
    by_x = np.argsort(cx, kind="stable")
    slices = math.ceil(math.sqrt(math.ceil(n / per)))
    size = per * math.ceil(math.ceil(n / per) / slices)
    order = np.concatenate([part[np.argsort(cy[part], kind="stable")] for part in
                            (by_x[i:i + size] for i in range(0, n, size))])
    return cells[order]


def rebuild(conn: sqlite3.Connection, rtree: str, ids: np.ndarray, minx: np.ndarray, maxx: np.ndarray,
            miny: np.ndarray, maxy: np.ndarray) -> None:
    """Replace the whole content of ``rtree`` with these entries (inside the caller's transaction)."""
    node_size = conn.execute(f"SELECT length(data) FROM {q(rtree + '_node')} WHERE nodeno = 1").fetchone()[0]
    per = (node_size - 4) // _CELL.itemsize
    cells = np.empty(len(ids), dtype=_CELL)
    cells["id"] = ids
    cells["minx"], cells["maxx"] = _outward(np.asarray(minx, np.float64), np.asarray(maxx, np.float64))
    cells["miny"], cells["maxy"] = _outward(np.asarray(miny, np.float64), np.asarray(maxy, np.float64))
    levels = [_str_order(cells, per)]  # each level: its cells in node order, ``per`` to a node
    while len(levels[-1]) > per:
        below = levels[-1]
        starts = np.arange(0, len(below), per)
        boxes = np.empty(len(starts), dtype=_CELL)
        boxes["id"] = np.arange(len(starts))  # the node below, by its place in its level (numbered later)
        for name, reduce in (("minx", np.minimum), ("maxx", np.maximum), ("miny", np.minimum),
                             ("maxy", np.maximum)):
            boxes[name] = reduce.reduceat(below[name], starts)
        levels.append(_str_order(boxes, per))
    counts = [max(1, math.ceil(len(level) / per)) for level in levels]
    first = [1 + sum(counts[d + 1:]) for d in range(len(levels))]  # node numbers: the root 1, then downwards
    height = len(levels) - 1
    nodes = []
    for depth, level in enumerate(levels):
        if depth > 0:
            level = level.copy()
            level["id"] = level["id"] + first[depth - 1]
        for index in range(counts[depth]):
            group = level[index * per:(index + 1) * per]
            number = first[depth] + index
            body = ((height if number == 1 else 0).to_bytes(2, "big") + len(group).to_bytes(2, "big")
                    + group.tobytes())
            nodes.append((number, body + bytes(node_size - len(body))))
    def owners(depth: int) -> list[int]:
        return (first[depth] + np.arange(len(levels[depth])) // per).tolist()
    for suffix in ("_node", "_parent", "_rowid"):
        conn.execute(f"DELETE FROM {q(rtree + suffix)}")
    conn.executemany(f"INSERT INTO {q(rtree + '_node')} (nodeno, data) VALUES (?, ?)", nodes)
    for depth in range(1, len(levels)):
        children = (levels[depth]["id"].astype(np.int64) + first[depth - 1]).tolist()
        conn.executemany(f"INSERT INTO {q(rtree + '_parent')} (nodeno, parentnode) VALUES (?, ?)",
                         zip(children, owners(depth)))
    rowids, leaf_of = levels[0]["id"].astype(np.int64), first[0] + np.arange(len(levels[0])) // per
    for at in range(0, len(rowids), SLICE):  # in slices: the Python ints of one slice at a time
        conn.executemany(f"INSERT INTO {q(rtree + '_rowid')} (rowid, nodeno) VALUES (?, ?)",
                         zip(rowids[at:at + SLICE].tolist(), leaf_of[at:at + SLICE].tolist()))
