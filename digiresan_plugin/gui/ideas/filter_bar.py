"""The filters above the ideas list (status, theme, category, year, search text) and the counts per status."""

from __future__ import annotations

import html
from typing import Iterable, Optional, Sequence

from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...core.ideas.filtering import FilterResult, IdeaFilter
from ...core.ideas.model import CATEGORIES, STATUSES, THEMES
from ...core.ideas.vocabulary import label
from .table_model import STATUS_COLOURS, status_icon

COMBO_CHROME_PX = 44  # a combo's arrow, icon and margins beside its text


class IdeasFilterBar(QWidget):
    """Four combos (in one row when the panel is wide, else two rows) and a search field; ``changed`` on any edit.
    The counts label below tells what they leave."""

    changed = pyqtSignal()

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        self.status_combo = self._combo(self.tr("All statuses"), STATUSES, status_icons=True)
        self.theme_combo = self._combo(self.tr("All themes"), THEMES)
        self.category_combo = self._combo(self.tr("All categories"), CATEGORIES)
        self.year_combo = self._combo(self.tr("All years"), ())
        self.search_edit = QgsFilterLineEdit(self)
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(self.tr("Search title and description"))
        self._grid = grid
        self._per_row = 0
        self._arrange(2)
        layout.addLayout(grid)
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only (see show_counts)
        layout.addWidget(self.counts_label)
        for combo in self.combos():
            combo.currentIndexChanged.connect(self.changed)
        self.search_edit.textChanged.connect(self.changed)

    def combos_per_row(self) -> int:
        """Four combos in one row when each fits its "All …" text there (a wide panel at the bottom), else two."""
        return self._per_row

    def _arrange(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        grid = self._grid
        for widget in (*self.combos(), self.search_edit):
            grid.removeWidget(widget)
        for k, combo in enumerate(self.combos()):
            grid.addWidget(combo, k // per_row, k % per_row)
            # four in a row must not make the panel wider than two rows would: it goes back to two before a combo
            # is narrower than its "All …" text (see resizeEvent), so the row may claim less than the combos' hint
            combo.setMinimumWidth(1 if per_row == 4 else 0)
        grid.addWidget(self.search_edit, 4 // per_row, 0, 1, per_row)
        for column in range(4):
            grid.setColumnStretch(column, 1 if column < per_row else 0)
        self._per_row = per_row

    def _four_fit(self) -> bool:
        metrics = self.fontMetrics()
        need = max(metrics.horizontalAdvance(c.itemText(0)) for c in self.combos()) + COMBO_CHROME_PX
        return self.width() >= 4 * need + 3 * self._grid.horizontalSpacing()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._arrange(4 if self._four_fit() else 2)

    def _combo(self, any_text: str, values: Iterable, status_icons: bool = False) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, None)
        for value in values:
            if status_icons:
                combo.addItem(status_icon(value), label(value), value)
            else:
                combo.addItem(label(str(value)), value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def combos(self) -> tuple[QComboBox, ...]:
        return self.status_combo, self.theme_combo, self.category_combo, self.year_combo

    def current_filter(self) -> IdeaFilter:
        return IdeaFilter(
            status=self.status_combo.currentData(),
            theme=self.theme_combo.currentData(),
            category=self.category_combo.currentData(),
            year=self.year_combo.currentData(),
            text=self.search_edit.text() if self.search_edit.value() else "",
        )

    def clear(self) -> None:
        """Every filter back to "all", without ``changed`` (the caller applies the result once)."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clearValue()
        self.search_edit.blockSignals(False)

    def set_years(self, years: Sequence[int]) -> None:
        """The year choices of the loaded ideas (the chosen year stays chosen if it is still there)."""
        combo = self.year_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All years"), None)
        for year in years:
            combo.addItem(str(year), year)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def add_themes(self, themes: Iterable[str]) -> None:
        """Themes outside the standard list still get a filter entry."""
        for theme in themes:
            if theme not in THEMES and self.theme_combo.findData(theme) < 0:
                self.theme_combo.addItem(label(theme), theme)

    def show_counts(self, result: FilterResult, total: int, on_map: Optional[int] = None) -> None:
        """"{shown} of {total} ideas", how many of them the map shows (``on_map``: the located ones among them;
        None without a map layer) and a coloured count per status (the chosen status in bold)."""
        parts = []
        for status, n in result.counts.items():
            if n or status in STATUSES:
                colour = STATUS_COLOURS.get(status, "#9e9e9e")
                weight = "bold" if status == self.status_combo.currentData() else "normal"
                name = html.escape(label(status)).replace(" ", "&nbsp;")  # a status never breaks over two lines
                parts.append(f"<span style='color:{colour}'>●</span>&nbsp;<span style='font-weight:{weight}'>"
                             f"{name}&nbsp;{n}</span>")
        shown = self.tr("{shown} of {total} ideas").format(shown=len(result.rows), total=total)
        head = f"<b>{html.escape(shown)}</b>"
        if on_map is not None:
            where = self.tr("the map shows the same {n}").format(n=on_map) if on_map == len(result.rows) else \
                self.tr("{n} of them on the map (the rest have no location)").format(n=on_map)
            head += f" · {html.escape(where)}"
        self.counts_label.setText(head + " &nbsp; " + " &nbsp; ".join(parts))
