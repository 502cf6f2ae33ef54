"""The permit–segment match table of one twin file (:class:`Matches`, built by :mod:`.matches`) and its plain form:
numbers, strings, tuples, lists and dicts only (dates as day numbers), what :mod:`.persisted` writes with
``marshal`` and reads back into the same table."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator, Optional, Sequence

from .config import Exemption
from .model import Conflict, PermitRow, SegmentRow

RowsKey = tuple  # see :meth:`.board.Board._all_rows`
PLAIN_FORMAT = 2  # bump when the plain form or a row type changes


@dataclass
class Matches:
    """The match table of one file as of ``stamp``; the rules' rows over all permits are kept with it: the pair
    rules' (no "as of" date) per language and date format, the kept card rules' per "as of" date as well, and
    both merged per board key (``rows``)."""

    stamp: tuple  # the files' change stamps when last checked
    permits: dict[str, PermitRow]
    near: list[tuple[str, str]]
    segments: dict[str, SegmentRow]
    plans: dict[str, list[tuple[Optional[int], Any]]]
    plan_years: dict[int, list[str]]
    paved_days: array
    paved_fids: array
    rows: dict[tuple, list[tuple[date, date, Optional[str], Optional[str], Conflict]]] = field(default_factory=dict)
    pair_rows: dict[tuple, list[Conflict]] = field(default_factory=dict)  # (language, date format) -> sorted rows
    kept_rows: dict[tuple, list[Conflict]] = field(default_factory=dict)  # (as of, ...) -> sorted rows
    spans: list[tuple[date, date, PermitRow]] = field(default_factory=list)  # each permit's dates (open: min/max)
    on_segment: dict[str, list[PermitRow]] = field(default_factory=dict)  # the permits on each segment
    inputs: Optional[tuple] = ()  # the input tables' stamps it was built from (None: not taken, see history)
    history: Optional[tuple] = None  # the edit history's state when built (:mod:`.history_stamp`)
    changes: Optional[tuple] = None  # the input tables' last change in gpkg_contents when built or checked
    key: Optional[str] = None  # the key of its file in the profile (:mod:`.persisted`)
    saved: Optional[tuple] = None  # which rows that file holds (None: not written)
    pending_permits: frozenset = frozenset()  # permits changed since the kept rows were made (:mod:`.permit_update`)
    pending_segments: frozenset = frozenset()  # the segments those permits were or are on

    def __post_init__(self) -> None:
        if self.spans or self.on_segment:  # given (an updated table)
            return
        self.spans = [(p.start or date.min, p.end or date.max, p) for p in self.permits.values()]
        for p in self.permits.values():
            for sid in p.segments:
                self.on_segment.setdefault(sid, []).append(p)


def _day(d: Optional[date]) -> Optional[int]:
    return d.toordinal() if d is not None else None


class _Days(dict):
    """Day number -> date, each date made once."""

    def __missing__(self, ordinal: int) -> date:
        self[ordinal] = day = date.fromordinal(ordinal)
        return day


_ROW_FIELDS = ("rule", "conflict_class", "severity", "permit_id", "other_id", "segment_id", "street", "start", "end",
               "message", "fingerprint", "permit_fids", "segment_fid")
_ROW_DAYS = (7, 8)  # the columns that are dates


def _columns(records: Sequence[tuple], width: int, days: Sequence[int] = ()) -> list[list]:
    """Records as one list per column (fewer, larger objects to write and read), dates as day numbers."""
    columns = [list(c) for c in zip(*records)] if records else [[] for _ in range(width)]
    for i in days:
        columns[i] = [_day(d) for d in columns[i]]
    return columns


def _records(columns: Sequence[list], days: "_Days", day_columns: Sequence[int] = ()) -> Iterator[tuple]:
    return zip(*[map(days.__getitem__, c) if i in day_columns else c for i, c in enumerate(columns)])


def plain_rows(rows: Sequence[Conflict]) -> Optional[list[list]]:
    """Rows as columns (None when one carries extra values, which the plain form does not keep)."""
    if any(r.extra for r in rows):
        return None
    return _columns([tuple(getattr(r, f) for f in _ROW_FIELDS) for r in rows], len(_ROW_FIELDS), _ROW_DAYS)


def to_plain(m: Matches, exemptions: Sequence[Exemption], kept_day: date) -> Optional[dict[str, Any]]:
    """The table as plain values, with its pair rows and the kept rules' rows as of ``kept_day`` (others are for
    another day); None when a value has no plain form."""
    reasons = [e.reason for e in exemptions]
    if any(p.exemption is not None and p.exemption not in reasons for p in m.permits.values()):
        return None
    permits = [(p.fid, p.id, p.start, p.end, p.applicant, p.utility, p.segments, p.admitted,
                reasons.index(p.exemption) if p.exemption is not None else None) for p in m.permits.values()]
    rows: dict[str, list] = {"pair": [], "kept": []}
    for kind, found in (("pair", m.pair_rows), ("kept", m.kept_rows)):
        for key, value in found.items():
            if kind == "kept" and key[0] != kept_day:
                continue
            plain = plain_rows(value)
            if plain is not None:
                rows[kind].append(((_day(key[0]),) + key[1:] if kind == "kept" else key, plain))
    return {
        "permits": _columns(permits, 9, (2, 3)),
        "near": m.near,
        "segments": _columns([(s.fid, s.id, s.street, s.paved, s.nodes) for s in m.segments.values()], 5, (3,)),
        "plans": m.plans,
        "plan_years": m.plan_years,
        "paved": (m.paved_days.typecode, m.paved_days.tobytes(), m.paved_fids.typecode, m.paved_fids.tobytes()),
        "rows": rows,
    }


def from_plain(data: dict[str, Any], exemptions: Sequence[Exemption], stamp: tuple) -> Matches:
    """The table of :func:`to_plain`'s values (``stamp``: the file stamp it was kept with)."""
    days = _Days()
    days[None] = None  # type: ignore[index]
    reasons = [e.reason for e in exemptions]
    permit_columns = list(data["permits"])
    permit_columns[8] = [reasons[x] if x is not None else None for x in permit_columns[8]]
    permits = {r[1]: PermitRow(*r) for r in _records(permit_columns, days, (2, 3))}
    segments = {r[1]: SegmentRow(*r) for r in _records(data["segments"], days, (3,))}
    day_code, day_bytes, fid_code, fid_bytes = data["paved"]
    paved_days, paved_fids = array(day_code), array(fid_code)
    paved_days.frombytes(day_bytes)
    paved_fids.frombytes(fid_bytes)
    m = Matches(stamp, permits, [tuple(pair) for pair in data["near"]], segments, data["plans"],
                data["plan_years"], paved_days, paved_fids)
    for key, plain in data["rows"]["pair"]:
        m.pair_rows[tuple(key)] = [Conflict(*r) for r in _records(plain, days, _ROW_DAYS)]
    for key, plain in data["rows"]["kept"]:
        m.kept_rows[(days[key[0]],) + tuple(key[1:])] = [Conflict(*r) for r in _records(plain, days, _ROW_DAYS)]
    return m
