"""The handling of coordination warnings: status (new / in progress / resolved / accepted with a reason), assignee
and notes, stored in the twin — a ``coordination_notes`` table in the GeoPackage (sqlite3) or in PostGIS
(``coordination.coordination_notes``, migration 007: planners read, editors write). A status holds while the
warning's inputs (its fingerprint) are unchanged; when a permit's dates change the warning reopens (``new``).
Blocking I/O: call from a task, never on the UI thread."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional, Protocol

from ..identify.gpkg_reader import connection as read_connection
from ..tr import tr
from .matches import carry_over
from .model import Conflict
from .stored import file_stamp

STATUSES = ("new", "in_progress", "resolved", "accepted")
TABLE = "coordination_notes"
PG_SCHEMA = "coordination"
Key = tuple[str, str, str, str]
_COLUMNS = ("rule", "permit_id", "other_id", "segment_id", "status", "reason", "assignee", "notes", "fingerprint",
            "updated_at", "updated_by")
# literal SQL (table and column names are fixed; every value is a bound parameter)
_GPKG_SELECT = ("SELECT rule, permit_id, other_id, segment_id, status, reason, assignee, notes, fingerprint, "
                "updated_at, updated_by FROM coordination_notes")
_GPKG_UPSERT = ("INSERT OR REPLACE INTO coordination_notes (rule, permit_id, other_id, segment_id, status, reason, "
                "assignee, notes, fingerprint, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_PG_SELECT = ("SELECT rule, permit_id, other_id, segment_id, status, reason, assignee, notes, fingerprint, "
              "updated_at::text, updated_by "
              "FROM coordination.coordination_notes")
_PG_UPSERT = (
    "INSERT INTO coordination.coordination_notes (rule, permit_id, other_id, segment_id, status, reason, assignee, "
    "notes, fingerprint) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (rule, permit_id, other_id, segment_id) DO UPDATE SET "
    "status = EXCLUDED.status, reason = EXCLUDED.reason, assignee = EXCLUDED.assignee, notes = EXCLUDED.notes, "
    "fingerprint = EXCLUDED.fingerprint, updated_at = now(), updated_by = session_user "
    "RETURNING updated_at::text, updated_by")


class NotesError(RuntimeError):
    """The notes could not be read or saved (the message names the store and why; never credentials)."""


@dataclass(frozen=True)
class Note:
    rule: str
    permit_id: str
    other_id: str
    segment_id: str
    status: str = "new"
    reason: str = ""
    assignee: str = ""
    notes: str = ""
    fingerprint: str = ""
    updated_at: str = ""
    updated_by: str = ""

    @property
    def key(self) -> Key:
        return (self.rule, self.permit_id, self.other_id, self.segment_id)

    @classmethod
    def for_conflict(cls, conflict: Conflict, status: str, **values: Any) -> "Note":
        """A note setting ``status`` for ``conflict`` as it is now (its fingerprint)."""
        note = cls(*conflict.key, status=status, fingerprint=conflict.fingerprint, **values)
        check(note)
        return note


def check(note: Note) -> None:
    if note.status not in STATUSES:
        raise ValueError(
            tr("status must be one of {statuses}, got '{status}'").format(statuses=list(STATUSES), status=note.status)
        )
    if note.status == "accepted" and not note.reason.strip():
        raise ValueError(tr('an accepted warning needs a reason'))


def effective_status(note: Optional[Note], conflict: Conflict) -> str:
    """The status shown: the note's while the conflict's inputs are what it was set for, else ``new``."""
    if note is None or note.fingerprint != conflict.fingerprint:
        return "new"
    return note.status


class NotesStore(Protocol):
    label: str

    def load(self) -> dict[Key, Note]: ...

    def save(self, note: Note) -> Note: ...


class GpkgNotes:
    """The notes table in a twin GeoPackage (created, and registered as an attribute table, on first save)."""

    def __init__(self, path: Path | str, user: str = ""):
        self.path = Path(path)
        self.label = self.path.name
        self.user = user

    def _require_file(self) -> str:
        if not self.path.is_file():
            raise NotesError(tr('{path}: GeoPackage not found').format(path=self.path))
        return str(self.path)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._require_file(), timeout=10)

    def load(self) -> dict[Key, Note]:
        """Every note, read through this thread's kept read-only connection to the twin (the card asks on every
        click: a new connection would parse the twin's whole schema each time)."""
        path = self._require_file()
        try:
            conn = read_connection(path)
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,))
            if found.fetchone() is None:
                return {}
            rows = conn.execute(_GPKG_SELECT).fetchall()
        except (sqlite3.Error, OSError) as exc:
            raise NotesError(
                tr("{path}: the coordination notes could not be read: {error}").format(path=self.path, error=exc)
            ) from exc
        return {n.key: n for n in (Note(*[v if v is not None else "" for v in row]) for row in rows)}

    def save(self, note: Note) -> Note:
        check(note)
        note = replace(note, updated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                       updated_by=note.updated_by or self.user)
        try:
            conn = self._connect()
            conn.isolation_level = None  # the transactions below are explicit
            try:
                # the file's stamp just before and just after this write (other writers locked out meanwhile): the
                # board's match table does not depend on the notes, so it stays current (matches.carry_over)
                conn.execute("BEGIN IMMEDIATE")
                before = file_stamp(str(self.path))
                try:
                    _create_gpkg_table(conn)
                    conn.execute(_GPKG_UPSERT, [getattr(note, c) for c in _COLUMNS])
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")
                after = file_stamp(str(self.path))
                conn.execute("ROLLBACK")
            finally:
                conn.close()
            carry_over(str(self.path), before, after)
        except (sqlite3.Error, OSError) as exc:
            raise NotesError(
                tr("{path}: the coordination note could not be saved: {error}").format(path=self.path, error=exc)
            ) from exc
        return note


def _create_gpkg_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS coordination_notes (fid INTEGER PRIMARY KEY AUTOINCREMENT, rule TEXT NOT NULL, "
        "permit_id TEXT NOT NULL DEFAULT '', other_id TEXT NOT NULL DEFAULT '', segment_id TEXT NOT NULL DEFAULT '', "
        "status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved', 'accepted')), "
        "reason TEXT, assignee TEXT, notes TEXT, fingerprint TEXT NOT NULL DEFAULT '', updated_at TEXT, "
        "updated_by TEXT, UNIQUE (rule, permit_id, other_id, segment_id))")
    has_contents = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_contents'").fetchone()
    if has_contents:
        conn.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) "
                     "VALUES (?, 'attributes', ?, 'Handling of coordination warnings')", (TABLE, TABLE))


class PgNotes:
    """The notes in PostGIS (migration 007) through a libpq conninfo (a pg_service entry or a saved connection's
    info from the auth manager; never logged)."""

    def __init__(self, conninfo: str, label: str = "PostgreSQL"):
        self._conninfo = conninfo
        self.label = label

    def _run(self, what: str, fn):
        try:
            import psycopg2
        except ImportError as exc:  # pragma: no cover - psycopg2 ships with QGIS on Debian
            raise NotesError(tr('{what}: psycopg2 is not installed').format(what=what)) from exc
        try:
            conn = psycopg2.connect(self._conninfo, connect_timeout=10, application_name="Digiresan coordination")
        except psycopg2.Error as exc:
            raise NotesError(
                f"{what} ({self.label}): {_first_line(exc)}"
            ) from exc
        try:
            result = fn(conn)
            conn.commit()
            return result
        except psycopg2.Error as exc:
            conn.rollback()
            raise NotesError(
                f"{what} ({self.label}): {_first_line(exc)}"
            ) from exc
        finally:
            conn.close()

    def load(self) -> dict[Key, Note]:
        def run(conn):
            with conn.cursor() as cur:
                cur.execute(_PG_SELECT)
                return cur.fetchall()

        rows = self._run("The coordination notes could not be read", run)
        return {n.key: n for n in (Note(*[v if v is not None else "" for v in row]) for row in rows)}

    def save(self, note: Note) -> Note:
        check(note)
        values = [getattr(note, c) for c in _COLUMNS[:-2]]

        def run(conn):
            with conn.cursor() as cur:
                cur.execute(_PG_UPSERT, values)
                return cur.fetchone()

        at, by = self._run("The coordination note could not be saved", run)
        return replace(note, updated_at=at, updated_by=by)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def notes_store(kind: str, location: str, conninfo: str = "") -> Optional[NotesStore]:
    """The store of a twin source (``gpkg`` path; ``pgservice`` name; ``postgres`` with ``conninfo``)."""
    if kind == "gpkg":
        return GpkgNotes(location)
    if kind == "pgservice":
        return PgNotes(f"service={location}", f"service {location}")
    if kind == "postgres" and conninfo:
        return PgNotes(conninfo, location)
    return None


def store_for_layer(layer: Any) -> Optional[NotesStore]:
    """The notes store of the twin a layer comes from: its GeoPackage, or its PostgreSQL database (main thread:
    the auth manager fills in a saved connection's login, kept in memory only). None for other providers."""
    if layer is None:
        return None
    if layer.providerType() == "ogr":
        return notes_store("gpkg", layer.source().split("|")[0])
    if layer.providerType() == "postgres":
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri(layer.source())
        return notes_store("postgres", uri.service() or uri.database() or "PostgreSQL", uri.connectionInfo(True))
    return None


def statuses_for(board: Any, rows: Iterable[Conflict]) -> dict[Key, str]:
    """Each row's effective status from the board's notes store (``board.notes``; none: every row ``new``)."""
    store: Optional[NotesStore] = getattr(board, "notes", None)
    if store is None:
        return {}
    notes = store.load()
    return {row.key: effective_status(notes.get(row.key), row) for row in rows}
