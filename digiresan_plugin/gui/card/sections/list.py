"""Kind ``list`` on the card: the related features as a table (dated work says when it starts or ends)."""

from __future__ import annotations

from .base import SectionRenderer


class ListRenderer(SectionRenderer):
    """The shared table of :class:`SectionRenderer`, as it is."""
