"""A field rule as QGIS expressions and messages: what the forms enforce and the quality report checks.

Each :class:`FieldCheck` is one part of a rule (domain, range, not in the future, the catalog's own constraint) as an
expression that is true when the value is acceptable — NULL is acceptable here, "required" is QGIS's not-null
constraint of its own — and the message a user reads when it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from qgis.core import QgsExpression

from .catalog import Catalog
from .domains import FieldRule
from .tr import tr

MAX_LISTED_VALUES = 12
TODAY_EXPRESSION = "to_date(now())"



@dataclass(frozen=True)
class FieldCheck:
    """One check of a field: ``kind`` (domain, range, future, constraint), the acceptable-value expression, the
    message."""

    kind: str
    expression: str
    message: str


def field_label(catalog: Catalog, layer_id: str, field_name: str, language: str) -> str:
    """The catalog's label of a field in ``language`` ("sv"/"en"), else the field name."""
    labels = catalog.extra.get("labels")
    entry = labels.get(layer_id, {}).get(field_name) if isinstance(labels, dict) and isinstance(
        labels.get(layer_id), dict) else None
    if isinstance(entry, dict):
        text = entry.get("sv" if language.startswith("sv") else "en")
        if isinstance(text, str) and text:
            return text
    return field_name


def format_number(value: float, language: str) -> str:
    """``1234.5`` → "1 234,5" in Swedish, "1,234.5" in English; integers without decimals."""
    text = f"{value:,.0f}" if float(value) == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if language.startswith("sv"):
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def date_literal(day: date) -> str:
    """A date as an expression literal that providers compile (ISO text compares like the date)."""
    return QgsExpression.quotedValue(day.isoformat())


def field_checks(rule: FieldRule, label: str, language: str, today: Optional[date] = None) -> list[FieldCheck]:
    """The checks of ``rule``; ``today`` pins the date (else ``now()`` when the expression is evaluated)."""
    col = QgsExpression.quotedColumnRef(rule.field)
    checks: list[FieldCheck] = []
    domain = rule.domain
    if domain is not None and domain.values:
        codes = ", ".join(QgsExpression.quotedValue(code) for code in domain.codes)
        if len(domain.values) <= MAX_LISTED_VALUES:
            allowed = ", ".join(v.text(language) for v in domain.values)
            text = tr("{field} must be one of: {values}").format(field=label, values=allowed)
        else:
            text = tr("{field} must be a value of the list '{list}'").format(
                field=label, list=domain.title.text(language))
        checks.append(FieldCheck("domain", f"{col} IS NULL OR {col} IN ({codes})", text))
    bounds = rule.value_range
    if bounds is not None:
        low, high = (_literal(b) for b in bounds)
        checks.append(FieldCheck(
            "range", f"{col} IS NULL OR ({col} >= {low} AND {col} <= {high})",
            tr("{field} must be between {min} and {max}").format(
                field=label, min=format_number(bounds[0], language), max=format_number(bounds[1], language))))
    if rule.not_in_future:
        today_expr = date_literal(today) if today is not None else TODAY_EXPRESSION
        checks.append(FieldCheck("future", f"{col} IS NULL OR {col} <= {today_expr}",
                                 tr("{field} cannot be in the future").format(field=label)))
    if rule.constraint is not None:
        checks.append(FieldCheck("constraint", f"coalesce(({rule.constraint.expression}), true)",
                                 rule.constraint.message.text(language)))
    return checks


def _literal(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number == int(number) else repr(number)
