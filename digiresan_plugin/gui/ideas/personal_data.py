"""Personal data in the ideas dock: what the header says about the user's access, and the two confirmations —
showing the submitters of a local file (which protects nothing) and exporting personal data to a file.

The questions are module attributes (:data:`ASK_EXPORT`, :data:`ASK_SHOW_LOCAL`), so a test can answer them.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QMessageBox, QWidget

from ...core.ideas.access import DATABASE, LOCAL_FILE, SERVER, Access


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pylupdate5 looks for
    return text


translate = QCoreApplication.translate  # pylupdate5 finds translate("context", "text") calls

#: CSV column → its label (in the dock's context), for the export question
PERSONAL_LABELS = {"submitter_name": QT_TRANSLATE_NOOP("IdeasDock", "Submitter"),
                   "submitter_contact": QT_TRANSLATE_NOOP("IdeasDock", "Contact")}


def tr(text: str) -> str:
    """A label marked with QT_TRANSLATE_NOOP, translated."""
    return QCoreApplication.translate("IdeasDock", text)


def personal_field_names(fields: Sequence[str]) -> str:
    """"Submitter (submitter_name), Contact (submitter_contact)": the label the user knows and the CSV column."""
    return ", ".join(f"{tr(PERSONAL_LABELS.get(f, f))} ({f})" for f in fields)


def mode_text(access: Optional[Access], planner_view: bool, personal_shown: bool) -> tuple[str, str]:
    """The header's mode (short) and its tooltip (why: the role, the grant, the file, the setting)."""
    if access is None:
        return translate("IdeasDock", "checking your access…"), ""
    if access.basis == LOCAL_FILE:
        tip = translate("IdeasDock", "A local GeoPackage protects nothing: anyone with the file can read the "
                                     "submitters' personal data. They are hidden unless you choose to show them, "
                                     "and that choice is logged.")
        if planner_view:
            return translate("IdeasDock", "planner view (setting)"), tip
        if personal_shown:
            return translate("IdeasDock", "local file · personal data shown"), tip
        return translate("IdeasDock", "local file · personal data hidden"), tip
    if planner_view and access.coordinator:
        return translate("IdeasDock", "planner view (setting)"), translate(
            "IdeasDock", "Your role allows more, but Settings › Options › Digiresan › Planner view narrows the list.")
    who = access.user or "?"
    if access.basis == DATABASE and access.role:
        return translate("IdeasDock", "coordinator (database role {role})").format(role=access.role), translate(
            "IdeasDock", "The database gives {user} the role {role}: decisions and personal data.").format(
            user=who, role=access.role)
    if access.basis == DATABASE and access.coordinator:
        return translate("IdeasDock", "coordinator (database privileges)"), translate(
            "IdeasDock", "The database lets {user} read personal data or save decisions.").format(user=who)
    if access.basis == DATABASE:
        return translate("IdeasDock", "planner, read-only (database role)"), translate(
            "IdeasDock", "The database gives {user} no coordinator role: no personal data, no editing. A coordinator "
               "connects with a login that has the role ideas_coordinator.").format(user=who)
    if access.basis == SERVER and access.personal:
        return translate("IdeasDock", "read-only export · personal data granted"), translate(
            "IdeasDock", "The e-service grants this token personal data; decisions are made in the e-service.")
    if access.basis == SERVER:
        return translate("IdeasDock", "read-only export"), translate(
            "IdeasDock", "The e-service grants this token no personal data.")
    if access.coordinator:
        return translate("IdeasDock", "coordinator"), ""
    return translate("IdeasDock", "planner, read-only"), ""


def _ask_export(parent: Optional[QWidget], fields: Sequence[str]) -> Optional[bool]:
    text = translate("IdeasDock", "The list shows personal data: {fields}. Include them in the CSV file? An export "
                                  "with personal data is noted in the audit log (who, when, how many ideas, which "
                                  "fields).").format(fields=personal_field_names(fields))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("IdeasDock", "Export personal data?"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    without = box.addButton(translate("IdeasDock", "Export without personal data"), QMessageBox.ButtonRole.AcceptRole)
    include = box.addButton(translate("IdeasDock", "Include personal data"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(without)
    box.exec()
    clicked = box.clickedButton()
    if clicked is without:
        return False
    if clicked is include:
        return True
    return None


def _ask_show_local(parent: Optional[QWidget], source: str) -> bool:
    text = translate("IdeasDock", "{source} is a local file: Digiresan cannot protect the submitters' personal data "
                                  "in it. Show names and contacts only if your work needs them. Your choice is noted "
                                  "in the log and in the file's audit notes.").format(source=source)
    answer = QMessageBox.question(parent, translate("IdeasDock", "Show personal data?"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


#: (parent, personal CSV fields) → True: include them, False: export without, None: cancel
ASK_EXPORT: Callable[[Optional[QWidget], Sequence[str]], Optional[bool]] = _ask_export
#: (parent, source label) → whether to show a local file's personal data
ASK_SHOW_LOCAL: Callable[[Optional[QWidget], str], bool] = _ask_show_local
