"""The handling editor of the board: status, assignee, reason (needed for "accepted") and notes of one warning."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...core.coordination.model import Conflict
from ...core.coordination.notes import Note


class HandlingEditor(QWidget):
    """Edits the note of the selected warning; ``saveRequested(Note)`` when the user saves."""

    saveRequested = pyqtSignal(object)  # noqa: N815 - Qt signal

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.conflict: Optional[Conflict] = None
        self.status = QComboBox(self)
        for code, text in (("new", self.tr("New")), ("in_progress", self.tr("In progress")),
                           ("resolved", self.tr("Resolved")), ("accepted", self.tr("Accepted with reason"))):
            self.status.addItem(text, code)
        self.assignee = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the warning is accepted"))
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        self.save = QPushButton(self.tr("Save handling"), self)
        self.save.clicked.connect(self._save)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Assignee"), self.assignee)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.save)
        self.show_conflict(None, None, "new")

    def show_conflict(self, conflict: Optional[Conflict], note: Optional[Note], status: str) -> None:
        """Show ``conflict`` with its note (its effective ``status``: a reopened warning shows 'new')."""
        self.conflict = conflict
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.assignee.setText(note.assignee if note else "")
        self.reason.setText(note.reason if note else "")
        self.notes.setPlainText(note.notes if note else "")
        self.setEnabled(conflict is not None)

    def current_note(self) -> Optional[Note]:
        """The edited note (ValueError with the reason when it is not valid)."""
        if self.conflict is None:
            return None
        return Note.for_conflict(self.conflict, self.status.currentData(), assignee=self.assignee.text().strip(),
                                 reason=self.reason.text().strip(), notes=self.notes.toPlainText().strip())

    def _save(self) -> None:
        try:
            note = self.current_note()
        except ValueError:
            self.reason.setFocus()
            self.reason.setPlaceholderText(self.tr("An accepted warning needs a reason"))
            return
        if note is not None:
            self.saveRequested.emit(note)
