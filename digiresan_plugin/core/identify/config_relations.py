"""Reading the catalog's ``relations``: how a subject layer relates to another, by key or spatially."""

from __future__ import annotations

from typing import Any

from ..tr import tr
from .config_reader import SpecReader
from .specs import RELATION_TYPES, SPATIAL_PREDICATES, RelationSpec


def parse_relations(p: SpecReader, raw: Any) -> dict[str, RelationSpec]:
    items = p.r.typed(raw, "relations", list, tr('a list of relations')) if raw is not None else []
    out: dict[str, RelationSpec] = {}
    for i, rel in enumerate(items):
        key = f"relations[{i}]"
        rel = p.r.obj(rel, key)
        rel_id = p.r.req(rel, "id", key, str, tr('a relation id'))
        key = f"relations[{i}:{rel_id}]"
        if rel_id in out:
            raise p.fail("relations", tr("unique relation ids, '{rel_id}' appears twice").format(rel_id=rel_id))
        kind = p.r.req(rel, "type", key, str, tr('one of {relation_types}').format(relation_types=list(RELATION_TYPES)))
        if kind not in RELATION_TYPES:
            raise p.fail(
                f"{key}.type",
                tr("one of {relation_types}, got '{kind}'").format(relation_types=list(RELATION_TYPES), kind=kind),
            )
        spatial = kind == "spatial"
        from_layer = p.layer_ref(rel, "from", key, spatial=spatial)
        to_layer = p.layer_ref(rel, "to", key, spatial=spatial)
        where = p.conditions(rel.get("where"), f"{key}.where")
        if kind == "any":
            out[rel_id] = _any(p, rel, key, rel_id, from_layer, to_layer, out)
            continue
        if kind == "key":
            out[rel_id] = RelationSpec(
                rel_id, from_layer, to_layer, kind,
                from_field=p.r.req(rel, "from_field", key, str, tr("a field of the 'from' layer")),
                to_field=p.r.req(rel, "to_field", key, str, tr("a field of the 'to' layer")),
                where=where,
            )
            continue
        predicate = p.r.req(
            rel,
            "predicate",
            key,
            str,
            tr("one of {spatial_predicates}").format(spatial_predicates=list(SPATIAL_PREDICATES)),
        )
        if predicate not in SPATIAL_PREDICATES:
            raise p.fail(
                f"{key}.predicate",
                tr("one of {spatial_predicates}, got '{predicate}'").format(
                    spatial_predicates=list(SPATIAL_PREDICATES), predicate=predicate
                ),
            )
        distance = p.number(rel, "distance_m", key, 0.0)
        if predicate == "nearest" and distance <= 0:
            raise p.fail(f"{key}.distance_m", tr("a search distance > 0 for 'nearest'"))
        limit = p.r.opt(rel, "limit", key, int, tr('a positive integer'), 1 if predicate == "nearest" else None)
        if limit is not None and limit < 1:
            raise p.fail(f"{key}.limit", tr('a positive integer, got {limit}').format(limit=limit))
        min_length = p.number(rel, "min_length_m", key, 0.0) if predicate == "along" else 0.0
        out[rel_id] = RelationSpec(
            rel_id, from_layer, to_layer, kind, predicate=predicate, distance_m=distance, limit=limit, where=where,
            min_length_m=min_length,
        )
    return out


def _any(p: SpecReader, rel: dict, key: str, rel_id: str, from_layer: str, to_layer: str,
         known: dict[str, RelationSpec]) -> RelationSpec:
    """``{"type": "any", "of": [...]}``: relations listed before it, from and to the same layers."""
    of = p.r.req(rel, "of", key, list, tr('a list of relation ids (listed before this one)'))
    if not of:
        raise p.fail(f"{key}.of", tr('a non-empty list of relation ids'))
    for j, sub_id in enumerate(of):
        sub = known.get(sub_id) if isinstance(sub_id, str) else None
        if sub is None or sub.type == "any":
            raise p.fail(
                f"{key}.of[{j}]",
                tr("the id of a key or spatial relation listed before '{rel_id}', got {sub_id}").format(
                    rel_id=rel_id, sub_id=repr(sub_id)
                ),
            )
        if sub.from_layer != from_layer or sub.to_layer != to_layer:
            raise p.fail(
                f"{key}.of[{j}]",
                tr(
                    "a relation from '{from_layer}' to '{to_layer}', '{sub_id}' is from '{from_layer2}' to "
                    "'{to_layer2}'"
                ).format(
                    from_layer=from_layer,
                    to_layer=to_layer,
                    sub_id=sub_id,
                    from_layer2=sub.from_layer,
                    to_layer2=sub.to_layer,
                ),
            )
    return RelationSpec(rel_id, from_layer, to_layer, "any", of=tuple(of))


def relation_from(p: SpecReader, relations: dict[str, RelationSpec], value: str, key: str, layer_id: str) -> str:
    """``value`` if it is a relation id from ``layer_id``, else the error naming ``key``."""
    rel = relations.get(value)
    if rel is None:
        raise p.fail(
            key,
            tr("one of the relation ids {relations}, got '{value}'").format(relations=sorted(relations), value=value),
        )
    if rel.from_layer != layer_id:
        raise p.fail(
            key,
            tr("a relation from '{layer_id}', '{value}' is from '{from_layer}'").format(
                layer_id=layer_id, value=value, from_layer=rel.from_layer
            ),
        )
    return value
