"""One idea in full: its fields, description, decision and the history of its changes (read through the store in
a task; every value escaped)."""

from __future__ import annotations

import html
from typing import Optional

from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtWidgets import QTextBrowser, QWidget

from ...core.catalog import Catalog
from ...core.formatting import DASH, grouped
from ...core.formatting import amount as amount_text
from ...core.ideas.editing import field_label
from ...core.ideas.model import IDEAS_CRS, Idea, IdeaEvent
from ...core.ideas.store import IdeasStore
from .formatting import short
from .table_model import STATUS_COLOURS


def history_value(field: str, value: Optional[str]) -> str:
    """A changed value as the history shows it: amounts (``*_sek``) in the locale with two decimals
    ("330 000,00"), anything else as stored; a dash for none."""
    if value is None or value == "":
        return DASH
    if field.endswith("_sek"):
        try:
            return grouped(float(value), QLocale(), 2)
        except ValueError:
            return value
    return value


class IdeaDetailView(QTextBrowser):
    """The detail pane under the list; ``catalog`` names the twin layer an idea is linked to."""

    def __init__(self, store: IdeasStore, parent: Optional[QWidget] = None, catalog: Optional[Catalog] = None,
                 language: str = "en"):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.store = store
        self.catalog = catalog
        self.language = language
        self.idea: Optional[Idea] = None  # the idea shown

    def show_none(self) -> None:
        self.idea = None
        hint = html.escape(self.tr("Select an idea to see its details."))
        self.setHtml(f"<p style='color:gray'>{hint}</p>")

    def show_idea(self, idea: Idea, personal: bool = False) -> None:
        """``idea`` now, its history when it has been read (``personal``: with the submitter, coordinator mode)."""
        self.idea = idea
        self.setHtml(self.idea_html(idea, None, "", personal))

        def done(events: Optional[list[IdeaEvent]], error: Optional[str]) -> None:
            if self.idea is not None and self.idea.idea_id == idea.idea_id:  # still the one shown
                self.setHtml(self.idea_html(self.idea, events, error or "", personal))

        self.store.history(idea.idea_id, personal, done)

    def idea_html(self, idea: Idea, history: Optional[list[IdeaEvent]], history_error: str, personal: bool) -> str:
        e = html.escape
        loc = QLocale()

        def money(value: Optional[float]) -> str:
            return e(amount_text(value, loc))

        ratio = idea.ratio
        rows = [
            (self.tr("Status"), f"<span style='color:{STATUS_COLOURS.get(idea.status, '#555')}'>●</span> "
                                f"{e(idea.status)}"),
            (self.tr("Theme"), e(idea.theme or "–")),
            (self.tr("Department"), e(idea.department or "–")),
            (self.tr("Category"), e(idea.submitter_category or "–")),
            (self.tr("Received"), e(idea.submitted_on.isoformat() if idea.submitted_on else "–")),
            (self.tr("Estimated cost"), money(idea.estimated_cost_sek)),
            (self.tr("Granted"), money(idea.granted_sek)),
            (self.tr("Yearly effect"), money(idea.expected_yearly_effect_sek)),
            (self.tr("Effect/cost"), "–" if ratio is None else e(loc.toString(ratio, "f", 2)) + " : 1"),
        ]
        if idea.linked_layer:
            rows.append((self.tr("Linked to"), e(f"{self.layer_title(idea.linked_layer)} {idea.linked_key or ''}")))
        if idea.located:
            rows.append((self.tr("Location"), e(f"E {idea.x:.0f}, N {idea.y:.0f} ({IDEAS_CRS})")))
        if personal:
            rows.append((self.tr("Submitter"), e(idea.submitter_name or "–")))
            rows.append((self.tr("Contact"), e(idea.submitter_contact or "–")))
        table = "".join(f"<tr><td style='color:gray;padding-right:8px'>{k}</td><td>{v}</td></tr>" for k, v in rows)
        parts = [
            f"<h3 style='margin:0'>{e(idea.reference)} — {e(idea.title)}</h3>",
            f"<table cellspacing='0' cellpadding='1'>{table}</table>",
            f"<p style='white-space:pre-wrap'>{e(idea.description or '')}</p>",
        ]
        decided = f" ({e(idea.decided_on.isoformat())})" if idea.decided_on else ""
        decision_title, none_yet, history_title = self.tr("Decision"), self.tr("None yet"), self.tr("History")
        parts.append(f"<h4 style='margin-bottom:2px'>{e(decision_title)}{decided}</h4>")
        parts.append(f"<p style='white-space:pre-wrap;margin-top:0'>{e(idea.decision_text or none_yet)}</p>")
        parts.append(f"<h4 style='margin-bottom:2px'>{e(history_title)}</h4>")
        parts.append(self._history_html(history, history_error))
        return "".join(parts)

    def _history_html(self, history: Optional[list[IdeaEvent]], history_error: str) -> str:
        e = html.escape
        if history_error:
            return f"<p style='color:#c62828'>{e(history_error)}</p>"
        if history is None:
            loading = self.tr("Loading…")
            return f"<p style='color:gray'>{e(loading)}</p>"
        if not history:
            no_changes = self.tr("No changes recorded")
            return f"<p style='color:gray'>{e(no_changes)}</p>"
        items = []
        for ev in history:
            when = ev.changed_at.replace("T", " ")[:16]
            old, new = history_value(ev.field, ev.old_value), history_value(ev.field, ev.new_value)
            label = field_label(ev.field)
            items.append(
                f"<tr><td style='color:gray;padding-right:6px'>{e(when)}</td><td>{e(ev.changed_by)}</td>"
                f"<td style='padding-left:6px'>{e(label)}: {e(short(old))} → {e(short(new))}</td></tr>")
        return f"<table cellspacing='0' cellpadding='1'>{''.join(items)}</table>"

    def layer_title(self, layer_id: str) -> str:
        """The catalog's title of a twin layer (its id when there is no catalog or no such layer)."""
        if self.catalog is not None:
            try:
                return self.catalog.layer(layer_id).title.text(self.language)
            except KeyError:
                pass
        return layer_id
