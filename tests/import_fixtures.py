"""Source files in the shapes users bring, for the import tests and the bench — built from rows whose expected
fate (inserted, updated, rejected and why) is known by construction."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from osgeo import gdal, ogr, osr

gdal.UseExceptions()

# Near the demo town (EPSG:3006): a fresh area east of the centre, so nothing planted there collides.
ORIGIN = (484_000.0, 7_003_000.0)

NVDB_FIELDS = (("ROUTE_ID", ogr.OFTString), ("FROM_MEASURE", ogr.OFTReal), ("TO_MEASURE", ogr.OFTReal),
               ("Klass_181", ogr.OFTInteger), ("F_Hogst_225", ogr.OFTInteger), ("B_Hogst_225", ogr.OFTInteger),
               ("Slitl_152", ogr.OFTInteger), ("Vagha_6", ogr.OFTInteger), ("Vagha_7", ogr.OFTString),
               ("Bredd_156", ogr.OFTReal), ("ADT_f_117", ogr.OFTInteger), ("Namn_130", ogr.OFTString),
               ("KOMMUNNR", ogr.OFTInteger))


def nvdb_row(i: int, **changes: Any) -> dict[str, Any]:
    """Row ``i`` of the NVDB-shaped network: a 100 m line going east, a valid municipal street."""
    x, y = ORIGIN[0] + (i % 100) * 120.0, ORIGIN[1] + (i // 100) * 40.0
    row = {"ROUTE_ID": f"{{0000{i:05d}-AAAA-4000-8000-NVDB}}", "FROM_MEASURE": 0.0, "TO_MEASURE": 1.0,
           "Klass_181": 5, "F_Hogst_225": 40, "B_Hogst_225": 40, "Slitl_152": 1, "Vagha_6": 2,
           "Vagha_7": "Östersunds kommun", "Bredd_156": 7.5, "ADT_f_117": 1200 + i, "Namn_130": f"Provgatan {i}",
           "KOMMUNNR": 2380, "wkt": f"MULTILINESTRING(({x} {y},{x + 50} {y + 1},{x + 100} {y}))"}
    row.update(changes)
    return row


def nvdb_key(row: dict[str, Any]) -> str:
    """The segment id the preset builds (written out here, not computed the way the code does)."""
    return f"NVDB-{row['ROUTE_ID']}-{row['FROM_MEASURE']:.5f}-{row['TO_MEASURE']:.5f}"


def write_vector(path: Path, rows: Iterable[dict[str, Any]], fields: Sequence[tuple[str, int]], epsg: Optional[int],
                 geometry_type: int = ogr.wkbMultiLineString, driver: str = "GPKG", layer: str = "nvdb",
                 from_epsg: int = 3006, rename: Optional[dict[str, str]] = None) -> Path:
    """Write ``rows`` (``wkt`` in EPSG:``from_epsg``) into a new file in EPSG:``epsg`` (None: no CRS)."""
    if path.exists():
        gdal.GetDriverByName(driver).Delete(str(path))
    ds = gdal.GetDriverByName(driver).Create(str(path), 0, 0, 0, gdal.GDT_Unknown)
    srs = None
    transform = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if epsg != from_epsg:
            src = osr.SpatialReference()
            src.ImportFromEPSG(from_epsg)
            src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(src, srs)
    out = ds.CreateLayer(layer, srs, geometry_type)
    if rename is None and driver == "ESRI Shapefile":
        rename = {name: name[:10] for name, _ in fields}  # what the driver would cut them to
    rename = rename or {}
    for name, kind in fields:
        out.CreateField(ogr.FieldDefn(rename.get(name, name), kind))
    transaction = driver == "GPKG"
    if transaction:
        ds.StartTransaction()
    for row in rows:
        feature = ogr.Feature(out.GetLayerDefn())
        for name, _kind in fields:
            value = row.get(name)
            if value is not None:
                feature.SetField(rename.get(name, name), value)
        if row.get("wkt"):
            geom = ogr.CreateGeometryFromWkt(row["wkt"])
            if transform is not None:
                geom.Transform(transform)
            feature.SetGeometry(geom)
        out.CreateFeature(feature)
    if transaction:
        ds.CommitTransaction()
    ds = None
    return path


def shape_names(fields: Sequence[tuple[str, int]]) -> dict[str, str]:
    """How a Shape export writes the names: lower case, cut to 10 characters (``f_hogst_22``, ``from_measu``)."""
    return {name: name.lower()[:10] for name, _ in fields}


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ";") -> Path:
    lines = [delimiter.join(header)]
    for row in rows:
        lines.append(delimiter.join("" if v is None else str(v) for v in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
