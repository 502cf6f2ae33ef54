"""The identify part of the twin catalog as validated, frozen data: relations, card sections, warning rules.

Built by :func:`.config.parse_identify`; read by the engine and by the section kinds (:mod:`.sections`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from ..catalog import Title

RELATION_TYPES = ("key", "spatial", "any")  # any: the rows of any of its relations (``of``), once
SPATIAL_PREDICATES = ("within_distance", "contains_subject_point", "point_within_subject", "nearest", "along")
CONDITION_OPS = ("eq", "ne", "in", "not_in")
# item kinds look at one feature of the rule's layer (agreements, regulations, signs, assets); through ``via`` every
# warning of the related feature shows on the card (the permit kinds keep only those involving the card's feature)
ITEM_WARNING_KINDS = ("expiring", "requires_match", "overdue")
WARNING_KINDS = ("moratorium", "permit_overlap", "dig_before_paving") + ITEM_WARNING_KINDS
SEVERITIES = ("warning", "info")
DISTANCE_FIELD = "$distance"  # pseudo field usable in order_by: metres from the subject (spatial relations)

# Fields each warning kind reads: role -> required
WARNING_FIELDS: dict[str, dict[str, bool]] = {
    "moratorium": {"paved": True, "start": True, "end": False},
    "permit_overlap": {"start": True, "end": False},
    "dig_before_paving": {"planned_year": True, "treatment": False},
    "expiring": {"end": True, "notice_months": False},
    "requires_match": {},
    "overdue": {"date": True, "class": False},
}


@dataclass(frozen=True)
class Condition:
    """A filter on a related layer: ``field`` ``op`` ``values``."""

    field: str
    op: str
    values: tuple[Any, ...]


@dataclass(frozen=True)
class RelationSpec:
    id: str
    from_layer: str
    to_layer: str
    type: str  # key | spatial
    from_field: Optional[str] = None
    to_field: Optional[str] = None
    predicate: Optional[str] = None
    distance_m: float = 0.0
    limit: Optional[int] = None  # nearest: how many
    where: tuple[Condition, ...] = ()
    of: tuple[str, ...] = ()  # any: the relations whose rows it joins
    min_length_m: float = 0.0  # along: metres of the subject the other feature must run beside (within distance_m)

    @property
    def is_spatial(self) -> bool:
        return self.type == "spatial"


@dataclass(frozen=True)
class OrderBy:
    field: str
    ascending: bool = True


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: Title
    kind: str
    relation: str
    columns: tuple[str, ...] = ()
    order_by: tuple[OrderBy, ...] = ()
    item_title: Optional[str] = None  # a template such as "{inspected_on}"
    options: dict[str, Any] = field(default_factory=dict)  # every option of the kind, defaults filled in

    def option(self, name: str) -> Any:
        return self.options.get(name)


@dataclass(frozen=True)
class CardSpec:
    layer: str
    # a template such as "{street_name} ({segment_id})", or one per language (Title); "{field:sign}" gives the name
    # of the sign code in a field
    title: Optional[Union[str, Title]] = None
    attributes: tuple[str, ...] = ()  # empty: all fields of the layer
    sections: tuple[SectionSpec, ...] = ()


@dataclass(frozen=True)
class ViaSpec:
    """A warning about ``layer`` features is also shown on the card of a feature related by ``relation``."""

    layer: str
    relation: str


@dataclass(frozen=True)
class WarningSpec:
    id: str
    kind: str
    title: Title
    layer: str  # the layer whose features the rule looks at (e.g. road segments)
    permits: Optional[str]  # relation id: the permits concerned (None for the item kinds)
    plan: Optional[str] = None  # relation id: planned works (dig_before_paving)
    fields: dict[str, str] = field(default_factory=dict)
    severity: str = "warning"
    years_setting: Optional[str] = None
    years_default: int = 3
    years_ahead: int = 1
    via: tuple[ViaSpec, ...] = ()
    # item kinds (ITEM_WARNING_KINDS)
    related: Optional[str] = None  # requires_match: relation id whose rows must hold a match
    related_fields: tuple[str, ...] = ()  # fields of the related layer the rule reads
    when: tuple[Condition, ...] = ()  # the rule applies to features for which these hold
    message: Optional[Title] = None  # the warning's text, a template filled with the feature's fields
    options: dict[str, Any] = field(default_factory=dict)  # default_notice_days, months, default_months, expect


@dataclass(frozen=True)
class FallbackSpec:
    at_point: tuple[str, ...] = ()
    nearest: Optional[str] = None
    max_distance_m: float = 50.0
