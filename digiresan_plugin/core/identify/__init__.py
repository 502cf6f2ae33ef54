"""Twin identify: one click (or one feature) in, one card-shaped :class:`TwinReport` out. No widgets here.

Typical use (main thread)::

    engine = TwinEngine(catalog, lambda layer_id: twin_layer(project, layer_id), language=ui_language())
    report = engine.report_at_point(point, canvas_crs, radius_m)
    data = report.to_dict()          # see docs/report_schema.md; exports: .export

In a ``QgsTask``: ``engine = TwinEngine.snapshot(catalog, layer_for, ...)`` on the main thread, then call
``engine.report_at_point`` from the task (it only reads ``QgsVectorLayerFeatureSource`` snapshots).

Where things are: ``engine`` (the facade) with ``subjects``, ``relations``, ``card_builder``, ``coordination``
(warning rules) and ``fallback`` beside it; ``sections/`` one module per section kind; ``config*``/``specs`` the
catalog's identify keys; ``report`` the typed report; ``export`` text, CSV and JSON.

The report types load with this package; the engine and the catalog parts on first use of their names, so the
card (which renders reports) does not load the engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .report import Attribute, Column, Item, Ref, Section, Subject, TwinReport, TwinWarning

_LAZY = {
    "TwinEngine": "engine",
    "IdentifyConfig": "config",
    "identify_config": "config",
    "parse_identify": "config",
    "LayerHandle": "handles",
    "snapshot_handles": "handles",
    "summary_fields": "tabular",
    "summary_values": "tabular",
}


def __getattr__(name: str) -> Any:
    """The engine side of the package's names, imported when first asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Attribute",
    "Column",
    "IdentifyConfig",
    "Item",
    "LayerHandle",
    "Ref",
    "Section",
    "Subject",
    "TwinEngine",
    "TwinReport",
    "TwinWarning",
    "identify_config",
    "parse_identify",
    "snapshot_handles",
    "summary_fields",
    "summary_values",
]
