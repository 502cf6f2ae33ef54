"""Reading the twin's edit history: who changed what and when, for one subject.

The history is written by the databases (GeoPackage ``twin_history`` by :mod:`.gpkg_triggers`, PostGIS
``maintenance.history`` by migration 006) with the same columns. It is read as a table layer through QGIS's own
provider, with a compiled filter (no SQL is built here). For the card's "Last changed … by …" and the subject's
details (next round of issue #11): ``changes(history_layer(source, catalog), "road_segments", "OST-…-0006")``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayer

from .catalog import Catalog, LayerSpec, Title
from .maintenance_spec import maintenance_spec
from .quality.sources import plain
from .read_faults import features_or_fault
from .twin_source import TwinSource

PG_HISTORY_SCHEMA = "maintenance"
PG_HISTORY_TABLE = "history"


@dataclass(frozen=True)
class Change:
    """One recorded change: ``action`` insert/update/delete; ``field`` None for insert and delete."""

    when: str
    who: Optional[str]
    action: str
    field: Optional[str]
    old: Optional[str]
    new: Optional[str]


def history_layer(source: TwinSource, catalog: Catalog) -> QgsVectorLayer:
    """The history table of ``source`` as a (possibly invalid: no history yet) layer; call on the main thread."""
    if source.kind == "gpkg":
        table, where = maintenance_spec(catalog).history.table, source
    else:
        table, where = PG_HISTORY_TABLE, dataclasses.replace(source, schema=PG_HISTORY_SCHEMA)
    spec = LayerSpec(id=table, table=table, group="", title=Title(table, table), geometry=None)
    return where.open_layer(spec, table)


def changes(layer: QgsVectorLayer, layer_id: str, key: Any, fid: Optional[int] = None, limit: int = 20
            ) -> list[Change]:
    """The newest ``limit`` changes of the feature ``key`` (and ``fid``, for tables whose key repeats) of catalog
    layer ``layer_id``; [] when there is no history."""
    if layer is None or not layer.isValid():
        return []
    expression = " AND ".join([
        QgsExpression.createFieldEqualityExpression("layer", layer_id),
        QgsExpression.createFieldEqualityExpression("key", str(key)),
    ] + ([QgsExpression.createFieldEqualityExpression("feature_fid", int(fid))] if fid is not None else []))
    request = QgsFeatureRequest().setFilterExpression(expression).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.addOrderBy("changed_at", False)
    request.setLimit(limit)
    out = []
    for feature in features_or_fault(layer, request, "history"):
        value = {name: plain(feature[name]) for name in ("changed_at", "changed_by", "action", "field",
                                                           "old_value", "new_value")}
        out.append(Change(str(value["changed_at"]), value["changed_by"], str(value["action"]), value["field"],
                          None if value["old_value"] is None else str(value["old_value"]),
                          None if value["new_value"] is None else str(value["new_value"])))
    return out


def last_change(layer: QgsVectorLayer, layer_id: str, key: Any, fid: Optional[int] = None) -> Optional[Change]:
    found = changes(layer, layer_id, key, fid, limit=1)
    return found[0] if found else None
