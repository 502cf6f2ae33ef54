"""The identify part of the twin catalog: relations, cards, warnings, labels and click settings.

Everything the engine knows about layers comes from these top-level catalog keys (kept in
``Catalog.extra`` by the base catalog parser):

- ``identify``: metric CRS, default search radius, the "click anywhere" fallback;
- ``labels``: field labels in English and Swedish, per layer;
- ``relations``: how a subject layer relates to another (by key, or spatially with a distance in metres);
- ``cards``: which attributes and sections each subject layer's card has;
- ``warnings``: coordination rules and which relations and fields they use.

A malformed part raises :class:`CatalogError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Optional

from ..catalog import LANGUAGES, Catalog, CatalogError, Title, _Reader

RELATION_TYPES = ("key", "spatial")
SPATIAL_PREDICATES = ("within_distance", "contains_subject_point", "point_within_subject", "nearest")
CONDITION_OPS = ("eq", "ne", "in", "not_in")
SECTION_KINDS = ("list", "latest_with_trend", "hourly_profile", "sign_list", "attributes")
WARNING_KINDS = ("moratorium", "permit_overlap", "dig_before_paving")
SEVERITIES = ("warning", "info")
DISTANCE_FIELD = "$distance"  # pseudo field usable in order_by: metres from the subject (spatial relations)

# Options each section kind understands: name -> (type, required, default)
KIND_OPTIONS: dict[str, dict[str, tuple[type | tuple, bool, Any]]] = {
    "list": {"start_field": (str, False, None), "end_field": (str, False, None)},
    "attributes": {},
    "sign_list": {"code_field": (str, True, None)},
    "latest_with_trend": {
        "date_field": (str, True, None),
        "value_field": (str, True, None),
        "higher_is_worse": (bool, False, True),
    },
    "hourly_profile": {
        "hour_field": (str, True, None),
        "value_field": (str, True, None),
        "year_field": (str, False, None),
        "aadt_field": (str, False, None),  # a field of the *subject* (e.g. the segment's ÅDT)
        "max_peaks": (int, False, 2),
        "peak_min_share": ((int, float), False, 0.5),
        "peak_min_gap_h": (int, False, 3),
    },
}

# Fields each warning kind reads: role -> required
WARNING_FIELDS: dict[str, dict[str, bool]] = {
    "moratorium": {"paved": True, "start": True, "end": False},
    "permit_overlap": {"start": True, "end": False},
    "dig_before_paving": {"planned_year": True, "treatment": False},
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
    options: dict[str, Any] = field(default_factory=dict)

    def option(self, name: str) -> Any:
        return self.options.get(name, KIND_OPTIONS[self.kind][name][2])


@dataclass(frozen=True)
class CardSpec:
    layer: str
    title: Optional[str] = None  # a template such as "{street_name} ({segment_id})"
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
    permits: str  # relation id: the permits concerned
    plan: Optional[str] = None  # relation id: planned works (dig_before_paving)
    fields: dict[str, str] = field(default_factory=dict)
    severity: str = "warning"
    years_setting: Optional[str] = None
    years_default: int = 3
    years_ahead: int = 1
    via: tuple[ViaSpec, ...] = ()


@dataclass(frozen=True)
class FallbackSpec:
    at_point: tuple[str, ...] = ()
    nearest: Optional[str] = None
    max_distance_m: float = 50.0


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
        for card in self.cards.values():
            for section in card.sections:
                if section.relation != relation_id:
                    continue
                names.update(section.columns)
                names.update(o.field for o in section.order_by if o.field != DISTANCE_FIELD)
                names.update(v for k, v in section.options.items() if k.endswith("_field") and k != "aadt_field")
                names.update(_template_fields(section.item_title))
        for rule in self.warnings:
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
        return any(
            s.relation == relation_id and not s.columns for c in self.cards.values() for s in c.sections
        )


def _template_fields(template: Optional[str]) -> set[str]:
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


class _Parser:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.r = _Reader(catalog.path)
        self.layer_ids = {s.id for s in catalog.layers}

    def fail(self, key: str, expected: str) -> CatalogError:
        return self.r.fail(key, expected)

    def layer_ref(self, data: dict, name: str, key: str, spatial: Optional[bool] = None) -> str:
        value = self.r.req(data, name, key, str, "a catalog layer id")
        if value not in self.layer_ids:
            raise self.fail(f"{key}.{name}", f"one of the catalog's layer ids {sorted(self.layer_ids)}, got '{value}'")
        if spatial and not self.catalog.layer(value).is_spatial:
            raise self.fail(f"{key}.{name}", f"a layer with geometry, '{value}' has none")
        return value

    def number(self, data: dict, name: str, key: str, default: float, minimum: float = 0.0) -> float:
        value = self.r.opt(data, name, key, (int, float), "a number of metres", default)
        if isinstance(value, bool) or value < minimum:
            raise self.fail(f"{key}.{name}", f"a number ≥ {minimum:g}, got {value}")
        return float(value)

    # -- parts -------------------------------------------------------------------------------
    def identify(self, raw: Any) -> dict[str, Any]:
        key = "identify"
        data = self.r.obj(raw, key) if raw is not None else {}
        out: dict[str, Any] = {}
        out["metric_crs"] = self.r.opt(data, "metric_crs", key, str, "an authority id such as 'EPSG:3006'", "EPSG:3006")
        out["default_radius_m"] = self.number(data, "default_radius_m", key, 2.0)
        fb_raw = data.get("fallback")
        if fb_raw is None:
            out["fallback"] = FallbackSpec()
        else:
            fkey = f"{key}.fallback"
            fb = self.r.obj(fb_raw, fkey)
            at_point = self.r.opt(fb, "at_point", fkey, list, "a list of layer ids", [])
            for i, layer_id in enumerate(at_point):
                self.r.typed(layer_id, f"{fkey}.at_point[{i}]", str, "a catalog layer id")
                if layer_id not in self.layer_ids or not self.catalog.layer(layer_id).is_spatial:
                    raise self.fail(f"{fkey}.at_point[{i}]", f"a spatial catalog layer id, got '{layer_id}'")
            nearest = None
            if fb.get("nearest") is not None:
                nearest = self.layer_ref(fb, "nearest", fkey, spatial=True)
            out["fallback"] = FallbackSpec(
                at_point=tuple(at_point),
                nearest=nearest,
                max_distance_m=self.number(fb, "max_distance_m", fkey, 50.0),
            )
        return out

    def labels(self, raw: Any) -> dict[str, dict[str, Title]]:
        if raw is None:
            return {}
        data = self.r.obj(raw, "labels")
        out: dict[str, dict[str, Title]] = {}
        for layer_id, fields in data.items():
            key = f"labels.{layer_id}"
            if layer_id not in self.layer_ids:
                raise self.fail(key, f"one of the catalog's layer ids {sorted(self.layer_ids)}")
            fields = self.r.obj(fields, key)
            out[layer_id] = {}
            for name, texts in fields.items():
                fkey = f"{key}.{name}"
                texts = self.r.obj(texts, fkey)
                values = [self.r.req(texts, lang, fkey, str, "a label text") for lang in LANGUAGES]
                out[layer_id][name] = Title(*values)
        return out

    def conditions(self, raw: Any, key: str) -> tuple[Condition, ...]:
        items = self.r.typed(raw, key, list, "a list of conditions") if raw is not None else []
        out = []
        for i, cond in enumerate(items):
            ckey = f"{key}[{i}]"
            cond = self.r.obj(cond, ckey)
            name = self.r.req(cond, "field", ckey, str, "a field name")
            op = self.r.req(cond, "op", ckey, str, f"one of {list(CONDITION_OPS)}")
            if op not in CONDITION_OPS:
                raise self.fail(f"{ckey}.op", f"one of {list(CONDITION_OPS)}, got '{op}'")
            if op in ("in", "not_in"):
                values = tuple(self.r.req(cond, "values", ckey, list, "a list of values"))
            else:
                if "value" not in cond:
                    raise self.fail(f"{ckey}.value", "a value (missing)")
                values = (cond["value"],)
            out.append(Condition(name, op, values))
        return tuple(out)

    def relations(self, raw: Any) -> dict[str, RelationSpec]:
        items = self.r.typed(raw, "relations", list, "a list of relations") if raw is not None else []
        out: dict[str, RelationSpec] = {}
        for i, rel in enumerate(items):
            key = f"relations[{i}]"
            rel = self.r.obj(rel, key)
            rel_id = self.r.req(rel, "id", key, str, "a relation id")
            key = f"relations[{i}:{rel_id}]"
            if rel_id in out:
                raise self.fail("relations", f"unique relation ids, '{rel_id}' appears twice")
            kind = self.r.req(rel, "type", key, str, f"one of {list(RELATION_TYPES)}")
            if kind not in RELATION_TYPES:
                raise self.fail(f"{key}.type", f"one of {list(RELATION_TYPES)}, got '{kind}'")
            spatial = kind == "spatial"
            from_layer = self.layer_ref(rel, "from", key, spatial=spatial)
            to_layer = self.layer_ref(rel, "to", key, spatial=spatial)
            where = self.conditions(rel.get("where"), f"{key}.where")
            if kind == "key":
                out[rel_id] = RelationSpec(
                    rel_id, from_layer, to_layer, kind,
                    from_field=self.r.req(rel, "from_field", key, str, "a field of the 'from' layer"),
                    to_field=self.r.req(rel, "to_field", key, str, "a field of the 'to' layer"),
                    where=where,
                )
                continue
            predicate = self.r.req(rel, "predicate", key, str, f"one of {list(SPATIAL_PREDICATES)}")
            if predicate not in SPATIAL_PREDICATES:
                raise self.fail(f"{key}.predicate", f"one of {list(SPATIAL_PREDICATES)}, got '{predicate}'")
            distance = self.number(rel, "distance_m", key, 0.0)
            if predicate == "nearest" and distance <= 0:
                raise self.fail(f"{key}.distance_m", "a search distance > 0 for 'nearest'")
            limit = self.r.opt(rel, "limit", key, int, "a positive integer", 1 if predicate == "nearest" else None)
            if limit is not None and limit < 1:
                raise self.fail(f"{key}.limit", f"a positive integer, got {limit}")
            out[rel_id] = RelationSpec(
                rel_id, from_layer, to_layer, kind, predicate=predicate, distance_m=distance, limit=limit, where=where
            )
        return out

    def order_by(self, raw: Any, key: str) -> tuple[OrderBy, ...]:
        items = self.r.typed(raw, key, list, 'a list of ["field", "asc"|"desc"]') if raw is not None else []
        out = []
        for i, item in enumerate(items):
            ikey = f"{key}[{i}]"
            if isinstance(item, str):
                out.append(OrderBy(item))
                continue
            if (
                not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str)
                or item[1] not in ("asc", "desc")
            ):
                raise self.fail(ikey, f'a field name or ["field", "asc"|"desc"], got {item!r}')
            out.append(OrderBy(item[0], item[1] == "asc"))
        return tuple(out)

    def section(self, raw: Any, key: str, layer_id: str, relations: dict[str, RelationSpec]) -> SectionSpec:
        data = self.r.obj(raw, key)
        section_id = self.r.req(data, "id", key, str, "a section id")
        kind = self.r.req(data, "kind", key, str, f"one of {list(SECTION_KINDS)}")
        if kind not in SECTION_KINDS:
            raise self.fail(f"{key}.kind", f"one of {list(SECTION_KINDS)}, got '{kind}'")
        rel_id = self.r.req(data, "relation", key, str, "a relation id")
        rel = relations.get(rel_id)
        if rel is None:
            raise self.fail(f"{key}.relation", f"one of the relation ids {sorted(relations)}, got '{rel_id}'")
        if rel.from_layer != layer_id:
            raise self.fail(f"{key}.relation", f"a relation from '{layer_id}', '{rel_id}' is from '{rel.from_layer}'")
        columns = self.r.opt(data, "columns", key, list, "a list of field names", [])
        for j, name in enumerate(columns):
            self.r.typed(name, f"{key}.columns[{j}]", str, "a field name")
        raw_opts = self.r.obj(data.get("options") or {}, f"{key}.options")
        allowed = KIND_OPTIONS[kind]
        options: dict[str, Any] = {}
        for name in raw_opts:
            if name not in allowed:
                raise self.fail(f"{key}.options.{name}", f"one of {sorted(allowed)} for kind '{kind}'")
        for name, (typ, required, _default) in allowed.items():
            if required and name not in raw_opts:
                raise self.fail(f"{key}.options.{name}", f"an option of kind '{kind}' (missing)")
            if name in raw_opts:
                options[name] = self.r.typed(raw_opts[name], f"{key}.options.{name}", typ, f"a {_kind_name(typ)}")
        return SectionSpec(
            id=section_id,
            title=self.r.title(data, key),
            kind=kind,
            relation=rel_id,
            columns=tuple(columns),
            order_by=self.order_by(data.get("order_by"), f"{key}.order_by"),
            item_title=self.r.opt(data, "item_title", key, str, "a title template such as '{field}'", None),
            options=options,
        )

    def cards(self, raw: Any, relations: dict[str, RelationSpec]) -> dict[str, CardSpec]:
        data = self.r.obj(raw, "cards") if raw is not None else {}
        out: dict[str, CardSpec] = {}
        for layer_id, card in data.items():
            key = f"cards.{layer_id}"
            if layer_id not in self.layer_ids:
                raise self.fail(key, f"one of the catalog's layer ids {sorted(self.layer_ids)}")
            card = self.r.obj(card, key)
            attributes = self.r.opt(card, "attributes", key, list, "a list of field names", [])
            for j, name in enumerate(attributes):
                self.r.typed(name, f"{key}.attributes[{j}]", str, "a field name")
            sections = [
                self.section(s, f"{key}.sections[{j}]", layer_id, relations)
                for j, s in enumerate(self.r.opt(card, "sections", key, list, "a list of sections", []))
            ]
            ids = [s.id for s in sections]
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise self.fail(f"{key}.sections", f"unique section ids, '{duplicates[0]}' appears twice")
            out[layer_id] = CardSpec(
                layer=layer_id,
                title=self.r.opt(card, "title", key, str, "a title template such as '{name} ({id})'", None),
                attributes=tuple(attributes),
                sections=tuple(sections),
            )
        return out

    def rule_relation(
        self, rule: dict, name: str, key: str, layer_id: str, relations: dict[str, RelationSpec], required: bool
    ) -> Optional[str]:
        if required:
            value = self.r.req(rule, name, key, str, "a relation id")
        else:
            value = self.r.opt(rule, name, key, str, "a relation id", None)
        if value is None:
            return None
        rel = relations.get(value)
        if rel is None:
            raise self.fail(f"{key}.{name}", f"one of the relation ids {sorted(relations)}, got '{value}'")
        if rel.from_layer != layer_id:
            raise self.fail(f"{key}.{name}", f"a relation from '{layer_id}', '{value}' is from '{rel.from_layer}'")
        return value

    def warnings(self, raw: Any, relations: dict[str, RelationSpec]) -> tuple[WarningSpec, ...]:
        items = self.r.typed(raw, "warnings", list, "a list of warning rules") if raw is not None else []
        out = []
        for i, rule in enumerate(items):
            key = f"warnings[{i}]"
            rule = self.r.obj(rule, key)
            rule_id = self.r.req(rule, "id", key, str, "a warning id")
            key = f"warnings[{i}:{rule_id}]"
            kind = self.r.req(rule, "kind", key, str, f"one of {list(WARNING_KINDS)}")
            if kind not in WARNING_KINDS:
                raise self.fail(f"{key}.kind", f"one of {list(WARNING_KINDS)}, got '{kind}'")
            layer_id = self.layer_ref(rule, "layer", key)

            permits = self.rule_relation(rule, "permits", key, layer_id, relations, True)
            plan = self.rule_relation(rule, "plan", key, layer_id, relations, kind == "dig_before_paving")
            fields = self.r.obj(self.r.req(rule, "fields", key, dict, "an object of field names"), f"{key}.fields")
            for role, required in WARNING_FIELDS[kind].items():
                if required and role not in fields:
                    raise self.fail(f"{key}.fields.{role}", f"a field name for '{role}' (missing)")
            for role, name in fields.items():
                if role not in WARNING_FIELDS[kind]:
                    raise self.fail(f"{key}.fields.{role}", f"one of {sorted(WARNING_FIELDS[kind])}")
                self.r.typed(name, f"{key}.fields.{role}", str, "a field name")
            severity = self.r.opt(rule, "severity", key, str, f"one of {list(SEVERITIES)}", "warning")
            if severity not in SEVERITIES:
                raise self.fail(f"{key}.severity", f"one of {list(SEVERITIES)}, got '{severity}'")
            via = []
            for j, v in enumerate(self.r.opt(rule, "via", key, list, "a list of {layer, relation}", [])):
                vkey = f"{key}.via[{j}]"
                v = self.r.obj(v, vkey)
                via_layer = self.layer_ref(v, "layer", vkey)
                via_rel = self.r.req(v, "relation", vkey, str, "a relation id")
                rel = relations.get(via_rel)
                if rel is None or rel.from_layer != via_layer or rel.to_layer != layer_id:
                    raise self.fail(
                        f"{vkey}.relation", f"a relation from '{via_layer}' to '{layer_id}', got '{via_rel}'"
                    )
                via.append(ViaSpec(via_layer, via_rel))
            years_default = self.r.opt(rule, "years_default", key, int, "an integer number of years", 3)
            years_ahead = self.r.opt(rule, "years_ahead", key, int, "an integer number of years", 1)
            out.append(
                WarningSpec(
                    id=rule_id,
                    kind=kind,
                    title=self.r.title(rule, key),
                    layer=layer_id,
                    permits=permits,
                    plan=plan,
                    fields=dict(fields),
                    severity=severity,
                    years_setting=self.r.opt(rule, "years_setting", key, str, "a setting name", None),
                    years_default=years_default,
                    years_ahead=years_ahead,
                    via=tuple(via),
                )
            )
        ids = [w.id for w in out]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise self.fail("warnings", f"unique warning ids, '{duplicates[0]}' appears twice")
        return tuple(out)


def _kind_name(typ: type | tuple) -> str:
    names = {str: "text", bool: "true or false", int: "integer", float: "number"}
    if isinstance(typ, tuple):
        return " or ".join(names.get(t, t.__name__) for t in typ)
    return names.get(typ, typ.__name__)


def parse_identify(catalog: Catalog) -> IdentifyConfig:
    """Validate ``catalog.extra``'s identify keys and build an :class:`IdentifyConfig`."""
    p = _Parser(catalog)
    extra = catalog.extra
    ident = p.identify(extra.get("identify"))
    relations = p.relations(extra.get("relations"))
    return IdentifyConfig(
        catalog=catalog,
        metric_crs=ident["metric_crs"],
        default_radius_m=ident["default_radius_m"],
        fallback=ident["fallback"],
        labels=p.labels(extra.get("labels")),
        relations=relations,
        cards=p.cards(extra.get("cards"), relations),
        warnings=p.warnings(extra.get("warnings"), relations),
    )
