"""The Maintenance plan dock on the candidates twin of ``tests/investment_fixture.py``: the list (filter, export,
double-click → card) and budget scenarios side by side."""

from __future__ import annotations

import csv
import time

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QColor, QImage

from digiresan_plugin.gui.investment.chart import CLASS_COLOURS, ConditionChart
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


def test_accepting_a_scenario_writes_the_paving_plan_and_undo_deletes_it(qgis_app, qgis_iface, tmp_path, catalog):
    layers = _layers(build_investment_twin(tmp_path / "accept.gpkg", BUDGET), catalog)
    dock = MaintenancePlanDock(catalog, lambda: layers, today=lambda: TODAY)
    dock.compute()
    wait(lambda: dock.net is not None)
    dock.years_spin.setValue(2)
    dock.budget_edit.setText("1.35")
    dock.strategy_combo.setCurrentIndex(0)
    dock.run_scenarios()
    wait(lambda: bool(dock.scenarios))
    assert dock.accept_button.isEnabled() and dock.scenario_combo.currentText() == "1.35 MSEK WF"
    plan = layers["paving_plan"]
    dock.accept_selected()
    wait(lambda: not dock._plan_task.busy)
    rows = sorted((f["segment_id"], f["planned_year"], f["scenario_id"]) for f in plan.getFeatures())
    assert rows == [("B1", 2027, "1.35 MSEK WF"), ("B2", 2027, "1.35 MSEK WF"), ("B3", 2027, "1.35 MSEK WF"),
                    ("B4", 2028, "1.35 MSEK WF")]
    dock.accept_selected()  # the same scenario twice: refused, nothing more written
    wait(lambda: not dock._plan_task.busy)
    assert plan.featureCount() == 4
    dock.undo_selected()
    wait(lambda: not dock._plan_task.busy)
    assert list(plan.getFeatures()) == []
    dock.cleanup()


def test_condition_distribution_per_year_per_scenario(qgis_app, qgis_iface, tmp_path, catalog):
    layers = _layers(build_investment_twin(tmp_path / "classes.gpkg", BUDGET), catalog)
    dock = MaintenancePlanDock(catalog, lambda: layers, today=lambda: TODAY)
    dock.compute()
    wait(lambda: dock.net is not None)
    dock.years_spin.setValue(2)
    dock.budget_edit.setText("0 1.35")
    dock.strategy_combo.setCurrentIndex(0)
    dock.run_scenarios()
    wait(lambda: bool(dock.scenarios))
    series = dock.condition_chart.scenarios
    assert [(name, [year for year, _s in years]) for name, years in series] == [
        ("0 MSEK WF", [2026, 2027, 2028]), ("1.35 MSEK WF", [2026, 2027, 2028])]

    def shares(s: int, y: int) -> dict:
        return {k: round(v, 6) for k, v in series[s][1][y][1].items() if v}

    # all four are class 5 (IRI above 5.0); with 1.35 MSEK three are repaved in 2027 (IRI 1.5 → class 2), then B4
    assert [shares(0, y) for y in range(3)] == [{5: 1.0}] * 3
    assert [shares(1, y) for y in range(3)] == [{5: 1.0}, {2: 0.75, 5: 0.25}, {2: 1.0}]
    dock.cleanup()


def test_the_condition_chart_draws_each_class_share(qgis_app):
    chart = ConditionChart()
    chart.set_scenarios([("A", [(2026, {1: 0.25, 5: 0.75}), (2027, {1: 1.0})]), ("B", [(2026, {0: 0.5, 3: 0.5})])])
    chart.resize(400, chart.sizeHint().height())
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    chart.render(image)

    def colour(scenario: int, year: int, height_share: float) -> str:
        bar = chart.bar_rect(scenario, year)
        return QColor(image.pixel(int(bar.center().x()), int(bar.bottom() - bar.height() * height_share))).name()

    assert colour(0, 0, 0.10) == colour(0, 1, 0.9) == CLASS_COLOURS[1]  # the bottom quarter, the whole 2027 bar
    assert colour(0, 0, 0.60) == CLASS_COLOURS[5]
    assert colour(1, 0, 0.25) == CLASS_COLOURS[3]
    assert colour(1, 0, 0.75) == CLASS_COLOURS[0]  # not inspected on top
