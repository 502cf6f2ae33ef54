"""PostGIS side of the bench: the project's local cluster, a ``digiresan_bench`` database with the 10^6 twin.

``python -m bench.postgis --scale N --out build/bench/postgis_N.json`` prepares (or reuses) the database and runs
:mod:`bench.identify` against it through the ``digiresan`` pg_service (the planners' reader role) in a child
process. Nothing is measured when no server is up and ``db/pg.sh start`` cannot start one: the JSON then says
why (``skipped``). A server this module started is stopped again at the end.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Optional

from .common import BENCH_DIR, ROOT, log, write_json

PG_SH = ROOT / "db" / "pg.sh"
LOAD_TWIN = ROOT / "db" / "load_twin.sh"
MIGRATE = ROOT / "db" / "migrate.py"
BENCH_DB = "digiresan_bench"
SERVICE = "digiresan"  # planners: the reader role
LOADED_MARK = "bench_loaded_from"  # a table in the bench database recording which twin is loaded


def _pg_sh(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(PG_SH), *args], capture_output=True, text=True, timeout=timeout, check=False)


def server_running() -> bool:
    return PG_SH.exists() and _pg_sh("status", timeout=60).returncode == 0


def start_server() -> Optional[str]:
    """Start the local cluster; None when it is up, else the reason it is not."""
    if not PG_SH.exists():
        return f"{PG_SH} missing"
    result = _pg_sh("start")
    if result.returncode != 0:
        return f"db/pg.sh start failed ({result.returncode}): {(result.stderr or result.stdout).strip()[-400:]}"
    return None


def stop_server() -> None:
    _pg_sh("stop", timeout=120)


def pg_env() -> dict[str, str]:
    """PGSERVICEFILE, PGPASSFILE, PGHOST, PGPORT and the socket folder of the local cluster."""
    values = {}
    for line in _pg_sh("env", timeout=60).stdout.splitlines():
        parts = shlex.split(line)
        if len(parts) == 2 and parts[0] == "export" and "=" in parts[1]:
            key, value = parts[1].split("=", 1)
            values[key] = value
    return values


def _superuser(env: dict[str, str], dbname: str):
    import psycopg2

    conn = psycopg2.connect(host=env["DIGIRESAN_PG_SOCKET"], port=env["PGPORT"], user="postgres", dbname=dbname,
                            connect_timeout=10)
    conn.autocommit = True
    return conn


def _gpkg_counts(gpkg: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
        # table names come from the GeoPackage's own catalogue, quoted
        return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}  # noqa: S608
    finally:
        conn.close()


def ensure_bench_db(gpkg: Path, env: dict[str, str], progress: Callable[[str], None] = log) -> dict[str, Any]:
    """Create and migrate ``digiresan_bench`` and load ``gpkg`` into it unless that twin is already there."""
    from psycopg2 import sql

    conn = _superuser(env, "postgres")
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (BENCH_DB,))
            if cur.fetchone() is None:
                progress(f"creating database {BENCH_DB}")
                cur.execute(sql.SQL("CREATE DATABASE {} OWNER digiresan_admin").format(sql.Identifier(BENCH_DB)))
    finally:
        conn.close()
    dsn = f"host={env['DIGIRESAN_PG_SOCKET']} port={env['PGPORT']} user=postgres dbname={BENCH_DB}"
    subprocess.run([sys.executable, str(MIGRATE), "--dsn", dsn], check=True, capture_output=True, text=True,
                   timeout=600)
    stamp = f"{gpkg.resolve()}:{gpkg.stat().st_size}:{int(gpkg.stat().st_mtime)}"
    conn = _superuser(env, BENCH_DB)
    try:
        with conn.cursor() as cur:
            cur.execute(f"CREATE TABLE IF NOT EXISTS public.{LOADED_MARK} (twin text PRIMARY KEY)")
            cur.execute(f"SELECT twin FROM public.{LOADED_MARK}")  # noqa: S608 - fixed name
            loaded = {r[0] for r in cur.fetchall()}
    finally:
        conn.close()
    if stamp in loaded:
        return {"loaded": False, "stamp": stamp}
    counts = _gpkg_counts(gpkg)
    progress(f"loading {gpkg.name} into PostGIS database {BENCH_DB} with db/load_twin.sh "
             f"({sum(counts.values()):,} rows; this takes a while)")
    child_env = {**os.environ, **env}
    result = subprocess.run(["bash", str(LOAD_TWIN), "--dbname", BENCH_DB, str(gpkg)], capture_output=True,
                            text=True, timeout=6 * 3600, check=False, env=child_env)
    if result.returncode != 0:
        raise RuntimeError(f"db/load_twin.sh failed ({result.returncode}): {result.stderr[-800:]}")
    progress(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "loaded")
    conn = _superuser(env, BENCH_DB)
    try:
        with conn.cursor() as cur:
            cur.execute(f"DELETE FROM public.{LOADED_MARK}")  # noqa: S608 - fixed name
            cur.execute(f"INSERT INTO public.{LOADED_MARK} (twin) VALUES (%s)", (stamp,))  # noqa: S608
            cur.execute(f"GRANT SELECT ON public.{LOADED_MARK} TO PUBLIC")
    finally:
        conn.close()
    return {"loaded": True, "stamp": stamp, "load_output": result.stdout.strip()[-400:]}


def run(scale: int, out: Path, gpkg: Path, points: int = 200, reps: int = 3, clicks: int = 1000,
        progress: Callable[[str], None] = log) -> dict[str, Any]:
    """Prepare PostGIS and run the identify bench on it in a child process; the result (or why it was skipped)."""
    was_running = server_running()
    started_here = False
    if not was_running:
        progress("PostgreSQL not running: trying db/pg.sh start")
        reason = start_server()
        if reason:
            result = {"kind": "identify", "backend": "postgis", "scale": scale, "skipped": reason}
            write_json(out, result)
            return result
        started_here = True
    try:
        env = pg_env()
        try:
            prep = ensure_bench_db(gpkg, env, progress)
        except Exception as exc:  # noqa: BLE001 - any failure to prepare is reported, not fatal to the bench
            result = {"kind": "identify", "backend": "postgis", "scale": scale,
                      "skipped": f"could not prepare {BENCH_DB}: {exc}"}
            write_json(out, result)
            return result
        child_env = {**os.environ, "PGSERVICEFILE": env["PGSERVICEFILE"], "PGPASSFILE": env["PGPASSFILE"]}
        cmd = [sys.executable, "-m", "bench.identify", "--scale", str(scale), "--gpkg", str(gpkg), "--out", str(out),
               "--points", str(points), "--reps", str(reps), "--clicks", str(clicks), "--pg-service", SERVICE,
               "--pg-dbname", BENCH_DB]
        child = subprocess.run(cmd, cwd=ROOT, env=child_env, check=False, timeout=6 * 3600)
        if child.returncode != 0 or not out.is_file():
            result = {"kind": "identify", "backend": "postgis", "scale": scale,
                      "skipped": f"bench.identify on PostGIS failed ({child.returncode})"}
            write_json(out, result)
            return result
        import json

        result = json.loads(out.read_text(encoding="utf-8"))
        result["database"] = {"name": BENCH_DB, "service": SERVICE, **prep,
                              "server_started_by_bench": started_here}
        write_json(out, result)
        return result
    finally:
        if started_here:
            progress("stopping the PostgreSQL server the bench started")
            stop_server()


def main(argv: Optional[list[str]] = None) -> int:
    from .twins import ensure_twin

    parser = argparse.ArgumentParser(prog="python -m bench.postgis", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--points", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=1000)
    parser.add_argument("--prepare-only", action="store_true",
                        help="start the server if needed and load the twin into the bench database; measure nothing")
    args = parser.parse_args(argv)
    if args.prepare_only:
        reason = None if server_running() else start_server()
        if reason:
            log(f"PostGIS unavailable: {reason}")
            return 1
        ensure_bench_db(ensure_twin(args.scale), pg_env())
        return 0
    out = args.out or BENCH_DIR / f"postgis_{args.scale}.json"
    result = run(args.scale, out, ensure_twin(args.scale), args.points, args.reps, args.clicks)
    if result.get("skipped"):
        log(f"PostGIS skipped: {result['skipped']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
