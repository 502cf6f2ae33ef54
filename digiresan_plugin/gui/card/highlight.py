"""The card's subject on the map: a thick magenta halo (a QGIS highlight) on a white casing (a rubber band), which
stands out on every condition class, road and sign colour; drawn from the geometry the report carries (the feature
is not read again)."""

from __future__ import annotations

from typing import Any, Optional

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsHighlight, QgsMapCanvas, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...core.identify.report import Subject
from .theme import (
    CASING_COLOR,
    CASING_WIDTH_PX,
    HIGHLIGHT_BUFFER_MM,
    HIGHLIGHT_COLOR,
    HIGHLIGHT_FILL_ALPHA,
    HIGHLIGHT_MIN_WIDTH_MM,
    HIGHLIGHT_WIDTH_PX,
)


def subject_geometry(subject: Subject, layer: QgsVectorLayer) -> Optional[QgsGeometry]:
    """The subject's geometry in ``layer``'s CRS: the one in the report, else (a report read from JSON) its
    feature's."""
    geometry: Any = subject.geometry
    if geometry is None and subject.fid is not None:
        feature = next(layer.getFeatures(QgsFeatureRequest(int(subject.fid)).setNoAttributes()), None)
        geometry = feature.geometry() if feature is not None and feature.hasGeometry() else None
    return geometry if geometry is not None and not geometry.isEmpty() else None


class SubjectHighlight:
    """At most one highlight on ``canvas``; :meth:`show` replaces it, :meth:`remove` takes it away."""

    def __init__(self, canvas: Optional[QgsMapCanvas]):
        self.canvas = canvas
        self.item: Optional[QgsHighlight] = None
        self.casing: Optional[QgsRubberBand] = None
        self.layer_id: Optional[str] = None  # the QGIS layer id the highlight belongs to

    def show(self, geometry: QgsGeometry, layer: QgsVectorLayer) -> QgsHighlight:
        self.remove()
        kind = QgsWkbTypes.geometryType(geometry.wkbType())
        casing = QgsRubberBand(self.canvas, kind)
        casing.setToGeometry(geometry, layer)
        casing.setStrokeColor(QColor(CASING_COLOR))
        casing.setFillColor(QColor(Qt.GlobalColor.transparent))
        casing.setWidth(CASING_WIDTH_PX)
        if kind == QgsWkbTypes.GeometryType.PointGeometry:
            casing.setIcon(QgsRubberBand.IconType.ICON_CIRCLE)
            casing.setIconSize(CASING_WIDTH_PX * 2)
        casing.show()
        self.casing = casing
        highlight = QgsHighlight(self.canvas, geometry, layer)
        color = QColor(HIGHLIGHT_COLOR)
        highlight.setColor(color)
        fill = QColor(color)
        # a polygon keeps its own colour inside the halo (a magenta veil turns a park grey); a line or a point is
        # tinted so that a thin one shows
        fill.setAlpha(0 if kind == QgsWkbTypes.GeometryType.PolygonGeometry else HIGHLIGHT_FILL_ALPHA)
        highlight.setFillColor(fill)
        highlight.setBuffer(HIGHLIGHT_BUFFER_MM)
        highlight.setMinWidth(HIGHLIGHT_MIN_WIDTH_MM)
        highlight.setWidth(HIGHLIGHT_WIDTH_PX)  # a geometry highlight draws its stroke this wide
        highlight.show()
        self.item = highlight
        self.layer_id = layer.id()
        return highlight

    def remove(self) -> None:
        if self.casing is not None:
            try:
                self.casing.reset()
                scene = self.casing.scene()
                if scene is not None:
                    scene.removeItem(self.casing)
            except RuntimeError:  # the canvas is already gone
                pass
            self.casing = None
        if self.item is not None:
            try:
                scene = self.item.scene()
                if scene is not None:
                    scene.removeItem(self.item)
            except RuntimeError:  # the canvas is already gone
                pass
            self.item = None
            self.layer_id = None
