"""Time on the map: the catalog's ``coordination.temporal`` entries give layers (the permits) temporal properties
from their start and end date fields, so QGIS's Temporal Controller plays the works over time; and the "as of"
date the card and the board answer for: the Temporal Controller's start while it is active, else today."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from qgis.core import Qgis, QgsVectorLayer

from ..catalog import Catalog
from ..log import get_logger

LOG = get_logger(__name__)


def temporal_fields(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """Layer id -> (start field, end field) from ``coordination.temporal`` (malformed entries are skipped with a
    log line naming the entry)."""
    raw = (catalog.extra.get("coordination") or {}).get("temporal") or []
    out = {}
    for i, entry in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("layer", "start", "end")):
            LOG.warning(f"{catalog.path}: coordination.temporal[{i}] needs 'layer', 'start' and 'end': skipped")
            continue
        out[entry["layer"]] = (entry["start"], entry["end"])
    return out


def _mode() -> Any:
    return Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields  # QGIS 3.22 has it too


def apply_temporal(catalog: Catalog, layer_for: Callable[[str], Optional[QgsVectorLayer]]) -> list[str]:
    """Give each listed layer its temporal properties (main thread); returns the layer ids done. A layer without
    the fields is left as it is."""
    done = []
    for layer_id, (start, end) in temporal_fields(catalog).items():
        layer = layer_for(layer_id)
        if layer is None or not layer.isValid():
            continue
        if layer.fields().indexFromName(start) < 0 or layer.fields().indexFromName(end) < 0:
            LOG.warning(f"layer '{layer_id}' has no '{start}'/'{end}' field: no time on the map")
            continue
        props = layer.temporalProperties()
        props.setMode(_mode())
        props.setStartField(start)
        props.setEndField(end)
        limit = getattr(Qgis, "VectorTemporalLimitMode", None)
        if limit is not None and hasattr(props, "setLimitMode"):
            props.setLimitMode(limit.IncludeBeginIncludeEnd)  # a permit's end date is its last day
        props.setIsActive(True)
        done.append(layer_id)
    return done


def as_of(canvas: Any, today: Optional[date] = None) -> date:
    """The date the card and the board answer for: the start of the map's temporal range while the Temporal
    Controller navigates, else ``today``."""
    if canvas is not None and canvas.mapSettings().isTemporal():
        begin = canvas.temporalRange().begin()
        if begin.isValid():
            return begin.date().toPyDate()
    return today or date.today()
