"""What building one report needs: the engine's fixed setup and the per-report state shared by the subject
finder, the relation reader, the card builder and the warning rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable, Mapping, Optional

from ..catalog import Catalog, LayerSpec
from .config import IdentifyConfig
from .handles import LayerHandle, Metric
from .labels import DomainLabels
from .report import TwinWarning
from .sections import KindEnv
from .unreadable import Unreadable, unreadable_values


@dataclass
class EngineSetup:
    """Fixed for one engine: catalog, metric CRS, language, today, cap, rule settings read on the main thread."""

    catalog: Catalog
    config: IdentifyConfig
    metric: Metric
    language: str
    today: date
    cap: int
    years: dict[str, int]  # warning rule id -> moratorium years
    kinds: KindEnv
    resolve: Callable[[str], Optional[LayerHandle]]
    fields_read: dict[str, Optional[list[str]]] = field(default_factory=dict)  # relation id -> fields (None: all)
    # (layer id, fid, attributes) -> where a street segment lies, "Storgatan, Prästgatan–Kyrkgatan" (title "{$place}")
    place: Optional[Callable[[str, int, dict], Optional[str]]] = None
    day: Callable[[Any], str] = str  # a date as the card shows it (the QGIS locale's short format)
    labels: Optional[DomainLabels] = None  # the domain labels of coded values (None: values shown as stored)

    def title(self, spec: LayerSpec) -> str:
        return spec.title.text(self.language)

    def kind(self, spec: LayerSpec) -> str:
        """What one feature of ``spec``'s layer is ("Road segment")."""
        return spec.kind_text(self.language)


def _maybe_unread(value: Any) -> bool:
    """OGR's value for a stored value it cannot read: NULL (dates) or 0 (numbers)."""
    return value is None or (isinstance(value, (int, float)) and value == 0)


class ReportContext:
    """Per-report state: resolved layers, fetched relations (shared by sections and rules), missing layers."""

    def __init__(self, setup: EngineSetup):
        self.setup = setup
        self.handles: dict[str, Optional[LayerHandle]] = {}
        self.related: dict[tuple[str, str, int], Any] = {}  # relations.Related by (relation, layer, fid)
        self.rule_results: dict[tuple[str, str, int], list[TwinWarning]] = {}
        self.missing: dict[str, list[str]] = {}
        self.unreadable: dict[tuple[str, int, str], tuple[Any, Unreadable]] = {}  # (layer, fid, field) -> key, value
        self._checked: set[tuple[str, int]] = set()
        self._kinds: dict[Optional[str], Any] = {}

    def check_stored(self, handle: LayerHandle, keys: dict[int, Any], fields: list[str],
                     read: Optional[dict[int, Mapping[str, Any]]] = None) -> set[tuple[int, str]]:
        """Note the stored values of ``fields`` of features ``keys`` (fid -> key) that cannot be read (GeoPackage
        layers); returns the (fid, field) pairs that are unreadable. ``read``: what OGR gave for each feature — a
        stored value OGR cannot read comes out as NULL or 0, so only features with such a value are looked up."""
        if handle.gpkg is None or not fields:
            return set()
        todo = [fid for fid in keys if (handle.spec.id, fid) not in self._checked
                and (read is None or fid not in read or any(_maybe_unread(read[fid].get(n)) for n in fields))]
        for fid in todo:
            self._checked.add((handle.spec.id, fid))
        for found in unreadable_values(handle.gpkg, handle.spec.table, todo, fields) if todo else []:
            self.unreadable[(handle.spec.id, found.fid, found.field)] = (keys.get(found.fid), found)
        return {(fid, name) for (layer, fid, name) in self.unreadable if layer == handle.spec.id and fid in keys}

    def kinds_for(self, folder: Optional[str]) -> Any:
        """The section kinds' environment with ``folder`` for relative document paths (one per folder and report)."""
        env = self._kinds.get(folder)
        if env is None:
            env = self._kinds[folder] = replace(self.setup.kinds, folder=folder)
        return env

    def handle(self, layer_id: str) -> Optional[LayerHandle]:
        if layer_id not in self.handles:
            self.handles[layer_id] = self.setup.resolve(layer_id)
        return self.handles[layer_id]

    def note_missing(self, layer_id: str, what: str) -> None:
        items = self.missing.setdefault(layer_id, [])
        if what and what not in items:
            items.append(what)
