"""Logging to the QGIS message log under one tag (after lizmap's toolbelt).

Every module takes its own logger: ``LOG = get_logger(__name__)``, then ``LOG.warning("…")``. Records of all
``digiresan_plugin.*`` loggers reach QGIS's message log (tab :data:`TAG`) with the matching QGIS level, with
credentials redacted (:func:`.redact.redact`).
"""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

from .redact import redact

TAG = "Digiresan"
ROOT_LOGGER = "digiresan_plugin"

_LEVELS = {
    logging.DEBUG: Qgis.MessageLevel.Info,
    logging.INFO: Qgis.MessageLevel.Info,
    logging.WARNING: Qgis.MessageLevel.Warning,
    logging.ERROR: Qgis.MessageLevel.Critical,
    logging.CRITICAL: Qgis.MessageLevel.Critical,
}


class QgsMessageLogHandler(logging.Handler):
    """Forwards Python ``logging`` records to ``QgsMessageLog`` under :data:`TAG`."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record)
        except Exception:  # noqa: BLE001 - a broken record must never break QGIS
            message = str(record.msg)
        QgsMessageLog.logMessage(redact(message), TAG, _LEVELS.get(record.levelno, Qgis.MessageLevel.Info),
                                 notifyUser=False)


def _root() -> logging.Logger:
    root = logging.getLogger(ROOT_LOGGER)
    if not any(isinstance(h, QgsMessageLogHandler) for h in root.handlers):
        root.addHandler(QgsMessageLogHandler())
        root.setLevel(logging.INFO)
    return root


def get_logger(name: str) -> logging.Logger:
    """The logger of module ``name`` (``__name__``), attached once to the QGIS message log."""
    _root()
    if name != ROOT_LOGGER and not name.startswith(ROOT_LOGGER + "."):
        name = f"{ROOT_LOGGER}.{name}"
    return logging.getLogger(name)
