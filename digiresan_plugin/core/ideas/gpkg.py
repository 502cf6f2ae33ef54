"""Ideas in the twin GeoPackage (tables ``ideas`` and ``idea_events``), read and saved with sqlite3.

Each call opens its own connection (safe in a worker thread). A save checks ``version``, updates the idea and
writes its ``idea_events`` rows in one ``BEGIN IMMEDIATE`` transaction, so two savers of the same idea cannot
both win. GeoPackage R-tree triggers call ``ST_*`` SQL functions that only GDAL/SpatiaLite provide: minimal
versions for points and envelopes are registered on each connection.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from ..tr import tr
from .access import LOCAL_FILE, Access
from .columns import IdeaList
from .gpkg_geometry import register_st_functions, xy
from .gpkg_notes import write_note
from .gpkg_read import first_columns, search_read
from .model import (
    EDITABLE_FIELDS,
    PERSONAL_FIELDS,
    Conflict,
    Idea,
    IdeaChange,
    IdeaEvent,
    SaveResult,
    event_text,
    paused_gc,
    same_value,
    to_date,
    unreadable_columns,
)
from .repository import IdeaRepository, RepositoryError

IDEAS_TABLE = "ideas"
EVENTS_TABLE = "idea_events"
BUSY_TIMEOUT_S = 5.0

# Column order of Idea's constructor; "geom" stands for x, y.
_IDEA_ORDER = (
    "idea_id", "reference", "title", "description", "theme", "department", "submitter_category", "submitted_on",
    "status", "estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek", "decision_text", "decided_on",
    "geom", "linked_layer", "linked_key", "submitter_name", "submitter_contact", "version", "updated_at",
    "updated_by",
)


# --- rows ----------------------------------------------------------------------------------------------------------
_DATES: dict = {}  # ISO text → date: a list has few distinct dates, and parsing 200 000 of them is not free


def _date(text: Any):
    if not text:
        return None
    day = _DATES.get(text)
    if day is None:
        try:
            day = to_date(text)
        except ValueError:
            return None
        if len(_DATES) < 100000:
            _DATES[text] = day
    return day


def _row_to_idea(row: tuple) -> Idea:
    x, y = xy(row[14])
    version = row[19]
    return Idea(
        row[0], row[1], row[2], row[3] or "", row[4], row[5], row[6], _date(row[7]), row[8], row[9], row[10],
        row[11], row[12], _date(row[13]), x, y, row[15], row[16], row[17], row[18],
        version if version is not None else 1, row[20], row[21],
    )


#: read first, enough to list, count and sort by date; the rest comes with IdeaList.complete()
FIRST_COLUMNS = ("idea_id", "submitted_on", "status")
_CONVERT = {"submitted_on": _date, "decided_on": _date}


def _storage(name: str, value: Any) -> Any:
    """A value as stored in the GeoPackage column ``name``."""
    if value is None or value == "":
        return None
    if name == "decided_on":
        return to_date(value).isoformat()
    if name == "granted_sek":
        return float(value)
    return str(value)


def utc_now_text() -> str:
    """The current time as GDAL writes GeoPackage DATETIME values."""
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


class GeoPackageIdeaRepository(IdeaRepository):
    """The ``ideas`` / ``idea_events`` tables of a twin GeoPackage."""

    protected = False  # whoever has the file can read everything in it

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.label = self.path.name
        self._fetch_conn: Optional[sqlite3.Connection] = None
        self._fetch_lock = threading.Lock()

    # -- connection ------------------------------------------------------------------------------------------------
    def _connect(self, shared: bool = False) -> sqlite3.Connection:
        """A new connection; ``shared``: usable from any thread (the caller serialises its use)."""
        if not self.path.is_file():
            raise RepositoryError(tr('GeoPackage not found: {path}').format(path=self.path))
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=not shared)
        except sqlite3.Error as exc:
            raise RepositoryError(tr('Cannot open {path}: {error}').format(path=self.path, error=exc)) from exc
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # reads the header: "not a database" shows now
        except sqlite3.Error as exc:
            conn.close()
            locked = "locked" in str(exc) or "busy" in str(exc)
            raise RepositoryError(
                (
                    tr("Cannot read {path}: {error}").format(path=self.path, error=exc)
                    if locked
                    else tr("{path} is not a readable GeoPackage: {error}").format(path=self.path, error=exc)
                ),
                retryable=locked,
            ) from exc
        register_st_functions(conn)
        return conn

    def _columns(self, conn: sqlite3.Connection) -> set[str]:
        cols = {r[1] for r in conn.execute(f'PRAGMA table_info("{IDEAS_TABLE}")')}
        if not cols:
            raise RepositoryError(
                tr("{name} has no '{table}' table").format(name=self.path.name, table=IDEAS_TABLE), retryable=False
            )
        return cols

    def _select(self, conn: sqlite3.Connection, include_personal: bool) -> str:
        present = self._columns(conn)
        parts = []
        for name in _IDEA_ORDER:
            if name in PERSONAL_FIELDS and not include_personal:
                parts.append("NULL")
            elif name in present:
                parts.append(f'"{name}"')
            else:
                parts.append("NULL")
        # identifiers from the fixed column list above; values are always bound
        return f'SELECT {", ".join(parts)} FROM "{IDEAS_TABLE}"'  # noqa: S608

    # -- reading ---------------------------------------------------------------------------------------------------
    def list_ideas(self, include_personal: bool = False) -> IdeaList:
        """All ideas as an :class:`IdeaList`: the columns to list and count them now (id, received, status), the
        search texts and facets on :meth:`IdeaList.ensure_columns`, the rest on :meth:`IdeaList.complete` or first
        need; until then a single idea is read when shown."""
        conn = self._read_connection()
        try:
            present = self._columns(conn)
            with paused_gc():
                columns = first_columns(conn, IDEAS_TABLE, present, FIRST_COLUMNS)
        except sqlite3.Error as exc:
            raise RepositoryError(
                tr("Cannot read ideas from {path}: {error}").format(path=self.path, error=exc)
            ) from exc
        finally:
            conn.close()
        return IdeaList(
            columns,
            load_rest=lambda: self._rest(include_personal),
            fetch=lambda idea_id: self._fetch_one(idea_id, include_personal),
            convert=_CONVERT,
            load_columns=lambda names: self._some(names, include_personal),
            load_search=self._search,
        )

    def _search(self) -> dict[str, Any]:
        """idea_id, the search corpus and the facets in one read (see :func:`.gpkg_read.search_read`)."""
        conn = self._read_connection()
        try:
            with paused_gc():
                return search_read(conn, IDEAS_TABLE, self._columns(conn))
        except sqlite3.Error as exc:
            raise RepositoryError(f"Cannot read ideas from {self.path}: {exc}") from exc
        finally:
            conn.close()

    def _some(self, names, include_personal: bool) -> dict[str, list]:
        """``idea_id`` and the columns ``names`` (known Idea columns only) of every idea, in idea_id order."""
        conn = self._read_connection()
        try:
            present = self._columns(conn)
            wanted = [n for n in names if n in _IDEA_ORDER and n != "geom"
                      and (include_personal or n not in PERSONAL_FIELDS)]
            parts = [f'"{n}"' if n in present else "NULL" for n in wanted]  # fixed names, never user text
            with paused_gc():
                rows = conn.execute(f'SELECT "idea_id", {", ".join(parts) or "NULL"} FROM "{IDEAS_TABLE}" '  # noqa: S608
                                    'ORDER BY "idea_id"').fetchall()
                values = list(zip(*rows)) if rows else [()] * (len(wanted) + 1)
        except sqlite3.Error as exc:
            raise RepositoryError(f"Cannot read ideas from {self.path}: {exc}") from exc
        finally:
            conn.close()
        columns = {"idea_id": list(values[0])}
        columns.update({name: list(v) for name, v in zip(wanted, values[1:])})
        for name in names:
            columns.setdefault(name, [None] * len(columns["idea_id"]))  # personal data not given: none
        return columns

    def _read_connection(self) -> sqlite3.Connection:
        conn = self._connect()
        try:
            conn.execute("PRAGMA mmap_size = 268435456")  # read straight from the mapped file
            conn.execute("PRAGMA cache_size = -65536")
        except sqlite3.Error as exc:
            conn.close()
            raise RepositoryError(
                tr("Cannot read ideas from {path}: {error}").format(path=self.path, error=exc)
            ) from exc
        return conn

    def _rest(self, include_personal: bool) -> dict[str, list]:
        """Every column of every idea (the second part of :meth:`list_ideas`); x and y instead of the blob."""
        conn = self._read_connection()
        try:
            with paused_gc():
                rows = conn.execute(self._select(conn, include_personal) + ' ORDER BY "idea_id"').fetchall()
                if not rows:
                    return {}
                columns = {name: list(values) for name, values in zip(_IDEA_ORDER, zip(*rows))}
                self.problems = tuple(unreadable_columns(columns))
                blobs = columns.pop("geom")
                points = list(map(xy, blobs))
                columns["x"] = [p[0] for p in points]
                columns["y"] = [p[1] for p in points]
        except sqlite3.Error as exc:
            raise RepositoryError(
                tr("Cannot read ideas from {path}: {error}").format(path=self.path, error=exc)
            ) from exc
        finally:
            conn.close()
        return columns

    def _fetch_one(self, idea_id: int, include_personal: bool) -> Optional[Idea]:
        """One idea for display before the list is complete (a kept connection: many rows in a row)."""
        with self._fetch_lock:
            try:
                if self._fetch_conn is None:
                    self._fetch_conn = self._connect(shared=True)
                return self._get(self._fetch_conn, idea_id, include_personal)
            except (sqlite3.Error, RepositoryError):
                return None

    def close(self) -> None:
        """Close the connection kept for showing single ideas."""
        with self._fetch_lock:
            if self._fetch_conn is not None:
                self._fetch_conn.close()
                self._fetch_conn = None

    def get(self, idea_id: int, include_personal: bool = False) -> Optional[Idea]:
        conn = self._connect()
        try:
            return self._get(conn, idea_id, include_personal)
        except sqlite3.Error as exc:
            raise RepositoryError(
                tr("Cannot read idea {idea_id} from {path}: {error}").format(idea_id=idea_id, path=self.path, error=exc)
            ) from exc
        finally:
            conn.close()

    def _get(self, conn: sqlite3.Connection, idea_id: int, include_personal: bool) -> Optional[Idea]:
        row = conn.execute(self._select(conn, include_personal) + ' WHERE "idea_id" = ?', (int(idea_id),)).fetchone()
        return _row_to_idea(row) if row else None

    def history(self, idea_id: int, include_personal: bool = False) -> list[IdeaEvent]:
        conn = self._connect()
        try:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (EVENTS_TABLE,)).fetchone():
                return []
            rows = conn.execute(
                f'SELECT idea_id, changed_at, changed_by, field, old_value, new_value FROM "{EVENTS_TABLE}" '  # noqa: S608
                'WHERE idea_id = ? ORDER BY changed_at, rowid',
                (int(idea_id),),
            ).fetchall()
        except sqlite3.Error as exc:
            raise RepositoryError(
                tr("Cannot read the history of idea {idea_id} from {path}: {error}").format(
                    idea_id=idea_id, path=self.path, error=exc
                )
            ) from exc
        finally:
            conn.close()
        events = []
        for r in rows:
            hide = r[3] in PERSONAL_FIELDS and not include_personal
            events.append(IdeaEvent(r[0], r[1] or "", r[2] or "", r[3], None if hide else r[4],
                                    None if hide else r[5]))
        return events

    def can_read_personal_data(self) -> bool:
        return True  # the file holds them: nothing protects them (the dock hides them unless asked to show)

    def can_edit(self) -> bool:
        return self.path.is_file() and os.access(self.path, os.W_OK)

    def access(self) -> Access:
        """Everything the file holds, unprotected: whoever has the file can read and (if writable) change it."""
        return Access(True, self.can_edit(), protected=False, basis=LOCAL_FILE)

    def audit_note(self, action: str, detail: str, user: str) -> bool:
        """A row in the GeoPackage's ``idea_audit_notes`` table (made on the first note)."""
        conn = self._connect()
        try:
            write_note(conn, utc_now_text(), user, action, detail)
        except sqlite3.Error as exc:
            raise RepositoryError(
                tr("Cannot write an audit note in {name}: {error}").format(name=self.path.name, error=exc)
            ) from exc
        finally:
            conn.close()
        return True

    # -- saving ----------------------------------------------------------------------------------------------------
    def save(self, change: IdeaChange) -> SaveResult:
        conn = self._connect()
        try:
            return self._save(conn, change)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise RepositoryError(
                tr("Cannot save idea {idea_id} in {path}: {error}").format(
                    idea_id=change.idea_id, path=self.path, error=exc
                )
            ) from exc
        finally:
            conn.close()

    def _save(self, conn: sqlite3.Connection, change: IdeaChange) -> SaveResult:
        conn.execute("BEGIN IMMEDIATE")  # takes the write lock now: the version read below stays true
        current = self._get(conn, change.idea_id, include_personal=True)
        if current is None:
            conn.execute("ROLLBACK")
            return SaveResult(False, error=f"Idea {change.idea_id} does not exist (any more)")
        if current.version != change.base_version:
            conn.execute("ROLLBACK")
            return SaveResult(False, conflict=Conflict(change, current))
        changed = {k: v for k, v in change.values.items() if not same_value(k, v, current.value(k))}
        if not changed:
            conn.execute("ROLLBACK")
            return SaveResult(True, idea=current)
        now = utc_now_text()
        user = change.user or "?"
        if not set(changed) <= set(EDITABLE_FIELDS):  # IdeaChange checks this too: never build SQL from others
            raise RepositoryError(tr('only status, granted amount, decision and decision date can be edited'), False)
        sets = ", ".join(f'"{name}" = ?' for name in changed)
        params = [_storage(name, value) for name, value in changed.items()]
        cursor = conn.execute(
            f'UPDATE "{IDEAS_TABLE}" SET {sets}, "version" = "version" + 1, "updated_at" = ?, "updated_by" = ? '  # noqa: S608
            'WHERE "idea_id" = ? AND "version" = ?',
            params + [now, user, current.idea_id, change.base_version],
        )
        if cursor.rowcount != 1:  # cannot happen under BEGIN IMMEDIATE; never overwrite if it does
            conn.execute("ROLLBACK")
            return SaveResult(False, conflict=Conflict(change, self._get(conn, change.idea_id, True) or current))
        events = [
            IdeaEvent(current.idea_id, now, user, name, event_text(current.value(name)), event_text(_value(name, v)))
            for name, v in changed.items()
        ]
        conn.executemany(
            f'INSERT INTO "{EVENTS_TABLE}" (idea_id, changed_at, changed_by, field, old_value, new_value) '  # noqa: S608
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(e.idea_id, e.changed_at, e.changed_by, e.field, e.old_value, e.new_value) for e in events],
        )
        conn.execute(
            "UPDATE gpkg_contents SET last_change = ? WHERE lower(table_name) IN (?, ?)",
            (now, IDEAS_TABLE, EVENTS_TABLE),
        )
        saved = self._get(conn, change.idea_id, include_personal=True)
        conn.execute("COMMIT")
        return SaveResult(True, idea=saved, events=events)


def _value(name: str, value: Any) -> Any:
    """A value normalised like it is read back (dates as dates, money as float)."""
    if value is None or value == "":
        return None
    if name == "decided_on":
        return to_date(value)
    if name == "granted_sek":
        return float(value)
    return value
