"""Processing: "Budget scenario" — N years under a budget per year, worst first or benefit/cost
(``digiresan:budget_scenario``): per-year rows (spend, condition distribution, backlog in SEK) and the treated
segments; several budgets and strategies run side by side; ACCEPT writes one scenario into the paving plan."""

from __future__ import annotations

import re
from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.investment.candidates import number
from ..core.investment.model import STRATEGIES
from ..core.investment.plan import PlanError, accept_scenario, plan_layer_id
from ..core.investment.scenario import ScenarioCancelledError, ScenarioResult, YearResult, run_scenario
from .investment_common import InvestmentAlgorithm, sink_crs

YEAR_FIELDS = (
    ("scenario_id", QVariant.String), ("strategy", QVariant.String), ("budget_sek", QVariant.Double),
    ("year", QVariant.Int), ("spend_sek", QVariant.Double), ("treated", QVariant.Int),
    ("treated_length_m", QVariant.Double), ("deferred", QVariant.Int),
) + tuple((f"share_class_{c}", QVariant.Double) for c in range(6)) + (
    ("acceptable_share", QVariant.Double), ("backlog_sek", QVariant.Double),
)
TREATED_FIELDS = (
    ("scenario_id", QVariant.String), ("year", QVariant.Int), ("segment_id", QVariant.String),
    ("street", QVariant.String), ("treatment", QVariant.String), ("cost_sek", QVariant.Double),
    ("priority", QVariant.Double), ("iri_before", QVariant.Double), ("rut_before", QVariant.Double),
)


def _fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def parse_budgets(text: str) -> list[float]:
    """``"8e6, 12000000; 16 000 000"`` → SEK per year; ValueError naming the bad part."""
    parts = [p for p in re.split(r"[,;]", text or "") if p.strip()]
    out = []
    for p in parts:
        try:
            value = float(p.replace(" ", "").replace("\u00a0", "").replace("_", ""))
        except ValueError:
            raise ValueError(p.strip()) from None
        if value < 0 or value != value:
            raise ValueError(p.strip())
        out.append(value)
    if not out:
        raise ValueError(text or "")
    return out


def scenario_id(strategy: str, budget: float) -> str:
    return f"{strategy}-{budget / 1e6:g}MSEK"


class BudgetScenarioAlgorithm(InvestmentAlgorithm):
    YEARS = "YEARS"
    BUDGET = "BUDGET_SEK_PER_YEAR"
    STRATEGY = "STRATEGY"
    FIRST_YEAR = "FIRST_YEAR"
    ACCEPT = "ACCEPT"
    SCENARIO_ID = "SCENARIO_ID"
    OUTPUT = "OUTPUT"
    TREATED = "TREATED"

    def name(self) -> str:
        return "budget_scenario"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Budget scenario")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Runs the maintenance model over N years with a budget per year (SEK; several budgets separated by "
            "commas run side by side) and a strategy (worst first, or benefit per SEK). Per year: the segments "
            "treated, the spend, the network's condition distribution (share of length per class 1–5; class 0 = "
            "not inspected), the share acceptable and the backlog (SEK to bring every segment to acceptable). "
            "Segments with open or planned permits are paved after the digs; digging treatments wait for the dig "
            "moratorium to end. Accept writes the scenario's rows into the paving plan, marked with its id.")

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.add_twin_parameters()
        self.add_model_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEARS, self.tr("Years"), type=QgsProcessingParameterNumber.Type.Integer, defaultValue=5, minValue=1,
            maxValue=50))
        self.addParameter(QgsProcessingParameterString(
            self.BUDGET, self.tr("Budget per year (SEK; several separated by commas)"), defaultValue="12000000"))
        self.addParameter(QgsProcessingParameterEnum(
            self.STRATEGY, self.tr("Strategy"), options=[self.tr("Worst first"), self.tr("Benefit/cost")],
            allowMultiple=True, defaultValue=[0]))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ACCEPT, self.tr("Accept: write the scenario into the paving plan (one scenario only)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.SCENARIO_ID, self.tr("Scenario id (default: strategy and budget)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Scenario years"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TREATED, self.tr("Treated segments"), QgsProcessing.SourceType.TypeVectorLine))
        first = QgsProcessingParameterNumber(self.FIRST_YEAR, self.tr("First year (default: next year)"),
                                             type=QgsProcessingParameterNumber.Type.Integer, optional=True,
                                             minValue=2000, maxValue=2100)
        first.setFlags(first.flags() | first.FlagAdvanced)
        self.addParameter(first)
        self.add_advanced_parameters()
        self.addOutput(QgsProcessingOutputNumber("WRITTEN", self.tr("Paving-plan rows written")))

    def prepared(self, parameters: dict, context: QgsProcessingContext, hint: Any) -> None:
        try:
            self.budgets = parse_budgets(self.parameterAsString(parameters, self.BUDGET, context))
        except ValueError as exc:
            raise QgsProcessingException(self.tr("Budget per year must be numbers in SEK, got '{}'").format(
                exc)) from exc
        chosen = self.parameterAsEnums(parameters, self.STRATEGY, context) or [0]
        self.strategies = [STRATEGIES[i] for i in chosen]
        self.accept = self.parameterAsBoolean(parameters, self.ACCEPT, context)
        if self.accept and len(self.budgets) * len(self.strategies) != 1:
            raise QgsProcessingException(self.tr("Accept writes one scenario: give one budget and one strategy"))
        self.plan_layer = None
        if self.accept:
            try:
                plan_id = plan_layer_id(self.catalog, self.model)
            except PlanError as exc:
                raise QgsProcessingException(str(exc)) from exc
            self.plan_layer = self.layers.get(plan_id)
            if self.plan_layer is None:
                raise QgsProcessingException(self.tr(
                    "Accept needs the twin as a file or connection (TWIN or CONNECTION), with a layer '{}'").format(
                    plan_id))
        self.custom_id = (self.parameterAsString(parameters, self.SCENARIO_ID, context) or "").strip()

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        net = self.network(feedback)
        years = self.parameterAsInt(parameters, self.YEARS, context)
        first = self.parameterAsInt(parameters, self.FIRST_YEAR, context) if parameters.get(
            self.FIRST_YEAR) not in (None, "") else self.today.year + 1
        results: list[ScenarioResult] = []
        for strategy in self.strategies:
            for budget in self.budgets:
                sid = self.custom_id or scenario_id(strategy, budget)
                feedback.pushInfo(self.tr("Running scenario {}").format(sid))
                try:
                    results.append(run_scenario(self.model, net, years, budget, strategy, first,
                                                self.moratorium(), sid, self.progress(feedback)))
                except ScenarioCancelledError:
                    return {}
        year_fields, treated_fields = _fields(YEAR_FIELDS), _fields(TREATED_FIELDS)
        sink, dest = self.create_sink(parameters, self.OUTPUT, context, year_fields, QgsWkbTypes.Type.NoGeometry)
        tsink, tdest = self.create_sink(parameters, self.TREATED, context, treated_fields,
                                        QgsWkbTypes.Type.MultiLineString, sink_crs(self))
        geometries = self.segment_geometries(net, sorted({t.index for r in results for t in r.treated}))
        for r in results:
            for y in [r.baseline] + r.years:
                feature = QgsFeature(year_fields)
                feature.setAttributes(_year_row(r, y))
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            for t in r.treated:
                feature = QgsFeature(treated_fields)
                geometry = geometries.get(t.index)
                if geometry is not None:
                    geometry = type(geometry)(geometry)
                    geometry.convertToMultiType()
                    feature.setGeometry(geometry)
                feature.setAttributes([r.scenario_id, t.year, t.segment_id, t.street, t.treatment, round(t.cost_sek),
                                       round(t.priority, 4), round(t.iri_before, 2), round(t.rut_before, 1)])
                tsink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            last = r.years[-1]
            feedback.pushInfo(self.tr("{id}: {treated} segments treated, backlog {backlog} MSEK in {year}").format(
                id=r.scenario_id, treated=len(r.treated), backlog=number(last.backlog_sek / 1e6, 1, self.language),
                year=last.year))
        written = 0
        if self.accept and results:
            # a layer of this thread on the same table (the prepared one belongs to the main thread)
            layer = QgsVectorLayer(self.plan_layer.source(), self.plan_layer.name(), self.plan_layer.providerType())
            try:
                written = accept_scenario(layer, self.catalog, self.model, results[0])
            except PlanError as exc:
                raise QgsProcessingException(str(exc)) from exc
            feedback.pushInfo(self.tr("{count} rows written into the paving plan as scenario {id}").format(
                count=written, id=results[0].scenario_id))
        return {self.OUTPUT: dest, self.TREATED: tdest, "WRITTEN": written}


def _year_row(r: ScenarioResult, y: YearResult) -> list[Any]:
    return [r.scenario_id, r.strategy, r.budget_sek_per_year, y.year, round(y.spend_sek), y.treated,
            round(y.treated_length_m, 1), y.deferred] + [round(y.class_share.get(c, 0.0), 4) for c in range(6)] + [
        round(y.acceptable_share, 4), round(y.backlog_sek)]
