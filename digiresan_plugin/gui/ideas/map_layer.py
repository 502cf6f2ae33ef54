"""The ideas on the map: a memory point layer coloured by status, kept in step with the list's selection.

Features (made in the loading task) are added in chunks from the event loop, so 100 000 points never freeze QGIS.
Selecting a point (QGIS's select tool, or the dock's pick tool) emits ``picked`` with the idea's id. The dock's
filters filter the map too: :meth:`IdeasMapLayer.set_listed` sets each point's ``listed`` flag (only the flags that
change are written) and the layer's subset string ``"listed" = 1`` shows exactly the listed ideas.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas, QgsMapToolIdentifyFeature, QgsVertexMarker
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ...core.ideas.features import LISTED_FIELD, LISTED_SUBSET, layer_features, layer_fields
from ...core.ideas.model import IDEAS_CRS, STATUSES, Idea
from ...core.ideas.vocabulary import label
from ...core.signals import SignalBag
from .table_model import STATUS_COLOURS

LAYER_PROPERTY = "digiresan/ideas_layer"
LAYER_CHUNK = 2000  # map features added per event-loop turn
FLAG_CHUNK = 5000  # "listed" flags written per event-loop turn


IDEA_OUTLINE = "#2b0a3d"  # the ideas' star edge: dark, unlike the white edges of the twin's point symbols


class IdeasMapLayer(QObject):
    """Owns the ideas layer of the project (found again by :data:`LAYER_PROPERTY` after a reload of the plugin)."""

    picked = pyqtSignal(int)  # an idea chosen on the map
    filled = pyqtSignal()  # every feature of the last update is on the layer
    picking_stopped = pyqtSignal()  # the pick tool was replaced by another map tool
    listed_changed = pyqtSignal()  # the map shows the ideas of the last set_listed

    def __init__(self, canvas: Optional[QgsMapCanvas], project: QgsProject, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.canvas = canvas
        self.project = project
        self.layer: Optional[QgsVectorLayer] = None
        self._fid_of: dict[int, int] = {}
        self._idea_of_fid: dict[int, int] = {}
        self._listed: Optional[frozenset[int]] = None  # the ideas the list shows (None: all)
        self._points: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (fids, idea ids, listed) per chunk
        self._flag_token = 0  # the last set_listed; its flags are written in chunks
        self._flag_token_done: Optional[int] = 0
        self._connected: Optional[QgsVectorLayer] = None
        self._token = 0
        self._syncing = False
        self._closed = False
        self._pick_tool: Optional[QgsMapToolIdentifyFeature] = None
        self.marker: Optional[QgsVertexMarker] = None  # the selected idea, drawn above the map and its labels
        self._previous_tool = None
        self._signals = SignalBag()
        self._signals.connect(project.layerWillBeRemoved, self._layer_removed)

    # -- the layer -------------------------------------------------------------------------------------------------
    def _find_layer(self) -> Optional[QgsVectorLayer]:
        for layer in self.project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(LAYER_PROPERTY):
                return layer
        return None

    def _create_layer(self) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"Point?crs={IDEAS_CRS}&index=yes", self.tr("Digiresan ideas"), "memory")
        layer.dataProvider().addAttributes(layer_fields().toList())
        layer.updateFields()
        layer.setCustomProperty(LAYER_PROPERTY, True)
        categories = []
        for status in STATUSES:
            # a star of its own (signs are circles, triangles and diamonds), dark-edged on the status colour
            symbol = QgsMarkerSymbol.createSimple({
                "name": "star", "color": STATUS_COLOURS[status], "outline_color": IDEA_OUTLINE,
                "outline_width": "0.35", "size": "4.4"})
            categories.append(QgsRendererCategory(status, symbol, label(status)))
        layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
        layer.setDisplayExpression('"reference" || \' – \' || "title"')
        layer.setSubsetString(LISTED_SUBSET)
        self.project.addMapLayer(layer)
        return layer

    def _prepare_found(self, layer: QgsVectorLayer) -> None:
        """A layer from before this version (found again after a plugin reload) gets the ``listed`` field."""
        if layer.fields().indexOf(LISTED_FIELD) < 0:
            layer.setSubsetString("")
            layer.dataProvider().truncate()
            layer.dataProvider().addAttributes([f for f in layer_fields() if f.name() == LISTED_FIELD])
            layer.updateFields()
        if layer.subsetString() != LISTED_SUBSET:
            layer.setSubsetString(LISTED_SUBSET)

    def update(self, features: list[QgsFeature]) -> None:
        """Replace the layer's points by ``features`` (the layer is made on the first located idea)."""
        if self._closed:
            return
        if self.layer is None:
            self.layer = self._find_layer()
            if self.layer is not None:
                self._prepare_found(self.layer)
        if self.layer is None:
            if not features:
                return
            self.layer = self._create_layer()
        if self._connected is not self.layer:
            self._signals.connect(self.layer.selectionChanged, self._selection_changed)
            self._connected = self.layer
        layer = self.layer
        self._token += 1
        token = self._token
        self._syncing = True
        try:
            layer.dataProvider().truncate()
        finally:
            self._syncing = False
        self._fid_of, self._idea_of_fid, self._points = {}, {}, []
        self._flag_token += 1  # flags still being written belong to the old points
        self._flag_token_done = self._flag_token
        chunks = [features[k:k + LAYER_CHUNK] for k in range(0, len(features), LAYER_CHUNK)]
        listed_index = layer_fields().indexOf(LISTED_FIELD)

        def add_next() -> None:
            if token != self._token or self._closed or self.layer is not layer:
                return  # a newer update or the layer is gone
            if chunks:
                chunk = chunks.pop(0)
                listed = self._listed
                if listed is not None:  # the list is filtered already: so is the map, from the first point
                    for feature in chunk:
                        feature.setAttribute(listed_index, 1 if feature.attribute(0) in listed else 0)
                ok, added = layer.dataProvider().addFeatures(chunk)
                if ok:
                    fids, ids, flags = [], [], []
                    for feature in added:
                        self._fid_of[feature.attribute(0)] = feature.id()
                        self._idea_of_fid[feature.id()] = feature.attribute(0)
                        fids.append(feature.id())
                        ids.append(feature.attribute(0))
                        flags.append(feature.attribute(listed_index))
                    self._points.append((np.array(fids, dtype=np.int64), np.array(ids, dtype=np.int64),
                                         np.array(flags, dtype=np.int8)))
            if chunks:
                QTimer.singleShot(0, add_next)
                return
            layer.updateExtents()
            layer.triggerRepaint()
            self.filled.emit()

        add_next()

    def update_idea(self, idea: Idea, ideas: Sequence[Idea]) -> None:
        """Show a saved idea's new status and amount (one feature; all of ``ideas`` again if it was not on the
        layer and is located now)."""
        if self.layer is None:
            return
        fid = self._fid_of.get(idea.idea_id)
        if fid is None:
            if idea.located:
                self.update(layer_features(ideas))
            return
        fields = self.layer.fields()
        values = {fields.indexOf("status"): idea.status, fields.indexOf("granted_sek"): idea.granted_sek,
                  fields.indexOf("title"): idea.title}
        self.layer.dataProvider().changeAttributeValues({fid: values})
        self.layer.triggerRepaint()

    # -- the list's filters on the map ------------------------------------------------------------------------------
    def set_listed(self, idea_ids: Optional[Sequence[int]]) -> None:
        """Show only these ideas on the map (``None``: all); writes only the flags that change."""
        wanted = None if idea_ids is None else np.asarray(idea_ids, dtype=np.int64)
        self._listed = None if wanted is None else frozenset(wanted.tolist())
        layer = self.layer
        fids, ids, old = self._all_points()
        if layer is None or not len(fids):
            return
        new = np.ones(len(fids), dtype=np.int8) if wanted is None else np.isin(ids, wanted).astype(np.int8)
        changed = np.flatnonzero(new != old)
        if not len(changed):
            return
        index = layer.fields().indexOf(LISTED_FIELD)
        on, off = {index: 1}, {index: 0}
        pending = list(zip(fids[changed].tolist(), [on if v else off for v in new[changed].tolist()]))
        self._points = [(fids, ids, new)]
        self._flag_token += 1
        token = self._flag_token

        def write_next() -> None:  # a chunk per event-loop turn: 100 000 flags never freeze QGIS
            if token != self._flag_token or self.layer is not layer or self._closed:
                return
            chunk = pending[:FLAG_CHUNK]
            del pending[:FLAG_CHUNK]
            layer.dataProvider().changeAttributeValues(dict(chunk))
            if pending:
                QTimer.singleShot(0, write_next)
            else:
                self._flag_token_done = token
                layer.triggerRepaint()
                self.listed_changed.emit()

        self._flag_token_done = None
        write_next()

    @property
    def writing_flags(self) -> bool:
        """Whether the map is still catching up with the last :meth:`set_listed`."""
        return self._flag_token_done is None

    def _all_points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(fids, idea ids, listed flags) of every point on the layer, as one set of arrays."""
        if len(self._points) != 1:
            parts = self._points or [(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int8))]
            self._points = [tuple(np.concatenate(column) for column in zip(*parts))]
        return self._points[0]

    @property
    def listed_count(self) -> Optional[int]:
        """How many points the map shows now (None without a layer)."""
        if self.layer is None:
            return None
        return int(self._all_points()[2].sum())

    def listed_ids(self) -> list[int]:
        """The ideas the map shows now, as the layer itself answers (its subset string), sorted."""
        if self.layer is None:
            return []
        return sorted(int(f["idea_id"]) for f in self.layer.getFeatures())

    def _layer_removed(self, layer_id: str) -> None:
        if self.layer is not None and self.layer.id() == layer_id:
            if self._pick_tool is not None:
                self.picking_stopped.emit()
            self.layer = None
            self._connected = None
            self._fid_of, self._idea_of_fid, self._points = {}, {}, []

    # -- list → map ------------------------------------------------------------------------------------------------
    def show(self, idea: Idea, move: bool = True) -> None:
        """Select the idea's point; ``move``: pan to it if it is outside the view, and flash it."""
        if self.layer is not None and not self._syncing:
            fid = self._fid_of.get(idea.idea_id)
            self._syncing = True
            try:
                self.layer.selectByIds([fid] if fid is not None else [])
            finally:
                self._syncing = False
        if self.canvas is None or not idea.located:
            self.clear_marker()
            return
        point = self._canvas_point(idea)
        self._mark(point, idea.status)
        if not move:
            return
        if not self.canvas.extent().contains(point):
            self.canvas.setCenter(point)
            self.canvas.refresh()
        self.canvas.flashGeometries([QgsGeometry.fromPointXY(point)], self.canvas.mapSettings().destinationCrs())

    def zoom_to(self, idea: Idea) -> None:
        """Centre the map on the idea at 1:2000 or closer, and flash it."""
        if not idea.located or self.canvas is None:
            return
        point = self._canvas_point(idea)
        self._mark(point, idea.status)
        self.canvas.setCenter(point)
        self.canvas.zoomScale(min(self.canvas.scale(), 2000.0))
        self.canvas.refresh()
        self.canvas.flashGeometries([QgsGeometry.fromPointXY(point)], self.canvas.mapSettings().destinationCrs())

    def _mark(self, point: QgsPointXY, status: str) -> None:
        """A ring around the selected idea: a canvas item, so it stays above every layer and every label."""
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas)
            self.marker.setIconType(QgsVertexMarker.IconType.ICON_CIRCLE)
            self.marker.setIconSize(18)
            self.marker.setPenWidth(3)
            self.marker.setZValue(1000)
        self.marker.setColor(QColor(STATUS_COLOURS.get(status, "#1565c0")))
        self.marker.setCenter(point)
        self.marker.show()

    def clear_marker(self) -> None:
        """No idea selected: no ring."""
        if self.marker is not None:
            self.marker.hide()

    def _remove_marker(self) -> None:
        if self.marker is not None and self.canvas is not None:
            try:
                self.canvas.scene().removeItem(self.marker)
            except RuntimeError:  # the canvas is gone already
                pass
        self.marker = None

    def _canvas_point(self, idea: Idea) -> QgsPointXY:
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(IDEAS_CRS),
                                           self.canvas.mapSettings().destinationCrs(), self.project)
        return transform.transform(QgsPointXY(idea.x, idea.y))

    # -- map → list ------------------------------------------------------------------------------------------------
    def _selection_changed(self, selected: list, _deselected: list, _clear: bool) -> None:
        if self._syncing or not selected:
            return
        idea_id = self._idea_of_fid.get(selected[0])
        if idea_id is not None:
            self.picked.emit(idea_id)

    def set_picking(self, on: bool) -> bool:
        """Start or stop the pick tool (a click on a point picks its idea); False when it cannot start (no layer)."""
        if self.canvas is None:
            return True
        if on:
            if self.layer is None:
                return False
            self._previous_tool = self.canvas.mapTool()
            self._pick_tool = QgsMapToolIdentifyFeature(self.canvas, self.layer)
            self._pick_tool.featureIdentified.connect(self._feature_picked)
            self._pick_tool.deactivated.connect(self.picking_stopped)
            self.canvas.setMapTool(self._pick_tool)
        elif self._pick_tool is not None:
            tool, self._pick_tool = self._pick_tool, None
            if self.canvas.mapTool() is tool:
                if self._previous_tool is not None:
                    self.canvas.setMapTool(self._previous_tool)
                else:
                    self.canvas.unsetMapTool(tool)
            tool.deleteLater()
        return True

    @property
    def picking(self) -> bool:
        return self._pick_tool is not None

    def _feature_picked(self, feature: QgsFeature) -> None:
        idea_id = self._idea_of_fid.get(feature.id())
        if idea_id is None:
            idea_id = feature.attribute("idea_id")
        if idea_id is not None:
            self.picked.emit(int(idea_id))

    # -- end -------------------------------------------------------------------------------------------------------
    def cleanup(self, remove_layer: bool = True) -> None:
        """Disconnect everything and (by default) remove the layer from the project."""
        self._closed = True
        self._signals.disconnect_all()
        self._remove_marker()
        if remove_layer and self.layer is not None:
            layer_id = self.layer.id()
            self.layer = None
            if self.project.mapLayer(layer_id) is not None:
                self.project.removeMapLayer(layer_id)
