"""SQLite triggers that make a twin GeoPackage refuse what the catalog's field rules and key relations forbid, for
every client (QGIS with or without the plugin, GDAL, scripts) — as the CHECK constraints and foreign keys of the
PostGIS twin do.

Only changes are judged: an update is refused when it *changes* a value into a forbidden one, so a row that was
already wrong (the quality report lists it) can still be corrected field by field. A refusal aborts the statement
with a code (:func:`~.rule_sql.refusal_code`) that the plugin words (:mod:`.db_errors`); QGIS keeps the edits in the
edit buffer, nothing is lost. Key relations: a child must name an existing parent, a parent with children cannot be
deleted, and a parent's changed key is carried over to its children (as ``ON UPDATE CASCADE``).
"""
# ruff: noqa: S608 - DDL and trigger bodies built from quoted catalog/schema identifiers; values are bound or literals of the catalog

from __future__ import annotations

from typing import Callable

from .catalog import Catalog
from .domains import FieldRule, field_domains
from .maintenance_spec import maintenance_spec
from .rule_sql import allowed_sql, q, refusal_code

RULE_PREFIX = "digiresan_rule_"


def _abort(code: str) -> str:
    return "SELECT RAISE(ABORT, '" + code.replace("'", "''") + "');"


def _field_triggers(layer_id: str, table: str, rule: FieldRule, columns: list[str], pk: str) -> dict[str, str]:
    col = q(rule.field)
    base = f"{RULE_PREFIX}{table}_{rule.field}"
    out: dict[str, str] = {}

    def pair(kind: str, insert_when: str, update_when: str, update_of: str = col) -> None:
        code, name = refusal_code(layer_id, rule.field, kind), f"{base}_{kind}"
        out[f"{name}_insert"] = (f"CREATE TRIGGER {q(name + '_insert')} BEFORE INSERT ON {q(table)} "
                                 f"WHEN {insert_when} BEGIN {_abort(code)} END")
        of = f"UPDATE OF {update_of}" if update_of else "UPDATE"
        out[f"{name}_update"] = (f"CREATE TRIGGER {q(name + '_update')} BEFORE {of} ON {q(table)} "
                                 f"WHEN {update_when} BEGIN {_abort(code)} END")

    allowed = allowed_sql(rule, "NEW." + col)
    if allowed:
        pair("allowed", f"NEW.{col} IS NOT NULL AND NOT ({allowed})",
             f"NEW.{col} IS NOT OLD.{col} AND NEW.{col} IS NOT NULL AND NOT ({allowed})")
    if rule.not_null:
        pair("required", f"NEW.{col} IS NULL", f"NEW.{col} IS NULL AND OLD.{col} IS NOT NULL")
    if rule.unique:
        exists = f"EXISTS (SELECT 1 FROM {q(table)} x WHERE x.{col} = NEW.{col} AND x.{q(pk)} IS NOT NEW.{q(pk)})"
        pair("unique", f"NEW.{col} IS NOT NULL AND {exists}",
             f"NEW.{col} IS NOT OLD.{col} AND NEW.{col} IS NOT NULL AND {exists}")
    if rule.constraint is not None and rule.constraint.sql:
        def holds(ref: str) -> str:
            row = ", ".join(f"{ref}.{q(c)} AS {q(c)}" for c in columns)
            return f"coalesce((SELECT ({rule.constraint.sql}) FROM (SELECT {row})), 1)"
        pair("constraint", f"NOT {holds('NEW')}", f"NOT {holds('NEW')} AND {holds('OLD')}", update_of="")
    return out


def rule_triggers(catalog: Catalog, has: Callable[..., bool], columns_of: Callable[[str], list[str]],
                  pk_of: Callable[[str], str]) -> dict[str, str]:
    """The refusal triggers (name → CREATE TRIGGER) for the tables and columns the GeoPackage has."""
    domains = field_domains(catalog)
    out: dict[str, str] = {}
    for spec in catalog.layers:
        if not has(spec.table):
            continue
        columns = columns_of(spec.table)
        for rule in domains.rules_for(spec.id):
            if rule.field in columns:
                out.update(_field_triggers(spec.id, spec.table, rule, columns, pk_of(spec.table)))
    layers = {spec.id: spec for spec in catalog.layers}
    for rel in maintenance_spec(catalog).key_relations:
        parent, child = layers[rel.parent], layers[rel.child]
        if not (has(parent.table, rel.parent_field) and has(child.table, rel.child_field)):
            continue
        pc, cc = q(rel.parent_field), q(rel.child_field)
        base = f"{RULE_PREFIX}{rel.id}"
        missing = f"NOT EXISTS (SELECT 1 FROM {q(parent.table)} p WHERE p.{pc} = NEW.{cc})"
        parent_code = refusal_code(child.id, rel.child_field, "parent")
        out[f"{base}_parent_insert"] = (
            f"CREATE TRIGGER {q(base + '_parent_insert')} BEFORE INSERT ON {q(child.table)} "
            f"WHEN NEW.{cc} IS NOT NULL AND {missing} BEGIN {_abort(parent_code)} END")
        out[f"{base}_parent_update"] = (
            f"CREATE TRIGGER {q(base + '_parent_update')} BEFORE UPDATE OF {cc} ON {q(child.table)} "
            f"WHEN NEW.{cc} IS NOT OLD.{cc} AND NEW.{cc} IS NOT NULL AND {missing} BEGIN {_abort(parent_code)} END")
        children = f"EXISTS (SELECT 1 FROM {q(child.table)} c WHERE c.{cc} = OLD.{pc})"
        out[f"{base}_children_delete"] = (
            f"CREATE TRIGGER {q(base + '_children_delete')} BEFORE DELETE ON {q(parent.table)} "
            f"WHEN {children} BEGIN {_abort(refusal_code(parent.id, child.id, 'children'))} END")
        out[f"{base}_cascade_key"] = (
            f"CREATE TRIGGER {q(base + '_cascade_key')} AFTER UPDATE OF {pc} ON {q(parent.table)} "
            f"WHEN NEW.{pc} IS NOT OLD.{pc} BEGIN UPDATE {q(child.table)} SET {cc} = NEW.{pc} "
            f"WHERE {cc} = OLD.{pc}; END")
    return out
