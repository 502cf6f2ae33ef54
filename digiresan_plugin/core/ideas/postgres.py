"""Ideas in the shared PostgreSQL database (schema ``ideas``), through psycopg2.

The connection comes from a pg_service name or a saved QGIS PostgreSQL connection (its URI with the authcfg
expanded by QGIS's auth manager, in memory only): no credentials in settings, projects or logs. Every call opens
a short connection with ``connect_timeout`` (a server that is down gives a message in seconds, never a frozen
QGIS) and closes it, so a server that comes back is used again without restarting anything.

Personal data and editing: the database decides. The reader role has no SELECT privilege on ``submitter_name``
and ``submitter_contact``; this repository asks (``has_column_privilege``, and ``pg_has_role`` for the
``ideas_coordinator`` role it reports) and only selects them when allowed: a planner's connection never receives
them, whatever the plugin's settings say.
Saves: ``UPDATE … WHERE idea_id = %s AND version = %s``; the table's trigger bumps ``version`` and writes one
``idea_events`` row per changed field.
"""

from __future__ import annotations

from typing import Any, Optional

from ..tr import tr
from .access import COORDINATOR_ROLE, DATABASE, Access
from .model import (
    EDITABLE_FIELDS,
    PERSONAL_FIELDS,
    Conflict,
    Idea,
    IdeaChange,
    IdeaEvent,
    SaveResult,
    to_date,
)
from .repository import IdeaRepository, RepositoryError

DEFAULT_SCHEMA = "ideas"
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 30000
LOCK_TIMEOUT_MS = 10000

_SELECT_COLUMNS = (
    "idea_id", "reference", "title", "description", "theme", "department", "submitter_category", "submitted_on",
    "status", "estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek", "decision_text", "decided_on",
)
_TAIL_COLUMNS = ("linked_layer", "linked_key")


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.errors
        import psycopg2.extensions
    except ImportError as exc:  # pragma: no cover - psycopg2 ships with QGIS on all platforms
        raise RepositoryError(tr('The Python module psycopg2 is missing: it is needed for PostgreSQL'), False) from exc
    return psycopg2


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


class PostgresIdeaRepository(IdeaRepository):
    """``ideas.ideas`` and ``ideas.idea_events`` (or their ``*_public`` views) in PostgreSQL."""

    def __init__(self, conninfo: str = "", label: str = "PostgreSQL", schema: str = DEFAULT_SCHEMA,
                 connect_timeout: int = CONNECT_TIMEOUT_S, qgis_connection: str = ""):
        self._conninfo = conninfo  # may hold a password expanded from an authcfg: never log or show it
        self.label = label
        self.schema = schema
        self.connect_timeout = connect_timeout
        self.qgis_connection = qgis_connection
        self._personal: Optional[bool] = None
        self._editable: Optional[bool] = None
        self._coordinator: Optional[bool] = None
        self._user: Optional[str] = None

    def __repr__(self) -> str:
        return f"PostgresIdeaRepository({self.label!r}, schema={self.schema!r})"

    # -- construction ------------------------------------------------------------------------------------------------
    @classmethod
    def from_service(cls, service: str, dbname: Optional[str] = None, **kwargs: Any) -> "PostgresIdeaRepository":
        """Through a pg_service entry (host, user, … in pg_service.conf; password in pgpass or the service)."""
        pg = _psycopg2()
        params = {"service": service}
        if dbname:
            params["dbname"] = dbname
        label = f"service {service}" + (f" / {dbname}" if dbname else "")
        return cls(pg.extensions.make_dsn(**params), label=label, **kwargs)

    @classmethod
    def from_qgis_connection(cls, name: str, **kwargs: Any) -> "PostgresIdeaRepository":
        """Through a saved QGIS PostgreSQL connection; resolved in :meth:`prepare` (UI thread)."""
        return cls("", label=name, qgis_connection=name, **kwargs)

    def prepare(self) -> None:
        if not self.qgis_connection or self._conninfo:
            return
        from qgis.core import QgsDataSourceUri, QgsProviderRegistry

        name = self.qgis_connection
        try:
            connection = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(name)
        except Exception as exc:  # noqa: BLE001 - QgsProviderConnectionException
            raise RepositoryError(tr("No saved PostgreSQL connection named '{name}'").format(name=name), False) from exc
        if connection is None:
            raise RepositoryError(tr("No saved PostgreSQL connection named '{name}'").format(name=name), False)
        uri = QgsDataSourceUri(connection.uri())
        # connectionInfo(True) asks the auth manager for the authcfg's user/password (kept in memory only)
        self._conninfo = uri.connectionInfo(True)

    # -- connection ------------------------------------------------------------------------------------------------
    def _connect(self):
        pg = _psycopg2()
        if not self._conninfo:
            self.prepare()
        options = f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS}"
        try:
            dsn = pg.extensions.make_dsn(
                self._conninfo, connect_timeout=self.connect_timeout, application_name="Digiresan ideas",
                options=options,
            )
            conn = pg.connect(dsn)
        except pg.Error as exc:
            raise RepositoryError(
                tr("Cannot connect to the ideas database ({label}): {error}").format(
                    label=self.label, error=_first_line(exc)
                )
            ) from exc
        # numeric → float (fast; money to the öre fits a double)
        to_float = pg.extensions.new_type(
            pg.extensions.DECIMAL.values, "DIGIRESAN_FLOAT", lambda v, _c: None if v is None else float(v)
        )
        pg.extensions.register_type(to_float, conn)
        return conn

    def _run(self, what: str, fn):
        """Run ``fn(conn)`` on a fresh connection; database errors become RepositoryError naming ``what``."""
        pg = _psycopg2()
        conn = self._connect()
        try:
            return fn(conn)
        except pg.errors.InsufficientPrivilege as exc:
            conn.rollback()
            raise RepositoryError(
                tr("{what}: not allowed for this database user ({error})").format(what=what, error=_first_line(exc)),
                False,
            ) from exc
        except pg.OperationalError as exc:
            raise RepositoryError(
                tr("{what}: the database connection failed ({error})").format(what=what, error=_first_line(exc))
            ) from exc
        except pg.Error as exc:
            conn.rollback()
            raise RepositoryError(f"{what}: {_first_line(exc)}", False) from exc
        finally:
            conn.close()

    def _table(self, name: str):
        from psycopg2 import sql

        return sql.Identifier(self.schema, name)

    def _privileges(self, conn) -> tuple[bool, bool]:
        """(may read personal data, may edit) for the connected user, asked from the database (once per
        connection of a listing: a role granted or revoked meanwhile counts from the next reload)."""
        if self._personal is None or self._editable is None:
            table = f'"{self.schema}".ideas'
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT has_column_privilege(%s::regclass, 'submitter_name', 'SELECT')"
                    " AND has_column_privilege(%s::regclass, 'submitter_contact', 'SELECT'),"
                    " has_column_privilege(%s::regclass, 'status', 'UPDATE')"
                    " AND has_column_privilege(%s::regclass, 'granted_sek', 'UPDATE')"
                    " AND has_column_privilege(%s::regclass, 'decision_text', 'UPDATE'),"
                    " CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)"
                    " THEN pg_has_role(current_user, %s, 'USAGE') ELSE false END,"
                    " current_user::text",
                    (table, table, table, table, table, COORDINATOR_ROLE, COORDINATOR_ROLE),
                )
                self._personal, self._editable, self._coordinator, self._user = cur.fetchone()
            conn.commit()
        return bool(self._personal), bool(self._editable)

    def _forget_privileges(self) -> None:
        self._personal = self._editable = self._coordinator = None

    def access(self) -> Access:
        """The connected role's rights, from the database: personal data and editing exactly as its privileges
        allow; ``role`` is ``ideas_coordinator`` when the role is a member of it (``pg_has_role``). Asked again
        after each listing (:meth:`list_ideas` forgets the answer)."""
        if self._personal is None or self._editable is None:
            self._run(f"Checking privileges in {self.label}", self._privileges)
        return Access(bool(self._personal), bool(self._editable), protected=True, basis=DATABASE,
                      role=COORDINATOR_ROLE if self._coordinator else "", user=self._user or "")

    def audit_note(self, action: str, detail: str, user: str) -> bool:
        """A row in ``ideas.audit_notes`` (migration 010; ``db_user`` is always the real login)."""
        from psycopg2 import sql

        def run(conn):
            with conn.cursor() as cur:
                cur.execute(
                    sql.SQL("INSERT INTO {} (noted_by, action, detail) VALUES (%s, %s, %s)").format(
                        self._table("audit_notes")),
                    (user or None, action, detail),
                )
            conn.commit()
            return True

        return self._run(f"Writing an audit note in {self.label}", run)

    def _select_sql(self, personal: bool):
        from psycopg2 import sql

        cols = [sql.Identifier(c) for c in _SELECT_COLUMNS]
        cols += [sql.SQL("ST_X(geom)"), sql.SQL("ST_Y(geom)")]
        cols += [sql.Identifier(c) for c in _TAIL_COLUMNS]
        if personal:
            cols += [sql.Identifier(c) for c in PERSONAL_FIELDS]
        else:
            cols += [sql.SQL("NULL::text"), sql.SQL("NULL::text")]
        cols += [
            sql.Identifier("version"),
            sql.SQL("to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"),
            sql.Identifier("updated_by"),
        ]
        return sql.SQL("SELECT {} FROM {}").format(sql.SQL(", ").join(cols), self._table("ideas"))

    # -- reading ---------------------------------------------------------------------------------------------------
    def list_ideas(self, include_personal: bool = False) -> list[Idea]:
        from psycopg2 import sql

        self._forget_privileges()  # every listing asks the database again (a role granted or revoked meanwhile)

        def run(conn):
            personal = include_personal and self._privileges(conn)[0]
            with conn.cursor() as cur:
                cur.execute(sql.SQL("{} ORDER BY idea_id").format(self._select_sql(personal)))
                rows = cur.fetchall()
            conn.commit()
            return [_row_to_idea(r) for r in rows]

        return self._run(f"Reading ideas from {self.label}", run)

    def _fetch(self, conn, idea_id: int, personal: bool) -> Optional[Idea]:
        from psycopg2 import sql

        with conn.cursor() as cur:
            cur.execute(sql.SQL("{} WHERE idea_id = %s").format(self._select_sql(personal)), (int(idea_id),))
            row = cur.fetchone()
        return _row_to_idea(row) if row else None

    def get(self, idea_id: int, include_personal: bool = False) -> Optional[Idea]:
        def run(conn):
            personal = include_personal and self._privileges(conn)[0]
            idea = self._fetch(conn, idea_id, personal)
            conn.commit()
            return idea

        return self._run(f"Reading idea {idea_id} from {self.label}", run)

    def history(self, idea_id: int, include_personal: bool = False) -> list[IdeaEvent]:
        from psycopg2 import sql

        def run(conn):
            personal = include_personal and self._privileges(conn)[0]
            table = self._table("idea_events" if personal else "idea_events_public")
            with conn.cursor() as cur:
                cur.execute(
                    sql.SQL(
                        "SELECT idea_id, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
                        " changed_by, field, old_value, new_value FROM {} WHERE idea_id = %s"
                        " ORDER BY changed_at, event_id"
                    ).format(table),
                    (int(idea_id),),
                )
                rows = cur.fetchall()
            conn.commit()
            return [IdeaEvent(r[0], r[1] or "", r[2] or "", r[3], r[4], r[5]) for r in rows]

        return self._run(f"Reading the history of idea {idea_id} from {self.label}", run)

    def can_read_personal_data(self) -> bool:
        if self._personal is None:
            self._run(f"Checking privileges in {self.label}", self._privileges)
        return bool(self._personal)

    def can_edit(self) -> bool:
        if self._editable is None:
            self._run(f"Checking privileges in {self.label}", self._privileges)
        return bool(self._editable)

    # -- saving ----------------------------------------------------------------------------------------------------
    def save(self, change: IdeaChange) -> SaveResult:
        from psycopg2 import sql

        names = [n for n in change.values if n in EDITABLE_FIELDS]
        if not names:
            return SaveResult(False, error="Nothing to save")

        def run(conn):
            personal = self._privileges(conn)[0]
            sets = sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(n)) for n in names)
            params = [_param(n, change.values[n]) for n in names]
            with conn.cursor() as cur:
                cur.execute(
                    sql.SQL("UPDATE {} SET {}, updated_by = %s WHERE idea_id = %s AND version = %s").format(
                        self._table("ideas"), sets
                    ),
                    params + [change.user or None, int(change.idea_id), int(change.base_version)],
                )
                updated = cur.rowcount
                if updated != 1:  # someone saved first (or the idea is gone): write nothing
                    current = self._fetch(conn, change.idea_id, personal)
                    conn.rollback()
                    if current is None:
                        return SaveResult(False, error=f"Idea {change.idea_id} does not exist (any more)")
                    return SaveResult(False, conflict=Conflict(change, current))
                saved = self._fetch(conn, change.idea_id, personal)
                cur.execute(
                    sql.SQL(
                        "SELECT idea_id, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
                        " changed_by, field, old_value, new_value FROM {} WHERE idea_id = %s AND changed_at = now()"
                        " ORDER BY event_id"
                    ).format(self._table("idea_events_public")),
                    (int(change.idea_id),),
                )
                events = [IdeaEvent(r[0], r[1] or "", r[2] or "", r[3], r[4], r[5]) for r in cur.fetchall()]
            conn.commit()
            return SaveResult(True, idea=saved, events=events)

        return self._run(f"Saving idea {change.idea_id} in {self.label}", run)


def _param(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if name == "decided_on":
        return to_date(value)
    if name == "granted_sek":
        return round(float(value), 2)
    return str(value)


def _row_to_idea(r: tuple) -> Idea:
    return Idea(
        r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15],
        r[16], r[17], r[18], r[19], r[20] if r[20] is not None else 1, r[21], r[22],
    )
