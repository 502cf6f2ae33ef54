"""The "Twin info" map tool: a left click gives a map point, its CRS and QGIS Identify's search radius in metres."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor

from ..core.measure import radius_in_metres


class TwinInfoTool(QgsMapTool):
    """Click on the map to get the twin card of what is there (like QGIS's Identify, with the same radius)."""

    clicked = pyqtSignal(QgsPointXY, QgsCoordinateReferenceSystem, float)  # point (canvas CRS), CRS, radius in m

    def __init__(self, canvas: QgsMapCanvas):
        super().__init__(canvas)
        self.setCursor(QCursor(Qt.CursorShape.CrossCursor))

    def search_radius_map_units(self) -> float:
        """QGIS Identify's radius: ``Map/searchRadiusMM`` (default 2 mm) at the canvas scale, in map units."""
        return QgsMapTool.searchRadiusMU(self.canvas())

    def click_at(self, pos) -> tuple[QgsPointXY, QgsCoordinateReferenceSystem, float]:
        """Map point, canvas CRS and ground search radius (metres) for a click at widget position ``pos``."""
        canvas = self.canvas()
        point = self.toMapCoordinates(pos)
        crs = canvas.mapSettings().destinationCrs()
        project = QgsProject.instance()
        radius_m = radius_in_metres(self.search_radius_map_units(), crs, point, project.transformContext(),
                                    project.ellipsoid())
        return point, crs, radius_m

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point, crs, radius_m = self.click_at(event.pos())
        self.clicked.emit(point, crs, radius_m)

    def isEditTool(self) -> bool:  # noqa: N802 - QGIS API
        return False
