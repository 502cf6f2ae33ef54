"""Audit notes that are not a field change (e.g. "personal data exported") in a twin GeoPackage: the table
``idea_audit_notes``, made on the first note and registered in ``gpkg_contents`` as an attributes table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

NOTES_TABLE = "idea_audit_notes"

_CREATE = (
    f'CREATE TABLE IF NOT EXISTS "{NOTES_TABLE}" ('
    " note_id INTEGER PRIMARY KEY AUTOINCREMENT, noted_at DATETIME NOT NULL, noted_by TEXT NOT NULL,"
    " action TEXT NOT NULL, detail TEXT)"
)


def write_note(conn: sqlite3.Connection, noted_at: str, user: str, action: str, detail: str) -> None:
    """Add one note in its own transaction (the table and its gpkg_contents row are made when missing)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(_CREATE)
        conn.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
            "SELECT ?, 'attributes', ?, 'Digiresan ideas: audit notes (e.g. exports of personal data)', ? "
            "WHERE NOT EXISTS (SELECT 1 FROM gpkg_contents WHERE lower(table_name) = ?)",
            (NOTES_TABLE, NOTES_TABLE, noted_at, NOTES_TABLE),
        )
        conn.execute(
            f'INSERT INTO "{NOTES_TABLE}" (noted_at, noted_by, action, detail) VALUES (?, ?, ?, ?)',  # noqa: S608
            (noted_at, user or "?", action, detail),
        )
        conn.execute("UPDATE gpkg_contents SET last_change = ? WHERE lower(table_name) = ?", (noted_at, NOTES_TABLE))
        conn.execute("COMMIT")
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        raise


def read_notes(path: Path | str) -> list[tuple[str, str, str, str]]:
    """(noted_at, noted_by, action, detail) of every note, oldest first (empty when there is no table)."""
    conn = sqlite3.connect(str(path))
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (NOTES_TABLE,)).fetchone():
            return []
        return conn.execute(
            f'SELECT noted_at, noted_by, action, detail FROM "{NOTES_TABLE}" ORDER BY note_id'  # noqa: S608
        ).fetchall()
    finally:
        conn.close()
