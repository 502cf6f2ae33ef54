"""Digiresan ideas: the record, its vocabulary and the programme's constants (no Qt here).

The programme: 50 MSEK granted over 2020–2022, aiming at ≥ 100 MSEK of yearly efficiency effect, i.e. an
effect/cost ratio of at least 2:1 (2 SEK of yearly effect per programme SEK); its sums are in :mod:`.summary`.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Iterator, Optional

from ..tr import tr

# --- vocabulary (the values stored in the data; Swedish, as the municipality records them) ----------------------
INKOMMEN = "Inkommen"
UNDER_BEDOMNING = "Under bedömning"
BEVILJAD = "Beviljad"
DELVIS_BEVILJAD = "Delvis beviljad"
UTAN_MEDEL = "Genomförd utan medel"
AVSLAGEN = "Avslagen"
GENOMFORD = "Genomförd"
ATERKALLAD = "Återkallad"

#: every status, in the order of the flow: Inkommen → Under bedömning → decision → Genomförd / Återkallad
STATUSES = (INKOMMEN, UNDER_BEDOMNING, BEVILJAD, DELVIS_BEVILJAD, UTAN_MEDEL, AVSLAGEN, GENOMFORD, ATERKALLAD)
#: statuses an idea may move to from each status (coordinators may also correct a status back one step)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    INKOMMEN: (UNDER_BEDOMNING, ATERKALLAD),
    UNDER_BEDOMNING: (BEVILJAD, DELVIS_BEVILJAD, UTAN_MEDEL, AVSLAGEN, ATERKALLAD, INKOMMEN),
    BEVILJAD: (GENOMFORD, ATERKALLAD, UNDER_BEDOMNING),
    DELVIS_BEVILJAD: (GENOMFORD, ATERKALLAD, UNDER_BEDOMNING),
    UTAN_MEDEL: (UNDER_BEDOMNING,),
    AVSLAGEN: (UNDER_BEDOMNING,),
    GENOMFORD: (BEVILJAD, DELVIS_BEVILJAD),
    ATERKALLAD: (UNDER_BEDOMNING,),
}
#: statuses whose granted amount counts against the 50 MSEK
FUNDED_STATUSES = frozenset({BEVILJAD, DELVIS_BEVILJAD, GENOMFORD})
#: statuses whose expected yearly effect counts towards the 100 MSEK target (carried out or going to be)
EFFECT_STATUSES = frozenset({BEVILJAD, DELVIS_BEVILJAD, UTAN_MEDEL, GENOMFORD})
#: statuses that are a decision (set decided_on when an idea reaches one)
DECISION_STATUSES = frozenset({BEVILJAD, DELVIS_BEVILJAD, UTAN_MEDEL, AVSLAGEN})

THEMES = ("skola", "vård och omsorg", "samhällsbyggnad", "administration", "kultur och fritid", "miljö")
CATEGORIES = ("medarbetare", "invånare", "företag", "organisation")

#: the CRS of every idea's ``x``/``y`` (and of the ideas map layer)
IDEAS_CRS = "EPSG:3006"

PROGRAMME_YEARS = (2020, 2021, 2022)
PROGRAMME_BUDGET_SEK = 50_000_000.0
EFFECT_TARGET_SEK = 100_000_000.0
TARGET_RATIO = 2.0

#: the fields a coordinator edits; nothing else is ever written by the plugin
EDITABLE_FIELDS = ("status", "granted_sek", "decision_text", "decided_on")
#: personal data: only for coordinators (and, on PostgreSQL, only readable by the coordinator role)
PERSONAL_FIELDS = ("submitter_name", "submitter_contact")
#: the stored columns, in table order (the GeoPackage and PostgreSQL tables have these; geometry apart)
COLUMNS = (
    "idea_id", "reference", "title", "description", "theme", "department", "submitter_category", "submitted_on",
    "status", "estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek", "decision_text", "decided_on",
    "linked_layer", "linked_key", "submitter_name", "submitter_contact", "version", "updated_at", "updated_by",
)
PUBLIC_COLUMNS = tuple(c for c in COLUMNS if c not in PERSONAL_FIELDS)
MONEY_FIELDS = ("estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek")
DATE_FIELDS = ("submitted_on", "decided_on")


@dataclass
class Idea:
    """One idea as the coordinator's list shows it. ``x``/``y`` are in :data:`IDEAS_CRS` (None when not located)."""

    idea_id: int
    reference: str
    title: str
    description: str = ""
    theme: Optional[str] = None
    department: Optional[str] = None
    submitter_category: Optional[str] = None
    submitted_on: Optional[date] = None
    status: str = INKOMMEN
    estimated_cost_sek: Optional[float] = None
    granted_sek: Optional[float] = None
    expected_yearly_effect_sek: Optional[float] = None
    decision_text: Optional[str] = None
    decided_on: Optional[date] = None
    x: Optional[float] = None
    y: Optional[float] = None
    linked_layer: Optional[str] = None
    linked_key: Optional[str] = None
    submitter_name: Optional[str] = None
    submitter_contact: Optional[str] = None
    version: int = 1
    updated_at: Optional[str] = None
    updated_by: Optional[str] = None

    @property
    def ratio(self) -> Optional[float]:
        """Expected yearly effect per SEK of estimated cost (None when either is missing or the cost is 0)."""
        return effect_cost_ratio(self.expected_yearly_effect_sek, self.estimated_cost_sek)

    @property
    def year(self) -> Optional[int]:
        return self.submitted_on.year if self.submitted_on else None

    @property
    def located(self) -> bool:
        return self.x is not None and self.y is not None

    def value(self, name: str) -> Any:
        return getattr(self, name)

    def without_personal_data(self) -> "Idea":
        return replace(self, submitter_name=None, submitter_contact=None)


@dataclass(frozen=True)
class IdeaEvent:
    """One audited change of one field."""

    idea_id: int
    changed_at: str
    changed_by: str
    field: str
    old_value: Optional[str]
    new_value: Optional[str]


@dataclass
class IdeaChange:
    """A coordinator's edit: new values for some of :data:`EDITABLE_FIELDS`, based on ``base_version``."""

    idea_id: int
    base_version: int
    values: dict[str, Any]
    user: str = ""

    def __post_init__(self) -> None:
        unknown = set(self.values) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(tr('not editable: {unknown}').format(unknown=', '.join(sorted(unknown))))


@dataclass
class Conflict:
    """Someone saved the idea after ``change.base_version``: ``current`` is what is stored now."""

    change: IdeaChange
    current: Idea

    def differences(self) -> list[tuple[str, Any, Any]]:
        """(field, mine, theirs) for every edited field whose stored value differs from mine."""
        rows = []
        for name, mine in self.change.values.items():
            theirs = self.current.value(name)
            if not same_value(name, mine, theirs):
                rows.append((name, mine, theirs))
        return rows


@dataclass
class SaveResult:
    """``ok`` and the idea as stored after the save; or a conflict (nothing written); or an error message."""

    ok: bool
    idea: Optional[Idea] = None
    conflict: Optional[Conflict] = None
    error: Optional[str] = None
    events: list[IdeaEvent] = field(default_factory=list)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while building many objects at once (it would scan them again and again).

    Only on the main thread: the switch is process-wide, and a worker thread must not turn it off under QGIS."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- values -----------------------------------------------------------------------------------------------------
def effect_cost_ratio(effect: Optional[float], cost: Optional[float]) -> Optional[float]:
    if effect is None or cost is None or cost <= 0:
        return None
    return effect / cost


def same_value(name: str, a: Any, b: Any) -> bool:
    """Equality as stored: money to the öre, dates by day, empty text equal to None."""
    if name in MONEY_FIELDS:
        if a is None or b is None:
            return a is None and b is None
        return round(float(a), 2) == round(float(b), 2)
    return event_text(a) == event_text(b)


def event_text(value: Any) -> Optional[str]:
    """A value as written into ``idea_events`` (the same text PostgreSQL's audit trigger writes)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def to_date(value: Any) -> Optional[date]:
    """A date from a date, datetime or ISO text (None for empty)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def to_money(value: Any) -> Optional[float]:
    if value is None or value == "":
        return None
    return float(value)


MONEY_FIELDS = ("estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek")
DATE_FIELDS = ("submitted_on", "decided_on")


def unreadable_note(idea: Any, name: str, value: Any) -> str:
    """The message for one stored value of an idea that cannot be read (the idea is listed, the value empty)."""
    what = "an amount" if name in MONEY_FIELDS else "a date (YYYY-MM-DD)" if name in DATE_FIELDS else "readable"
    return f"Idea {idea}: {name} is '{str(value)[:80]}', not {what}; shown as empty"


def unreadable_columns(columns: dict[str, list]) -> list[str]:
    """In a listing's columns, amounts that are not numbers become None; they and dates that are not dates are
    named (by reference) in the returned notes."""
    problems: list[str] = []
    references = columns.get("reference") or columns["idea_id"]
    for name in MONEY_FIELDS:
        values = columns[name]
        for i, value in enumerate(values):
            if value is not None and not isinstance(value, (int, float)):
                values[i] = read_lenient(name, value, references[i], problems)
    for name in DATE_FIELDS:
        for i, value in enumerate(columns[name]):
            if value and not isinstance(value, (date, datetime)):
                read_lenient(name, value, references[i], problems)
    return problems


def read_lenient(name: str, value: Any, idea: Any, problems: list[str]) -> Any:
    """A money or date field's value, or None and a note in ``problems`` when it cannot be read."""
    try:
        return to_money(value) if name in MONEY_FIELDS else to_date(value)
    except (ValueError, TypeError):
        problems.append(unreadable_note(idea, name, value))
        return None
