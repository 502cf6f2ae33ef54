"""Qt classes that moved between Qt 5 and Qt 6 (QGIS 4), imported from where the running Qt keeps them."""

try:  # Qt 6 keeps QAction in QtGui; QGIS 3.40's Qt 5 wrapper re-exports it there too
    from qgis.PyQt.QtGui import QAction
except ImportError:  # QGIS 3.22 on Qt 5
    from qgis.PyQt.QtWidgets import QAction  # noqa: qt6 (Qt 5 only)

__all__ = ["QAction"]
