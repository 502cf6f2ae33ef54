"""Locator filter (the search box at the bottom left of QGIS): jump to twin features by name."""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeedback,
    QgsLocatorContext,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsProject,
    QgsUnitTypes,
)
from qgis.gui import QgsMapCanvas

from ..core.catalog import Catalog
from ..core.compat import set_group_score
from ..core.i18n import ui_language
from ..core.layers import twin_layer
from ..core.search import SearchHit, TwinSearch

MIN_ZOOM_SCALE = 1500.0  # a hit is shown at 1:1 500 or smaller scales (the street around it)


class TwinLocatorFilter(QgsLocatorFilter):
    """Streets, property designations, permit ids, ... from the loaded twin.

    Prefix ``twin``: QGIS 3.22 ignores plugin prefixes shorter than 3 characters.
    """

    def __init__(
        self,
        catalog: Catalog,
        canvas: QgsMapCanvas,
        on_hit: Optional[Callable[[SearchHit], None]] = None,
        ideas_for: Optional[Callable[[], Sequence]] = None,
        on_idea: Optional[Callable[[int], None]] = None,
    ):
        super().__init__()
        self.catalog = catalog
        self.canvas = canvas
        self.on_hit = on_hit
        self.ideas_for = ideas_for
        self.on_idea = on_idea
        self._search: Optional[TwinSearch] = None
        self._ideas: list[tuple[str, str, int]] = []  # (reference, title, idea_id), snapshot for the worker
        self._payloads: dict[str, object] = {}

    def clone(self) -> "TwinLocatorFilter":
        """QGIS fetches with a clone and triggers on the original: they share the result payloads."""
        twin = TwinLocatorFilter(self.catalog, self.canvas, self.on_hit, self.ideas_for, self.on_idea)
        twin._payloads = self._payloads
        return twin

    def name(self) -> str:
        return "digiresan_twin"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Digital twin features")

    def prefix(self) -> str:
        return "twin"

    def flags(self) -> QgsLocatorFilter.Flags:
        """Not ``FlagFast``: QGIS runs the search (SQL on the twin's files) on a worker thread."""
        return QgsLocatorFilter.Flags()

    def prepare(self, string: str, context: QgsLocatorContext) -> list:
        """Main thread: snapshot the twin layers so fetchResults never touches a layer."""
        project = QgsProject.instance()
        self._search = TwinSearch(self.catalog, lambda lid: twin_layer(project, lid), ui_language())
        ideas = self.ideas_for() if self.ideas_for is not None else []
        self._ideas = [(idea.reference, idea.title, idea.idea_id) for idea in ideas]
        self._payloads.clear()
        return []

    def fetchResults(self, string: str, context: QgsLocatorContext, feedback: QgsFeedback) -> None:  # noqa: N802
        if self._search is None:
            return
        hits = self._search.search(string, limit=30, is_canceled=feedback.isCanceled)
        groups: dict[str, float] = {}  # layer title -> group score: the groups in the search's order (3.40)
        for rank, hit in enumerate(hits):
            result = QgsLocatorResult()
            result.filter = self
            count = len(hit.fids)
            result.displayString = hit.text if count == 1 or hit.kind == "segment" else f"{hit.text} ({count})"
            result.description = hit.description or hit.layer_title
            result.group = hit.layer_title
            set_group_score(result, groups.setdefault(hit.layer_title, 1000.0 - len(groups)))
            result.score = 1.0 - rank / (len(hits) + 1)  # a group by score: the search's order (gui/locator_order)
            result.userData = self._remember(hit)
            self.resultFetched.emit(result)
        needle = string.strip().casefold()
        if len(needle) < 2:
            return
        title = self.tr("Digiresan ideas")
        found = 0
        for reference, idea_title, idea_id in self._ideas:
            if feedback.isCanceled() or found >= 30:
                break
            if needle in reference.casefold() or needle in idea_title.casefold():
                result = QgsLocatorResult()
                result.filter = self
                result.displayString = f"{reference} {idea_title}"
                result.description = title
                result.group = title
                set_group_score(result, 1.0)  # after the twin's groups
                result.score = 1.0 - found / 31  # in the ideas list's order
                result.userData = self._remember(idea_id)
                self.resultFetched.emit(result)
                found += 1

    def _remember(self, payload: object) -> str:
        """Results carry a plain text token; the payload stays here (Python objects in QVariants are fragile)."""
        token = str(len(self._payloads))
        self._payloads[token] = payload
        return token

    def triggerResult(self, result: QgsLocatorResult) -> None:  # noqa: N802
        payload = self._payloads.get(str(result.userData))
        if isinstance(payload, int):  # an idea
            if self.on_idea is not None:
                self.on_idea(payload)
            return
        if not isinstance(payload, SearchHit):
            return
        hit = payload
        layer = twin_layer(QgsProject.instance(), hit.layer_id)
        transform = QgsCoordinateTransform(
            hit.crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance().transformContext()
        )
        extent = transform.transformBoundingBox(hit.extent)
        metre = QgsUnitTypes.fromUnitToUnitFactor(
            QgsUnitTypes.DistanceUnit.DistanceMeters, self.canvas.mapSettings().destinationCrs().mapUnits()
        )
        extent.grow(max(30 * metre, 0.1 * max(extent.width(), extent.height())))  # a lone point or a straight street
        self.canvas.setExtent(extent)
        if 0 < self.canvas.scale() < MIN_ZOOM_SCALE:  # a permit or a sign: street scale, not 1:440
            self.canvas.zoomScale(MIN_ZOOM_SCALE)
        self.canvas.refresh()
        if layer is not None:
            layer.selectByIds(hit.fids)
            self.canvas.flashFeatureIds(layer, hit.fids)
        if self.on_hit is not None:
            self.on_hit(hit)
