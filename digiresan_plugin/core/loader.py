"""Load a twin into a QGIS project: one group, sub-groups from the catalog, bundled styles.

No widgets here. Layers are created and added on the calling (main) thread; checks that may block
(e.g. reaching a database) belong in :meth:`TwinSource.check`, run in a task before this (then ``check=False``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsLayerMetadata,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from .catalog import Catalog, LayerSpec
from .compat import null_rectangle, set_attribution
from .layers import (
    BACKGROUND_PROPERTY,
    LAYER_ID_PROPERTY,
    SOURCE_PROPERTY,
    background_maps,
    settle_crs,
    tag_twin_layer,
    twin_layer,
    twin_layers,
)
from .log import get_logger
from .maintenance import prepare_loaded_layers
from .style_labels import translate_legend
from .twin_source import TwinSource, TwinSourceError

GROUP_PROPERTY = "digiresan/group"
ROOT_GROUP_ID = "__twin__"
PROJECT_SCOPE = "digiresan"
LOG = get_logger(__name__)
# QGIS's yellow selection reads as condition class 3: a twin project selects in cyan, which no class, road or sign
# colour uses and which stands beside the card's magenta highlight; a colour the user chose is kept
QGIS_SELECTION_COLOR = QColor(255, 255, 0, 255)
SELECTION_COLOR = QColor(0, 200, 255, 255)
_WARNED_PLAIN_PASSWORD: set[str] = set()  # saved connections already warned about in this session


@dataclass
class LoadReport:
    """What a load did: layer ids added or reused, and every problem by layer and field."""

    source: str
    added: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # e.g. a plain password in the connection: shown once
    extent: Optional[QgsRectangle] = None

    @property
    def loaded(self) -> list[str]:
        return self.added + self.reused


def stored_source(project: QgsProject) -> Optional[str]:
    """The twin source saved in the project, if any."""
    value, ok = project.readEntry(PROJECT_SCOPE, "twin_source", "")
    return value if ok and value else None


class TwinLoader:
    """Puts the catalog's layers from one source into a project, without duplicating them."""

    def __init__(self, catalog: Catalog, project: QgsProject, language: str = "en"):
        self.catalog = catalog
        self.project = project
        self.language = language

    def load(self, source: TwinSource, check: bool = True) -> LoadReport:
        """Add the catalog's layers from ``source``. ``check=False``: the caller already ran
        :meth:`TwinSource.check` (off the UI thread) and it passed — it may block, so it is not repeated here."""
        report = LoadReport(source=source.to_string())
        reason = source.check() if check else None
        if reason:
            report.problems.append(reason)
            return report
        warning = source.plain_password_warning()
        if warning and source.location not in _WARNED_PLAIN_PASSWORD:
            _WARNED_PLAIN_PASSWORD.add(source.location)
            report.notices.append(warning)
            LOG.warning(warning)
        root = self._group(self.project.layerTreeRoot(), ROOT_GROUP_ID, self.catalog.title.text(self.language), 0)
        reached = True
        for group_spec in self.catalog.groups:
            specs = self.catalog.layers_in_group(group_spec.id)
            if not specs:
                continue
            group = self._group(root, group_spec.id, group_spec.title.text(self.language), len(root.children()))
            if not all(self._load_layer(spec, source, group, report) for spec in specs):
                reached = False  # the database is not there: one message, not one per layer
                break
        if not reached and not report.loaded:
            if not root.findLayers():
                self.project.layerTreeRoot().removeChildNode(root)
            return report
        report.problems += prepare_loaded_layers(self.catalog, self.project, source, report.loaded, self.language)
        self.project.writeEntry(PROJECT_SCOPE, "twin_source", source.to_string())
        self.project.writeEntry(PROJECT_SCOPE, "loaded_layers", report.loaded)
        if self.project.selectionColor() == QGIS_SELECTION_COLOR:
            self.project.setSelectionColor(SELECTION_COLOR)
        report.extent = self._extent([i for i in report.loaded if self.catalog.layer(i).identifiable])
        for problem in report.problems:
            LOG.warning(problem)
        return report

    def unload(self) -> None:
        """Remove the twin's layers and group from the project."""
        ids = [layer.id() for layer in twin_layers(self.project).values()]
        ids += [layer.id() for layer in background_maps(self.project).values()]
        self.project.removeMapLayers(ids)
        root = self.project.layerTreeRoot()
        group = self._find_group(root, ROOT_GROUP_ID)
        if group is not None:
            root.removeChildNode(group)
        self.project.removeEntry(PROJECT_SCOPE, "/")

    # -- internals -------------------------------------------------------------------------
    def _load_layer(self, spec: LayerSpec, source: TwinSource, group: QgsLayerTreeGroup, report: LoadReport) -> bool:
        """Add one layer (problems into ``report``); False when the source itself could not be reached."""
        title = spec.title.text(self.language)
        existing = twin_layer(self.project, spec.id)
        if existing is not None and existing.customProperty(SOURCE_PROPERTY) == source.to_string():
            if group.findLayer(existing.id()) is None:
                self._move_into(existing, group, self._position(group, spec))
            report.reused.append(spec.id)
            return True
        if existing is not None:  # another source: replace
            self.project.removeMapLayer(existing.id())
        try:
            layer, unreachable = source.open_layer_or_fault(spec, title)
        except TwinSourceError as exc:
            report.problems.append(str(exc))
            return True
        if unreachable:
            report.problems.append(unreachable)
            return False
        if not layer.isValid() and spec.optional:
            LOG.info("Optional layer '%s': no table '%s' in %s, left out", spec.id, spec.table, source.describe())
            return True
        if not layer.isValid():
            report.problems.append(QCoreApplication.translate(
                "TwinLoader", "Layer '{layer}': table '{table}' not found or not readable in {source}"
            ).format(layer=spec.id, table=spec.table, source=source.describe()))
            return True
        undefined_crs = settle_crs(layer, spec)
        if undefined_crs:
            report.problems.append(undefined_crs)
            return True
        missing = [name for name in spec.fields if layer.fields().indexFromName(name) < 0]
        if missing:
            report.problems.append(QCoreApplication.translate(
                "TwinLoader", "Layer '{layer}' (table '{table}'): missing field(s) {fields}"
            ).format(layer=spec.id, table=spec.table, fields=", ".join(missing)))
        style = self.catalog.style_path(spec)
        if style is not None:
            message, ok = layer.loadNamedStyle(str(style))
            if not ok:
                report.problems.append(QCoreApplication.translate(
                    "TwinLoader", "Layer '{layer}': style {style} not applied: {message}"
                ).format(layer=spec.id, style=style.name, message=message))
            else:
                translate_legend(layer)
        tag_twin_layer(layer, spec, source.to_string())
        self.project.addMapLayer(layer, False)
        group.insertLayer(self._position(group, spec), layer)
        report.added.append(spec.id)
        return True

    def show_background_map(self, map_id: str, show: bool) -> Optional[QgsMapLayer]:
        """Add the catalog's online tile map ``map_id`` at the bottom of its group (``show``), or remove it.

        Nothing is fetched until it is shown; the twin never needs it. Returns the map's layer while it is shown.
        """
        spec = next(m for m in self.catalog.background_maps if m.id == map_id)
        existing = background_maps(self.project).get(spec.id)
        if not show:
            if existing is not None:
                self.project.removeMapLayer(existing.id())
            return None
        if existing is not None:
            return existing
        layer = QgsRasterLayer(spec.uri(), spec.title.text(self.language), "wms")
        if not layer.isValid():
            LOG.warning("Background map '%s' could not be created (is the WMS provider installed?)", spec.id)
            return None
        set_attribution(layer, spec.attribution, spec.attribution_url)
        metadata = QgsLayerMetadata()
        metadata.setTitle(spec.title.text(self.language))
        metadata.setRights([spec.attribution])
        metadata.setLicenses([spec.attribution_url] if spec.attribution_url else [])
        layer.setMetadata(metadata)
        layer.setCustomProperty(BACKGROUND_PROPERTY, spec.id)
        root = self._group(self.project.layerTreeRoot(), ROOT_GROUP_ID, self.catalog.title.text(self.language), 0)
        group_spec = self.catalog.group(spec.group)
        group = self._group(root, group_spec.id, group_spec.title.text(self.language), len(root.children()))
        self.project.addMapLayer(layer, False)
        group.insertLayer(len(group.children()), layer)
        return layer

    def _group(self, parent: QgsLayerTreeGroup, group_id: str, title: str, index: int) -> QgsLayerTreeGroup:
        group = self._find_group(parent, group_id)
        if group is None:
            group = parent.insertGroup(index, title)
            group.setCustomProperty(GROUP_PROPERTY, group_id)
        else:
            group.setName(title)
        return group

    @staticmethod
    def _find_group(parent: QgsLayerTreeGroup, group_id: str) -> Optional[QgsLayerTreeGroup]:
        for child in parent.children():
            if isinstance(child, QgsLayerTreeGroup) and child.customProperty(GROUP_PROPERTY) == group_id:
                return child
        return None

    def _move_into(self, layer: QgsVectorLayer, group: QgsLayerTreeGroup, index: int) -> None:
        node = self.project.layerTreeRoot().findLayer(layer.id())
        if node is not None:
            group.insertChildNode(index, node.clone())
            node.parent().removeChildNode(node)
        else:
            group.insertLayer(index, layer)

    def _position(self, group: QgsLayerTreeGroup, spec: LayerSpec) -> int:
        """Index in ``group`` that keeps the catalog's layer order."""
        before = set()
        for other in self.catalog.layers_in_group(spec.group):
            if other.id == spec.id:
                break
            before.add(other.id)
        index = 0
        for i, child in enumerate(group.children()):
            layer = getattr(child, "layer", lambda: None)()
            if layer is not None and layer.customProperty(LAYER_ID_PROPERTY) in before:
                index = i + 1
        return index

    def _extent(self, layer_ids: list[str]) -> Optional[QgsRectangle]:
        """Combined extent of the given loaded spatial layers, in the project CRS."""
        extent = null_rectangle()
        target = self.project.crs()
        for layer_id in layer_ids:
            layer = twin_layer(self.project, layer_id)
            if layer is None or not layer.isSpatial():
                continue
            layer_extent = layer.extent()
            if target.isValid() and layer.crs() != target:
                transform = QgsCoordinateTransform(layer.crs(), target, self.project.transformContext())
                try:
                    layer_extent = transform.transformBoundingBox(layer_extent)
                except Exception:  # noqa: BLE001 - QgsCsException: skip an untransformable extent
                    continue
            extent.combineExtentWith(layer_extent)
        return None if extent.isEmpty() else extent
