"""Which layers are the twin's: the tags a twin layer carries, and finding the tagged layers of a project."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsMapLayer, QgsProject, QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication

from .catalog import LayerSpec

LAYER_ID_PROPERTY = "digiresan/layer_id"
SOURCE_PROPERTY = "digiresan/source"
BACKGROUND_PROPERTY = "digiresan/background_map"


def tag_twin_layer(layer: QgsVectorLayer, spec: LayerSpec, source: str) -> None:
    """Mark ``layer`` as catalog layer ``spec`` read from ``source`` (a source string), identifiable as declared."""
    layer.setCustomProperty(LAYER_ID_PROPERTY, spec.id)
    layer.setCustomProperty(SOURCE_PROPERTY, source)
    if spec.is_spatial:
        flags = layer.flags()
        if spec.identifiable:
            flags |= QgsMapLayer.LayerFlag.Identifiable
        else:
            flags &= ~QgsMapLayer.LayerFlag.Identifiable
        layer.setFlags(flags)


def plain_gpkg_table(layer: QgsVectorLayer) -> Optional[tuple[str, str]]:
    """(file, table) when ``layer`` shows a whole GeoPackage table as stored — an ``ogr`` layer with a layer name,
    no subset string, not in edit mode — so the table may be read straight through SQLite; else None."""
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable():
        return None
    path, table = _path_and_table(layer.source())
    return (path, table) if path.lower().endswith(".gpkg") and table else None


@lru_cache(maxsize=256)
def _path_and_table(source: str) -> tuple[str, str]:
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
    return parts.get("path") or "", parts.get("layerName") or ""


def crs_defined(crs: QgsCoordinateReferenceSystem) -> bool:
    """Whether ``crs`` says where coordinates are: not invalid, and not GeoPackage's "Undefined geographic/Cartesian
    SRS" (srs_id 0 / -1), which QGIS reads as a valid custom CRS without authority."""
    if not crs.isValid():
        return False
    return bool(crs.authid()) or not crs.description().lower().startswith("undefined")


def settle_crs(layer: QgsVectorLayer, spec: LayerSpec) -> Optional[str]:
    """A spatial layer with an undefined CRS (e.g. GeoPackage srs_id 0) gets the catalog's declared ``crs``; without
    one it is refused (the reason, naming the layer, is returned): distances in unknown units are wrong answers."""
    if not spec.is_spatial or crs_defined(layer.crs()):
        return None
    if spec.crs and QgsCoordinateReferenceSystem(spec.crs).isValid():
        layer.setCrs(QgsCoordinateReferenceSystem(spec.crs))
        return None
    return QCoreApplication.translate("TwinLoader", "Layer '{layer}' (table '{table}'): its coordinate reference system is undefined and the catalog declares none ('crs'): not loaded, distances would be wrong").format(layer=spec.id, table=spec.table)  # noqa: E501 - one literal for pylupdate5


def twin_layer(project: QgsProject, layer_id: str) -> Optional[QgsVectorLayer]:
    """The project's layer for catalog layer ``layer_id``, if loaded (on the main thread from an index the project's
    and its layers' signals keep current: a click asks this a dozen times)."""
    app = QCoreApplication.instance()
    if app is not None and threading.current_thread() is threading.main_thread():
        index = _INDEXES.get(id(project))
        if index is None or index.project is not project:
            index = _INDEXES[id(project)] = _TwinLayerIndex(project)
        return index.get(layer_id)
    return _scan(project, layer_id)


def _scan(project: QgsProject, layer_id: str) -> Optional[QgsVectorLayer]:
    for layer in project.mapLayers().values():
        if layer.customProperty(LAYER_ID_PROPERTY) == layer_id and isinstance(layer, QgsVectorLayer):
            return layer
    return None


class _TwinLayerIndex:
    """Catalog layer id -> the project's layer, rebuilt after layers are added or removed or a tag changes."""

    def __init__(self, project: QgsProject):
        self.project = project
        self.layers: Optional[dict[str, QgsVectorLayer]] = None
        self.watched: set[str] = set()
        project.layersAdded.connect(self.invalidate)
        project.layersRemoved.connect(self.invalidate)
        project.cleared.connect(self.invalidate)

    def invalidate(self, *_args: object) -> None:
        self.layers = None

    def get(self, layer_id: str) -> Optional[QgsVectorLayer]:
        if self.layers is None:
            self.layers = {}
            for layer in self.project.mapLayers().values():
                if layer.id() not in self.watched:
                    layer.customPropertyChanged.connect(self.invalidate)
                    self.watched.add(layer.id())
                tag = layer.customProperty(LAYER_ID_PROPERTY)
                if tag and isinstance(layer, QgsVectorLayer):
                    self.layers.setdefault(str(tag), layer)
        layer = self.layers.get(layer_id)
        if layer is not None and sip.isdeleted(layer):  # deleted without leaving the project first
            self.layers = None
            return _scan(self.project, layer_id)
        return layer


_INDEXES: dict[int, _TwinLayerIndex] = {}


def release_layer_indexes() -> None:
    """Forget the indexed layers (their references): on plugin unload and before QGIS exits."""
    for index in _INDEXES.values():
        index.layers = None


def twin_layers(project: QgsProject) -> dict[str, QgsVectorLayer]:
    """All twin layers in the project by catalog layer id."""
    found: dict[str, QgsVectorLayer] = {}
    for layer in project.mapLayers().values():
        layer_id = layer.customProperty(LAYER_ID_PROPERTY)
        if layer_id and isinstance(layer, QgsVectorLayer):
            found[str(layer_id)] = layer
    return found


def background_maps(project: QgsProject) -> dict[str, QgsMapLayer]:
    """The catalog's background maps the user switched on, by id."""
    return {str(layer.customProperty(BACKGROUND_PROPERTY)): layer for layer in project.mapLayers().values()
            if layer.customProperty(BACKGROUND_PROPERTY)}
