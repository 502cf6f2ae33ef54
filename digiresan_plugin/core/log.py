"""Logging to the QGIS message log under one tag (after lizmap's toolbelt)."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "Digiresan"
LOGGER_NAME = "digiresan"

_LEVELS = {
    logging.DEBUG: Qgis.Info,
    logging.INFO: Qgis.Info,
    logging.WARNING: Qgis.Warning,
    logging.ERROR: Qgis.Critical,
    logging.CRITICAL: Qgis.Critical,
}


class QgsMessageLogHandler(logging.Handler):
    """Forwards Python ``logging`` records to ``QgsMessageLog`` under :data:`TAG`."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record)
        except Exception:  # noqa: BLE001 - a broken record must never break QGIS
            message = str(record.msg)
        QgsMessageLog.logMessage(message, TAG, _LEVELS.get(record.levelno, Qgis.Info), notifyUser=False)


def logger() -> logging.Logger:
    """The plugin's logger, attached once to the QGIS message log."""
    log_ = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, QgsMessageLogHandler) for h in log_.handlers):
        log_.addHandler(QgsMessageLogHandler())
        log_.setLevel(logging.INFO)
    return log_


def log(message: str, level: int = logging.INFO) -> None:
    logger().log(level, message)
