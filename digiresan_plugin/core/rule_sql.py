"""A field rule as SQL that SQLite and PostgreSQL both understand: what the databases refuse.

Used by the GeoPackage's refusal triggers (:mod:`.gpkg_rules`) and by ``scripts/maintenance_sql.py``, which writes
the PostgreSQL CHECK constraints of ``db/migrations/006_maintenance.sql`` from the same catalog. Refusals carry a
code ``digiresan|<layer>|<field>|<kind>`` (kinds: allowed, required, unique, constraint, parent, children) that
:mod:`.db_errors` turns into the catalog's words.
"""

from __future__ import annotations

from typing import Any, Optional

from .domains import FieldRule

CODE_PREFIX = "digiresan"


def q(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def literal(value: Any) -> str:
    """An SQL literal of a catalog value (text quoted, numbers as written)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        number = float(value)
        return str(int(number)) if number == int(number) else repr(number)
    return "'" + str(value).replace("'", "''") + "'"


def refusal_code(layer_id: str, field_name: str, kind: str) -> str:
    return f"{CODE_PREFIX}|{layer_id}|{field_name}|{kind}"


def allowed_sql(rule: FieldRule, column: str) -> Optional[str]:
    """SQL true when the non-NULL value ``column`` (an SQL expression) is in the rule's domain and range."""
    parts = []
    if rule.domain is not None and rule.domain.values:
        parts.append(f"{column} IN ({', '.join(literal(c) for c in rule.domain.codes)})")
    bounds = rule.value_range
    if bounds is not None:
        parts.append(f"{column} BETWEEN {literal(bounds[0])} AND {literal(bounds[1])}")
    return " AND ".join(parts) if parts else None
