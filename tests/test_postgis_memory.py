"""The twin's memory from PostGIS: the same cards (agreements, documents, regulations, park assets) and the same
warnings as from the GeoPackage; relative document paths resolved against the ``documents_folder`` setting."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeatureRequest

from demo import KNOWN_CASES
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY
from tests.test_postgis_backend import without_fids

CASES = (("parks", "name", "Badhusparken"),
         ("road_segments", "segment_id", KNOWN_CASES["regulation_without_sign"]["segment_id"]),
         ("road_segments", "street_name", KNOWN_CASES["sign_without_regulation"]["street_name"]),
         ("properties", "designation", KNOWN_CASES["property"]["designation"]))


@pytest.fixture(scope="module")
def pg_twin(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return TwinSource.parse(f"pgservice:{pg_cluster.service_uri('reader')}")


def cards(project, catalog, source: TwinSource, folder: str) -> list[dict]:
    project.clear()
    report = TwinLoader(catalog, project, "en").load(source)
    assert report.problems == []
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en",
                        setting_values={"dig_moratorium_years": 3, "documents_folder": folder})
    out = []
    for layer_id, field, value in CASES:
        request = QgsFeatureRequest().setFilterExpression(f"\"{field}\" = '{value}'")
        key = catalog.layer(layer_id).key
        features = sorted(twin_layer(project, layer_id).getFeatures(request), key=lambda f: f[key])
        out += [without_fids(engine.report_for_feature(layer_id, f).to_dict()) for f in features]
    return out


def test_memory_cards_are_the_same_on_postgis(project, catalog, demo_twin, pg_twin):
    folder = str(demo_twin.parent.resolve())
    from_gpkg = cards(project, catalog, TwinSource.geopackage(demo_twin), "")
    from_pg = cards(project, catalog, pg_twin, folder)
    park = from_pg[0]
    assert [s["id"] for s in park["sections"]] == ["assets", "agreements", "works", "regulations", "documents"]
    assert {w["rule"] for w in park["warnings"]} == {"agreement_expiring", "park_asset_overdue"}
    assert any(w["rule"] == "regulation_without_sign" for w in from_pg[1]["warnings"])
    assert sum(w["rule"] == "sign_without_regulation" for r in from_pg[2:] for w in r["warnings"]) >= 2
    assert from_pg == from_gpkg
