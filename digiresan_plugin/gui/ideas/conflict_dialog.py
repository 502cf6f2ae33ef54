"""Someone saved the idea first: their values next to mine, one choice per field."""

from __future__ import annotations

from typing import Any, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.ideas.editing import field_label
from ...core.ideas.model import Conflict
from ...core.ideas.vocabulary import field_value_label
from .formatting import short, value_text


class ConflictDialog(QDialog):
    """Someone saved the idea first: their values next to mine, one choice per field (theirs by default)."""

    def __init__(self, conflict: Conflict, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.conflict = conflict
        current = conflict.current
        self.setWindowTitle(self.tr("Idea changed meanwhile"))
        layout = QVBoxLayout(self)
        who = current.updated_by or self.tr("someone")
        when = (current.updated_at or "").replace("T", " ")[:16]
        intro = QLabel(self.tr(
            "{reference} was saved by {who} ({when}) after you opened it. Nothing has been overwritten. "
            "Choose for each field which value to keep.").format(reference=current.reference, who=who, when=when),
            self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        rows = conflict.differences()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved by {who}").format(who=who),
                                              self.tr("Yours")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self._choices: list[tuple[str, Any, QRadioButton]] = []
        for r, (name, mine, theirs) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(field_label(name)))
            group = QButtonGroup(self)
            theirs_button = QRadioButton(short(value_text(field_value_label(name, theirs)), 200), self.table)
            mine_button = QRadioButton(short(value_text(field_value_label(name, mine)), 200), self.table)
            theirs_button.setChecked(True)
            group.addButton(theirs_button)
            group.addButton(mine_button)
            self.table.setCellWidget(r, 1, theirs_button)
            self.table.setCellWidget(r, 2, mine_button)
            self._choices.append((name, mine, mine_button))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save chosen values"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton(self.tr("Keep theirs"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 120 + 34 * max(len(rows), 1))

    def choose_mine(self, name: str) -> None:
        for field_name, _mine, button in self._choices:
            if field_name == name:
                button.setChecked(True)

    def chosen_values(self) -> dict:
        return {name: mine for name, mine, button in self._choices if button.isChecked()}


def ask_conflict(conflict: Conflict, parent: Optional[QWidget] = None) -> Optional[dict]:
    """Show the dialog: the values to save (maybe none), or None to keep theirs."""
    dialog = ConflictDialog(conflict, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_values()
