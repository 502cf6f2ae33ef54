"""Ground distances from map units: the one place a search radius becomes metres."""

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
    factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
    return float(radius) * (factor if factor > 0 else 1.0)
