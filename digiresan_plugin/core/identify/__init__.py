"""Twin identify: one click (or one feature) in, one card-shaped :class:`TwinReport` out. No widgets here.

Typical use (main thread)::

    engine = TwinEngine(catalog, lambda layer_id: twin_layer(project, layer_id), language=ui_language())
    report = engine.report_at_point(point, canvas_crs, radius_m)
    data = report.to_dict()          # see docs/report_schema.md

In a ``QgsTask``: ``engine = TwinEngine.snapshot(catalog, layer_for, ...)`` on the main thread, then call
``engine.report_at_point`` from the task (it only reads ``QgsVectorLayerFeatureSource`` snapshots).
"""

from .config import IdentifyConfig, identify_config, parse_identify
from .engine import TwinEngine
from .handles import LayerHandle, snapshot_handles
from .report import Attribute, Column, Item, Ref, Section, Subject, TwinReport, TwinWarning
from .tabular import summary_fields, summary_values

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
