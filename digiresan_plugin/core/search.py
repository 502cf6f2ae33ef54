"""Find twin features by text (street name, property designation, permit id, ...) for the locator.

Built on the main thread from the project's layers (feature-source snapshots), then searched on any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeatureRequest,
    QgsFields,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)

from .catalog import Catalog, LayerSpec


@dataclass
class SearchHit:
    """One result: all features of one layer sharing a display text (e.g. every segment of a street)."""

    layer_id: str
    layer_title: str
    text: str
    field: str
    fids: list[int]
    extent: QgsRectangle
    crs: QgsCoordinateReferenceSystem


@dataclass
class _Target:
    spec: LayerSpec
    title: str
    source: QgsVectorLayerFeatureSource
    crs: QgsCoordinateReferenceSystem
    all_fields: QgsFields
    fields: list[str]


class TwinSearch:
    """Case-insensitive substring search over the catalog's ``search_fields``."""

    def __init__(self, catalog: Catalog, layer_for: Callable[[str], Optional[QgsVectorLayer]], language: str = "en"):
        self._targets: list[_Target] = []
        for spec in catalog.searchable_layers():
            layer = layer_for(spec.id)
            if layer is None or not layer.isValid():
                continue
            names = [f for f in spec.search_fields if layer.fields().indexFromName(f) >= 0]
            if names:
                self._targets.append(
                    _Target(
                        spec, spec.title.text(language), QgsVectorLayerFeatureSource(layer), layer.crs(),
                        QgsFields(layer.fields()), names,
                    )
                )

    def search(self, text: str, limit: int = 30, is_canceled: Callable[[], bool] = lambda: False) -> list[SearchHit]:
        """Hits for ``text`` (at least 2 characters), grouped by layer and matching value."""
        text = text.strip()
        if len(text) < 2:
            return []
        pattern = QgsExpression.quotedString("%" + _escape_like(text) + "%")
        hits: list[SearchHit] = []
        for target in self._targets:
            for field in target.fields:
                if is_canceled() or len(hits) >= limit:
                    return hits
                hits.extend(self._search_field(target, field, text, pattern, limit - len(hits), is_canceled))
        return hits

    @staticmethod
    def _search_field(
        target: _Target, field: str, text: str, pattern: str, limit: int, is_canceled: Callable[[], bool]
    ) -> list[SearchHit]:
        expression = f"to_string({QgsExpression.quotedColumnRef(field)}) ILIKE {pattern}"
        request = QgsFeatureRequest().setFilterExpression(expression)
        request.setSubsetOfAttributes([field], target.all_fields)
        grouped: dict[str, SearchHit] = {}
        for feature in target.source.getFeatures(request):
            if is_canceled():
                break
            value = str(feature[field])
            hit = grouped.get(value)
            box = feature.geometry().boundingBox() if feature.hasGeometry() else QgsRectangle()
            if hit is None:
                if len(grouped) >= limit:
                    break
                grouped[value] = SearchHit(
                    target.spec.id, target.title, value, field, [feature.id()], QgsRectangle(box), target.crs
                )
            else:
                hit.fids.append(feature.id())
                hit.extent.combineExtentWith(box)
        prefix = text.lower()
        return sorted(grouped.values(), key=lambda h: (not h.text.lower().startswith(prefix), natural_key(h.text)))


def natural_key(text: str) -> tuple:
    """Sort key with numbers by value: "Hjorten 1", "Hjorten 3", "Hjorten 10" (not 1, 10, 3)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", text) if part)


def _escape_like(text: str) -> str:
    """Make ``%`` and ``_`` match literally in an ILIKE pattern."""
    return text.replace("%", "\\%").replace("_", "\\_")
