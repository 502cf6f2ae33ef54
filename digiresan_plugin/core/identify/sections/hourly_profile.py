"""Kind ``hourly_profile``: a weekday's traffic by hour (24 values of the latest measured year), its named peak
hours and the subject's ÅDT. Shown as a chart, not as a list of its 24 rows."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from qgis.PyQt.QtCore import QCoreApplication

from ...formatting import Formatter
from ..report import Section
from ..specs import OrderBy, SectionSpec
from ..texts import join_list, message
from ..values import as_int, as_number, json_value
from .base import KindEnv, RowLike, SectionKind, TypeOf

SPARKS = "▁▂▃▄▅▆▇█"
translate = QCoreApplication.translate


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
    rows: Sequence[dict], hour_field: str, value_field: str, year_field: Optional[str], aadt: Any, language: str,
    max_peaks: int = 2, min_share: float = 0.5, min_gap: int = 3,
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


# -- reading a section's profile (card and text export) ----------------------------------------------------------
def profile_hours(section: Section) -> list[Optional[float]]:
    """The 24 hourly values of a section's summary (None where not counted)."""
    hours = list(section.summary.get("hours") or [])
    hours = (hours + [None] * 24)[:24]
    return [float(h) if isinstance(h, (int, float)) and not isinstance(h, bool) else None for h in hours]


def sparkline(hours: list[Optional[float]]) -> str:
    top = max((h for h in hours if h is not None), default=0.0)
    if top <= 0:
        return " " * len(hours)
    return "".join(" " if h is None else SPARKS[min(7, int(round(7 * h / top)))] for h in hours)


def peak_phrase(section: Section) -> Optional[str]:
    """"Peak hours 07–08 and 16–17" in the card's words, or None without peaks."""
    peaks = section.summary.get("peak_text")
    return translate("CardRenderer", "Peak hours {peaks}").format(peaks=peaks) if peaks else None


def profile_text(section: Section, fmt: Formatter) -> str:
    """Peak hours, ÅDT and year as one line of plain text."""
    summary = section.summary
    parts = []
    peaks = peak_phrase(section)
    if peaks:
        parts.append(peaks)
    if summary.get("aadt") is not None:
        parts.append(translate("CardRenderer", "ÅDT {aadt}").format(aadt=fmt.value(summary["aadt"])))
    if summary.get("year") is not None:
        parts.append(translate("CardRenderer", "Counted in {year}").format(year=summary["year"]))
    if not any(h is not None for h in profile_hours(section)):
        parts.insert(0, translate("CardRenderer", "No counts"))
    return " · ".join(parts)


class HourlyProfileKind(SectionKind):
    name = "hourly_profile"
    options = {
        "hour_field": (str, True, None),
        "value_field": (str, True, None),
        "year_field": (str, False, None),
        "aadt_field": (str, False, None),  # a field of the *subject* (e.g. the segment's ÅDT)
        "max_peaks": (int, False, 2),
        "peak_min_share": ((int, float), False, 0.5),
        "peak_min_gap_h": (int, False, 3),
    }
    subject_options = ("aadt_field",)
    lists_items = False

    def default_order(self, spec: SectionSpec) -> tuple[OrderBy, ...]:
        return (OrderBy(spec.option("hour_field")),)

    def select(self, spec: SectionSpec, rows: list[Any]) -> list[Any]:
        """The latest measured year only."""
        year_field = spec.option("year_field")
        if not year_field:
            return rows
        years = [y for y in (as_int(r.attrs.get(year_field)) for r in rows) if y is not None]
        if not years:
            return rows
        latest = max(years)
        return [r for r in rows if as_int(r.attrs.get(year_field)) == latest]

    def summary(self, spec: SectionSpec, rows: Sequence[RowLike], subject: dict[str, Any],
                env: KindEnv) -> dict[str, Any]:
        aadt_field = spec.option("aadt_field")
        return hourly_profile(
            [r.attrs for r in rows], spec.option("hour_field"), spec.option("value_field"), spec.option("year_field"),
            subject.get(aadt_field) if aadt_field else None, env.language,
            spec.option("max_peaks"), float(spec.option("peak_min_share")), spec.option("peak_min_gap_h"),
        )

    def flat_columns(self, spec: SectionSpec, type_of: TypeOf) -> list[tuple[str, str]]:
        return [(f"{spec.id}_peak_hours", "text"), (f"{spec.id}_aadt", "real")]

    def flat_values(self, section: Section) -> dict[str, Any]:
        return {f"{section.id}_peak_hours": section.summary.get("peak_text"),
                f"{section.id}_aadt": section.summary.get("aadt")}

    def text_lines(self, section: Section, fmt: Formatter) -> list[str]:
        hours = profile_hours(section)
        lines = [profile_text(section, fmt)]
        if any(h is not None for h in hours):
            hour = translate("CardRenderer", "Hour")
            lines.append(f"{hour} 00–23: {sparkline(hours)}")
            lines.append(" ".join(f"{h:02d}:{fmt.value(v)}" for h, v in enumerate(hours)))
        return lines
