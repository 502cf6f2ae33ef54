"""What the investment algorithms share: the MODEL parameter and, on the main thread, the twin's layers as
snapshots read into a :class:`~..core.investment.network.Network` in ``processAlgorithm`` (any thread)."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFile,
)

from ..core import settings
from ..core.catalog import CatalogError, load_catalog
from ..core.catalog_check import check_catalog
from ..core.investment.model import MaintenanceModel, load_model
from ..core.investment.network import Network, read_network
from ..core.investment.sources import LayerInput, SourceError, layer_inputs
from .common import LANGUAGES, TwinAlgorithm


class InvestmentAlgorithm(TwinAlgorithm):
    """Twin source + maintenance model; ``self.inputs`` (snapshots), ``self.model``, ``self.today``."""

    MODEL = "MODEL"

    def __init__(self) -> None:
        super().__init__()
        self.model: Optional[MaintenanceModel] = None
        self.inputs: dict[str, LayerInput] = {}
        self.today = date.today()
        self.language = "en"
        self.moratorium_years: Optional[int] = None

    def group(self) -> str:
        return self.tr("Maintenance planning")

    def groupId(self) -> str:  # noqa: N802 - QGIS API
        return "invest"

    def add_model_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Maintenance model (JSON; default: the plugin setting or the bundled one)"),
            extension="json", optional=True))

    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> bool:
        try:
            self.catalog = check_catalog(load_catalog(
                self.parameterAsFile(parameters, self.CATALOG, context) or None))
            model_path = self.parameterAsFile(parameters, self.MODEL, context) or settings.get("maintenance_model")
            self.model = load_model(model_path or None)
        except CatalogError as exc:  # ModelError is one too: file, key, expectation
            raise QgsProcessingException(str(exc)) from exc
        layers = self._resolve_layers(parameters, context, feedback, None)
        self.inputs = layer_inputs(layers)
        today_text = (self.parameterAsString(parameters, self.TODAY, context) or "").strip()
        try:
            self.today = date.fromisoformat(today_text) if today_text else date.today()
        except ValueError as exc:
            raise QgsProcessingException(self.tr("Today must be a date like 2026-11-27, got '{}'").format(
                today_text)) from exc
        self.language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        self.moratorium_years = None
        if parameters.get(self.MORATORIUM_YEARS) not in (None, ""):
            self.moratorium_years = self.parameterAsInt(parameters, self.MORATORIUM_YEARS, context)
        self.prepared(parameters, context, None)
        return True

    def moratorium(self) -> int:
        """Years of dig moratorium: the parameter, else the plugin setting."""
        if self.moratorium_years is not None:
            return self.moratorium_years
        return int(settings.get("dig_moratorium_years"))

    def network(self, feedback: QgsProcessingFeedback) -> Network:
        try:
            return read_network(self.catalog, self.model, self.inputs, self.today, self.progress(feedback))
        except SourceError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def segment_input(self) -> LayerInput:
        return self.inputs[self.model.sources["segments"].layer]

    def segment_geometries(self, net: Network, indexes: list[int]) -> dict[int, Any]:
        """Segment index → geometry, for the given segments (one request by feature id)."""
        by_fid = {int(net.fids[i]): i for i in indexes}
        request = QgsFeatureRequest().setFilterFids(list(by_fid)).setNoAttributes()
        return {by_fid[f.id()]: f.geometry() for f in self.segment_input().source.getFeatures(request)}


def sink_crs(algorithm: InvestmentAlgorithm):
    return algorithm.segment_input().crs
