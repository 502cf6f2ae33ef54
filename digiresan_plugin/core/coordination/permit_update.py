"""A kept match table brought up to date after permits changed, instead of built again: when the edit history says
that only permits changed (their dates, parties, geometry, new or deleted ones), those permits are read again with
their segments and near permits, and the rules' rows about them are made again.

Why this equals a build: a pair rule's row depends only on its two permits, their segments and whether they are
near each other; a kept card rule's row only on its segment and the permits on it. So the rows about the changed
permits are made from the changed permits with every permit that can share a row with them (near, on the same
segment, on a segment at the same crossing) and those permits' segments, and every other row stays. The tests
compare the result with a table built from scratch after each kind of change.

The new table is a new object (a board in another thread may be reading the old one).
"""

# ruff: noqa: S608 - table and column names are quoted identifiers from the file's own schema

from __future__ import annotations

import json
import threading
from datetime import date
from sys import intern
from typing import TYPE_CHECKING, Callable, Iterable

from ..identify.gpkg_reader import geometry_from_blob
from ..identify.values import as_date, py_value
from .match_table import Matches
from .model import Conflict, PermitRow, SegmentRow
from .reader import _exemption, _matches
from .stored import StoredTable, quoted

if TYPE_CHECKING:
    from .matches import StoredReader

MAX_UPDATED = 2000  # more changed permits than this: build the table again
_UPDATING = threading.Lock()


class PermitReading:
    """How a permit's row is made from its stored values (the fields the table reads, the rules' filter)."""

    def __init__(self, reader: "StoredReader"):
        spec = reader.spec
        handle = reader.resolve(spec.permits.layer)
        assert handle is not None
        self.spec, self.key, self.names = spec, handle.spec.key, reader.permit_names()
        self.admit = [c for c in reader.admit if handle.has_field(c.field)]
        self.start, self.end, self.applicant, self.utility = (spec.permits.field(r) for r in
                                                              ("start", "end", "applicant", "utility"))

    def pid(self, fid: int, values: dict) -> str:
        return str(py_value(values[self.key]) if self.key else fid)

    def row(self, fid: int, pid: str, values: dict, segments: Iterable[str]) -> PermitRow:
        return PermitRow(
            fid, pid, as_date(values[self.start]), as_date(values[self.end]),
            intern(str(py_value(values[self.applicant]) or "")) if self.applicant else "",
            intern(str(py_value(values[self.utility]) or "")) if self.utility else "",
            tuple(sorted(segments)), all(_matches(values.get(c.field), c) for c in self.admit),
            _exemption(values, self.spec.exemptions))


def _json(fids: Iterable[int]) -> str:
    return json.dumps(sorted({int(f) for f in fids}))


def update_permits(reader: "StoredReader", m: Matches, pt: StoredTable, st: StoredTable, fids: set[int],
                   segment_row: Callable[..., SegmentRow], segment_names: list[str]) -> Matches:
    """The table ``m`` with the permits of feature ids ``fids`` read again (deleted ones gone); the rows about
    them are made again when a board next asks (:func:`rows_after_update`)."""
    spec, d = reader.spec, reader.spec.near_m
    reading = PermitReading(reader)
    old = [p for p in m.permits.values() if p.fid in fids]
    fresh, geometry = [], {}
    for fid, values, blob in pt.by_fids(fids, reading.names, geometry=True):
        fresh.append((fid, reading.pid(fid, values), values))
        geom = geometry_from_blob(blob)
        if geom is not None:
            geometry[fid] = geom
    ids = _json(geometry)
    # their segments: the R-tree, then the distance
    candidates: dict[int, list[int]] = {}
    join = (f"SELECT p.id, s.id FROM {quoted(pt.rtree or '')} AS p JOIN {quoted(st.rtree or '')} AS s "
            "ON s.minx <= p.maxx + ?1 AND s.maxx >= p.minx - ?1 AND s.miny <= p.maxy + ?1 AND s.maxy >= p.miny - ?1 "
            "WHERE p.id IN (SELECT value FROM json_each(?2))")
    for p_fid, s_fid in pt.conn().execute(join, (d, ids)):
        candidates.setdefault(p_fid, []).append(s_fid)
    handle = reader.resolve(spec.segments.layer)
    assert handle is not None
    key, street_f, paved_f = handle.spec.key, spec.segments.field("street"), spec.segments.field("paved")
    seg_rows: dict[int, tuple[SegmentRow, object]] = {}
    for fid, values, blob in st.by_fids({s for found in candidates.values() for s in found}, segment_names,
                                        geometry=True):
        geom = geometry_from_blob(blob)
        if geom is not None:
            seg_rows[fid] = (segment_row(fid, values, key, street_f, paved_f, geom, spec.node_tolerance_m), geom)
    rows = []
    for fid, pid, values in fresh:
        geom = geometry.get(fid)
        found = [seg_rows[s][0] for s in candidates.get(fid, ()) if geom is not None and s in seg_rows
                 and geom.distance(seg_rows[s][1]) <= d]
        rows.append((reading.row(fid, pid, values, [s.id for s in found]), found))
    # the permits near them
    pid_of = {p.fid: p.id for p in m.permits.values() if p.fid not in fids}
    pid_of.update((fid, pid) for fid, pid, _values in fresh)
    pairs: set[tuple[int, int]] = set()
    self_join = (f"SELECT p.id, q.id FROM {quoted(pt.rtree or '')} AS p JOIN {quoted(pt.rtree or '')} AS q "
                 "ON q.minx <= p.maxx + ?1 AND q.maxx >= p.minx - ?1 AND q.miny <= p.maxy + ?1 "
                 "AND q.maxy >= p.miny - ?1 WHERE p.id IN (SELECT value FROM json_each(?2)) AND q.id != p.id")
    for a, b in pt.conn().execute(self_join, (d, ids)):
        pairs.add((min(a, b), max(a, b)))
    others = {f for pair in pairs for f in pair if f not in geometry}
    for fid, _values, blob in pt.by_fids(others, [], geometry=True):
        geom = geometry_from_blob(blob)
        if geom is not None:
            geometry[fid] = geom
    near_added = sorted((pid_of[a], pid_of[b]) for a, b in pairs if a in geometry and b in geometry
                        and a in pid_of and b in pid_of and geometry[a].distance(geometry[b]) <= d)
    return _replaced(m, old, rows, near_added)


def _replaced(m: Matches, old: list[PermitRow], rows: list[tuple[PermitRow, list[SegmentRow]]],
              near_added: list[tuple[str, str]]) -> Matches:
    """A new table: ``old`` permits out, ``rows`` in (with their segments), the near pairs of both replaced."""
    gone = {p.id for p in old}
    changed = gone | {p.id for p, _found in rows}
    permits = {pid: p for pid, p in m.permits.items() if pid not in gone}
    permits.update((p.id, p) for p, _found in rows)
    segments = dict(m.segments)
    for _p, found in rows:
        segments.update((s.id, m.segments.get(s.id, s)) for s in found)
    touched = {sid for p in old for sid in p.segments} | {sid for p, _found in rows for sid in p.segments}
    on_segment = dict(m.on_segment)
    for sid in touched:
        on = [p for p in on_segment.get(sid, ()) if p.id not in gone]
        on.extend(p for p, _found in rows if sid in p.segments)
        if on:
            on_segment[sid] = sorted(on, key=lambda p: p.fid)
        else:
            on_segment.pop(sid, None)
            segments.pop(sid, None)  # no permit on it any more: a build would not have it
    near = [pair for pair in m.near if pair[0] not in changed and pair[1] not in changed] + near_added
    updated = Matches(m.stamp, permits, near, segments, m.plans, m.plan_years, m.paved_days, m.paved_fids,
                      spans=[(p.start or date.min, p.end or date.max, p) for p in permits.values()],
                      on_segment=on_segment)
    updated.pair_rows, updated.kept_rows = dict(m.pair_rows), dict(m.kept_rows)
    updated.pending_permits = m.pending_permits | changed
    updated.pending_segments = m.pending_segments | touched
    updated.key = m.key
    return updated


def rows_after_update(m: Matches, pair_key: tuple, kept_key: tuple,
                      pair_rows: Callable[[dict, dict, list], list[Conflict]],
                      kept_rows: Callable[[SegmentRow, list[PermitRow]], list[Conflict]],
                      sort: Callable[[list[Conflict]], list[Conflict]]) -> None:
    """Bring the kept rows for ``pair_key`` and ``kept_key`` up to date with the permits changed since they were
    made (the table's pending permits and segments); rows kept for other keys are dropped (made when asked)."""
    if not m.pending_permits and not m.pending_segments:
        return
    with _UPDATING:  # two boards on the same table (a refresh while the last one still runs): one updates
        if m.pending_permits or m.pending_segments:
            _update_rows(m, pair_key, kept_key, pair_rows, kept_rows, sort)


def _update_rows(m: Matches, pair_key: tuple, kept_key: tuple,
                 pair_rows: Callable[[dict, dict, list], list[Conflict]],
                 kept_rows: Callable[[SegmentRow, list[PermitRow]], list[Conflict]],
                 sort: Callable[[list[Conflict]], list[Conflict]]) -> None:
    changed, touched = m.pending_permits, m.pending_segments
    pair = m.pair_rows.get(pair_key)
    kept = m.kept_rows.get(kept_key)
    m.pair_rows.clear()
    m.kept_rows.clear()
    m.rows.clear()
    if pair is not None:
        involved = _involved(m, changed)
        permits = {pid: m.permits[pid] for pid in involved}
        segments = {sid: m.segments[sid] for p in permits.values() for sid in p.segments}
        near = [(a, b) for a, b in m.near if a in involved and b in involved]
        made = [r for r in pair_rows(permits, segments, near) if r.permit_id in changed or r.other_id in changed]
        m.pair_rows[pair_key] = sort([r for r in pair if r.permit_id not in changed and r.other_id not in changed]
                                     + made)
    if kept is not None:
        made = [r for sid in sorted(touched) if sid in m.segments
                for r in kept_rows(m.segments[sid], m.on_segment.get(sid, []))]
        m.kept_rows[kept_key] = sort([r for r in kept if r.segment_id not in touched] + made)
    m.pending_permits, m.pending_segments = frozenset(), frozenset()
    m.saved = None  # the profile's file holds the rows before the change


def _involved(m: Matches, changed: frozenset) -> set[str]:
    """The changed permits still there and every permit that can share a pair row with one: near it, on one of
    its segments or on a segment at one of their end nodes."""
    involved = {pid for pid in changed if pid in m.permits}
    for a, b in m.near:
        if a in changed or b in changed:
            involved.update(x for x in (a, b) if x in m.permits)
    by_node: dict[object, list[str]] = {}
    for seg in m.segments.values():
        for node in seg.nodes:
            by_node.setdefault(node, []).append(seg.id)
    reached = {sid for pid in changed if pid in m.permits for sid in m.permits[pid].segments}
    for sid in list(reached):
        for node in m.segments[sid].nodes if sid in m.segments else ():
            reached.update(by_node.get(node, ()))
    for sid in reached:
        involved.update(p.id for p in m.on_segment.get(sid, ()))
    return involved

