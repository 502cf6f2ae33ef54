"""The ideas table: one row per idea, newest first, columns sized for their typical content."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...core.ideas.model import Idea
from .table_model import IdeasTableModel

RECEIVED_COLUMN = 5  # sorted on at start: newest first


class IdeasTableView(QTableView):
    """Single-row selection, no editing, fixed row height (100 000 rows scroll smoothly)."""

    def __init__(self, model: IdeasTableModel, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicator(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.set_column_widths()

    def set_column_widths(self) -> None:
        """Widths from sample texts (the model's columns change with coordinator mode)."""
        metrics = self.fontMetrics()

        def width(sample: str, extra: int = 14) -> int:
            return metrics.horizontalAdvance(sample) + extra

        widths = {"reference": width("DR-2022-00000"), "title": width("x" * 34), "theme": width("vård och omsorg"),
                  "submitter_category": width("organisation"), "status": width("Genomförd utan medel", 30),
                  "submitted_on": width("2022-12-31"), "estimated_cost_sek": width("5 000 000"),
                  "granted_sek": width("5 000 000"), "expected_yearly_effect_sek": width("10 000 000"),
                  "ratio": width("10.0"), "submitter_name": width("x" * 22), "submitter_contact": width("x" * 26)}
        for section, key in enumerate(self.model().column_keys()):
            self.setColumnWidth(section, widths.get(key, width("x" * 12)))

    def current_idea(self) -> Optional[Idea]:
        """The idea of the selected row."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.model().idea_at(rows[0].row()) if rows else None

    def select_row(self, row: int, scroll: bool = True) -> None:
        """Select ``row`` (and make it current); ``scroll``: into the middle of the view."""
        index = self.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
