"""The "Maintenance plan" dock: the candidate list (filter, export, double-click → card) and budget scenarios
side by side (a table, a chart of the share acceptable over the years and one of the condition distribution per
year per scenario); a scenario accepted is written into the paving plan (one transaction) and can be undone.

Thin: the project's twin layers are snapshotted here on the main thread; reading the network, the candidates and
the scenarios run in tasks (``core/tasks.py``) with ``core/investment``; nothing here touches a layer off the main
thread.
"""

from __future__ import annotations

import csv
from datetime import date
from typing import Callable, Optional

from qgis.core import Qgis, QgsVectorLayer
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import settings
from ...core.catalog import Catalog
from ...core.i18n import ui_language
from ...core.investment.candidates import find_candidates, number
from ...core.investment.model import load_model
from ...core.investment.network import read_network
from ...core.investment.plan import accept_scenario, delete_scenario, plan_layer_id
from ...core.investment.scenario import run_scenario
from ...core.investment.sources import layer_inputs
from ...core.tasks import LatestTask
from ..base_dock import DigiresanDock
from .chart import ConditionChart, ScenarioChart
from .table_model import CandidateTableModel

STRATEGIES = (("worst_first",), ("benefit_cost",), ("worst_first", "benefit_cost"))


def parse_msek(text: str) -> list[float]:
    """``"8, 12; 16"`` (MSEK) → SEK per year; ValueError on anything else."""
    values = [float(p.strip().replace(",", ".")) * 1e6 for p in text.replace(";", " ").split() if p.strip()]
    if not values or any(v < 0 for v in values):
        raise ValueError(text)
    return values


class MaintenancePlanDock(DigiresanDock):
    def __init__(self, catalog: Catalog, layers: Callable[[], dict[str, QgsVectorLayer]],
                 open_feature: Optional[Callable[[str, int], None]] = None, parent: Optional[QWidget] = None,
                 message_bar: Optional[QgsMessageBar] = None, today: Callable[[], date] = date.today):
        super().__init__(parent, message_bar)
        self.message_title = self.tr("Maintenance plan")
        self.setWindowTitle(self.tr("Maintenance plan"))
        self.catalog, self.layers, self.open_feature, self.today = catalog, layers, open_feature, today
        self.net = None
        self.model = None
        self.scenarios: list = []
        self._task, self._scenario_task, self._plan_task = LatestTask(), LatestTask(), LatestTask()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        self.compute_button = QPushButton(self.tr("Find candidates"), body)
        self.summary = QLabel(self.tr("Find the candidates of the loaded twin"), body)
        self.summary.setWordWrap(True)
        top.addWidget(self.compute_button)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(self.busy_bar(body))
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self._candidates_page(), self.tr("Candidates"))
        self.tabs.addTab(self._scenarios_page(), self.tr("Budget scenarios"))
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.compute_button.clicked.connect(self.compute)

    # -- pages ---------------------------------------------------------------------------------------------
    def _candidates_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(page)
        self.filter_edit.setPlaceholderText(self.tr("Filter: street, segment, treatment, reason…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.coordination_combo = QComboBox(page)
        for text, code in ((self.tr("Any coordination"), ""), (self.tr("Clear"), "clear"),
                           (self.tr("Dig first"), "dig_first"), (self.tr("Moratorium"), "moratorium")):
            self.coordination_combo.addItem(text, code)
        self.export_button = QPushButton(self.tr("Export CSV…"), page)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.coordination_combo)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.table_model = CandidateTableModel(page)
        self.table = QTableView(page)
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("Double-click a candidate for its card"))
        for column, width in enumerate((110, 150, 170, 80, 60, 80, 70)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.filter_edit.textChanged.connect(self._filter)
        self.coordination_combo.currentIndexChanged.connect(self._filter)
        self.export_button.clicked.connect(self.export_csv)
        self.table.doubleClicked.connect(self._open)
        return page

    def _scenarios_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.years_spin = QSpinBox(page)
        self.years_spin.setRange(1, 30)
        self.years_spin.setValue(5)
        self.years_spin.setSuffix(self.tr(" years"))
        self.budget_edit = QLineEdit("8 12 16", page)
        self.budget_edit.setMinimumWidth(80)
        self.budget_edit.setToolTip(self.tr("Budget per year in MSEK; several separated by spaces run side by side"))
        self.strategy_combo = QComboBox(page)
        self.strategy_combo.addItems([self.tr("Worst first"), self.tr("Benefit/cost"), self.tr("Both")])
        self.run_button = QPushButton(self.tr("Run"), page)
        for widget in (self.years_spin, QLabel(self.tr("MSEK/year"), page), self.budget_edit, self.strategy_combo,
                       self.run_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.chart = ScenarioChart(page)
        layout.addWidget(self.chart)
        self.condition_chart = ConditionChart(page)
        layout.addWidget(self.condition_chart)
        self.results = QTableWidget(page)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.results, 1)
        plan = QHBoxLayout()
        self.scenario_combo = QComboBox(page)
        self.accept_button = QPushButton(self.tr("Accept into paving plan"), page)
        self.accept_button.setToolTip(self.tr("Write the scenario's treated segments into the paving plan"))
        self.undo_button = QPushButton(self.tr("Undo"), page)
        self.undo_button.setToolTip(self.tr("Delete the scenario's rows from the paving plan"))
        for widget in (self.scenario_combo, self.accept_button, self.undo_button):
            plan.addWidget(widget)
        layout.addLayout(plan)
        self.accept_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.run_button.clicked.connect(self.run_scenarios)
        self.accept_button.clicked.connect(self.accept_selected)
        self.undo_button.clicked.connect(self.undo_selected)
        return page

    # -- candidates ------------------------------------------------------------------------------------------
    def compute(self) -> None:
        """Read the project's twin and find the candidates (in a task)."""
        layers = {k: v for k, v in self.layers().items() if v is not None and v.isValid()}
        if not layers:
            self.message(self.tr("Load the twin first"), Qgis.MessageLevel.Warning)
            return
        try:
            model = load_model(settings.get("maintenance_model") or None)
        except ValueError as exc:
            self.message(str(exc), Qgis.MessageLevel.Critical, 10)
            return
        inputs, today, language = layer_inputs(layers), self.today(), ui_language()
        years = int(settings.get("dig_moratorium_years"))

        def work(_task):
            net = read_network(self.catalog, model, inputs, today)
            return model, net, find_candidates(model, net, language, years, today.year + 1)

        self.set_busy(True)
        self._task.start(self.tr("Maintenance candidates"), work, self._computed)

    def _computed(self, result, error) -> None:
        self.set_busy(False)
        if error is not None:
            self.message(self.tr("Candidates not found: {}").format(error), Qgis.MessageLevel.Critical, 10)
            return
        self.model, self.net, assessment = result
        candidates = assessment.candidates
        self.table_model.set_candidates(candidates, ui_language())
        self._filter()
        total = float(assessment.cost[assessment.level >= 1].sum())
        self.summary.setText(self.tr("{count} of {segments} segments need action; backlog {cost} MSEK").format(
            count=len(candidates), segments=len(self.net), cost=number(total / 1e6, 1, ui_language())))

    def _filter(self, *_args) -> None:
        self.table_model.apply_filter(self.filter_edit.text(), self.coordination_combo.currentData() or "")

    def _open(self, index) -> None:
        if self.open_feature is None or self.net is None or not index.isValid():
            return
        c = self.table_model.candidate(index.row())
        self.open_feature(self.model.sources["segments"].layer, int(self.net.fids[c.index]))

    def export_csv(self, path: Optional[str] = None) -> Optional[str]:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export candidates"), "candidates.csv",
                                                        self.tr("CSV files (*.csv)"))
        if not path:
            return None
        try:
            with open(path, "w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(self.table_model.csv_rows())
        except OSError as exc:
            self.message(self.tr("Could not write {path}: {error}").format(path=path, error=exc),
                         Qgis.MessageLevel.Critical)
            return None
        self.message(self.tr("{count} candidates written to {path}").format(
            count=len(self.table_model.rows), path=path), Qgis.MessageLevel.Success)
        return path

    # -- scenarios ---------------------------------------------------------------------------------------------
    def run_scenarios(self) -> None:
        if self.net is None:
            self.message(self.tr("Find the candidates first"), Qgis.MessageLevel.Warning)
            return
        try:
            budgets = parse_msek(self.budget_edit.text())
        except ValueError:
            self.message(self.tr("Budgets are numbers in MSEK, e.g. 8 12 16"), Qgis.MessageLevel.Warning)
            return
        model, net, years = self.model, self.net, self.years_spin.value()
        strategies = STRATEGIES[self.strategy_combo.currentIndex()]
        first, moratorium = self.today().year + 1, int(settings.get("dig_moratorium_years"))

        def work(task):
            runs = [(s, b) for s in strategies for b in budgets]
            out = []
            for strategy, budget in runs:
                if task.isCanceled():
                    break
                name = f"{budget / 1e6:g} MSEK {'WF' if strategy == 'worst_first' else 'B/C'}"
                out.append(run_scenario(model, net, years, budget, strategy, first, moratorium, name))
            return out

        self.set_busy(True)
        self._scenario_task.start(self.tr("Budget scenarios"), work, self._scenarios_done)

    def _scenarios_done(self, result, error) -> None:
        self.set_busy(False)
        if error is not None:
            self.message(self.tr("Scenarios failed: {}").format(error), Qgis.MessageLevel.Critical, 10)
            return
        self.scenarios = result
        language = ui_language()
        self.chart.set_series([(r.scenario_id, [(y.year, y.acceptable_share) for y in [r.baseline] + r.years])
                               for r in result])
        self.condition_chart.set_scenarios([(r.scenario_id, [(y.year, y.class_share) for y in [r.baseline] + r.years])
                                            for r in result])
        self.scenario_combo.clear()
        self.scenario_combo.addItems([r.scenario_id for r in result])
        self.accept_button.setEnabled(bool(result))
        self.undo_button.setEnabled(bool(result))
        years = [y.year for y in result[0].years] if result else []
        headers = []
        for r in result:
            headers += [f"{r.scenario_id}\n" + self.tr("acceptable"), self.tr("backlog MSEK"), self.tr("spend MSEK")]
        self.results.clear()
        self.results.setColumnCount(len(headers))
        self.results.setRowCount(len(years) + (1 if result else 0))
        self.results.setHorizontalHeaderLabels(headers)
        labels = [self.tr("measured")] + [str(y) for y in years]
        self.results.setVerticalHeaderLabels(labels)
        for c, r in enumerate(result):
            for row, y in enumerate([r.baseline] + r.years):
                values = (f"{y.acceptable_share:.0%}", number(y.backlog_sek / 1e6, 1, language),
                          number(y.spend_sek / 1e6, 1, language))
                for k, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                    self.results.setItem(row, 3 * c + k, item)
        self.results.resizeColumnsToContents()

    # -- paving plan -----------------------------------------------------------------------------------------------
    def _plan_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.layers().get(plan_layer_id(self.catalog, self.model)) if self.model is not None else None
        if layer is None or not layer.isValid():
            self.message(self.tr("The twin has no paving plan layer"), Qgis.MessageLevel.Warning)
            return None
        if layer.isEditable():
            self.message(self.tr("The paving plan is being edited: save or discard the edits first"),
                         Qgis.MessageLevel.Warning)
            return None
        return layer

    def accept_selected(self) -> None:
        """Write the chosen scenario's rows into the paving plan (one transaction, in a task)."""
        self._plan_change(accept=True)

    def undo_selected(self) -> None:
        """Delete the chosen scenario's rows from the paving plan (in a task)."""
        self._plan_change(accept=False)

    def _plan_change(self, accept: bool) -> None:
        index = self.scenario_combo.currentIndex()
        layer = self._plan_layer() if 0 <= index < len(self.scenarios) else None
        if layer is None:
            return
        result, catalog, model = self.scenarios[index], self.catalog, self.model
        source, provider = layer.source(), layer.providerType()

        def work(_task):  # the task's own layer on the same table: the project's layer is not touched off-thread
            own = QgsVectorLayer(source, "paving_plan", provider)
            if accept:
                return accept_scenario(own, catalog, model, result)
            return delete_scenario(own, catalog, model, result.scenario_id)

        def done(count, error) -> None:
            self.set_busy(False)
            if error is not None:
                self.message(str(error), Qgis.MessageLevel.Critical, 10)
                return
            layer.dataProvider().reloadData()
            layer.updateFields()
            layer.triggerRepaint()
            text = (self.tr("{count} rows of scenario {name} written into the paving plan") if accept
                    else self.tr("{count} rows of scenario {name} deleted from the paving plan"))
            self.message(text.format(count=count, name=result.scenario_id), Qgis.MessageLevel.Success)

        self.set_busy(True)
        self._plan_task.start(self.tr("Paving plan"), work, done)

    def cleanup(self) -> None:
        self._task.cancel()
        self._scenario_task.cancel()
        self._plan_task.cancel()
        super().cleanup()
