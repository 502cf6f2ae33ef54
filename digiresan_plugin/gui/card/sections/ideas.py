"""Kind ``ideas`` on the card (core/ideas/card.py): a compact list, one idea a row — its reference (a link that opens
the idea in the ideas dock) and its status with the status colour, the title below wrapping between words, and in
small print whether it is linked to the feature or only located here."""

from __future__ import annotations

from ....core.formatting import DASH
from ....core.identify.report import Section
from ...ideas.table_model import STATUS_COLOURS
from ..formatting import NOWRAP, esc, zebra_list
from ..links import idea_href
from ..theme import MUTED
from .base import Card, SectionRenderer


class IdeasRenderer(SectionRenderer):
    """The ideas at the card's subject, each linked to the ideas dock."""

    def items_html(self, card: Card, section: Section) -> str:
        rows = []
        for item in section.items:
            values, extra = item.values, item.extra
            reference = esc(values.get("reference") or item.key or DASH)
            idea_id = extra.get("idea_id")
            if isinstance(idea_id, int):
                reference = f'<a href="{esc(idea_href(idea_id))}">{reference}</a>'
            title = esc(values.get("title") or DASH)
            relation = extra.get("relation")
            if relation:
                title += f'<br><span style="color:{MUTED}; font-size:small">{esc(relation)}</span>'
            status = str(values.get("status") or "")
            colour = STATUS_COLOURS.get(status, MUTED)
            state = (f'<span style="color:{colour}">●</span>&nbsp;{esc(status).replace(" ", "&nbsp;")}'
                     if status else DASH)
            rows.append(f"<b>{reference}</b>&nbsp;&nbsp;<span{NOWRAP}>{state}</span><br>{title}")
        return zebra_list(rows)
