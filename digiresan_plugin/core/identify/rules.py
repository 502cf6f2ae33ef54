"""Coordination warning rules over plain data (no QGIS): moratorium, overlapping permits, dig before paving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional, Sequence

from .report import Ref, TwinWarning
from .texts import join_list, message
from .values import add_years


@dataclass(frozen=True)
class Permit:
    ref: Ref
    start: Optional[date]
    end: Optional[date]

    @property
    def label(self) -> str:
        return str(self.ref.key if self.ref.key is not None else f"#{self.ref.fid}")


@dataclass(frozen=True)
class Target:
    """The feature the rule is about (e.g. a road segment), as a reference and a readable label."""

    ref: Ref
    label: str


DayText = Callable[[date], str]  # a date as the card shows it (the locale's short format); ISO by default


def _day(day: Optional[date], language: str, as_text: DayText) -> str:
    return as_text(day) if day else message("open_ended", language)


def moratorium(
    target: Target, paved: Optional[date], permits: Sequence[Permit], years: int, today: date,
    language: str, severity: str = "warning", rule: Optional[str] = None, day: DayText = date.isoformat,
) -> list[TwinWarning]:
    """A permit whose dig period overlaps [paved, paved + years): digging in a freshly paved street."""
    if paved is None or years <= 0:
        return []
    until = add_years(paved, years)
    out = []
    for p in permits:
        start = p.start or today
        end = p.end or start
        if start < until and end >= paved:
            out.append(TwinWarning(
                "moratorium", severity,
                message("moratorium", language, permit=p.label, start=_day(p.start, language, day),
                        end=_day(p.end, language, day), segment=target.label, paved=day(paved),
                        years=years, until=day(until)),
                [p.ref, target.ref], rule,
            ))
    return out


def permit_overlap(
    target: Target, permits: Sequence[Permit], language: str, severity: str = "warning", rule: Optional[str] = None,
    day: DayText = date.isoformat,
) -> list[TwinWarning]:
    """Every pair of permits on the same target whose [start, end] periods overlap (no end: open-ended)."""
    dated = sorted((p for p in permits if p.start is not None), key=lambda p: (p.start, p.label))
    out = []
    for i, a in enumerate(dated):
        a_end = a.end or date.max
        for b in dated[i + 1:]:
            if b.start > a_end:
                break
            b_end = b.end or date.max
            start, end = max(a.start, b.start), min(a_end, b_end)
            out.append(TwinWarning(
                "permit_overlap", severity,
                message("permit_overlap", language, a=a.label, b=b.label, segment=target.label,
                        start=day(start), end=_day(None if end == date.max else end, language, day)),
                [a.ref, b.ref, target.ref], rule,
            ))
    return out


def dig_before_paving(
    target: Target, permits: Sequence[Permit], plans: Sequence[tuple[Optional[int], Any]], today: date,
    years_ahead: int, language: str, severity: str = "warning", rule: Optional[str] = None,
) -> list[TwinWarning]:
    """A permit on a target with paving planned this year or within ``years_ahead`` years: dig first, then pave."""
    window = range(today.year, today.year + years_ahead + 1)
    planned = sorted({(y, t) for y, t in plans if y in window}, key=lambda p: (p[0], str(p[1] or "")))
    if not planned:
        return []
    years = join_list(sorted({str(y) for y, _ in planned}), language)
    treatments = sorted({str(t) for _, t in planned if t})
    treatment = f" ({', '.join(treatments)})" if treatments else ""
    return [
        TwinWarning(
            "dig_before_paving", severity,
            message("dig_before_paving", language, permit=p.label, segment=target.label, years=years,
                    treatment=treatment),
            [p.ref, target.ref], rule,
        )
        for p in sorted(permits, key=lambda p: (p.start or date.max, p.label))
    ]
