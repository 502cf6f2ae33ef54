"""Section summaries: latest value with trend, hourly profile with named peaks, sign names, permit days.

Pure functions over plain values: no QGIS calls, easy to test.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional, Sequence

from .texts import join_list, message
from .values import as_date, as_int, as_number, json_value


def latest_with_trend(
    history: Sequence[tuple[Optional[date], Any, dict]], higher_is_worse: bool, language: str
) -> dict[str, Any]:
    """``history``: (date, value, row values) newest first. Trend compares the latest value with the one before."""
    dated = [h for h in history if h[0] is not None and as_number(h[1]) is not None]
    if not dated:
        return {"latest": None, "latest_date": None, "latest_value": None, "previous_value": None,
                "trend": None, "trend_text": None, "history": []}
    latest_date, latest_value, latest_values = dated[0]
    chronological = list(reversed(dated))
    out: dict[str, Any] = {
        "latest": {k: json_value(v) for k, v in latest_values.items()},
        "latest_date": latest_date.isoformat(),
        "latest_value": json_value(latest_value),
        "previous_value": None,
        "trend": None,
        "trend_text": message("single_inspection", language),
        "history": [{"date": d.isoformat(), "value": json_value(v)} for d, v, _ in chronological],
    }
    if len(dated) < 2:
        return out
    previous = as_number(dated[1][1])
    latest = as_number(latest_value)
    out["previous_value"] = json_value(dated[1][1])
    if latest == previous:
        trend = "stable"
    elif (latest > previous) == higher_is_worse:
        trend = "worsening"
    else:
        trend = "improving"
    out["trend"] = trend
    steps = " → ".join(_short(v) for _, v, _ in chronological)
    out["trend_text"] = f"{message(trend, language)}: {steps} ({chronological[0][0].year}–{latest_date.year})"
    return out


def _short(value: Any) -> str:
    number = as_number(value)
    if number is None:
        return "–"
    return str(int(number)) if number == int(number) else f"{number:g}"


def hourly_values(
    rows: Sequence[dict], hour_field: str, value_field: str, year_field: Optional[str]
) -> tuple[list[Optional[float]], Optional[int]]:
    """24 values (None where no count) from rows of (hour, value[, year]); the latest year only."""
    year = None
    if year_field:
        years = [y for y in (as_int(r.get(year_field)) for r in rows) if y is not None]
        year = max(years) if years else None
    sums: list[list[float]] = [[] for _ in range(24)]
    for r in rows:
        if year is not None and as_int(r.get(year_field)) != year:
            continue
        hour = as_int(r.get(hour_field))
        value = as_number(r.get(value_field))
        if hour is None or value is None or not 0 <= hour <= 23:
            continue
        sums[hour].append(value)
    hours = [(sum(v) / len(v)) if v else None for v in sums]
    return [(int(h) if h is not None and h == int(h) else h) for h in hours], year


def peak_hours(
    hours: Sequence[Optional[float]], max_peaks: int = 2, min_share: float = 0.5, min_gap: int = 3
) -> list[int]:
    """Hours that are local maxima, at least ``min_share`` of the day's maximum, ``min_gap`` hours apart.

    The highest peaks win; the result is in hour order (e.g. [7, 16] for a commuter street).
    """
    values = [v or 0.0 for v in hours]
    top = max(values) if values else 0.0
    if top <= 0:
        return []
    candidates = []
    for h, v in enumerate(values):
        left = values[h - 1] if h > 0 else float("-inf")
        right = values[h + 1] if h < len(values) - 1 else float("-inf")
        if v >= left and v >= right and (v > left or v > right) and v >= min_share * top:
            candidates.append(h)
    chosen: list[int] = []
    for h in sorted(candidates, key=lambda h: (-values[h], h)):
        if len(chosen) >= max_peaks:
            break
        if all(abs(h - c) >= min_gap for c in chosen):
            chosen.append(h)
    return sorted(chosen)


def hour_span(hour: int) -> str:
    """'07–08' for hour 7 (the en dash as in Swedish timetables)."""
    return f"{hour:02d}–{(hour + 1) % 24:02d}" if hour < 23 else "23–24"


def peak_text(peaks: Sequence[int], language: str) -> str:
    return join_list([hour_span(h) for h in peaks], language)


def hourly_profile(
    rows: Sequence[dict],
    hour_field: str,
    value_field: str,
    year_field: Optional[str],
    aadt: Any,
    language: str,
    max_peaks: int = 2,
    min_share: float = 0.5,
    min_gap: int = 3,
) -> dict[str, Any]:
    hours, year = hourly_values(rows, hour_field, value_field, year_field)
    peaks = peak_hours(hours, max_peaks, min_share, min_gap)
    known = [h for h in hours if h is not None]
    total = sum(known) if known else None
    if isinstance(total, float) and total == int(total):
        total = int(total)
    text_parts = []
    if peaks:
        text_parts.append(message("peak_text", language, peaks=peak_text(peaks, language)))
    aadt_value = json_value(aadt)
    if aadt_value is not None:
        text_parts.append(message("aadt_text", language, aadt=aadt_value))
    return {
        "hours": hours,
        "peak_hours": peaks,
        "peak_text": peak_text(peaks, language) if peaks else None,
        "aadt": aadt_value,
        "total": total,
        "year": year,
        "text": "; ".join(text_parts) or None,
    }


def date_extras(start: Any, end: Any, today: date) -> dict[str, Any]:
    """Days until start (future work) or days left (ongoing work), and the state: upcoming | ongoing | ended."""
    start_d, end_d = as_date(start), as_date(end)
    extra: dict[str, Any] = {"days_until_start": None, "days_left": None, "state": None}
    if start_d is not None and start_d > today:
        extra["days_until_start"] = (start_d - today).days
        extra["state"] = "upcoming"
    elif end_d is not None and end_d < today:
        extra["state"] = "ended"
    elif start_d is not None or end_d is not None:
        extra["state"] = "ongoing"
        extra["days_left"] = (end_d - today).days if end_d is not None else None
    return extra


def sign_summary(codes: Sequence[Optional[str]]) -> dict[str, Any]:
    present = [c for c in codes if c]
    return {"codes": present, "count": len(codes)}


def name_for_sign(code: Any, language: str, lookup: Optional[Callable[[str, str], Optional[str]]]) -> Optional[str]:
    if lookup is None or code is None:
        return None
    try:
        return lookup(str(code), language)
    except Exception:  # noqa: BLE001 - an unknown or odd code must not break the card
        return None
