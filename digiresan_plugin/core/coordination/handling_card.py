"""The card's "Handling" section (an extra section, like the work window): the handling notes of the coordination
warnings about the card's road segment or permit — status, assignee, notes, who changed it last — from the twin's
``coordination_notes`` table. Declared by the catalog's ``coordination.handling`` (which cards, title, labels and
texts in Swedish and English). A note whose permits' dates on the card differ from those it was set for shows
as reopened (new), as on the board."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable, Iterable, Optional

from ..catalog import Catalog
from ..identify.config import identify_config
from ..log import get_logger
from .config import CoordinationSpec, HandlingSpec, parse_coordination
from .model import SafeFormat
from .notes import Note, NotesError, NotesStore, store_for_layer

LOG = get_logger(__name__)
COLUMNS = ("warning", "status", "assignee", "notes", "updated")


def _iso(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def permit_dates(fingerprint: str) -> dict[str, str]:
    """The permits of a warning's fingerprint with the dates it was computed for (``id`` → ``start/end``)."""
    out = {}
    for part in fingerprint.split("|"):
        pid, sep, span = part.rpartition(":")
        if sep and pid and "/" in span and pid not in ("paved", "plan"):
            out[pid] = span
    return out


def is_reopened(note: Note, dates: dict[str, str]) -> bool:
    """The note was set for other dates of a permit than those ``dates`` (``id`` → ``start/end``) say."""
    return any(pid in dates and dates[pid] != span for pid, span in permit_dates(note.fingerprint).items())


class HandlingCard:
    """Adds the handling of the feature's warnings to the cards the catalog names (``IdentifyController.
    extra_sections``; called on the main thread: the notes are one small table). The notes store is the one of
    the twin the permits layer (``layer_for``) comes from, or ``store``'s (None: this twin keeps none)."""

    def __init__(self, catalog: Catalog, layer_for: Optional[Callable[[str], Any]] = None,
                 store: Optional[Callable[[], Optional[NotesStore]]] = None):
        self.spec: Optional[CoordinationSpec] = parse_coordination(catalog, identify_config(catalog).relations)
        self.catalog = catalog
        self.layer_for = layer_for
        self._store = store

    def store(self) -> Optional[NotesStore]:
        if self._store is not None:
            return self._store()
        if self.layer_for is None or self.spec is None:
            return None
        return store_for_layer(self.layer_for(self.spec.permits.layer))

    def card_section(self, report: dict[str, Any]) -> Optional[dict]:
        spec = self.spec
        handling = spec.handling if spec is not None else None
        subject = report.get("subject") or {}
        layer, key = subject.get("layer"), subject.get("key")
        if spec is None or handling is None or key is None or layer not in handling.layers:
            return None
        if layer not in (spec.segments.layer, spec.permits.layer):
            return None
        store = self.store()
        if store is None:
            return None
        language = report.get("language", "en")
        try:
            notes = store.load()
        except NotesError as exc:
            LOG.warning("Handling section: %s", exc)
            return handling_section(handling, [], {}, {}, language,
                                    error=handling.unreadable.text(language).format_map(SafeFormat(error=exc)))
        key = str(key)
        if layer == spec.segments.layer:
            mine = [n for n in notes.values() if n.segment_id == key]
        else:
            mine = [n for n in notes.values() if key in (n.permit_id, n.other_id)]
        if not mine:
            return None
        return handling_section(handling, mine, self._rule_titles(language), dates_on_card(spec, report), language)

    def _rule_titles(self, language: str) -> dict[str, str]:
        titles = {w.id: w.title.text(language) for w in identify_config(self.catalog).warnings}
        if self.spec is not None:
            titles.update((r.id, r.title.text(language)) for r in self.spec.rules)
        return titles


def dates_on_card(spec: CoordinationSpec, report: dict[str, Any]) -> dict[str, str]:
    """The permits the card shows (its subject, its related items) with their dates as ``start/end``."""
    start_f, end_f = spec.permits.field("start"), spec.permits.field("end")
    out: dict[str, str] = {}
    subject = report.get("subject") or {}
    if subject.get("layer") == spec.permits.layer and subject.get("key") is not None:
        values = {a.get("field"): a.get("value") for a in subject.get("attributes") or []}
        if start_f in values and end_f in values:
            out[str(subject["key"])] = f"{_iso(values[start_f])}/{_iso(values[end_f])}"
    for section in report.get("sections") or []:
        for item in _items(section):
            values = item.get("values") or {}
            if item.get("layer") == spec.permits.layer and item.get("key") is not None \
                    and start_f in values and end_f in values:
                out.setdefault(str(item["key"]), f"{_iso(values[start_f])}/{_iso(values[end_f])}")
    return out


def _items(section: dict) -> Iterable[dict]:
    return [i for i in section.get("items") or [] if isinstance(i, dict)]


def status_text(handling: HandlingSpec, note: Note, language: str, reopened: bool) -> str:
    title = handling.statuses.get(note.status)
    text = title.text(language).format_map(SafeFormat(reason=note.reason or "–")) if title else note.status
    if reopened:
        return handling.reopened.text(language).format_map(SafeFormat(status=text))
    return text


def handling_section(handling: HandlingSpec, notes: list[Note], titles: dict[str, str], dates: dict[str, str],
                     language: str, error: Optional[str] = None) -> dict:
    """A report section (docs/report_schema.md): one item per note, by rule and keys."""
    items, open_count = [], 0
    for note in sorted(notes, key=lambda n: (n.rule, n.permit_id, n.other_id, n.segment_id)):
        reopened = note.status != "new" and is_reopened(note, dates)
        status = "new" if reopened else note.status
        open_count += status in ("new", "in_progress")
        parties = " – ".join(p for p in (note.permit_id, note.other_id) if p and not p.startswith("plan:"))
        warning = titles.get(note.rule, note.rule) + (f" ({parties})" if parties else "")
        updated = " ".join(p for p in (note.updated_at[:16].replace("T", " "), note.updated_by) if p)
        items.append({
            "layer": "coordination_notes", "key": "|".join(note.key), "fid": None, "title": warning,
            "values": {"warning": warning, "status": status_text(handling, note, language, reopened),
                       "assignee": note.assignee or "–", "notes": note.notes or "–", "updated": updated or "–"},
            "extra": {"status": status, "rule": note.rule},
        })
    title = handling.title.text(language)
    summary = {"text": handling.summary.text(language).format_map(SafeFormat(open=open_count, total=len(items)))}
    return {
        "id": handling.section_id, "title": title, "kind": "list", "layer": "coordination_notes",
        "layer_title": title, "total": len(items), "truncated": False, "cap": len(items),
        "columns": [{"field": c, "label": handling.columns[c].text(language), "type": "text"} for c in COLUMNS],
        "items": items, "summary": summary if items else {}, "error": error,
    }
