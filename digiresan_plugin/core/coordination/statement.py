"""The coordination statement of one permit (plain text parts; the print layout is
:mod:`...processing.coordination_statement`): the permit, every conflict it takes part in, the work window on its
segments and the contacts of the other permits involved, in Swedish or English."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .model import Conflict, PermitRow, iso
from .work_window import WorkWindow

TEXTS = {
    "title": {"en": "Coordination statement: {permit}", "sv": "Samordningsbesked: {permit}"},
    "permit": {"en": "Permit {permit} ({party}), {start} – {end}, on {streets}",
               "sv": "Tillstånd {permit} ({party}), {start} – {end}, på {streets}"},
    "as_of": {"en": "As of {day}", "sv": "Per {day}"},
    "conflicts": {"en": "Conflicts ({count})", "sv": "Konflikter ({count})"},
    "none": {"en": "No coordination conflicts.", "sv": "Inga samordningskonflikter."},
    "window": {"en": "Work window on {segment}: {window}; avoid {avoid}",
               "sv": "Arbetsfönster på {segment}: {window}; undvik {avoid}"},
    "contacts": {"en": "Contacts", "sv": "Kontakter"},
}


def text(key: str, language: str, **values) -> str:
    template = TEXTS[key]["sv" if language.startswith("sv") else "en"]
    return template.format(**values)


@dataclass
class Statement:
    permit: PermitRow
    streets: list[str]
    rows: list[Conflict]
    windows: dict[str, WorkWindow] = field(default_factory=dict)
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (permit id, party)

    def lines(self, language: str, as_of: str) -> tuple[str, list[str]]:
        """The title and the body's lines."""
        p = self.permit
        body = [text("as_of", language, day=as_of),
                text("permit", language, permit=p.id, party=p.party, start=iso(p.start), end=iso(p.end, "–"),
                     streets=", ".join(self.streets) or "–"), ""]
        body.append(text("conflicts", language, count=len(self.rows)))
        body.extend(f"• {r.message}" for r in self.rows)
        if not self.rows:
            body.append(text("none", language))
        body.append("")
        for segment, w in sorted(self.windows.items()):
            body.append(text("window", language, segment=segment, window=w.label(), avoid=w.peaks_label() or "–"))
        if self.contacts:
            body.extend(["", text("contacts", language)])
            body.extend(f"• {pid}: {party}" for pid, party in self.contacts)
        return text("title", language, permit=p.id), body


def statement_for(board, permit_id: str) -> Optional[Statement]:
    """The statement of ``permit_id`` from a board whose :meth:`conflicts` ran (None: no such permit)."""
    net = board.network
    permit = net.permits.get(permit_id) if net is not None else None
    if permit is None:
        return None
    rows = [r for r in board.last_rows if permit_id in (r.permit_id, r.other_id)
            or (r.rule == "dig_notice" and r.segment_id in permit.segments)]
    streets = sorted({net.segments[s].street for s in permit.segments if s in net.segments})
    board.reader.traffic(net, permit.segments)
    windows = {s: w for s in permit.segments if (w := board.work_window(s)) is not None}
    others = sorted({o for r in rows for o in (r.permit_id, r.other_id) if o and o != permit_id})
    contacts = [(o, net.permits[o].party) for o in others if o in net.permits]
    return Statement(permit, streets, rows, windows, contacts)
