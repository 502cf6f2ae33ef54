"""Item 8: a layer whose CRS is undefined (GeoPackage srs_id 0) is never used silently — it is refused with a message
naming the layer, or given the catalog's declared ``crs``; then the card is the same as with a defined CRS."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3

import pytest
from qgis.core import QgsCoordinateReferenceSystem

from digiresan_plugin.core.catalog import load_catalog
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.identify.standalone import open_twin_layers
from digiresan_plugin.core.layers import twin_layer, twin_layers
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.paths import default_catalog_path
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import case_points, without_fids

EPSG_3006 = QgsCoordinateReferenceSystem("EPSG:3006")


@pytest.fixture()
def no_crs_twin(tmp_path, demo_twin):
    path = tmp_path / "nocrs.gpkg"
    shutil.copy(demo_twin, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE gpkg_geometry_columns SET srs_id = 0 WHERE table_name = 'traffic_signs'")
    con.execute("UPDATE gpkg_contents SET srs_id = 0 WHERE table_name = 'traffic_signs'")
    con.commit()
    con.close()
    return path


def signs_sections(project, catalog) -> list:
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
    reports = [engine.report_at_point(p, EPSG_3006, 2.0) for p in case_points(project)[:4]]  # the case streets
    return [without_fids(next(s.to_dict() for s in r.sections if s.id == "signs")) for r in reports]


def test_undefined_crs_is_refused_naming_the_layer(project, catalog, no_crs_twin):
    report = TwinLoader(catalog, project, "en").load(TwinSource.geopackage(no_crs_twin))
    assert report.problems == ["Layer 'traffic_signs' (table 'traffic_signs'): its coordinate reference system is "
                               "undefined and the catalog declares none ('crs'): not loaded, distances would be wrong"]
    assert "traffic_signs" not in twin_layers(project)
    layers, problems = open_twin_layers(TwinSource.geopackage(no_crs_twin), catalog)
    assert "traffic_signs" not in layers and any("traffic_signs" in p for p in problems)


def test_the_catalog_crs_is_used_when_declared(project, catalog, demo_twin, no_crs_twin, tmp_path):
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin)).problems == []
    expected = signs_sections(project, catalog)
    assert any(s["items"] for s in expected)  # signs are found near the case streets
    project.clear()
    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    next(layer for layer in data["layers"] if layer["id"] == "traffic_signs")["crs"] = "EPSG:3006"
    path = default_catalog_path().parent / f".reliability-{tmp_path.name}.json"  # beside the styles it names
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        declared = load_catalog(path)
        assert TwinLoader(declared, project, "en").load(TwinSource.geopackage(no_crs_twin)).problems == []
        assert twin_layer(project, "traffic_signs").crs().authid() == "EPSG:3006"
        assert signs_sections(project, declared) == expected
    finally:
        path.unlink()
