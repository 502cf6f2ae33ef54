"""The locator's results in the order the search ranks them, on every QGIS the plugin supports.

QGIS's ``QgsLocatorProxyModel`` orders a group's results by their score, then by text. The QGIS 3.40 releases
before the fix of qgis/QGIS#62013 lose the score on the way (``QgsLocatorModel`` answers 0 for every result), so
a group reads alphabetically: a street's segments out of their order along it, "Hjorten 1, 10, 3". Where the
running QGIS does that (``core/compat.locator_model_keeps_scores``), a model between the locator's model and its
proxy answers each result's own score; elsewhere nothing is changed. The change is undone on unload.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsLocatorResult
from qgis.PyQt.QtCore import QIdentityProxyModel, QModelIndex, QObject, QSortFilterProxyModel, Qt

from ..core import compat

_DATA, _SCORE = compat.locator_roles()


class ResultScores(QIdentityProxyModel):
    """The locator's model as it is, except that a result's score is the one its filter gave."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == _SCORE:
            result = super().data(index, _DATA)
            if isinstance(result, QgsLocatorResult):
                return result.score
        return super().data(index, role)


def keep_result_scores(proxy: QSortFilterProxyModel) -> Callable[[], None]:
    """Make ``proxy`` (a ``QgsLocatorProxyModel``) order each group by the results' scores; returns what undoes
    it (nothing to undo where QGIS keeps the scores itself, or when the proxy does not sit on a locator model)."""
    source = proxy.sourceModel()
    if compat.locator_model_keeps_scores() or source is None or not source.inherits("QgsLocatorModel"):
        return lambda: None
    scores = ResultScores(source)  # owned by the locator's model: it lives as long as the model does
    scores.setSourceModel(source)
    proxy.setSourceModel(scores)

    def undo() -> None:
        try:
            if proxy.sourceModel() is scores:
                proxy.setSourceModel(source)
            scores.setSourceModel(None)
            scores.setParent(None)
            scores.deleteLater()
        except RuntimeError:  # QGIS already deleted the locator (closing)
            pass

    return undo


def keep_locator_order(window: QObject) -> Callable[[], None]:
    """:func:`keep_result_scores` for every locator under ``window`` (QGIS's main window: the search box at
    the bottom left); returns what undoes it."""
    proxies = [p for p in window.findChildren(QSortFilterProxyModel) if p.inherits("QgsLocatorProxyModel")]
    undos = [keep_result_scores(proxy) for proxy in proxies]  # sip shows QGIS's own as QSortFilterProxyModel

    def undo() -> None:
        for each in undos:
            each()

    return undo
