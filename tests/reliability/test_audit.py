"""Item 4: no role but the audit trigger's owner writes ``ideas.idea_events`` (migration 005), and the trigger
still writes one event per changed field for every role that may change an idea."""

from __future__ import annotations

import uuid
from datetime import date

import psycopg2
import pytest

WRITES = [
    ("INSERT INTO ideas.idea_events (idea_id, changed_by, field, old_value, new_value, db_user)"
     " VALUES (%s, 'Karin', 'status', 'Inkommen', 'Beviljad', 'digiresan_admin')", True),
    ("UPDATE ideas.idea_events SET new_value = 'Avslagen' WHERE idea_id = %s", True),
    ("DELETE FROM ideas.idea_events WHERE idea_id = %s", True),
    ("TRUNCATE ideas.idea_events", False),
    ("SELECT nextval('ideas.idea_events_event_id_seq')", False),
]


@pytest.fixture()
def idea(pg_demo):
    admin = pg_demo.connect("admin", autocommit=True)
    try:
        with admin.cursor() as cur:
            cur.execute("INSERT INTO ideas.ideas (reference, title, submitter_category, submitted_on, status)"
                        " VALUES (%s, 'Cykelställ', 'invånare', %s, 'Inkommen') RETURNING idea_id",
                        (f"DR-R-{uuid.uuid4().hex[:8]}", date(2026, 1, 5)))
            yield cur.fetchone()[0]
    finally:
        admin.close()


@pytest.mark.parametrize("role", ["coordinator", "editor", "reader"])
@pytest.mark.parametrize(("statement", "with_idea"), WRITES)
def test_no_login_role_but_the_owner_writes_the_audit(pg_demo, idea, role, statement, with_idea):
    conn = pg_demo.connect(role)
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            with conn.cursor() as cur:
                cur.execute(statement, (idea,) if with_idea else ())
    finally:
        conn.close()


def test_the_trigger_still_writes_the_coordinators_change(pg_demo, idea):
    conn = pg_demo.connect("coordinator")
    try:
        with conn.cursor() as cur:
            cur.execute("UPDATE ideas.ideas SET status = 'Beviljad', granted_sek = 1200, updated_by = 'Karin'"
                        " WHERE idea_id = %s", (idea,))
            conn.commit()
            cur.execute("SELECT field, old_value, new_value, changed_by, db_user FROM ideas.idea_events"
                        " WHERE idea_id = %s ORDER BY field", (idea,))
            rows = cur.fetchall()
    finally:
        conn.close()
    assert rows == [("granted_sek", None, "1200.00", "Karin", "digiresan_coordinator"),
                    ("status", "Inkommen", "Beviljad", "Karin", "digiresan_coordinator")]


def test_reapplying_every_migration_keeps_the_audit_closed(pg_demo, idea):
    from tests.pg_server import load_migrate_module

    su = pg_demo.connect("superuser")
    try:
        load_migrate_module().migrate(su, reapply=True)  # 004 grants again, 005 revokes again
    finally:
        su.close()
    conn = pg_demo.connect("coordinator")
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            with conn.cursor() as cur:
                cur.execute(WRITES[0][0], (idea,))
    finally:
        conn.close()
