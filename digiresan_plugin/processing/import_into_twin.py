"""Processing: "Import into twin" (``digiresan:import_into_twin``) — a file the user has, mapped into one twin layer.

``INPUT`` any vector or table file QGIS opens (GeoPackage, Shape, GeoJSON, XLSX; CSV with a WKT or X/Y columns),
``TWIN`` GeoPackage or ``CONNECTION`` source string (without either: the project's twin, else the demo), ``MAPPING``
a preset id or a JSON mapping file, ``LAYER`` the twin layer id (default: the mapping's), ``MODE`` insert / upsert /
replace, ``DRY_RUN`` (report only, nothing written), ``SOURCE_CRS`` for files without a CRS. Outputs: ``REJECTED``
(every refused row: source row number, field, value, reason, the row's values) and the counts ``READ``,
``INSERTED``, ``UPDATED``, ``UNCHANGED``, ``REJECTED_COUNT`` with a ``SUMMARY``. One transaction per run.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any, Optional

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
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.catalog import CatalogError, load_catalog
from ..core.catalog_check import check_catalog
from ..core.i18n import ui_language
from ..core.importing import (
    MODES,
    ImportCancelledError,
    Importer,
    ImportResult,
    MappingError,
    SourceError,
    WriteError,
    load_mapping,
    preset_ids,
)
from ..core.layers import SOURCE_PROPERTY, twin_layers
from ..core.twin_source import TwinSource, TwinSourceError
from .common import TwinAlgorithm

REJECTED_FIELDS = (("source_row", QVariant.LongLong), ("field", QVariant.String), ("value", QVariant.String),
                   ("reason", QVariant.String), ("values", QVariant.String))


class ImportIntoTwinAlgorithm(TwinAlgorithm):
    INPUT = "INPUT"
    LAYER = "LAYER"
    MAPPING = "MAPPING"
    MODE = "MODE"
    DRY_RUN = "DRY_RUN"
    SOURCE_CRS = "SOURCE_CRS"
    REJECTED = "REJECTED"

    def __init__(self) -> None:
        super().__init__()
        self._target: Optional[TwinSource] = None
        self._result: Optional[ImportResult] = None

    def name(self) -> str:
        return "import_into_twin"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Import into twin")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Imports a file into one twin layer through a mapping (a bundled preset such as nvdb_roads, or your own "
            "JSON mapping): field names matched without regard to case and as Shape exports cut them, codes "
            "translated, values checked against the catalog's domains, geometries reprojected into the twin's CRS. "
            "Upsert matches rows by the layer's key: re-running the same import changes nothing. One transaction: "
            "a failure or Cancel leaves the twin as it was. Every refused row is listed in the rejected output "
            "with its row number and the reason; read = inserted + updated + unchanged + rejected.")

    def initAlgorithm(self, config: Any = None) -> None:  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("File to import (GeoPackage, Shape, GeoJSON, XLSX, CSV)")))
        self.add_twin_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING, self.tr("Mapping: a preset ({}) or a JSON mapping file").format(", ".join(preset_ids())),
            defaultValue="nvdb_roads"))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER, self.tr("Twin layer id (default: the mapping's)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Mode"), options=list(MODES), defaultValue=MODES.index("upsert")))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, self.tr("Dry run (check and count only, write nothing)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("CRS of the file (when it has none, or to override it)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, self.tr("Rejected rows"), QgsProcessing.SourceType.TypeVector, optional=True))
        advanced = [
            QgsProcessingParameterFile(self.CATALOG, self.tr("Twin catalog (JSON; default: the bundled one)"),
                                       extension="json", optional=True),
            QgsProcessingParameterString(self.TODAY, self.tr("Today (YYYY-MM-DD; default: the current date)"),
                                         optional=True),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        for name, text in (("READ", self.tr("Rows read")), ("INSERTED", self.tr("Rows inserted")),
                           ("UPDATED", self.tr("Rows updated")), ("UNCHANGED", self.tr("Rows unchanged")),
                           ("REJECTED_COUNT", self.tr("Rows rejected"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    # -- main thread -----------------------------------------------------------------------------
    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> bool:
        try:
            self.catalog = check_catalog(load_catalog(
                self.parameterAsFile(parameters, self.CATALOG, context) or None))
        except CatalogError as exc:
            raise QgsProcessingException(str(exc)) from exc
        self._target = self._twin(parameters, context)
        reason = self._target.check()
        if reason:
            raise QgsProcessingException(reason)
        try:
            layer_id = (self.parameterAsString(parameters, self.LAYER, context) or "").strip() or load_mapping(
                self.parameterAsString(parameters, self.MAPPING, context)).layer
        except MappingError as exc:
            raise QgsProcessingException(str(exc)) from exc
        project = context.project()
        layer = twin_layers(project).get(layer_id) if project is not None else None
        if layer is not None and layer.isEditable() and \
                str(layer.customProperty(SOURCE_PROPERTY) or "") == self._target.to_string():
            raise QgsProcessingException(self.tr("{layer} is being edited: save or discard the edits before "
                                                 "importing into it").format(layer=layer.name()))
        return True

    def _twin(self, parameters: dict, context: QgsProcessingContext) -> TwinSource:
        twin = self.parameterAsFile(parameters, self.TWIN, context)
        connection = (self.parameterAsString(parameters, self.CONNECTION, context) or "").strip()
        try:
            if twin:
                return TwinSource.geopackage(twin)
            if connection:
                return TwinSource.parse(connection)
            project = context.project()
            for layer in (twin_layers(project) if project is not None else {}).values():
                text = layer.customProperty(SOURCE_PROPERTY)
                if text:
                    return TwinSource.parse(str(text))
        except TwinSourceError as exc:
            raise QgsProcessingException(str(exc)) from exc
        return TwinSource.demo()

    # -- any thread -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                         feedback: QgsProcessingFeedback) -> dict:
        today_text = (self.parameterAsString(parameters, self.TODAY, context) or "").strip()
        try:
            today = date.fromisoformat(today_text) if today_text else date.today()
        except ValueError as exc:
            raise QgsProcessingException(self.tr("Today must be a date like 2026-11-27, got '{}'").format(
                today_text)) from exc
        crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        try:
            mapping = load_mapping(self.parameterAsString(parameters, self.MAPPING, context))
            layer_id = (self.parameterAsString(parameters, self.LAYER, context) or "").strip()
            if layer_id and layer_id != mapping.layer:
                mapping = dataclasses.replace(mapping, layer=layer_id)
            importer = Importer(self.catalog, self._target, path, mapping, mode, dry_run, today,
                                crs.authid() if crs.isValid() else "", context.transformContext())
        except (MappingError, SourceError, WriteError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        for warning in importer.result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("Importing {file} into {layer} of {twin} ({mode}{dry})").format(
            file=importer.source.name, layer=self._layer_title(mapping.layer), twin=self._target.describe(), mode=mode,
            dry=self.tr(", dry run") if dry_run else ""))
        try:
            result = importer.run(self.progress(feedback))
        except ImportCancelledError:
            feedback.reportError(self.tr("Cancelled: nothing was written to the twin"), fatalError=False)
            return {}
        except WriteError as exc:
            raise QgsProcessingException(self.tr("Nothing was written to the twin: {}").format(exc)) from exc
        self._result = result
        outputs = self._rejected(parameters, context, result)
        summary = self.summary(result)
        feedback.pushInfo(summary)
        return {**outputs, "READ": result.read, "INSERTED": result.inserted, "UPDATED": result.updated,
                "UNCHANGED": result.unchanged, "REJECTED_COUNT": result.rejected, "SUMMARY": summary}

    def _rejected(self, parameters: dict, context: QgsProcessingContext, result: ImportResult) -> dict:
        if parameters.get(self.REJECTED) is None:
            return {}
        fields = QgsFields()
        for name, kind in REJECTED_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.REJECTED, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            return {}
        for rejection in result.rejections:
            out = QgsFeature(fields)
            value = rejection.value
            out.setAttributes([rejection.row, rejection.field, None if value is None else str(value),
                               rejection.reason, json.dumps(rejection.values, ensure_ascii=False, default=str)])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.REJECTED: dest}

    def _layer_title(self, layer_id: str) -> str:
        """The layer as the user reads it: its catalog title in the UI language (the id when the catalog lacks it)."""
        try:
            return self.catalog.layer(layer_id).title.text(ui_language())
        except KeyError:
            return layer_id

    def summary(self, result: ImportResult) -> str:
        text = self.tr("{file} → {layer}: read {read}, inserted {inserted}, updated {updated}, unchanged "
                       "{unchanged}, rejected {rejected}").format(
            file=result.source, layer=self._layer_title(result.layer), read=result.read, inserted=result.inserted,
            updated=result.updated, unchanged=result.unchanged, rejected=result.rejected)
        if result.deleted:
            text += " " + self.tr("(replaced {n} rows)").format(n=result.deleted)
        if result.dry_run:
            text += " " + self.tr("— dry run, nothing written")
        return text

    def postProcessAlgorithm(self, context: QgsProcessingContext,  # noqa: N802 - QGIS API
                             feedback: QgsProcessingFeedback) -> dict:
        """Reload the project's twin layers the import wrote into (main thread), so map and card show it."""
        result = self._result
        project = context.project()
        if result is None or result.dry_run or project is None or self._target is None:
            return {}
        for layer in twin_layers(project).values():
            if str(layer.customProperty(SOURCE_PROPERTY) or "") == self._target.to_string():
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
        return {}
