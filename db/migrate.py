"""Apply the versioned SQL migrations ``db/migrations/NNN_name.sql`` in order.

Each applied migration is recorded in ``public.schema_version(version, name, applied_at)`` in the same transaction
as its SQL, so a failed migration leaves nothing behind and recorded ones are skipped next time. Concurrent runs
are serialised with an advisory lock. The SQL files themselves are idempotent too (``reapply=True`` re-runs them).

Usage: ``python3 db/migrate.py [--dsn DSN]``; without ``--dsn`` the superuser DSN of the local cluster
(``db/pg.sh dsn``) is used. Migrations need a superuser (``CREATE EXTENSION postgis``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg2

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_FILE_RE = re.compile(r"^(\d{3})_([A-Za-z0-9_]+)\.sql$")
_LOCK_KEY = 0x44494749  # "DIGI": advisory lock serialising migrators

_CREATE_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS public.schema_version (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""


@dataclass(frozen=True)
class Migration:
    """One migration file."""

    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def discover(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations in ``directory``, ordered by version; duplicate versions or stray .sql names are errors."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_RE.match(path.name)
        if not match:
            raise ValueError(f"{path}: migration files must be named NNN_name.sql")
        version = int(match.group(1))
        if version in found:
            raise ValueError(f"{path}: version {version} also used by {found[version].path.name}")
        found[version] = Migration(version, match.group(2), path)
    return [found[v] for v in sorted(found)]


def applied_versions(conn) -> set[int]:
    """Versions recorded in ``public.schema_version`` (empty when the table does not exist)."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('public.schema_version') IS NOT NULL")
        if not cur.fetchone()[0]:
            return set()
        cur.execute("SELECT version FROM public.schema_version")
        return {row[0] for row in cur.fetchall()}


def migrate(conn, *, reapply: bool = False, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply pending migrations (all of them when ``reapply``); return the versions executed.

    ``conn`` is a psycopg2 connection of a superuser; it is left in autocommit off, committed.
    """
    conn.autocommit = False
    migrations = discover(directory)
    with conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
    try:
        with conn.cursor() as cur:
            cur.execute(_CREATE_VERSION_TABLE)
        conn.commit()
        done = applied_versions(conn)
        executed: list[int] = []
        for migration in migrations:
            if migration.version in done and not reapply:
                continue
            try:
                with conn.cursor() as cur:
                    cur.execute(migration.sql())
                    cur.execute(
                        "INSERT INTO public.schema_version (version, name) VALUES (%s, %s)"
                        " ON CONFLICT (version) DO NOTHING",
                        (migration.version, migration.name),
                    )
                conn.commit()
            except psycopg2.Error as exc:
                conn.rollback()
                raise RuntimeError(f"migration {migration.path.name} failed: {exc}") from exc
            executed.append(migration.version)
        return executed
    finally:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))
        conn.commit()


def _local_dsn() -> str:
    pg_sh = Path(__file__).resolve().parent / "pg.sh"
    out = subprocess.run(["bash", str(pg_sh), "dsn"], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", help="libpq connection string of a superuser (default: db/pg.sh dsn)")
    parser.add_argument("--reapply", action="store_true", help="re-run every migration (they are idempotent)")
    args = parser.parse_args(argv)
    dsn = args.dsn or _local_dsn()
    conn = psycopg2.connect(dsn, connect_timeout=10)
    dbname = conn.info.dbname
    try:
        executed = migrate(conn, reapply=args.reapply)
        with conn.cursor() as cur:
            cur.execute("SELECT coalesce(max(version), 0) FROM public.schema_version")
            current = cur.fetchone()[0]
    finally:
        conn.close()
    applied = ", ".join(f"{v:03d}" for v in executed) or "nothing to do"
    print(f"db/migrate.py: database {dbname}: applied {applied}; schema version {current}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
