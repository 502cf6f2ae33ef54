"""Warning rules about one feature of the twin's memory, over plain data (no QGIS): an agreement in its notice
period, a feature without the matching related one (a regulation without its sign, a sign without its regulation),
an asset overdue for inspection. Evaluated by :mod:`.item_warnings`; texts come from the catalog."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Optional

from .specs import Condition
from .values import json_value


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (the 31st becomes the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def notice_by(end: date, notice_months: Optional[int], default_days: int) -> date:
    """The last day to give notice: ``notice_months`` before ``end``, else ``default_days`` before it."""
    if notice_months is not None and notice_months > 0:
        return add_months(end, -notice_months)
    return end - timedelta(days=default_days)


def expiring(end: Optional[date], notice_months: Optional[int], default_days: int,
             today: date) -> Optional[tuple[int, date]]:
    """(days left, notice date) when ``today`` lies in the notice period [notice date, end]; None otherwise
    (no end, not yet in it, or already ended)."""
    if end is None or today > end:
        return None
    by = notice_by(end, notice_months, default_days)
    return ((end - today).days, by) if today >= by else None


def overdue(last: Optional[date], months: Optional[int], today: date) -> Optional[tuple[Optional[date]]]:
    """``(due date,)`` when an inspection every ``months`` months is overdue (``(None,)``: never inspected);
    None when it is not, or the kind has no interval."""
    if months is None or months <= 0:
        return None
    if last is None:
        return (None,)
    due = add_months(last, months)
    return (due,) if today > due else None


def plain(value: Any) -> str:
    """A value compared as text: 30, 30.0 and "30" are the same; NULL is ""."""
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def matches(conditions: Iterable[Condition], attrs: Mapping[str, Any]) -> bool:
    """Every condition holds for ``attrs`` (``eq``, ``ne``, ``in``, ``not_in``; values compared as text)."""
    for c in conditions:
        value = plain(attrs.get(c.field))
        wanted = {plain(v) for v in c.values}
        ok = {"eq": value in wanted, "ne": value not in wanted, "in": value in wanted,
              "not_in": value not in wanted}[c.op]
        if not ok:
            return False
    return True


def has_match(expected: Mapping[str, str], rows: Iterable[Mapping[str, Any]]) -> bool:
    """Some related row has every ``field: value`` of ``expected`` (compared as text)."""
    return any(all(plain(row.get(name)) == value for name, value in expected.items()) for row in rows)
