"""Reading the catalog's item warning rules (kinds ``expiring``, ``requires_match``, ``overdue``): the options of
each kind and the message template in English and Swedish."""

from __future__ import annotations

from typing import Any

from ..catalog import Title
from ..tr import tr
from .config_reader import SpecReader
from .config_relations import relation_from
from .specs import RelationSpec

#: option -> (type, required, default) per kind
ITEM_OPTIONS: dict[str, dict[str, tuple[Any, bool, Any]]] = {
    "expiring": {"default_notice_days": (int, False, 90)},
    "overdue": {"months": (dict, True, None), "default_months": (int, False, None)},
    "requires_match": {"expect": (dict, True, None)},
}


def item_parts(p: SpecReader, rule: dict, key: str, kind: str, layer_id: str,
               relations: dict[str, RelationSpec]) -> dict[str, Any]:
    """The item-kind keys of one rule as :class:`~.specs.WarningSpec` keyword arguments."""
    out: dict[str, Any] = {"when": p.conditions(rule.get("when"), f"{key}.when")}
    options: dict[str, Any] = {}
    for name, (typ, required, default) in ITEM_OPTIONS[kind].items():
        if required and name not in rule:
            raise p.fail(f"{key}.{name}", tr("an option of kind '{kind}' (missing)").format(kind=kind))
        options[name] = p.r.typed(rule[name], f"{key}.{name}", typ, typ.__name__) if name in rule else default
    if kind == "overdue":
        for cls, months in options["months"].items():
            if isinstance(months, bool) or not isinstance(months, int) or months < 1:
                raise p.fail(
                    f"{key}.months.{cls}", tr("a whole number of months ≥ 1, got {months}").format(months=repr(months))
                )
    if kind == "requires_match":
        out["related"] = relation_from(p, relations, p.r.req(rule, "related", key, str, tr('a relation id')),
                                       f"{key}.related", layer_id)
        expect = options["expect"]
        if not expect:
            raise p.fail(f"{key}.expect", tr('an object of related field: value template'))
        for name, template in expect.items():
            p.r.typed(template, f"{key}.expect.{name}", str, tr("a value template such as 'C31-{value}'"))
        out["related_fields"] = tuple(expect)
    out["options"] = options
    if "message" in rule:
        texts = p.r.obj(rule["message"], f"{key}.message")
        out["message"] = Title(*[p.r.req(texts, lang, f"{key}.message", str, tr('a message template'))
                                 for lang in ("en", "sv")])
    return out
