"""One idea in full: its fields, description, decision and the history of its changes (read through the store in
a task; every value escaped). The location names the nearest street and what lies at the point (from the twin
layers the catalog names, read in a task) before the coordinates."""

from __future__ import annotations

import html
from typing import Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtWidgets import QTextBrowser, QWidget

from ...core.catalog import Catalog
from ...core.formatting import DASH, grouped
from ...core.ideas.editing import field_label
from ...core.ideas.formats import number
from ...core.ideas.location import Place, describe_place, place_sources
from ...core.ideas.model import IDEAS_CRS, Idea, IdeaEvent
from ...core.ideas.store import IdeasStore
from ...core.ideas.vocabulary import field_value_label, label
from ...core.log import get_logger
from ...core.tasks import LatestTask
from ..long_text import capped_html, open_if_full_text
from .formatting import short
from .table_model import STATUS_COLOURS

LOG = get_logger(__name__)


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
        self.anchorClicked.connect(lambda url: open_if_full_text(self, url.toString()))  # "Show all" of a long text
        self.store = store
        self.catalog = catalog
        self.language = language
        self.idea: Optional[Idea] = None  # the idea shown
        self._history: tuple[Optional[list[IdeaEvent]], str] = (None, "")  # of the idea shown
        self._personal = False
        self._places: dict[int, list[Place]] = {}  # idea_id → its place in words (kept while the twin stays)
        self._place_task = LatestTask()

    def show_none(self) -> None:
        self.idea = None
        hint = html.escape(self.tr("Select an idea to see its details."))
        self.setHtml(f"<p style='color:gray'>{hint}</p>")

    def show_idea(self, idea: Idea, personal: bool = False) -> None:
        """``idea`` now, its history and its place when they have been read (``personal``: with the submitter)."""
        self.idea = idea
        self._history = (None, "")
        self._personal = personal
        self._render()

        def done(events: Optional[list[IdeaEvent]], error: Optional[str]) -> None:
            if self.idea is not None and self.idea.idea_id == idea.idea_id:  # still the one shown
                self._history = (events, error or "")
                self._render()

        self.store.history(idea.idea_id, personal, done)
        self._find_place(idea)

    def _render(self) -> None:
        if self.idea is not None:
            self.setHtml(self.idea_html(self.idea, self._history[0], self._history[1], self._personal))

    def _find_place(self, idea: Idea) -> None:
        """The nearest street and what lies at the point, in a task (the twin may be in a database)."""
        if not idea.located or self.catalog is None or idea.idea_id in self._places:
            return
        project = QgsProject.instance()
        sources = place_sources(project, self.catalog)
        if not sources:
            return
        context = project.transformContext()
        x, y = idea.x, idea.y

        def done(places: Optional[list[Place]], error: Optional[BaseException]) -> None:
            if error is not None:
                LOG.warning("Digiresan ideas: no place for %s: %s", idea.reference, error)
                return
            if len(self._places) > 2000:
                self._places.clear()
            self._places[idea.idea_id] = places or []
            if self.idea is not None and self.idea.idea_id == idea.idea_id:
                self._render()

        self._place_task.start(self.tr("Naming the place of an idea"),
                               lambda task: describe_place(sources, x, y, context, cancelled=task.isCanceled),
                               done)

    def forget_places(self) -> None:
        """The twin changed: name the places again."""
        self._places.clear()

    def place_text(self, idea: Idea) -> str:
        """"Storgatan (12 m) · Abborren 8 · E 481600, N 7005600 (EPSG:3006)": words first, when known."""
        words = []
        for place in self._places.get(idea.idea_id, []):
            if place.distance_m is None or place.distance_m < 1:
                words.append(place.name)
            else:
                words.append(self.tr("{name} ({distance} m)").format(name=place.name,
                                                                      distance=f"{place.distance_m:.0f}"))
        return " · ".join(words + [f"E {idea.x:.0f}, N {idea.y:.0f} ({IDEAS_CRS})"])

    def cleanup(self) -> None:
        self._place_task.cancel()

    def idea_html(self, idea: Idea, history: Optional[list[IdeaEvent]], history_error: str, personal: bool) -> str:
        e = capped_html  # escaped, and no value longer than 2 000 characters is laid out
        lang = self.language

        def money(value: Optional[float]) -> str:
            return "–" if value is None else e(number(float(value), 0, lang) + " kr")

        ratio = idea.ratio
        rows = [
            (self.tr("Status"), f"<span style='color:{STATUS_COLOURS.get(idea.status, '#555')}'>●</span> "
                                f"{e(label(idea.status))}"),
            (self.tr("Theme"), e(label(idea.theme) or "–")),
            (self.tr("Department"), e(idea.department or "–")),
            (self.tr("Category"), e(label(idea.submitter_category) or "–")),
            (self.tr("Received"), e(idea.submitted_on.isoformat() if idea.submitted_on else "–")),
            (self.tr("Estimated cost"), money(idea.estimated_cost_sek)),
            (self.tr("Granted"), money(idea.granted_sek)),
            (self.tr("Yearly effect"), money(idea.expected_yearly_effect_sek)),
            (self.tr("Effect/cost"), "–" if ratio is None else e(number(ratio, 2, lang)) + " : 1"),
        ]
        if idea.linked_layer:
            rows.append((self.tr("Linked to"), e(f"{self.layer_title(idea.linked_layer)} {idea.linked_key or ''}")))
        if idea.located:
            rows.append((self.tr("Location"), e(self.place_text(idea))))
        if personal:
            rows.append((self.tr("Submitter"), e(idea.submitter_name or "–")))
            rows.append((self.tr("Contact"), e(idea.submitter_contact or "–")))
        table = "".join(f"<tr><td style='color:gray;padding-right:8px'>{k}</td><td>{v}</td></tr>" for k, v in rows)
        parts = [
            f"<h3 style='margin:0'>{capped_html(idea.reference, 200)} — {capped_html(idea.title, 500)}</h3>",
            f"<table cellspacing='0' cellpadding='1'>{table}</table>",
            f"<p style='white-space:pre-wrap'>{capped_html(idea.description or '')}</p>",
        ]
        decided = f" ({e(idea.decided_on.isoformat())})" if idea.decided_on else ""
        decision_title, none_yet, history_title = self.tr("Decision"), self.tr("None yet"), self.tr("History")
        parts.append(f"<h4 style='margin-bottom:2px'>{e(decision_title)}{decided}</h4>")
        parts.append(f"<p style='white-space:pre-wrap;margin-top:0'>{capped_html(idea.decision_text or none_yet)}</p>")
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
            old, new = (history_value(ev.field, value) if ev.field.endswith("_sek") or value in (None, "")
                        else field_value_label(ev.field, value) for value in (ev.old_value, ev.new_value))
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
