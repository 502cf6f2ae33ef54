"""The ideas table: one row per idea, newest first, columns sized for their typical content and fitted to the
dock: the title takes the room left (elided, full text on hover); when even a short title does not fit, the
columns the detail pane repeats are hidden, least useful first — never a horizontal scroll bar."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...core.ideas.model import Idea
from .table_model import IdeasTableModel

RECEIVED_COLUMN = 5  # sorted on at start: newest first
TITLE_MIN_CHARS = 18  # a title narrower than this many characters hides other columns instead
#: columns hidden (in this order) when the dock is too narrow for all of them; the detail pane shows them anyway
HIDE_ORDER = ("submitter_contact", "submitter_category", "expected_yearly_effect_sek", "estimated_cost_sek",
              "theme", "submitted_on", "submitter_name", "ratio")


class IdeasTableView(QTableView):
    """Single-row selection, no editing, fixed row height (100 000 rows scroll smoothly)."""

    def __init__(self, model: IdeasTableModel, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)  # the banded rows separate them; Qt's grid lines were 40 % of each repaint
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the columns are fitted instead
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._widths: dict[str, int] = {}
        header.setHighlightSections(False)
        header.setSortIndicator(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.set_column_widths()

    def set_column_widths(self) -> None:
        """Widths from sample texts (the model's columns change with personal data)."""
        metrics = self.fontMetrics()

        def width(sample: str, extra: int = 14) -> int:
            return metrics.horizontalAdvance(sample) + extra

        widths = {"reference": width("DR-2022-00000"), "title": width("x" * 34), "theme": width("vård och omsorg"),
                  "submitter_category": width("organisation"), "status": width("Genomförd utan medel", 30),
                  "submitted_on": width("2022-12-31"), "estimated_cost_sek": width("5 000 000"),
                  "granted_sek": width("5 000 000"), "expected_yearly_effect_sek": width("10 000 000"),
                  "ratio": width("10.0"), "submitter_name": width("x" * 22), "submitter_contact": width("x" * 26)}
        model = self.model()
        header = self.horizontalHeader()
        header_metrics = header.fontMetrics()
        self._widths = {}
        for section, key in enumerate(model.column_keys()):
            title = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            # never narrower than its header (plus the sort arrow): a right-aligned header is cut on the left
            self._widths[key] = max(widths.get(key, width("x" * 12)), header_metrics.horizontalAdvance(title) + 28)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show the columns that fit the view beside a title of at least :data:`TITLE_MIN_CHARS` characters, and
        give the title the rest of the width."""
        keys = self.model().column_keys()
        if not keys or not self._widths:
            return
        available = self.viewport().width() - 2
        scroll = self.verticalScrollBar()
        if not scroll.isVisible():  # room for it already: more rows must not make the columns overflow
            available -= scroll.sizeHint().width()
        title_min = self.fontMetrics().horizontalAdvance("x" * TITLE_MIN_CHARS) + 14
        shown = [k for k in keys if k != "title"]
        hidden: set[str] = set()
        for key in HIDE_ORDER:
            if sum(self._widths.get(k, 0) for k in shown) + title_min <= available:
                break
            if key in shown:
                shown.remove(key)
                hidden.add(key)
        used = sum(self._widths.get(k, 0) for k in shown)
        for section, key in enumerate(keys):
            self.setColumnHidden(section, key in hidden)
            if key == "title":
                self.setColumnWidth(section, max(title_min, available - used))
            elif key not in hidden:
                self.setColumnWidth(section, self._widths.get(key, 60))

    def hidden_columns(self) -> list[str]:
        """The keys of the columns hidden to fit the view."""
        return [k for section, k in enumerate(self.model().column_keys()) if self.isColumnHidden(section)]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_columns()

    def current_idea(self) -> Optional[Idea]:
        """The idea of the selected row."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.model().idea_at(rows[0].row()) if rows else None

    def select_row(self, row: int, scroll: bool = True) -> None:
        """Select ``row`` (and make it current); ``scroll``: into the middle of the view."""
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                              | QItemSelectionModel.SelectionFlag.Rows)
        if scroll:
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
