"""Locator filter (the search box at the bottom left of QGIS): jump to twin features by name."""

from __future__ import annotations

from typing import Callable, Optional

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
from ..core.i18n import ui_language
from ..core.loader import twin_layer
from ..core.search import SearchHit, TwinSearch


class TwinLocatorFilter(QgsLocatorFilter):
    """Streets, property designations, permit ids, ... from the loaded twin.

    Prefix ``twin``: QGIS 3.22 ignores plugin prefixes shorter than 3 characters.
    """

    def __init__(
        self,
        catalog: Catalog,
        canvas: QgsMapCanvas,
        on_hit: Optional[Callable[[SearchHit], None]] = None,
    ):
        super().__init__()
        self.catalog = catalog
        self.canvas = canvas
        self.on_hit = on_hit
        self._search: Optional[TwinSearch] = None

    def clone(self) -> "TwinLocatorFilter":
        return TwinLocatorFilter(self.catalog, self.canvas, self.on_hit)

    def name(self) -> str:
        return "digiresan_twin"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Digital twin features")

    def prefix(self) -> str:
        return "twin"

    def flags(self) -> QgsLocatorFilter.Flags:
        return QgsLocatorFilter.FlagFast

    def prepare(self, string: str, context: QgsLocatorContext) -> list:
        """Main thread: snapshot the twin layers so fetchResults never touches a layer."""
        project = QgsProject.instance()
        self._search = TwinSearch(self.catalog, lambda lid: twin_layer(project, lid), ui_language())
        return []

    def fetchResults(self, string: str, context: QgsLocatorContext, feedback: QgsFeedback) -> None:  # noqa: N802
        if self._search is None:
            return
        for hit in self._search.search(string, limit=30, is_canceled=feedback.isCanceled):
            result = QgsLocatorResult()
            result.filter = self
            count = len(hit.fids)
            result.displayString = hit.text if count == 1 else f"{hit.text} ({count})"
            result.description = hit.layer_title
            result.group = hit.layer_title
            result.userData = hit
            self.resultFetched.emit(result)

    def triggerResult(self, result: QgsLocatorResult) -> None:  # noqa: N802
        hit: SearchHit = result.userData
        layer = twin_layer(QgsProject.instance(), hit.layer_id)
        transform = QgsCoordinateTransform(
            hit.crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance().transformContext()
        )
        extent = transform.transformBoundingBox(hit.extent)
        metre = QgsUnitTypes.fromUnitToUnitFactor(
            QgsUnitTypes.DistanceMeters, self.canvas.mapSettings().destinationCrs().mapUnits()
        )
        extent.grow(max(30 * metre, 0.1 * max(extent.width(), extent.height())))  # a lone point or a straight street
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        if layer is not None:
            layer.selectByIds(hit.fids)
            self.canvas.flashFeatureIds(layer, hit.fids)
        if self.on_hit is not None:
            self.on_hit(hit)
