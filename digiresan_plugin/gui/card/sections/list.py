"""Kind ``list`` on the card: the related features as a table (dated work says when it starts or ends), under the
section's one-line summary when it has one (e.g. "Last changed … by …")."""

from __future__ import annotations

from ....core.identify.report import Section
from ..formatting import esc
from .base import Card, SectionRenderer


class ListRenderer(SectionRenderer):
    """The shared table of :class:`SectionRenderer`, under ``summary["text"]`` if there is one."""

    def before_items_html(self, card: Card, section: Section) -> str:
        text = (section.summary or {}).get("text")
        return f'<p style="margin-bottom:4px; font-weight:600">{esc(text)}</p>' if text else ""
