"""The item warning rules of a feature (kinds ``expiring``, ``requires_match``, ``overdue``, see
:mod:`.item_rules`): the rule reads the feature itself (and one relation for ``requires_match``), its message is the
catalog's template filled with the feature's fields and what the rule found."""

from __future__ import annotations

from typing import Any, Callable, Optional

from .context import ReportContext
from .item_rules import expiring, has_match, matches, overdue, plain
from .relations import related
from .report import TwinWarning
from .specs import WarningSpec
from .subjects import SubjectFeature, fill_template
from .values import as_date, as_int


def optional_absent(ctx: ReportContext, layer_id: str) -> bool:
    """``layer_id`` is an optional catalog layer the project does not have (its rules are skipped silently)."""
    return ctx.setup.catalog.layer(layer_id).optional and ctx.handle(layer_id) is None


def may_fire(rule: WarningSpec, attrs: dict[str, Any], today: Any) -> bool:
    """False when ``attrs`` (a related row: some of the feature's fields) already show that ``rule`` cannot fire
    for the feature — its ``when`` fails, or the dates it reads are there and outside its window — so the feature is
    not read in full nor its relation queried. True when it may fire or the row lacks a field the rule reads."""
    if rule.when:
        if any(c.field not in attrs for c in rule.when):
            return True
        if not matches(rule.when, attrs):
            return False
    if rule.kind == "expiring":
        end, notice = rule.fields["end"], rule.fields.get("notice_months", "")
        if end in attrs and (not notice or notice in attrs):
            return expiring(as_date(attrs.get(end)), as_int(attrs.get(notice)),
                            int(rule.options.get("default_notice_days", 90)), today) is not None
    return True


def evaluate(ctx: ReportContext, rule: WarningSpec, target: SubjectFeature) -> list[TwinWarning]:
    """The warnings of one item rule about ``target`` (a feature of ``rule.layer``)."""
    setup = ctx.setup
    attrs = target.attrs
    if rule.when and not matches(rule.when, attrs):
        return []
    found: dict[str, Any]
    if rule.kind == "expiring":
        hit = expiring(as_date(attrs.get(rule.fields["end"])), as_int(attrs.get(rule.fields.get("notice_months", ""))),
                       int(rule.options.get("default_notice_days", 90)), setup.today)
        if hit is None:
            return []
        found = {"days": hit[0], "notice_by": setup.day(hit[1])}
    elif rule.kind == "overdue":
        months_by = rule.options.get("months") or {}
        kind = plain(attrs.get(rule.fields["class"])) if rule.fields.get("class") else ""
        months = months_by.get(kind, rule.options.get("default_months"))
        hit = overdue(as_date(attrs.get(rule.fields["date"])), as_int(months), setup.today)
        if hit is None:
            return []
        found = {"months": months, "due": setup.day(hit[0]) if hit[0] else "–"}
    else:  # requires_match
        rel = setup.config.relations[rule.related]
        if optional_absent(ctx, rel.to_layer):
            return []
        rows = related(ctx, rel, target)
        if rows.error:
            if rows.missing:
                ctx.note_missing(rel.to_layer, rule.title.text(setup.language))
            return []
        as_text = {k: plain(v) for k, v in attrs.items()}
        expected = {name: fill_template(template, as_text) for name, template in rule.options["expect"].items()}
        if has_match(expected, [r.attrs for r in rows.rows]):
            return []
        found = {"expected": " ".join(expected.values())}
    labels = setup.labels.of(target.layer, attrs, attrs) if setup.labels is not None else {}
    return [TwinWarning(rule.kind, rule.severity, _message(rule, attrs, found, setup.language, setup.day, labels),
                        [target.ref], rule.id)]


def _message(rule: WarningSpec, attrs: dict[str, Any], found: dict[str, Any], language: str,
             day: Callable[[Any], str], labels: dict[str, str]) -> str:
    """The rule's text filled with the feature's fields (coded values as their domain labels) and the findings."""
    template: Optional[str] = rule.message.text(language) if rule.message is not None else None
    values = dict(attrs)
    values.update(found)
    return fill_template(template or rule.title.text(language), values, day=day,
                         labels={k: v for k, v in labels.items() if k not in found})
