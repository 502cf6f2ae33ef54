"""Read a GeoPackage with plain SQLite: test answers taken straight from the file, not through the plugin."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
