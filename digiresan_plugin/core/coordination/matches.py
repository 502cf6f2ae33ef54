"""The stored permit–segment match table of a GeoPackage twin: every permit with the segments within the near
distance, the permits near each other, the permit-bearing segments with their end nodes, the paving plan and the
segments by paving date — read once through SQLite (R-tree bound queries, :mod:`.stored`) and kept per file, so
a board for a date window only touches the permits in that window. Freshness is checked per input table: while
the file's change stamp is the same the table is current; when it changed (any committed write), the stamps of
the tables the matches are read from (permits, road segments, paving plan: the columns read and the geometry,
:func:`.stored.table_stamp`) decide — a note, an inspection or another column keeps the table, a permit's dates
or geometry or a segment builds it again. Where the twin's edit history covers those tables, the history rows
written since the table was built decide instead, without scanning the inputs (:mod:`.history_stamp`). The
plugin's own write of a handling note skips even that check (:func:`carry_over`).

:class:`StoredReader` answers None where the twin is not such a file (another provider, a layer in edit mode,
a layer CRS other than the metric one): the board then reads through QGIS (:mod:`.reader`)."""

from __future__ import annotations

import os
import threading
from array import array
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import partial
from sys import intern
from typing import Callable, Optional

from qgis.core import QgsGeometry

from ..identify.gpkg_reader import geometry_from_blob
from ..identify.handles import LayerHandle, Metric
from ..identify.specs import Condition
from ..identify.values import as_date, as_int, py_value
from ..long_lived import making_long_lived
from . import persisted
from .config import CoordinationSpec
from .history_stamp import Watched, history_state, touched_since
from .lifecycle import paving_date
from .match_table import Matches
from .model import PermitRow, SegmentRow, Window, add_months
from .permit_update import MAX_UPDATED, PermitReading, update_permits
from .reader import Network, Progress, _fields, reach
from .stored import StoredGeometries, StoredTable, file_stamp, last_changes, quoted, table_stamp

_CACHE: dict[tuple, Matches] = {}
_LOCK = threading.Lock()
MAX_KEPT = 2  # match tables kept (twins switched back and forth)
_JD_ORDINAL = 1721424.5  # julianday(d) - this = d.toordinal()


def only_one_commit(before: tuple, after: tuple) -> bool:
    """Whether exactly one write transaction was committed to a file between its stamps ``before`` and ``after``
    (:func:`.stored.file_stamp`): the same file (device, inode), no WAL file, and SQLite's change counter one up
    (a rollback-journal database bumps it once per committed write; in WAL mode it does not, so: no)."""
    if before[:2] != after[:2] or before[5:] != (None, None) or after[5:] != (None, None):
        return False
    return int.from_bytes(after[4], "big") == int.from_bytes(before[4], "big") + 1


def carry_over(path: str, before: tuple, after: tuple) -> int:
    """After a write of our own to ``path`` that changed none of the match tables' inputs (a handling note), the
    tables that were current at stamp ``before`` are current at ``after`` — when that write was the file's only
    commit in between (:func:`only_one_commit`). Returns how many tables were carried over."""
    if not only_one_commit(before, after):
        return 0
    target = os.path.realpath(path)
    carried = 0
    with _LOCK:
        for key, found in _CACHE.items():
            paths = sorted({t[0] for t in key[:3] if t})
            stamps = list(found.stamp)
            for i, one in enumerate(paths):
                if i < len(stamps) and os.path.realpath(one) == target and stamps[i] == before:
                    stamps[i] = after
                    carried += 1
            found.stamp = tuple(stamps)
    return carried


class StoredReader:
    """The board's reads of a GeoPackage twin through the match table (None from :meth:`matches`: not possible)."""

    def __init__(self, spec: CoordinationSpec, resolve: Callable[[str], Optional[LayerHandle]], metric: Metric,
                 admit: tuple[Condition, ...] = (), history: Optional[str] = None):
        """``history``: the twin's edit history table (catalog ``history``), which can tell what changed."""
        self.spec, self.resolve, self.metric, self.admit = spec, resolve, metric, admit
        self.history = history

    def _tables(self) -> Optional[tuple[StoredTable, StoredTable, Optional[StoredTable]]]:
        spec = self.spec
        permits = StoredTable.of(self.resolve(spec.permits.layer), self.metric)
        seg_handle = self.resolve(spec.segments.layer)
        segments = StoredTable.of(seg_handle, self.metric)
        if permits is None or segments is None or seg_handle is None or not seg_handle.spec.key:
            return None
        plan_handle = self.resolve(spec.paving_plan.layer) if spec.paving_plan else None
        plans = StoredTable.of(plan_handle, self.metric, spatial=False) if plan_handle is not None else None
        if plan_handle is not None and plans is None:
            return None
        return permits, segments, plans

    def matches(self, progress: Progress = None) -> Optional[tuple[Matches, tuple]]:
        """The match table (built when missing or stale) and the tables, or None (read through QGIS)."""
        tables = self._tables()
        if tables is None:
            return None
        try:
            stamp = tuple(file_stamp(p) for p in sorted({t.path for t in tables if t is not None}))
        except OSError:
            return None
        key = tuple((t.path, t.table) if t else None for t in tables) + (repr(self.spec), repr(self.admit))
        with _LOCK:
            found = _CACHE.get(key)
        if found is not None and found.stamp == stamp:
            return found, tables
        watched = self._watched(*tables)
        conn = tables[0].conn()
        if found is None:  # kept from an earlier session?
            found = persisted.load(self._disk_key(tables, key), stamp, tables, self.history, watched,
                                   self.spec.exemptions)
            if found is not None and found.stamp == stamp:
                return _remember(key, found), tables
        changed, state = None, None
        if found is not None and watched:  # the file was written: the edit history tells what, when it can
            touched, state = touched_since(conn, self.history, watched, found.history)
            changed = None if touched is None else bool(touched)
            if touched is not None and set(touched) <= {self.spec.permits.layer}:
                fids = touched.get(self.spec.permits.layer, set())
                if len(fids) <= MAX_UPDATED:
                    if fids:  # only permits changed: those read again, not the whole table
                        with making_long_lived():
                            found = self._updated(found, tables, fids)
                    found.stamp, found.history, found.changes = stamp, state, last_changes(tables)
                    found.inputs = None
                    return _remember(key, found), tables
        if state is None and watched:
            state = history_state(conn, self.history, watched)  # taken before the read: no later write missed
        # the inputs' stamps (a scan of every input row) only where the history cannot tell
        inputs = self._input_stamps(*tables) if changed is None and (state is None or found is not None) else None
        if found is not None and inputs is not None and found.inputs == inputs:  # a write elsewhere in the file
            found.stamp, found.history, found.changes = stamp, state, last_changes(tables)
            return _remember(key, found), tables
        changes = last_changes(tables)
        with making_long_lived():  # the table stays for the session
            built = self._build(stamp, *tables, progress=progress)
        built.inputs, built.history, built.changes = inputs, state, changes
        built.key = self._disk_key(tables, key)
        return _remember(key, built), tables

    def _updated(self, m: Matches, tables: tuple, fids: set[int]) -> Matches:
        """``m`` after the permits ``fids`` changed (:mod:`.permit_update`)."""
        s_handle = self.resolve(self.spec.segments.layer)
        assert s_handle is not None
        return update_permits(self, m, tables[0], tables[1], fids, segment_row,
                              _fields(s_handle, self.spec.segments, s_handle.spec.key))

    def keep(self, m: Matches, kept_day: date) -> None:
        """Keep the table in the profile for the next session (:func:`.persisted.keep`)."""
        persisted.keep(m, self.spec.exemptions, kept_day)

    def _disk_key(self, tables: tuple, key: tuple) -> str:
        """The key of the table's file in the profile: the tables (real paths), the spec and the history."""
        paths = tuple((os.path.realpath(t.path), t.table) if t else None for t in tables)
        return repr((paths, key[len(tables):], self.history))

    def _inputs(self, pt: StoredTable, st: StoredTable,
                plan_t: Optional[StoredTable]) -> list[tuple[str, StoredTable, list[str], bool]]:
        """What :meth:`_build` reads: (layer id, table, fields, with the geometry) of the permits, the segments and
        the paving plan."""
        spec = self.spec
        s_handle = self.resolve(spec.segments.layer)
        assert s_handle is not None
        parts = [(spec.permits.layer, pt, self.permit_names(), True),
                 (spec.segments.layer, st, _fields(s_handle, spec.segments, s_handle.spec.key), True)]
        if plan_t is not None and spec.paving_plan is not None:
            plan_handle = self.resolve(spec.paving_plan.layer)
            assert plan_handle is not None
            parts.append((spec.paving_plan.layer, plan_t, _fields(plan_handle, spec.paving_plan, None), False))
        return parts

    def _input_stamps(self, *tables: Optional[StoredTable]) -> tuple:
        """The stamps of what :meth:`_build` reads (a scan of each input table)."""
        return tuple(table_stamp(t, names, geometry=geometry) for _layer, t, names, geometry in self._inputs(*tables))

    def _watched(self, *tables: Optional[StoredTable]) -> Optional[list[Watched]]:
        """What :meth:`_build` reads, for the edit history; None when the tables are not in one file."""
        if len({t.path for t in tables if t is not None}) != 1:
            return None
        return [Watched(layer, t.table, frozenset([t.columns[n] for n in names]
                                                  + ([t.geometry] if geometry and t.geometry else [])))
                for layer, t, names, geometry in self._inputs(*tables)]

    def permit_names(self) -> list[str]:
        """The permit fields the table is built from (the rules' fields, admit conditions', exemptions')."""
        p_handle = self.resolve(self.spec.permits.layer)
        assert p_handle is not None
        p_names = _fields(p_handle, self.spec.permits, p_handle.spec.key)
        extra = [n for n in {c.field for c in self.admit} | {e.field for e in self.spec.exemptions}
                 if p_handle.has_field(n)]
        return list(dict.fromkeys(p_names + sorted(extra)))

    # -- the table ------------------------------------------------------------------------------------------------
    def _build(self, stamp: tuple, pt: StoredTable, st: StoredTable, plan_t: Optional[StoredTable],
               progress: Progress = None) -> Matches:
        spec, d = self.spec, self.spec.near_m
        p_handle, s_handle = self.resolve(spec.permits.layer), self.resolve(spec.segments.layer)
        assert p_handle is not None and s_handle is not None
        seg_names = _fields(s_handle, spec.segments, s_handle.spec.key)
        reading = PermitReading(self)
        rows: list[tuple] = []
        geometry: dict[int, QgsGeometry] = {}
        for fid, values, blob in pt.rows(reading.names, geometry=True):
            pid = reading.pid(fid, values)
            geom = geometry_from_blob(blob)
            if geom is not None:
                geometry[fid] = geom
            rows.append((fid, pid, values))
        if progress is not None and progress(10.0) is False:
            raise InterruptedError
        segment_of: dict[int, list[int]] = {}
        candidates: set[int] = set()
        join = (f"SELECT p.id, s.id FROM {quoted(pt.rtree or '')} AS p JOIN {quoted(st.rtree or '')} AS s "  # noqa: S608
                "ON s.minx <= p.maxx + ?1 AND s.maxx >= p.minx - ?1 AND s.miny <= p.maxy + ?1 "
                "AND s.maxy >= p.miny - ?1")
        for p_fid, s_fid in pt.conn().execute(join, (d,)):
            if p_fid in geometry:
                segment_of.setdefault(p_fid, []).append(s_fid)
                candidates.add(s_fid)
        seg_geometry: dict[int, QgsGeometry] = {}
        seg_values: dict[int, dict] = {}
        for fid, values, blob in st.by_fids(candidates, seg_names, geometry=True):
            geom = geometry_from_blob(blob)
            if geom is not None:
                seg_geometry[fid] = geom
                seg_values[fid] = values
        if progress is not None and progress(30.0) is False:
            raise InterruptedError
        seg_key, street_f, paved_f = s_handle.spec.key, spec.segments.field("street"), spec.segments.field("paved")
        segments: dict[str, SegmentRow] = {}
        sid_of: dict[int, str] = {}

        def segment(fid: int) -> str:
            if fid not in sid_of:
                row = segment_row(fid, seg_values[fid], seg_key, street_f, paved_f, seg_geometry[fid],
                                  spec.node_tolerance_m)
                sid_of[fid] = row.id
                segments[row.id] = row
            return sid_of[fid]

        permits: dict[str, PermitRow] = {}
        for fid, pid, values in rows:
            geom = geometry.get(fid)
            found = []
            if geom is not None:
                found = [segment(s) for s in segment_of.get(fid, ()) if s in seg_geometry
                         and geom.distance(seg_geometry[s]) <= d]
            permits[pid] = reading.row(fid, pid, values, found)
        if progress is not None and progress(45.0) is False:
            raise InterruptedError
        pid_of = {fid: pid for fid, pid, _values in rows}
        near = []
        self_join = (f"SELECT p.id, q.id FROM {quoted(pt.rtree or '')} AS p JOIN {quoted(pt.rtree or '')} AS q "  # noqa: S608
                     "ON q.minx <= p.maxx + ?1 AND q.maxx >= p.minx - ?1 AND q.miny <= p.maxy + ?1 "
                     "AND q.maxy >= p.miny - ?1 WHERE q.id > p.id")
        for a, b in pt.conn().execute(self_join, (d,)):
            if a in geometry and b in geometry and geometry[a].distance(geometry[b]) <= d:
                near.append((pid_of[a], pid_of[b]))
        plans, plan_years = self._plans(plan_t, st, s_handle)
        days, fids = self._paved(st, paved_f)
        return Matches(stamp, permits, near, segments, plans, plan_years, days, fids)

    def _plans(self, plan_t: Optional[StoredTable], st: StoredTable, s_handle: LayerHandle):
        part = self.spec.paving_plan
        plans: dict[str, list] = {}
        years: dict[int, list[str]] = {}
        if part is None or plan_t is None:
            return plans, years
        handle = self.resolve(part.layer)
        assert handle is not None
        names = _fields(handle, part, None)
        seg_f, year_f, treatment = part.field("segment"), part.field("year"), part.field("treatment")
        exists = (f"{quoted(plan_t.columns[seg_f])} IN (SELECT {quoted(st.columns[s_handle.spec.key])} "  # noqa: S608
                  f"FROM {quoted(st.table)})") if plan_t.path == st.path else ""
        for _fid, values, _blob in plan_t.rows(names, where=exists):
            sid = str(py_value(values[seg_f]))
            year = as_int(values[year_f])
            kind = py_value(values[treatment]) if treatment else None
            plans.setdefault(sid, []).append((year, intern(kind) if isinstance(kind, str) else kind))
            if year is not None:
                years.setdefault(year, []).append(sid)
        return plans, years

    @staticmethod
    def _paved(st: StoredTable, paved_f: str) -> tuple[array, array]:
        """Every segment's paving day (ordinal) with its feature id, by day: where the moratorium rows are."""
        column = quoted(st.columns[paved_f])
        sql = (f"SELECT day, {quoted(st.pk)} FROM (SELECT CAST(julianday(substr({column}, 1, 10)) - ? AS INTEGER) "  # noqa: S608
               f"AS day, {quoted(st.pk)} FROM {quoted(st.table)}) WHERE day IS NOT NULL ORDER BY day")
        rows = st.conn().execute(sql, (_JD_ORDINAL,)).fetchall()
        return array("i", [r[0] for r in rows]), array("q", [r[1] for r in rows])

    # -- one window -----------------------------------------------------------------------------------------------
    def network(self, m: Matches, tables: tuple, window: Window, as_of: date, notice_months: int,
                moratorium_years: int) -> tuple[Network, set[str]]:
        """The window's network (its permits, their segments and the segments its lifecycle rows may be about) and
        those lifecycle segments."""
        spec = self.spec
        span = reach(spec, window)
        lo_day, hi_day = span.start or date.min, span.end or date.max
        net = Network()
        net.permits = {p.id: p for lo, hi, p in m.spans if lo <= hi_day and hi >= lo_day}
        net.near = [(a, b) for a, b in m.near if a in net.permits and b in net.permits]
        segments = {sid: m.segments[sid] for p in net.permits.values() for sid in p.segments}
        wanted: set[str] = set()
        if spec.rule("dig_notice") is not None and notice_months > 0:
            for year, sids in m.plan_years.items():
                paving = paving_date(year, spec)
                if paving > as_of and window.touches(add_months(paving, -notice_months), paving - timedelta(days=1)):
                    wanted.update(sids)
        fids: list[int] = []
        if spec.rule("moratorium_in_force") is not None and moratorium_years > 0:
            if window.full:
                lo, hi = as_of.toordinal() - 366 * moratorium_years - 2, None
            else:
                lo = window.start.toordinal() - 1 if window.start else None
                hi = window.end.toordinal() + 1 if window.end else None
            first = bisect_left(m.paved_days, lo) if lo is not None else 0
            last = bisect_right(m.paved_days, hi) if hi is not None else len(m.paved_days)
            fids = list(m.paved_fids[first:last])
        _, st, _ = tables
        lifecycle = {s for s in wanted if s in segments}
        lifecycle |= self._add_segments(m, st, segments, [s for s in wanted if s not in segments], fids)
        net.segments = segments
        net.plans = {sid: m.plans[sid] for sid in segments if sid in m.plans}
        net.permit_geometry = StoredGeometries(tables[0], lambda k: p.fid if (p := m.permits.get(k)) else None)
        net.segment_geometry = StoredGeometries(st, lambda k: s.fid if (s := net.segments.get(k)) else None)
        net.street_lookup = partial(self._street, m, st)  # no cycle through the network: freed when dropped
        return net, lifecycle

    def _add_segments(self, m: Matches, st: StoredTable, segments: dict[str, SegmentRow], keys: list[str],
                      fids: list[int], where: str = "", params: tuple = ()) -> set[str]:
        """Read these segments (by key, feature id or a condition) into ``segments``; their ids."""
        handle = self.resolve(self.spec.segments.layer)
        assert handle is not None
        key, street_f, paved_f = handle.spec.key, self.spec.segments.field("street"), self.spec.segments.field("paved")
        names = _fields(handle, self.spec.segments, key)
        reads = []
        if fids:
            reads.append(st.by_fids(fids, names))
        if keys:
            in_keys = f"{quoted(st.columns[key])} IN (SELECT value FROM json_each(?))"  # noqa: S608 - schema names
            reads.append(st.rows(names, where=in_keys, params=(_json(keys),)))
        if where:
            reads.append(st.rows(names, where=where, params=params))
        found = set()
        for rows in reads:
            for fid, values, _blob in rows:
                row = segment_row(fid, values, key, street_f, paved_f, None, 0.0)
                found.add(row.id)
                if row.id not in segments:
                    segments[row.id] = m.segments.get(row.id, row)
        return found

    def _street(self, m: Matches, st: StoredTable, net: Network, street: str) -> None:
        handle = self.resolve(self.spec.segments.layer)
        street_f = self.spec.segments.field("street")
        if handle is None or not street_f:
            return
        column, key = quoted(st.columns[street_f]), quoted(st.columns[handle.spec.key])
        before = set(net.segments)
        self._add_segments(m, st, net.segments, [], [], f"{column} = ? OR ({column} IS NULL AND {key} = ?)",
                           (street, street))
        for sid in set(net.segments) - before:
            if sid in m.plans:
                net.plans[sid] = m.plans[sid]


def _remember(key: tuple, m: Matches) -> Matches:
    with _LOCK:
        _CACHE.pop(key, None)
        while len(_CACHE) >= MAX_KEPT:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = m
    return m


def _json(keys: list[str]) -> str:
    import json

    return json.dumps(sorted(keys), ensure_ascii=False)


def segment_row(fid: int, values: dict, key: str, street_f: Optional[str], paved_f: str,
                geom: Optional[QgsGeometry], tol: float) -> SegmentRow:
    """A segment as :class:`.reader.NetworkReader` reads it (end nodes snapped to ``tol`` when ``geom`` is given)."""
    sid = str(py_value(values[key]))
    nodes: tuple = ()
    if geom is not None and not geom.isNull():
        count = geom.constGet().nCoordinates()
        if count:
            a, b = geom.vertexAt(0), geom.vertexAt(count - 1)
            nodes = tuple(dict.fromkeys(((round(a.x() / tol), round(a.y() / tol)),
                                         (round(b.x() / tol), round(b.y() / tol)))))
    street = py_value(values[street_f]) if street_f else None
    return SegmentRow(fid, sid, intern(str(street or sid)), as_date(values[paved_f]), nodes)


def forget() -> None:
    """Drop the kept match tables (the next board builds its table again)."""
    with _LOCK:
        _CACHE.clear()
