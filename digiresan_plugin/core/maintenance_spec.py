"""What the maintenance side reads from the catalog besides the domains: key relations (parent → child tables:
from the parent's key, without a filter),
spatial relation distances, derived fields (a stored copy kept current by triggers) and the history tables.

Read straight from the catalog's JSON (``relations``, ``derived_fields``, ``history``); malformed entries raise
:class:`~.catalog.CatalogError` with file, key and expectation.
"""

from __future__ import annotations

import json
import math
import weakref
from dataclasses import dataclass
from typing import Any, Optional

from .catalog import Catalog, CatalogError
from .tr import tr

DEFAULT_HISTORY_TABLE = "twin_history"
DEFAULT_SESSION_TABLE = "twin_session"


@dataclass(frozen=True)
class KeyRelation:
    """Child rows of ``child`` whose ``child_field`` equals the parent's ``parent_field``."""

    id: str
    parent: str
    child: str
    parent_field: str
    child_field: str


@dataclass(frozen=True)
class SpatialRelation:
    id: str
    from_layer: str
    to_layer: str
    predicate: str
    distance_m: Optional[float]


@dataclass(frozen=True)
class DerivedField:
    """``layer.field`` holds the ``value_field`` of the child row with the latest ``latest_by`` (via ``relation``)."""

    id: str
    layer: str
    field: str
    relation: KeyRelation
    value_field: str
    latest_by: str


@dataclass(frozen=True)
class HistorySpec:
    table: str = DEFAULT_HISTORY_TABLE
    session_table: str = DEFAULT_SESSION_TABLE


@dataclass(frozen=True)
class MaintenanceSpec:
    key_relations: tuple[KeyRelation, ...]
    spatial_relations: tuple[SpatialRelation, ...]
    derived: tuple[DerivedField, ...]
    history: HistorySpec

    def children_of(self, layer_id: str) -> list[KeyRelation]:
        return [r for r in self.key_relations if r.parent == layer_id]

    def parents_of(self, layer_id: str) -> list[KeyRelation]:
        return [r for r in self.key_relations if r.child == layer_id]

    def key_relation(self, relation_id: str) -> Optional[KeyRelation]:
        return next((r for r in self.key_relations if r.id == relation_id), None)

    def spatial_relation(self, relation_id: str) -> Optional[SpatialRelation]:
        return next((r for r in self.spatial_relations if r.id == relation_id), None)

    def derived_fields(self, layer_id: str) -> set[str]:
        return {d.field for d in self.derived if d.layer == layer_id}


def _fail(catalog: Catalog, key: str, expected: str) -> CatalogError:
    return CatalogError(catalog.path, key, expected)


def _text(catalog: Catalog, raw: dict, name: str, key: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value:
        raise _fail(
            catalog,
            f"{key}.{name}",
            tr("a non-empty text, got {value}").format(value=json.dumps(value, ensure_ascii=False)),
        )
    return value


def parse_maintenance(catalog: Catalog) -> MaintenanceSpec:
    layer_ids = {spec.id for spec in catalog.layers}
    keys: list[KeyRelation] = []
    spatial: list[SpatialRelation] = []
    raw_relations = catalog.extra.get("relations", [])
    if not isinstance(raw_relations, list):
        raise _fail(catalog, "relations", tr('a list of relations'))
    for i, raw in enumerate(raw_relations):
        if not isinstance(raw, dict):
            raise _fail(catalog, f"relations[{i}]", tr('an object'))
        key = f"relations[{i}]"
        rel_id = _text(catalog, raw, "id", key)
        key = f"relations[{i}:{rel_id}]"
        parent, child = _text(catalog, raw, "from", key), _text(catalog, raw, "to", key)
        for name, layer in (("from", parent), ("to", child)):
            if layer not in layer_ids:
                raise _fail(
                    catalog, f"{key}.{name}", tr("a layer id of the catalog, got '{layer}'").format(layer=layer)
                )
        if raw.get("type") == "key":
            from_field = _text(catalog, raw, "from_field", key)
            if raw.get("where") or from_field != catalog.layer(parent).key:
                continue  # a filtered link (e.g. documents by layer and key) or a lookup: no parent and child
            keys.append(KeyRelation(rel_id, parent, child, from_field, _text(catalog, raw, "to_field", key)))
        else:
            distance = raw.get("distance_m")
            if distance is not None and (isinstance(distance, bool) or not isinstance(distance, (int, float))
                                         or not math.isfinite(distance) or distance < 0):
                raise _fail(
                    catalog,
                    f"{key}.distance_m",
                    tr("a finite number ≥ 0, got {distance}").format(distance=json.dumps(distance)),
                )
            spatial.append(SpatialRelation(rel_id, parent, child, str(raw.get("predicate", "")),
                                           float(distance) if distance is not None else None))
    by_id = {r.id: r for r in keys}
    derived: list[DerivedField] = []
    raw_derived = catalog.extra.get("derived_fields", [])
    if not isinstance(raw_derived, list):
        raise _fail(catalog, "derived_fields", tr('a list of derived fields'))
    for i, raw in enumerate(raw_derived):
        key = f"derived_fields[{i}]"
        if not isinstance(raw, dict):
            raise _fail(catalog, key, tr('an object'))
        relation_id = _text(catalog, raw, "relation", key)
        relation = by_id.get(relation_id)
        if relation is None:
            raise _fail(
                catalog,
                f"{key}.relation",
                tr("the id of a key relation ({by_id})").format(by_id=", ".join(sorted(by_id))),
            )
        layer = _text(catalog, raw, "layer", key)
        if layer != relation.parent:
            raise _fail(
                catalog,
                f"{key}.layer",
                tr("'{parent}' (the parent of relation '{relation_id}')").format(
                    parent=relation.parent, relation_id=relation_id
                ),
            )
        derived.append(DerivedField(_text(catalog, raw, "id", key), layer, _text(catalog, raw, "field", key),
                                    relation, _text(catalog, raw, "value_field", key),
                                    _text(catalog, raw, "latest_by", key)))
    raw_history: Any = catalog.extra.get("history", {})
    if not isinstance(raw_history, dict):
        raise _fail(catalog, "history", tr("an object with 'table' and 'session_table'"))
    history = HistorySpec(
        table=_identifier(catalog, raw_history.get("table", DEFAULT_HISTORY_TABLE), "history.table"),
        session_table=_identifier(catalog, raw_history.get("session_table", DEFAULT_SESSION_TABLE),
                                  "history.session_table"),
    )
    return MaintenanceSpec(tuple(keys), tuple(spatial), tuple(derived), history)


def _identifier(catalog: Catalog, value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.replace("_", "").isalnum() or not value[:1].isalpha():
        raise _fail(
            catalog, key, tr("a table name of letters, digits and '_', got {value}").format(value=json.dumps(value))
        )
    return value


_CACHE: dict[int, tuple["weakref.ref[Catalog]", MaintenanceSpec]] = {}


def maintenance_spec(catalog: Catalog) -> MaintenanceSpec:
    """:func:`parse_maintenance`, parsed once per catalog object."""
    cached = _CACHE.get(id(catalog))
    if cached is None or cached[0]() is not catalog:
        for key in [k for k, (ref, _spec) in _CACHE.items() if ref() is None]:
            del _CACHE[key]
        # a weak reference: the cache must not keep a catalog (and what hangs on it) alive past its users
        cached = (weakref.ref(catalog), parse_maintenance(catalog))
        _CACHE[id(catalog)] = cached
    return cached[1]
