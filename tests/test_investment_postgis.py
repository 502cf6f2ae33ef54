"""Maintenance planning on PostGIS (QGIS's feature iterators, no SQLite fast path) gives the GeoPackage's answers;
an accepted scenario is written and undone through the editor role (migration 008's scenario column)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digiresan_plugin.core.identify.standalone import open_twin_layers
from digiresan_plugin.core.investment.candidates import find_candidates
from digiresan_plugin.core.investment.model import load_model
from digiresan_plugin.core.investment.network import read_network
from digiresan_plugin.core.investment.plan import accept_scenario, delete_scenario, scenario_fids
from digiresan_plugin.core.investment.scenario import run_scenario
from digiresan_plugin.core.investment.sources import layer_inputs
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

MIGRATIONS = Path(__file__).resolve().parent.parent / "db" / "migrations"
MIGRATION_008 = "008_paving_scenarios.sql"


@pytest.fixture(scope="module")
def pg_twin(pg_cluster, demo_twin):
    pg_cluster.load_gpkg(demo_twin)
    return pg_cluster


def _assessment(catalog, source: TwinSource):
    layers, problems = open_twin_layers(source, catalog)
    assert problems == []
    model = load_model()
    net = read_network(catalog, model, layer_inputs(layers), TODAY)
    return model, net, find_candidates(model, net), layers


def _rows(assessment):
    return sorted((c.segment_id, c.treatment, round(c.cost_sek), c.coordination, c.earliest_year, c.reason)
                  for c in assessment.candidates)


def test_postgis_gives_the_geopackage_candidates(qgis_app, catalog, demo_twin, pg_twin):
    _m, gpkg_net, gpkg, _l = _assessment(catalog, TwinSource.geopackage(demo_twin))
    _m, pg_net, pg, _l2 = _assessment(catalog, TwinSource.parse(f"pgservice:{pg_twin.service_uri('reader')}"))
    assert len(pg_net) == len(gpkg_net) and len(gpkg.candidates) > 0
    assert _rows(pg) == _rows(gpkg)
    assert sum(len(v) for v in pg_net.permits.values()) == sum(len(v) for v in gpkg_net.permits.values())


def test_accept_and_undo_on_postgis(qgis_app, catalog, pg_twin):
    conn = pg_twin.connect("superuser", autocommit=True)  # the load replaced twin.paving_plan: 008 again
    try:
        conn.cursor().execute((MIGRATIONS / MIGRATION_008).read_text(encoding="utf-8"))
    finally:
        conn.close()
    source = TwinSource.parse(f"pgservice:{pg_twin.service_uri('editor')}")
    model, net, _a, layers = _assessment(catalog, source)
    result = run_scenario(model, net, years=2, budget_sek_per_year=12e6, first_year=2027, scenario_id="PG-1")
    plan = layers["paving_plan"]
    before = _count(plan)
    written = accept_scenario(plan, catalog, model, result)
    assert written == len(result.treated) > 0
    assert _count(plan) == before + written
    assert len(scenario_fids(plan, "scenario_id", "PG-1")) == written
    assert delete_scenario(plan, catalog, model, "PG-1") == written
    assert _count(plan) == before and scenario_fids(plan, "scenario_id", "PG-1") == []


def _count(layer) -> int:
    """Rows really there (featureCount() is the table statistics' estimate on PostGIS)."""
    return sum(1 for _ in layer.getFeatures())
