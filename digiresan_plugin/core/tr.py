"""``tr()`` for module-level code: pylupdate5 files a bare ``tr("…")`` call under the context ``@default``, so
that is the context it is looked up in (classes use ``self.tr``, filed under the class name).

Without Qt (a pure-Python user of the catalog such as ``db/maintenance_sql.py``) the text comes back as written."""

from __future__ import annotations

try:
    from qgis.PyQt.QtCore import QCoreApplication
except ImportError:  # pragma: no cover - only without QGIS
    QCoreApplication = None

DEFAULT_CONTEXT = "@default"


def tr(text: str) -> str:
    if QCoreApplication is None:
        return text
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)
