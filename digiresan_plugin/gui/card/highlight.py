"""The card's subject on the map: a QGIS highlight in the user's identify colours (``Map/highlight/*``), drawn
from the geometry the report carries (the feature is not read again)."""

from __future__ import annotations

from typing import Any, Optional

from qgis.core import Qgis, QgsFeatureRequest, QgsGeometry, QgsVectorLayer
from qgis.gui import QgsHighlight, QgsMapCanvas
from qgis.PyQt.QtGui import QColor

from ...core.identify.report import Subject
from ...core.settings import qgis_value


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
        self.layer_id: Optional[str] = None  # the QGIS layer id the highlight belongs to

    def show(self, geometry: QgsGeometry, layer: QgsVectorLayer) -> QgsHighlight:
        self.remove()
        highlight = QgsHighlight(self.canvas, geometry, layer)
        color = QColor(qgis_value("Map/highlight/color", Qgis.DEFAULT_HIGHLIGHT_COLOR.name(), str))
        alpha = qgis_value("Map/highlight/colorAlpha", Qgis.DEFAULT_HIGHLIGHT_COLOR.alpha(), int)
        highlight.setColor(color)
        fill = QColor(color)
        fill.setAlpha(alpha)
        highlight.setFillColor(fill)
        highlight.setBuffer(qgis_value("Map/highlight/buffer", Qgis.DEFAULT_HIGHLIGHT_BUFFER_MM, float))
        highlight.setMinWidth(qgis_value("Map/highlight/minWidth", Qgis.DEFAULT_HIGHLIGHT_MIN_WIDTH_MM, float))
        highlight.show()
        self.item = highlight
        self.layer_id = layer.id()
        return highlight

    def remove(self) -> None:
        if self.item is not None:
            try:
                scene = self.item.scene()
                if scene is not None:
                    scene.removeItem(self.item)
            except RuntimeError:  # the canvas is already gone
                pass
            self.item = None
            self.layer_id = None
