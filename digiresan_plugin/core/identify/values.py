"""Attribute values: from QGIS (QVariant, QDate, NULL) to plain Python and JSON, and their report types."""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Any, Optional

from qgis.core import QgsField
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

_TYPES = {
    QVariant.String: "text",
    QVariant.Int: "int",
    QVariant.UInt: "int",
    QVariant.LongLong: "int",
    QVariant.ULongLong: "int",
    QVariant.Double: "real",
    QVariant.Date: "date",
    QVariant.DateTime: "datetime",
    QVariant.Time: "text",
    QVariant.Bool: "bool",
}


def field_type(qfield: Optional[QgsField]) -> str:
    """The report type of a field: text | int | real | date | datetime | bool."""
    if qfield is None:
        return "text"
    return _TYPES.get(qfield.type(), "text")


def py_value(value: Any) -> Any:
    """A QGIS attribute value as plain Python: None for NULL, date/datetime for QDate/QDateTime."""
    cls = value.__class__
    if cls is str or cls is int or cls is bool:  # the common case first (this runs for every value read)
        return value
    if cls is float:
        return None if value != value else value
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else py_value(value.value())
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def json_value(value: Any) -> Any:
    """A plain Python value as JSON data: ISO strings for dates, None for NULL; text kept raw."""
    cls = value.__class__
    if cls is str or cls is int or cls is bool or value is None:
        return value
    if cls is float:
        return None if value != value else value  # NaN is NULL
    value = py_value(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def as_date(value: Any) -> Optional[date]:
    """A date from a date, datetime, QDate or ISO text (``2026-11-27`` or ``2026-11-27T10:00``); else None."""
    value = py_value(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def as_number(value: Any) -> Optional[float]:
    cls = value.__class__
    if cls is float:  # the common cases first (every hourly count, every limit)
        return None if value != value else value
    if cls is int:
        return float(value)
    value = py_value(value)
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def as_int(value: Any) -> Optional[int]:
    if value.__class__ is int:
        return value
    number = as_number(value)
    return None if number is None else int(number)


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def text(value: Any, dash: str = "–") -> str:
    """A value as plain text for copy-as-text and CSV (no escaping: consumers escape for their format)."""
    if value.__class__ is str:
        return value
    value = json_value(value)
    if value is None:
        return dash
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    return str(value)
