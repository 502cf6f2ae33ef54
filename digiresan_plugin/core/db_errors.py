"""A database's refusal in words, with the catalog's layer titles, field labels and domain messages.

The GeoPackage's refusal triggers (:mod:`.gpkg_rules`) abort with a code and the PostGIS constraints of
``db/migrations/006_maintenance.sql`` are named with the same code, ``digiresan|<layer>|<field>|<kind>``, so
the error text QGIS's provider reports (ogr or postgres) leads back to the catalog's field rule. A NOT NULL column
of PostgreSQL names the table and column instead.
"""

from __future__ import annotations

import re
from typing import Optional

from .catalog import Catalog, LayerSpec
from .domains import field_domains
from .field_checks import field_checks, field_label
from .tr import tr

_CODE = re.compile(r"digiresan\|(?P<layer>\w+)\|(?P<field>\w+)\|(?P<kind>\w+)")
_PG_PARENT_DELETE = re.compile(r'update or delete on table "(?P<table>[^"]+)" violates foreign key')
_PG_NOT_NULL = re.compile(r'null value in column "(?P<field>[^"]+)" of relation "(?P<table>[^"]+)" violates '
                          r'not-null constraint')
_KEY_VALUE = re.compile(r"Key \((?P<field>[^)]+)\)=\((?P<value>[^)]*)\)")



def _layer(catalog: Catalog, layer_id: str) -> Optional[LayerSpec]:
    return next((spec for spec in catalog.layers if spec.id == layer_id), None)


def describe_provider_error(catalog: Catalog, text: str, language: str) -> Optional[str]:
    """Words for a refusal found in ``text`` (None when it is not one of the twin's)."""
    match = _CODE.search(text or "")
    if match is None:
        not_null = _PG_NOT_NULL.search(text or "")
        spec = next((s for s in catalog.layers if not_null and s.table == not_null["table"]), None)
        if spec is None:
            return None
        return tr("The database refused the change to {layer}: {field} is required").format(
            layer=spec.title.text(language), field=field_label(catalog, spec.id, not_null["field"], language))
    spec = _layer(catalog, match["layer"])
    if spec is None:
        return None
    layer, kind, name = spec.title.text(language), match["kind"], match["field"]
    label = field_label(catalog, spec.id, name, language)
    value = _KEY_VALUE.search(text)
    if kind == "parent" and _PG_PARENT_DELETE.search(text) is None:
        return tr("The database refused the change to {layer}: no feature has {field} '{value}'").format(
            layer=layer, field=label, value=value["value"] if value else "…")
    if kind in ("parent", "children"):
        parent, child = (spec, _layer(catalog, name)) if kind == "children" else (
            next((s for s in catalog.layers if _PG_PARENT_DELETE.search(text)["table"] == s.table), None), spec)
        return tr("The database refused to delete from {parent}: {child} still refer to it; delete or move them "
                  "first").format(parent=parent.title.text(language) if parent else "?",
                                  child=child.title.text(language) if child else name)
    if kind == "required":
        return tr("The database refused the change to {layer}: {field} is required").format(layer=layer, field=label)
    if kind == "unique":
        return tr("The database refused the change to {layer}: {field} must be unique, another feature has this "
                  "value").format(layer=layer, field=label)
    rule = field_domains(catalog).rule(spec.id, name)
    checks = field_checks(rule, label, language) if rule is not None else []
    wanted = {"allowed": ("domain", "range"), "constraint": ("constraint",)}.get(kind, ())
    detail = "; ".join(c.message for c in checks if c.kind in wanted) or label
    return tr("The database refused the change to {layer}: {detail}").format(layer=layer, detail=detail)
