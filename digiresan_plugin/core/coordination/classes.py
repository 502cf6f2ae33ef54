"""The conflict classes of two permits (plain data): **space and time** (same place, overlapping dates),
**space only** (same place within N months: a chance for shared trenching) and **time only** (at the same time on
two segments that share an intersection: detours and traffic load).

"Same place": the permits lie within the near distance of each other or on the same segment. A permit counts
until ``recent_days`` after its end (restoration), so a permit that ended 30 days ago still conflicts.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Mapping

from .config import CoordinationSpec, RuleSpec
from .model import Conflict, PermitRow, SegmentRow, Window, add_months, fill, shown


def _pair(a: PermitRow, b: PermitRow) -> tuple[PermitRow, PermitRow]:
    return (a, b) if (a.start or date.max, a.id) <= (b.start or date.max, b.id) else (b, a)


def same_place_pairs(permits: Mapping[str, PermitRow], near: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Pairs of permit ids (sorted) in the same place -> the segment they share ('' when only near)."""
    out: dict[tuple[str, str], str] = {}
    for a, b in near:
        if a != b and a in permits and b in permits:
            out.setdefault((min(a, b), max(a, b)), "")
    by_segment: dict[str, list[str]] = {}
    for p in permits.values():
        for sid in p.segments:
            by_segment.setdefault(sid, []).append(p.id)
    for sid in sorted(by_segment):
        ids = sorted(by_segment[sid])
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if not out.get((a, b)):
                    out[(a, b)] = sid
    return out


def pair_conflicts(spec: CoordinationSpec, permits: Mapping[str, PermitRow], segments: Mapping[str, SegmentRow],
                   near: Iterable[tuple[str, str]], window: Window, language: str) -> list[Conflict]:
    """Every space-and-time, space-only and time-only conflict whose period touches ``window``."""
    out: list[Conflict] = []
    space_time, space, time_only = spec.rule("space_time"), spec.rule("space"), spec.rule("time")
    places = same_place_pairs(permits, near)
    days = spec.recent_days
    for (ida, idb), shared in places.items():
        a, b = _pair(permits[ida], permits[idb])
        if a.start is None or b.start is None:
            continue
        sid = shared or (a.segments[0] if a.segments else (b.segments[0] if b.segments else ""))
        seg = segments.get(sid)
        street = seg.street if seg else ""
        if b.start <= a.until(days) and a.start <= b.until(days):
            if space_time is None:
                continue
            start, end = max(a.start, b.start), min(a.until(days), b.until(days))
            out.append(_conflict(space_time, a, b, seg, street, start, end, language,
                                 start_text=shown(start), end_text=shown(end)))
        elif space is not None and a.end is not None and b.start <= add_months(a.end, spec.space_months):
            out.append(_conflict(space, a, b, seg, street, a.start, b.end or b.start, language,
                                 gap=(b.start - a.end).days, months=spec.space_months))
    if time_only is not None:
        out.extend(_time_only(time_only, spec, permits, segments, set(places), language))
    return [c for c in out if window.touches(c.start, c.end)]


def _time_only(rule: RuleSpec, spec: CoordinationSpec, permits: Mapping[str, PermitRow],
               segments: Mapping[str, SegmentRow], places: set[tuple[str, str]], language: str) -> list[Conflict]:
    by_node: dict[object, list[str]] = {}
    for seg in segments.values():
        for node in seg.nodes:
            by_node.setdefault(node, []).append(seg.id)
    on_segment: dict[str, list[PermitRow]] = {}
    for p in permits.values():
        if p.start is not None:
            for sid in p.segments:
                on_segment.setdefault(sid, []).append(p)
    days = spec.recent_days
    seen: set[tuple[str, str]] = set()
    out = []
    for node in sorted(by_node, key=str):
        sids = sorted(set(by_node[node]))
        for i, sa in enumerate(sids):
            for sb in sids[i + 1:]:
                for pa in on_segment.get(sa, ()):
                    for pb in on_segment.get(sb, ()):
                        key = (min(pa.id, pb.id), max(pa.id, pb.id))
                        if pa.id == pb.id or key in places or key in seen:
                            continue
                        if pb.start > pa.until(days) or pa.start > pb.until(days):
                            continue
                        seen.add(key)
                        a, b = _pair(pa, pb)
                        seg_a, seg_b = (segments[sa], segments[sb]) if a is pa else (segments[sb], segments[sa])
                        start, end = max(a.start, b.start), min(a.until(days), b.until(days))
                        out.append(_conflict(rule, a, b, seg_a, seg_a.street, start, end, language,
                                             other_street=seg_b.street, other_segment=seg_b.id,
                                             start_text=shown(start), end_text=shown(end)))
    return out


def _conflict(rule: RuleSpec, a: PermitRow, b: PermitRow, seg, street: str, start: date, end: date, language: str,
              **values) -> Conflict:
    message = fill(rule.text, language, a=a.id, b=b.id, a_party=a.party, b_party=b.party, street=street,
                   segment=seg.id if seg else "", a_start=shown(a.start), a_end=shown(a.end), b_start=shown(b.start),
                   b_end=shown(b.end), **values)
    end = None if end == date.max else end
    return Conflict(rule.id, rule.conflict_class, rule.severity, a.id, b.id, seg.id if seg else None, street,
                    start, end, message, f"{a.fingerprint}|{b.fingerprint}", (a.fid, b.fid),
                    seg.fid if seg else None)
