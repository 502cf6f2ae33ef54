"""The coordinator's decision on one idea (the "Decision" tab): status, granted amount and decision text, and
saving them — checked first (:mod:`~digiresan_plugin.core.ideas.validation`: what is wrong blocks, what is
unusual asks), then optimistically: when someone saved the idea meanwhile, a dialog asks which values to keep.
Under the text, the amount it states, in orange when it is not the granted one."""

from __future__ import annotations

from typing import Any, Callable, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import ui_language
from ...core.ideas.editing import decision_change, edited_values, resolved_change
from ...core.ideas.formats import sek
from ...core.ideas.model import PROGRAMME_BUDGET_SEK, STATUSES, Conflict, Idea, IdeaChange, SaveResult
from ...core.ideas.store import IdeasStore
from ...core.ideas.validation import Problem, check_decision, stated_amounts
from ...core.ideas.vocabulary import label
from .conflict_dialog import ask_conflict
from .table_model import status_icon


class DecisionEditor(QWidget):
    """The form (``form``: hidden unless this user may save), a note on optimistic saving and a read-only hint.

    ``save_requested`` / ``revert_requested``: the buttons (the dock calls :meth:`save` or :meth:`fill` with the
    selected idea). After a save: ``changed`` with the idea as stored now, ``message`` for the user, then ``saved``
    (or ``failed``)."""

    save_requested = pyqtSignal()
    revert_requested = pyqtSignal()
    changed = pyqtSignal(object)  # Idea: saved, or the values someone else saved and the user kept
    saved = pyqtSignal(object)  # SaveResult
    failed = pyqtSignal(str)
    message = pyqtSignal(str, object)  # text, Qgis.MessageLevel

    def __init__(self, store: IdeasStore, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.store = store
        self.allowed = False  # the source lets this user save and the planner view does not narrow it
        #: called with a Conflict; returns the values to save (a dict, maybe empty) or None to keep theirs
        self.resolve_conflict: Callable[[Conflict], Optional[dict]] = lambda conflict: ask_conflict(conflict, self)
        #: called with the problems that need a confirmation; True: save anyway
        self.confirm_problems: Callable[[list[Problem]], bool] = lambda problems: ASK_CONFIRM(self, problems)
        self.idea: Optional[Idea] = None  # the idea the form was filled with
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        page_layout.addWidget(self.title)
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.status = QComboBox(box)
        for status in STATUSES:
            self.status.addItem(status_icon(status), label(status), status)
        self.granted = QDoubleSpinBox(box)
        self.granted.setRange(0, PROGRAMME_BUDGET_SEK)
        self.granted.setDecimals(0)
        self.granted.setSingleStep(10000)
        self.granted.setGroupSeparatorShown(True)
        if ui_language() == "sv":  # "250 000 kr" as the decision texts write it
            self.granted.setLocale(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
        self.granted.setSuffix(" kr")
        self.decision = QPlainTextEdit(box)
        self.decision.setPlaceholderText(self.tr("Decision text"))
        self.decision.setMinimumHeight(60)
        self.check_label = QLabel(box)  # the amount the text states, and what does not add up
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)
        self.check_label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save decision"), box)
        self.revert_button = QPushButton(self.tr("Revert"), box)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Granted"), self.granted)
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow("", self.check_label)
        form.addRow(buttons)
        self.form = box
        page_layout.addWidget(box, 1)
        self.note = QLabel(self.tr(
            "Saving checks that nobody changed the idea since you opened it; every change is kept in its history."),
            self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: gray;")
        page_layout.addWidget(self.note)
        self.readonly_label = QLabel(self)
        self.readonly_label.setWordWrap(True)
        page_layout.addWidget(self.readonly_label)
        self.save_button.clicked.connect(self.save_requested)
        self.status.currentIndexChanged.connect(self.update_check)
        self.granted.valueChanged.connect(self.update_check)
        self.decision.textChanged.connect(self.update_check)
        self.revert_button.clicked.connect(self.revert_requested)

    def set_editing(self, editing: bool) -> None:
        """The form and its note when this user may save; else the read-only hint."""
        self.allowed = editing
        self.form.setVisible(editing)
        self.note.setVisible(editing)
        self.readonly_label.setVisible(not editing)
        self.readonly_label.setText(self.tr("This source is read-only for you: decisions cannot be saved here."))

    def fill(self, idea: Optional[Idea]) -> None:
        """The form with ``idea``'s stored values (None: a hint to select one)."""
        self.idea = idea
        if idea is None:
            self.title.setText(self.tr("Select an idea to decide on it."))
            self.update_check()
            return
        self.title.setText(f"{idea.reference} — {idea.title}")
        self.status.setCurrentIndex(max(self.status.findData(idea.status), 0))
        self.granted.setValue(idea.granted_sek or 0.0)
        self.decision.setPlainText(idea.decision_text or "")
        self.update_check()

    def problems(self, idea: Optional[Idea] = None) -> list[Problem]:
        """What does not add up in the form's values for ``idea`` (default: the one it was filled with)."""
        idea = idea or self.idea
        if idea is None:
            return []
        return check_decision(idea, self.status.currentData(), self.granted.value(), self.decision.toPlainText())

    def update_check(self, *_args: object) -> None:
        """The line under the text: the amount it states, and the problems (red: blocking, orange: to confirm)."""
        stated = stated_amounts(self.decision.toPlainText())
        lines = [self.tr("The text states {amounts}.").format(amounts=", ".join(map(sek, stated)))] if stated else []
        problems = self.problems()
        lines += [p.message for p in problems if p.code != "text_amount_differs" or not stated]
        if any(p.code == "text_amount_differs" for p in problems) and stated:
            lines[0] = self.tr("The text states {amounts}, the granted amount is {granted}.").format(
                amounts=", ".join(map(sek, stated)), granted=sek(self.granted.value()))
        colour = "#c62828" if any(p.blocking for p in problems) else "#b26a00" if problems else "gray"
        self.check_label.setStyleSheet(f"color: {colour};")
        self.check_label.setText("\n".join(lines))
        self.check_label.setVisible(bool(lines))

    def edited_values(self, idea: Idea) -> dict[str, Any]:
        """The form's values that differ from ``idea``."""
        return edited_values(idea, self.status.currentData(), self.granted.value(), self.decision.toPlainText())

    # -- saving ----------------------------------------------------------------------------------------------------
    def save(self, idea: Optional[Idea]) -> None:
        """Save the form's changes to ``idea`` (the selected one)."""
        if idea is None or self.store.repository is None:
            return
        if not self.allowed:
            text = self.tr("Saving needs a coordinator role in this source (and no planner view).")
            self.message.emit(text, Qgis.MessageLevel.Warning)
            return
        values = self.edited_values(idea)
        if not values:
            self.message.emit(self.tr("Nothing changed."), Qgis.MessageLevel.Info)
            return
        problems = self.problems(idea)
        blocking = [p.message for p in problems if p.blocking]
        if blocking:
            self.message.emit(self.tr("Not saved: {problems}").format(problems=" ".join(blocking)),
                              Qgis.MessageLevel.Warning)
            return
        if problems and not self.confirm_problems(problems):
            self.message.emit(self.tr("Not saved."), Qgis.MessageLevel.Info)
            return
        self._save(decision_change(idea, values))

    def _save(self, change: IdeaChange) -> None:
        def done(result: Optional[SaveResult], error: Optional[str]) -> None:
            if error is not None:
                self.message.emit(error, Qgis.MessageLevel.Critical)
                self.failed.emit(error)
            else:
                self._saved(result)

        self.store.save(change, done)

    def _saved(self, result: SaveResult) -> None:
        if result.ok and result.idea is not None:
            self.changed.emit(result.idea)
            self.message.emit(self.tr("Saved {reference}.").format(reference=result.idea.reference),
                              Qgis.MessageLevel.Success)
            self.saved.emit(result)
            return
        if result.conflict is not None:
            conflict = result.conflict
            chosen = self.resolve_conflict(conflict)
            if chosen:
                self._save(resolved_change(conflict, chosen))
            else:
                self.changed.emit(conflict.current)
                self.message.emit(self.tr("Kept the values saved by {user}.").format(
                    user=conflict.current.updated_by or "?"), Qgis.MessageLevel.Info)
            return
        text = result.error or self.tr("The idea could not be saved")
        self.message.emit(text, Qgis.MessageLevel.Warning)
        self.failed.emit(text)


def _ask_confirmation(parent: QWidget, problems: list[Problem]) -> bool:
    """Ask whether to save a decision with these (non-blocking) problems; the default is not to."""
    text = "\n".join(f"• {p.message}" for p in problems)
    title = QCoreApplication.translate("DecisionEditor", "Save this decision?")
    question = QCoreApplication.translate("DecisionEditor", "Save anyway?")
    answer = QMessageBox.question(parent, title, text + "\n\n" + question, QMessageBox.StandardButton.Save
                                  | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Save


#: (parent, problems) → True: save anyway (a module attribute, so a test can answer it)
ASK_CONFIRM: Callable[[QWidget, list[Problem]], bool] = _ask_confirmation
