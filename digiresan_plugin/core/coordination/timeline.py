"""The timeline of a street or of chosen segments (plain data for a Gantt view): one lane per segment with its
permits, the moratorium after its paving, the planned paving and its dig-now notice; permits in a conflict of
the board are marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional, Sequence

from ..identify.values import add_years
from .lifecycle import paving_date
from .model import Conflict, add_months
from .reader import Network

KINDS = ("permit", "moratorium", "notice", "paving")


@dataclass(frozen=True)
class Bar:
    lane: str  # the segment id
    kind: str  # one of KINDS
    label: str
    start: date
    end: date  # inclusive
    conflict: bool = False


@dataclass(frozen=True)
class Timeline:
    start: date
    end: date
    lanes: tuple[tuple[str, str], ...]  # (segment id, street label)
    bars: tuple[Bar, ...]
    as_of: Optional[date] = None  # the day the board answers for (marked on the timeline; None: today)


def timeline(net: Network, segment_ids: Iterable[str], rows: Sequence[Conflict], start: date, end: date,
             moratorium_years: int, notice_months: int, spec, as_of: Optional[date] = None) -> Timeline:
    """The bars of ``segment_ids`` that touch [start, end], clipped to it; ``as_of`` the board's day."""
    ids = [s for s in dict.fromkeys(segment_ids) if s in net.segments]
    in_conflict = {p for r in rows for p in (r.permit_id, r.other_id) if p and r.severity == "warning"}
    bars: list[Bar] = []

    def add(lane: str, kind: str, label: str, a: date, b: date, conflict: bool = False) -> None:
        if a <= end and b >= start:
            bars.append(Bar(lane, kind, label, max(a, start), min(b, end), conflict))

    for sid in ids:
        seg = net.segments[sid]
        for p in sorted(net.permits_on(sid), key=lambda p: (p.start or date.max, p.id)):
            if p.start is not None:
                add(sid, "permit", p.id, p.start, p.end or end, p.id in in_conflict)
        if seg.paved is not None and moratorium_years > 0:
            add(sid, "moratorium", "", seg.paved, add_years(seg.paved, moratorium_years) - timedelta(days=1))
        for year, _treatment in sorted({(y, t) for y, t in net.plans.get(sid, []) if y is not None},
                                       key=lambda p: (p[0], str(p[1]))):
            paving = paving_date(year, spec)
            if notice_months > 0:
                add(sid, "notice", "", add_months(paving, -notice_months), paving - timedelta(days=1))
            add(sid, "paving", str(year), paving, paving + timedelta(days=6))
    lanes = tuple((sid, f"{net.segments[sid].street} ({sid})") for sid in ids)
    return Timeline(start, end, lanes, tuple(bars), as_of)


def street_segments(net: Network, street: str) -> list[str]:
    """The segments of a street, by id."""
    return net.street_segments(street)
