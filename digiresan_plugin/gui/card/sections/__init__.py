"""One renderer per section kind, as in ``core/identify/sections``; :func:`renderer_for` finds a section's."""

from __future__ import annotations

from .attributes import AttributesRenderer
from .base import SectionRenderer
from .documents import DocumentsRenderer
from .hourly_profile import HourlyProfileRenderer
from .ideas import IdeasRenderer
from .latest_with_trend import LatestWithTrendRenderer
from .list import ListRenderer
from .sign_list import SignListRenderer

RENDERERS: dict[str, SectionRenderer] = {
    "list": ListRenderer(),
    "latest_with_trend": LatestWithTrendRenderer(),
    "hourly_profile": HourlyProfileRenderer(),
    "sign_list": SignListRenderer(),
    "attributes": AttributesRenderer(),
    "documents": DocumentsRenderer(),
    "ideas": IdeasRenderer(),
}


def renderer_for(kind: str) -> SectionRenderer:
    """The renderer of ``kind``; a kind without its own (e.g. a section another part of the plugin adds) is a list."""
    return RENDERERS.get(kind) or RENDERERS["list"]


__all__ = ["RENDERERS", "SectionRenderer", "renderer_for"]
