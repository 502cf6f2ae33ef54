"""What building one report needs: the engine's fixed setup and the per-report state shared by the subject
finder, the relation reader, the card builder and the warning rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Optional

from ..catalog import Catalog, LayerSpec
from .config import IdentifyConfig
from .handles import LayerHandle, Metric
from .report import TwinWarning
from .sections import KindEnv


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

    def title(self, spec: LayerSpec) -> str:
        return spec.title.text(self.language)


class ReportContext:
    """Per-report state: resolved layers, fetched relations (shared by sections and rules), missing layers."""

    def __init__(self, setup: EngineSetup):
        self.setup = setup
        self.handles: dict[str, Optional[LayerHandle]] = {}
        self.related: dict[tuple[str, str, int], Any] = {}  # relations.Related by (relation, layer, fid)
        self.rule_results: dict[tuple[str, str, int], list[TwinWarning]] = {}
        self.missing: dict[str, list[str]] = {}

    def handle(self, layer_id: str) -> Optional[LayerHandle]:
        if layer_id not in self.handles:
            self.handles[layer_id] = self.setup.resolve(layer_id)
        return self.handles[layer_id]

    def note_missing(self, layer_id: str, what: str) -> None:
        items = self.missing.setdefault(layer_id, [])
        if what and what not in items:
            items.append(what)
