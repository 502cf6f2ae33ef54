"""Kind ``list``: related features as rows (e.g. excavation permits, the paving plan); with start/end dates each
item says how many days until it starts or are left, and the summary gives the next start."""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from ..specs import SectionSpec
from ..values import as_date
from .base import KindEnv, RowLike, SectionKind, TypeOf


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


class ListKind(SectionKind):
    name = "list"
    options = {"start_field": (str, False, None), "end_field": (str, False, None)}

    def item_extra(self, spec: SectionSpec, attrs: dict[str, Any], env: KindEnv) -> dict[str, Any]:
        start_field, end_field = spec.option("start_field"), spec.option("end_field")
        if not start_field:
            return {}
        return date_extras(attrs.get(start_field), attrs.get(end_field) if end_field else None, env.today)

    def summary(self, spec: SectionSpec, rows: Sequence[RowLike], subject: dict[str, Any],
                env: KindEnv) -> dict[str, Any]:
        start_field = spec.option("start_field")
        if not start_field:
            return {"count": len(rows)}
        starts = [as_date(r.attrs.get(start_field)) for r in rows]
        upcoming = sorted(d for d in starts if d is not None and d >= env.today)
        return {"count": len(rows), "next_start": upcoming[0].isoformat() if upcoming else None}

    def flat_columns(self, spec: SectionSpec, type_of: TypeOf) -> list[tuple[str, str]]:
        if spec.option("start_field"):
            return [(f"{spec.id}_count", "int"), (f"{spec.id}_next_start", "date")]
        return [(f"{spec.id}_count", "int")]
