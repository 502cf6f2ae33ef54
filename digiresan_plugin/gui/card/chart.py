"""The hourly traffic chart of the card: 24 bars, peak hours in the accent colour, a tooltip per bar."""

from __future__ import annotations

from typing import Callable, Optional

from qgis.PyQt.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...core.identify.sections.hourly_profile import hour_span
from .theme import AXIS_COLOR, BAR_COLOR, INK, MUTED, NO_COUNT_COLOR, PEAK_COLOR


class HourlyChart(QWidget):
    """24 bars of the weekday hourly profile, peak hours in the accent colour; a tooltip per bar."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.hours: list[Optional[float]] = [None] * 24
        self.peaks: set[int] = set()
        self.tip = "{hour}: {value}"
        self.no_count = "{hour}: –"
        self.format_value: Callable[[float], str] = lambda v: f"{v:g}"
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_profile(self, hours: list[Optional[float]], peaks: list[int]) -> None:
        self.hours = (list(hours) + [None] * 24)[:24]
        self.peaks = set(peaks or [])
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, 120)

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("00000") + 4
        return QRectF(left, metrics.height() * 0.6, self.width() - left - 4,
                      self.height() - metrics.height() * 1.9)

    def hour_at(self, x: float) -> Optional[int]:
        plot = self._plot_rect()
        if not plot.left() <= x < plot.right():
            return None
        return min(23, int((x - plot.left()) / (plot.width() / 24)))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        plot = self._plot_rect()
        values = [v for v in self.hours if v is not None]
        top = max(values, default=0.0)
        muted, ink = QColor(MUTED), QColor(INK)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.82))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        # axis: baseline, a faint line at the maximum, the maximum's value
        painter.setPen(QColor(AXIS_COLOR))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        painter.drawLine(QPointF(plot.left(), plot.center().y()), QPointF(plot.right(), plot.center().y()))
        painter.setPen(muted)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        if top > 0:
            label = self.format_value(top)
            painter.drawText(QRectF(0, plot.top() - metrics.height() / 2, plot.left() - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.drawText(QRectF(0, plot.bottom() - metrics.height() / 2, plot.left() - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0")
        step = plot.width() / 24
        gap = max(1.0, step * 0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        for hour, value in enumerate(self.hours):
            x = plot.left() + hour * step
            if value is None or top <= 0:
                painter.setBrush(QColor(NO_COUNT_COLOR))
                painter.drawRect(QRectF(x + gap / 2, plot.bottom() - 2, step - gap, 2))
                continue
            height = max(1.0, plot.height() * value / top) if value > 0 else 0.0
            painter.setBrush(QColor(PEAK_COLOR if hour in self.peaks else BAR_COLOR))
            painter.drawRect(QRectF(x + gap / 2, plot.bottom() - height, step - gap, height))
        painter.setPen(ink)
        for hour in range(0, 24, 3):
            x = plot.left() + hour * step
            painter.drawText(QRectF(x - step, plot.bottom() + 2, 3 * step, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"{hour:02d}")
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hour = self.hour_at(event.pos().x())
            if hour is None:
                QToolTip.hideText()
            else:
                value = self.hours[hour]
                text = (self.no_count.format(hour=hour_span(hour)) if value is None
                        else self.tip.format(hour=hour_span(hour), value=self.format_value(value)))
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
