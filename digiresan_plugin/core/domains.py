"""Field domains and field rules of the catalog: what a value of a twin field may be.

Two top-level catalog keys (no layer names in code):

- ``domains``: named value sets — ``{"type": "text"|"integer", "title": {...}, "values": [{"code", "en", "sv"}]}``,
  a ``"range": [min, max]``, ``"table": "sign_codes.json"`` (the bundled sign-code table; codes with a value are
  listed as ``CODE-VALUE`` for each of ``"value_variants"``) or ``"table": "catalog_layers"`` (the catalog's own
  layers: a layer id, labelled with what one of its features is, for fields that link to another layer). Cards
  show a value's label in the card's language; ``"show": "code"`` keeps the code where it is an id people use
  (a sign code: the card names it beside it).
- ``field_rules``: ``{layer: {field: rule}}``; a rule may name a ``domain``, give an inline ``range``, and set
  ``not_null``, ``unique``, ``not_in_future``, ``read_only``, ``amount`` (a sum in kronor: cards show
  "370 000 kr"), a ``default`` (QGIS expression) and a ``constraint`` (QGIS ``expression``, optional ``sql`` for
  the databases) with a Swedish/English ``message``.

Forms (:mod:`.forms`), the quality report (:mod:`.quality`) and the database migration all follow these rules.
A malformed entry raises :class:`~.catalog.CatalogError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional, Union

from .catalog import Catalog, CatalogError, Title
from .sign_codes import sign_name
from .tr import tr

Code = Union[str, int]
DOMAIN_TYPES = ("text", "integer")
RULE_KEYS = {"domain", "range", "not_null", "unique", "not_in_future", "read_only", "default", "constraint",
             "attachment", "amount"}
DOMAIN_TABLES = ("sign_codes.json", "catalog_layers")


@dataclass(frozen=True)
class DomainValue:
    """One allowed value: the stored ``code`` and its label per language."""

    code: Code
    label: Title

    def text(self, language: str) -> str:
        return self.label.text(language)


@dataclass(frozen=True)
class Domain:
    """A named set of allowed values (``values``) or an inclusive numeric ``range``."""

    id: str
    type: str
    title: Title
    values: tuple[DomainValue, ...] = ()
    range: Optional[tuple[float, float]] = None
    show_code: bool = False  # ``"show": "code"``: cards show the code itself (an id), not its label

    @property
    def codes(self) -> tuple[Code, ...]:
        return tuple(v.code for v in self.values)

    def label(self, code: Any, language: str) -> Optional[str]:
        """The label of ``code`` (None when it is not in the domain)."""
        for value in self.values:
            if value.code == code:
                return value.text(language)
        return None

    def allows(self, value: Any) -> bool:
        """True for NULL (not-null is a rule of its own) and for values inside the domain."""
        if value is None:
            return True
        if self.range is not None:
            number = _number(value)
            return number is not None and self.range[0] <= number <= self.range[1]
        if self.type == "integer":
            number = _number(value)
            return number is not None and number == int(number) and int(number) in self.codes
        return str(value) in self.codes


@dataclass(frozen=True)
class Constraint:
    """An extra constraint on a field: a QGIS expression (forms, quality report), optionally the same as SQL over
    the table's columns (``sql``: database triggers and CHECK constraints), and the message users see."""

    expression: str
    message: Title
    sql: Optional[str] = None


@dataclass(frozen=True)
class FieldRule:
    """Everything the catalog says about one field of one layer."""

    layer: str
    field: str
    domain: Optional[Domain] = None
    range: Optional[tuple[float, float]] = None
    not_null: bool = False
    unique: bool = False
    not_in_future: bool = False
    read_only: bool = False
    default: Optional[str] = None
    constraint: Optional[Constraint] = None
    attachment: bool = False  # a file (relative to the twin's folder) or an address: the form's file picker
    amount: bool = False  # a sum in kronor (cards group its digits and add "kr")

    @property
    def value_range(self) -> Optional[tuple[float, float]]:
        """The inclusive numeric range: the rule's own, else its domain's."""
        if self.range is not None:
            return self.range
        return self.domain.range if self.domain is not None else None


@dataclass(frozen=True)
class FieldDomains:
    """The catalog's domains and field rules."""

    domains: dict[str, Domain] = field(default_factory=dict)
    rules: dict[str, dict[str, FieldRule]] = field(default_factory=dict)  # layer -> field -> rule

    def rules_for(self, layer_id: str) -> list[FieldRule]:
        return list(self.rules.get(layer_id, {}).values())

    def rule(self, layer_id: str, field_name: str) -> Optional[FieldRule]:
        return self.rules.get(layer_id, {}).get(field_name)


def _number(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class _Parser:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.layer_ids = {spec.id for spec in catalog.layers}

    def fail(self, key: str, expected: str) -> CatalogError:
        return CatalogError(self.catalog.path, key, expected)

    def obj(self, value: Any, key: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, tr('an object, got {value}').format(value=json.dumps(value, ensure_ascii=False)[:80]))
        return value

    def title(self, raw: Any, key: str) -> Title:
        raw = self.obj(raw, key)
        texts = []
        for lang in ("en", "sv"):
            text = raw.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{key}.{lang}", tr('a non-empty text'))
            texts.append(text)
        return Title(*texts)

    def flag(self, raw: dict, name: str, key: str) -> bool:
        value = raw.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(
                f"{key}.{name}", tr("true or false, got {value}").format(value=json.dumps(value, ensure_ascii=False))
            )
        return value

    def range(self, value: Any, key: str) -> tuple[float, float]:
        if (not isinstance(value, list) or len(value) != 2
                or any(_number(v) is None or isinstance(v, bool) for v in value)):
            raise self.fail(
                key,
                tr("[min, max] with two finite numbers, got {value}").format(
                    value=json.dumps(value, ensure_ascii=False)
                ),
            )
        low, high = float(value[0]), float(value[1])
        if low > high:
            raise self.fail(key, tr('min ≤ max, got [{value}, {value2}]').format(value=value[0], value2=value[1]))
        return low, high

    def code(self, value: Any, kind: str, key: str) -> Code:
        ok = isinstance(value, str) and value != "" if kind == "text" else (
            isinstance(value, int) and not isinstance(value, bool))
        if not ok:
            what = "a non-empty text" if kind == "text" else "an integer"
            raise self.fail(
                key,
                tr("{what} (the domain's type is {kind}), got {value}").format(
                    what=what, kind=kind, value=json.dumps(value, ensure_ascii=False)
                ),
            )
        return value

    def domain(self, domain_id: str, raw: Any) -> Domain:
        key = f"domains.{domain_id}"
        raw = self.obj(raw, key)
        kind = raw.get("type")
        if kind not in DOMAIN_TYPES:
            raise self.fail(
                f"{key}.type",
                tr("one of {domain_types}, got {kind}").format(domain_types=list(DOMAIN_TYPES), kind=json.dumps(kind)),
            )
        title = self.title(raw.get("title"), f"{key}.title")
        sources = [name for name in ("values", "range", "table") if name in raw]
        if len(sources) != 1:
            raise self.fail(key, tr("exactly one of 'values', 'range' or 'table'"))
        show = raw.get("show", "label")
        if show not in ("label", "code"):
            raise self.fail(f"{key}.show", tr("'label' or 'code', got {show}").format(show=json.dumps(show)))
        show_code = show == "code"
        if "range" in raw:
            return Domain(domain_id, kind, title, range=self.range(raw["range"], f"{key}.range"))
        if "table" in raw:
            return Domain(domain_id, kind, title, values=self.table_values(raw, key), show_code=show_code)
        items = raw["values"]
        if not isinstance(items, list) or not items:
            raise self.fail(f"{key}.values", tr('a non-empty list of {code, en, sv}'))
        values = []
        for i, item in enumerate(items):
            item_key = f"{key}.values[{i}]"
            item = self.obj(item, item_key)
            values.append(DomainValue(self.code(item.get("code"), kind, f"{item_key}.code"),
                                      self.title(item, item_key)))
        codes = [v.code for v in values]
        duplicates = sorted({str(c) for c in codes if codes.count(c) > 1})
        if duplicates:
            raise self.fail(
                f"{key}.values", tr("unique codes, '{duplicates}' appears twice").format(duplicates=duplicates[0])
            )
        return Domain(domain_id, kind, title, values=tuple(values), show_code=show_code)

    def table_values(self, raw: dict, key: str) -> tuple[DomainValue, ...]:
        """A table's rows as domain values: the sign-code table as ``code – name`` (codes with a value once per
        variant), or the catalog's layers (id → what one feature is)."""
        table = raw["table"]
        if table not in DOMAIN_TABLES:
            raise self.fail(
                f"{key}.table",
                tr("'sign_codes.json' (the bundled sign-code table) or 'catalog_layers' (the catalog's layers), "
                   "got {table}").format(table=json.dumps(table)),
            )
        if table == "catalog_layers":
            if raw.get("type") != "text":
                raise self.fail(f"{key}.type", tr("'text' (layer ids are text)"))
            return tuple(DomainValue(spec.id, spec.kind or spec.title) for spec in self.catalog.layers
                         if spec.key)
        variants = self.obj(raw.get("value_variants", {}), f"{key}.value_variants")
        codes = _sign_table_codes()
        if not codes:
            raise self.fail(f"{key}.table", tr('a readable bundled sign-code table resources/sign_codes.json'))
        values = []
        for code, entry in codes.items():
            if entry.get("value"):
                numbers = variants.get(code)
                if not isinstance(numbers, list) or not numbers or not all(
                        isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in numbers):
                    raise self.fail(f"{key}.value_variants.{code}",
                                    tr('a list of positive integers (sign {code} carries a value)').format(code=code))
                full = [f"{code}-{n}" for n in numbers]
            else:
                full = [code]
            for text in full:
                values.append(DomainValue(text, Title(f"{text} – {sign_name(text, 'en')}",
                                                      f"{text} – {sign_name(text, 'sv')}")))
        unknown = sorted(set(variants) - set(codes))
        if unknown:
            raise self.fail(f"{key}.value_variants.{unknown[0]}", tr('a code of the sign-code table'))
        return tuple(values)

    def rule(self, layer_id: str, field_name: str, raw: Any, domains: dict[str, Domain]) -> FieldRule:
        key = f"field_rules.{layer_id}.{field_name}"
        raw = self.obj(raw, key)
        unknown = sorted(set(raw) - RULE_KEYS)
        if unknown:
            raise self.fail(f"{key}.{unknown[0]}", tr('one of {rule_keys}').format(rule_keys=sorted(RULE_KEYS)))
        domain = None
        if "domain" in raw:
            domain = domains.get(raw["domain"]) if isinstance(raw["domain"], str) else None
            if domain is None:
                raise self.fail(
                    f"{key}.domain",
                    tr("one of {domains}, got {raw}").format(domains=sorted(domains), raw=json.dumps(raw["domain"])),
                )
        default = raw.get("default")
        if default is not None and (not isinstance(default, str) or not default.strip()):
            raise self.fail(f"{key}.default", tr('a QGIS expression (text)'))
        constraint = None
        if "constraint" in raw:
            craw = self.obj(raw["constraint"], f"{key}.constraint")
            expression = craw.get("expression")
            if not isinstance(expression, str) or not expression.strip():
                raise self.fail(f"{key}.constraint.expression", tr('a QGIS expression (text)'))
            sql = craw.get("sql")
            if sql is not None and (not isinstance(sql, str) or not sql.strip() or ";" in sql):
                raise self.fail(
                    f"{key}.constraint.sql", tr("an SQL expression over the table's columns (text, no ';')")
                )
            constraint = Constraint(expression, self.title(craw.get("message"), f"{key}.constraint.message"), sql)
        return FieldRule(
            layer=layer_id, field=field_name, domain=domain,
            range=self.range(raw["range"], f"{key}.range") if "range" in raw else None,
            not_null=self.flag(raw, "not_null", key), unique=self.flag(raw, "unique", key),
            not_in_future=self.flag(raw, "not_in_future", key), read_only=self.flag(raw, "read_only", key),
            default=default, constraint=constraint, attachment=self.flag(raw, "attachment", key),
            amount=self.flag(raw, "amount", key),
        )


@lru_cache(maxsize=1)
def _sign_table_codes() -> dict[str, dict]:
    from .sign_codes import sign_table

    return {code: entry for code, entry in sign_table()["codes"].items() if isinstance(entry, dict)}


def parse_domains(catalog: Catalog) -> FieldDomains:
    """Validate the catalog's ``domains`` and ``field_rules`` (both optional)."""
    p = _Parser(catalog)
    raw_domains = p.obj(catalog.extra.get("domains", {}), "domains")
    domains = {domain_id: p.domain(domain_id, raw) for domain_id, raw in raw_domains.items()}
    rules: dict[str, dict[str, FieldRule]] = {}
    for layer_id, fields in p.obj(catalog.extra.get("field_rules", {}), "field_rules").items():
        if layer_id not in p.layer_ids:
            raise p.fail(
                f"field_rules.{layer_id}",
                tr("a layer id of the catalog ({layer_ids})").format(layer_ids=", ".join(sorted(p.layer_ids))),
            )
        fields = p.obj(fields, f"field_rules.{layer_id}")
        rules[layer_id] = {name: p.rule(layer_id, name, raw, domains) for name, raw in fields.items()}
    return FieldDomains(domains=domains, rules=rules)


_CACHE: dict[int, tuple[Catalog, FieldDomains]] = {}


def field_domains(catalog: Catalog) -> FieldDomains:
    """:func:`parse_domains`, parsed once per catalog object."""
    cached = _CACHE.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        cached = (catalog, parse_domains(catalog))
        _CACHE[id(catalog)] = cached
    return cached[1]


def display_value(domains: FieldDomains, layer_id: str, field_name: str, value: Any, language: str
                  ) -> tuple[Optional[str], bool]:
    """How a card should show a stored value: (the domain's label or None when the field has no value list,
    whether the value is allowed). ``(None, True)`` for fields without a domain and for NULL.

    For the card (issue #11, next round): ``surface = 'gatsten'`` → ``("Cobblestone", True)``; ``condition_class =
    9`` → ``(None, False)``, to be shown as the raw value flagged as outside its domain, never silently.
    """
    rule = domains.rule(layer_id, field_name)
    if rule is None or value is None:
        return None, True
    allowed = rule.domain.allows(value) if rule.domain is not None else True
    bounds = rule.range
    if allowed and bounds is not None:
        number = _number(value)
        allowed = number is not None and bounds[0] <= number <= bounds[1]
    if rule.domain is None or not rule.domain.values:
        return None, allowed
    code = int(_number(value)) if rule.domain.type == "integer" and _number(value) is not None else str(value)
    return rule.domain.label(code, language), allowed
