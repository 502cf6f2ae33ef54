"""Link a located source row to the nearest twin feature (e.g. a survey point to its road segment)."""

from __future__ import annotations

from typing import Optional

from osgeo import gdal
from qgis.core import QgsGeometry, QgsSpatialIndex

from ..tr import tr
from .link_rows import LinkRows, ogr_rows

NEIGHBOURS = 8


class NearestLinker:
    """The key of the nearest feature of one twin table within ``max_distance`` (CRS units of the twin)."""

    def __init__(self, ds: gdal.Dataset, table: str, key: str, max_distance: float, rows: Optional[LinkRows] = None):
        self.max_distance = max_distance
        self.rows: Optional[LinkRows] = rows or ogr_rows(ds, table)  # how the features are read, on first need
        self.key = key
        self.index: Optional[QgsSpatialIndex] = None  # the features are read when a row first needs them
        self.features: dict[int, tuple[str, QgsGeometry]] = {}
        if ds.GetLayerByName(table) is None:
            raise ValueError(tr("table '{table}' to link to not found").format(table=table))

    def _load(self) -> None:
        """Read and index the twin table's features (once, on the first row that needs linking)."""
        self.index = QgsSpatialIndex()
        key = self.key
        for fid, values, wkb in self.rows([key], True):
            if wkb is None or values[key] is None:
                continue
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            self.features[fid] = (str(values[key]), geometry)
            self.index.addFeature(fid, geometry.boundingBox())

    def __call__(self, geometry: QgsGeometry) -> Optional[str]:
        if self.index is None:
            self._load()
        point = geometry.centroid().asPoint()
        best: Optional[tuple[float, str]] = None
        for fid in self.index.nearestNeighbor(point, NEIGHBOURS, self.max_distance):
            key, candidate = self.features[fid]
            distance = candidate.distance(geometry)
            if distance <= self.max_distance and (best is None or (distance, key) < best):
                best = (distance, key)
        return best[1] if best else None
