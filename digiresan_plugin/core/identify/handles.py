"""What the engine reads from: layer handles (live layers or thread-safe snapshots) and metric geometry.

A :class:`LayerHandle` is built on the main thread. With ``snapshot=True`` its source is a
``QgsVectorLayerFeatureSource``, which a ``QgsTask`` may read from another thread; the layer itself is
never touched there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, Union

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
    QgsWkbTypes,
)

from ..catalog import Catalog, LayerSpec


@dataclass
class LayerHandle:
    """One catalog layer as the engine sees it: where features come from, in which CRS, with which fields."""

    spec: LayerSpec
    source: Any  # QgsVectorLayer or QgsVectorLayerFeatureSource (anything with getFeatures(request))
    crs: QgsCoordinateReferenceSystem
    fields: QgsFields
    identifiable: bool
    name: str = ""
    wkb_type: int = QgsWkbTypes.Unknown
    provider: str = ""  # the data provider ("ogr", "postgres", …) and the layer's source, for :attr:`folder`
    uri: str = ""

    @property
    def folder(self) -> Optional[str]:
        """The folder of the file the layer is read from (a GeoPackage), else None (decoded once per source)."""
        return _file_folder(self.provider, self.uri)

    @classmethod
    def from_layer(cls, spec: LayerSpec, layer: QgsVectorLayer, snapshot: bool = False) -> "LayerHandle":
        """A handle on ``layer`` (call on the main thread). ``snapshot``: read through a feature source copy."""
        identifiable = bool(layer.flags() & QgsMapLayer.Identifiable) and spec.identifiable
        source = QgsVectorLayerFeatureSource(layer) if snapshot else layer
        return cls(spec, source, QgsCoordinateReferenceSystem(layer.crs()), QgsFields(layer.fields()),
                   identifiable, layer.name(), layer.wkbType(), layer.providerType(), layer.source())

    def has_field(self, name: str) -> bool:
        return self.fields.indexFromName(name) >= 0

    def present(self, names: set[str] | list[str] | tuple[str, ...]) -> list[str]:
        return [n for n in names if self.has_field(n)]


def file_folder(layer: QgsVectorLayer) -> Optional[str]:
    """The folder of the file ``layer`` reads (a GeoPackage, a shapefile), None for a database or a service."""
    return _file_folder(layer.providerType(), layer.source())


@lru_cache(maxsize=64)
def _file_folder(provider: str, uri: str) -> Optional[str]:
    if provider != "ogr" or not uri:
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", uri).get("path") or ""
    return str(Path(path).resolve().parent) if path and Path(path).is_file() else None


LayerLike = Union[QgsVectorLayer, LayerHandle, None]


def snapshot_handles(
    catalog: Catalog, layer_for: Callable[[str], LayerLike], snapshot: bool = True
) -> dict[str, LayerHandle]:
    """Handles for every catalog layer ``layer_for`` knows (main thread), ready for a background task."""
    handles: dict[str, LayerHandle] = {}
    for spec in catalog.layers:
        layer = layer_for(spec.id)
        if isinstance(layer, LayerHandle):
            handles[spec.id] = layer
        elif layer is not None and layer.isValid():
            handles[spec.id] = LayerHandle.from_layer(spec, layer, snapshot=snapshot)
    return handles


class Metric:
    """Moves geometries between layer CRSs and one metric CRS in which every distance is measured."""

    def __init__(self, crs: QgsCoordinateReferenceSystem, context: Optional[QgsCoordinateTransformContext] = None):
        self.crs = crs
        self.context = context or QgsCoordinateTransformContext()
        self._transforms: dict[str, Optional[QgsCoordinateTransform]] = {}

    @staticmethod
    def _crs_key(crs: QgsCoordinateReferenceSystem) -> str:
        return crs.authid() or crs.toWkt()

    def transform(self, crs: QgsCoordinateReferenceSystem) -> Optional[QgsCoordinateTransform]:
        """layer CRS → metric CRS, or None when they are the same (or the layer has no CRS)."""
        key = self._crs_key(crs)
        if key not in self._transforms:
            same = not crs.isValid() or crs == self.crs
            self._transforms[key] = None if same else QgsCoordinateTransform(crs, self.crs, self.context)
        return self._transforms[key]

    def to_metric(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        """A metric copy of ``geometry`` (in ``crs``)."""
        transform = self.transform(crs)
        geometry = QgsGeometry(geometry)
        if transform is not None and not geometry.isNull():
            geometry.transform(transform)
        return geometry

    def point_to_metric(self, point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> QgsPointXY:
        transform = self.transform(crs)
        return QgsPointXY(transform.transform(point)) if transform is not None else QgsPointXY(point)

    def rect_in(self, rect: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
        """A metric rectangle as a bounding box in ``crs`` (densified edges, so nothing inside is lost)."""
        transform = self.transform(crs)
        if transform is None:
            return QgsRectangle(rect)
        return transform.transformBoundingBox(rect, Qgis.TransformDirection.Reverse)
