"""Condition over the years per scenario: the share of network length acceptable, one line per scenario."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPen
from qgis.PyQt.QtWidgets import QWidget

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


class ScenarioChart(QWidget):
    """Lines of (year, share 0–1) per scenario, with the years below and 0–100 % on the left."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.series: list[tuple[str, list[tuple[int, float]]]] = []
        self.setMinimumHeight(160)

    def set_series(self, series: list[tuple[str, list[tuple[int, float]]]]) -> None:
        self.series = series
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, 200)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(40, 8, -24, -40)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(box)
        years = sorted({y for _n, points in self.series for y, _v in points})
        if not years:
            painter.end()
            return
        span = max(1, years[-1] - years[0])

        def at(year: int, share: float) -> QPointF:
            return QPointF(box.left() + box.width() * (year - years[0]) / span, box.bottom() - box.height() * share)

        text = self.palette().text().color()
        painter.setPen(QPen(text))
        for share in (0.0, 0.5, 1.0):
            p = at(years[0], share)
            painter.drawText(QRectF(0, p.y() - 8, 36, 16), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, f"{share:.0%}")
        for year in years:
            p = at(year, 0.0)
            painter.drawText(QRectF(p.x() - 20, box.bottom() + 2, 40, 14), Qt.AlignmentFlag.AlignCenter, str(year))
        for i, (name, points) in enumerate(self.series):
            colour = QColor(COLOURS[i % len(COLOURS)])
            painter.setPen(QPen(colour, 2))
            line = [at(y, v) for y, v in points]
            for a, b in zip(line, line[1:]):
                painter.drawLine(a, b)
            for p in line:
                painter.drawEllipse(p, 2.5, 2.5)
            painter.drawText(QRectF(box.left() + 4 + (i % 3) * 120, box.bottom() + 18 + (i // 3) * 12, 118, 12),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()
