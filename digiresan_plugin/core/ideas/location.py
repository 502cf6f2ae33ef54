"""Where an idea is, in words: the nearest street and what lies at the point, from the twin layers the catalog's
identify fallback names (``identify.fallback.nearest`` within ``max_distance_m``, and ``at_point``), before the
coordinates. No layer names here: the catalog says which layers and which display field.

:func:`place_sources` runs on the main thread (it finds the project's twin layers and makes thread-safe feature
sources); :func:`describe_place` may run in a task.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayerFeatureSource,
)

from ..catalog import Catalog
from ..identify.config import identify_config
from ..layers import twin_layer
from .model import IDEAS_CRS


@dataclass
class PlaceSource:
    """One twin layer to name a place from: the nearest feature within ``distance`` (``nearest``) or the features
    at the point (``distance`` 0)."""

    layer_id: str
    source: QgsVectorLayerFeatureSource
    field: str
    crs: QgsCoordinateReferenceSystem
    distance: float
    nearest: bool


@dataclass(frozen=True)
class Place:
    """``name`` of a feature of ``layer_id``; ``distance_m`` from the idea (None: the idea is on it)."""

    layer_id: str
    name: str
    distance_m: Optional[float]


def place_sources(project: QgsProject, catalog: Catalog) -> list[PlaceSource]:
    """The catalog's fallback layers that are in the project and have a display field (main thread)."""
    fallback = identify_config(catalog).fallback
    wanted = ([(fallback.nearest, fallback.max_distance_m, True)] if fallback.nearest else []) + [
        (layer_id, 0.0, False) for layer_id in fallback.at_point]
    sources = []
    for layer_id, distance, nearest in wanted:
        layer = twin_layer(project, layer_id)
        try:
            field = catalog.layer(layer_id).display_field
        except KeyError:
            continue
        if layer is None or not field or layer.fields().indexOf(field) < 0:
            continue
        sources.append(PlaceSource(layer_id, QgsVectorLayerFeatureSource(layer), field, layer.crs(), distance,
                                   nearest))
    return sources


def describe_place(sources: Sequence[PlaceSource], x: float, y: float,
                   context: Optional[QgsCoordinateTransformContext] = None,
                   metric_crs: str = IDEAS_CRS, cancelled: Callable[[], bool] = lambda: False) -> list[Place]:
    """The nearest feature's name of each ``nearest`` source and the names at the point of the others, for an idea
    at ``x``/``y`` (:data:`~.model.IDEAS_CRS`); distances in metres (``metric_crs``). Stops early (an empty or
    partial answer nobody uses) once ``cancelled()``."""
    context = context or QgsCoordinateTransformContext()
    ideas_crs = QgsCoordinateReferenceSystem(IDEAS_CRS)
    metric = QgsCoordinateReferenceSystem(metric_crs)
    to_metric = QgsCoordinateTransform(ideas_crs, metric, context)
    point_m = to_metric.transform(QgsPointXY(x, y))
    probe = QgsGeometry.fromPointXY(point_m)
    places: list[Place] = []
    for source in sources:
        reach = max(source.distance, 0.5)  # "at the point": a point on a boundary still counts
        rect = QgsRectangle(point_m.x() - reach, point_m.y() - reach, point_m.x() + reach, point_m.y() + reach)
        to_layer = QgsCoordinateTransform(metric, source.crs, context)
        from_layer = QgsCoordinateTransform(source.crs, metric, context)
        request = QgsFeatureRequest().setFilterRect(to_layer.transformBoundingBox(rect))
        found = []
        for feature in source.source.getFeatures(request):
            if cancelled():
                return places
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            geometry.transform(from_layer)
            d = geometry.distance(probe)
            name = feature.attribute(source.field)
            if d <= reach and name not in (None, ""):
                found.append((d, str(name)))
        found.sort()
        if source.nearest and found:
            places.append(Place(source.layer_id, found[0][1], round(found[0][0], 1)))
        elif not source.nearest:
            for name in dict.fromkeys(n for d, n in found if d == 0.0):
                places.append(Place(source.layer_id, name, None))
    return places
