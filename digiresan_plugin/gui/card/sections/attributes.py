"""Kind ``attributes`` on the card: each related feature with all its attributes (e.g. the property a building
stands on)."""

from __future__ import annotations

from ....core.identify.display import item_title, item_value
from ....core.identify.report import Section
from ..formatting import esc
from .base import Card, SectionRenderer, item_link


class AttributesRenderer(SectionRenderer):
    def items_html(self, card: Card, section: Section) -> str:
        blocks = []
        for item in section.items:
            pairs = [(esc(c.label or c.field), esc(item_value(item, c, card.fmt)))
                     for c in section.columns]
            head = (f'<p style="margin:4px 0 2px 0"><b>{item_link(item, item_title(section, item, card.fmt))}'
                    f'</b></p>')
            blocks.append(head + (card.attributes_table(pairs) if pairs else ""))
        return "".join(blocks)
