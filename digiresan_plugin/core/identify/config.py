"""The identify part of the twin catalog: relations, cards, warnings, labels and click settings.

Everything the engine knows about layers comes from these top-level catalog keys (kept in
``Catalog.extra`` by the base catalog parser):

- ``identify``: metric CRS, default search radius, the "click anywhere" fallback;
- ``labels``: field labels in English and Swedish, per layer;
- ``relations``: how a subject layer relates to another (by key, or spatially with a distance in metres);
- ``cards``: which attributes and sections each subject layer's card has (section kinds: :mod:`.sections`);
- ``warnings``: coordination rules and which relations and fields they use.

A malformed part raises :class:`CatalogError` naming the file, the key and what was expected (readers:
``config_reader``, ``config_relations``, ``config_cards``, ``config_warnings``; the parsed data: :mod:`.specs`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Optional

from ..catalog import Catalog, Title
from .config_cards import parse_cards
from .config_reader import SpecReader
from .config_relations import parse_relations
from .config_warnings import parse_warnings
from .sections import kind_of
from .specs import DISTANCE_FIELD, CardSpec, FallbackSpec, RelationSpec, WarningSpec


@dataclass(frozen=True)
class IdentifyConfig:
    """The validated identify part of a catalog."""

    catalog: Catalog
    metric_crs: str = "EPSG:3006"
    default_radius_m: float = 2.0
    fallback: FallbackSpec = FallbackSpec()
    labels: dict[str, dict[str, Title]] = field(default_factory=dict)
    relations: dict[str, RelationSpec] = field(default_factory=dict)
    cards: dict[str, CardSpec] = field(default_factory=dict)
    warnings: tuple[WarningSpec, ...] = ()
    #: relation id -> the fields its reads need (None: all), filled as engines ask (the config never changes)
    fields_read: dict[str, Optional[list[str]]] = field(default_factory=dict, compare=False, repr=False)

    def label(self, layer_id: str, field_name: str, language: str) -> str:
        title = self.labels.get(layer_id, {}).get(field_name)
        if title is not None:
            return title.text(language)
        return field_name.replace("_", " ").capitalize()

    def card(self, layer_id: str) -> CardSpec:
        return self.cards.get(layer_id) or CardSpec(layer=layer_id)

    def relation_fields(self, relation_id: str) -> set[str]:
        """Every field of the related layer that a section, order, filter or warning reads."""
        rel = self.relations[relation_id]
        spec = self.catalog.layer(rel.to_layer)
        names: set[str] = {n for n in (spec.key, spec.display_field, rel.to_field) if n}
        names.update(c.field for c in rel.where)
        reading = {relation_id} | {r.id for r in self.relations.values() if relation_id in r.of}
        for card in self.cards.values():
            for section in card.sections:
                if section.relation not in reading:
                    continue
                names.update(section.columns)
                names.update(o.field for o in section.order_by if o.field != DISTANCE_FIELD)
                names.update(kind_of(section.kind).fields(section))
                names.update(template_fields(section.item_title))
        for rule in self.warnings:
            if rule.related in reading:
                names.update(rule.related_fields)
            for role, name in rule.fields.items():
                read_through = {
                    rule.permits: role in ("start", "end"),
                    rule.plan: role in ("planned_year", "treatment"),
                }
                if read_through.get(relation_id):
                    names.add(name)
        return names

    def needs_all_fields(self, relation_id: str) -> bool:
        """True when a section shows every field of the related layer (no columns listed)."""
        reading = {relation_id} | {r.id for r in self.relations.values() if relation_id in r.of}
        return any(
            s.relation in reading and not s.columns for c in self.cards.values() for s in c.sections
        )


def template_fields(template: Optional[str]) -> set[str]:
    """The field names a title template such as ``"{street_name} ({segment_id})"`` uses."""
    if not template:
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


_CACHE: dict[int, IdentifyConfig] = {}


def identify_config(catalog: Catalog) -> IdentifyConfig:
    """The parsed identify configuration of ``catalog`` (parsed once per catalog object)."""
    config = _CACHE.get(id(catalog))
    if config is None or config.catalog is not catalog:
        config = parse_identify(catalog)
        if len(_CACHE) >= 16:  # the cache keeps catalogs alive: stay small
            _CACHE.clear()
        _CACHE[id(catalog)] = config
    return config


def parse_identify(catalog: Catalog) -> IdentifyConfig:
    """Validate ``catalog.extra``'s identify keys and build an :class:`IdentifyConfig`."""
    p = SpecReader(catalog)
    extra = catalog.extra
    ident = p.identify(extra.get("identify"))
    relations = parse_relations(p, extra.get("relations"))
    return IdentifyConfig(
        catalog=catalog,
        metric_crs=ident["metric_crs"],
        default_radius_m=ident["default_radius_m"],
        fallback=ident["fallback"],
        labels=p.labels(extra.get("labels")),
        relations=relations,
        cards=parse_cards(p, extra.get("cards"), relations),
        warnings=parse_warnings(p, extra.get("warnings"), relations),
    )
