"""SQLite triggers that keep a twin GeoPackage honest: derived copies stay current, every edit is recorded.

- **Derived fields** (catalog ``derived_fields``): e.g. ``road_segments.latest_condition_class`` is set from the
  newest dated inspection whenever an inspection is added, changed or deleted — by any client, inside the same
  transaction. The map reads the stored column, so drawing costs exactly what it did.
- **Refusals** (catalog ``field_rules`` and key relations): see :mod:`.gpkg_rules`.
- **History** (catalog ``history``): one row per changed field in ``twin_history`` (layer, key, fid, field, action,
  old, new, when in UTC, who), per inserted and per deleted feature.

*Who*: an SQLite trigger cannot see the OS user, and the QGIS ogr provider offers no per-connection hook (no
temporary table or custom SQL function on its connection). So the plugin writes the user into the one-row
``twin_session`` table just before it commits a twin layer and clears it right after (:func:`set_session_user`);
the triggers copy it. An edit by another program leaves *who* empty rather than naming the wrong person. Two
people committing into the same file in the same instant could swap names — GeoPackages are single-writer files;
shared editing belongs in PostGIS, whose history records the database login.

Everything is written through GDAL (the GeoPackage's R-tree triggers call GDAL's SQL functions), idempotently: a
trigger is (re)created only when its SQL differs, so loading an up-to-date twin writes nothing.
"""
# ruff: noqa: S608 - DDL and trigger bodies built from quoted catalog/schema identifiers; values are bound or literals of the catalog

from __future__ import annotations

import getpass
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .catalog import Catalog
from .gpkg_rules import rule_triggers
from .maintenance_spec import DerivedField, maintenance_spec

PREFIX = "digiresan_"
LOCK_TIMEOUT_S = 2.0


def q(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def s(text: str) -> str:
    """An SQL string literal (for names taken from the catalog and the file's own schema)."""
    return "'" + text.replace("'", "''") + "'"


@dataclass
class TriggerReport:
    created: list[str] = field(default_factory=list)
    resynced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class _Schema:
    """Tables, columns, geometry columns and our existing triggers of one GeoPackage."""

    def __init__(self, ds):
        self.ds = ds
        self.columns: dict[str, list[str]] = {}
        for (name,) in self.rows("SELECT name FROM sqlite_master WHERE type = 'table'"):
            self.columns[name] = [row[1] for row in self.rows(f"PRAGMA table_info({q(name)})")]
        self.geometry = dict(self.rows("SELECT table_name, column_name FROM gpkg_geometry_columns"))
        self.triggers = dict(self.rows(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                       f"AND name LIKE '{PREFIX}%'"))

    def rows(self, sql: str) -> list[tuple]:
        layer = self.ds.ExecuteSQL(sql)
        if layer is None:
            return []
        try:
            out = []
            for feature in layer:
                out.append(tuple(feature.GetField(i) for i in range(feature.GetFieldCount())))
            return out
        finally:
            self.ds.ReleaseResultSet(layer)

    def has(self, table: str, *columns: str) -> bool:
        return table in self.columns and all(c in self.columns[table] for c in columns)

    def pk(self, table: str) -> str:
        info = self.rows(f"PRAGMA table_info({q(table)})")
        return next((row[1] for row in info if row[5]), "rowid")


def _derived_triggers(d: DerivedField, schema: _Schema) -> dict[str, str]:
    rel = d.relation
    child, parent = rel.child, d.layer
    pk = schema.pk(child)
    latest = (f"(SELECT {q(d.value_field)} FROM {q(child)} WHERE {q(rel.child_field)} = {{ref}} "
              f"AND {q(d.latest_by)} IS NOT NULL AND {q(d.value_field)} IS NOT NULL "
              f"ORDER BY {q(d.latest_by)} DESC, {q(pk)} ASC LIMIT 1)")

    def refresh(ref: str) -> str:
        return (f"UPDATE {q(parent)} SET {q(d.field)} = {latest.format(ref=ref)} "
                f"WHERE {q(rel.parent_field)} = {ref} AND {q(d.field)} IS NOT {latest.format(ref=ref)};")

    base = f"{PREFIX}derived_{d.id}"
    watched = ", ".join(q(c) for c in dict.fromkeys((rel.child_field, d.latest_by, d.value_field)))
    return {
        f"{base}_insert": f"CREATE TRIGGER {q(base + '_insert')} AFTER INSERT ON {q(child)} "
                          f"BEGIN {refresh('NEW.' + q(rel.child_field))} END",
        f"{base}_update": f"CREATE TRIGGER {q(base + '_update')} AFTER UPDATE OF {watched} ON {q(child)} "
                          f"BEGIN {refresh('OLD.' + q(rel.child_field))} {refresh('NEW.' + q(rel.child_field))} END",
        f"{base}_delete": f"CREATE TRIGGER {q(base + '_delete')} AFTER DELETE ON {q(child)} "
                          f"BEGIN {refresh('OLD.' + q(rel.child_field))} END",
    }


def _history_triggers(layer_id: str, table: str, key: str, fields: list[str], geometry: Optional[str],
                      pk: str, history: str, session: str) -> dict[str, str]:
    when = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    who = f"(SELECT who FROM {q(session)} WHERE id = 1)"
    columns = "layer, key, feature_fid, field, action, old_value, new_value, changed_at, changed_by"

    def row(ref: str, field_name: str, action: str, old: str, new: str) -> str:
        return (f"SELECT {s(layer_id)}, {ref}.{q(key)}, {ref}.{q(pk)}, {field_name}, {s(action)}, {old}, {new}, "
                f"{when}, {who}")

    updates = [f"INSERT INTO {q(history)} ({columns}) "
               f"{row('NEW', s(f), 'update', 'OLD.' + q(f), 'NEW.' + q(f))} WHERE OLD.{q(f)} IS NOT NEW.{q(f)};"
               for f in fields]
    if geometry:
        updates.append(f"INSERT INTO {q(history)} ({columns}) {row('NEW', s(geometry), 'update', 'NULL', 'NULL')} "
                       f"WHERE OLD.{q(geometry)} IS NOT NEW.{q(geometry)};")
    base = f"{PREFIX}history_{table}"
    return {
        f"{base}_insert": f"CREATE TRIGGER {q(base + '_insert')} AFTER INSERT ON {q(table)} BEGIN "
                          f"INSERT INTO {q(history)} ({columns}) "
                          f"{row('NEW', 'NULL', 'insert', 'NULL', 'NEW.' + q(key))}; END",
        f"{base}_update": f"CREATE TRIGGER {q(base + '_update')} AFTER UPDATE ON {q(table)} BEGIN "
                          + " ".join(updates) + " END",
        f"{base}_delete": f"CREATE TRIGGER {q(base + '_delete')} AFTER DELETE ON {q(table)} BEGIN "
                          f"INSERT INTO {q(history)} ({columns}) "
                          f"{row('OLD', 'NULL', 'delete', 'OLD.' + q(key), 'NULL')}; END",
    }


def _ensure_tables(schema: _Schema, history: str, session: str, report: TriggerReport) -> None:
    ds = schema.ds
    if history not in schema.columns:
        ds.ExecuteSQL(
            f"CREATE TABLE {q(history)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, layer TEXT NOT NULL, key TEXT, "
            "feature_fid INTEGER, field TEXT, action TEXT NOT NULL, old_value TEXT, new_value TEXT, "
            "changed_at DATETIME NOT NULL, changed_by TEXT)")
        ds.ExecuteSQL(f"CREATE INDEX {q(history + '_layer_key')} ON {q(history)} (layer, key)")
        ds.ExecuteSQL(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES "
            f"({s(history)}, 'attributes', {s(history)}, 'Digiresan edit history', "
            "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
        report.created.append(history)
    if session not in schema.columns:
        ds.ExecuteSQL(f"CREATE TABLE {q(session)} (id INTEGER PRIMARY KEY CHECK (id = 1), who TEXT, since TEXT)")
        ds.ExecuteSQL(f"INSERT INTO {q(session)} (id, who, since) VALUES (1, NULL, NULL)")
        report.created.append(session)


def install_triggers(path: Path | str, catalog: Catalog) -> TriggerReport:
    """Create or update the derived-field and history triggers of the twin GeoPackage ``path`` (writable).

    Raises ``RuntimeError`` with GDAL's message when the file cannot be changed. May block on a locked file:
    call off the UI thread.
    """
    from osgeo import gdal

    spec = maintenance_spec(catalog)
    report = TriggerReport()
    gdal.UseExceptions()
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        schema = _Schema(ds)
        wanted: dict[str, str] = {}
        derived_ids: dict[str, DerivedField] = {}
        for d in spec.derived:
            rel = d.relation
            if not (schema.has(d.layer, d.field, rel.parent_field)
                    and schema.has(rel.child, rel.child_field, d.latest_by, d.value_field)):
                report.skipped.append(d.id)
                continue
            for name, sql in _derived_triggers(d, schema).items():
                wanted[name] = sql
                derived_ids[name] = d
        history, session = spec.history.table, spec.history.session_table
        for layer_spec in catalog.layers:
            table, key = layer_spec.table, layer_spec.key
            if key is None or not schema.has(table, key):
                continue
            fields = [f for f in layer_spec.fields if schema.has(table, f)]
            wanted.update(_history_triggers(layer_spec.id, table, key, fields, schema.geometry.get(table),
                                            schema.pk(table), history, session))
        wanted.update(rule_triggers(catalog, schema.has, lambda t: schema.columns.get(t, []), schema.pk))
        changed = {name: sql for name, sql in wanted.items() if schema.triggers.get(name) != sql}
        stale = sorted(set(schema.triggers) - set(wanted))
        if not changed and not stale and history in schema.columns and session in schema.columns:
            return report
        ds.StartTransaction()
        try:
            _ensure_tables(schema, history, session, report)
            for name in stale:
                ds.ExecuteSQL(f"DROP TRIGGER {q(name)}")
            for name, sql in changed.items():
                if name in schema.triggers:
                    ds.ExecuteSQL(f"DROP TRIGGER {q(name)}")
                ds.ExecuteSQL(sql)
                report.created.append(name)
            for d in {id(d): d for n, d in derived_ids.items() if n in changed}.values():
                _resync(ds, d, schema)
                report.resynced.append(d.id)
            ds.CommitTransaction()
        except Exception:
            ds.RollbackTransaction()
            raise
    finally:
        ds = None
    return report


def _resync(ds, d: DerivedField, schema: _Schema) -> None:
    """Set every parent's derived copy from its children (once, when the triggers are new)."""
    rel = d.relation
    pk = schema.pk(rel.child)
    latest = (f"(SELECT c.{q(d.value_field)} FROM {q(rel.child)} c WHERE c.{q(rel.child_field)} = "
              f"{q(d.layer)}.{q(rel.parent_field)} AND c.{q(d.latest_by)} IS NOT NULL AND c.{q(d.value_field)} "
              f"IS NOT NULL ORDER BY c.{q(d.latest_by)} DESC, c.{q(pk)} ASC LIMIT 1)")
    ds.ExecuteSQL(f"UPDATE {q(d.layer)} SET {q(d.field)} = {latest} WHERE {q(d.field)} IS NOT {latest}")


def session_user() -> str:
    """Who is editing: the QGIS user's full name and login (the OS account)."""
    try:
        from qgis.core import QgsApplication

        login, full = QgsApplication.userLoginName(), QgsApplication.userFullName()
    except Exception:  # noqa: BLE001 - outside QGIS
        login, full = getpass.getuser(), ""
    return f"{full} ({login})" if full and full != login else (login or getpass.getuser())


def set_session_user(path: Path | str, catalog: Catalog, who: Optional[str]) -> bool:
    """Write (or clear, ``None``) the editing user into the GeoPackage's session table; False when it could not
    (no table yet, file locked for longer than :data:`LOCK_TIMEOUT_S`)."""
    table = maintenance_spec(catalog).history.session_table
    try:
        conn = sqlite3.connect(str(path), timeout=LOCK_TIMEOUT_S)
        try:
            with conn:
                conn.execute(f"UPDATE {q(table)} SET who = ?, since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "  # noqa: S608 - identifier from the catalog, quoted
                             "WHERE id = 1", (who,))
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True
