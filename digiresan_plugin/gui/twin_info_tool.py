"""The "Twin info" map tool: a left click gives a map point, its CRS and QGIS Identify's search radius in metres."""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsPointXY,
    QgsProject,
    QgsUnitTypes,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor

FALLBACK_ELLIPSOID = "EPSG:7030"  # WGS 84


def radius_in_metres(
    radius: float,
    crs: QgsCoordinateReferenceSystem,
    at: QgsPointXY,
    context: Optional[QgsCoordinateTransformContext] = None,
    ellipsoid: Optional[str] = None,
) -> float:
    """A search radius in map units of ``crs`` at ``at`` as metres on the ground.

    Measured on the ellipsoid along both axes, taking the longer: in a geographic CRS a degree of latitude and one
    of longitude differ, and in a projection such as Web Mercator a map metre is not a ground metre. Falls back
    to the unit conversion when the CRS cannot be measured (e.g. no CRS: the radius is taken as metres).
    """
    if radius <= 0:
        return 0.0
    if not crs.isValid():
        return float(radius)
    area = QgsDistanceArea()
    area.setSourceCrs(crs, context or QgsProject.instance().transformContext())
    wanted = ellipsoid if ellipsoid and ellipsoid.upper() != "NONE" else (crs.ellipsoidAcronym() or FALLBACK_ELLIPSOID)
    if not area.setEllipsoid(wanted) or not area.willUseEllipsoid():
        area.setEllipsoid(FALLBACK_ELLIPSOID)
    try:
        east = area.measureLine(at, QgsPointXY(at.x() + radius, at.y()))
        north = area.measureLine(at, QgsPointXY(at.x(), at.y() + radius))
        metres = max(east, north)
    except Exception:  # noqa: BLE001 - QgsCsException outside the CRS's area: use the units
        metres = 0.0
    if metres > 0 and area.willUseEllipsoid():
        return metres
    factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceMeters)
    return float(radius) * (factor if factor > 0 else 1.0)


class TwinInfoTool(QgsMapTool):
    """Click on the map to get the twin card of what is there (like QGIS's Identify, with the same radius)."""

    clicked = pyqtSignal(QgsPointXY, QgsCoordinateReferenceSystem, float)  # point (canvas CRS), CRS, radius in m

    def __init__(self, canvas: QgsMapCanvas):
        super().__init__(canvas)
        self.setCursor(QCursor(Qt.CrossCursor))

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
        if event.button() != Qt.LeftButton:
            return
        point, crs, radius_m = self.click_at(event.pos())
        self.clicked.emit(point, crs, radius_m)

    def isEditTool(self) -> bool:  # noqa: N802 - QGIS API
        return False
