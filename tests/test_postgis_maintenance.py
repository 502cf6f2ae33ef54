"""Migration 006 on the real PostgreSQL/PostGIS server: the database refuses what the catalog forbids, for a client
without the plugin too; foreign keys, the derived condition class and the edit history."""

from __future__ import annotations

import importlib.util
from datetime import date

import psycopg2
import pytest
from psycopg2 import errors

from demo import KNOWN_CASES
from digiresan_plugin.core.db_errors import describe_provider_error
from digiresan_plugin.core.domains import field_domains
from tests.maintenance_fixtures import one
from tests.pg_server import ROOT

SEGMENT = KNOWN_CASES["no_conflict"]["segment_id"]


def maintenance_sql():
    spec = importlib.util.spec_from_file_location("maintenance_sql", ROOT / "db" / "maintenance_sql.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def loaded(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return pg_cluster


def scalar(conn, sql, params=()):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()[0]


def test_migration_rules_are_the_catalogs(catalog):
    module = maintenance_sql()
    text = module.MIGRATION.read_text(encoding="utf-8")
    assert module.migration_block(text) == module.block(catalog), "run: python3 db/maintenance_sql.py --write"


def test_demo_twin_satisfies_every_rule(loaded):
    conn = loaded.connect("admin")
    try:
        assert scalar(conn, "SELECT maintenance.apply()") == []  # nothing left NOT VALID
        kinds = scalar(conn, "SELECT array_agg(DISTINCT split_part(conname, '|', 4) "
                             "ORDER BY split_part(conname, '|', 4)) FROM pg_constraint "
                             "WHERE connamespace = 'twin'::regnamespace AND conname LIKE 'digiresan|%%'")
        assert kinds == ["allowed", "constraint", "parent", "unique"]
        assert scalar(conn, "SELECT count(*) FROM pg_constraint WHERE convalidated IS FALSE AND "
                            "connamespace = 'twin'::regnamespace") == 0
        conn.commit()
    finally:
        conn.close()


def test_a_client_without_the_plugin_cannot_store_class_9(loaded, catalog):
    conn = loaded.connect("editor")
    try:
        with pytest.raises(errors.CheckViolation) as info:
            with conn.cursor() as cur:
                cur.execute("INSERT INTO twin.road_condition (segment_id, inspected_on, condition_class) "
                            "VALUES (%s, %s, 9)", (SEGMENT, date(2026, 11, 1)))
        conn.rollback()
        assert describe_provider_error(catalog, str(info.value), "en") == (
            "The database refused the change to Road condition inspections: Condition class (1–5) must be one of: "
            "1 – very good, 2 – good, 3 – fair, 4 – poor, 5 – very poor")
        with pytest.raises(errors.CheckViolation):
            with conn.cursor() as cur:
                cur.execute("UPDATE twin.traffic_counts SET hour = 24 WHERE segment_id = %s AND hour = 23", (SEGMENT,))
        conn.rollback()
        with pytest.raises(errors.CheckViolation):
            with conn.cursor() as cur:
                cur.execute("UPDATE twin.excavation_permits SET end_date = start_date - 1 WHERE permit_id = %s",
                            (KNOWN_CASES["no_conflict"]["permit_id"],))
        conn.rollback()
    finally:
        conn.close()


def test_every_value_the_catalog_allows_is_accepted(loaded, catalog):
    """The database agrees with the catalog value by value (a drift in either would fail here)."""
    domains = field_domains(catalog)
    conn = loaded.connect("editor")
    try:
        for layer_id, field_name, table, where in (
                ("road_condition", "condition_class", "road_condition", "segment_id = %s"),
                ("road_segments", "surface", "road_segments", "segment_id = %s"),
                ("traffic_signs", "sign_code", "traffic_signs", "sign_id = (SELECT min(sign_id) FROM "
                                                                  "twin.traffic_signs WHERE segment_id = %s)")):
            for code in domains.rule(layer_id, field_name).domain.codes:
                with conn.cursor() as cur:
                    cur.execute(f"UPDATE twin.{table} SET {field_name} = %s WHERE {where}", (code, SEGMENT))
                    assert cur.rowcount >= 1
            conn.rollback()
    finally:
        conn.close()


def test_key_relations_are_foreign_keys(loaded, catalog):
    conn = loaded.connect("editor")
    try:
        with pytest.raises(errors.ForeignKeyViolation):
            with conn.cursor() as cur:
                cur.execute("INSERT INTO twin.road_condition (segment_id, inspected_on, condition_class) "
                            "VALUES ('NO-SUCH-SEGMENT', '2026-11-01', 2)")
        conn.rollback()
        with pytest.raises(errors.ForeignKeyViolation) as info:
            with conn.cursor() as cur:
                cur.execute("DELETE FROM twin.road_segments WHERE segment_id = %s", (SEGMENT,))
        conn.rollback()
        assert describe_provider_error(catalog, str(info.value), "en").startswith(
            "The database refused to delete from Road segments:")
        with conn.cursor() as cur:  # a changed key moves to the children
            cur.execute("UPDATE twin.road_segments SET segment_id = 'OST-RENAMED-0001' WHERE segment_id = %s",
                        (SEGMENT,))
            cur.execute("SELECT count(*) FROM twin.traffic_counts WHERE segment_id = 'OST-RENAMED-0001'")
            assert cur.fetchone()[0] == 24
        conn.rollback()
    finally:
        conn.close()


def test_new_inspection_sets_the_latest_class_and_the_history_names_the_login(loaded):
    conn = loaded.connect("editor")
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT street_name FROM twin.road_segments WHERE segment_id = %s", (SEGMENT,))
            street = cur.fetchone()[0]
            cur.execute("INSERT INTO twin.road_condition (segment_id, inspected_on, condition_class) "
                        "VALUES (%s, '2026-11-26', 5)", (SEGMENT,))
            cur.execute("SELECT latest_condition_class FROM twin.road_segments WHERE segment_id = %s", (SEGMENT,))
            assert cur.fetchone()[0] == 5
            cur.execute("UPDATE twin.road_segments SET street_name = 'Nygatan' WHERE segment_id = %s", (SEGMENT,))
            cur.execute("SELECT field, old_value, new_value, changed_by FROM maintenance.history "
                        "WHERE layer = 'road_segments' AND key = %s AND field = 'street_name'", (SEGMENT,))
            assert cur.fetchall() == [("street_name", street, "Nygatan", "digiresan_editor")]
        conn.commit()
        with pytest.raises(errors.InsufficientPrivilege):  # nobody forges history
            with conn.cursor() as cur:
                cur.execute("INSERT INTO maintenance.history (layer, action) VALUES ('road_segments', 'update')")
        conn.rollback()
    finally:
        conn.close()


def test_loading_again_replaces_the_tables(loaded, demo_twin):
    loaded.load_gpkg(demo_twin)  # foreign keys are dropped and recreated around the load
    conn = loaded.connect("reader")
    try:
        segments = one(demo_twin, "SELECT count(*) FROM road_segments")
        assert scalar(conn, "SELECT count(*) FROM twin.road_segments") == segments
        assert scalar(conn, "SELECT count(*) FROM pg_constraint WHERE conname LIKE 'digiresan|%%|parent'") == 4
    finally:
        conn.close()


def test_history_is_readable_not_writable_by_planners(loaded):
    conn = loaded.connect("reader")
    try:
        assert scalar(conn, "SELECT count(*) >= 0 FROM maintenance.history")
        with pytest.raises(psycopg2.Error):
            with conn.cursor() as cur:
                cur.execute("DELETE FROM maintenance.history")
        conn.rollback()
    finally:
        conn.close()
