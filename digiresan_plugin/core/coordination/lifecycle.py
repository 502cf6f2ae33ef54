"""The dig-ban lifecycle of a segment (plain data): before a planned paving a "dig now" notice period listing the
parties with open or recent permits there; after paving the moratorium in force until its end date; permits the
dig ban accepts with a reason (an exemption: emergency digs, works without excavation)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional, Sequence

from ..identify.values import add_years
from .config import CoordinationSpec
from .model import Conflict, PermitRow, SegmentRow, Window, add_months, fill, shown


def paving_date(year: int, spec: CoordinationSpec) -> date:
    """When a paving planned for ``year`` is expected (the catalog's ``paving_day``)."""
    return date(year, *spec.paving_day)


def dig_notice(spec: CoordinationSpec, segment: SegmentRow, plans: Sequence[tuple[Optional[int], Any]],
               permits: Sequence[PermitRow], notice_months: int, as_of: date, window: Window,
               language: str) -> list[Conflict]:
    """One notice per planned paving still ahead whose notice period [paving − months, paving) touches the
    window; the parties: permits on the segment that are open or recent on ``as_of`` and start before paving."""
    rule = spec.rule("dig_notice")
    if rule is None or notice_months <= 0:
        return []
    out = []
    for year, treatment in sorted({(y, t) for y, t in plans if y is not None}, key=lambda p: (p[0], str(p[1]))):
        paving = paving_date(year, spec)
        start, end = add_months(paving, -notice_months), paving - timedelta(days=1)
        if paving <= as_of or not window.touches(start, end):
            continue
        holders = sorted((p for p in permits if p.until(spec.recent_days) >= as_of
                          and (p.start or as_of) < paving), key=lambda p: (p.party, p.id))
        parties = ", ".join(dict.fromkeys(f"{p.party} ({p.id})" for p in holders)) or "–"
        message = fill(rule.text, language, street=segment.street, segment=segment.id, paving=shown(paving),
                       notice_start=shown(start), treatment=str(treatment or ""), parties=parties,
                       months=notice_months)
        fingerprint = "|".join([f"plan:{year}"] + [p.fingerprint for p in holders])
        out.append(Conflict(rule.id, "", rule.severity, None, None, segment.id, segment.street, start, end, message,
                            fingerprint, tuple(p.fid for p in holders), segment.fid,
                            {"parties": [p.party for p in holders], "plan": year}))
    return out


def moratorium_in_force(spec: CoordinationSpec, segment: SegmentRow, years: int, as_of: date, window: Window,
                        language: str) -> list[Conflict]:
    """The moratorium after the segment's paving: listed when it starts in the window (full network: while it
    is in force or ahead on ``as_of``), with its end date."""
    rule = spec.rule("moratorium_in_force")
    if rule is None or segment.paved is None or years <= 0:
        return []
    until = add_years(segment.paved, years)
    if window.full:
        listed = until > as_of
    else:
        listed = window.touches(segment.paved, segment.paved)
    if not listed:
        return []
    message = fill(rule.text, language, street=segment.street, segment=segment.id, paved=shown(segment.paved),
                   until=shown(until), years=years)
    return [Conflict(rule.id, "", rule.severity, None, None, segment.id, segment.street, segment.paved,
                     until - timedelta(days=1), message, f"paved:{segment.paved.isoformat()}/{years}", (),
                     segment.fid)]


def exempt_conflict(spec: CoordinationSpec, segment: SegmentRow, permit: PermitRow, years: int,
                    language: str) -> Optional[Conflict]:
    """A permit in the moratorium that an exemption accepts: an info row with the reason instead of a warning."""
    rule = spec.rule("moratorium_exempt")
    if rule is None or permit.exemption is None or segment.paved is None:
        return None
    until = add_years(segment.paved, years)
    message = fill(rule.text, language, permit=permit.id, party=permit.party, street=segment.street,
                   segment=segment.id, paved=shown(segment.paved), until=shown(until),
                   reason=permit.exemption.text(language), start=shown(permit.start), end=shown(permit.end))
    return Conflict(rule.id, "", rule.severity, permit.id, None, segment.id, segment.street, permit.start,
                    permit.end, message, f"{permit.fingerprint}|paved:{segment.paved.isoformat()}/{years}",
                    (permit.fid,), segment.fid)
