"""The reliability suite's own database: the demo twin loaded once into ``digiresan_reliability`` (migrated like
``digiresan_test``), so its loads, ideas and killed sessions never touch the other tests' tables."""

from __future__ import annotations

import dataclasses

import pytest
from psycopg2 import sql

from tests.pg_server import _recreate_database, load_migrate_module

RELIABILITY_DB = "digiresan_reliability"


@pytest.fixture(scope="session")
def pg_demo(pg_cluster, demo_twin):
    """A :class:`~tests.pg_server.PgCluster` on ``digiresan_reliability`` with the demo twin and its ideas."""
    cluster = dataclasses.replace(pg_cluster, dbname=RELIABILITY_DB)
    _recreate_database(cluster)
    conn = cluster.connect("superuser")
    try:
        load_migrate_module().migrate(conn)
    finally:
        conn.close()
    cluster.load_gpkg(demo_twin)
    yield cluster
    conn = cluster.connect("superuser", autocommit=True, dbname="postgres")
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(RELIABILITY_DB)))
    finally:
        conn.close()
