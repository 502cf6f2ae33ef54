"""Reading the catalog's ``cards``: which attributes and sections each subject layer's card has; each section's
options are checked against its kind (:mod:`.sections`)."""

from __future__ import annotations

from typing import Any

from ..tr import tr
from .config_reader import SpecReader
from .config_relations import relation_from
from .sections import KINDS, SECTION_KINDS
from .specs import CardSpec, RelationSpec, SectionSpec


def _type_name(typ: Any) -> str:
    names = {str: "text", bool: "true or false", int: "integer", float: "number"}
    if isinstance(typ, tuple):
        return " or ".join(names.get(t, t.__name__) for t in typ)
    return names.get(typ, typ.__name__)


def parse_section(p: SpecReader, raw: Any, key: str, layer_id: str, relations: dict[str, RelationSpec]) -> SectionSpec:
    data = p.r.obj(raw, key)
    section_id = p.r.req(data, "id", key, str, tr('a section id'))
    kind = p.r.req(data, "kind", key, str, tr('one of {section_kinds}').format(section_kinds=list(SECTION_KINDS)))
    if kind not in KINDS:
        raise p.fail(
            f"{key}.kind",
            tr("one of {section_kinds}, got '{kind}'").format(section_kinds=list(SECTION_KINDS), kind=kind),
        )
    rel_id = relation_from(p, relations, p.r.req(data, "relation", key, str, tr('a relation id')), f"{key}.relation",
                           layer_id)
    columns = p.field_names(data, "columns", key)
    raw_opts = p.r.obj(data.get("options") or {}, f"{key}.options")
    allowed = KINDS[kind].options
    for name in raw_opts:
        if name not in allowed:
            raise p.fail(
                f"{key}.options.{name}",
                tr("one of {allowed} for kind '{kind}'").format(allowed=sorted(allowed), kind=kind),
            )
    options: dict[str, Any] = {}
    for name, (typ, required, default) in allowed.items():
        if required and name not in raw_opts:
            raise p.fail(f"{key}.options.{name}", tr("an option of kind '{kind}' (missing)").format(kind=kind))
        options[name] = default
        if name in raw_opts:
            options[name] = p.r.typed(
                raw_opts[name], f"{key}.options.{name}", typ, tr("a {type_name}").format(type_name=_type_name(typ))
            )
    return SectionSpec(
        id=section_id,
        title=p.r.title(data, key),
        kind=kind,
        relation=rel_id,
        columns=tuple(columns),
        order_by=p.order_by(data.get("order_by"), f"{key}.order_by"),
        item_title=p.r.opt(data, "item_title", key, str, tr("a title template such as '{field}'"), None),
        options=options,
    )


def parse_cards(p: SpecReader, raw: Any, relations: dict[str, RelationSpec]) -> dict[str, CardSpec]:
    data = p.r.obj(raw, "cards") if raw is not None else {}
    out: dict[str, CardSpec] = {}
    for layer_id, card in data.items():
        key = f"cards.{layer_id}"
        if layer_id not in p.layer_ids:
            raise p.fail(key, tr("one of the catalog's layer ids {layer_ids}").format(layer_ids=sorted(p.layer_ids)))
        card = p.r.obj(card, key)
        attributes = p.field_names(card, "attributes", key)
        sections = [
            parse_section(p, s, f"{key}.sections[{j}]", layer_id, relations)
            for j, s in enumerate(p.r.opt(card, "sections", key, list, tr('a list of sections'), []))
        ]
        ids = [s.id for s in sections]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise p.fail(
                f"{key}.sections",
                tr("unique section ids, '{duplicates}' appears twice").format(duplicates=duplicates[0]),
            )
        out[layer_id] = CardSpec(
            layer=layer_id,
            title=(
                p.r.title(card, key)
                if isinstance(card.get("title"), dict)
                else p.r.opt(
                    card,
                    "title",
                    key,
                    str,
                    tr("a title template such as '{name} ({id})' or an object with 'en' and 'sv' templates"),
                    None,
                )
            ),
            attributes=tuple(attributes),
            sections=tuple(sections),
        )
    return out
