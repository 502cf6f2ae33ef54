"""The "Digiresan" Processing provider (id ``digiresan``): twin reports and coordination conflicts.

Command line: ``qgis_process run digiresan:report_at_point -- TWIN=twin.gpkg POINT="481650,7005611 [EPSG:3006]"
OUTPUT=report.json`` (see the README).
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resources_dir
from .budget_scenario import BudgetScenarioAlgorithm
from .check_twin import CheckTwinAlgorithm
from .coordination_conflicts import CoordinationConflictsAlgorithm
from .coordination_statement import CoordinationStatementAlgorithm
from .import_into_twin import ImportIntoTwinAlgorithm
from .maintenance_candidates import MaintenanceCandidatesAlgorithm
from .report_at_point import ReportAtPointAlgorithm
from .report_for_features import ReportForFeaturesAlgorithm

PROVIDER_ID = "digiresan"


class DigiresanProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "Digiresan"

    def longName(self) -> str:  # noqa: N802 - QGIS API
        return QCoreApplication.translate("DigiresanProvider", "Digiresan digital twin")

    def icon(self) -> QIcon:
        try:
            path = resources_dir() / "icons" / "digiresan.svg"
        except FileNotFoundError:
            path = None
        if path is not None and path.is_file():
            return QIcon(str(path))
        return QgsApplication.getThemeIcon("/processingAlgorithm.svg")

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS API
        for algorithm in (ReportAtPointAlgorithm(), ReportForFeaturesAlgorithm(), CoordinationConflictsAlgorithm()):
            self.addAlgorithm(algorithm)
        self.addAlgorithm(CheckTwinAlgorithm())
        self.addAlgorithm(ImportIntoTwinAlgorithm())
        self.addAlgorithm(MaintenanceCandidatesAlgorithm())
        self.addAlgorithm(BudgetScenarioAlgorithm())
        self.addAlgorithm(CoordinationStatementAlgorithm())
