"""An accepted scenario into the twin's paving plan: its rows in one transaction, marked with the scenario id.

Undone by :func:`delete_scenario` (deletes exactly the rows with that id). The paving-plan layer is the catalog
layer the model's ``paving_plan`` relation points to; its scenario field (model ``fields.scenario``) is added to a
GeoPackage table that lacks it; in PostGIS migration 008 adds it. Call with a layer the caller owns (not one being
edited in the project): the rows go through the layer's data provider, one ``addFeatures`` = one transaction.
"""

from __future__ import annotations

from qgis.core import QgsFeature, QgsFeatureRequest, QgsField, QgsVectorDataProvider, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..catalog import Catalog
from ..identify.config import identify_config
from ..tr import tr
from .model import MaintenanceModel
from .scenario import ScenarioResult


class PlanError(ValueError):
    """The paving plan cannot take the scenario: says which layer and field, or why."""


def plan_layer_id(catalog: Catalog, model: MaintenanceModel) -> str:
    rel = identify_config(catalog).relations.get(model.sources["paving_plan"].relation)
    if rel is None:
        raise PlanError(
            tr("The catalog has no relation '{relation}' (paving plan)").format(
                relation=model.sources["paving_plan"].relation
            )
        )
    return rel.to_layer


def _fields(catalog: Catalog, model: MaintenanceModel) -> dict[str, str]:
    rel = identify_config(catalog).relations[model.sources["paving_plan"].relation]
    f = model.sources["paving_plan"].fields
    out = {"segment": rel.to_field, "year": f["year"], "treatment": f["treatment"],
           "scenario": f.get("scenario", "scenario_id")}
    if f.get("cost"):
        out["cost"] = f["cost"]
    return out


def _ensure_scenario_field(layer: QgsVectorLayer, name: str) -> int:
    index = layer.fields().indexOf(name)
    if index >= 0:
        return index
    provider = layer.dataProvider()
    if not provider.capabilities() & QgsVectorDataProvider.Capability.AddAttributes or \
            not provider.addAttributes([QgsField(name, QVariant.String)]):
        raise PlanError(
            tr("Layer '{name}' has no field '{name2}' and it cannot be added (PostGIS: apply migration 008)").format(
                name=layer.name(), name2=name
            )
        )
    layer.updateFields()
    return layer.fields().indexOf(name)


def scenario_fids(layer: QgsVectorLayer, field: str, scenario_id: str) -> list[int]:
    if layer.fields().indexOf(field) < 0:
        return []
    request = QgsFeatureRequest().setFilterExpression(
        f'"{field}" = {_quoted(scenario_id)}').setNoAttributes().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return [f.id() for f in layer.getFeatures(request)]


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def accept_scenario(layer: QgsVectorLayer, catalog: Catalog, model: MaintenanceModel, result: ScenarioResult) -> int:
    """Write the scenario's treated segments as paving-plan rows; the number written. :class:`PlanError` when the
    layer refuses, or when rows of this scenario id are already there (delete them first)."""
    if not result.scenario_id:
        raise PlanError(tr('A scenario needs an id before it is written into the paving plan'))
    names = _fields(catalog, model)
    for role in ("segment", "year", "treatment"):
        if layer.fields().indexOf(names[role]) < 0:
            raise PlanError(
                tr("Layer '{name}' has no field '{names}' (paving plan {role})").format(
                    name=layer.name(), names=names[role], role=role
                )
            )
    if layer.isEditable():
        raise PlanError(tr("Layer '{name}' is being edited: save or discard the edits first").format(name=layer.name()))
    _ensure_scenario_field(layer, names["scenario"])
    if scenario_fids(layer, names["scenario"], result.scenario_id):
        raise PlanError(
            tr("Scenario '{scenario_id}' is already in '{name}': delete it first").format(
                scenario_id=result.scenario_id, name=layer.name()
            )
        )
    fields = layer.fields()
    features = []
    for t in result.treated:
        feature = QgsFeature(fields)
        feature.setAttribute(names["segment"], t.segment_id)
        feature.setAttribute(names["year"], t.year)
        feature.setAttribute(names["treatment"], t.treatment)
        if "cost" in names and fields.indexOf(names["cost"]) >= 0:
            feature.setAttribute(names["cost"], int(round(t.cost_sek)))
        feature.setAttribute(names["scenario"], result.scenario_id)
        features.append(feature)
    if not features:
        return 0
    provider = layer.dataProvider()
    provider.clearErrors()
    ok, _added = provider.addFeatures(features)
    if not ok:
        errors = "; ".join(provider.errors()) or "the provider refused the rows"
        raise PlanError(
            tr("Scenario '{scenario_id}' not written into '{name}' (nothing was): {errors}").format(
                scenario_id=result.scenario_id, name=layer.name(), errors=errors
            )
        )
    layer.reload()
    return len(features)


def delete_scenario(layer: QgsVectorLayer, catalog: Catalog, model: MaintenanceModel, scenario_id: str) -> int:
    """Delete the paving-plan rows of ``scenario_id``; the number deleted."""
    fids = scenario_fids(layer, _fields(catalog, model)["scenario"], scenario_id)
    if fids and not layer.dataProvider().deleteFeatures(fids):
        raise PlanError(f"Scenario '{scenario_id}' could not be deleted from '{layer.name()}': "
                        + "; ".join(layer.dataProvider().errors()))
    layer.reload()
    return len(fids)
