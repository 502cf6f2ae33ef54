"""The few QGIS API differences between the long-term releases the plugin supports (3.22 … 3.40+), in one place.

Each helper uses the current API when the running QGIS has it and the 3.22 one otherwise, so 3.40 reports no
deprecation and 3.22 keeps working. Nothing else in the plugin tests the QGIS version.
"""

from __future__ import annotations

from functools import lru_cache

from qgis.core import (
    Qgis,
    QgsAttributeEditorContainer,
    QgsField,
    QgsLocatorFilter,
    QgsLocatorModel,
    QgsLocatorResult,
    QgsMapLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QMetaType

#: QgsField takes a QMetaType.Type from 3.38 on (the QVariant.Type constructor is deprecated there)
FIELD_TAKES_METATYPE = Qgis.versionInt() >= 33800


def new_field(name: str, kind: int) -> QgsField:
    """``QgsField(name, kind)``, ``kind`` a ``QVariant`` type (``QVariant.String`` …), in the running QGIS's form."""
    if FIELD_TAKES_METATYPE:
        return QgsField(name, QMetaType.Type(int(kind)))  # the QVariant and QMetaType numbers are the same
    return QgsField(name, kind)


def null_rectangle() -> QgsRectangle:
    """An empty rectangle that ``combineExtentWith`` grows from nothing (``setNull``; ``setMinimal`` before 3.34)."""
    rect = QgsRectangle()
    if hasattr(rect, "setNull"):
        rect.setNull()
    else:
        rect.setMinimal()
    return rect


def make_tab(container: QgsAttributeEditorContainer) -> None:
    """Show a form container as a tab (``setType``; ``setIsGroupBox(False)`` before 3.26)."""
    if hasattr(container, "setType"):
        container.setType(Qgis.AttributeEditorContainerType.Tab)  # noqa: qt6 (3.26+)
    else:
        container.setIsGroupBox(False)


def set_attribution(layer: QgsMapLayer, text: str, url: str) -> None:
    """The layer's attribution and its link (in ``serverProperties()`` from 3.38 on)."""
    props = layer.serverProperties()
    if hasattr(props, "setAttribution"):
        props.setAttribution(text)
        props.setAttributionUrl(url)
    else:
        layer.setAttribution(text)
        layer.setAttributionUrl(url)


def attribution(layer: QgsMapLayer) -> str:
    """The layer's attribution text (see :func:`set_attribution`)."""
    props = layer.serverProperties()
    return props.attribution() if hasattr(props, "attribution") else layer.attribution()


def locator_roles() -> tuple[int, int]:
    """``QgsLocatorModel``'s (result data, result score) roles (``Role``; 3.36+ an alias of ``CustomRole``)."""
    return int(QgsLocatorModel.Role.ResultDataRole), int(QgsLocatorModel.Role.ResultScoreRole)


class _Probe(QgsLocatorFilter):
    """A filter that finds nothing: only for :func:`locator_model_keeps_scores`."""

    def name(self) -> str:
        return "digiresan_probe"

    def displayName(self) -> str:  # noqa: N802
        return "probe"

    def clone(self) -> "_Probe":
        return _Probe()

    def fetchResults(self, *_args) -> None:  # noqa: N802
        pass

    def triggerResult(self, *_args) -> None:  # noqa: N802
        pass


@lru_cache(maxsize=1)
def locator_model_keeps_scores() -> bool:
    """Whether ``QgsLocatorModel`` gives a result's score to its proxy, which orders a group by it. QGIS 3.40
    up to the fix of qgis/QGIS#62013 answers 0 for every result, so a group is ordered by its texts alone."""
    probe = _Probe()
    model = QgsLocatorModel()
    result = QgsLocatorResult()
    result.filter = probe
    result.displayString = "probe"
    result.score = 0.25
    model.addResult(result)
    _data, score = locator_roles()
    found = [model.data(model.index(row, 0), score) for row in range(model.rowCount())]
    return any(value is not None and abs(float(value) - 0.25) < 1e-9 for value in found)


def set_group_score(result: QgsLocatorResult, score: float) -> None:
    """The order of a locator result's group among the filter's groups, higher first (``groupScore``, 3.40+;
    before that groups are shown in the order their first results came, which :func:`set_group_score`'s
    callers keep too)."""
    if hasattr(result, "groupScore"):
        result.groupScore = score
