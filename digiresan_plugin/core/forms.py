"""Edit forms from the catalog: editor widgets, aliases, enforced constraints, defaults and read-only fields.

Applied to every loaded twin layer by :func:`apply_field_setup` (the loader's maintenance hook). Widgets follow the
field rules and the field type: a domain with values → ValueMap (label shown, code stored), a range → Range spin box,
a date → DateTime with calendar popup, a boolean → CheckBox, an ``attachment`` → a file picker relative to the
twin's folder, the key of a child table → RelationReference to its
parent (searchable, loads lazily, so it stays fast with 10^6 parents). Constraints are hard (QGIS's forms and
attribute table refuse to save a bad value) and carry the catalog's message in the UI language.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsValueMapFieldFormatter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .catalog import Catalog
from .domains import FieldRule, field_domains
from .field_checks import field_checks, field_label
from .identify.handles import file_folder
from .maintenance_spec import maintenance_spec

DATE_FORMAT = "yyyy-MM-dd"
INTEGER_TYPES = (QVariant.Int, QVariant.LongLong, QVariant.UInt, QVariant.ULongLong)
HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard


def relation_id(catalog_relation_id: str) -> str:
    """The project relation id of a catalog key relation."""
    return f"digiresan_{catalog_relation_id}"


def apply_field_setup(catalog: Catalog, layer_id: str, layer: QgsVectorLayer, language: str) -> None:
    """Aliases, widgets, constraints, defaults and read-only flags for ``layer`` (catalog layer ``layer_id``)."""
    domains = field_domains(catalog)
    spec = maintenance_spec(catalog)
    parent_keys = {r.child_field: r for r in spec.parents_of(layer_id)}
    derived = spec.derived_fields(layer_id)
    form = layer.editFormConfig()
    fields = layer.fields()
    primary_key = set(layer.primaryKeyAttributes())
    for index in range(fields.count()):
        qfield = fields.at(index)
        name = qfield.name()
        label = field_label(catalog, layer_id, name, language)
        if label != name:
            layer.setFieldAlias(index, label)
        rule = domains.rule(layer_id, name)
        widget = _widget(qfield.type(), rule, language)
        if rule is not None and rule.attachment:
            widget = attachment_widget(file_folder(layer))
        relation = parent_keys.get(name)
        if relation is not None:
            widget = QgsEditorWidgetSetup("RelationReference", {
                "Relation": relation_id(relation.id), "AllowNULL": False, "ShowForm": False,
                "ShowOpenFormButton": True, "MapIdentification": True, "ReadOnly": False,
                "AllowAddFeatures": False, "OrderByValue": True,
            })
        if index in primary_key and rule is None:
            widget = QgsEditorWidgetSetup("Hidden", {})  # the provider's feature id (fid): not the user's business
        if widget is not None:
            layer.setEditorWidgetSetup(index, widget)
        if rule is not None:
            _constraints(layer, index, rule, label, language)
            if rule.default:
                layer.setDefaultValueDefinition(index, QgsDefaultValue(rule.default, False))
        if (rule is not None and rule.read_only) or name in derived:
            form.setReadOnly(index, True)
    layer.setEditFormConfig(form)


def attachment_widget(folder: Optional[str]) -> QgsEditorWidgetSetup:
    """A file picker that stores the path relative to the twin's folder (the GeoPackage's), or an absolute path or
    an address when the twin has no folder; the form shows it as a link that opens the file."""
    config = {"FileWidget": True, "FileWidgetButton": True, "UseLink": True, "FullUrl": True,
              "StorageMode": 0, "DocumentViewer": 0, "RelativeStorage": 0}
    if folder:
        config.update({"DefaultRoot": folder, "RelativeStorage": 2})  # relative to the default root
    return QgsEditorWidgetSetup("ExternalResource", config)


def _widget(kind: int, rule: Optional[FieldRule], language: str) -> Optional[QgsEditorWidgetSetup]:
    domain = rule.domain if rule is not None else None
    if domain is not None and domain.values:
        entries = [] if rule.not_null else [{"–": QgsValueMapFieldFormatter.NULL_VALUE}]
        entries += [{value.text(language): str(value.code)} for value in domain.values]
        return QgsEditorWidgetSetup("ValueMap", {"map": entries})
    bounds = rule.value_range if rule is not None else None
    if bounds is not None and kind in INTEGER_TYPES + (QVariant.Double,):
        integer = kind in INTEGER_TYPES
        return QgsEditorWidgetSetup("Range", {
            "Min": int(bounds[0]) if integer else bounds[0], "Max": int(bounds[1]) if integer else bounds[1],
            "Step": 1 if integer else 0.1, "Precision": 0 if integer else 2, "Style": "SpinBox",
            "AllowNull": not rule.not_null,
        })
    if kind in (QVariant.Date, QVariant.DateTime):
        display = DATE_FORMAT if kind == QVariant.Date else f"{DATE_FORMAT} HH:mm"
        return QgsEditorWidgetSetup("DateTime", {
            "calendar_popup": True, "allow_null": not (rule is not None and rule.not_null),
            "field_format": display, "display_format": display, "field_iso_format": False,
        })
    if kind == QVariant.Bool:
        return QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": "", "TextDisplayMethod": 0})
    return None


def _constraints(layer: QgsVectorLayer, index: int, rule: FieldRule, label: str, language: str) -> None:
    if rule.not_null:
        layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintNotNull, HARD)
    if rule.unique:
        layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintUnique, HARD)
    checks = field_checks(rule, label, language)
    if not checks:
        return
    expression = " AND ".join(f"({check.expression})" for check in checks)
    layer.setConstraintExpression(index, expression, "; ".join(check.message for check in checks))
    layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintExpression, HARD)
