"""Measurement records (site, timestamp, vehicles in that hour) → one weekday hourly profile per site.

The profile's hour ``h`` is the mean of the site's weekday records at hour ``h``, rounded; the site row carries
columns ``h00…h23``, the newest year and the site's position, so the mapping's ``unpivot`` and ``link`` (nearest
segment) turn it into the twin's 24 rows. Every record stays accounted for: a record that cannot be read, or is not
on a weekday, is refused with the reason; the others share their site's fate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Iterator, Optional, Sequence

from ..tr import tr
from .mapping import Aggregate
from .names import SourceFields
from .source import SourceRow
from .values import ValueProblemError, is_empty, plain, to_real, to_text

WEEKDAYS = range(0, 5)
SITE_COLUMNS = ["site", "year"] + [f"h{hour:02d}" for hour in range(24)]


@dataclass
class SiteRow(SourceRow):
    members: tuple[int, ...] = ()
    member_values: tuple[dict, ...] = ()  # each record's own values, for the rejected-rows report


@dataclass
class RecordProblem:
    row: int
    field: str
    value: object
    reason: str
    values: dict


def _timestamp(value: object) -> datetime:
    value = plain(value)
    if isinstance(value, datetime):
        return value
    text = (to_text(value) or "").replace("T", " ")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueProblemError(tr("a date and time such as 2026-05-04 07:00")) from None


def profiles(rows: Iterable[SourceRow], fields: SourceFields, spec: Aggregate, problems: list[RecordProblem],
             carry: Sequence[str] = ()) -> Iterator[SiteRow]:
    """One :class:`SiteRow` per site (in the order sites first appear); refused records go to ``problems``.
    The ``carry`` columns (e.g. route and measure) are taken from the site's first record that has them."""
    site_col, time_col, value_col = fields.first(spec.site), fields.first(spec.time), fields.first(spec.value)
    sums: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    members: dict[str, list[int]] = defaultdict(list)
    records: dict[str, list[dict]] = defaultdict(list)
    years: dict[str, int] = {}
    where: dict[str, object] = {}
    carried: dict[str, dict[str, object]] = defaultdict(dict)
    for row in rows:
        site: Optional[str] = to_text(row.values.get(site_col)) if site_col else None
        try:
            if site is None:
                raise _Refused(site_col or spec.site[0], None, tr("no measurement site"))
            if row.problem:
                raise _Refused("geometry", None, row.problem)
            try:
                stamp = _timestamp(row.values.get(time_col) if time_col else None)
            except ValueProblemError as exc:
                raise _Refused(time_col or spec.time[0], row.values.get(time_col),
                              tr("expected {what}").format(what=exc)) from None
            try:
                vehicles = to_real(row.values.get(value_col) if value_col else None)
            except ValueProblemError as exc:
                raise _Refused(value_col or spec.value[0], row.values.get(value_col),
                              tr("expected {what}").format(what=exc)) from None
            if vehicles is None:
                raise _Refused(value_col or spec.value[0], None, tr("a value is required"))
            if stamp.weekday() not in WEEKDAYS:
                raise _Refused(time_col, row.values.get(time_col),
                               tr("not a weekday (the twin's profile is weekday traffic)"))
        except _Refused as exc:
            problems.append(RecordProblem(row.number, exc.args[0], exc.args[1], exc.args[2], row.values))
            continue
        sums[site][stamp.hour].append(vehicles)
        members[site].append(row.number)
        records[site].append(row.values)
        years[site] = max(years.get(site, stamp.year), stamp.year)
        if site not in where and row.shape() is not None:
            where[site] = row.shape()
        for column in carry:
            if column not in carried[site] and not is_empty(row.values.get(column)):
                carried[site][column] = row.values[column]
    for site, by_hour in sums.items():
        values: dict[str, object] = {**carried[site], "site": site, "year": years[site]}
        for hour, numbers in by_hour.items():
            values[f"h{hour:02d}"] = round(sum(numbers) / len(numbers))
        yield SiteRow(members[site][0], values, where.get(site), members=tuple(members[site]),
                      member_values=tuple(records[site]))


class _Refused(Exception):  # noqa: N818 - internal control flow
    pass
