"""``tr()`` for module-level code: pylupdate5 files a bare ``tr("…")`` call under the context ``@default``, so
that is the context it is looked up in (classes use ``self.tr``, filed under the class name)."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

DEFAULT_CONTEXT = "@default"


def tr(text: str) -> str:
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)
