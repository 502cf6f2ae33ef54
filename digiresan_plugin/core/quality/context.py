"""The state of one quality run, shared by the rule modules: inputs, connections, today, language, findings."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext

from ..catalog import Catalog
from ..domains import FieldDomains, field_domains
from ..field_checks import field_label
from ..maintenance_spec import MaintenanceSpec, maintenance_spec
from ..tr import tr
from .model import Problem, QualityReport
from .sources import Connections, LayerInput, SqlConnection

Progress = Callable[[float], bool]  # fraction done → False to stop



class RunContext:
    def __init__(self, catalog: Catalog, inputs: dict[str, LayerInput], today: date, language: str,
                 metric_crs: QgsCoordinateReferenceSystem, transform_context: QgsCoordinateTransformContext,
                 progress: Optional[Progress] = None):
        self.catalog = catalog
        self.inputs = inputs
        self.today = today
        self.language = "sv" if language.startswith("sv") else "en"
        self.metric_crs = metric_crs
        self.transform_context = transform_context
        self.domains: FieldDomains = field_domains(catalog)
        self.spec: MaintenanceSpec = maintenance_spec(catalog)
        self.connections = Connections()
        self.report = QualityReport(checked_layers=sorted(inputs))
        self._progress = progress
        self.cancelled = False

    def label(self, layer_id: str, field_name: str) -> str:
        return field_label(self.catalog, layer_id, field_name, self.language)

    def title(self, layer_id: str) -> str:
        return self.catalog.layer(layer_id).title.text(self.language)

    def add(self, layer: str, key: Any, fid: Optional[int], field: str, rule: str, severity: str,
            message: str) -> Problem:
        problem = Problem(layer, key, fid, field, rule, severity, message)
        self.report.problems.append(problem)
        return problem

    def not_checked(self, layer_id: str, what: str, error: Any) -> None:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        self.report.not_checked.append(tr("{layer}: {what} not checked: {error}").format(
            layer=self.title(layer_id), what=what, error=first))

    def sql(self, inp: LayerInput) -> Optional[SqlConnection]:
        """The SQL connection of a layer's database (None, noted, when it has none or cannot be opened)."""
        if inp.sql is None:
            self.not_checked(inp.spec.id, tr("attribute rules"),
                             tr("the quality check reads GeoPackage and PostGIS layers, not '{provider}'").format(
                                 provider=inp.provider))
            return None
        try:
            return self.connections.get(inp.sql)
        except Exception as exc:  # noqa: BLE001 - sqlite3/provider errors: a fault, reported as such
            self.not_checked(inp.spec.id, tr("attribute rules"), exc)
            return None

    def step(self, fraction: float) -> bool:
        """Report progress; False (and ``cancelled``) when the caller asked to stop."""
        if self._progress is not None and self._progress(max(0.0, min(1.0, fraction))) is False:
            self.cancelled = True
        return not self.cancelled
