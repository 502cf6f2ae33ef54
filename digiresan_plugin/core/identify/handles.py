"""What the engine reads from: layer handles (live layers or thread-safe snapshots) and metric geometry.

A :class:`LayerHandle` is built on the main thread. With ``snapshot=True`` its source is a
``QgsVectorLayerFeatureSource``, which a ``QgsTask`` may read from another thread; the layer itself is
never touched there.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
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

from .. import settings
from ..catalog import Catalog, LayerSpec
from ..layers import crs_defined
from ..log import get_logger
from ..read_faults import features_or_fault
from .gpkg_reader import GpkgReader, reader_for_layer
from .pg_reader import PgReader, close_connections, reader_for_pg_layer
from .query import Query, to_request
from .unreadable import gpkg_path

LOG = get_logger(__name__)


@dataclass
class LayerHandle:
    """One catalog layer as the engine sees it: where features come from, in which CRS, with which fields."""

    spec: LayerSpec
    source: Any  # QgsVectorLayer or QgsVectorLayerFeatureSource (anything with getFeatures(request))
    crs: QgsCoordinateReferenceSystem
    fields: QgsFields
    identifiable: bool
    name: str = ""
    wkb_type: int = QgsWkbTypes.Type.Unknown
    gpkg: Optional[str] = None  # the GeoPackage file, read directly for stored values OGR cannot show
    provider: str = ""  # the data provider ("ogr", "postgres", …) and the layer's source, for :attr:`folder`
    uri: str = ""
    reader: Optional[Union[GpkgReader, PgReader]] = None  # reads a plain table directly (gpkg_reader, pg_reader)
    field_names: tuple = field(init=False, repr=False, compare=False)  # in the layer's order
    names: frozenset = field(init=False, repr=False, compare=False)
    index: dict = field(init=False, repr=False, compare=False)  # field name -> its index
    memo: dict = field(init=False, repr=False, compare=False)  # what reports derive from the layer's fields

    def __post_init__(self) -> None:
        self.field_names = tuple(self.fields.names())
        self.names = frozenset(self.field_names)
        self.index = {name: i for i, name in enumerate(self.field_names)}
        self.memo = {}

    @property
    def folder(self) -> Optional[str]:
        """The folder of the file the layer is read from (a GeoPackage), else None (decoded once per source)."""
        return _file_folder(self.provider, self.uri)

    @classmethod
    def from_layer(cls, spec: LayerSpec, layer: QgsVectorLayer, snapshot: bool = False) -> "LayerHandle":
        """A handle on ``layer`` (call on the main thread). ``snapshot``: read through a feature source copy."""
        identifiable = bool(layer.flags() & QgsMapLayer.LayerFlag.Identifiable) and spec.identifiable
        source = QgsVectorLayerFeatureSource(layer) if snapshot else layer
        fields = layer.fields()
        return cls(spec, source, QgsCoordinateReferenceSystem(layer.crs()), QgsFields(fields),
                   identifiable, layer.name(), layer.wkbType(), gpkg_path(layer.source(), layer.providerType()),
                   layer.providerType(), layer.source(),
                   reader_for_layer(layer, fields) or (None if snapshot else direct_pg_reader(layer, fields)))

    def read(self, query: Query) -> Iterator[Any]:
        """The features ``query`` asks for (QgsFeature-like: ``id()``, ``attributes()``, ``geometry()``): straight
        from the GeoPackage or PostGIS table where the handle has a reader, else through QGIS (also when the direct
        read fails)."""
        if self.reader is not None:
            try:
                return iter(self.reader.read(query))
            except (sqlite3.Error, LookupError, OSError) as exc:
                LOG.info(f"{self.name or self.spec.id}: read through QGIS ({exc})")
        return self.features(to_request(query, self.fields))

    def features(self, request: QgsFeatureRequest) -> Iterator[QgsFeature]:
        """The features ``source.getFeatures(request)`` gives; an iterator the provider could not give a connection
        is noted as a fault (:func:`..read_faults.features_or_fault`), so it never reads as "nothing here"."""
        return features_or_fault(self.source, request, self.name or self.spec.id)

    def has_field(self, name: str) -> bool:
        return name in self.names

    def present(self, names: set[str] | list[str] | tuple[str, ...]) -> list[str]:
        return [n for n in names if n in self.names]


def direct_pg_reader(layer: QgsVectorLayer, fields: QgsFields) -> Optional[PgReader]:
    """The direct PostGIS reader where the ``postgis_direct_read`` setting asks for it (on by default); for live
    handles only: a task's snapshot reads through QGIS's pooled connections (one direct connection per QGIS)."""
    if layer.providerType() != "postgres" or not settings.get("postgis_direct_read"):
        return None
    return reader_for_pg_layer(layer, fields)


class _HandleCache:
    """Handles on live layers (not snapshots), kept from one click to the next on the main thread and dropped when
    anything they hold changes (the layer's CRS, fields, name, source, flags, subset string, edit state) or the
    GeoPackage file their reader opened is replaced."""

    SIGNALS = ("crsChanged", "updatedFields", "nameChanged", "dataSourceChanged", "flagsChanged",
               "subsetStringChanged", "editingStarted", "editingStopped", "willBeDeleted")

    def __init__(self) -> None:
        self.handles: dict[tuple[str, str], LayerHandle] = {}
        self.watched: set[str] = set()

    def get(self, spec: LayerSpec, layer: QgsVectorLayer) -> LayerHandle:
        if threading.current_thread() is not threading.main_thread():
            return LayerHandle.from_layer(spec, layer)
        layer_id = layer.id()
        key = (layer_id, spec.id)
        handle = self.handles.get(key)
        if (handle is not None and handle.source is layer and handle.spec is spec
                and (handle.reader is None or handle.reader.is_current())):
            return handle
        if layer_id not in self.watched:
            for name in self.SIGNALS:
                getattr(layer, name).connect(lambda *_args, lid=layer_id: self.forget(lid))
            self.watched.add(layer_id)
        handle = self.handles[key] = LayerHandle.from_layer(spec, layer)
        return handle

    def forget(self, layer_id: str) -> None:
        for key in [k for k in self.handles if k[0] == layer_id]:
            del self.handles[key]


_HANDLES = _HandleCache()


def release_handles() -> None:
    """Drop every kept handle (and its layer reference) and this thread's database connections: on plugin unload
    and before QGIS exits."""
    _HANDLES.handles.clear()
    close_connections()


def live_handle(spec: LayerSpec, layer: QgsVectorLayer) -> LayerHandle:
    """The handle on ``layer`` the engine reads a live layer through (cached between clicks, see
    :class:`_HandleCache`); treat it as read-only."""
    return _HANDLES.get(spec, layer)


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


def _usable(spec: LayerSpec, layer: QgsVectorLayer) -> bool:
    """A spatial layer without a CRS is not read: its distances would be in unknown units (the loader says so)."""
    return layer.isValid() and (not spec.is_spatial or crs_defined(layer.crs()))


def snapshot_handles(
    catalog: Catalog, layer_for: Callable[[str], LayerLike], snapshot: bool = True
) -> dict[str, LayerHandle]:
    """Handles for every catalog layer ``layer_for`` knows (main thread), ready for a background task."""
    handles: dict[str, LayerHandle] = {}
    for spec in catalog.layers:
        layer = layer_for(spec.id)
        if isinstance(layer, LayerHandle):
            handles[spec.id] = layer
        elif layer is not None and _usable(spec, layer):
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

    def to_metric(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, copy: bool = True) -> QgsGeometry:
        """A metric copy of ``geometry`` (in ``crs``); ``copy=False``: ``geometry`` itself when it is metric
        already, transformed in place otherwise (for a geometry nobody else holds, e.g. a fetched feature's)."""
        transform = self.transform(crs)
        if copy:
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
