"""Reading the catalog's ``warnings``: coordination rules, the relations and fields each reads, where else the
warnings show (``via``)."""

from __future__ import annotations

from typing import Any, Optional

from ..tr import tr
from .config_item_warnings import item_parts
from .config_reader import SpecReader
from .config_relations import relation_from
from .specs import (
    ITEM_WARNING_KINDS,
    SEVERITIES,
    WARNING_FIELDS,
    WARNING_KINDS,
    RelationSpec,
    ViaSpec,
    WarningSpec,
)


def _rule_relation(p: SpecReader, rule: dict, name: str, key: str, layer_id: str,
                   relations: dict[str, RelationSpec], required: bool) -> Optional[str]:
    if required:
        value = p.r.req(rule, name, key, str, tr('a relation id'))
    else:
        value = p.r.opt(rule, name, key, str, tr('a relation id'), None)
    if value is None:
        return None
    return relation_from(p, relations, value, f"{key}.{name}", layer_id)


def _fields(p: SpecReader, rule: dict, key: str, kind: str) -> dict[str, str]:
    fields = p.r.obj(p.r.req(rule, "fields", key, dict, tr('an object of field names')), f"{key}.fields")
    for role, required in WARNING_FIELDS[kind].items():
        if required and role not in fields:
            raise p.fail(f"{key}.fields.{role}", tr("a field name for '{role}' (missing)").format(role=role))
    for role, name in fields.items():
        if role not in WARNING_FIELDS[kind]:
            raise p.fail(
                f"{key}.fields.{role}",
                tr("one of {warning_fields}").format(warning_fields=sorted(WARNING_FIELDS[kind])),
            )
        p.r.typed(name, f"{key}.fields.{role}", str, tr('a field name'))
    return dict(fields)


def _via(p: SpecReader, rule: dict, key: str, layer_id: str, relations: dict[str, RelationSpec]) -> tuple[ViaSpec, ...]:
    via = []
    for j, v in enumerate(p.r.opt(rule, "via", key, list, tr('a list of {layer, relation}'), [])):
        vkey = f"{key}.via[{j}]"
        v = p.r.obj(v, vkey)
        via_layer = p.layer_ref(v, "layer", vkey)
        via_rel = p.r.req(v, "relation", vkey, str, tr('a relation id'))
        rel = relations.get(via_rel)
        if rel is None or rel.from_layer != via_layer or rel.to_layer != layer_id:
            raise p.fail(
                f"{vkey}.relation",
                tr("a relation from '{via_layer}' to '{layer_id}', got '{via_rel}'").format(
                    via_layer=via_layer, layer_id=layer_id, via_rel=via_rel
                ),
            )
        via.append(ViaSpec(via_layer, via_rel))
    return tuple(via)


def _severity(p: SpecReader, rule: dict, key: str) -> str:
    severity = p.r.opt(
        rule, "severity", key, str, tr("one of {severities}").format(severities=list(SEVERITIES)), "warning"
    )
    if severity not in SEVERITIES:
        raise p.fail(
            f"{key}.severity",
            tr("one of {severities}, got '{severity}'").format(severities=list(SEVERITIES), severity=severity),
        )
    return severity


def parse_warnings(p: SpecReader, raw: Any, relations: dict[str, RelationSpec]) -> tuple[WarningSpec, ...]:
    items = p.r.typed(raw, "warnings", list, tr('a list of warning rules')) if raw is not None else []
    out = []
    for i, rule in enumerate(items):
        key = f"warnings[{i}]"
        rule = p.r.obj(rule, key)
        rule_id = p.r.req(rule, "id", key, str, tr('a warning id'))
        key = f"warnings[{i}:{rule_id}]"
        kind = p.r.req(rule, "kind", key, str, tr('one of {warning_kinds}').format(warning_kinds=list(WARNING_KINDS)))
        if kind not in WARNING_KINDS:
            raise p.fail(
                f"{key}.kind",
                tr("one of {warning_kinds}, got '{kind}'").format(warning_kinds=list(WARNING_KINDS), kind=kind),
            )
        layer_id = p.layer_ref(rule, "layer", key)
        if kind in ITEM_WARNING_KINDS:
            out.append(WarningSpec(
                id=rule_id, kind=kind, title=p.r.title(rule, key), layer=layer_id, permits=None,
                fields=_fields(p, rule, key, kind) if "fields" in rule or WARNING_FIELDS[kind] else {},
                severity=_severity(p, rule, key), via=_via(p, rule, key, layer_id, relations),
                **item_parts(p, rule, key, kind, layer_id, relations),
            ))
            continue
        permits = _rule_relation(p, rule, "permits", key, layer_id, relations, True)
        plan = _rule_relation(p, rule, "plan", key, layer_id, relations, kind == "dig_before_paving")
        fields = _fields(p, rule, key, kind)
        severity = _severity(p, rule, key)
        via = _via(p, rule, key, layer_id, relations)
        years_default = p.years(rule, "years_default", key, 3)
        years_ahead = p.years(rule, "years_ahead", key, 1)
        out.append(WarningSpec(
            id=rule_id, kind=kind, title=p.r.title(rule, key), layer=layer_id, permits=permits, plan=plan,
            fields=fields, severity=severity,
            years_setting=p.r.opt(rule, "years_setting", key, str, tr('a setting name'), None),
            years_default=years_default, years_ahead=years_ahead, via=via,
        ))
    ids = [w.id for w in out]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise p.fail(
            "warnings", tr("unique warning ids, '{duplicates}' appears twice").format(duplicates=duplicates[0])
        )
    return tuple(out)
