"""The catalog's ``coordination`` key, validated into a frozen :class:`CoordinationSpec`.

It names the layers and fields the board reads (permits, segments, paving plan, hourly traffic), the distance
that makes two permits "near" (the distance of a catalog relation), how long an ended permit still counts, the
dig-ban lifecycle's periods and exemptions, and one entry per rule: a stable id, a kind, a severity and its
Swedish and English title and text (``{placeholders}`` filled by the rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..catalog import Catalog, CatalogError, Title, _Reader
from ..tr import tr

RULE_KINDS = ("space_time", "space", "time", "dig_notice", "moratorium_in_force", "moratorium_exempt")
CLASSES = {"space_time": "space_time", "space": "space", "time": "time"}  # kind -> conflict class
SEVERITIES = ("warning", "info")
LAYER_FIELDS: dict[str, dict[str, bool]] = {  # part -> field role -> required
    "permits": {"start": True, "end": True, "applicant": False, "utility": False},
    "segments": {"street": False, "paved": True},
    "paving_plan": {"segment": True, "year": True, "treatment": False},
    "traffic": {"segment": True, "hour": True, "vehicles": True, "year": False},
}


@dataclass(frozen=True)
class LayerPart:
    """A layer the board reads and the fields it reads from it (role -> field name)."""

    layer: str
    fields: dict[str, str]

    def field(self, role: str) -> Optional[str]:
        return self.fields.get(role)


@dataclass(frozen=True)
class Exemption:
    """Permits the dig-ban accepts with a reason: ``field`` holds one of ``values`` (e.g. emergency digs)."""

    id: str
    field: str
    values: tuple[Any, ...]
    reason: Title


@dataclass(frozen=True)
class RuleSpec:
    id: str
    kind: str
    severity: str
    title: Title
    text: Title

    @property
    def conflict_class(self) -> str:
        return CLASSES.get(self.kind, "")


HANDLING_COLUMNS = ("warning", "status", "assignee", "notes", "updated")
HANDLING_STATUSES = ("new", "in_progress", "resolved", "accepted")


@dataclass(frozen=True)
class HandlingSpec:
    """The card's "Handling" section: its id, the layers whose cards show it, its title, column labels, status
    texts (``accepted`` with ``{reason}``), the text of a reopened warning (``{status}``), the summary (``{open}``,
    ``{total}``) and the text when the notes cannot be read (``{error}``)."""

    section_id: str
    layers: tuple[str, ...]
    title: Title
    columns: dict[str, Title]
    statuses: dict[str, Title]
    reopened: Title
    summary: Title
    unreadable: Title


@dataclass(frozen=True)
class CoordinationSpec:
    permits: LayerPart
    segments: LayerPart
    paving_plan: Optional[LayerPart]
    traffic: Optional[LayerPart]
    near_relation: str
    near_m: float
    recent_days: int
    space_months: int
    node_tolerance_m: float
    paving_day: tuple[int, int]  # (month, day) a planned year's paving is expected on
    notice_setting: Optional[str]
    notice_months_default: int
    window_setting: Optional[str]
    window_hours_default: int
    window_from_hour: int
    window_to_hour: int
    exemptions: tuple[Exemption, ...]
    rules: tuple[RuleSpec, ...]
    handling: Optional[HandlingSpec] = None

    def rule(self, kind: str) -> Optional[RuleSpec]:
        """The rule of ``kind`` (None: the catalog declares none, so it does not fire)."""
        return next((r for r in self.rules if r.kind == kind), None)


def _part(r: _Reader, raw: dict, name: str, layer_ids: set[str], required: bool) -> Optional[LayerPart]:
    if raw.get(name) is None and not required:
        return None
    key = f"coordination.{name}"
    data = r.obj(r.req(raw, name, "coordination", dict, tr('an object {layer, fields}')), key)
    layer = r.req(data, "layer", key, str, tr('a catalog layer id'))
    if layer not in layer_ids:
        raise r.fail(
            f"{key}.layer",
            tr("one of the catalog's layer ids {layer_ids}, got '{layer}'").format(
                layer_ids=sorted(layer_ids), layer=layer
            ),
        )
    fields = r.obj(r.req(data, "fields", key, dict, tr('an object of field names')), f"{key}.fields")
    roles = LAYER_FIELDS[name]
    for role, needed in roles.items():
        if needed and role not in fields:
            raise r.fail(f"{key}.fields.{role}", tr("a field name for '{role}' (missing)").format(role=role))
    for role, value in fields.items():
        if role not in roles:
            raise r.fail(f"{key}.fields.{role}", tr('one of {roles}').format(roles=sorted(roles)))
        r.typed(value, f"{key}.fields.{role}", str, tr('a field name'))
    return LayerPart(layer, dict(fields))


def _int(r: _Reader, raw: dict, name: str, key: str, default: int, lo: int = 0, hi: int = 10**6) -> int:
    value = r.opt(raw, name, key, int, tr('an integer'), default)
    if not lo <= value <= hi:
        raise r.fail(f"{key}.{name}", tr('an integer from {lo} to {hi}, got {value}').format(lo=lo, hi=hi, value=value))
    return value


def _rules(r: _Reader, raw: dict) -> tuple[RuleSpec, ...]:
    out = []
    for i, rule in enumerate(r.req(raw, "rules", "coordination", list, tr('a list of rules'))):
        key = f"coordination.rules[{i}]"
        rule = r.obj(rule, key)
        rule_id = r.req(rule, "id", key, str, tr('a rule id'))
        key = f"coordination.rules[{i}:{rule_id}]"
        kind = r.req(rule, "kind", key, str, tr('one of {rule_kinds}').format(rule_kinds=list(RULE_KINDS)))
        if kind not in RULE_KINDS:
            raise r.fail(
                f"{key}.kind", tr("one of {rule_kinds}, got '{kind}'").format(rule_kinds=list(RULE_KINDS), kind=kind)
            )
        severity = r.opt(
            rule, "severity", key, str, tr("one of {severities}").format(severities=list(SEVERITIES)), "warning"
        )
        if severity not in SEVERITIES:
            raise r.fail(
                f"{key}.severity",
                tr("one of {severities}, got '{severity}'").format(severities=list(SEVERITIES), severity=severity),
            )
        text = r.obj(r.req(rule, "text", key, dict, tr("an object with 'en' and 'sv' texts")), f"{key}.text")
        out.append(RuleSpec(rule_id, kind, severity, r.title(rule, key), r.title({"title": text}, f"{key}.text")))
    ids = [x.id for x in out]
    kinds = [x.kind for x in out]
    for values, what in ((ids, "ids"), (kinds, "kinds")):
        twice = sorted({v for v in values if values.count(v) > 1})
        if twice:
            raise r.fail(
                "coordination.rules",
                tr("unique rule {what}, '{twice}' appears twice").format(what=what, twice=twice[0]),
            )
    return tuple(out)


def _exemptions(r: _Reader, raw: dict) -> tuple[Exemption, ...]:
    out = []
    for i, item in enumerate(r.opt(raw, "exemptions", "coordination", list, tr('a list of exemptions'), [])):
        key = f"coordination.exemptions[{i}]"
        item = r.obj(item, key)
        values = r.req(item, "values", key, list, tr('a non-empty list of values'))
        if not values:
            raise r.fail(f"{key}.values", tr('a non-empty list of values'))
        reason = r.obj(r.req(item, "reason", key, dict, tr("an object with 'en' and 'sv' texts")), f"{key}.reason")
        out.append(Exemption(r.req(item, "id", key, str, tr('an exemption id')), r.req(item, "field", key, str,
                                                                                     tr('a field name')),
                             tuple(values), r.title({"title": reason}, f"{key}.reason")))
    return tuple(out)


def _texts(r: _Reader, raw: dict, key: str, names: tuple[str, ...]) -> dict[str, Title]:
    data = r.obj(r.req(raw, key.rsplit(".", 1)[1], key.rsplit(".", 1)[0], dict, "an object of texts"), key)
    out = {}
    for name in names:
        text = r.obj(r.req(data, name, key, dict, "an object with 'en' and 'sv' texts"), f"{key}.{name}")
        out[name] = r.title({"title": text}, f"{key}.{name}")
    for name in data:
        if name not in names:
            raise r.fail(f"{key}.{name}", f"one of {list(names)}")
    return out


def _handling(r: _Reader, raw: dict, layer_ids: set[str]) -> Optional[HandlingSpec]:
    if raw.get("handling") is None:
        return None
    key = "coordination.handling"
    data = r.obj(raw["handling"], key)
    layers = r.req(data, "layers", key, list, "a list of catalog layer ids")
    for i, layer in enumerate(layers):
        if layer not in layer_ids:
            raise r.fail(f"{key}.layers[{i}]", f"one of the catalog's layer ids {sorted(layer_ids)}, got '{layer}'")
    one = {}
    for name in ("reopened", "summary", "unreadable"):
        text = r.obj(r.req(data, name, key, dict, "an object with 'en' and 'sv' texts"), f"{key}.{name}")
        one[name] = r.title({"title": text}, f"{key}.{name}")
    return HandlingSpec(r.opt(data, "section_id", key, str, "a section id", "handling"), tuple(layers),
                        r.title(data, key), _texts(r, data, f"{key}.columns", HANDLING_COLUMNS),
                        _texts(r, data, f"{key}.statuses", HANDLING_STATUSES), **one)


def _paving_day(r: _Reader, raw: dict) -> tuple[int, int]:
    text = r.opt(raw, "paving_day", "coordination", str, tr("a month and day like '05-01'"), "05-01")
    try:
        month, day = (int(x) for x in text.split("-"))
        if not (1 <= month <= 12 and 1 <= day <= 28):
            raise ValueError(text)
    except ValueError:
        raise r.fail(
            "coordination.paving_day", tr("a month and day like '05-01' (day ≤ 28), got '{text}'").format(text=text)
        ) from None
    return month, day


def parse_coordination(catalog: Catalog, relations: dict[str, Any]) -> Optional[CoordinationSpec]:
    """The catalog's ``coordination`` key (None when it has none). ``relations``: the identify relation specs,
    for the distance of ``near_relation``. Raises :class:`CatalogError` naming the key."""
    raw = catalog.extra.get("coordination")
    if raw is None:
        return None
    r = _Reader(catalog.path)
    raw = r.obj(raw, "coordination")
    layer_ids = {s.id for s in catalog.layers}
    permits = _part(r, raw, "permits", layer_ids, True)
    segments = _part(r, raw, "segments", layer_ids, True)
    near_relation = r.req(raw, "near_relation", "coordination", str, tr('a relation id'))
    rel = relations.get(near_relation)
    if rel is None or rel.from_layer != permits.layer or rel.to_layer != segments.layer:
        raise r.fail(
            "coordination.near_relation",
            tr("a relation from '{layer}' to '{layer2}', got '{near_relation}'").format(
                layer=permits.layer, layer2=segments.layer, near_relation=near_relation
            ),
        )
    window = r.obj(r.opt(raw, "work_window", "coordination", dict, tr('an object'), {}), "coordination.work_window")
    wkey = "coordination.work_window"
    from_hour = _int(r, window, "from_hour", wkey, 6, 0, 23)
    to_hour = _int(r, window, "to_hour", wkey, 22, from_hour + 1, 24)
    tolerance = r.opt(raw, "node_tolerance_m", "coordination", (int, float), tr('a number of metres'), 0.5)
    if isinstance(tolerance, bool) or tolerance <= 0:
        raise r.fail(
            "coordination.node_tolerance_m", tr("a number of metres > 0, got {tolerance}").format(tolerance=tolerance)
        )
    return CoordinationSpec(
        permits=permits, segments=segments,
        paving_plan=_part(r, raw, "paving_plan", layer_ids, False),
        traffic=_part(r, raw, "traffic", layer_ids, False),
        near_relation=near_relation, near_m=float(rel.distance_m),
        recent_days=_int(r, raw, "recent_days", "coordination", 30, 0, 3650),
        space_months=_int(r, raw, "space_months", "coordination", 6, 0, 120),
        node_tolerance_m=float(tolerance),
        paving_day=_paving_day(r, raw),
        notice_setting=r.opt(raw, "notice_months_setting", "coordination", str, tr('a setting name'), None),
        notice_months_default=_int(r, raw, "notice_months_default", "coordination", 3, 0, 36),
        window_setting=r.opt(window, "hours_setting", wkey, str, tr('a setting name'), None),
        window_hours_default=_int(r, window, "hours_default", wkey, 6, 1, to_hour - from_hour),
        window_from_hour=from_hour, window_to_hour=to_hour,
        exemptions=_exemptions(r, raw),
        rules=_rules(r, raw),
        handling=_handling(r, raw, layer_ids),
    )


__all__ = ["CatalogError", "CoordinationSpec", "Exemption", "HandlingSpec", "LayerPart", "RuleSpec",
           "parse_coordination"]
