"""Read the rows of the file a user brings: GeoPackage, Shape, GeoJSON, XLSX (through QGIS's OGR provider) or
CSV (read here as text, geometry from a WKT column or X/Y columns), reprojected into the twin's CRS.

Rows are numbered from 1 in file order (for CSV: the first row under the header is row 1). A source with
geometry but without a CRS is refused unless one is given.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from ..tr import tr
from .gpkg_source import gpkg_table
from .mapping import Mapping
from .names import SourceFields
from .values import ValueProblemError, is_empty, to_real

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
CSV_ENCODINGS = ("utf-8-sig", "cp1252")


class SourceError(ValueError):
    """The input file cannot be read as asked; the message names the file and why."""


@dataclass
class SourceRow:
    number: int
    values: dict[str, Any]
    geometry: Optional[QgsGeometry] = None  # in the twin's CRS
    problem: Optional[str] = None  # a geometry that could not be read or reprojected
    wkb: Optional[bytes] = None  # the geometry as read (already in the twin's CRS), when ``geometry`` is not made

    def shape(self) -> Optional[QgsGeometry]:
        """The geometry (made from ``wkb`` on first use)."""
        if self.geometry is None and self.wkb is not None:
            self.geometry = QgsGeometry()
            self.geometry.fromWkb(self.wkb)
            self.wkb = None
        return self.geometry


class Source:
    """One input file, opened; :meth:`rows` reads it (any thread, after opening on the main thread)."""

    def __init__(self, path: Path | str, mapping: Mapping, target_crs: Optional[QgsCoordinateReferenceSystem],
                 crs_override: str = "", transform_context: Optional[QgsCoordinateTransformContext] = None,
                 geometry_required: bool = True):
        self.path = Path(str(path).split("|")[0])
        self.text = str(path)
        self.mapping = mapping
        self.target_crs = target_crs
        self.context = transform_context or QgsCoordinateTransformContext()
        self.geometry_required = geometry_required
        if not self.path.is_file():
            raise SourceError(tr("{file}: file not found").format(file=self.path))
        self.is_csv = self.path.suffix.lower() in CSV_SUFFIXES
        self.layer: Optional[QgsVectorLayer] = None
        self.gpkg = None
        if self.is_csv:
            self._open_csv()
        else:
            self._open_ogr()
        self.crs = self._crs(crs_override)

    @property
    def name(self) -> str:
        return self.path.name

    # -- opening ---------------------------------------------------------------------------
    def _open_ogr(self) -> None:
        layer = QgsVectorLayer(self.text, "import source", "ogr")
        if not layer.isValid():
            raise SourceError(tr("{file}: not a vector or table file QGIS can open").format(file=self.path))
        self.layer = layer
        self.gpkg = gpkg_table(self.text, layer) if self.path.suffix.lower() == ".gpkg" else None
        self.fields = SourceFields(layer.fields().names())
        self.has_geometry = layer.isSpatial()
        self.count = layer.featureCount()
        self.wkt, self.xy = None, (None, None)
        if not self.has_geometry:  # a table (XLSX, DBF…): geometry from WKT or X/Y columns, as for CSV
            self._geometry_columns(layer.fields().names())

    def _open_csv(self) -> None:
        for encoding in CSV_ENCODINGS:
            try:
                text = self.path.read_text(encoding=encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SourceError(tr("{file}: not UTF-8 or Windows-1252 text").format(file=self.path))
        lines = text.splitlines()
        if not lines:
            raise SourceError(tr("{file}: the file is empty (a header row is needed)").format(file=self.path))
        header = lines[0]
        delimiter = max((";", ",", "\t", "|"), key=header.count)
        reader = csv.reader(lines, delimiter=delimiter)
        names = [n.strip() for n in next(reader)]
        self._csv_rows = list(reader)
        self.fields = SourceFields(names)
        self._csv_names = names
        self._geometry_columns(names)
        self.count = len(self._csv_rows)

    def _geometry_columns(self, names: list[str]) -> None:
        m = self.mapping
        self.wkt = self.fields.first(m.wkt) if m.wkt else None
        self.xy = (self.fields.first(m.x), self.fields.first(m.y)) if m.x and m.y else (None, None)
        if self.wkt is None and None in self.xy and (m.wkt or m.x) and self.geometry_required:
            wanted = list(m.wkt) + list(m.x) + list(m.y)
            raise SourceError(tr("{file}: no geometry column (one of {wanted}) in the header ({names})").format(
                file=self.path, wanted=", ".join(wanted), names=", ".join(names)))
        self.has_geometry = self.wkt is not None or None not in self.xy

    def _crs(self, override: str) -> Optional[QgsCoordinateReferenceSystem]:
        if not self.has_geometry:
            return None
        for text in (override, self.mapping.crs or ""):
            if text.strip():
                crs = QgsCoordinateReferenceSystem(text.strip())
                if not crs.isValid():
                    raise SourceError(tr("{file}: '{crs}' is not a coordinate reference system").format(
                        file=self.path, crs=text))
                return crs
        if self.layer is not None and self.layer.crs().isValid():
            return self.layer.crs()
        raise SourceError(tr("{file}: the file's coordinates have no CRS; give one (for example EPSG:3006)").format(
            file=self.path))

    # -- reading ---------------------------------------------------------------------------
    def _transform(self) -> Optional[QgsCoordinateTransform]:
        if self.crs is None or self.target_crs is None or not self.target_crs.isValid() or self.crs == self.target_crs:
            return None
        return QgsCoordinateTransform(self.crs, self.target_crs, self.context)

    def rows(self) -> Iterator[SourceRow]:
        transform = self._transform()
        if self.gpkg is not None and self.layer.isSpatial():
            rows = self.gpkg.rows(self.layer.fields().names(), SourceRow)
        else:
            rows = self._csv_iter() if self.is_csv else self._ogr_iter()
        if transform is None:
            yield from rows
            return
        for row in rows:
            if row.problem is None and row.shape() is not None:
                try:
                    if row.geometry.transform(transform) != 0:
                        row.problem = tr("the geometry could not be reprojected into the twin's CRS")
                except Exception as exc:  # noqa: BLE001 - QgsCsException
                    row.problem = tr("the geometry could not be reprojected into the twin's CRS ({error})").format(
                        error=exc)
            yield row

    def _ogr_iter(self) -> Iterator[SourceRow]:
        names = self.layer.fields().names()
        own = self.layer.isSpatial()
        request = QgsFeatureRequest()
        if not own:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for number, feature in enumerate(self.layer.getFeatures(request), start=1):
            row = SourceRow(number, dict(zip(names, feature.attributes())))
            if own:
                row.geometry = feature.geometry() if feature.hasGeometry() else None
            elif self.has_geometry:
                self._column_geometry(row)
            yield row

    def _csv_iter(self) -> Iterator[SourceRow]:
        names = self._csv_names
        for number, cells in enumerate(self._csv_rows, start=1):
            if not any(c.strip() for c in cells):
                cells = [""] * len(names)
            row = SourceRow(number, dict(zip(names, (c.strip() for c in cells))))
            self._column_geometry(row)
            yield row

    def _column_geometry(self, row: SourceRow) -> None:
        """The row's geometry from its WKT column or X/Y columns (sets ``problem`` when they cannot be read)."""
        values = row.values
        x_name, y_name = self.xy
        if self.wkt is not None and not is_empty(values.get(self.wkt)):
            text = str(values[self.wkt])
            geometry = _strict_wkt(text)
            if geometry is None:
                row.problem = tr("'{text}' in {column} is not WKT").format(text=text[:40], column=self.wkt)
            else:
                row.geometry = geometry
        elif x_name is not None and y_name is not None and not (
                is_empty(values.get(x_name)) and is_empty(values.get(y_name))):
            try:
                x, y = to_real(values.get(x_name)), to_real(values.get(y_name))
                if x is None or y is None:
                    raise ValueProblemError(tr("both coordinates"))
                row.geometry = QgsGeometry.fromPointXY(QgsPointXY(x, y))
            except ValueProblemError as exc:
                row.problem = tr("coordinates {x}/{y}: expected {what}").format(x=x_name, y=y_name, what=exc)


def _strict_wkt(text: str) -> Optional[QgsGeometry]:
    """A geometry from WKT, None for text that is not complete WKT (QGIS alone would accept ``POLYGON((1 2``)."""
    try:
        parsed = ogr.CreateGeometryFromWkt(text)
    except RuntimeError:
        return None
    if parsed is None or parsed.IsEmpty():
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(parsed.ExportToIsoWkb()))
    return geometry
