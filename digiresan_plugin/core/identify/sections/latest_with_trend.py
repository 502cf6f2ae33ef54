"""Kind ``latest_with_trend``: dated measurements (e.g. road condition inspections), newest first, the latest
value and whether it got better or worse than the one before. The trend text says only what the two latest show
("Worsening: 2 → 4 since 2024"); the whole sequence is a text of its own ("All inspections: 3 → 2 → 4 (2022–2026)")."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional, Sequence

from ...formatting import Formatter
from ..report import Section
from ..specs import OrderBy, SectionSpec
from ..texts import message
from ..values import as_date, as_number, json_value
from .base import KindEnv, RowLike, SectionKind, TypeOf


def latest_with_trend(
    history: Sequence[tuple[Optional[date], Any, dict]], higher_is_worse: bool, language: str
) -> dict[str, Any]:
    """``history``: (date, value, row values) newest first. Trend compares the latest value with the one before."""
    dated = [h for h in history if h[0] is not None and as_number(h[1]) is not None]
    if not dated:
        return {"latest": None, "latest_date": None, "latest_value": None, "previous_value": None,
                "trend": None, "trend_text": None, "history_text": None, "history": []}
    latest_date, latest_value, latest_values = dated[0]
    chronological = list(reversed(dated))
    out: dict[str, Any] = {
        "latest": {k: json_value(v) for k, v in latest_values.items()},
        "latest_date": latest_date.isoformat(),
        "latest_value": json_value(latest_value),
        "previous_value": None,
        "trend": None,
        "trend_text": message("single_inspection", language),
        "history_text": None,
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
    since = dated[1][0]
    out["trend_text"] = (f"{message(trend, language)}: {_short(dated[1][1])} → {_short(latest_value)} "
                         f"({message('since', language)} {since.year})")
    if len(dated) > 2:
        steps = " → ".join(_short(v) for _, v, _ in chronological)
        out["history_text"] = (f"{message('all_inspections', language)}: {steps} "
                               f"({chronological[0][0].year}–{latest_date.year})")
    return out


def _short(value: Any) -> str:
    number = as_number(value)
    if number is None:
        return "–"
    return str(int(number)) if number == int(number) else f"{number:g}"


class LatestWithTrendKind(SectionKind):
    name = "latest_with_trend"
    options = {
        "date_field": (str, True, None),
        "value_field": (str, True, None),
        "higher_is_worse": (bool, False, True),
    }

    def default_order(self, spec: SectionSpec) -> tuple[OrderBy, ...]:
        return (OrderBy(spec.option("date_field"), False),)

    def summary(self, spec: SectionSpec, rows: Sequence[RowLike], subject: dict[str, Any],
                env: KindEnv) -> dict[str, Any]:
        date_f, value_f = spec.option("date_field"), spec.option("value_field")
        history = [(as_date(r.attrs.get(date_f)), r.attrs.get(value_f), r.attrs) for r in rows]
        history.sort(key=lambda h: h[0] or date.min, reverse=True)
        return latest_with_trend(history, spec.option("higher_is_worse"), env.language)

    def flat_columns(self, spec: SectionSpec, type_of: TypeOf) -> list[tuple[str, str]]:
        value_type = type_of(spec.option("value_field")) or "real"
        return [(f"{spec.id}_latest", value_type), (f"{spec.id}_latest_date", "date"), (f"{spec.id}_trend", "text")]

    def flat_values(self, section: Section) -> dict[str, Any]:
        s = section.summary
        return {f"{section.id}_latest": s.get("latest_value"), f"{section.id}_latest_date": s.get("latest_date"),
                f"{section.id}_trend": s.get("trend")}

    def text_lines(self, section: Section, fmt: Formatter) -> list[str]:
        texts = (section.summary.get("trend_text"), section.summary.get("history_text"))
        return [str(t) for t in texts if t]
