"""The top of the ideas dock: the source and the user's access, the tool buttons, the busy bar, a plain notice on
a local file's unprotected personal data (with the choice to show them) and an error with Retry."""

from __future__ import annotations

from typing import Optional

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class IdeasHeader(QWidget):
    """``retry(checked)``: the Retry button of the error shown by :meth:`show_error` was clicked (``checked`` is
    always False: the button's own argument, passed on as before)."""

    retry = pyqtSignal(bool)
    export_requested = pyqtSignal(str)  # the CSV file the user chose
    personal_toggled = pyqtSignal(bool)  # local file: the user asks to show (True) or hide its personal data

    def __init__(self, busy_bar: QProgressBar, parent: Optional[QWidget] = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.source_label = QLabel(self)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.source_label, 1)
        self.refresh_button = self._tool_button("mActionRefresh.svg", self.tr("Reload the ideas"))
        self.pick_button = self._tool_button("mActionIdentify.svg",
                                             self.tr("Pick an idea on the map to select its row"))
        self.pick_button.setCheckable(True)
        self.zoom_button = self._tool_button("mActionZoomToSelected.svg", self.tr("Zoom to the selected idea"))
        self.export_button = self._tool_button("mActionFileSaveAs.svg", self.tr("Export the filtered list to CSV"))
        self.help_button = self._tool_button("mActionHelpContents.svg", self.tr("Help"))
        for button in (self.refresh_button, self.pick_button, self.zoom_button, self.export_button, self.help_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.local_notice = QWidget(self)
        notice = QHBoxLayout(self.local_notice)
        notice.setContentsMargins(0, 0, 0, 0)
        self.local_label = QLabel(self.tr(
            "Local file: it protects nothing, anyone with it can read the submitters' personal data. They are hidden."),
            self.local_notice)
        self.local_label.setWordWrap(True)
        self.local_label.setStyleSheet("color: #8a5300;")
        notice.addWidget(self.local_label, 1)
        self.personal_button = QPushButton(self.tr("Show personal data…"), self.local_notice)
        self.personal_button.setToolTip(self.tr("Asks first; the choice is logged"))
        self.personal_button.clicked.connect(lambda: self.personal_toggled.emit(not self._personal_shown))
        notice.addWidget(self.personal_button)
        self._personal_shown = False
        self.local_notice.hide()
        layout.addWidget(self.local_notice)
        busy_bar.setParent(self)
        layout.addWidget(busy_bar)
        self.bar = QgsMessageBar(self)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.error_text = ""
        self.retry_button: Optional[QPushButton] = None
        self.export_button.clicked.connect(self._ask_export)

    def _tool_button(self, icon: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export ideas"), "digiresan_ideas.csv",
                                                    self.tr("CSV files (*.csv)"))
        if path:
            self.export_requested.emit(path)

    def set_source(self, source: Optional[str], mode: str, tip: str = "") -> None:
        """"<source> · <mode>" (the access as the source gives it); the tooltip says why."""
        source = source or self.tr("no source")
        self.source_label.setText(f"{source} · {mode}")
        self.source_label.setToolTip(source + ("\n" + tip if tip else ""))

    def set_local_notice(self, visible: bool, shown: bool) -> None:
        """The notice on a local file's personal data, and its button (show… / hide)."""
        self._personal_shown = shown
        self.local_notice.setVisible(visible)
        self.local_label.setText(self.tr(
            "Local file: it protects nothing, anyone with it can read the submitters' personal data. You chose to "
            "show them (logged).") if shown else self.tr(
            "Local file: it protects nothing, anyone with it can read the submitters' personal data. They are hidden."))
        self.personal_button.setText(self.tr("Hide personal data") if shown else self.tr("Show personal data…"))

    def show_error(self, text: str) -> None:
        """``text`` in the dock's own message bar, with a Retry button, until :meth:`clear_error`."""
        self.error_text = text
        self.bar.clearWidgets()
        item = self.bar.createMessage(self.tr("Ideas"), text)
        retry = QPushButton(self.tr("Retry"), item)
        retry.clicked.connect(self.retry)
        item.layout().addWidget(retry)
        self.retry_button = retry
        self.bar.pushWidget(item, Qgis.MessageLevel.Critical, 0)
        self.bar.show()

    def clear_error(self) -> None:
        self.error_text = ""
        self.retry_button = None
        self.bar.clearWidgets()
        self.bar.hide()
