"""Failed reads are faults, never empty answers.

QGIS's data providers end a feature iterator early when the database fails — no connection slot left, the server
stopped or killed, a locked GeoPackage — and only say so in the message log (tags "PostGIS", "OGR", …): the
iterator just looks empty, and "nothing here" would be a wrong answer. :func:`watch_reads` collects what providers
log *on the calling thread* while a block reads features (a direct connection to ``QgsMessageLog``, so a read in a
``QgsTask`` is watched in its own thread and a map render elsewhere is not), and :func:`raise_on_faults` turns
them into :class:`TwinReadError`.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import Qt

from .redact import redact

#: message-log tags of the providers the twin is read through (untranslated and as QGIS translates them)
PROVIDER_TAGS = frozenset({"PostGIS", "Postgres", "PostgreSQL", "OGR", "GDAL", "SQLite", "Spatialite"})
_FAULT_LEVELS = (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical)
#: what providers log when a read really failed (a reset that worked, or a failed CLOSE after the last row, is not)
_FAULT_WORDS = ("connection to database failed", "still bad after reset", "not retrying", "fetching from cursor",
                "too many clients", "remaining connection slots", "server closed the connection", "could not connect",
                "terminating connection", "timeout expired", "database is locked", "not a database",
                "disk i/o error", "unable to open database", "sqlite3_step", "malformed")

#: the longest a read waits for one of the pooled connections QGIS's providers share (PostGIS, GeoPackage …): QGIS
#: waits forever by default, and a pool whose connections the server broke can leave every reader waiting on another
POOL_WAIT_MS = 10_000

_watches: dict[int, list[str]] = {}
_lock = threading.Lock()
_connected = False


class TwinReadError(RuntimeError):
    """Reading the twin failed (the database did not answer, a file is locked …): the message says what."""


def _on_message(message: str, tag: str, level: Qgis.MessageLevel) -> None:
    watch = _watches.get(threading.get_ident())
    if watch is None or tag not in PROVIDER_TAGS or level not in _FAULT_LEVELS:
        return
    text = " ".join(str(message).split())
    if any(word in text.lower() for word in _FAULT_WORDS):
        watch.append(redact(text))


def _connect() -> None:
    global _connected
    with _lock:
        if _connected:
            return
        log = QgsApplication.messageLog()
        log.messageReceived[str, str, Qgis.MessageLevel].connect(_on_message, Qt.ConnectionType.DirectConnection)
        _connected = True


@contextmanager
def watch_reads() -> Iterator[list[str]]:
    """Collect the provider faults logged on this thread inside the block (nested blocks share the list)."""
    _connect()
    ident = threading.get_ident()
    outer = _watches.get(ident)
    faults: list[str] = outer if outer is not None else []
    _watches[ident] = faults
    try:
        yield faults
    finally:
        if outer is None:
            _watches.pop(ident, None)


def note_fault(text: str) -> None:
    """Add a fault seen by the reader itself (e.g. an iterator the provider could not give a connection, which
    QGIS does not log) to the block watching this thread; nothing when none watches."""
    watch = _watches.get(threading.get_ident())
    if watch is not None:
        watch.append(redact(text))


def features_or_fault(source, request, what: str) -> Iterator:
    """``source.getFeatures(request)``, and a fault noted (:func:`note_fault`) once it is done if the provider could
    give the iterator no connection: such an iterator ends empty without a word (QGIS 3.22 keeps a broken pooled
    connection). Checked at the end, as a layer's iterator may open its provider's connection only when first read;
    ``what`` names the read in the fault. Once a read watched on this thread failed, the next ones raise
    :class:`TwinReadError` at once: the answer is a fault already, and each further try at a database that refuses
    connections only makes the fault slower to show. ``request`` waits at most :data:`POOL_WAIT_MS` for a pooled
    connection (when it sets no wait of its own): a pool that gives none in time is a fault, not a hang."""
    watch = _watches.get(threading.get_ident())
    if watch:
        raise TwinReadError(first_fault(watch))
    if request.timeout() < 0:
        request.setTimeout(POOL_WAIT_MS)
    iterator = source.getFeatures(request)
    yield from iterator
    if not iterator.isValid():
        note_fault(f"{what}: the data source gave no connection, the read failed")


def first_fault(faults: list[str]) -> str:
    """The most telling of ``faults`` (the one with the server's or driver's reason), shortened."""
    telling = [f for f in faults if "FATAL" in f or "failed" in f.lower() or "locked" in f.lower()
               or "refused" in f.lower()]
    return (telling or faults or [""])[0][:500]


def raise_on_faults(faults: list[str]) -> None:
    """:class:`TwinReadError` with the most telling fault when ``faults`` is not empty."""
    if faults:
        raise TwinReadError(first_fault(faults))


__all__ = ["POOL_WAIT_MS", "PROVIDER_TAGS", "TwinReadError", "features_or_fault", "first_fault", "note_fault",
           "raise_on_faults", "watch_reads"]
