"""Link a located source row to the nearest twin feature (e.g. a survey point to its road segment)."""

from __future__ import annotations

from typing import Optional

from osgeo import gdal
from qgis.core import QgsGeometry, QgsSpatialIndex

from ..tr import tr

NEIGHBOURS = 8


class NearestLinker:
    """The key of the nearest feature of one twin table within ``max_distance`` (CRS units of the twin)."""

    def __init__(self, ds: gdal.Dataset, table: str, key: str, max_distance: float):
        self.max_distance = max_distance
        self.ds, self.table, self.key = ds, table, key
        self.index: Optional[QgsSpatialIndex] = None  # the features are read when a row first needs them
        self.features: dict[int, tuple[str, QgsGeometry]] = {}
        if ds.GetLayerByName(table) is None:
            raise ValueError(tr("table '{table}' to link to not found").format(table=table))

    def _load(self) -> None:
        """Read and index the twin table's features (once, on the first row that needs linking)."""
        self.index = QgsSpatialIndex()
        layer, key = self.ds.GetLayerByName(self.table), self.key
        layer.ResetReading()
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None or feature.GetField(key) is None:
                continue
            geometry = QgsGeometry()
            geometry.fromWkb(bytes(geom.ExportToIsoWkb()))
            fid = feature.GetFID()
            self.features[fid] = (str(feature.GetField(key)), geometry)
            self.index.addFeature(fid, geometry.boundingBox())
        layer.ResetReading()

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
