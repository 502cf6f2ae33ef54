"""The card's "Last changed … by …" section, read from the twin's edit history (:mod:`.history`).

The history layer is opened once per twin source, on the main thread, and again after the GeoPackage's triggers
were installed (the table is created then). A twin without a history table, or a subject without recorded
changes, gets no section; a history that cannot be read gets a section that says so (a fault is not "no changes").
"""

from __future__ import annotations

from typing import Any, Optional

from qgis.core import QgsVectorLayer

from .catalog import Catalog
from .history import Change, changes, history_layer
from .identify.texts import message
from .log import get_logger
from .twin_source import TwinSource

LOG = get_logger(__name__)

SECTION_ID = "edit_history"
SHOWN_CHANGES = 5


class HistoryReader:
    """Holds the history layer of the loaded twin and turns a card's report into its history section."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.source: Optional[TwinSource] = None
        self._layer: Optional[QgsVectorLayer] = None

    def set_source(self, source: Optional[TwinSource]) -> None:
        """The twin now loaded (None: none); the layer is opened at the next card."""
        self.source, self._layer = source, None

    def reopen(self) -> None:
        """Open the history again at the next card (e.g. after the GeoPackage's triggers created the table)."""
        self._layer = None

    def layer(self) -> Optional[QgsVectorLayer]:
        """The history layer, opened once per source (and again after :meth:`reopen`): a twin without a history
        table is not asked again on every click."""
        if self.source is None:
            return None
        if self._layer is None:
            self._layer = history_layer(self.source, self.catalog)
        return self._layer if self._layer.isValid() else None

    def card_section(self, report: dict[str, Any]) -> Optional[dict]:
        """The history section of ``report`` (a card's report dict), or None without a subject or changes."""
        subject = report.get("subject")
        if not subject or subject.get("key") is None:
            return None
        language = report.get("language", "en")
        layer = self.layer()
        if layer is None:
            return None
        try:
            found = changes(layer, subject.get("layer", ""), subject.get("key"), limit=SHOWN_CHANGES)
        except Exception as exc:  # noqa: BLE001 - the card shows the fault instead of "no changes"
            LOG.warning("Edit history of %s could not be read: %s", subject.get("key"), exc)
            return history_section([], language, error=message("history_unreadable", language, error=exc))
        if not found:
            return None
        return history_section(found, language)


def change_text(change: Change, language: str) -> str:
    """One change in words: "condition_class: 3 → 4", "added", "removed"."""
    if change.action == "insert":
        return message("history_added", language)
    if change.action == "delete":
        return message("history_removed", language)
    old = "–" if change.old in (None, "") else change.old
    new = "–" if change.new in (None, "") else change.new
    return f"{change.field or ''}: {old} → {new}"


def history_section(found: list[Change], language: str, error: Optional[str] = None) -> dict:
    """A report section (schema: docs/report_schema.md) for ``found``, newest first; its summary names the last
    change and who made it."""
    title = message("history_title", language)
    items = [{
        "layer": "history", "key": None, "fid": None, "title": change_text(change, language),
        "values": {"changed_at": change.when[:16].replace("T", " "), "changed_by": change.who or "–",
                   "change": change_text(change, language)},
        "extra": {},
    } for change in found]
    summary = {}
    if found:
        last = found[0]
        summary = {"text": message("history_last", language, when=last.when[:16].replace("T", " "),
                                   who=last.who or "–")}
    return {
        "id": SECTION_ID, "title": title, "kind": "list", "layer": "history", "layer_title": title,
        "total": len(found), "truncated": False, "cap": SHOWN_CHANGES,
        "columns": [
            {"field": "changed_at", "label": message("history_when", language), "type": "text"},
            {"field": "changed_by", "label": message("history_who", language), "type": "text"},
            {"field": "change", "label": message("history_change", language), "type": "text"},
        ],
        "items": items, "summary": summary, "error": error,
    }
