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


CLASS_COLOURS = {1: "#1a9641", 2: "#a6d96a", 3: "#ffffbf", 4: "#fdae61", 5: "#d7191c", 0: "#bdbdbd"}
CLASS_ORDER = (1, 2, 3, 4, 5, 0)  # stacked from the bottom: best class first, not inspected on top


class ConditionChart(QWidget):
    """The network's condition distribution per year, one row of stacked bars per scenario: each bar is a year,
    split by the share of length in each condition class (1 best … 5 worst, grey = not inspected)."""

    ROW = 110  # pixels per scenario
    LEFT, TOP, BOTTOM = 120, 8, 28

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.scenarios: list[tuple[str, list[tuple[int, dict[int, float]]]]] = []
        self.not_inspected = self.tr("not inspected")
        self.setMinimumHeight(self.ROW + self.TOP + self.BOTTOM)

    def set_scenarios(self, scenarios: list[tuple[str, list[tuple[int, dict[int, float]]]]]) -> None:
        """``[(name, [(year, {class: share of length})])]``."""
        self.scenarios = scenarios
        self.setMinimumHeight(max(1, len(scenarios)) * self.ROW + self.TOP + self.BOTTOM)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, max(1, len(self.scenarios)) * self.ROW + self.TOP + self.BOTTOM)

    def bar_rect(self, scenario: int, year: int) -> QRectF:
        """The full-height rectangle of the bar of the ``year``-th year of the ``scenario``-th scenario."""
        years = max(1, len(self.scenarios[scenario][1]))
        width = (self.width() - self.LEFT - 8) / years
        top = self.TOP + scenario * self.ROW
        return QRectF(self.LEFT + year * width + width * 0.15, top + 4, width * 0.7, self.ROW - 22)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        text = self.palette().text().color()
        for s, (name, years) in enumerate(self.scenarios):
            top = self.TOP + s * self.ROW
            painter.setPen(QPen(text))
            painter.drawText(QRectF(4, top, self.LEFT - 8, self.ROW - 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                             name)
            for y, (year, shares) in enumerate(years):
                bar = self.bar_rect(s, y)
                bottom = bar.bottom()
                for klass in CLASS_ORDER:
                    height = bar.height() * max(0.0, shares.get(klass, 0.0))
                    if height <= 0:
                        continue
                    painter.fillRect(QRectF(bar.left(), bottom - height, bar.width(), height),
                                     QColor(CLASS_COLOURS[klass]))
                    bottom -= height
                painter.setPen(QPen(text))
                painter.drawText(QRectF(bar.left() - 10, bar.bottom() + 1, bar.width() + 20, 14),
                                 Qt.AlignmentFlag.AlignCenter, str(year))
        legend_y = self.TOP + max(1, len(self.scenarios)) * self.ROW + 4
        x = float(self.LEFT)
        for klass in CLASS_ORDER:
            painter.fillRect(QRectF(x, legend_y + 2, 10, 10), QColor(CLASS_COLOURS[klass]))
            label = str(klass) if klass else self.not_inspected
            painter.setPen(QPen(text))
            painter.drawText(QRectF(x + 13, legend_y, 90, 14), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, label)
            x += 30 if klass else 100
        painter.end()
