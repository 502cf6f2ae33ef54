"""A PostGIS table read straight through psycopg2: the engine's :class:`~.query.Query` as one bound SQL statement
(on the GiST index for rectangles), the values typed as QGIS's postgres provider gives them.

QGIS's provider answers each of a click's twenty small questions with a cursor (``DECLARE`` … ``FETCH`` …
``CLOSE``: three round trips and a plan per question). Here each is one statement on a connection kept per database
on the main thread (the card; tasks read through QGIS's pooled connections, so one QGIS holds one more connection
than QGIS alone), prepared on the server the first time (``PREPARE``; then ``EXECUTE``: no parsing or planning per
click). A server that forgets prepared statements (a pooler in transaction mode) gets plain statements instead.
Used only where it reads exactly what the layer shows and the feature ids are the same: a plain table of a
``postgres`` layer (no subset string, not in edit mode, no virtual or joined fields) whose key is one ``int4``
column (QGIS then uses its value as the feature id), with field types this module knows (see
:func:`reader_for_pg_layer`); everything else goes through QGIS. The connection string may hold a password the
auth manager expanded: it stays in memory, never in a message.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable, Optional

from qgis.core import QgsDataSourceUri, QgsFields, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..log import get_logger
from .gpkg_reader import LiteFeature, features_from_rows
from .query import Query

LOG = get_logger(__name__)
CONNECT_TIMEOUT_S = 3
STATEMENT_TIMEOUT_MS = 10_000
RETRY_AFTER_S = 30.0  # after a failed connection, QGIS reads the database for this long before the next try
_KNOWN = {QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong, QVariant.Double, QVariant.String,
          QVariant.Date, QVariant.DateTime, QVariant.Bool}


class PgReadError(LookupError):
    """The database could not answer here (the caller reads through QGIS instead)."""


def _psycopg2():
    import psycopg2
    import psycopg2.extensions

    return psycopg2


def _as_float(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _as_naive(value: Any) -> Any:
    return value.replace(tzinfo=None) if isinstance(value, datetime) and value.tzinfo is not None else value


def _converter(qtype: int) -> Optional[Callable[[Any], Any]]:
    if qtype == QVariant.Double:
        return _as_float  # numeric → double, as QGIS gives it
    if qtype == QVariant.DateTime:
        return _as_naive
    return None


class _WkbFeature(LiteFeature):
    """A feature whose geometry came as plain WKB (``ST_AsBinary``)."""

    __slots__ = ()

    def wkb(self) -> Optional[bytes]:
        """The geometry as read (WKB; None without one), while it has not been decoded."""
        if self._geometry is not None:
            return bytes(self._geometry.asWkb()) if not self._geometry.isNull() else None
        return bytes(self._blob) if self._blob else None

    def geometry(self) -> QgsGeometry:
        if self._geometry is None:
            geometry = QgsGeometry()
            if self._blob:
                geometry.fromWkb(bytes(self._blob))
            self._geometry = geometry
            self._blob = None
        return self._geometry


class _Connections(threading.local):
    def __init__(self) -> None:
        self.open: dict[str, Any] = {}
        self.prepared: dict[str, dict[str, str]] = {}  # conninfo → SQL → prepared statement name (this connection)


_CONNECTIONS = _Connections()
_FAILED: dict[str, float] = {}  # conninfo → when connecting last failed (monotonic)
_UNPREPARED: set[str] = set()  # conninfos whose server forgot a prepared statement: plain statements there
_READERS: dict[tuple, "PgReader"] = {}
_LOCK = threading.Lock()


def _connection(conninfo: str):
    """This thread's connection for ``conninfo`` (autocommit: each statement stands alone, a failed one leaves
    nothing aborted)."""
    conn = _CONNECTIONS.open.get(conninfo)
    if conn is not None and not conn.closed:
        return conn
    failed = _FAILED.get(conninfo)
    if failed is not None and time.monotonic() - failed < RETRY_AFTER_S:
        raise PgReadError("the database did not answer a moment ago")
    pg = _psycopg2()
    try:
        conn = pg.connect(pg.extensions.make_dsn(
            conninfo, connect_timeout=CONNECT_TIMEOUT_S, application_name="Digiresan card",
            options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"))
    except pg.Error as exc:
        _FAILED[conninfo] = time.monotonic()
        raise PgReadError(f"cannot connect ({exc.__class__.__name__})") from None  # no conninfo in the text
    conn.autocommit = True
    _FAILED.pop(conninfo, None)
    _CONNECTIONS.open[conninfo] = conn
    _CONNECTIONS.prepared[conninfo] = {}
    return conn


def _forget(conninfo: str) -> None:
    """Drop this thread's connection to ``conninfo`` (broken) and what was prepared on it."""
    _CONNECTIONS.open.pop(conninfo, None)
    _CONNECTIONS.prepared.pop(conninfo, None)


def _execute(cursor, conninfo: str, sql: str, params: list) -> None:
    """``sql`` with ``params``: prepared on the server on first use, then executed by name."""
    if conninfo in _UNPREPARED:
        cursor.execute(sql, params)
        return
    prepared = _CONNECTIONS.prepared.setdefault(conninfo, {})
    name = prepared.get(sql)
    if name is None:
        name = f"digiresan_card_{len(prepared) + 1}"
        numbered = sql
        for n in range(1, len(params) + 1):
            numbered = numbered.replace("%s", f"${n}", 1)
        cursor.execute(f"PREPARE {name} AS {numbered}")
        prepared[sql] = name
    call = f"EXECUTE {name}" + (f" ({', '.join(['%s'] * len(params))})" if params else "")
    try:
        cursor.execute(call, params)
    except _psycopg2().errors.InvalidSqlStatementName:  # the server (a pooler) lost it: plain statements
        LOG.info("PostGIS: prepared statements are not kept by this server; plain statements from now on")
        _UNPREPARED.add(conninfo)
        prepared.clear()
        cursor.execute(sql, params)


def close_connections() -> None:
    """Close this thread's connections (plugin unload, tests)."""
    for conn in _CONNECTIONS.open.values():
        try:
            conn.close()
        except Exception:  # noqa: BLE001, S110 - closing a broken connection
            pass
    _CONNECTIONS.open.clear()
    _CONNECTIONS.prepared.clear()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class PgReader:
    """Reads one PostGIS table for a layer with ``fields`` (the layer's, in its order)."""

    def __init__(self, conninfo: str, schema: str, table: str, geometry: str, srid: int, key: str, fields: QgsFields):
        self._conninfo = conninfo
        self.relation = (_ident(schema) + "." if schema else "") + _ident(table)
        self.geometry_column, self.srid, self.key, self.fields = geometry, srid, key, fields
        self.names = tuple(fields.names())
        self.converters = tuple(_converter(fields.at(i).type()) for i in range(fields.count()))
        self._statements: dict[tuple, tuple[str, list[int]]] = {}

    def __repr__(self) -> str:
        return f"PgReader({self.relation})"  # never the connection string

    @staticmethod
    def is_current() -> bool:
        return True  # a layer's source change drops the handle (its signals)

    def _statement(self, query: Query) -> tuple[str, list[int]]:
        if query.attributes is None:
            wanted = list(range(len(self.names)))
        else:
            chosen = set(query.attributes)
            wanted = [i for i, name in enumerate(self.names) if name in chosen]
        select = [_ident(self.key)] + [_ident(self.names[i]) for i in wanted]
        if query.geometry and self.geometry_column:
            select.append(f"ST_AsBinary({_ident(self.geometry_column)})")
        where = []
        if query.rect is not None:
            if not self.geometry_column:
                raise PgReadError("no geometry column")
            where.append(f"{_ident(self.geometry_column)} && ST_MakeEnvelope(%s, %s, %s, %s, {int(self.srid)})")
        if query.equals is not None:
            where.append(f"{_ident(query.equals[0])} = %s")
        for c in query.where:
            column = _ident(c.field)
            where.append({"eq": f"{column} = %s", "ne": f"({column} IS NULL OR {column} <> %s)",
                          "in": f"{column} = ANY(%s)"}.get(c.op, f"({column} IS NULL OR NOT ({column} = ANY(%s)))"))
        if query.fids is not None:
            where.append(f"{_ident(self.key)} = ANY(%s)")
        sql = f"SELECT {', '.join(select)} FROM {self.relation}"  # noqa: S608 - names from the layer's source
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {_ident(self.key)}"
        return (sql + " LIMIT %s" if query.limit is not None else sql), wanted

    def read(self, query: Query) -> list[LiteFeature]:
        """The features ``query`` asks for, in key order. Raises :class:`PgReadError` when it cannot (also off the
        main thread: the connections stay one per QGIS)."""
        if threading.current_thread() is not threading.main_thread():
            raise PgReadError("not on the main thread")
        key = query.shape()
        if key not in self._statements:
            self._statements[key] = self._statement(query)
        sql, wanted = self._statements[key]
        params: list[Any] = []
        if query.rect is not None:
            r = query.rect
            params += [r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()]
        if query.equals is not None:
            params.append(query.equals[1])
        for c in query.where:
            params.append(c.values[0] if c.op in ("eq", "ne") else list(c.values))
        if query.fids is not None:
            params.append([int(f) for f in query.fids])
        if query.limit is not None:
            params.append(int(query.limit))
        pg = _psycopg2()
        conn = _connection(self._conninfo)
        try:
            with conn.cursor() as cursor:
                _execute(cursor, self._conninfo, sql, params)
                rows = cursor.fetchall()
        except pg.Error as exc:
            if conn.closed or isinstance(exc, pg.OperationalError):
                _forget(self._conninfo)
            raise PgReadError(f"{self.relation}: {exc.__class__.__name__}") from None
        return features_from_rows(rows, wanted, self.converters, query.geometry and bool(self.geometry_column),
                                  self.fields, _WkbFeature)


def reader_for_pg_layer(layer: QgsVectorLayer, fields: QgsFields) -> Optional[PgReader]:
    """A direct reader for ``layer`` when it reads exactly what the layer shows with the same feature ids, else None
    (see the module doc). Call on the main thread (the auth manager may expand the connection's credentials)."""
    if layer.providerType() != "postgres" or layer.subsetString() or layer.isEditable():
        return None
    uri = QgsDataSourceUri(layer.source())
    key = uri.keyColumn()
    if not uri.table() or not key or "," in key or uri.sql():
        return None
    key_index = fields.indexFromName(key)
    if key_index < 0 or fields.at(key_index).typeName().lower() not in ("int4", "serial", "integer"):
        return None  # another key type: QGIS maps its values to feature ids of its own
    if any(fields.fieldOrigin(i) != QgsFields.FieldOrigin.OriginProvider or fields.at(i).type() not in _KNOWN
           for i in range(fields.count())):
        return None
    srid = 0
    if uri.geometryColumn():
        try:
            srid = int(uri.srid() or layer.crs().postgisSrid())
        except ValueError:
            return None
    conninfo = uri.connectionInfo(True)
    cache_key = (conninfo, uri.schema(), uri.table(), uri.geometryColumn(), srid, key, tuple(fields.names()))
    with _LOCK:
        reader = _READERS.get(cache_key)
        if reader is None:
            if len(_READERS) > 256:
                _READERS.clear()
            reader = _READERS[cache_key] = PgReader(conninfo, uri.schema(), uri.table(), uri.geometryColumn(), srid,
                                                    key, QgsFields(fields))
    return reader
