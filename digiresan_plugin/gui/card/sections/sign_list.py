"""Kind ``sign_list`` on the card: the signs with their meaning (the ``name`` extra) in the table."""

from __future__ import annotations

from .base import SectionRenderer


class SignListRenderer(SectionRenderer):
    """The shared table; its "Meaning" column comes from the items' ``name``."""
