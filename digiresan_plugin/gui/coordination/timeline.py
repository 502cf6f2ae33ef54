"""The Gantt-style timeline of a street, drawn with QPainter: a lane per segment, months across, permits (red
outline: in a conflict), the moratorium, the dig-now notice and the paving; exportable as PNG."""

from __future__ import annotations

from datetime import date
from typing import Optional

from qgis.PyQt.QtCore import QDate, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.coordination.timeline import Timeline
from ...core.formatting import card_locale

LABEL_W, HEADER_H, LANE_H, DAY_W = 230, 34, 46, 2.4
COLOURS = {"permit": QColor("#2f5d8a"), "moratorium": QColor("#f3c98b"), "notice": QColor("#b8d8a8"),
           "paving": QColor("#6b4f2a")}
ROWS = {"moratorium": (4, 10), "notice": (4, 10), "paving": (2, 14), "permit": (18, 24)}  # (y offset, height)


def permit_tracks(data: Timeline) -> dict:
    """Permit bars that overlap another one in their lane -> track 0 or 1 (alternating by start)."""
    out = {}
    by_lane: dict = {}
    for bar in data.bars:
        if bar.kind == "permit":
            by_lane.setdefault(bar.lane, []).append(bar)
    for bars in by_lane.values():
        bars.sort(key=lambda b: (b.start, b.label))
        for i, bar in enumerate(bars):
            if any(o is not bar and o.start <= bar.end and bar.start <= o.end for o in bars):
                out[bar] = i % 2
    return out


class TimelineView(QWidget):
    def __init__(self, data: Timeline, parent: Optional[QWidget] = None, today: Optional[date] = None):
        super().__init__(parent)
        self.data = data
        self.today = today  # where the dashed "today" line is drawn (None: the real date)
        days = (data.end - data.start).days + 1
        self.setMinimumSize(self.sizeHint())
        self._days = days

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        days = (self.data.end - self.data.start).days + 1
        return QSize(int(LABEL_W + days * DAY_W + 10), HEADER_H + LANE_H * max(1, len(self.data.lanes)) + 4)

    def x_of(self, day: date) -> float:
        return LABEL_W + (day - self.data.start).days * DAY_W

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        data = self.data
        painter.fillRect(self.rect(), QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() - 1))
        painter.setFont(small)
        height = HEADER_H + LANE_H * len(data.lanes)
        month = date(data.start.year, data.start.month, 1)
        while month <= data.end:
            x = max(self.x_of(month), LABEL_W)
            painter.setPen(QPen(QColor("#d0d0d0")))
            painter.drawLine(int(x), HEADER_H - 6, int(x), height)
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(QRectF(x + 3, 4, 80, HEADER_H - 10), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter,
                             card_locale().toString(QDate(month), "MMM yyyy"))
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        lane_of = {sid: i for i, (sid, _label) in enumerate(data.lanes)}
        tracks = permit_tracks(data)
        for i, (_sid, label) in enumerate(data.lanes):
            y = HEADER_H + i * LANE_H
            painter.setPen(QPen(QColor("#eeeeee")))
            painter.drawLine(0, y, self.width(), y)
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(QRectF(4, y, LABEL_W - 8, LANE_H), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, label)
        for bar in data.bars:
            y0, h = ROWS[bar.kind]
            if bar.kind == "permit" and bar in tracks:  # overlapping permits share the row in two halves
                y0, h = y0 + tracks[bar] * (h // 2), h // 2 - 1
            y = HEADER_H + lane_of[bar.lane] * LANE_H + y0
            rect = QRectF(self.x_of(bar.start), y, max(2.0, ((bar.end - bar.start).days + 1) * DAY_W), h)
            painter.setPen(QPen(QColor("#c0392b"), 2) if bar.conflict else Qt.PenStyle.NoPen)
            painter.setBrush(COLOURS[bar.kind])
            painter.drawRect(rect)
            if bar.kind == "permit":
                painter.setPen(QPen(QColor("white")))
                painter.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignLeft
                                 | Qt.AlignmentFlag.AlignVCenter, bar.label)
        today = self.x_of(self.today or data.as_of or date.today())  # the board's "as of" day, not the clock's
        if LABEL_W <= today <= self.width():
            painter.setPen(QPen(QColor("#c0392b"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(today), HEADER_H - 6, int(today), height)

    def export_png(self, path: str) -> bool:
        """The whole timeline as a PNG file (True when written)."""
        self.resize(self.sizeHint())
        return self.grab().save(path, "PNG")


class TimelineDialog(QDialog):
    def __init__(self, data: Timeline, title: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = TimelineView(data, self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(self.tr("Export PNG…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self._export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(min(1200, self.view.sizeHint().width() + 40), min(700, self.view.sizeHint().height() + 90))

    def _export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the timeline"), "", "PNG (*.png)")
        if path:
            self.view.export_png(path if path.lower().endswith(".png") else path + ".png")
