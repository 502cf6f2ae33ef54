"""pytest plugin: a real PostgreSQL/PostGIS server for the database tests.

The session fixture ``pg_cluster`` starts the project's local cluster with ``db/pg.sh start`` (or uses the one
already running), recreates the database ``digiresan_test``, applies ``db/migrations`` to it and yields a
:class:`PgCluster`. It sets ``PGSERVICEFILE``/``PGPASSFILE`` for the session, so libpq (psycopg2 and QGIS's
PostgreSQL provider) find the services ``digiresan``, ``digiresan_editor``, ``digiresan_coordinator`` and
``digiresan_admin`` and their generated passwords; :meth:`PgCluster.service_uri` points a service at the test
database. A server the fixture started is stopped at the end (set ``DIGIRESAN_PG_KEEP=1`` to keep it).

In CI (``CI=true``) a server that cannot start fails the tests; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[1]
PG_SH = ROOT / "db" / "pg.sh"
LOAD_TWIN = ROOT / "db" / "load_twin.sh"
MIGRATE_PY = ROOT / "db" / "migrate.py"
TEST_DB = "digiresan_test"

#: short role name → (login role, pg_service name)
ROLES = {
    "reader": ("digiresan_reader", "digiresan"),
    "editor": ("digiresan_editor", "digiresan_editor"),
    "coordinator": ("digiresan_coordinator", "digiresan_coordinator"),
    "admin": ("digiresan_admin", "digiresan_admin"),
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def load_migrate_module():
    """``db/migrate.py`` as a module (``db`` is not a package)."""
    name = "digiresan_db_migrate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, MIGRATE_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


@dataclass
class PgCluster:
    """The running server and the test database."""

    port: int
    socket_dir: str
    service_file: Path
    pass_file: Path
    dbname: str = TEST_DB
    host: str = "127.0.0.1"

    def role(self, role: str) -> str:
        """Login role for ``reader``/``editor``/``coordinator``/``admin`` (or a login role name itself)."""
        return ROLES[role][0] if role in ROLES else role

    def service(self, role: str = "reader") -> str:
        """pg_service name of a role (its dbname is ``digiresan``: override it with :meth:`service_uri`)."""
        return ROLES[role][1]

    def service_uri(self, role: str = "reader") -> str:
        """Connection string through the role's service, on the test database."""
        return f"service={self.service(role)} dbname={self.dbname}"

    def dsn(self, role: str = "reader", dbname: str | None = None) -> str:
        """libpq DSN over 127.0.0.1 with the password from the generated pgpass file (never inline)."""
        return (
            f"host={self.host} port={self.port} dbname={dbname or self.dbname} user={self.role(role)}"
            f" passfile={self.pass_file} connect_timeout=5"
        )

    def superuser_dsn(self, dbname: str | None = None) -> str:
        """The superuser over the local unix socket (trust)."""
        return f"host={self.socket_dir} port={self.port} dbname={dbname or self.dbname} user=postgres"

    def connect(self, role: str = "reader", autocommit: bool = False, dbname: str | None = None):
        """A new psycopg2 connection as ``role`` (``superuser`` for the socket superuser); the caller closes it."""
        dsn = self.superuser_dsn(dbname) if role == "superuser" else self.dsn(role, dbname)
        conn = psycopg2.connect(dsn)
        conn.autocommit = autocommit
        return conn

    def load_gpkg(self, path: Path | str) -> None:
        """Load a twin GeoPackage into the test database with ``db/load_twin.sh``."""
        result = subprocess.run(
            ["bash", str(LOAD_TWIN), "--dbname", self.dbname, str(path)],
            capture_output=True, text=True, timeout=600, check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"db/load_twin.sh failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"PostgreSQL test server unavailable in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL test server unavailable: {reason}")


def _pg_sh(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(PG_SH), *args], capture_output=True, text=True, timeout=timeout, check=False)


def _parse_env(text: str) -> dict[str, str]:
    values = {}
    for line in text.splitlines():
        parts = shlex.split(line)
        if len(parts) == 2 and parts[0] == "export" and "=" in parts[1]:
            key, value = parts[1].split("=", 1)
            values[key] = value
    return values


def _recreate_database(cluster: PgCluster) -> None:
    conn = cluster.connect("superuser", autocommit=True, dbname="postgres")
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(cluster.dbname)))
            cur.execute(
                sql.SQL("CREATE DATABASE {} OWNER digiresan_admin").format(sql.Identifier(cluster.dbname))
            )
    finally:
        conn.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """The running local cluster with a freshly migrated ``digiresan_test`` database."""
    if not PG_SH.exists():
        _unavailable(f"{PG_SH} missing")
    was_running = _pg_sh("status", timeout=60).returncode == 0
    started = _pg_sh("start")
    if started.returncode != 0:
        _unavailable(f"db/pg.sh start failed ({started.returncode}):\n{started.stdout}\n{started.stderr}")
    env = _parse_env(_pg_sh("env", timeout=60).stdout)
    try:
        cluster = PgCluster(
            port=int(env["PGPORT"]),
            socket_dir=env["DIGIRESAN_PG_SOCKET"],
            service_file=Path(env["PGSERVICEFILE"]),
            pass_file=Path(env["PGPASSFILE"]),
        )
        _recreate_database(cluster)
        conn = cluster.connect("superuser")
        try:
            load_migrate_module().migrate(conn)
        finally:
            conn.close()
    except (KeyError, ValueError, psycopg2.Error, RuntimeError) as exc:
        _unavailable(f"could not prepare {TEST_DB}: {exc}")

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PGSERVICEFILE", str(cluster.service_file))
        mp.setenv("PGPASSFILE", str(cluster.pass_file))
        yield cluster

    if not was_running and os.environ.get("DIGIRESAN_PG_KEEP", "") not in {"1", "true", "yes"}:
        _pg_sh("stop", timeout=120)
