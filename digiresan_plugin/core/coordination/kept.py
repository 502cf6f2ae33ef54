"""The card's three rules (moratorium, overlapping permits, dig before paving; the catalog's ``warnings``) run
over the whole network's plain data, as board rows with their periods. A permit an exemption accepts gets the
``moratorium_exempt`` row instead of the moratorium warning."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping, Optional, Sequence

from ..identify.report import Ref, TwinWarning
from ..identify.rules import Permit, Target, dig_before_paving, moratorium, permit_overlap
from ..identify.specs import WarningSpec
from .config import CoordinationSpec
from .lifecycle import exempt_conflict
from .model import Conflict, PermitRow, SegmentRow, Window


def kept_rules(spec: CoordinationSpec, warnings: Sequence[WarningSpec], relations: Mapping[str, Any]) -> list:
    """The ``warnings`` rules about the board's segments and permits (others are the card's only)."""
    return [w for w in warnings if w.layer == spec.segments.layer
            and getattr(relations.get(w.permits), "to_layer", None) == spec.permits.layer]


def kept_conflicts(spec: CoordinationSpec, rules: Sequence[WarningSpec], years: Mapping[str, int],
                   segment: SegmentRow, permits: Sequence[PermitRow], plans: Sequence[tuple[Optional[int], Any]],
                   as_of: date, window: Window, language: str) -> list[Conflict]:
    """The kept rules' rows for one segment and its admitted permits (the rules' own filter)."""
    admitted = sorted((p for p in permits if p.admitted), key=lambda p: (p.start or date.max, p.id))
    if not admitted:
        return []
    by_id = {p.id: p for p in admitted}
    target = Target(Ref(spec.segments.layer, segment.id, segment.fid), segment.street or segment.id)
    plain = [Permit(Ref(spec.permits.layer, p.id, p.fid), p.start, p.end) for p in admitted]
    out: list[Conflict] = []
    for rule in rules:
        if rule.kind == "moratorium":
            found = moratorium(target, segment.paved, plain, years.get(rule.id, rule.years_default), as_of,
                               language, rule.severity, rule.id)
        elif rule.kind == "permit_overlap":
            found = permit_overlap(target, plain, language, rule.severity, rule.id)
        elif rule.kind == "dig_before_paving":
            found = dig_before_paving(target, plain, plans, as_of, rule.years_ahead, language, rule.severity,
                                      rule.id)
        else:
            continue
        for warning in found:
            row = _row(spec, rule, warning, segment, by_id, years.get(rule.id, rule.years_default), language)
            if row is not None and window.touches(row.start, row.end):
                out.append(row)
    return out


def _row(spec: CoordinationSpec, rule: WarningSpec, warning: TwinWarning, segment: SegmentRow,
         by_id: Mapping[str, PermitRow], years: int, language: str) -> Optional[Conflict]:
    involved = [by_id[r.key] for r in warning.refs if r.layer == spec.permits.layer and r.key in by_id]
    if not involved:
        return None
    a = involved[0]
    b = involved[1] if len(involved) > 1 else None
    if rule.kind == "moratorium" and a.exemption is not None and spec.rule("moratorium_exempt") is not None:
        return exempt_conflict(spec, segment, a, years, language)
    if b is not None:
        start = max(a.start, b.start)
        ends = [e for e in (a.end, b.end) if e is not None]
        end = min(ends) if ends else None
    else:
        start, end = a.start, a.end
    fingerprint = "|".join([p.fingerprint for p in involved] + [f"paved:{segment.paved}"])
    return Conflict(rule.id, "", warning.severity, a.id, b.id if b else None, segment.id, segment.street, start, end,
                    warning.message, fingerprint, tuple(p.fid for p in involved), segment.fid)
