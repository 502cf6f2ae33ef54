"""What the Digiresan algorithms share: the twin source parameters, an engine built on the main thread, the
output sink and a progress callback that stops on cancel.

``prepareAlgorithm`` runs on the main thread: the layers are opened (or taken from the project) there and the
engine reads ``QgsVectorLayerFeatureSource`` snapshots, so ``processAlgorithm`` is safe in a background thread.
A subclass adds its parameters in ``initAlgorithm``, names an input layer the twin may come from
(:meth:`TwinAlgorithm.input_layer`), checks its own parameters in :meth:`TwinAlgorithm.prepared` and works in
``processAlgorithm`` with ``self.engine``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsFields,
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import settings
from ..core.catalog import Catalog, CatalogError, load_catalog
from ..core.catalog_check import check_catalog
from ..core.i18n import ui_language
from ..core.identify.engine import TwinEngine
from ..core.identify.standalone import open_twin_layers
from ..core.layers import twin_layers
from ..core.twin_source import TwinSource, TwinSourceError

LANGUAGES = ["en", "sv"]


class TwinAlgorithm(QgsProcessingAlgorithm):
    """Base of the Digiresan algorithms: twin source, catalog, today, language; ``self.engine`` once prepared."""

    TWIN = "TWIN"
    CONNECTION = "CONNECTION"
    CATALOG = "CATALOG"
    TODAY = "TODAY"
    LANGUAGE = "LANGUAGE"
    MORATORIUM_YEARS = "MORATORIUM_YEARS"

    def __init__(self) -> None:
        super().__init__()
        self.engine: Optional[TwinEngine] = None
        self.catalog: Optional[Catalog] = None
        self.layers: dict[str, QgsVectorLayer] = {}  # opened here: kept alive for the snapshots
        self.source_text = ""

    def tr(self, text: str) -> str:
        """Translate in the context pylupdate5 files the string under: the class that wrote it."""
        for cls in type(self).__mro__:
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text or cls is TwinAlgorithm:
                return translated
        return text

    def createInstance(self) -> "TwinAlgorithm":  # noqa: N802 - QGIS API
        return type(self)()

    def group(self) -> str:
        return self.tr("Digital twin")

    def groupId(self) -> str:  # noqa: N802 - QGIS API
        return "twin"

    # -- parameters ------------------------------------------------------------------------------
    def add_twin_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.TWIN, self.tr("Twin GeoPackage"), extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CONNECTION,
            self.tr("…or twin source (postgres:<saved connection>, pgservice:<service>, gpkg:<file>)"),
            optional=True))

    def add_advanced_parameters(self) -> None:
        advanced = [
            QgsProcessingParameterFile(self.CATALOG, self.tr("Twin catalog (JSON; default: the bundled one)"),
                                       extension="json", optional=True),
            QgsProcessingParameterString(self.TODAY, self.tr("Today (YYYY-MM-DD; default: the current date)"),
                                         optional=True),
            QgsProcessingParameterEnum(self.LANGUAGE, self.tr("Report language"), options=LANGUAGES,
                                       defaultValue=LANGUAGES.index(ui_language())),
            QgsProcessingParameterNumber(
                self.MORATORIUM_YEARS, self.tr("Dig moratorium (years; default: the plugin setting)"),
                type=QgsProcessingParameterNumber.Type.Integer, minValue=0, optional=True),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    # -- preparation (main thread) -------------------------------------------------------------
    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Every algorithm lets go of the twin layers it opened when its run ends, however it ends: QGIS may keep
        a failed run's algorithm until it exits, and a layer released after QGIS has shut down crashes it."""
        super().__init_subclass__(**kwargs)
        run = cls.__dict__.get("processAlgorithm")
        if run is None or getattr(run, "releases_layers", False):
            return

        def processAlgorithm(self, *args: Any, **kw: Any):  # noqa: N802 - QGIS API
            try:
                return run(self, *args, **kw)
            finally:
                self.release()

        processAlgorithm.releases_layers = True
        processAlgorithm.__doc__ = run.__doc__
        cls.processAlgorithm = processAlgorithm

    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> bool:
        try:
            hint = self.input_layer(parameters, context)
            self.prepare_engine(parameters, context, feedback, hint)
            self.prepared(parameters, context, hint)
        except BaseException:
            self.release()
            raise
        return True

    def release(self) -> None:
        """Drop the engine and the layers opened or picked for this run (any attribute holding a layer)."""
        self.engine = None
        self.layers = {}
        for name, value in list(vars(self).items()):
            if isinstance(value, QgsMapLayer):
                setattr(self, name, None)

    def input_layer(self, parameters: dict, context: QgsProcessingContext) -> Optional[QgsVectorLayer]:
        """An input layer whose GeoPackage is the twin when no twin source is given (none by default)."""
        return None

    def prepared(self, parameters: dict, context: QgsProcessingContext, hint: Optional[QgsVectorLayer]) -> None:
        """Check the algorithm's own parameters once the engine is there (main thread); raise
        ``QgsProcessingException`` for bad input."""

    def prepare_engine(self, parameters: dict[str, Any], context: QgsProcessingContext,
                       feedback: QgsProcessingFeedback, hint: Optional[QgsVectorLayer] = None) -> TwinEngine:
        catalog_path = self.parameterAsFile(parameters, self.CATALOG, context)
        try:
            self.catalog = check_catalog(load_catalog(catalog_path or None))  # every part checked now
        except CatalogError as exc:
            raise QgsProcessingException(str(exc)) from exc
        layers = self._resolve_layers(parameters, context, feedback, hint)
        today_text = (self.parameterAsString(parameters, self.TODAY, context) or "").strip()
        try:
            today = date.fromisoformat(today_text) if today_text else date.today()
        except ValueError as exc:
            raise QgsProcessingException(self.tr("Today must be a date like 2026-11-27, got '{}'").format(
                today_text)) from exc
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        values: dict[str, Any] = {}
        if parameters.get(self.MORATORIUM_YEARS) not in (None, ""):
            values["dig_moratorium_years"] = self.parameterAsInt(parameters, self.MORATORIUM_YEARS, context)
        cap = settings.get("related_feature_cap")
        self.engine = TwinEngine.snapshot(
            self.catalog, layers.get, today=today, language=language, cap=cap,
            transform_context=context.transformContext(), setting_values=values,
        )
        return self.engine

    def _resolve_layers(self, parameters: dict[str, Any], context: QgsProcessingContext,
                        feedback: QgsProcessingFeedback, hint: Optional[QgsVectorLayer]) -> dict[str, QgsVectorLayer]:
        twin = self.parameterAsFile(parameters, self.TWIN, context)
        connection = (self.parameterAsString(parameters, self.CONNECTION, context) or "").strip()
        source: Optional[TwinSource] = None
        try:
            if twin:
                source = TwinSource.geopackage(twin)
            elif connection:
                source = TwinSource.parse(connection)
        except TwinSourceError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if source is None:
            project = context.project()
            found = twin_layers(project) if project is not None else {}
            if found:
                self.source_text = "project"
                feedback.pushInfo(self.tr("Using the twin layers of the current project"))
                return found
            source = _source_of(hint) or TwinSource.demo()
        self.source_text = source.to_string()
        feedback.pushInfo(self.tr("Twin source: {}").format(source.describe()))
        self.layers, problems = open_twin_layers(source, self.catalog)
        for problem in problems:
            feedback.reportError(problem, fatalError=False)
        if not self.layers:
            raise QgsProcessingException(self.tr("No twin layer could be read from {}").format(source.describe()))
        return self.layers

    # -- processing -------------------------------------------------------------------------------
    def create_sink(self, parameters: dict, name: str, context: QgsProcessingContext, fields: QgsFields,
                    wkb_type: int, crs: Optional[QgsCoordinateReferenceSystem] = None) -> tuple[QgsFeatureSink, str]:
        """The output sink of parameter ``name`` and its destination id; the standard error when it fails."""
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb_type,
                                          crs or QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest

    @staticmethod
    def progress(feedback: QgsProcessingFeedback) -> Callable[[float], bool]:
        """``progress(percent)``: shows the percentage, False once the user cancelled."""
        def report(percent: float) -> bool:
            feedback.setProgress(percent)
            return not feedback.isCanceled()

        return report


def _source_of(layer: Optional[QgsVectorLayer]) -> Optional[TwinSource]:
    """The GeoPackage an input layer comes from, as a twin source."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = layer.source().split("|")[0]
    return TwinSource.geopackage(path) if path.lower().endswith(".gpkg") and Path(path).is_file() else None
