"""Attribute rules, run as SQL in the twin's database: field rules, keys, orphans, hourly counts, status vs dates.

Each table is scanned once for all its field rules (one flag column per check, only offending rows come back);
the grouping rules (duplicates, orphans, hourly profiles) are aggregate queries. The SQL is the same for SQLite and
PostgreSQL; identifiers are quoted, values are the catalog's own literals (:mod:`..rule_sql`).
"""

# ruff: noqa: S608 - queries built from quoted catalog identifiers and catalog literals; nothing from users

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from ..domains import FieldRule
from ..field_checks import field_checks, format_number
from ..rule_sql import allowed_sql, literal, q
from ..tr import tr
from .config import HourlyRule, StatusDatesRule
from .context import RunContext
from .model import ERROR
from .sources import LayerInput

CHUNK = 500


def _text(value: Any) -> str:
    return "NULL" if value is None else str(value)


def _checks(ctx: RunContext, inp: LayerInput, rule: FieldRule) -> list[tuple[str, str, str]]:
    """(rule id, SQL condition of a violation, message) for one field rule."""
    col = q(rule.field)
    out: list[tuple[str, str, str]] = []
    messages = {c.kind: c.message for c in field_checks(rule, ctx.label(inp.spec.id, rule.field), ctx.language,
                                                        ctx.today)}
    if rule.not_null and rule.field != inp.spec.key:
        out.append(("required", f"{col} IS NULL", tr("{field} is empty; it is required").format(
            field=ctx.label(inp.spec.id, rule.field))))
    allowed = allowed_sql(rule, col)
    if allowed:
        kind = "domain" if rule.domain is not None and rule.domain.values else "range"
        message = "; ".join(messages[k] for k in ("domain", "range") if k in messages)
        out.append((kind, f"{col} IS NOT NULL AND NOT ({allowed})", message))
    if rule.not_in_future:
        out.append(("future_date", f"{col} > {literal(ctx.today.isoformat())}", messages["future"]))
    if rule.constraint is not None and rule.constraint.sql:
        out.append(("constraint", f"NOT coalesce(({rule.constraint.sql}), 1=1)", messages["constraint"]))
    return out


def field_rules(ctx: RunContext, inp: LayerInput) -> None:
    """Domain, range, required, not in the future, the catalog's constraint, and the empty key."""
    conn = ctx.sql(inp)
    if conn is None:
        return
    spec = inp.spec
    checks: list[tuple[str, str, str, str]] = []  # field, rule id, condition, message
    for rule in ctx.domains.rules_for(spec.id):
        if inp.has(rule.field):
            checks += [(rule.field, rid, cond, msg) for rid, cond, msg in _checks(ctx, inp, rule)]
    if spec.key and inp.has(spec.key):
        key = q(spec.key)
        checks.append((spec.key, "empty_key", f"{key} IS NULL OR trim(CAST({key} AS TEXT)) = ''",
                       tr("The key {field} is empty").format(field=ctx.label(spec.id, spec.key))))
    if not checks:
        return
    fields = list(dict.fromkeys(c[0] for c in checks))
    key_sql = q(spec.key) if spec.key and inp.has(spec.key) else "NULL"
    flags = ", ".join(f"CASE WHEN {cond} THEN 1 ELSE 0 END" for _f, _r, cond, _m in checks)
    where = " OR ".join(f"({cond})" for _f, _r, cond, _m in checks)
    sql = (f"SELECT {q(inp.sql.pk)}, {key_sql}, {', '.join(q(f) for f in fields)}, {flags} "
           f"FROM {inp.sql.table} WHERE {where}")
    try:
        rows = conn.rows(sql)
    except Exception as exc:  # noqa: BLE001 - e.g. a text domain on an integer column in PostgreSQL
        ctx.not_checked(spec.id, tr("field rules"), exc)
        return
    for row in rows:
        fid, key_value = row[0], row[1]
        values = dict(zip(fields, row[2:2 + len(fields)]))
        for (field, rule_id, _cond, message), hit in zip(checks, row[2 + len(fields):]):
            if hit:
                found = tr("(found: {value})").format(value=_text(values[field]))
                ctx.add(spec.id, key_value, fid, field, rule_id, ERROR,
                        message if rule_id in ("required", "empty_key") else f"{message} {found}")


def duplicates(ctx: RunContext, inp: LayerInput) -> None:
    """Values of a unique field (e.g. the key) used by more than one feature."""
    unique = [r.field for r in ctx.domains.rules_for(inp.spec.id) if r.unique and inp.has(r.field)]
    if not unique:
        return
    conn = ctx.sql(inp)
    if conn is None:
        return
    for field in unique:
        col, table = q(field), inp.sql.table
        sql = (f"SELECT {q(inp.sql.pk)}, {col} FROM {table} WHERE {col} IN (SELECT {col} FROM {table} "
               f"WHERE {col} IS NOT NULL GROUP BY {col} HAVING count(*) > 1) ORDER BY {col}, {q(inp.sql.pk)}")
        try:
            rows = conn.rows(sql)
        except Exception as exc:  # noqa: BLE001
            ctx.not_checked(inp.spec.id, tr("duplicate keys"), exc)
            continue
        counts: dict[Any, int] = {}
        for _fid, value in rows:
            counts[value] = counts.get(value, 0) + 1
        for fid, value in rows:
            ctx.add(inp.spec.id, value, fid, field, "duplicate_key", ERROR,
                    tr("{field} '{value}' is used by {n} features; it must be unique").format(
                        field=ctx.label(inp.spec.id, field), value=value, n=counts[value]))


def orphans(ctx: RunContext) -> None:
    """Child rows whose key names no parent (an inspection, a count or a plan for a segment that does not exist)."""
    for rel in ctx.spec.key_relations:
        parent, child = ctx.inputs.get(rel.parent), ctx.inputs.get(rel.child)
        if parent is None or child is None or not parent.has(rel.parent_field) or not child.has(rel.child_field):
            continue
        if parent.sql is None or child.sql is None or \
                (parent.sql.kind, parent.sql.location) != (child.sql.kind, child.sql.location):
            ctx.not_checked(rel.child, tr("parents of {field}").format(field=rel.child_field),
                            tr("parent and child tables are not in one database"))
            continue
        conn = ctx.sql(child)
        if conn is None:
            continue
        cf, pf = q(rel.child_field), q(rel.parent_field)
        missing = (f"SELECT d.k FROM (SELECT DISTINCT {cf} AS k FROM {child.sql.table} WHERE {cf} IS NOT NULL) d "
                   f"WHERE NOT EXISTS (SELECT 1 FROM {parent.sql.table} p WHERE p.{pf} = d.k)")
        try:
            keys = [row[0] for row in conn.rows(missing)]
            rows: list[tuple] = []
            for start in range(0, len(keys), CHUNK):
                listed = ", ".join(literal(k) for k in keys[start:start + CHUNK])
                rows += conn.rows(f"SELECT {q(child.sql.pk)}, {cf} FROM {child.sql.table} WHERE {cf} IN ({listed})")
        except Exception as exc:  # noqa: BLE001
            ctx.not_checked(rel.child, tr("parents of {field}").format(field=rel.child_field), exc)
            continue
        for fid, value in sorted(rows, key=lambda r: (str(r[1]), r[0])):
            ctx.add(rel.child, value, fid, rel.child_field, "orphan", ERROR,
                    tr("{field} '{value}' names no feature of {parent}").format(
                        field=ctx.label(rel.child, rel.child_field), value=value, parent=ctx.title(rel.parent)))


def hourly_profiles(ctx: RunContext, rule: HourlyRule) -> list[tuple[Any, str]]:
    """Counts per parent and year that are not ``hours`` distinct hours, or whose latest year's sum is off ÅDT.
    Returns (parent key, problem index) pairs so the caller can attach the parent's geometry."""
    rel = rule.relation
    parent, child = ctx.inputs.get(rel.parent), ctx.inputs.get(rel.child)
    if parent is None or child is None or not child.has(rel.child_field, rule.hour_field, rule.value_field,
                                                         rule.year_field) or \
            not parent.has(rel.parent_field, rule.aadt_field):
        return []
    conn = ctx.sql(child)
    if conn is None or parent.sql is None:
        return []
    k, h, v, y = (q(n) for n in (rel.child_field, rule.hour_field, rule.value_field, rule.year_field))
    a, table = q(rule.aadt_field), child.sql.table
    # One pass grouped by the key alone follows the key's index (no sort of every count): a key whose counts are
    # all of one year is that year's group and its latest; only keys with several years (or NULL years) are
    # grouped again by year. A NULL key joins no parent and no latest year, so it is left out as before.
    sql = (f"WITH a AS (SELECT {k} AS k, min({y}) AS y, max({y}) AS ly, count({y}) AS ny, count(*) AS n, "
           f"count(DISTINCT {h}) AS dh, sum({v}) AS s FROM {table} WHERE {k} IS NOT NULL GROUP BY {k}), "
           f"g AS (SELECT k, y, n, dh, s, 1 AS latest FROM a WHERE y = ly AND ny = n "
           f"UNION ALL SELECT m.k, m.y, m.n, m.dh, m.s, CASE WHEN m.y = a.ly THEN 1 ELSE 0 END "
           f"FROM (SELECT {k} AS k, {y} AS y, count(*) AS n, count(DISTINCT {h}) AS dh, sum({v}) AS s "
           f"FROM {table} WHERE {k} IN (SELECT k FROM a WHERE NOT coalesce(y = ly AND ny = n, 1=0)) "
           f"GROUP BY {k}, {y}) m JOIN a ON a.k = m.k) "
           f"SELECT g.k, g.y, g.n, g.dh, g.s, p.{a}, g.latest "
           f"FROM g LEFT JOIN {parent.sql.table} p ON p.{q(rel.parent_field)} = g.k "
           f"WHERE g.n <> {rule.hours} OR g.dh <> {rule.hours} OR (g.latest = 1 AND p.{a} > 0 AND "
           f"(g.s < {rule.min_share!r} * p.{a} OR g.s > {rule.max_share!r} * p.{a}))")
    try:
        rows = conn.rows(sql)
    except Exception as exc:  # noqa: BLE001
        ctx.not_checked(rel.child, tr("hourly counts"), exc)
        return []
    found: list[tuple[Any, str]] = []
    lang = ctx.language
    for key, year, n, distinct, total, aadt, latest in sorted(rows, key=lambda r: (str(r[0]), str(r[1]))):
        year_text = _text(year)
        if n != rule.hours or distinct != rule.hours:
            ctx.add(rel.child, key, None, rule.hour_field, rule.id, rule.severity,
                    tr("Counts of {year}: {n} rows for {distinct} distinct hours, expected {hours} hours once each")
                    .format(year=year_text, n=n, distinct=distinct, hours=rule.hours))
            found.append((key, rule.id))
        if latest and aadt and total is not None and not (
                rule.min_share * aadt <= total <= rule.max_share * aadt):
            ctx.add(rel.child, key, None, rule.value_field, rule.id, rule.severity,
                    tr("Counts of {year} sum to {sum} vehicles, {share} % of ÅDT {aadt} (expected {low}–{high} %)")
                    .format(year=year_text, sum=format_number(total, lang),
                            share=format_number(round(100.0 * total / aadt), lang), aadt=format_number(aadt, lang),
                            low=format_number(100 * rule.min_share, lang),
                            high=format_number(100 * rule.max_share, lang)))
            found.append((key, rule.id))
    return found


def _day(value: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value is not None else None
    except ValueError:
        return None


def status_dates(ctx: RunContext, rule: StatusDatesRule) -> None:
    """A status that does not fit the dates, e.g. "Pågående" for a permit that ended months ago."""
    inp = ctx.inputs.get(rule.layer)
    if inp is None or not inp.has(rule.status_field, rule.start_field, rule.end_field):
        return
    conn = ctx.sql(inp)
    if conn is None:
        return
    key_sql = q(inp.spec.key) if inp.spec.key and inp.has(inp.spec.key) else "NULL"
    statuses = ", ".join(literal(s) for s in rule.not_started + rule.ongoing + rule.finished)
    sql = (f"SELECT {q(inp.sql.pk)}, {key_sql}, {q(rule.status_field)}, {q(rule.start_field)}, "
           f"{q(rule.end_field)} FROM {inp.sql.table} WHERE {q(rule.status_field)} IN ({statuses})")
    try:
        rows = conn.rows(sql)
    except Exception as exc:  # noqa: BLE001
        ctx.not_checked(rule.layer, tr("status and dates"), exc)
        return
    grace = timedelta(days=rule.grace_days)
    today = ctx.today
    for fid, key, status, start_raw, end_raw in rows:
        start, end = _day(start_raw), _day(end_raw)
        message = None
        if status in rule.ongoing and end is not None and end + grace < today:
            message = tr("Status '{status}' but it ended {days} days ago ({end})")
        elif status in rule.ongoing and start is not None and start - grace > today:
            message = tr("Status '{status}' but it starts only on {start}")
        elif status in rule.not_started and end is not None and end + grace < today:
            message = tr("Status '{status}' but its end date {end} passed {days} days ago")
        elif status in rule.finished and start is not None and start > today:
            message = tr("Status '{status}' but it starts only on {start}")
        if message is not None:
            days = (today - end).days if end is not None else 0
            ctx.add(rule.layer, key, fid, rule.status_field, rule.id, rule.severity,
                    message.format(status=status, days=days, end=_text(end_raw)[:10], start=_text(start_raw)[:10]))
