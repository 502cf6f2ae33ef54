"""A coordinator's decision as a change: which edited values differ from the idea, and the change to save."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from .model import DECISION_STATUSES, Conflict, Idea, IdeaChange


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pylupdate5 looks for
    return text


FIELD_LABELS = {
    "status": QT_TRANSLATE_NOOP("IdeasDock", "Status"),
    "granted_sek": QT_TRANSLATE_NOOP("IdeasDock", "Granted (SEK)"),
    "decision_text": QT_TRANSLATE_NOOP("IdeasDock", "Decision"),
    "decided_on": QT_TRANSLATE_NOOP("IdeasDock", "Decided on"),
}


def field_label(name: str) -> str:
    """The translated label of an editable idea field (its name when it has none)."""
    return QCoreApplication.translate("IdeasDock", FIELD_LABELS[name]) if name in FIELD_LABELS else name


def edited_values(idea: Idea, status: Optional[str], granted: float, decision_text: str,
                  today: Optional[date] = None) -> dict[str, Any]:
    """The editor's values that differ from ``idea``: money compared to the öre, the decision text trimmed (empty:
    None); a first decision status also sets ``decided_on`` (``today``, default the current date)."""
    values: dict[str, Any] = {}
    if status != idea.status:
        values["status"] = status
        if status in DECISION_STATUSES and idea.decided_on is None:
            values["decided_on"] = today or date.today()
    granted = float(granted)
    if round(granted, 2) != round(idea.granted_sek or 0.0, 2):
        values["granted_sek"] = granted
    text = decision_text.strip()
    if text != (idea.decision_text or "").strip():
        values["decision_text"] = text or None
    return values


def decision_change(idea: Idea, values: dict[str, Any], user: Optional[str] = None) -> IdeaChange:
    """The change saving ``values`` on top of the version of ``idea`` the coordinator saw."""
    return IdeaChange(idea.idea_id, idea.version, values, user=user or user_name())


def resolved_change(conflict: Conflict, chosen: dict[str, Any]) -> IdeaChange:
    """After a conflict: the values the coordinator kept, on top of the version saved meanwhile."""
    change = conflict.change
    return IdeaChange(change.idea_id, conflict.current.version, chosen, user=change.user)


def user_name() -> str:
    """Who saves: QGIS's full user name, else the login name."""
    return QgsApplication.userFullName() or QgsApplication.userLoginName() or "QGIS"
