"""What a quality run reads, prepared on the main thread and read from a worker thread.

Per twin layer: a ``QgsVectorLayerFeatureSource`` snapshot (geometries, spatial rules) and, for GeoPackage and
PostGIS layers, how to query the same table with SQL (attribute rules: one scan per table in the database instead
of millions of features through Python). SQL connections are opened in the worker: the GeoPackage read-only
(``mode=ro``, the run never writes), PostGIS through QGIS's own provider connection (credentials stay in QGIS).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFields,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ..catalog import Catalog, LayerSpec
from ..rule_sql import q

SQLITE_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class SqlTarget:
    """How to reach a layer's table with SQL: ``kind`` 'sqlite' (a GeoPackage path) or 'postgres' (a connection
    URI without credentials), the quoted table reference and the primary key column."""

    kind: str
    location: str
    table: str
    pk: str


@dataclass
class LayerInput:
    spec: LayerSpec
    source: QgsVectorLayerFeatureSource
    fields: QgsFields
    crs: QgsCoordinateReferenceSystem
    provider: str
    sql: Optional[SqlTarget]
    count: int = 0  # features when prepared (progress only)

    def has(self, *names: str) -> bool:
        return all(self.fields.indexFromName(n) >= 0 for n in names)


def sql_target(layer: QgsVectorLayer) -> Optional[SqlTarget]:
    """The SQL route to ``layer``'s table, or None (e.g. a memory layer)."""
    provider = layer.providerType()
    fields = layer.fields()
    pk_indexes = layer.primaryKeyAttributes()
    if provider == "ogr":
        parts = layer.source().split("|")
        path = parts[0]
        table = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
        if not path.lower().endswith(".gpkg") or not table or any(p.startswith("subset=") for p in parts[1:]):
            return None
        pk = fields.at(pk_indexes[0]).name() if pk_indexes else "fid"
        return SqlTarget("sqlite", path, q(table), pk)
    if provider == "postgres":
        uri = QgsDataSourceUri(layer.source())
        if uri.sql():
            return None
        return SqlTarget("postgres", uri.connectionInfo(False), f"{q(uri.schema() or 'public')}.{q(uri.table())}",
                         uri.keyColumn() or "fid")
    return None


def prepare_inputs(catalog: Catalog, layers: dict[str, QgsVectorLayer]) -> dict[str, LayerInput]:
    """Snapshots of the twin's layers (call on the main thread); layers not loaded are simply absent."""
    inputs: dict[str, LayerInput] = {}
    for spec in catalog.layers:
        layer = layers.get(spec.id)
        if layer is None or not layer.isValid():
            continue
        inputs[spec.id] = LayerInput(spec, QgsVectorLayerFeatureSource(layer), QgsFields(layer.fields()),
                                     QgsCoordinateReferenceSystem(layer.crs()), layer.providerType(),
                                     sql_target(layer), max(0, layer.featureCount()))
    return inputs


def plain(value: Any) -> Any:
    """A database value as plain Python (dates as ISO text, NULL as None)."""
    if value is None:
        return None
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if type(value).__name__ == "QVariant":  # a NULL QVariant
        return None
    return value


class SqlConnection:
    """One read-only SQL connection to a GeoPackage or a PostGIS database (open it in the worker thread)."""

    def __init__(self, target: SqlTarget):
        self.target = target
        self._sqlite: Optional[sqlite3.Connection] = None
        self._pg: Any = None
        if target.kind == "sqlite":
            path = Path(target.location).resolve()
            self._sqlite = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=SQLITE_TIMEOUT_S)
        else:
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            self._pg = metadata.createConnection(target.location, {})

    def rows(self, sql: str) -> list[tuple]:
        if self._sqlite is not None:
            return [tuple(row) for row in self._sqlite.execute(sql).fetchall()]
        return [tuple(plain(v) for v in row) for row in self._pg.executeSql(sql)]

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        self._pg = None


class Connections:
    """SQL connections of a run, one per database, closed together."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, str], SqlConnection] = {}

    def get(self, target: SqlTarget) -> SqlConnection:
        key = (target.kind, target.location)
        if key not in self._open:
            self._open[key] = SqlConnection(target)
        return self._open[key]

    def close(self) -> None:
        for conn in self._open.values():
            conn.close()
        self._open.clear()
