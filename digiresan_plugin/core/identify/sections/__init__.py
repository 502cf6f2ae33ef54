"""Section kinds of the twin card, one module each; :func:`kind_of` finds the one a section names.

Adding a kind: a module here with a :class:`~.base.SectionKind` subclass, an entry in :data:`KINDS`, and its
renderer in ``gui/card/sections`` (same module name).
"""

from __future__ import annotations

from .attributes import AttributesKind
from .base import KindEnv, SectionKind
from .documents import DocumentsKind
from .hourly_profile import HourlyProfileKind
from .latest_with_trend import LatestWithTrendKind
from .list import ListKind
from .sign_list import SignListKind

KINDS: dict[str, SectionKind] = {kind.name: kind for kind in (
    ListKind(), LatestWithTrendKind(), HourlyProfileKind(), SignListKind(), AttributesKind(), DocumentsKind())}
SECTION_KINDS = tuple(KINDS)


def kind_of(name: str) -> SectionKind:
    """The kind called ``name``; a section of another kind (e.g. added by another part of the plugin) reads as a
    ``list``."""
    return KINDS.get(name) or KINDS["list"]


__all__ = ["KINDS", "SECTION_KINDS", "KindEnv", "SectionKind", "kind_of"]
