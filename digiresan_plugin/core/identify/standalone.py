"""Open a twin's layers outside a project (Processing, command line, benchmarks)."""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from ..catalog import Catalog
from ..layers import settle_crs, tag_twin_layer
from ..twin_source import TwinSource, TwinSourceError


def open_twin_layers(source: TwinSource, catalog: Catalog) -> tuple[dict[str, QgsVectorLayer], list[str]]:
    """The catalog's layers read from ``source`` (not added to any project), and the problems by layer."""
    layers: dict[str, QgsVectorLayer] = {}
    reason = source.check()
    if reason:
        return layers, [reason]
    problems: list[str] = []
    for spec in catalog.layers:
        try:
            layer, unreachable = source.open_layer_or_fault(spec)
        except TwinSourceError as exc:
            problems.append(str(exc))
            continue
        if unreachable:
            return {}, [unreachable]  # the database went away after the check: no partial twin
        if not layer.isValid():
            problems.append(f"Layer '{spec.id}': table '{spec.table}' not found or not readable in {source.describe()}")
            continue
        undefined_crs = settle_crs(layer, spec)
        if undefined_crs:
            problems.append(undefined_crs)
            continue
        tag_twin_layer(layer, spec, source.to_string())
        layers[spec.id] = layer
    return layers, problems
