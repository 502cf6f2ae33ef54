"""The Maintenance plan dock on the candidates twin of ``tests/investment_fixture.py``: the list (filter, export,
double-click → card) and budget scenarios side by side."""

from __future__ import annotations

import csv
import time

from qgis.core import QgsApplication

from digiresan_plugin.gui.investment.dock import MaintenancePlanDock, parse_msek

from .investment_fixture import BUDGET, CANDIDATES, EXPECTED, PERMITS, TODAY, build_investment_twin
from .test_investment import _layers


def wait(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        QgsApplication.processEvents()
        time.sleep(0.01)


def test_candidates_filter_export_and_open(qgis_app, qgis_iface, tmp_path, catalog):
    layers = _layers(build_investment_twin(tmp_path / "twin.gpkg", CANDIDATES, PERMITS), catalog)
    opened = []
    dock = MaintenancePlanDock(catalog, lambda: layers, lambda layer, fid: opened.append((layer, fid)),
                               today=lambda: TODAY)
    dock.compute()
    wait(lambda: dock.net is not None)
    model = dock.table_model
    assert model.rowCount() == len(EXPECTED)
    assert "11 of 14 segments need action; backlog 5.1 MSEK" == dock.summary.text()
    dock.coordination_combo.setCurrentIndex(dock.coordination_combo.findData("dig_first"))
    assert [model.candidate(r).segment_id for r in range(model.rowCount())] == ["D1"]
    dock.coordination_combo.setCurrentIndex(0)
    dock.filter_edit.setText("gatsten")
    assert [model.candidate(r).segment_id for r in range(model.rowCount())] == ["A9"]
    dock._open(model.index(0, 0))
    assert opened == [("road_segments", int(dock.net.fids[dock.net.ids.index("A9")]))]
    dock.filter_edit.clear()
    path = dock.export_csv(str(tmp_path / "candidates.csv"))
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["segment_id"]: (r["treatment"], round(float(r["cost_sek"]))) for r in rows} == EXPECTED
    dock.cleanup()


def test_scenarios_side_by_side(qgis_app, qgis_iface, tmp_path, catalog):
    layers = _layers(build_investment_twin(tmp_path / "budget.gpkg", BUDGET), catalog)
    dock = MaintenancePlanDock(catalog, lambda: layers, today=lambda: TODAY)
    dock.compute()
    wait(lambda: dock.net is not None)
    dock.years_spin.setValue(2)
    dock.budget_edit.setText("0.45 1.35")
    dock.strategy_combo.setCurrentIndex(0)
    dock.run_scenarios()
    wait(lambda: bool(dock.scenarios))
    assert [r.scenario_id for r in dock.scenarios] == ["0.45 MSEK WF", "1.35 MSEK WF"]
    assert dock.results.rowCount() == 3 and dock.results.columnCount() == 6
    assert [dock.results.item(1, c).text() for c in (0, 3)] == ["25%", "75%"]  # 2027: one / three of four
    assert [len(s[1]) for s in dock.chart.series] == [3, 3]
    assert dock.results.item(2, 4).text() == "0.0"  # 1.35 MSEK: the backlog is gone in 2028
    dock.cleanup()


def test_budgets_in_msek():
    assert parse_msek("8 12; 16") == [8e6, 12e6, 16e6]
    assert parse_msek("0,45") == [450_000.0]
