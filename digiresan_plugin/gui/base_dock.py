"""What every Digiresan dock shares: a thin busy bar, messages to QGIS's message bar, and a cleanup that leaves
nothing connected."""

from __future__ import annotations

from typing import Optional

from qgis.core import Qgis
from qgis.gui import QgsDockWidget, QgsMessageBar
from qgis.PyQt.QtWidgets import QProgressBar, QWidget

from ..core.redact import redact
from ..core.signals import SignalBag


class DigiresanDock(QgsDockWidget):
    """Base of the plugin's docks. Subclasses connect outside signals through ``self._signals`` (undone by
    :meth:`cleanup`), show work with :meth:`set_busy` and tell the user with :meth:`message`."""

    #: the title of this dock's messages in the message bar (a subclass sets it, translated)
    message_title = "Digiresan"

    def __init__(self, parent: Optional[QWidget] = None, message_bar: Optional[QgsMessageBar] = None):
        super().__init__(parent)
        self.message_bar = message_bar
        self._signals = SignalBag()

    def busy_bar(self, parent: QWidget, height: int = 6) -> QProgressBar:
        """An indeterminate bar, hidden until :meth:`set_busy`; add it to the dock's layout."""
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(height)
        self.progress.hide()
        return self.progress

    def set_busy(self, busy: bool) -> None:
        progress = getattr(self, "progress", None)
        if progress is not None:
            progress.setVisible(busy)

    def message(self, text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info, seconds: int = 6) -> None:
        """Push ``text`` to QGIS's message bar (when the dock has one) under :attr:`message_title`."""
        if self.message_bar is not None:
            self.message_bar.pushMessage(self.message_title, redact(text), level, seconds)

    def cleanup(self) -> None:
        """Disconnect from everything outside the dock; the plugin calls this before removing the dock."""
        self._signals.disconnect_all()
