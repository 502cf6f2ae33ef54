"""The road card's "Maintenance" section: the condition level by the model, the year the next limit is crossed,
the suggested treatment, its cost and the coordination status, for the card's segment.

An extra card section (``IdentifyController.extra_sections``): called on the main thread with the report dict;
it reads only that segment (by key), its inspections and plan rows (by key) and the permits in its bounding box,
through the project's twin layers, and runs the same model code as the Processing algorithms.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from .. import settings
from ..catalog import Catalog
from ..identify.config import identify_config
from ..log import get_logger
from ..tr import tr
from .candidates import find_candidates, sek
from .model import MaintenanceModel, ModelError, load_model
from .network import read_network, year_of
from .sources import SourceError, layer_inputs

LOG = get_logger(__name__)
SECTION_ID = "maintenance"


class MaintenanceCard:
    """``card(report_dict)`` → the Maintenance section of a road card, or None for other subjects."""

    def __init__(self, catalog: Catalog, layers: Callable[[], dict[str, QgsVectorLayer]],
                 today: Optional[Callable[[], date]] = None, model: Optional[MaintenanceModel] = None) -> None:
        self.catalog, self.layers = catalog, layers
        self.today = today or date.today
        self._model = model

    def model(self) -> MaintenanceModel:
        if self._model is None:
            self._model = load_model(settings.get("maintenance_model") or None)
        return self._model

    def __call__(self, report: dict[str, Any]) -> Optional[dict]:
        subject = report.get("subject") or {}
        try:
            model = self.model()
        except ModelError as exc:
            LOG.warning("Maintenance section: %s", exc)
            return None
        if subject.get("layer") != model.sources["segments"].layer or subject.get("key") is None:
            return None
        try:
            return self._section(model, subject, report.get("language", "en"))
        except SourceError as exc:
            return _section(subject, model, [], str(exc))

    def _inputs(self, model: MaintenanceModel, subject: dict) -> dict:
        config = identify_config(self.catalog)
        needed = _layers_read(model, config)  # a snapshot of only these: a click must not copy the whole twin
        layers = {k: v for k, v in self.layers().items() if k in needed and v is not None and v.isValid()}
        inputs = layer_inputs(layers)
        key = subject["key"]
        seg_layer = model.sources["segments"].layer
        if seg_layer in inputs:  # by key: read through SQLite when the layer is a plain GeoPackage table
            inputs[seg_layer] = inputs[seg_layer].only_key(model.sources["segments"].fields["id"], key)
        for kind in ("inspections", "paving_plan"):
            rel = config.relations.get(model.sources[kind].relation)
            if rel is not None and rel.to_layer in inputs:
                inputs[rel.to_layer] = inputs[rel.to_layer].only_key(rel.to_field, key)
        rel = config.relations.get(model.sources["permits"].relation)
        if rel is not None and rel.to_layer in inputs:
            inputs[rel.to_layer] = inputs[rel.to_layer].only(rect=self._rect(subject, inputs[rel.to_layer].crs,
                                                                             rel.distance_m))
        return inputs

    @staticmethod
    def _rect(subject: dict, crs: QgsCoordinateReferenceSystem, distance_m: float) -> QgsRectangle:
        box, box_crs = subject.get("bbox"), subject.get("bbox_crs")
        if not box or not box_crs:
            return QgsRectangle()  # no geometry: no permits near it
        rect = QgsRectangle(*(float(v) for v in box))
        rect.grow(distance_m + 1.0)
        source = QgsCoordinateReferenceSystem(box_crs)
        if source != crs:
            try:
                rect = QgsCoordinateTransform(source, crs, QgsProject.instance()).transformBoundingBox(rect)
            except QgsCsException:
                return QgsRectangle()
        return rect

    def _section(self, model: MaintenanceModel, subject: dict, language: str) -> Optional[dict]:
        net = read_network(self.catalog, model, self._inputs(model, subject), self.today())
        if not len(net):
            return None
        a = find_candidates(model, net, language, int(settings.get("dig_moratorium_years")), self.today().year + 1)
        rows = []
        level = int(a.level[0])
        levels = {-1: tr("not inspected"), 0: tr("acceptable"), 1: tr("needs action"), 2: tr("urgent")}
        rows.append(("level", tr("Condition by the model"), levels.get(level, ""), "text"))
        forecast = a.forecast_jd[0]
        if forecast == forecast:
            rows.append(("forecast_year", tr("Next limit crossed"), year_of(forecast), "int"))
        if a.candidates:
            c = a.candidates[0]
            rows += [("treatment", tr("Suggested treatment"), c.treatment or tr("no treatment rule matches"), "text"),
                     ("cost_sek", tr("Cost"), sek(round(c.cost_sek, -3), language), "text"),
                     ("coordination", tr("Coordination"), _coordination(c), "text"),
                     ("reason", tr("Why"), c.reason, "text")]
        elif level >= 0:
            rows.append(("treatment", tr("Suggested treatment"), tr("none needed now"), "text"))
        title = levels.get(level, "")
        if a.candidates and a.candidates[0].treatment:
            title = f"{title}: {a.candidates[0].treatment}"
        return _section(subject, model, rows, None, title)


def _layers_read(model: MaintenanceModel, config: Any) -> set[str]:
    """The catalog layers the model's sources read: their own layer or their relation's target."""
    needed = set()
    for source in model.sources.values():
        if source.layer:
            needed.add(source.layer)
        rel = config.relations.get(source.relation) if source.relation else None
        if rel is not None:
            needed.add(rel.to_layer)
    return needed


def _coordination(c) -> str:
    if c.coordination == "dig_first":
        return tr("dig first ({utilities}); pave from {year}").format(utilities=", ".join(c.utilities),
                                                                      year=c.earliest_year)
    if c.coordination == "moratorium":
        return tr("dig moratorium: not before {year}").format(year=c.earliest_year)
    return tr("clear")


def _section(subject: dict, model: MaintenanceModel, rows: list, error: Optional[str],
             item_title: str = "") -> dict:
    title = tr("Maintenance")
    item = {"layer": model.sources["segments"].layer, "key": subject.get("key"), "fid": subject.get("fid"),
            "title": item_title or title, "values": {field: value for field, _label, value, _type in rows}, "extra": {}}
    return {
        "id": SECTION_ID, "title": title, "kind": "attributes", "layer": model.sources["segments"].layer,
        "layer_title": title, "total": 1 if rows else 0, "truncated": False, "cap": 1,
        "columns": [{"field": field, "label": label, "type": kind} for field, label, _value, kind in rows],
        "items": [item] if rows else [], "summary": {}, "error": error,
    }
