"""The programme in numbers (the "Programme" tab): granted per year against the 50 MSEK, the yearly effect
against the 100 MSEK target and the effect per granted SEK against 2 : 1, each with a bar."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QGridLayout, QLabel, QProgressBar, QScrollArea, QWidget

from ...core.ideas.formats import number
from ...core.ideas.model import EFFECT_TARGET_SEK, PROGRAMME_BUDGET_SEK, PROGRAMME_YEARS, TARGET_RATIO
from ...core.ideas.summary import ProgrammeSummary

_BAR_STYLE = (
    "QProgressBar {{ border: 1px solid #b8b8b8; border-radius: 4px; background: #f0f0f0; }}"
    "QProgressBar::chunk {{ background-color: {colour}; border-radius: 3px; }}"
)


def msek(value: float, decimals: int = 1, language: str = "sv") -> str:
    """SEK as millions in the UI language's number format (Swedish: decimal comma, thin-space thousands)."""
    return number(value / 1e6, decimals, language)


def set_bar(bar: QProgressBar, fraction: float, reached: bool = False, over: bool = False) -> None:
    """A thin bar at ``fraction`` (capped at 1): blue, green when a target is reached, red when over budget."""
    bar.setValue(int(round(max(0.0, min(fraction, 1.0)) * bar.maximum())))
    colour = "#c62828" if over else "#2e7d32" if reached else "#1565c0"
    bar.setStyleSheet(_BAR_STYLE.format(colour=colour))


class ProgrammeSummaryPanel(QScrollArea):
    """A row (name, value, bar) per programme year and for the granted total, the effect and the ratio."""

    def __init__(self, parent: Optional[QWidget] = None, language: str = "sv"):
        super().__init__(parent)
        self.language = language
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(self._build())

    def _build(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setVerticalSpacing(2)
        self.summary_title = QLabel(page)
        self.summary_title.setWordWrap(True)
        self.summary_title.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.summary_title, 0, 0, 1, 2)
        grid.setRowMinimumHeight(1, 6)
        row = 2
        self.year_bars: dict[int, tuple[QLabel, QProgressBar]] = {}
        self.summary_rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        self._year_rows: list[tuple[QLabel, QLabel, QProgressBar]] = []
        keys = [(str(year), str(year)) for year in PROGRAMME_YEARS] + [
            ("granted", self.tr("Granted")), ("effect", self.tr("Expected yearly effect")),
            ("ratio", self.tr("Effect per granted SEK"))]
        for key, title in keys:
            if key == "granted":
                grid.setRowMinimumHeight(row, 8)
                row += 1
            name = QLabel(title, page)
            font = name.font()
            font.setBold(key in ("granted", "effect", "ratio"))
            name.setFont(font)
            value = QLabel(page)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bar = QProgressBar(page)
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setRange(0, 1000)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(bar, row + 1, 0, 1, 2)
            grid.setRowMinimumHeight(row + 2, 4)
            row += 3
            self.summary_rows[key] = (name, value, bar)
            if key.isdigit():
                self.year_bars[int(key)] = (value, bar)
                self._year_rows.append((name, value, bar))
        self.granted_label, self.granted_bar = self.summary_rows["granted"][1:]
        self.effect_label, self.effect_bar = self.summary_rows["effect"][1:]
        self.ratio_label, self.ratio_bar = self.summary_rows["ratio"][1:]
        self.summary_note = QLabel(page)
        self.summary_note.setWordWrap(True)
        self.summary_note.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_note.setStyleSheet("color: gray;")
        grid.addWidget(self.summary_note, row, 0, 1, 2)
        grid.setRowStretch(row + 1, 1)
        grid.setColumnStretch(0, 1)
        return page

    def show_summary(self, summary: ProgrammeSummary, count: int) -> None:
        """The numbers of ``summary`` (of ``count`` ideas)."""
        lang = self.language

        def m(value: float, decimals: int = 1) -> str:
            return msek(value, decimals, lang)

        budget = m(PROGRAMME_BUDGET_SEK, 0)
        self.summary_title.setText(self.tr("{n} ideas · {funded} funded · {effect} with an expected effect").format(
            n=count, funded=summary.funded_count, effect=summary.effect_count))
        cumulative = summary.cumulative_by_year()
        years = summary.years
        self.year_bars.clear()  # the programme's years follow the data (or the programme_first_year setting)
        for year, (name, value, bar) in zip(years, self._year_rows):
            name.setText(str(year))
            self.year_bars[year] = (value, bar)
        if years:
            self.summary_rows["granted"][0].setText(self.tr("Granted {first}–{last}").format(
                first=years[0], last=years[-1]))
        for year, (value, bar) in self.year_bars.items():
            total = cumulative.get(year, 0.0)
            value.setText(self.tr("+{year} MSEK · {total} of {budget} MSEK").format(
                year=m(summary.granted_by_year.get(year, 0.0)), total=m(total), budget=budget))
            set_bar(bar, total / PROGRAMME_BUDGET_SEK, over=total > PROGRAMME_BUDGET_SEK)
        self.granted_label.setText(self.tr("{granted} of {budget} MSEK · {left} MSEK left").format(
            granted=m(summary.granted_total), budget=budget, left=m(summary.remaining)))
        set_bar(self.granted_bar, summary.granted_total / PROGRAMME_BUDGET_SEK,
                over=summary.granted_total > PROGRAMME_BUDGET_SEK)
        self.effect_label.setText(self.tr("{effect} of {target} MSEK a year").format(
            effect=m(summary.effect_total), target=m(EFFECT_TARGET_SEK, 0)))
        set_bar(self.effect_bar, summary.effect_total / EFFECT_TARGET_SEK,
                reached=summary.effect_total >= EFFECT_TARGET_SEK)
        ratio = summary.ratio
        self.ratio_label.setText(self.tr("{ratio} : 1 (target {target} : 1)").format(
            ratio="–" if ratio is None else number(ratio, 2, lang), target=number(TARGET_RATIO, 0, lang)))
        set_bar(self.ratio_bar, (ratio or 0.0) / TARGET_RATIO, reached=ratio is not None and ratio >= TARGET_RATIO)
        self.summary_note.setText(self.tr(
            "Granted: Beviljad, Delvis beviljad and Genomförd, booked in the year of the decision. Effect: the same "
            "plus Genomförd utan medel. Bars: share of the 50 MSEK budget, of the 100 MSEK effect target and of the "
            "2 : 1 ratio."))
