"""The card's "Work window" section (an extra section, like the edit history): for a road segment from its own
hourly profile section, for a permit from the hourly traffic of the segments it touches (read on the main
thread: a handful of rows by key) — the quietest contiguous daily window and the hours to avoid."""

from __future__ import annotations

from typing import Any, Callable, Optional

from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayer

from ..catalog import Catalog
from ..identify.config import identify_config
from ..identify.values import as_int, as_number, py_value
from ..log import get_logger
from .config import CoordinationSpec, parse_coordination
from .work_window import WorkWindow, work_window

LOG = get_logger(__name__)
SECTION_ID = "work_window"
TEXTS = {
    "title": {"en": "Work window", "sv": "Arbetsfönster"},
    "segment": {"en": "Segment", "sv": "Segment"},
    "window": {"en": "Work window", "sv": "Arbetsfönster"},
    "avoid": {"en": "Avoid", "sv": "Undvik"},
    "vehicles": {"en": "Vehicles in the window", "sv": "Fordon i fönstret"},
    "summary": {"en": "Work {window} ({hours} h between {start:02d} and {end:02d}); avoid {avoid}",
                "sv": "Arbeta {window} ({hours} h mellan {start:02d} och {end:02d}); undvik {avoid}"},
}


def text(key: str, language: str, **values: Any) -> str:
    template = TEXTS[key]["sv" if language.startswith("sv") else "en"]
    return template.format(**values) if values else template


class WorkWindowCard:
    """Adds the work window to segment and permit cards (``IdentifyController.extra_sections``)."""

    def __init__(self, catalog: Catalog, layer_for: Callable[[str], Optional[QgsVectorLayer]],
                 hours: Optional[int] = None):
        self.spec: Optional[CoordinationSpec] = parse_coordination(catalog, identify_config(catalog).relations)
        self.layer_for = layer_for
        self.hours = hours

    def _hours(self) -> int:
        from .. import settings

        if self.hours is not None:
            return self.hours
        key = self.spec.window_setting
        return as_int(settings.get(key, self.spec.window_hours_default)) if key else self.spec.window_hours_default

    def card_section(self, report: dict[str, Any]) -> Optional[dict]:
        spec = self.spec
        subject = report.get("subject") or {}
        if spec is None or spec.traffic is None or subject.get("key") is None:
            return None
        language = report.get("language", "en")
        profiles: dict[str, list] = {}
        if subject.get("layer") == spec.segments.layer:
            for section in report.get("sections", []):
                if section.get("kind") == "hourly_profile":
                    profiles[str(subject["key"])] = list((section.get("summary") or {}).get("hours") or [])
        elif subject.get("layer") == spec.permits.layer:
            keys = sorted({str(i["key"]) for s in report.get("sections", []) if s.get("layer") == spec.segments.layer
                           for i in s.get("items", []) if i.get("key") is not None})
            profiles = self._read(keys)
        else:
            return None
        hours = self._hours()
        windows = {k: work_window(v, hours, spec.window_from_hour, spec.window_to_hour)
                   for k, v in profiles.items()}
        windows = {k: w for k, w in windows.items() if w is not None}
        return work_window_section(windows, hours, spec, language) if windows else None

    def _read(self, keys: list[str]) -> dict[str, list]:
        part = self.spec.traffic
        layer = self.layer_for(part.layer)
        if layer is None or not keys:
            return {}
        seg, hour, vehicles, year = (part.field(r) for r in ("segment", "hour", "vehicles", "year"))
        request = QgsFeatureRequest().setFilterExpression(
            f"{QgsExpression.quotedColumnRef(seg)} IN ({', '.join(QgsExpression.quotedValue(k) for k in keys)})")
        rows: dict[str, dict[int, dict[int, float]]] = {}
        for f in layer.getFeatures(request):
            h, y = as_int(f[hour]), (as_int(f[year]) if year else 0) or 0
            v = as_number(f[vehicles])
            if h is not None and 0 <= h <= 23 and v is not None:
                rows.setdefault(str(py_value(f[seg])), {}).setdefault(y, {})[h] = v
        out = {}
        for key, years in rows.items():
            latest = years[max(years)]
            out[key] = [latest.get(h) for h in range(24)]
        return out


def work_window_section(windows: dict[str, WorkWindow], hours: int, spec: CoordinationSpec, language: str) -> dict:
    """A report section (docs/report_schema.md) with one item per segment."""
    items = [{
        "layer": spec.segments.layer, "key": key, "fid": None, "title": f"{key}: {w.label()}",
        "values": {"segment": key, "window": w.label(), "avoid": w.peaks_label() or "–", "vehicles": w.vehicles},
        "extra": {},
    } for key, w in sorted(windows.items())]
    first = windows[sorted(windows)[0]]
    summary = {"text": text("summary", language, window=first.label(), hours=hours, start=spec.window_from_hour,
                            end=spec.window_to_hour, avoid=first.peaks_label() or "–")}
    return {
        "id": SECTION_ID, "title": text("title", language), "kind": "list", "layer": spec.segments.layer,
        "layer_title": text("title", language), "total": len(items), "truncated": False, "cap": len(items),
        "columns": [{"field": f, "label": text(f, language), "type": "integer" if f == "vehicles" else "text"}
                    for f in ("segment", "window", "avoid", "vehicles")],
        "items": items, "summary": summary, "error": None,
    }
