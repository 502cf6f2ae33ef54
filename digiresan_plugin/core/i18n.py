"""UI language: the translation QGIS loaded at start-up (so it never changes mid-session when the Options dialog
is used); without one (tests, scripts) QGIS's locale settings. Swedish or English."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale

from .settings import qgis_value

SUPPORTED = ("en", "sv")


def ui_locale_name() -> str:
    """QGIS's UI locale name (e.g. 'sv_SE'): the translation QGIS started with, else the settings (honouring
    ``locale/overrideFlag``)."""
    app = QgsApplication.instance()
    started = app.translation() if isinstance(app, QgsApplication) else ""
    if started:
        return started
    override = qgis_value("locale/overrideFlag", False, bool)
    name = qgis_value("locale/userLocale", "", str) if override else ""
    return name or QLocale.system().name() or "en"


def ui_language() -> str:
    """'sv' when QGIS runs in Swedish, else 'en'."""
    return "sv" if ui_locale_name().lower().startswith("sv") else "en"


def tr(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (the class name pylupdate5 files it under)."""
    return QCoreApplication.translate(context, text)
