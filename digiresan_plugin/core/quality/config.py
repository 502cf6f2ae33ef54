"""The catalog's ``quality`` rules: the checks that need more than one field's rule (distances, dates against a
status, hourly counts against ÅDT, a sign's value against its road).

Rules that follow from the rest of the catalog need no entry here: every field rule (domain, range, required,
not in the future, constraint), every key (empty, duplicate when ``unique``), every key relation (orphans) and every
spatial layer (missing, empty, invalid geometry) is checked on its own.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Optional

from ..catalog import Catalog, CatalogError
from ..maintenance_spec import KeyRelation, SpatialRelation, maintenance_spec
from ..tr import tr
from .model import SEVERITIES, WARNING

KINDS = ("near_relation", "sign_value", "status_dates", "hourly_profile")


@dataclass(frozen=True)
class NearRule:
    """Every feature of ``layer`` lies within the spatial relation's distance of a feature it relates to."""

    id: str
    severity: str
    layer: str
    relation: SpatialRelation


@dataclass(frozen=True)
class SignValueRule:
    """Signs ``code``-N (``C31-50``) must match ``target_field`` of the feature the relation finds nearest."""

    id: str
    severity: str
    layer: str
    relation: SpatialRelation
    code_field: str
    code: str
    target_field: str


@dataclass(frozen=True)
class StatusDatesRule:
    """A status must fit the dates: nothing ``ongoing`` that ended (or has not started) more than ``grace_days``
    ago, nothing ``not_started`` that has ended, nothing ``finished`` that starts in the future."""

    id: str
    severity: str
    layer: str
    status_field: str
    start_field: str
    end_field: str
    grace_days: int
    not_started: tuple[str, ...]
    ongoing: tuple[str, ...]
    finished: tuple[str, ...]


@dataclass(frozen=True)
class HourlyRule:
    """Per parent and year: ``hours`` rows with distinct hours; the latest year sums to min–max share of ÅDT."""

    id: str
    severity: str
    relation: KeyRelation
    hour_field: str
    value_field: str
    year_field: str
    aadt_field: str
    hours: int
    min_share: float
    max_share: float


QualityRule = Any  # one of the rule classes above


class _Parser:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.spec = maintenance_spec(catalog)
        self.layers = {s.id for s in catalog.layers}

    def fail(self, key: str, expected: str) -> CatalogError:
        return CatalogError(self.catalog.path, key, expected)

    def text(self, raw: dict, name: str, key: str) -> str:
        value = raw.get(name)
        if not isinstance(value, str) or not value:
            raise self.fail(
                f"{key}.{name}", tr("a non-empty text, got {value}").format(value=json.dumps(value, ensure_ascii=False))
            )
        return value

    def texts(self, raw: dict, name: str, key: str) -> tuple[str, ...]:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{key}.{name}", tr('a list of texts'))
        return tuple(value)

    def number(self, raw: dict, name: str, key: str, low: float, high: float) -> float:
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or \
                not low <= value <= high:
            raise self.fail(
                f"{key}.{name}",
                tr("a number from {low:g} to {high:g}, got {value}").format(
                    low=low, high=high, value=json.dumps(value)
                ),
            )
        return float(value)

    def layer(self, raw: dict, key: str) -> str:
        layer = self.text(raw, "layer", key)
        if layer not in self.layers:
            raise self.fail(f"{key}.layer", tr("a layer id of the catalog, got '{layer}'").format(layer=layer))
        return layer

    def spatial(self, raw: dict, key: str, layer: str) -> SpatialRelation:
        rel = self.spec.spatial_relation(self.text(raw, "relation", key))
        if rel is None or rel.from_layer != layer or rel.distance_m is None:
            raise self.fail(
                f"{key}.relation", tr("a spatial relation from '{layer}' with a distance_m").format(layer=layer)
            )
        return rel

    def rule(self, raw: Any, index: int) -> QualityRule:
        key = f"quality.rules[{index}]"
        if not isinstance(raw, dict):
            raise self.fail(key, tr('an object'))
        rule_id = self.text(raw, "id", key)
        key = f"quality.rules[{index}:{rule_id}]"
        kind = raw.get("kind")
        if kind not in KINDS:
            raise self.fail(
                f"{key}.kind", tr("one of {kinds}, got {kind}").format(kinds=list(KINDS), kind=json.dumps(kind))
            )
        severity = raw.get("severity", WARNING)
        if severity not in SEVERITIES:
            raise self.fail(
                f"{key}.severity",
                tr("one of {severities}, got {severity}").format(
                    severities=list(SEVERITIES), severity=json.dumps(severity)
                ),
            )
        if kind == "near_relation":
            layer = self.layer(raw, key)
            return NearRule(rule_id, severity, layer, self.spatial(raw, key, layer))
        if kind == "sign_value":
            layer = self.layer(raw, key)
            return SignValueRule(rule_id, severity, layer, self.spatial(raw, key, layer),
                                 self.text(raw, "code_field", key), self.text(raw, "code", key),
                                 self.text(raw, "target_field", key))
        if kind == "status_dates":
            return StatusDatesRule(
                rule_id, severity, self.layer(raw, key), self.text(raw, "status_field", key),
                self.text(raw, "start_field", key), self.text(raw, "end_field", key),
                int(self.number(raw, "grace_days", key, 0, 3650)), self.texts(raw, "not_started", key),
                self.texts(raw, "ongoing", key), self.texts(raw, "finished", key))
        relation: Optional[KeyRelation] = self.spec.key_relation(self.text(raw, "relation", key))
        if relation is None:
            raise self.fail(f"{key}.relation", tr('the id of a key relation'))
        low = self.number(raw, "min_share", key, 0, 10)
        high = self.number(raw, "max_share", key, low, 10)
        return HourlyRule(rule_id, severity, relation, self.text(raw, "hour_field", key),
                          self.text(raw, "value_field", key), self.text(raw, "year_field", key),
                          self.text(raw, "aadt_field", key), int(self.number(raw, "hours", key, 1, 24 * 366)),
                          low, high)


def quality_rules(catalog: Catalog) -> list[QualityRule]:
    """Validate and return the catalog's ``quality.rules`` (none when the key is absent)."""
    p = _Parser(catalog)
    raw = catalog.extra.get("quality", {})
    if not isinstance(raw, dict) or not isinstance(raw.get("rules", []), list):
        raise p.fail("quality", tr("an object with a list 'rules'"))
    rules = [p.rule(item, i) for i, item in enumerate(raw.get("rules", []))]
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise p.fail(
            "quality.rules", tr("unique rule ids, '{duplicates}' appears twice").format(duplicates=duplicates[0])
        )
    return rules
