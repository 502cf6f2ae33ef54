"""The coordination board over the whole network: reads the twin once (:mod:`.reader`), runs the kept card rules,
the conflict classes and the dig-ban lifecycle, and answers sorted rows for a date window (both sides open: the
full network). Settings are read when the board is built (main thread); :meth:`Board.conflicts` is safe in a
task on snapshot handles."""

from __future__ import annotations

import heapq
from datetime import date
from typing import Any, Callable, Iterable, Mapping, Optional

from .. import settings
from ..identify.engine import TwinEngine
from ..identify.values import as_int
from ..long_lived import making_long_lived
from ..maintenance_spec import maintenance_spec
from ..read_faults import TwinReadError, raise_on_faults, watch_reads
from ..tr import tr
from .classes import pair_conflicts
from .config import CoordinationSpec, parse_coordination
from .kept import kept_conflicts, kept_rules
from .lifecycle import dig_notice, moratorium_in_force
from .matches import Matches, StoredReader
from .model import Conflict, PermitRow, Window, dates_shown_as, day_format_key
from .notes import NotesStore
from .permit_update import rows_after_update
from .reader import Network, NetworkReader, Progress, ReadError
from .work_window import WorkWindow, work_window

SEVERITY_ORDER = {"warning": 0, "info": 1}


class BoardError(RuntimeError):
    """The catalog has no ``coordination`` key or the twin lacks what the board reads."""


def _setting(key: Optional[str], values: dict[str, Any], default: int) -> int:
    if not key:
        return default
    value = values.get(key)
    if value is None:
        value = settings.get(key, default)
    number = as_int(value)
    return default if number is None else number


class Board:
    """Conflicts of the whole network for a window, for one engine (catalog, layers, language, today)."""

    def __init__(self, engine: TwinEngine, setting_values: Optional[dict[str, Any]] = None,
                 as_of: Optional[date] = None):
        config = engine.config
        spec = parse_coordination(engine.catalog, config.relations)
        if spec is None:
            raise BoardError(tr("{path}: the catalog has no 'coordination' key").format(path=engine.catalog.path))
        self.spec: CoordinationSpec = spec
        self.engine = engine
        self.language = engine.language
        self.as_of = as_of or engine.today
        values = setting_values or {}
        self.notice_months = _setting(spec.notice_setting, values, spec.notice_months_default)
        self.window_hours = _setting(spec.window_setting, values, spec.window_hours_default)
        self.years = dict(engine.setup.years)
        self.rules = kept_rules(spec, config.warnings, config.relations)
        admit = config.relations[self.rules[0].permits].where if self.rules else ()
        self.reader = NetworkReader(spec, engine.layer_handle, engine.metric, admit)
        self.stored = StoredReader(spec, engine.layer_handle, engine.metric, admit,
                                   maintenance_spec(engine.catalog).history.table)
        self.network: Optional[Network] = None
        self.last_rows: list[Conflict] = []
        self.notes: Optional[NotesStore] = None  # the handling notes (set by the caller that knows the source)
        self.keep_now = True  # False: the profile's file is written by :meth:`keep_for_next_session`, later
        self._unkept: Optional[Matches] = None

    def rule_titles(self) -> dict[str, str]:
        """Rule id -> title in the board's language: the card's kept rules, then the coordination rules."""
        titles = {r.id: r.title.text(self.language) for r in self.rules}
        titles.update((r.id, r.title.text(self.language)) for r in self.spec.rules)
        return titles

    def permits_by_fid(self) -> dict[int, PermitRow]:
        """The permits the last :meth:`conflicts` read, by feature id (for the party filters)."""
        return {p.fid: p for p in self.network.permits.values()} if self.network is not None else {}

    def moratorium_years(self) -> int:
        rule = next((r for r in self.rules if r.kind == "moratorium"), None)
        return self.years.get(rule.id, rule.years_default) if rule else 0

    def conflicts(self, window: Window, progress: Progress = None) -> list[Conflict]:
        """Every row whose period touches ``window``, by start, severity, rule, permit."""
        try:
            # messages date as the card does (ISO in Processing); a read the provider failed is a fault, not rows
            with dates_shown_as(self.engine.setup.day), watch_reads() as faults:
                stored = self.stored.matches(progress)
                if stored is not None:
                    self.last_rows = self._from_matches(*stored, window)
                else:
                    self.last_rows = sort_rows(self._from_layers(window, progress))
                raise_on_faults(faults)
        except (ReadError, TwinReadError) as exc:
            self.last_rows = []
            raise BoardError(str(exc)) from exc
        except InterruptedError:
            self.last_rows = []
        return self.last_rows

    def _from_layers(self, window: Window, progress: Progress) -> list[Conflict]:
        """Everything read through QGIS (a twin that is not a plain GeoPackage in the metric CRS)."""
        net = self.reader.read(window, progress)
        self.network = net
        out = pair_conflicts(self.spec, net.permits, net.segments, net.near, window, self.language)
        on_segment = _on_segment(net.permits.values())
        years = self.moratorium_years()
        total = max(1, len(net.segments))
        for n, (sid, seg) in enumerate(sorted(net.segments.items())):
            if progress is not None and n % 5000 == 0 and progress(60.0 + 40.0 * n / total) is False:
                break
            permits = on_segment.get(sid, [])
            plans = net.plans.get(sid, [])
            out.extend(kept_conflicts(self.spec, self.rules, self.years, seg, permits, plans, self.as_of, window,
                                      self.language))
            out.extend(dig_notice(self.spec, seg, plans, permits, self.notice_months, self.as_of, window,
                                  self.language))
            out.extend(moratorium_in_force(self.spec, seg, years, self.as_of, window, self.language))
        return out

    def _from_matches(self, matches: Matches, tables: tuple, window: Window) -> list[Conflict]:
        """The rows of the stored match table, sorted: the pair and kept rules' rows over every permit (kept with
        the table, in order) whose period touches the window and whose permits the window reads, merged with the
        window's lifecycle rows (as :func:`sort_rows` orders them)."""
        years = self.moratorium_years()
        net, lifecycle = self.stored.network(matches, tables, window, self.as_of, self.notice_months, years)
        self.network = net
        ok = net.permits
        lo_day, hi_day = window.start or date.min, window.end or date.max
        out = [r for lo, hi, a, b, r in self._all_rows(matches) if lo <= hi_day and hi >= lo_day
               and (a is None or a in ok) and (b is None or b in ok)]
        lifecycle_rows: list[Conflict] = []
        for sid in sorted(lifecycle):
            seg = net.segments[sid]
            permits = [p for p in matches.on_segment.get(sid, ()) if p.id in ok]
            plans = net.plans.get(sid, [])
            lifecycle_rows.extend(dig_notice(self.spec, seg, plans, permits, self.notice_months, self.as_of,
                                             window, self.language))
            lifecycle_rows.extend(moratorium_in_force(self.spec, seg, years, self.as_of, window, self.language))
        return list(heapq.merge(out, sort_rows(lifecycle_rows), key=_base_key))

    def _all_rows(self, m: Matches) -> list[tuple]:
        """The pair and kept rules' rows over every permit of the table (a row depends only on its own permits),
        sorted, each with its period (open sides: date.min / date.max) and its permits. The pair rules' rows do
        not depend on the "as of" date and are kept apart; the table with its rows is kept in the profile for the
        next session (:mod:`.persisted`)."""
        day_format = day_format_key()
        key = (self.as_of, self.language, day_format, tuple(sorted(self.years.items())),
               tuple(r.id for r in self.rules))
        found = m.rows.get(key)
        if found is None:
            with making_long_lived():  # the rows stay with the table
                found = self._rows_of(m, key, day_format)
            if m.saved is None or self.as_of == date.today():  # not again for each Temporal Controller date
                self._unkept = m
                if self.keep_now:
                    self.keep_for_next_session()
        return found

    def keep_for_next_session(self) -> None:
        """Write the table the last :meth:`conflicts` made rows for to the profile, when its file does not hold
        them yet (:mod:`.persisted`; the dock does it in a task of its own once the board is on screen)."""
        m, self._unkept = self._unkept, None
        if m is not None:
            self.stored.keep(m, self.as_of)

    def _rows_of(self, m: Matches, key: tuple, day_format: str) -> list[tuple]:
        """The rows of :meth:`_all_rows` for ``key``, from the pair and kept rules' rows (made where not kept;
        brought up to date where permits changed since: :func:`.permit_update.rows_after_update`)."""
        full = Window()
        rows_after_update(
            m, (self.language, day_format), key,
            lambda permits, segments, near: pair_conflicts(self.spec, permits, segments, near, full, self.language),
            lambda seg, permits: kept_conflicts(self.spec, self.rules, self.years, seg, permits,
                                                m.plans.get(seg.id, []), self.as_of, full, self.language),
            sort_rows)
        pair = _kept(m.pair_rows, (self.language, day_format), lambda: sort_rows(
            pair_conflicts(self.spec, m.permits, m.segments, m.near, full, self.language)))
        kept = _kept(m.kept_rows, key, lambda: sort_rows([
            row for sid, seg in sorted(m.segments.items())
            for row in kept_conflicts(self.spec, self.rules, self.years, seg, m.on_segment.get(sid, []),
                                      m.plans.get(sid, []), self.as_of, full, self.language)]))
        found = [(r.start or date.min, r.end or date.max, r.permit_id, r.other_id, r)
                 for r in heapq.merge(pair, kept, key=_base_key)]
        return _kept(m.rows, key, lambda: found)

    def work_window(self, segment_id: str) -> Optional[WorkWindow]:
        """The quietest daily window on a segment of a row (after :meth:`conflicts` read the network; the
        segment's hourly profile is read when first asked for)."""
        if self.network is None:
            return None
        if segment_id not in self.network.traffic:  # a handful of rows by key
            self.reader.traffic(self.network, [segment_id])
        hours = self.network.traffic.get(segment_id)
        if not hours:
            return None
        return work_window(hours, self.window_hours, self.spec.window_from_hour, self.spec.window_to_hour)


def _kept(cache: dict, key: tuple, make: Callable[[], list]) -> list:
    """``cache[key]``, made when missing; a few keys are kept (the Temporal Controller's "as of" dates)."""
    found = cache.get(key)
    if found is None:
        found = make()
        while len(cache) >= 2:
            cache.pop(next(iter(cache)))
        cache[key] = found
    return found


def _on_segment(permits: Iterable[PermitRow]) -> dict[str, list[PermitRow]]:
    on_segment: dict[str, list[PermitRow]] = {}
    for p in permits:
        for sid in p.segments:
            on_segment.setdefault(sid, []).append(p)
    return on_segment


def _base_key(c: Conflict) -> tuple:
    return (c.start or date.min, c.rule, c.permit_id or "", c.other_id or "", c.segment_id or "")


def sort_rows(rows: list[Conflict], by: str = "start") -> list[Conflict]:
    """Rows sorted by ``start`` (default), ``severity``, ``class`` or ``street``; ties by start, rule, keys."""
    base = _base_key
    keys: dict[str, Callable[[Conflict], tuple]] = {
        "start": base,
        "severity": lambda c: (SEVERITY_ORDER.get(c.severity, 9),) + base(c),
        "class": lambda c: (c.conflict_class or "~",) + base(c),
        "street": lambda c: (c.street,) + base(c),
    }
    return sorted(rows, key=keys[by])


def row_permits(row: Conflict, by_fid: Mapping[int, PermitRow]) -> list[PermitRow]:
    """The permits a row is about (a dig-now notice: the permits holding the segment)."""
    return [by_fid[f] for f in row.permit_fids if f in by_fid]


def party_values(rows: Iterable[Conflict], by_fid: Mapping[int, PermitRow], role: str) -> list[str]:
    """The ``utility`` or ``applicant`` values of the rows' permits, sorted, for the dock's filters."""
    return sorted({v for row in rows for p in row_permits(row, by_fid) if (v := getattr(p, role))},
                  key=str.casefold)


def filter_rows(rows: list[Conflict], statuses: dict, rule: str = "", status: str = "", text: str = "",
                utility: str = "", applicant: str = "", by_fid: Optional[Mapping[int, PermitRow]] = None) -> list:
    """Rows of ``rule`` (id; '' any) and handling ``status`` ('' any), with a permit of ``utility`` and one of
    ``applicant`` ('' any; ``by_fid``: the board's permits by feature id), whose permits, parties, street or
    message hold ``text`` (case-insensitive)."""
    needle = text.strip().casefold()
    permits = by_fid or {}
    out = []
    for row in rows:
        if rule and row.rule != rule:
            continue
        if status and statuses.get(row.key, "new") != status:
            continue
        if (utility or applicant) and not _has_parties(row_permits(row, permits), utility, applicant):
            continue
        if needle and needle not in " ".join(
                [row.permit_id or "", row.other_id or "", row.street, row.message]).casefold():
            continue
        out.append(row)
    return out


def _has_parties(permits: list[PermitRow], utility: str, applicant: str) -> bool:
    return ((not utility or any(p.utility == utility for p in permits))
            and (not applicant or any(p.applicant == applicant for p in permits)))


def class_counts(rows: list[Conflict]) -> dict[str, int]:
    """Rows per conflict class ('' for the rules without one)."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.conflict_class] = counts.get(row.conflict_class, 0) + 1
    return counts
