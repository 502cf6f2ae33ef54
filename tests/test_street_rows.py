"""A street segment's ends and extent read straight from its GeoPackage blob: each layout (2D, Z, M, ZM, multi,
big-endian, no envelope, empty, not a line) gives the ends and extent its coordinates have by construction."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest
from osgeo import ogr

from digiresan_plugin.core.street_rows import blob_piece, geometry_piece

from .fixtures_twin import _srs

#: (layer, OGR type, WKT, expected ends, expected extent xmin, ymin, xmax, ymax)
CASES = [
    ("line", ogr.wkbLineString, "LINESTRING (10 20, 15 40, 30 25)", ((10, 20), (30, 25)), (10, 20, 30, 40)),
    ("line_z", ogr.wkbLineString25D, "LINESTRING Z (1 2 3, 4 5 6, -7 8 9)", ((1, 2), (-7, 8)), (-7, 2, 4, 8)),
    ("line_m", ogr.wkbLineStringM, "LINESTRING M (1 2 3, 4 9 6)", ((1, 2), (4, 9)), (1, 2, 4, 9)),
    ("line_zm", ogr.wkbLineStringZM, "LINESTRING ZM (1 2 3 4, 5 6 7 8, 0 1 2 3)", ((1, 2), (0, 1)), (0, 1, 5, 6)),
    ("multi", ogr.wkbMultiLineString, "MULTILINESTRING ((0 0, 1 1), (5 5, 6 2, 9 3))", ((0, 0), (9, 3)),
     (0, 0, 9, 5)),
    ("multi_z", ogr.wkbMultiLineString25D, "MULTILINESTRING Z ((0 0 1, 1 1 1), (5 5 1, 9 3 1))", ((0, 0), (9, 3)),
     (0, 0, 9, 5)),
]


def _blobs(path: Path) -> dict[str, bytes]:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, kind, wkt, _ends, _extent in CASES:
        layer = ds.CreateLayer(name, _srs(3006), kind, ["GEOMETRY_NAME=geom"])
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(f'SELECT geom FROM "{name}"').fetchone()[0] for name, *_rest in CASES}
    finally:
        conn.close()


def _as_tuples(piece) -> tuple:
    return piece.ends, piece.extent


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_blob_gives_the_lines_ends_and_extent(case, tmp_path, qgis_app, monkeypatch):
    """Read from the blob itself (no geometry built), and the same as through the geometry."""
    from digiresan_plugin.core import street_rows
    from digiresan_plugin.core.identify.gpkg_reader import geometry_from_blob

    name, _kind, _wkt, ends, extent = case
    blob = _blobs(tmp_path / "lines.gpkg")[name]
    with monkeypatch.context() as patched:
        patched.setattr(street_rows, "geometry_from_blob", lambda _blob: pytest.fail("a geometry was built"))
        found = blob_piece(7, "K", blob)
    assert _as_tuples(found) == (ends, tuple(float(v) for v in extent))
    assert found == geometry_piece(7, "K", geometry_from_blob(blob))


def _big_endian_line(envelope: bool) -> bytes:
    """A LineString (3 6, 8 1, 2 9) written big-endian by hand, with or without the header's envelope."""
    points = [(3.0, 6.0), (8.0, 1.0), (2.0, 9.0)]
    flags = (1 << 1) if envelope else 0  # envelope indicator 1 (xy), byte order bit 0: big-endian
    header = b"GP" + bytes([0, flags]) + struct.pack(">i", 3006)
    if envelope:
        header += struct.pack(">4d", 2.0, 8.0, 1.0, 9.0)
    wkb = b"\x00" + struct.pack(">II", 2, len(points)) + b"".join(struct.pack(">2d", *p) for p in points)
    return header + wkb


@pytest.mark.parametrize("envelope", [True, False], ids=["envelope", "no envelope"])
def test_a_big_endian_blob_with_or_without_envelope(envelope, qgis_app):
    assert _as_tuples(blob_piece(1, "B", _big_endian_line(envelope))) == (((3.0, 6.0), (2.0, 9.0)),
                                                                          (2.0, 1.0, 8.0, 9.0))


def test_no_geometry_an_empty_one_and_not_a_line(tmp_path, qgis_app):
    assert blob_piece(1, "N", None).ends is None
    empty = b"GP" + bytes([0, 0x01 | 0x10]) + struct.pack("<i", 3006) + b"\x01" + struct.pack("<II", 2, 0)
    assert blob_piece(2, "E", empty).ends is None
    point = b"GP" + bytes([0, 0x01]) + struct.pack("<i", 3006) + b"\x01" + struct.pack("<I2d", 1, 4.0, 5.0)
    found = blob_piece(3, "P", point)  # not a line: through the geometry, its one vertex at both ends
    assert _as_tuples(found) == (((4.0, 5.0), (4.0, 5.0)), (4.0, 5.0, 4.0, 5.0))


@pytest.mark.parametrize("order", ["little", "big"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_plain_wkb_gives_the_lines_ends_and_extent(case, order, qgis_app, monkeypatch):
    """PostGIS's ST_AsBinary (ISO WKB, either byte order): read from the bytes, no geometry built."""
    from digiresan_plugin.core import street_rows

    _name, _kind, wkt, ends, extent = case
    wkb = bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb(ogr.wkbNDR if order == "little" else ogr.wkbXDR))
    with monkeypatch.context() as patched:
        patched.setattr(street_rows, "geometry_piece", lambda *_a: pytest.fail("a geometry was built"))
        found = street_rows.wkb_piece(5, "W", wkb)
    assert _as_tuples(found) == (ends, tuple(float(v) for v in extent))


def test_plain_wkb_of_no_line_goes_through_the_geometry(qgis_app):
    from digiresan_plugin.core.street_rows import wkb_piece

    point = bytes(ogr.CreateGeometryFromWkt("POINT (4 5)").ExportToIsoWkb())
    assert _as_tuples(wkb_piece(1, "P", point)) == (((4.0, 5.0), (4.0, 5.0)), (4.0, 5.0, 4.0, 5.0))
    assert wkb_piece(2, "N", None).ends is None
