"""Rich text as tall as its content: the dock's scroll area scrolls, not each section. Links are signals."""

from __future__ import annotations

import math
from typing import Optional

from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QFont, QPalette, QTextOption
from qgis.PyQt.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

SLACK_PX = 3  # the laid-out width may exceed the viewport by a pixel or two (margins, rounding) and still fit


class AutoHeightBrowser(QTextBrowser):
    """Rich text as tall as its content: the dock's scroll area scrolls, not each section. Links are signals."""

    def __init__(self, html: str = "", parent: Optional[QWidget] = None, font: Optional[QFont] = None):
        super().__init__(parent)
        if font is not None:
            self.setFont(font)  # before the text: one layout, not two
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.viewport().setAutoFillBackground(False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        self.setPalette(palette)
        self.document().setDocumentMargin(2)
        self._settling = False
        self._cut_below = 0  # widths under which words had to be cut (a table's words do not fit)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.show_html(html)

    def show_html(self, html: str) -> None:
        """Show ``html`` and take its height once, when the text is laid out (not at each step of the layout)."""
        self._settling = True
        try:
            self._cut_below = 0  # new text: words whole again where they fit
            if self.wordWrapMode() != QTextOption.WrapMode.WordWrap:
                self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
            self.setHtml(html)
        finally:
            self._settling = False
        self._fit()

    def _fit(self, *_args) -> None:
        if self._settling:
            return
        width = self.viewport().width()
        if width > 0 and self.document().textWidth() != width:
            self.document().setTextWidth(width)
        if width > 0:
            self._wrap(width)
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(height)

    def _wrap(self, width: int) -> None:
        """Words stay whole (a table's column header wraps between words, never "Tillstå|ndsklass") while the text
        fits ``width``; where a table's words cannot fit they are cut rather than the table cut off at the edge."""
        whole = self.wordWrapMode() == QTextOption.WrapMode.WordWrap
        if whole and self.document().idealWidth() > width + SLACK_PX:
            self._cut_below = max(self._cut_below, width + 1)
            self._set_wrap(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        elif not whole and width >= self._cut_below:
            self._set_wrap(QTextOption.WrapMode.WordWrap)
            if self.document().idealWidth() > width + SLACK_PX:
                self._cut_below = width + 1
                self._set_wrap(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def _set_wrap(self, mode: QTextOption.WrapMode) -> None:
        self._settling = True
        try:
            self.setWordWrapMode(mode)
        finally:
            self._settling = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, self.height())
