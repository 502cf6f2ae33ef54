"""The shared PostGIS database: migrations, least-privilege roles, the audit trigger and the twin loader.

Runs against the real local server (``pg_cluster`` from tests/pg_server.py) and a small GeoPackage built here,
so every expected count and value is known by construction.
"""

from __future__ import annotations

import re
import stat
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest
from osgeo import ogr, osr

from tests.pg_server import MIGRATE_PY, load_migrate_module

DENIED = psycopg2.errors.InsufficientPrivilege

# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture()
def connect(pg_cluster):
    """Factory of connections (closed after the test)."""
    opened = []

    def _connect(role: str, autocommit: bool = False):
        conn = pg_cluster.connect(role, autocommit=autocommit)
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        conn.close()


def fetch(conn, query: str, params: tuple = ()) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall()
    conn.commit()
    return rows


def execute(conn, query: str, params: tuple = ()) -> int:
    with conn.cursor() as cur:
        cur.execute(query, params)
        count = cur.rowcount
    conn.commit()
    return count


def assert_denied(conn, query: str, params: tuple = ()) -> None:
    with pytest.raises(DENIED):
        with conn.cursor() as cur:
            cur.execute(query, params)
    conn.rollback()


@pytest.fixture()
def idea(connect) -> int:
    """A new idea with personal data, inserted by the admin; returns its idea_id."""
    admin = connect("admin")
    reference = f"DR-2021-{uuid.uuid4().hex[:8]}"
    rows = fetch(
        admin,
        "INSERT INTO ideas.ideas (reference, title, description, theme, department, submitter_category,"
        " submitted_on, status, estimated_cost_sek, expected_yearly_effect_sek, geom, linked_layer, linked_key,"
        " submitter_name, submitter_contact)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 3006), %s, %s, %s, %s)"
        " RETURNING idea_id",
        (reference, "Digitala parkeringsskyltar", "Skyltar som visar lediga platser", "samhällsbyggnad",
         "Teknisk förvaltning", "invånare", date(2021, 3, 4), "Inkommen", Decimal("250000"), Decimal("80000"),
         481670.0, 7005610.0, "road_segments", "S1", "Greta Gatlund", "greta@example.se"),
    )
    return rows[0][0]


# --- migrations ---------------------------------------------------------------------------------


def test_migrations_recorded_once_and_idempotent(pg_cluster, connect):
    migrate = load_migrate_module()
    files = sorted(int(m.group(1)) for p in (MIGRATE_PY.parent / "migrations").glob("*.sql")
                   if (m := re.match(r"(\d{3})_", p.name)))
    assert {1, 2, 3, 4} <= set(files)

    su = connect("superuser")
    assert migrate.migrate(su) == []  # the fixture applied everything already
    assert migrate.migrate(su, reapply=True) == files  # every file runs again without error
    assert migrate.migrate(su) == []

    rows = fetch(su, "SELECT version, count(*) FROM public.schema_version GROUP BY version ORDER BY version")
    assert rows == [(v, 1) for v in files]


def test_group_roles_cannot_log_in_and_login_roles_are_members(connect):
    su = connect("superuser")
    rows = dict(fetch(su, "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(%s)",
                      (["twin_reader", "twin_editor", "ideas_coordinator", "digiresan_reader"],)))
    assert rows == {"twin_reader": False, "twin_editor": False, "ideas_coordinator": False,
                    "digiresan_reader": True}
    rows = fetch(su, "SELECT pg_has_role(%s, %s, 'MEMBER'), pg_has_role(%s, %s, 'MEMBER')",
                 ("digiresan_reader", "twin_editor", "digiresan_coordinator", "ideas_coordinator"))
    assert rows == [(False, True)]


def test_service_file_has_no_password_and_pgpass_is_private(pg_cluster):
    service_text = pg_cluster.service_file.read_text()
    assert not re.search(r"^\s*password\s*=", service_text, re.MULTILINE | re.IGNORECASE)
    assert stat.S_IMODE(pg_cluster.pass_file.stat().st_mode) == 0o600
    passwords = [line.split(":")[4] for line in pg_cluster.pass_file.read_text().splitlines() if line]
    assert passwords and all(len(pw) >= 20 and pw not in service_text for pw in passwords)
    conn = psycopg2.connect(pg_cluster.service_uri("coordinator"))  # service + pgpass from the environment
    try:
        assert fetch(conn, "SELECT current_user, current_database()") == [("digiresan_coordinator", "digiresan_test")]
    finally:
        conn.close()


# --- personal data and ideas privileges ---------------------------------------------------------


def test_reader_cannot_read_personal_data(idea, connect):
    reader = connect("reader")
    assert_denied(reader, "SELECT submitter_name FROM ideas.ideas WHERE idea_id = %s", (idea,))
    assert_denied(reader, "SELECT submitter_contact FROM ideas.ideas WHERE idea_id = %s", (idea,))
    assert_denied(reader, "SELECT * FROM ideas.ideas WHERE idea_id = %s", (idea,))
    rows = fetch(reader, "SELECT title, status, estimated_cost_sek, ST_X(geom) FROM ideas.ideas WHERE idea_id = %s",
                 (idea,))
    assert rows == [("Digitala parkeringsskyltar", "Inkommen", Decimal("250000.00"), 481670.0)]

    with reader.cursor() as cur:
        cur.execute("SELECT * FROM ideas.ideas_public WHERE idea_id = %s", (idea,))
        columns = [d.name for d in cur.description]
        assert len(cur.fetchall()) == 1
    reader.commit()
    assert "title" in columns and "geom" in columns
    assert "submitter_name" not in columns and "submitter_contact" not in columns


def test_coordinator_reads_personal_data(idea, connect):
    coordinator = connect("coordinator")
    rows = fetch(coordinator, "SELECT submitter_name, submitter_contact FROM ideas.ideas WHERE idea_id = %s", (idea,))
    assert rows == [("Greta Gatlund", "greta@example.se")]


def test_editor_has_no_personal_data_nor_idea_editing(idea, connect):
    editor = connect("editor")
    assert_denied(editor, "SELECT submitter_name FROM ideas.ideas WHERE idea_id = %s", (idea,))
    assert_denied(editor, "UPDATE ideas.ideas SET status = %s WHERE idea_id = %s", ("Beviljad", idea))


def test_reader_cannot_change_ideas_or_audit(idea, connect):
    reader = connect("reader")
    assert_denied(reader, "UPDATE ideas.ideas SET status = %s WHERE idea_id = %s", ("Beviljad", idea))
    assert_denied(reader, "INSERT INTO ideas.idea_events (idea_id, field) VALUES (%s, %s)", (idea, "status"))
    assert_denied(reader, "SELECT old_value FROM ideas.idea_events WHERE idea_id = %s", (idea,))
    assert_denied(reader, "DELETE FROM ideas.ideas WHERE idea_id = %s", (idea,))


def test_coordinator_updates_only_decision_columns(idea, connect):
    coordinator = connect("coordinator")
    assert_denied(coordinator, "UPDATE ideas.ideas SET title = %s WHERE idea_id = %s", ("Annat", idea))
    assert_denied(coordinator, "UPDATE ideas.ideas SET submitter_name = %s WHERE idea_id = %s", ("X", idea))
    assert_denied(coordinator, "DELETE FROM ideas.ideas WHERE idea_id = %s", (idea,))
    assert_denied(coordinator, "INSERT INTO ideas.ideas (reference, title, submitter_category, submitted_on)"
                               " VALUES (%s, %s, %s, %s)", ("DR-X", "X", "invånare", date(2021, 1, 1)))
    count = execute(coordinator, "UPDATE ideas.ideas SET status = %s, granted_sek = %s, decision_text = %s,"
                                 " decided_on = %s WHERE idea_id = %s",
                    ("Delvis beviljad", Decimal("150000"), "Beviljas delvis.", date(2021, 5, 20), idea))
    assert count == 1
    # the audit log is the trigger's alone (005): no forged rows (tests/reliability/test_audit.py)
    assert_denied(coordinator, "INSERT INTO ideas.idea_events (idea_id, changed_by, field, new_value)"
                               " VALUES (%s, %s, %s, %s)", (idea, "Karin", "note", "Ringde förslagsställaren"))


# --- the audit trigger --------------------------------------------------------------------------


def test_audit_trigger_writes_one_event_per_changed_field_and_bumps_version(idea, connect):
    coordinator = connect("coordinator")
    before = fetch(coordinator, "SELECT version, updated_at FROM ideas.ideas WHERE idea_id = %s", (idea,))[0]
    assert before[0] == 1

    rows = fetch(coordinator,
                 "UPDATE ideas.ideas SET status = %s, granted_sek = %s, decision_text = %s, updated_by = %s"
                 " WHERE idea_id = %s AND version = %s RETURNING version, updated_at, updated_by",
                 ("Beviljad", Decimal("200000"), "Beviljas.", "Karin Koordinator", idea, 1))
    assert len(rows) == 1
    version, updated_at, updated_by = rows[0]
    assert version == 2 and updated_at > before[1] and updated_by == "Karin Koordinator"

    events = fetch(coordinator, "SELECT field, old_value, new_value, changed_by, db_user FROM ideas.idea_events"
                                " WHERE idea_id = %s ORDER BY field", (idea,))
    assert events == [
        ("decision_text", None, "Beviljas.", "Karin Koordinator", "digiresan_coordinator"),
        ("granted_sek", None, "200000.00", "Karin Koordinator", "digiresan_coordinator"),
        ("status", "Inkommen", "Beviljad", "Karin Koordinator", "digiresan_coordinator"),
    ]

    # same granted amount, new status: one more event only
    rows = fetch(coordinator, "UPDATE ideas.ideas SET status = %s, granted_sek = %s, updated_by = %s"
                              " WHERE idea_id = %s AND version = %s RETURNING version",
                 ("Genomförd", Decimal("200000.00"), "Karin Koordinator", idea, 2))
    assert rows == [(3,)]
    count = fetch(coordinator, "SELECT count(*) FROM ideas.idea_events WHERE idea_id = %s", (idea,))[0][0]
    assert count == 4

    # a save based on a stale version changes nothing (optimistic concurrency)
    assert execute(coordinator, "UPDATE ideas.ideas SET status = %s WHERE idea_id = %s AND version = %s",
                   ("Avslagen", idea, 2)) == 0
    assert fetch(coordinator, "SELECT status, version FROM ideas.ideas WHERE idea_id = %s", (idea,)) == [
        ("Genomförd", 3)]


def test_personal_data_changes_are_masked_in_public_history(idea, connect):
    admin = connect("admin")
    execute(admin, "UPDATE ideas.ideas SET submitter_contact = %s, updated_by = %s WHERE idea_id = %s",
            ("070-1234567", "admin", idea))
    coordinator = connect("coordinator")
    assert fetch(coordinator, "SELECT field, old_value, new_value FROM ideas.idea_events WHERE idea_id = %s",
                 (idea,)) == [("submitter_contact", "greta@example.se", "070-1234567")]
    reader = connect("reader")
    assert fetch(reader, "SELECT field, old_value, new_value FROM ideas.idea_events_public WHERE idea_id = %s",
                 (idea,)) == [("submitter_contact", None, None)]


def test_check_constraints_reject_unknown_status_and_category(idea, connect):
    admin = connect("admin")
    with pytest.raises(psycopg2.errors.CheckViolation):
        execute(admin, "UPDATE ideas.ideas SET status = %s WHERE idea_id = %s", ("Godkänd", idea))
    admin.rollback()
    with pytest.raises(psycopg2.errors.CheckViolation):
        execute(admin, "UPDATE ideas.ideas SET submitter_category = %s WHERE idea_id = %s", ("alien", idea))
    admin.rollback()


def test_sql_like_text_is_stored_literally(idea, connect):
    nasty = "x'); DROP TABLE ideas.ideas; -- <b>%s</b>"
    admin = connect("admin")
    execute(admin, "UPDATE ideas.ideas SET title = %s WHERE idea_id = %s", (nasty, idea))
    reader = connect("reader")
    assert fetch(reader, "SELECT title FROM ideas.ideas WHERE idea_id = %s", (idea,)) == [(nasty,)]


# --- the twin loader ----------------------------------------------------------------------------

SEGMENTS = [("S1", "Storgatan", 5, [(481600, 7005600), (481700, 7005600)]),
            ("S2", "Storgatan", 5, [(481700, 7005600), (481800, 7005600)]),
            ("S3", "Prästgatan", 6, [(481700, 7005500), (481700, 7005600)])]
CONDITIONS = [("S1", "2024-05-01", 2), ("S1", "2025-05-01", 3), ("S2", "2025-05-02", 1), ("S3", "2023-06-12", 4)]
SIGNS = [("SG1", "B1", 481700.0, 7005601.0), ("SG2", "C31-50", 481650.0, 7005602.0)]


def _make_twin_gpkg(path: Path) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))

    def layer(name, geom_type, fields):
        lyr = ds.CreateLayer(name, srs if geom_type != ogr.wkbNone else None, geom_type)
        for fname, ftype in fields:
            lyr.CreateField(ogr.FieldDefn(fname, ftype))
        return lyr

    lyr = layer("road_segments", ogr.wkbLineString,
                [("segment_id", ogr.OFTString), ("street_name", ogr.OFTString), ("functional_class", ogr.OFTInteger)])
    for sid, street, fclass, coords in SEGMENTS:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("segment_id", sid)
        feat.SetField("street_name", street)
        feat.SetField("functional_class", fclass)
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in coords:
            line.AddPoint_2D(x, y)
        feat.SetGeometry(line)
        lyr.CreateFeature(feat)

    lyr = layer("road_condition", ogr.wkbNone,
                [("segment_id", ogr.OFTString), ("inspected_on", ogr.OFTDate), ("condition_class", ogr.OFTInteger)])
    for sid, day, cls in CONDITIONS:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("segment_id", sid)
        feat.SetField("inspected_on", day)
        feat.SetField("condition_class", cls)
        lyr.CreateFeature(feat)

    lyr = layer("traffic_counts", ogr.wkbNone,
                [("segment_id", ogr.OFTString), ("hour", ogr.OFTInteger), ("vehicles", ogr.OFTInteger)])
    for sid in ("S1", "S2"):
        for hour in range(24):
            feat = ogr.Feature(lyr.GetLayerDefn())
            feat.SetField("segment_id", sid)
            feat.SetField("hour", hour)
            feat.SetField("vehicles", 10 * hour)
            lyr.CreateFeature(feat)

    lyr = layer("traffic_signs", ogr.wkbPoint, [("sign_id", ogr.OFTString), ("sign_code", ogr.OFTString)])
    for sign_id, code, x, y in SIGNS:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("sign_id", sign_id)
        feat.SetField("sign_code", code)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        feat.SetGeometry(point)
        lyr.CreateFeature(feat)
    ds.FlushCache()
    ds = None  # closes the file
    return path


@pytest.fixture(scope="module")
def twin_gpkg(tmp_path_factory) -> Path:
    return _make_twin_gpkg(tmp_path_factory.mktemp("pg_twin") / "small_twin.gpkg")


@pytest.fixture()
def loaded_twin(pg_cluster, twin_gpkg):
    """The small twin freshly (re)loaded into the test database."""
    pg_cluster.load_gpkg(twin_gpkg)
    return pg_cluster


INDEX_COLUMNS = """
SELECT am.amname, array_agg(a.attname::text ORDER BY k.ord)
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_am am ON am.oid = c.relam
  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
 WHERE i.indrelid = to_regclass(%s)
 GROUP BY c.relname, am.amname
"""


def test_loaded_twin_has_tables_geometry_and_indexes(loaded_twin, connect):
    su = connect("superuser")
    counts = {t: fetch(su, f"SELECT count(*) FROM twin.{t}")[0][0]
              for t in ("road_segments", "road_condition", "traffic_counts", "traffic_signs")}
    assert counts == {"road_segments": 3, "road_condition": 4, "traffic_counts": 48, "traffic_signs": 2}

    geoms = fetch(su, "SELECT f_table_name, f_geometry_column, srid, type FROM public.geometry_columns"
                      " WHERE f_table_schema = %s ORDER BY f_table_name", ("twin",))
    assert geoms == [("road_segments", "geom", 3006, "LINESTRING"), ("traffic_signs", "geom", 3006, "POINT")]

    def indexes(table):
        return {(am, tuple(cols)) for am, cols in fetch(su, INDEX_COLUMNS, (f"twin.{table}",))}

    assert {("gist", ("geom",)), ("btree", ("segment_id",)), ("btree", ("fid",))} <= indexes("road_segments")
    assert {("btree", ("segment_id", "inspected_on"))} <= indexes("road_condition")
    assert {("btree", ("segment_id", "hour"))} <= indexes("traffic_counts")
    assert {("gist", ("geom",)), ("btree", ("sign_id",))} <= indexes("traffic_signs")
    assert not any(am == "gist" for am, _ in indexes("traffic_counts"))
    duplicated = fetch(su, "SELECT indrelid::regclass::text, indkey::text FROM pg_index"
                           " WHERE indrelid::regclass::text LIKE %s GROUP BY 1, 2 HAVING count(*) > 1", ("twin.%",))
    assert duplicated == []

    analysed = fetch(su, "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = %s"
                         " AND coalesce(last_analyze, last_autoanalyze) IS NOT NULL", ("twin",))[0][0]
    assert analysed == 4

    assert fetch(su, "SELECT ST_Length(geom) FROM twin.road_segments WHERE segment_id = %s", ("S3",)) == [(100.0,)]


def test_reader_reads_twin_but_cannot_edit_it_editor_can(loaded_twin, connect):
    reader = connect("reader")
    editor = connect("editor")
    assert fetch(reader, "SELECT street_name FROM twin.road_segments WHERE segment_id = %s", ("S2",)) == [
        ("Storgatan",)]
    assert_denied(reader, "UPDATE twin.road_segments SET street_name = %s WHERE segment_id = %s", ("X", "S2"))
    assert_denied(reader, "DELETE FROM twin.road_condition WHERE segment_id = %s", ("S1",))
    assert_denied(reader, "INSERT INTO twin.traffic_signs (sign_id) VALUES (%s)", ("SG9",))

    assert execute(editor, "UPDATE twin.road_segments SET street_name = %s WHERE segment_id = %s",
                   ("Stortorget", "S2")) == 1
    assert execute(editor, "INSERT INTO twin.traffic_signs (sign_id, sign_code, geom)"
                           " VALUES (%s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 3006))",
                   ("SG9", "E19", 481710.0, 7005605.0)) == 1
    assert execute(editor, "DELETE FROM twin.road_condition WHERE segment_id = %s", ("S3",)) == 1
    assert_denied(editor, "DROP TABLE twin.traffic_counts")
    # the planner's next query sees the edit
    assert fetch(reader, "SELECT street_name FROM twin.road_segments WHERE segment_id = %s", ("S2",)) == [
        ("Stortorget",)]
    assert fetch(reader, "SELECT count(*) FROM twin.traffic_signs") == [(3,)]


def test_reloading_replaces_tables_without_duplicates(loaded_twin, twin_gpkg, connect):
    editor = connect("editor")
    # a segment with inspections or counts cannot be deleted (migration 006): its children go first
    for table in ("road_condition", "traffic_counts", "road_segments"):
        execute(editor, f"DELETE FROM twin.{table} WHERE segment_id = %s", ("S1",))
    loaded_twin.load_gpkg(twin_gpkg)
    reader = connect("reader")  # grants survive the reload
    assert fetch(reader, "SELECT segment_id FROM twin.road_segments ORDER BY segment_id") == [
        ("S1",), ("S2",), ("S3",)]
    assert fetch(reader, "SELECT count(*) FROM twin.traffic_counts") == [(48,)]


def test_ideas_table_of_a_geopackage_replaces_the_ideas(pg_cluster, tmp_path, connect):
    path = tmp_path / "ideas.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("ideas", srs, ogr.wkbPoint)
    fields = [("idea_id", ogr.OFTInteger), ("reference", ogr.OFTString), ("title", ogr.OFTString),
              ("submitter_category", ogr.OFTString), ("submitted_on", ogr.OFTDate), ("status", ogr.OFTString),
              ("granted_sek", ogr.OFTReal), ("submitter_name", ogr.OFTString), ("not_in_postgis", ogr.OFTString)]
    for name, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(name, ftype))
    rows = [(41, "DR-2020-0041", "Digital signering", "medarbetare", "2020-11-02", "Beviljad", 100000.0, "Anna",
             (481650.0, 7005610.0)),
            (57, "DR-2021-0057", "Laddstolpar", "företag", "2021-02-10", "Inkommen", None, "Bo", None)]
    for idea_id, ref, title, cat, day, status, granted, name, xy in rows:
        feat = ogr.Feature(lyr.GetLayerDefn())
        for key, value in zip(("idea_id", "reference", "title", "submitter_category", "submitted_on", "status",
                               "granted_sek", "submitter_name", "not_in_postgis"),
                              (idea_id, ref, title, cat, day, status, granted, name, "x")):
            if value is not None:
                feat.SetField(key, value)
        if xy:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(*xy)
            feat.SetGeometry(point)
        lyr.CreateFeature(feat)
    ds = None

    pg_cluster.load_gpkg(path)
    reader = connect("reader")
    assert fetch(reader, "SELECT idea_id, reference, status, granted_sek, ST_AsText(geom), version"
                         " FROM ideas.ideas_public ORDER BY idea_id") == [
        (41, "DR-2020-0041", "Beviljad", Decimal("100000.00"), "POINT(481650 7005610)", 1),
        (57, "DR-2021-0057", "Inkommen", None, None, 1)]
    coordinator = connect("coordinator")
    assert fetch(coordinator, "SELECT submitter_name FROM ideas.ideas ORDER BY idea_id") == [("Anna",), ("Bo",)]
    assert fetch(coordinator, "SELECT count(*) FROM ideas.idea_events") == [(0,)]
    # new ideas get ids after the loaded ones
    admin = connect("admin")
    assert fetch(admin, "INSERT INTO ideas.ideas (reference, title, submitter_category, submitted_on)"
                        " VALUES (%s, %s, %s, %s) RETURNING idea_id",
                 ("DR-2022-0001", "Ny", "invånare", date(2022, 1, 3))) == [(58,)]
