"""Kind ``attributes``: each related feature with all its attributes (e.g. the property a building stands on)."""

from __future__ import annotations

from .base import SectionKind


class AttributesKind(SectionKind):
    name = "attributes"
    options = {}
