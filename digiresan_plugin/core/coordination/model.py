"""Plain data the coordination rules work on (no QGIS): permits, segments, a date window and the conflicts."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Optional

from ..catalog import Title


@dataclass(frozen=True, slots=True)
class PermitRow:
    """One permit: key, dates, parties, the segments within the near distance, whether the kept rules' filter
    (e.g. open permits only) admits it and the dig-ban exemption that applies to it (None: none)."""

    fid: int
    id: str
    start: Optional[date]
    end: Optional[date]
    applicant: str = ""
    utility: str = ""
    segments: tuple[str, ...] = ()
    admitted: bool = True
    exemption: Optional[Title] = None

    def until(self, recent_days: int) -> date:
        """The last day the permit counts: its end plus the restoration days (open-ended: never ends)."""
        if self.end is None or self.end > date.max - timedelta(days=recent_days):
            return date.max
        return self.end + timedelta(days=recent_days)

    @property
    def party(self) -> str:
        return self.applicant or self.utility or self.id

    @property
    def fingerprint(self) -> str:
        return f"{self.id}:{_iso(self.start)}/{_iso(self.end)}"


@dataclass(frozen=True, slots=True)
class SegmentRow:
    fid: int
    id: str
    street: str
    paved: Optional[date]
    nodes: tuple[Any, ...] = ()  # its two end nodes (snapped coordinates)


@dataclass(frozen=True)
class Window:
    """A date window [start, end]; an open side reaches as far as it can (both open: the full network)."""

    start: Optional[date] = None
    end: Optional[date] = None

    def touches(self, start: Optional[date], end: Optional[date]) -> bool:
        lo, hi = start or date.min, end or date.max
        return lo <= (self.end or date.max) and hi >= (self.start or date.min)

    @property
    def full(self) -> bool:
        return self.start is None and self.end is None


@dataclass(slots=True)
class Conflict:
    """One row of the board: the rule and its class, the permits and segment involved, the period it concerns,
    the message and the fingerprint of the inputs (a handled conflict reopens when it changes)."""

    rule: str
    conflict_class: str
    severity: str
    permit_id: Optional[str]
    other_id: Optional[str]
    segment_id: Optional[str]
    street: str
    start: Optional[date]
    end: Optional[date]
    message: str
    fingerprint: str
    permit_fids: tuple[int, ...] = ()
    segment_fid: Optional[int] = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the handling notes are keyed by: rule id and the permit/segment keys ('' for none); a row about a
        planned paving (no second permit) has ``plan:<year>`` in the second permit's place."""
        other = self.other_id or (f"plan:{self.extra['plan']}" if "plan" in self.extra else "")
        return (self.rule, self.permit_id or "", other, self.segment_id or "")


def _iso(day: Optional[date]) -> str:
    return day.isoformat() if day else ""


def iso(day: Optional[date], open_text: str = "") -> str:
    return day.isoformat() if day and day not in (date.max, date.min) else open_text


#: how a date reads in the rules' messages: ISO (Processing, data) unless a caller shows them (the board, a card)
_DAY_TEXT: ContextVar[Callable[[date], str]] = ContextVar("digiresan_day_text", default=date.isoformat)


@contextmanager
def dates_shown_as(day_text: Callable[[date], str]) -> Iterator[None]:
    """Within the block (this thread), :func:`shown` writes dates with ``day_text`` (the card's short format)."""
    token = _DAY_TEXT.set(day_text)
    try:
        yield
    finally:
        _DAY_TEXT.reset(token)


def shown(day: Optional[date], open_text: str = "") -> str:
    """A date in a message as the reader sees dates (see :func:`dates_shown_as`); ``open_text`` for none."""
    return _DAY_TEXT.get()(day) if day and day not in (date.max, date.min) else open_text


def day_format_key() -> str:
    """What the dates in messages look like now (a cache key part): a known day written as they are."""
    return _DAY_TEXT.get()(date(2000, 1, 31))


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (the day clamped to the month's length)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class SafeFormat(dict):
    """Formatting values for a catalog text: a placeholder the rule does not fill stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: Title, language: str, **values: Any) -> str:
    return text.text(language).format_map(SafeFormat(values))
