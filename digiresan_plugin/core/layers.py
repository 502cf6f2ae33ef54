"""Which layers are the twin's: the tags a twin layer carries, and finding the tagged layers of a project."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsMapLayer, QgsProject, QgsVectorLayer
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
    """The project's layer for catalog layer ``layer_id``, if loaded."""
    for layer in project.mapLayers().values():
        if layer.customProperty(LAYER_ID_PROPERTY) == layer_id and isinstance(layer, QgsVectorLayer):
            return layer
    return None


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
